import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, contentTree, PROJECT_ROOT, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();
let site: string;

/**
 * Two funders with the grants behind them: Kulturrådet's in kronor with its case number, and an
 * Interreg grant in euro, with cents, under its project number. Then a partner that owned and
 * coordinated the project, with its organisation number.
 */
const GRANT = `funders:
  - name: Statens kulturråd
    url: https://www.kulturradet.se/
    programme: Stärkta bibliotek
    caseNumber: KUR 2019/1234
    amount: 450000
    year: 2019
  - name: Interreg Aurora
    programme: Nordic Sápmi
    caseNumber: NYPS 20201234
    amount: 1250000.50
    currency: EUR
    year: 2021
partners:
  - name: Region Västmanland
    country: SE
    roles: [owner, coordinator]
    organisationNumber: 232100-0172`;

beforeAll(async () => {
  const content = await contentTree(workspace.dir, "dokumentation", {
    "projekt/lasframjande.md": (text) => text.replace(/^reviewed:/m, `${GRANT}\nreviewed:`),
  });
  const checked = await runCli("check", [content]);
  expect(checked.code, checked.stderr).toBe(0);
  expect(checked.stderr).toBe("");
  const built = await buildSite(content, path.join(workspace.dir, "_site"), ["--skip-search"]);
  expect(built.stderr).toBe("");
  site = built.output;
});

/** Every term schema.org defines, as schema-dts (generated from schema.org's vocabulary) declares them. */
async function schemaOrgTerms(): Promise<Set<string>> {
  const declarations = await readFile(path.join(PROJECT_ROOT, "node_modules/schema-dts/dist/schema.d.ts"), "utf8");
  return new Set([...declarations.matchAll(/^\s+"([A-Za-z][\w-]*)"\??: /gm), ...declarations.matchAll(/"@type": "(\w+)"/g)].map((match) => match[1]!));
}

/**
 * Expands JSON-LD with the jsonld library. schema.org's context is answered here, not fetched: every
 * term of the vocabulary is under https://schema.org/.
 */
