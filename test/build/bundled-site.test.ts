import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "../fixture-sites.ts";
import { readPage, textOf } from "../helpers.ts";

let site: string;

beforeAll(async () => {
  const result = await fixtureSite("bundled");
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  site = result.output;
});

const PAGES = ["/", "/projekt/vinna-vinna/", "/projekt/rom-for-dannelse/", "/kontakt/", "/kakor/", "/tillganglighet/", "/404.html"];

/** The seed's contact list, as the seed page writes it. */
const SEED_CONTACTS = [
  ["Peter Alsbjer", "Regionbibliotekarie", ["019-602 72 54", "072-147 04 30"]],
  ["Sylvia Blomberg", "Samordnare - barnrätts- och hbtq frågor", ["019-602 72 51", "070-582 76 99"]],
  ["Eva Carlbom", "Utvecklingsledare - bibliotek, barn, unga", ["019-602 72 90", "072-083 57 97"]],
  ["Sandra Spjuth", "Utvecklingsledare - bibliotek", ["019-602 72 53", "070-316 45 48"]],
  ["Linda Berg Ottoson", "Utvecklingsledare - bibliotek", ["076-108 72 58"]],
] as const;

/** "019-602 72 54" dials as tel:+46196027254. */
const e164 = (display: string) => `tel:+46${display.replace(/\D/g, "").slice(1)}`;

function linksIn(element: HTMLElement | null): { text: string; href: string | undefined }[] {
  return (element?.querySelectorAll("a") ?? []).map((link) => ({ text: textOf(link), href: link.getAttribute("href") }));
}

describe("the bundled site", () => {
  it("writes every page of the reference site and five vCards", async () => {
    for (const file of [
      "index.html",
      "projekt/vinna-vinna/index.html",
      "projekt/rom-for-dannelse/index.html",
      "kontakt/index.html",
      "kakor/index.html",
      "tillganglighet/index.html",
      "404.html",
    ]) {
      await expect(readFile(path.join(site, file), "utf8"), file).resolves.toMatch(/^<!DOCTYPE html>/);
    }
    expect((await readdir(path.join(site, "kontakt"))).filter((name) => name.endsWith(".vcf")).sort()).toEqual([
      "eva-carlbom.vcf",
      "linda-berg-ottoson.vcf",
      "peter-alsbjer.vcf",
      "sandra-spjuth.vcf",
      "sylvia-blomberg.vcf",
    ]);
  });

  it.each(PAGES)("gives %s the shared frame: language, skip link, header, breadcrumbs, footer, cookie notice", async (url) => {
    const page = await readPage(site, url);
    expect(page.querySelector("html")!.getAttribute("lang")).toBe("sv");
    const firstLink = page.querySelector("body a")!;
    expect(firstLink.getAttribute("href")).toBe("#innehall");
    expect(textOf(firstLink)).toBe("Till innehållet");
    expect(page.querySelector("main")!.id).toBe("innehall");
    expect(textOf(page.querySelector(".site-name"))).toBe("Avslutade projekt");
    expect(page.querySelector('nav[aria-label="Du är här"] [aria-current="page"]')).not.toBeNull();
    expect(linksIn(page.querySelector("footer nav"))).toEqual([
      { text: "Kontakt", href: "/kontakt/" },
      { text: "Kakor", href: "/kakor/" },
      { text: "Tillgänglighet", href: "/tillganglighet/" },
    ]);
    const notice = page.querySelector("[data-consent-notice]")!;
    expect(linksIn(notice)).toEqual([{ text: "Vad är kakor?", href: "/kakor/" }]);
    expect(textOf(notice)).not.toMatch(/surfa vidare|godkänner du/i);
    expect(page.querySelectorAll("h1")).toHaveLength(1);
  });

  it.each(PAGES)("shows %s's review date, owner and publisher, linked to the directory", async (url) => {
    const info = (await readPage(site, url)).querySelector(".page-info")!;
    expect(textOf(info)).toContain("Innehållsansvarig: Sandra Spjuth");
    expect(textOf(info)).toContain("Publicerad av Sandra Spjuth");
    expect(linksIn(info)).toEqual([
      { text: "Sandra Spjuth", href: "/kontakt/#sandra-spjuth" },
      { text: "Sandra Spjuth", href: "/kontakt/#sandra-spjuth" },
    ]);
    const time = info.querySelector("time")!;
    expect(textOf(time.parentNode as HTMLElement)).toMatch(/^Sidan granskades den \d{1,2} [a-zåäö]+ \d{4}$/);
  });

  it("shows the seed's review date as 4 juli 2018 in a machine-readable time", async () => {
    for (const url of ["/", "/projekt/vinna-vinna/", "/projekt/rom-for-dannelse/"]) {
      const time = (await readPage(site, url)).querySelector(".page-info time")!;
      expect(time.getAttribute("datetime")).toBe("2018-07-04");
      expect(textOf(time)).toBe("4 juli 2018");
    }
  });
});

