import { readFile, symlink } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ContentError } from "../../../src/content/model/errors.ts";
import { validateContent } from "../../../src/content/archive/load.ts";
import { contentTree, temporaryFolder } from "../../helpers.ts";

let workspace: Awaited<ReturnType<typeof temporaryFolder>>;
beforeEach(async () => {
  workspace = await temporaryFolder();
});
afterEach(async () => {
  await workspace.remove();
});

/** Validates a copy of the minimal fixture with the given edits and returns its errors. */
async function errorsAfter(edits: Parameters<typeof contentTree>[2]): Promise<{ content: string; errors: readonly ContentError[] }> {
  const content = await contentTree(workspace.dir, "minimal", edits);
  const result = await validateContent(content);
  return { content, errors: result.errors };
}

const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
};

describe("validateContent on valid content", () => {
  it("validates a folder once, however its path is written (Eleventy adds a slash to the build's folder)", async () => {
    const content = await contentTree(workspace.dir, "minimal");
    const first = await validateContent(content);
    const again = await validateContent(`${content}${path.sep}`);
    expect(again.errors).toEqual([]);
    expect(again.archive).toBe(first.archive);
  });

  it("accepts the minimal fixture and resolves its references", async () => {
    const content = await contentTree(workspace.dir, "minimal");
    const { archive, errors } = await validateContent(content);
    expect(errors).toEqual([]);
    expect(archive!.projects.map((project) => project.slug)).toEqual(["beta", "alfa"]);
    const alfa = archive!.projects.find((project) => project.slug === "alfa")!;
    expect(alfa.contacts.map((contact) => contact.name)).toEqual(["Anna Berg"]);
    expect(alfa.responsibility.publishedBy.name).toBe("Bo Ek");
    // A relation named on one side is shown on both.
    const beta = archive!.projects.find((project) => project.slug === "beta")!;
    expect(beta.related.map((link) => link.slug)).toEqual(["alfa"]);
  });

  it("reads CRLF line endings, a byte-order mark and å/ä/ö", async () => {
    const crlf = "\uFEFF---\r\ntitle: Åäö \"citat\" och 'enkla'\r\nsummary: Räksmörgås.\r\nreviewed: 2020-01-02\r\ncontentOwner: anna-berg\r\npublishedBy: bo-ek\r\n---\r\nBrödtext.\r\n";
    const { errors, content } = await errorsAfter({ "projekt/gamma.md": crlf });
    expect(errors).toEqual([]);
    const { archive } = await validateContent(content);
    const gamma = archive!.projects.find((project) => project.slug === "gamma")!;
    expect(gamma.title).toBe("Åäö \"citat\" och 'enkla'");
    expect(gamma.body).toBe("Brödtext.\n");
  });

  it("leaves drafts out and lists them", async () => {
    const { content } = await errorsAfter({ "projekt/beta.md": replace("reviewed:", "draft: true\nreviewed:") });
    const { archive } = await validateContent(content);
    expect(archive!.projects.map((project) => project.slug)).toEqual(["alfa"]);
    expect(archive!.drafts.map((file) => path.basename(file))).toEqual(["beta.md"]);
    // Alfa names beta as related; the relation waits until beta is published.
    expect(archive!.projects[0]!.related).toEqual([]);
  });
});

