import { readFile } from "node:fs/promises";
import path from "node:path";
import type * as RDF from "@rdfjs/types";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { buildSite, contentTree, FIXTURES, runCli, temporaryWorkspace } from "../helpers.ts";

const workspace = temporaryWorkspace();
let site: string;

const SETTINGS = "dcat: true\ndataContactEmail: oppnadata@regionorebrolan.se\npublisherType: RegionalAuthority\n";
const SITE = "https://www.regionorebrolan.se/regionbiblioteket/avslutade-projekt/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/** Reads RDF/XML with rdfxml-streaming-parser, a parser independent of rdflib, which wrote it. */
function parseRdfXml(xml: string, baseIRI: string): Promise<RDF.Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: RDF.Quad[] = [];
    const parser = new RdfXmlParser({ baseIRI });
    parser.on("data", (quad: RDF.Quad) => quads.push(quad));
    parser.on("error", reject);
    parser.on("end", () => resolve(quads));
    parser.write(xml);
    parser.end();
  });
}

/** For each class in a graph, the properties its instances have. */
function propertiesByClass(quads: readonly RDF.Quad[]): Map<string, Set<string>> {
  const classOf = new Map(quads.filter((quad) => quad.predicate.value === RDF_TYPE).map((quad) => [quad.subject.value, quad.object.value]));
  const properties = new Map<string, Set<string>>();
  for (const quad of quads) {
    const type = classOf.get(quad.subject.value);
    if (!type || quad.predicate.value === RDF_TYPE) continue;
    properties.set(type, (properties.get(type) ?? new Set()).add(quad.predicate.value));
  }
  return properties;
}

let quads: RDF.Quad[];
const objectsOf = (subject: string, predicate: string) => quads.filter((quad) => quad.subject.value === subject && quad.predicate.value === predicate).map((quad) => quad.object.value);

beforeAll(async () => {
  const content = await contentTree(workspace.dir, "exempel", { "_data/site.yaml": (text) => text + SETTINGS });
  const built = await buildSite(content, path.join(workspace.dir, "_site"), ["--skip-search"]);
  expect(built.stderr).toBe("");
  site = built.output;
  quads = await parseRdfXml(await readFile(path.join(site, "dcat.rdf"), "utf8"), SITE);
});

describe("/dcat.rdf, the catalogue for Sveriges dataportal", () => {
  it("holds every class and property of DCAT-AP-SE's mandatory example", async () => {
    const reference = await parseRdfXml(await readFile(path.join(FIXTURES, "dcat-ap-se/obligatoriskt.rdf"), "utf8"), "https://example.com/");
    const expected = propertiesByClass(reference);
    // The example adds a data service to show the primary classes; the archive has no API.
    expected.delete("http://www.w3.org/ns/dcat#DataService");
    expected.get("http://www.w3.org/ns/dcat#Distribution")!.delete("http://www.w3.org/ns/dcat#accessService");
    const ours = propertiesByClass(quads);
    expect(expected.size).toBe(5);
    for (const [type, properties] of expected) {
      expect(ours.has(type), type).toBe(true);
      for (const property of properties) expect(ours.get(type)!.has(property), `${type} ${property}`).toBe(true);
    }
  });

  it("has absolute IRIs and no blank nodes", () => {
    expect(quads.length).toBeGreaterThan(30);
    for (const quad of quads) {
      for (const term of [quad.subject, quad.predicate, quad.object]) {
        expect(term.termType, term.value).not.toBe("BlankNode");
        if (term.termType === "NamedNode") expect(term.value, term.value).toMatch(/^(https?|mailto):/);
      }
    }
  });

  it("names the publisher by the dataportal's organisation URI, with a type", () => {
    const publisher = "http://dataportal.se/organisation/SE2321000164";
    expect(objectsOf(publisher, RDF_TYPE)).toEqual(["http://xmlns.com/foaf/0.1/Agent"]);
    expect(objectsOf(publisher, "http://purl.org/dc/terms/type")).toEqual(["http://purl.org/adms/publishertype/RegionalAuthority"]);
    expect(objectsOf(`${SITE}dcat.rdf#avslutade-projekt`, "http://purl.org/dc/terms/publisher")).toEqual([publisher]);
  });

  it("describes projekt.json as the distribution: download, media type, schema, licence and the newest review", () => {
    const distribution = `${SITE}dcat.rdf#projekt-json`;
    expect(objectsOf(distribution, "http://www.w3.org/ns/dcat#downloadURL")).toEqual([`${SITE}projekt.json`]);
    expect(objectsOf(distribution, "http://www.w3.org/ns/dcat#mediaType")).toEqual(["https://www.iana.org/assignments/media-types/application/json"]);
    expect(objectsOf(distribution, "http://purl.org/dc/terms/conformsTo")).toEqual([`${SITE}projekt.schema.json`]);
    expect(objectsOf(distribution, "http://purl.org/dc/terms/license")).toEqual(["http://creativecommons.org/publicdomain/zero/1.0/"]);
    // Both bundled projects were last reviewed on 4 July 2018.
    expect(objectsOf(distribution, "http://purl.org/dc/terms/modified")).toEqual(["2018-07-04"]);
    const dataset = `${SITE}dcat.rdf#avslutade-projekt`;
    expect(objectsOf(dataset, "http://www.w3.org/ns/dcat#landingPage")).toEqual([SITE]);
    expect(objectsOf(dataset, "http://www.w3.org/ns/dcat#keyword").length).toBeGreaterThan(0);
    expect(objectsOf(`${SITE}dcat.rdf#kontakt`, "http://www.w3.org/2006/vcard/ns#hasEmail")).toEqual(["mailto:oppnadata@regionorebrolan.se"]);
  });

  it("gives the dataset the themes its projects have as keywords, once each, since the projects are its records and not datasets of their own", () => {
    const keywords = objectsOf(`${SITE}dcat.rdf#avslutade-projekt`, "http://www.w3.org/ns/dcat#keyword");
    expect(keywords).toEqual(["projekt", "bibliotek", "folkbibliotek", "avslutade projekt", "kompetensutveckling", "folkbildning och samverkan"]);
  });
});