describe("the archive index", () => {
  let page: HTMLElement;
  beforeAll(async () => {
    page = await readPage(site, "/");
  });

  it("opens with the seed's heading and intro", () => {
    expect(textOf(page.querySelector("h1"))).toBe("Avslutade projekt");
    expect(textOf(page.querySelector(".intro"))).toBe(
      "Vi har några projekt som vi vill dela med oss våra erfarenheter av, men som inte längre är aktiva. Här kommer dokumentationen från dessa att finnas tills de ersätts med nya arbeten.",
    );
  });

  it("lists the projects, newest end date first, with subtitle, period and link", () => {
    const items = page.querySelectorAll(".project-summary");
    expect(items.map((item) => linksIn(item)[0])).toEqual([
      { text: "Vinna Vinna", href: "/projekt/vinna-vinna/" },
      { text: "Rom for dannelse - Rum för bildning", href: "/projekt/rom-for-dannelse/" },
    ]);
    expect(textOf(items[0]!.querySelector(".subtitle"))).toBe("fortbildningsprojekt med folkbildningen");
    expect(textOf(items[0]!.querySelector(".period"))).toBe("Projekttid: 2008 – 5 april 2011");
    expect(items[0]!.querySelectorAll("time").map((time) => time.getAttribute("datetime"))).toEqual(["2008", "2011-04-05"]);
  });

  it("ends with the seed's contact list, in its order, with phones linked as E.164", () => {
    const cards = page.querySelectorAll(".contact-list .contact-card");
    expect(
      cards.map((card) => [textOf(card.querySelector(".contact-name")), textOf(card.querySelector(".contact-title")), linksIn(card)]),
    ).toEqual(SEED_CONTACTS.map(([name, title, phones]) => [name, title, phones.map((phone) => ({ text: phone, href: e164(phone) }))]));
  });
});