async function expand(document: object): Promise<object[]> {
  const documentLoader = async (url: string) => {
    if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`no other context is loaded: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: { "@context": { "@vocab": "https://schema.org/" } } };
  };
  return (await jsonld.expand(document as jsonld.JsonLdDocument, { documentLoader })) as object[];
}

/** Every property and type IRI in an expanded document. */
function iris(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => iris(item, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "@type") (Array.isArray(value) ? value : [value]).forEach((type) => found.add(String(type)));
      else if (!key.startsWith("@")) found.add(key);
      if (key !== "@value") iris(value, found);
    }
  }
  return found;
}

describe("a project's grants", () => {
  it("show on the page after the funder: programme, case or project number, amount in its currency, and year", async () => {
    const page = await readPage(site, "projekt/lasframjande/");
    const funding = page.querySelector("#finansiering + p");
    expect(textOf(funding)).toBe(
      "Projektet har haft stöd av Statens kulturråd (Stärkta bibliotek, dnr KUR 2019/1234, 450 000 kr, 2019) och Interreg Aurora (Nordic Sápmi, projektnummer NYPS 20201234, 1 250 000,50 euro, 2021).",
    );
    // The amount's thousands and its unit are held together by no-break spaces.
    expect(funding!.textContent).toContain("450\u00a0000\u00a0kr");
    expect(funding!.textContent).toContain("1\u00a0250\u00a0000,50\u00a0euro");
  });

  it("are in projekt.json, which validates against its schema", async () => {
    const data = JSON.parse(await readFile(path.join(site, "projekt.json"), "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(await readFile(path.join(site, "projekt.schema.json"), "utf8")));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const project = data.find((entry: { slug: string }) => entry.slug === "lasframjande");
    // Every amount with its currency: kronor where the file names none.
    expect(project.funders).toEqual([
      { name: "Statens kulturråd", url: "https://www.kulturradet.se/", programme: "Stärkta bibliotek", caseNumber: "KUR 2019/1234", amount: 450000, currency: "SEK", year: 2019 },
      { name: "Interreg Aurora", programme: "Nordic Sápmi", caseNumber: "NYPS 20201234", amount: 1250000.5, currency: "EUR", year: 2021 },
    ]);
    // A partner's organisation number is kept for a national archive (src/harvest/trust.ts), and shown nowhere.
    expect(project.partners).toEqual([{ name: "Region Västmanland", country: "SE", roles: ["owner", "coordinator"], organisationNumber: "2321000172" }]);
    expect(await readFile(path.join(site, "projekt/lasframjande/index.html"), "utf8")).not.toMatch(/232100-?0172/);
  });

  it("are a MonetaryGrant in the page's JSON-LD, whose every term expands to schema.org", async () => {
    const html = await readFile(path.join(site, "projekt/lasframjande/index.html"), "utf8");
    const document = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(document.funding).toEqual([
      {
        "@type": "MonetaryGrant",
        name: "Stärkta bibliotek",
        identifier: "KUR 2019/1234",
        amount: { "@type": "MonetaryAmount", value: 450000, currency: "SEK" },
        funder: { "@type": "Organization", name: "Statens kulturråd", url: "https://www.kulturradet.se/" },
        fundedItem: { "@id": document["@id"] },
      },
      {
        "@type": "MonetaryGrant",
        name: "Nordic Sápmi",
        identifier: "NYPS 20201234",
        amount: { "@type": "MonetaryAmount", value: 1250000.5, currency: "EUR" },
        funder: { "@type": "Organization", name: "Interreg Aurora" },
        fundedItem: { "@id": document["@id"] },
      },
    ]);
    expect(document.subjectOf.map((item: { name: string; inLanguage: string }) => item.inLanguage)).toContain("sv");
    expect(document.member).toEqual([expect.objectContaining({ "@type": "OrganizationRole", roleName: ["projektägare", "koordinator"] })]);
    const terms = await schemaOrgTerms();
    expect(terms.has("MonetaryGrant") && terms.has("fundedItem") && !terms.has("grantAmount")).toBe(true);
    const found = [...iris(await expand(document))];
    expect(found.length).toBeGreaterThan(20);
    const unknown = found.filter((iri) => !iri.startsWith("https://schema.org/") || !terms.has(iri.slice("https://schema.org/".length)));
    expect(unknown).toEqual([]);
  });
});

describe("a grant that does not hold", () => {
  it("is refused with file, line and field: a case number not in Kulturrådet's format (known by name or website), cents beyond two decimals, a currency of its own, a currency without an amount", async () => {
    const funders = `funders:
  - name: Statens kulturråd
    caseNumber: KUR-1234
  - name: Kulturrådet i Sverige
    url: https://www.kulturradet.se/
    caseNumber: NYPS 20201234
  - name: Interreg Aurora
    caseNumber: NYPS 20201234
    amount: 1250000.505
  - name: Nordplus
    amount: 30000
    currency: ISK
  - name: Nordisk kulturfond
    currency: DKK`;
    const content = await contentTree(path.join(workspace.dir, "fel"), "dokumentation", {
      "projekt/lasframjande.md": (text) => text.replace(/^reviewed:/m, `${funders}\nreviewed:`),
    });
    const result = await runCli("check", [content]);
    expect(result.code).toBe(1);
    const lines = (await readFile(path.join(content, "projekt/lasframjande.md"), "utf8")).split("\n");
    const reported = [...result.stderr.matchAll(/lasframjande\.md:(\d+) {2}(funders\[\d\]\.\w+): (.*)/g)].map(([, line, field, message]) => ({ line: lines[Number(line) - 1], field, message }));
    expect(reported).toEqual([
      { line: "    caseNumber: KUR-1234", field: "funders[0].caseNumber", message: expect.stringMatching(/^ska vara ett diarienummer som KUR 2019\/1234, som Statens kulturråd skriver dem/) },
      { line: "    caseNumber: NYPS 20201234", field: "funders[1].caseNumber", message: expect.stringMatching(/^ska vara ett diarienummer som KUR 2019\/1234/) },
      { line: "    amount: 1250000.505", field: "funders[2].amount", message: "ska ha högst två decimaler (öre eller cent), till exempel 450000 eller 1250000.50" },
      { line: "    currency: ISK", field: "funders[3].currency", message: 'ska vara ett av "SEK", "EUR", "NOK", "DKK", inte texten "ISK"' },
      { line: "    currency: DKK", field: "funders[4].currency", message: "valutan gäller beloppet: skriv beloppet (amount), eller ta bort raden currency" },
    ]);
    // Interreg's project number is free text: no error for it.
    expect(result.stderr).not.toContain("funders[2].caseNumber");
  });
});