describe("validateContent reports every error with file, line and field", () => {
  it("names a bad date with its line", async () => {
    const { content, errors } = await errorsAfter({ "projekt/alfa.md": replace("reviewed: 2020-01-02", "reviewed: 2018-13-01") });
    expect(errors).toEqual([
      { file: path.join(content, "projekt/alfa.md"), line: 13, field: "reviewed", message: 'ogiltigt datum "2018-13-01" (skriv ÅÅÅÅ-MM-DD)' },
    ]);
  });

  it("refuses impossible dates, an end before its start and a review in the future", async () => {
    const { errors } = await errorsAfter({
      "projekt/alfa.md": (text) =>
        text.replace("end: 2019-12-31", "end: 2019-02-30").replace("reviewed: 2020-01-02", "reviewed: 2999-01-01"),
      "projekt/beta.md": replace("end: 2022", "end: 2020"),
    });
    expect(errors.map((error) => [path.basename(error.file), error.line, error.field, error.message])).toEqual([
      ["alfa.md", 6, "period.end", 'ogiltigt datum "2019-02-30" (skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)'],
      ["alfa.md", 13, "reviewed", "datumet ligger i framtiden"],
      ["beta.md", 6, "period.end", "slutdatumet ligger före startdatumet"],
    ]);
  });

  it("names an unknown key and suggests the one that was meant", async () => {
    const { errors } = await errorsAfter({ "projekt/alfa.md": replace("reviewed:", "reviwed:") });
    expect(errors.map((error) => [error.line, error.field, error.message])).toEqual([
      [13, "reviwed", "okänt fält (menade du reviewed?)"],
      // At the end of the front matter, where a field is added, not on the title's line.
      [16, "reviewed", "saknas, men måste finnas"],
    ]);
  });

  it("reports a missing field at the closing --- of the front matter, after an id on the first lines", async () => {
    const { errors } = await errorsAfter({ "projekt/alfa.md": (text) => text.replace("---\n", "---\n# Projektets id.\nid: SE-ORGNR-2321000164-alfa\n").replace("reviewed: 2020-01-02\n", "") });
    expect(errors.map((error) => [error.line, error.field, error.message])).toEqual([[17, "reviewed", "saknas, men måste finnas"]]);
  });

  it("reports a missing field of a nested group on the group's line", async () => {
    const { errors } = await errorsAfter({ "projekt/alfa.md": replace("reviewed:", "image:\n  file: bild.jpg\nreviewed:") });
    expect(errors.map((error) => [error.line, error.field])).toContainEqual([13, "image.alt"]);
  });

  it("names an unknown contact and suggests the nearest real one", async () => {
    const { errors } = await errorsAfter({ "projekt/alfa.md": replace("contentOwner: anna-berg", "contentOwner: ana-berg") });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 14, field: "contentOwner" });
    expect(errors[0]!.message).toBe('okänd kontakt "ana-berg": det finns ingen fil kontakter/ana-berg.md (menade du anna-berg?)');
  });

  it("names missing and self-referencing related projects", async () => {
    const { errors } = await errorsAfter({ "projekt/alfa.md": replace("  - beta", "  - betta\n  - alfa") });
    expect(errors.map((error) => [error.line, error.field, error.message])).toEqual([
      [12, "related[0]", 'okänt projekt "betta": det finns ingen fil projekt/betta.md (menade du beta?)'],
      [13, "related[1]", "ett projekt kan inte vara relaterat till sig självt"],
    ]);
  });

  it("reports malformed YAML with its line", async () => {
    const { errors } = await errorsAfter({ "projekt/beta.md": replace("title: Beta", "title: [Beta") });
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [2, 'ogiltig YAML: en lista inom [ ] saknar sitt avslutande ]; skriv raden så här: title: [Beta], eller om det är text och inte en lista: title: "[Beta"'],
    ]);
  });

  it("reports tabs used for indentation", async () => {
    const { errors } = await errorsAfter({ "projekt/beta.md": replace("  start: 2021", "\tstart: 2021") });
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [5, "tabbtecken får inte användas för indrag i YAML; använd mellanslag och skriv raden med 2 mellanslag först: start: 2021"],
    ]);
  });

  it("refuses an invalid phone number and an email without @", async () => {
    const { errors } = await errorsAfter({
      "kontakter/anna-berg.md": (text) => text.replace("019-602 72 54", "019-602").replace("anna.berg@example.se", "anna.berg.example.se"),
    });
    expect(errors.map((error) => [error.line, error.field, error.message])).toEqual([
      [5, "phones[0]", 'ogiltigt telefonnummer "019-602"'],
      [6, "email", "ska vara en e-postadress, till exempel namn@example.se"],
    ]);
  });

  it("refuses wrong types, with the field", async () => {
    const { errors } = await errorsAfter({
      "projekt/beta.md": (text) => text.replace("title: Beta", "title: 42").replace("summary: Det andra projektet.", "summary: Kort.\ngoals: en sträng"),
    });
    expect(errors.map((error) => [error.line, error.field, error.message])).toEqual([
      [2, "title", 'ska vara text, inte talet 42; sätt citattecken runt värdet och skriv raden så här: title: "42"'],
      [4, "goals", 'ska vara en lista, inte texten "en sträng"'],
    ]);
  });

  it("gives the corrected line for a number where text was wanted, and for text where a number was", async () => {
    const funders = [
      "funders:",
      "  - name: Interreg Aurora",
      "    caseNumber: 0020357823",
      "    amount: 480 000",
      "  - name: Nordplus",
      "    amount: 1 250 000,50 kr",
      "    year: \"2019\"",
      "  - name: Statens kulturråd",
      "    amount: ungefär en miljon",
    ].join("\n");
    const { errors } = await errorsAfter({ "projekt/beta.md": replace("reviewed:", `${funders}\ngoals:\n  - 2024\nreviewed:`) });
    expect(errors.map((error) => [error.field, error.message])).toEqual([
      ["funders[0].caseNumber", 'ska vara text, inte talet 20357823; sätt citattecken runt värdet och skriv raden så här: caseNumber: "0020357823"'],
      ["funders[0].amount", 'ska vara ett tal, inte texten "480 000"; skriv talet utan mellanslag och utan citattecken, så här: amount: 480000'],
      ["funders[1].amount", 'ska vara ett tal, inte texten "1 250 000,50 kr"; skriv talet utan mellanslag, med punkt före decimalerna, och utan citattecken, så här: amount: 1250000.50'],
      ["funders[1].year", 'ska vara ett tal, inte texten "2019"; skriv talet utan mellanslag och utan citattecken, så här: year: 2019'],
      // Nothing to correct: the message says what is wrong.
      ["funders[2].amount", 'ska vara ett tal, inte texten "ungefär en miljon"'],
      ["goals[0]", 'ska vara text, inte talet 2024; sätt citattecken runt värdet och skriv raden så här: - "2024"'],
    ]);
  });

  it("refuses URL schemes other than http(s)", async () => {
    const { errors } = await errorsAfter({
      "projekt/beta.md": replace("reviewed:", "funders:\n  - name: X\n    url: javascript:alert(1)\nreviewed:"),
    });
    expect(errors.map((error) => [error.field, error.message])).toEqual([
      ["funders[0].url", "måste vara en webbadress som börjar med https:// eller http:// följt av webbplatsens namn, till exempel https://www.region.se/"],
    ]);
  });

  it("refuses front matter without its closing line, and empty files", async () => {
    const { errors } = await errorsAfter({ "projekt/beta.md": "---\ntitle: Beta\n", "kontakter/bo-ek.md": "" });
    expect(errors.map((error) => [path.basename(error.file), error.line, error.message])).toEqual([
      ["bo-ek.md", 1, "filen är tom"],
      ["beta.md", 1, "front matter saknar en avslutande rad med bara ---"],
    ]);
  });

  it("tells what a badly named file should be called, and refuses unknown files", async () => {
    const { errors } = await errorsAfter({
      "projekt/Rum för bildning.md": "---\n---\n",
      "om-oss.md": "---\n---\n",
    });
    expect(errors.map((error) => [path.basename(error.file), error.message])).toEqual([
      ["om-oss.md", "okänd fil: ett projekt ska ligga i projekt/, en person i kontakter/, bilagor i filer/ och inställningar i _data/site.yaml"],
      ["Rum för bildning.md", "filnamnet får bara innehålla små bokstäver a-z, siffror och bindestreck; döp om filen till rum-for-bildning.md"],
    ]);
  });

  it("publishes anything under filer/ as an attachment, without validating it", async () => {
    const { errors } = await errorsAfter({ "filer/rapport.pdf": "%PDF-1.4", "filer/bilder/Omslag 1.JPG": "jpeg" });
    expect(errors).toEqual([]);
  });

  it("refuses a symlink that points outside the content folder", async () => {
    const { content } = await errorsAfter({});
    await symlink("/etc/hostname", path.join(content, "projekt/lankad.md"));
    const { errors } = await validateContent(content);
    expect(errors.map((error) => path.basename(error.file))).toEqual(["lankad.md"]);
  });

  it("reports a missing required file and a site.yaml missing a required key", async () => {
    const { content, errors } = await errorsAfter({ "kakor.md": null, "_data/site.yaml": replace("organisation: Testbiblioteket\n", "") });
    // Sorted by path: _data/site.yaml comes before kakor.md.
    expect(errors.map((error) => [path.basename(error.file), error.field, error.message])).toEqual([
      ["site.yaml", "organisation", "saknas, men måste finnas"],
      ["kakor.md", undefined, "filen saknas, men måste finnas"],
    ]);
    // At the end of site.yaml, where a key is added.
    const site = await readFile(path.join(content, "_data/site.yaml"), "utf8");
    expect(errors[0]!.line).toBe(site.split("\n").length);
  });

  it("reports the errors of every file in one run", async () => {
    const { errors } = await errorsAfter({
      "projekt/alfa.md": replace("reviewed: 2020-01-02", "reviewed: 2018-13-01"),
      "projekt/beta.md": replace("contentOwner: bo-ek", "contentOwner: bo-eek"),
      "kontakter/anna-berg.md": replace("019-602 72 54", "12"),
    });
    expect(errors.map((error) => `${path.basename(error.file)}:${error.line} ${error.field}`).sort()).toEqual([
      "alfa.md:13 reviewed",
      "anna-berg.md:5 phones[0]",
      "beta.md:8 contentOwner",
    ]);
  });
});