describe("the project pages", () => {
  it("show every fact of Vinna Vinna", async () => {
    const page = await readPage(site, "/projekt/vinna-vinna/");
    expect(textOf(page.querySelector("h1"))).toBe("Vinna Vinna");
    expect(textOf(page.querySelector(".project-header .subtitle"))).toBe("fortbildningsprojekt med folkbildningen");
    const body = textOf(page.querySelector(".project-body"));
    expect(body).toContain("Projektet avslutades med en inspirationskonferens den 5 april 2011.");
    expect(body).toContain("Förnyat och fördjupat samarbete");
    expect(body).toContain("två grenar på samma folkbildningsträd");
    expect(body).toContain("göra traditionell samverkan än mer framgångsrik.");
    expect(textOf(page.querySelector("h2#mal"))).toBe("Mål");
    const goals = page.querySelectorAll("section[aria-labelledby=mal] li").map(textOf);
    expect(goals).toHaveLength(6);
    expect(goals[0]).toBe("Stödja och stärka lokala nätverk kring ökad samverkan mellan folkbibliotek och folkbildning");
    expect(goals[5]).toBe("Marknadsföra folkbibliotekens verksamhet och tjänster till folkbildningens medlemsorganisationer");
    expect(textOf(page.querySelector("section[aria-labelledby=finansiering] p"))).toBe("Projektet har haft stöd av Statens kulturråd.");
    const event = page.querySelector("section[aria-labelledby=handelser] li")!;
    expect(event.querySelector("time")!.getAttribute("datetime")).toBe("2011-04-05");
    expect(textOf(event)).toBe("5 april 2011: Inspirationskonferens som avslutade projektet");
    expect(linksIn(page.querySelector("section[aria-labelledby=relaterade]"))).toEqual([
      { text: "Rom for dannelse - Rum för bildning", href: "/projekt/rom-for-dannelse/" },
    ]);
    expect(linksIn(page.querySelector("section[aria-labelledby=kontaktpersoner]"))).toEqual([
      { text: "019-602 72 54", href: "tel:+46196027254" },
      { text: "072-147 04 30", href: "tel:+46721470430" },
    ]);
  });

  it("group Rom for dannelse's partners by country, with VOFO as owner and coordinator", async () => {
    const page = await readPage(site, "/projekt/rom-for-dannelse/");
    const section = page.querySelector("section[aria-labelledby=partner]")!;
    const groups = section.querySelectorAll("h3").map((heading) => [
      textOf(heading),
      (heading.nextElementSibling as HTMLElement).querySelectorAll("li").map(textOf),
    ]);
    expect(groups).toEqual([
      [
        "Norge",
        [
          "VOFO (Voksenopplæringsforbundet) (Projektägare och koordinator)",
          "Nasjonalbiblioteket",
          "Vestfold fylkesbibliotek",
          "Larvik bibliotek",
          "Tønsberg Voksenopplæring",
          "Tønsberg og Nøtterøy bibliotek",
        ],
      ],
      ["Danmark", ["Hovedbiblioteket Århus", "Fritid og Samfund"]],
      [
        "Sverige",
        [
          "Länsbiblioteket i Örebro Län (Regionbibliotek Örebro-Västmanland)",
          "Länsbiblioteket i Dalarna",
          "Örebro läns bildningsförbund",
          "Dalarnas Bildningsförbund",
        ],
      ],
    ]);
    expect(section.querySelector("li span")!.getAttribute("lang")).toBe("nb");
    expect(textOf(page.querySelector("section[aria-labelledby=finansiering] p"))).toBe("Projektet har haft stöd av Nordplus Horisontal.");
    const body = textOf(page.querySelector(".project-body"));
    expect(body).toContain("Länsbiblioteket i Örebro län blev inbjudna till att delta i projektet hösten 2010");
    expect(body).toContain("VOFO (Voksenopplæringsforbundet) har varit projektägare och koordinator.");
    // The relation is written only in vinna-vinna.md, and shown on both pages.
    expect(linksIn(page.querySelector("section[aria-labelledby=relaterade]"))).toEqual([
      { text: "Vinna Vinna", href: "/projekt/vinna-vinna/" },
    ]);
  });
});

