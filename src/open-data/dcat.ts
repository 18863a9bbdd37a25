/**
 * /dcat.rdf: the archive's open data described as a DCAT-AP-SE 3.0.1 catalogue in RDF/XML, which
 * Sveriges dataportal harvests every night (docs/open-data.md). One catalogue, one dataset
 * ("Avslutade projekt", with its projects' themes among its keywords) and its distributions
 * (/projekt.json, and the downloads /projekt.csv, /projekt.xlsx and /bidrag.csv), written with
 * rdflib as a graph, never as a string template. Every node has an absolute IRI: the dataportal
 * accepts no blank nodes for the catalogue, datasets, distributions, publishers and contact points.
 */
import { createRequire } from "node:module";
import type * as Rdflib from "rdflib";
import type { Archive } from "../content/model/model.ts";
import { newestReview } from "../content/archive/review.ts";
import { publicUrl } from "../format/urls.ts";
import { GRANTS_CSV, listFiles } from "./downloads.ts";
import { OPEN_DATA_PAGE } from "./project-table.ts";

/** rdflib is loaded only by a site that publishes a catalogue. */
const require = createRequire(import.meta.url);

/** The publisher's URI that the dataportal uses to merge one organisation's data across catalogues. */
export const publisherUri = (organisationDigits: string) => `http://dataportal.se/organisation/SE${organisationDigits}`;

