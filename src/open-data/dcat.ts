/**
 * /dcat.rdf: the archive's open data described as a DCAT-AP-SE 3.0.1 catalogue in RDF/XML, which
 * Sveriges dataportal harvests every night (docs/open-data.md). One catalogue, one dataset
 * ("Avslutade projekt", with its projects' themes among its keywords) and one distribution
 * (/projekt.json), written with rdflib as a graph, never as a string template. Every node has an
 * absolute IRI: the dataportal accepts no blank nodes for the catalogue, datasets, distributions,
 * publishers and contact points.
 */
import { createRequire } from "node:module";
import type * as Rdflib from "rdflib";
import type { Archive } from "../content/model/model.ts";
import { newestReview } from "../content/archive/review.ts";
import { publicUrl } from "../format/urls.ts";

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
  add(distribution, DCAT("mediaType"), $rdf.sym("https://www.iana.org/assignments/media-types/application/json"));
  add(distribution, DCT("conformsTo"), url("/projekt.schema.json"));
  add(distribution, DCT("license"), licence);
  add(distribution, DCT("modified"), $rdf.lit(modified, undefined, XSD("date")));

  add(contact, RDF("type"), VCARD("Organization"));
  add(contact, VCARD("fn"), swedish(site.organisation));
  add(contact, VCARD("hasEmail"), $rdf.sym(`mailto:${site.dataContactEmail}`));

  const xml = $rdf.serialize(null, store, undefined, "application/rdf+xml") ?? "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.trimStart()}`;
}
