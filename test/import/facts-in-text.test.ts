import { describe, expect, it } from "vitest";
import { readPageBlocks } from "../../src/import/blocks.ts";
import { definitionsOf, factOfLabel, labelAndValue } from "../../src/import/fact-labels.ts";
import { funderNames, organisationNames, partnerOf } from "../../src/import/organisations.ts";
import { periodOfSentence, periodOfValue } from "../../src/import/periods.ts";
import { readProject } from "../../src/import/projects.ts";

describe("periods as pages write them", () => {
  it("reads a fact box's value: years, days, months, seasons, a short second year", () => {
    const values: Record<string, object> = {
      "2020–2022": { start: "2020", end: "2022" },
      "2020 - 2022": { start: "2020", end: "2022" },
      "2019-01-01 – 2020-12-31": { start: "2019-01-01", end: "2020-12-31" },
      "januari 2019 – juni 2020": { start: "2019-01", end: "2020-06" },
      "jan. 2019–sept 2020": { start: "2019-01", end: "2020-09" },
      "1 mars 2020 - 31 dec. 2021": { start: "2020-03-01", end: "2021-12-31" },
      "hösten 2019 till våren 2021": { start: "2019", end: "2021" },
      "2019-09 – 2021-06": { start: "2019-09", end: "2021-06" },
      "2020–21": { start: "2020", end: "2021" },
      "2020": { start: "2020", end: "2020" },
    };
    for (const [value, period] of Object.entries(values)) expect(periodOfValue(value), value).toEqual(period);
    for (const value of ["kl. 18.00", "tre år", "2022–2020"]) expect(periodOfValue(value), value).toBeUndefined();
  });

  it("reads sentences with pågick, startade and avslutades, up to the next clause", () => {
    expect(periodOfSentence("Projektet pågick 2006–2007.")).toEqual({ start: "2006", end: "2007" });
    expect(periodOfSentence("Projektet finansierades av Interreg Nord och pågick från 2019 till 2022.")).toEqual({ start: "2019", end: "2022" });
    expect(periodOfSentence("Projektet pågick 2019–2020 och finansierades av Region Västmanland 2018.")).toEqual({ start: "2019", end: "2020" });
    expect(periodOfSentence("Projektet pågick under 2019.")).toEqual({ start: "2019", end: "2019" });
    expect(periodOfSentence("Projektet startade i januari 2020 och avslutades i december 2021.")).toEqual({ start: "2020-01", end: "2021-12" });
    expect(periodOfSentence("Projektet avslutades med en inspirationskonferens den 5 april 2011.")).toEqual({ end: "2011-04-05" });
    expect(periodOfSentence("Projektet startade med en kickoff och avslutades 2021.")).toEqual({ end: "2021" });
    expect(periodOfSentence("Projektet pågick i tre år.")).toBeUndefined();
  });
});

describe("funders and partners as whole names", () => {
  it("stops a funder at a verb, a clause, a time or a date", () => {
    expect(funderNames("Interreg Nord och pågick från 2019 till 2022")).toEqual([{ name: "Interreg Nord" }]);
    expect(funderNames("Allmänna arvsfonden under tre år, 2020–2022")).toEqual([{ name: "Allmänna arvsfonden" }]);
    expect(funderNames("Region Västmanland med 300 000 kronor")).toEqual([{ name: "Region Västmanland" }]);
    expect(funderNames("Europeiska socialfonden, som finansierar projekt i hela landet")).toEqual([{ name: "Europeiska socialfonden" }]);
    expect(funderNames("Kulturrådet 2019")).toEqual([{ name: "Kulturrådet" }]);
  });

  it("splits a list of names, but not a name that holds an och", () => {
    expect(funderNames("Statens kulturråd och Region Örebro län")).toEqual([{ name: "Statens kulturråd" }, { name: "Region Örebro län" }]);
    expect(funderNames("Kulturrådet, Region Gävleborg och Sandvikens kommun").map((funder) => funder.name)).toEqual(["Kulturrådet", "Region Gävleborg", "Sandvikens kommun"]);
    expect(funderNames("Kultur- och fritidsförvaltningen i Umeå")).toEqual([{ name: "Kultur- och fritidsförvaltningen i Umeå" }]);
    expect(funderNames("Stiftelsen för läsning och bildning")).toEqual([{ name: "Stiftelsen för läsning och bildning" }]);
    expect(funderNames("Sveriges Kommuner och Regioner")).toEqual([{ name: "Sveriges Kommuner och Regioner" }]);
    expect(organisationNames("Tønsberg og Nøtterøy bibliotek")).toEqual(["Tønsberg og Nøtterøy bibliotek"]);
  });

  it("reads the programme a grant came through", () => {
    expect(funderNames("Kulturrådet genom satsningen Stärkta bibliotek")).toEqual([{ name: "Kulturrådet", programme: "Stärkta bibliotek" }]);
  });

  it("reads a partner's country in the forms pages use, in the Nordic languages", () => {
    expect(partnerOf("Nasjonalbiblioteket (Norge)")).toMatchObject({ name: "Nasjonalbiblioteket", country: "NO" });
    expect(partnerOf("Larvik bibliotek, Norge")).toMatchObject({ name: "Larvik bibliotek", country: "NO" });
    expect(partnerOf("Fritid og Samfund – Danmark")).toMatchObject({ name: "Fritid og Samfund", country: "DK" });
    expect(partnerOf("Turun kaupunginkirjasto (Suomi)")).toMatchObject({ name: "Turun kaupunginkirjasto", country: "FI" });
    expect(partnerOf("VOFO (Voksenopplæringsforbundet)")).toEqual({ name: "VOFO (Voksenopplæringsforbundet)" });
    expect(organisationNames("Umeå universitet och Västerbottens museum under 2019", { capitalised: true })).toEqual(["Umeå universitet", "Västerbottens museum"]);
    expect(organisationNames("Nasjonalbiblioteket, Norge och Larvik bibliotek, Norge").map(partnerOf)).toMatchObject([{ name: "Nasjonalbiblioteket", country: "NO" }, { name: "Larvik bibliotek", country: "NO" }]);
  });
});