/** The catalogue as RDF/XML, or undefined when the site does not publish one (`dcat` in site.yaml). */
export function dcatCatalogue(archive: Archive): string | undefined {
  const { site } = archive;
  if (!site.dcat || !site.organisationNumber || !site.dataContactEmail || !site.publisherType) return undefined;
  const $rdf = require("rdflib") as typeof Rdflib;
  const namespace = (base: string) => (name: string) => $rdf.sym(`${base}${name}`);
  const RDF = namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  const DCT = namespace("http://purl.org/dc/terms/");
  const DCAT = namespace("http://www.w3.org/ns/dcat#");
  const FOAF = namespace("http://xmlns.com/foaf/0.1/");
  const VCARD = namespace("http://www.w3.org/2006/vcard/ns#");
  const XSD = namespace("http://www.w3.org/2001/XMLSchema#");
  const store = $rdf.graph();
  const url = (sitePath: string) => $rdf.sym(publicUrl(sitePath, site.url));
  const swedish = (text: string) => $rdf.lit(text, "sv");
  type Node = ReturnType<typeof $rdf.sym>;
  const add = (subject: Node, predicate: Node, object: Node | ReturnType<typeof $rdf.lit>) => store.add(subject, predicate, object);

  const catalogue = url("/dcat.rdf#katalog");
  const dataset = url("/dcat.rdf#avslutade-projekt");
  const distribution = url("/dcat.rdf#projekt-json");
  const fileType = (type: string) => $rdf.sym(`http://publications.europa.eu/resource/authority/file-type/${type}`);
  const mediaType = (type: string) => $rdf.sym(`https://www.iana.org/assignments/media-types/${type}`);
  const contact = url("/dcat.rdf#kontakt");
  const publisher = $rdf.sym(publisherUri(site.organisationNumber));
  const licence = $rdf.sym(site.dataLicense);
  const swedishLanguage = $rdf.sym("http://publications.europa.eu/resource/authority/language/SWE");
  const published = archive.ownProjects().filter((project) => !project.draft);
  const modified = newestReview(published) ?? site.generatedPages.reviewed;

  add(catalogue, RDF("type"), DCAT("Catalog"));
  add(catalogue, DCT("title"), swedish(`${site.name}: ${site.organisation}`));
  add(catalogue, DCT("description"), swedish(`Öppna data från ${site.organisation}s arkiv över avslutade projekt.`));
  add(catalogue, DCT("publisher"), publisher);
  add(catalogue, DCT("license"), licence);
  add(catalogue, DCT("language"), swedishLanguage);
  add(catalogue, FOAF("homepage"), url("/"));
  add(catalogue, DCT("modified"), $rdf.lit(modified, undefined, XSD("date")));
  add(catalogue, DCAT("dataset"), dataset);

  add(publisher, RDF("type"), FOAF("Agent"));
  add(publisher, FOAF("name"), swedish(site.organisation));
  add(publisher, DCT("type"), $rdf.sym(`http://purl.org/adms/publishertype/${site.publisherType}`));

  add(dataset, RDF("type"), DCAT("Dataset"));
  add(dataset, DCT("title"), swedish(site.name));
  add(dataset, DCT("description"), swedish(`Avslutade projekt hos ${site.organisation}: ämnen, mål, resultat, erfarenheter, partner, finansiärer, bidrag, period, dokument och kontaktpersoner, ett projekt per post. ${published.length} projekt.`));
  add(dataset, DCT("publisher"), publisher);
  add(dataset, DCAT("contactPoint"), contact);
  add(dataset, DCAT("landingPage"), url("/"));
  add(dataset, DCT("language"), swedishLanguage);
  add(dataset, DCT("modified"), $rdf.lit(modified, undefined, XSD("date")));
  // The projects are records of the one dataset, not datasets of their own: the themes they have are its keywords.
  const themes = published.flatMap((project) => project.themes.map((theme) => theme.name));
  for (const keyword of new Set(["projekt", "bibliotek", "folkbibliotek", "avslutade projekt", ...themes])) add(dataset, DCAT("keyword"), swedish(keyword));
  add(dataset, DCAT("distribution"), distribution);

  add(distribution, RDF("type"), DCAT("Distribution"));
  add(distribution, DCT("title"), swedish("Projekten som JSON"));
  add(distribution, DCAT("accessURL"), url("/projekt.json"));
  add(distribution, DCAT("downloadURL"), url("/projekt.json"));
  add(distribution, DCAT("mediaType"), mediaType("application/json"));
  add(distribution, DCT("format"), fileType("JSON"));
  add(distribution, DCT("conformsTo"), url("/projekt.schema.json"));
  add(distribution, DCT("license"), licence);
  add(distribution, DCT("modified"), $rdf.lit(modified, undefined, XSD("date")));

  // The downloads (src/open-data/downloads.ts): every project the site shows, and every grant, as
  // tables whose columns the data dictionary on the site explains.
  const harvested = archive.projects.length > published.length ? " Med projekten som webbplatsen hämtar från andra arkiv." : "";
  const { csv, xlsx } = listFiles(archive.pages.index.url);
  const downloads = [
    { id: "projekt-csv", title: "Projekten som CSV", description: `En rad per projekt, kommaseparerad (RFC 4180) i UTF-8.${harvested}`, file: csv, type: "text/csv", format: "CSV" },
    {
      id: "projekt-xlsx",
      title: "Projekten som Excel",
      description: `En rad per projekt på bladet Projekt och en per bidrag på bladet Bidrag.${harvested}`,
      file: xlsx,
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      format: "XLSX",
    },
    { id: "bidrag-csv", title: "Bidragen som CSV", description: `En rad per bidrag till ett projekt, kommaseparerad (RFC 4180) i UTF-8.${harvested}`, file: GRANTS_CSV, type: "text/csv", format: "CSV" },
  ];
  for (const download of downloads) {
    const node = url(`/dcat.rdf#${download.id}`);
    add(dataset, DCAT("distribution"), node);
    add(node, RDF("type"), DCAT("Distribution"));
    add(node, DCT("title"), swedish(download.title));
    add(node, DCT("description"), swedish(download.description));
    add(node, DCAT("accessURL"), url(download.file));
    add(node, DCAT("downloadURL"), url(download.file));
    add(node, DCAT("mediaType"), mediaType(download.type));
    add(node, DCT("format"), fileType(download.format));
    add(node, FOAF("page"), url(OPEN_DATA_PAGE));
    add(node, DCT("license"), licence);
    add(node, DCT("modified"), $rdf.lit(modified, undefined, XSD("date")));
  }

  add(contact, RDF("type"), VCARD("Organization"));
  add(contact, VCARD("fn"), swedish(site.organisation));
  add(contact, VCARD("hasEmail"), $rdf.sym(`mailto:${site.dataContactEmail}`));

  const xml = $rdf.serialize(null, store, undefined, "application/rdf+xml") ?? "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.trimStart()}`;
}
