import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, contentTree, PROJECT_ROOT, readPage, runCli, temporaryWorkspace, textOf } from "../helpers.ts";

const workspace = temporaryWorkspace();
let site: string;

/** A funder with the grant behind it, and a partner that owned and coordinated the project, with its organisation number. */
const GRANT = `funders:
  - name: Statens kulturråd
    url: https://www.kulturradet.se/
    programme: Stärkta bibliotek
    caseNumber: KUR 2019/1234
    amount: 450000
    year: 2019
partners:
  - name: Region Västmanland
    country: SE
    roles: [owner, coordinator]
    organisationNumber: 232100-0172`;

beforeAll(async () => {
  const content = await contentTree(workspace.dir, "dokumentation", {
    "projekt/lasframjande.md": (text) => text.replace(/^reviewed:/m, `${GRANT}\nreviewed:`),
  });
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
  it("show on the page after the funder: programme, case number, amount and year", async () => {
    const page = await readPage(site, "projekt/lasframjande/");
    const funding = page.querySelector("#finansiering + p");
    expect(textOf(funding)).toBe("Projektet har haft stöd av Statens kulturråd (Stärkta bibliotek, dnr KUR 2019/1234, 450 000 kr, 2019).");
    // The amount's thousands are held together by a no-break space.
    expect(funding!.textContent).toContain("450\u00a0000 kr");
  });

  it("are in projekt.json, which validates against its schema", async () => {
    const data = JSON.parse(await readFile(path.join(site, "projekt.json"), "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(await readFile(path.join(site, "projekt.schema.json"), "utf8")));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const project = data.find((entry: { slug: string }) => entry.slug === "lasframjande");
    expect(project.funders).toEqual([{ name: "Statens kulturråd", url: "https://www.kulturradet.se/", programme: "Stärkta bibliotek", caseNumber: "KUR 2019/1234", amount: 450000, year: 2019 }]);
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

describe("a malformed case number", () => {
  it("is refused with file, line and field", async () => {
    const content = await contentTree(path.join(workspace.dir, "fel"), "dokumentation", {
      "projekt/lasframjande.md": (text) => text.replace(/^reviewed:/m, `${GRANT.replace("KUR 2019/1234", "KUR-1234")}\nreviewed:`),
    });
    const result = await runCli("check", [content]);
    expect(result.code).toBe(1);
    const [, line] = /lasframjande\.md:(\d+) {2}funders\[0\]\.caseNumber: ska vara ett diarienummer som KUR 2019\/1234/.exec(result.stderr) ?? [];
    expect(line, result.stderr).toBeDefined();
    expect((await readFile(path.join(content, "projekt/lasframjande.md"), "utf8")).split("\n")[Number(line) - 1]).toBe("    caseNumber: KUR-1234");
  });
});