describe("labels and values", () => {
  it("knows the labels of fact boxes", () => {
    const labels: Record<string, string> = { Projekttid: "period", "Projektperiod:": "period", Tid: "period", Start: "start", Slutdatum: "end", Finansiär: "funders", Finansiärer: "funders", Samarbetspartners: "partners", Projektägare: "owner", Kontaktperson: "contacts" };
    for (const [label, kind] of Object.entries(labels)) expect(factOfLabel(label), label).toBe(kind);
    expect(factOfLabel("Målgrupp")).toBeUndefined();
    expect(labelAndValue("Projekttid: 2020–2022")).toEqual({ label: "Projekttid", value: "2020–2022" });
    expect(labelAndValue("Obs: det här är en mening som råkar ha ett kolon i sig")).toEqual({ label: "Obs", value: "det här är en mening som råkar ha ett kolon i sig" });
    expect(labelAndValue("Klockan 18:00")).toBeUndefined();
  });

  it("reads a definition list as pairs, never glued", () => {
    expect(definitionsOf("<dl><dt>Projekttid</dt><dd>2020–2022</dd><dt>Finansiär:</dt><dd>Statens <strong>kulturråd</strong></dd><dd>Region Jämtland Härjedalen</dd></dl>")).toEqual([
      { label: "Projekttid", values: [{ text: "2020–2022", html: "2020–2022" }] },
      { label: "Finansiär", values: [{ text: "Statens kulturråd", html: "Statens <strong>kulturråd</strong>" }, { text: "Region Jämtland Härjedalen", html: "Region Jämtland Härjedalen" }] },
    ]);
  });
});

describe("readProject: a label is a fact only where its value reads as one", () => {
  const project = (html: string) => {
    const { blocks } = readPageBlocks(`<main><h2>Projekt</h2>${html}</main>`, "https://www.example.se/");
    return readProject(blocks, 2, "projekt/projekt.md");
  };

  it("leaves prose under a Partner heading, a Tid that is a time of day, and a Partner line that is a sentence in the body", () => {
    const read = project("<p>Text.</p><h3>Partner</h3><p>Projektet hade partner i tre länder.</p><p>Tid: tisdagar kl. 18</p><p>Partner: Vi samarbetade med många.</p>");
    expect(read.fields.partners).toBeUndefined();
    expect(read.fields.period).toBeUndefined();
    expect(read.body.map((part) => ("markdown" in part ? part.markdown : ""))).toEqual(["Text.", "## Partner", "Projektet hade partner i tre länder.", "Tid: tisdagar kl. 18", "Partner: Vi samarbetade med många."]);
  });

  it("takes names that start like a sentence but are names", () => {
    expect(project("<p>Text.</p><p>Partner: Det Kongelige Bibliotek (Danmark)</p>").fields.partners).toEqual([{ name: "Det Kongelige Bibliotek", country: "DK", lang: "da" }]);
  });
});