describe("themes from the site's vocabulary", () => {
  const withThemes = (themes: string) => replace("goals:", `themes: ${themes}\ngoals:`);

  it("takes a theme however it is written, as the vocabulary writes it, and one that site.yaml adds", async () => {
    const { content, errors } = await errorsAfter({
      "_data/site.yaml": (text) => `${text}themes:\n  add:\n    - Bokcirklar\n    - läsfrämjande\n`,
      "projekt/alfa.md": withThemes("[Läsfrämjande, bokcirklar]"),
    });
    expect(errors).toEqual([]);
    const { archive } = await validateContent(content);
    const alfa = archive!.projects.find((project) => project.slug === "alfa")!;
    expect(alfa.themes).toEqual([
      { name: "läsfrämjande", url: "/amne/lasframjande/" },
      { name: "Bokcirklar", url: "/amne/bokcirklar/" },
    ]);
    // The default dozen, then what the site adds, each once.
    expect(archive!.site.themeVocabulary.length).toBe(13);
    expect(archive!.site.themeVocabulary.at(-1)).toBe("Bokcirklar");
    expect(archive!.facets.themes.map((facet) => [facet.name, facet.url, facet.projects.map((project) => project.slug)])).toEqual([
      ["Bokcirklar", "/amne/bokcirklar/", ["alfa"]],
      ["läsfrämjande", "/amne/lasframjande/", ["alfa"]],
    ]);
  });

  it("with replace:, offers only the site's own list, and names it all when nothing is close", async () => {
    const { errors } = await errorsAfter({
      "_data/site.yaml": (text) => `${text}themes:\n  replace:\n    - bokcirklar\n    - läsfrämjande\n`,
      "projekt/alfa.md": withThemes("[läsfrämjande, digital delaktighet]"),
    });
    expect(errors.map((error) => [error.line, error.field, error.message])).toEqual([
      [7, "themes[1]", 'okänt ämne "digital delaktighet"; välj ett av webbplatsens ämnen (bokcirklar, läsfrämjande), eller lägg till ämnet i webbplatsens lista under themes: i _data/site.yaml'],
    ]);
  });

  it("refuses the same theme twice in a project, and add: with replace:", async () => {
    const { errors } = await errorsAfter({
      "_data/site.yaml": (text) => `${text}themes:\n  add: [bokcirklar]\n  replace: [läsfrämjande]\n`,
      "projekt/alfa.md": withThemes("[läsfrämjande, Läsfrämjande]"),
    });
    expect(errors.map((error) => [path.basename(error.file), error.field, error.message])).toEqual([
      ["site.yaml", "themes", "skriv antingen add: (ämnen utöver den inbyggda listan) eller replace: (en egen lista i stället för den), inte båda"],
      ["alfa.md", "themes", "samma ämne står två gånger"],
    ]);
  });
});