describe("the downloads in /dcat.rdf", () => {
  it("are distributions of the dataset, each with its file, media type, format, licence and the data dictionary", () => {
    const dataset = `${SITE}dcat.rdf#avslutade-projekt`;
    const IANA = "https://www.iana.org/assignments/media-types/";
    const FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    expect(objectsOf(dataset, "http://www.w3.org/ns/dcat#distribution").sort()).toEqual(
      ["bidrag-csv", "projekt-csv", "projekt-json", "projekt-xlsx"].map((id) => `${SITE}dcat.rdf#${id}`),
    );
    for (const [id, file, mediaType, format] of [
      ["projekt-csv", "projekt.csv", "text/csv", "CSV"],
      ["projekt-xlsx", "projekt.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"],
      ["bidrag-csv", "bidrag.csv", "text/csv", "CSV"],
    ]) {
      const distribution = `${SITE}dcat.rdf#${id}`;
      expect(objectsOf(distribution, RDF_TYPE)).toEqual(["http://www.w3.org/ns/dcat#Distribution"]);
      expect(objectsOf(distribution, "http://www.w3.org/ns/dcat#downloadURL")).toEqual([`${SITE}${file}`]);
      expect(objectsOf(distribution, "http://www.w3.org/ns/dcat#accessURL")).toEqual([`${SITE}${file}`]);
      expect(objectsOf(distribution, "http://www.w3.org/ns/dcat#mediaType")).toEqual([`${IANA}${mediaType}`]);
      expect(objectsOf(distribution, "http://purl.org/dc/terms/format")).toEqual([`${FILE_TYPE}${format}`]);
      expect(objectsOf(distribution, "http://purl.org/dc/terms/license")).toEqual(["http://creativecommons.org/publicdomain/zero/1.0/"]);
      expect(objectsOf(distribution, "http://xmlns.com/foaf/0.1/page")).toEqual([`${SITE}oppna-data/`]);
    }
  });
});

describe("a site without dcat", () => {
  it("has no /dcat.rdf, and dcat: true names each key it still needs", async () => {
    // The minimal fixture (with a cookie category), built once for the run, has no dcat: setting.
    const plain = await fixtureSite("consent");
    await expect(readFile(path.join(plain.output, "dcat.rdf"))).rejects.toThrow(/ENOENT/);
    const content = await contentTree(path.join(workspace.dir, "incomplete"), "minimal", { "_data/site.yaml": (text) => `${text}dcat: true\n` });
    const check = await runCli("check", [content]);
    expect(check.code).toBe(1);
    for (const key of ["organisationNumber", "dataContactEmail", "publisherType"]) {
      expect(check.stderr).toMatch(new RegExp(`site\\.yaml:\\d+ {2}dcat: katalogen för Sveriges dataportal \\(dcat: true\\) behöver ${key}`));
    }
  });

  it("refuses a licence that is not written exactly as Creative Commons writes it", async () => {
    const content = await contentTree(path.join(workspace.dir, "licence"), "minimal", { "_data/site.yaml": (text) => `${text}dataLicense: https://creativecommons.org/licenses/by/4.0\n` });
    const check = await runCli("check", [content]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/dataLicense: skriv licensens adress exakt som Creative Commons skriver den/);
  });
});