describe("the contact directory", () => {
  it("lists every person with title, phones, the pages that name them, and a vCard", async () => {
    const page = await readPage(site, "/kontakt/");
    const cards = page.querySelectorAll(".contact-directory > .contact-card");
    expect(cards.map((card) => card.id)).toEqual(["eva-carlbom", "linda-berg-ottoson", "peter-alsbjer", "sandra-spjuth", "sylvia-blomberg"]);
    for (const [name, title, phones] of SEED_CONTACTS) {
      const card = cards.find((candidate) => textOf(candidate.querySelector("h2")) === name)!;
      expect(textOf(card.querySelector(".contact-title"))).toBe(title);
      expect(linksIn(card.querySelector(".contact-ways"))).toEqual(phones.map((phone) => ({ text: phone, href: e164(phone) })));
      expect(linksIn(card.querySelector(".vcard-link"))[0]!.href).toBe(`/kontakt/${card.id}.vcf`);
    }
    const peter = cards.find((card) => card.id === "peter-alsbjer")!;
    expect(peter.querySelectorAll(".mention-list li").map(textOf)).toEqual([
      "Vinna Vinna (kontaktperson)",
      "Rom for dannelse - Rum för bildning (kontaktperson)",
    ]);
    const sandra = cards.find((card) => card.id === "sandra-spjuth")!;
    expect(sandra.querySelectorAll(".mention-list li").map(textOf)).toContain("Vinna Vinna (innehållsansvarig och publicerad av)");
  });

  it("writes vCards with name, title and E.164 phones", async () => {
    const vcard = await readFile(path.join(site, "kontakt/peter-alsbjer.vcf"), "utf8");
    const lines = vcard.split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["BEGIN:VCARD", "VERSION:3.0"]);
    expect(lines.slice(-2)).toEqual(["END:VCARD", ""]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "FN:Peter Alsbjer",
        "N:Alsbjer;Peter;;;",
        "TITLE:Regionbibliotekarie",
        "ORG:Regionbibliotek Örebro-Västmanland",
        "TEL;TYPE=WORK,VOICE:+46196027254",
        "TEL;TYPE=WORK,VOICE:+46721470430",
      ]),
    );
  });
});

describe("the cookie page, the accessibility statement and the 404 page", () => {
  it("explains cookies and lists the storage the site uses", async () => {
    const page = await readPage(site, "/kakor/");
    expect(textOf(page.querySelector("h1"))).toBe("Vad är kakor?");
    expect(textOf(page.querySelector("table"))).toContain("projektarkiv-samtycke");
    expect(textOf(page)).toContain("Webbplatsen använder inga kakor för statistik, spårning eller marknadsföring.");
  });

  it("follows Digg's template", async () => {
    const page = await readPage(site, "/tillganglighet/");
    const text = textOf(page.querySelector("main"));
    expect(text).toContain("Regionbibliotek Örebro-Västmanland står bakom webbplatsen Avslutade projekt.");
    expect(text).toContain("Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service");
    expect(text).toContain("Innehåll som inte är tillgängligt");
    expect(page.querySelectorAll("h2").map(textOf)).toEqual(
      expect.arrayContaining(["Hur tillgänglig är webbplatsen?", "Rapportera brister i webbplatsens tillgänglighet", "Tillsyn", "Hur vi testat webbplatsen"]),
    );
    expect(page.querySelector('a[href="https://www.digg.se/tdosanmalan"]')).not.toBeNull();
    expect(linksIn(page.querySelector(".feedback-ways"))).toEqual([{ text: "019-602 72 53", href: "tel:+46196027253" }]);
    expect(page.querySelectorAll("main time").map((time) => time.getAttribute("datetime"))).toEqual(["2026-11-25", "2026-11-25", "2026-11-25"]);
  });

  it("names as its method only the testing that has been done: automated tests and a virtual screen reader in Chromium, and no real screen reader", async () => {
    const page = await readPage(site, "/tillganglighet/");
    const method = page.querySelectorAll("h2").find((heading) => textOf(heading) === "Hur vi testat webbplatsen")?.nextElementSibling;
    expect(textOf(method)).toContain("axe-core och html-validate");
    expect(textOf(method)).toContain("tangentbordet");
    expect(textOf(method)).toContain("en virtuell skärmläsare (@guidepup/virtual-screen-reader)");
    expect(textOf(method)).toContain("Den läser igenom en projektsida, startsidan och söksidan");
    expect(textOf(method)).toContain("Webbplatsen har inte testats med en riktig skärmläsare som NVDA, JAWS eller VoiceOver.");
  });

  it("writes a Swedish 404 page that leads back", async () => {
    const page = await readPage(site, "/404.html");
    expect(textOf(page.querySelector("h1"))).toBe("Sidan finns inte");
    expect(linksIn(page.querySelector("main"))[0]).toEqual({ text: "Till avslutade projekt", href: "/" });
  });
});
