import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodePage, decodeWindows1252, repairMojibake } from "../../src/import/decode.ts";
import { withoutInvisibleCharacters } from "../../src/import/invisible-text.ts";

const windows1252 = (text: string) => iconv.encode(text, "windows-1252");

describe("decodePage: a page's bytes by a real decoder", () => {
  it("reads windows-1252's en dashes, quotes and euro sign, which Node 20's TextDecoder turns into control characters", () => {
    const bytes = windows1252('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Projektet pågick 2006–2007. ”Läs mer” – 5 €</p>');
    expect(new TextDecoder("windows-1252").decode(bytes)).toContain("2006\u00962007");
    const page = decodePage(bytes);
    expect(page.text).toContain("pågick 2006–2007. ”Läs mer” – 5 €");
    expect(page.encoding).toBe("windows-1252");
    expect(page.notes).toEqual([]);
  });

  it("reads iso-8859-1 as windows-1252, as browsers do", () => {
    const page = decodePage(windows1252("<p>Bokprat – hösten</p>"), "text/html; charset=ISO-8859-1");
    expect(page.text).toBe("<p>Bokprat – hösten</p>");
    expect(page.encoding).toBe("windows-1252");
  });

  it("reads a page that says UTF-8 but is windows-1252 as windows-1252, and says so", () => {
    const page = decodePage(windows1252('<meta charset="utf-8"><p>pågick 2006–2007</p>'));
    expect(page.text).toBe('<meta charset="utf-8"><p>pågick 2006–2007</p>');
    expect(page.encoding).toBe("windows-1252");
    expect(page.notes).toEqual([expect.stringMatching(/^sidan anger teckenkodningen utf-8 i sin meta-tagg, men är inte skriven i UTF-8: den lästes som windows-1252/)]);
  });

  it("keeps the UTF-8 of a page that also holds windows-1252 bytes (text pasted from an old page)", () => {
    const bytes = Buffer.concat([Buffer.from("<p>Läsfrämjande "), windows1252("pågick 2006–2007"), Buffer.from(" – klart</p>")]);
    const page = decodePage(bytes, "text/html; charset=utf-8");
    expect(page.text).toBe("<p>Läsfrämjande pågick 2006–2007 – klart</p>");
    expect(page.notes).toEqual([expect.stringMatching(/i svaret från webbservern, men är inte skriven i UTF-8: tecknen som inte är UTF-8 lästes som windows-1252/)]);
  });

  it("reads a page that says iso-8859-1 but is UTF-8 as UTF-8, and says so", () => {
    const page = decodePage(Buffer.from("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'><p>Bokprat för alla – våren</p>"));
    expect(page.text).toContain("Bokprat för alla – våren");
    expect(page.encoding).toBe("utf-8");
    expect(page.notes).toEqual([expect.stringMatching(/^sidan anger teckenkodningen iso-8859-1 i sin meta-tagg, men är skriven i UTF-8/)]);
  });

  it("lets a byte order mark decide over the declaration, and reads a page that declares nothing by its bytes", () => {
    expect(decodePage(Buffer.from("\ufeff<p>å</p>"), "text/html; charset=iso-8859-1").text).toBe("<p>å</p>");
    expect(decodePage(Buffer.from("<p>å – ä</p>"))).toEqual({ text: "<p>å – ä</p>", encoding: "utf-8", notes: [] });
    const old = decodePage(windows1252("<p>å – ä</p>"));
    expect(old.text).toBe("<p>å – ä</p>");
    expect(old.notes).toEqual([expect.stringMatching(/^sidan anger ingen teckenkodning och är inte skriven i UTF-8; den lästes som windows-1252/)]);
  });

  it("keeps windows-1252's five undefined bytes as the control characters browsers make of them", () => {
    expect([...decodeWindows1252(Uint8Array.of(0x80, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x96))].map((character) => character.codePointAt(0))).toEqual([0x20ac, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x2013]);
  });
});

describe("repairMojibake: UTF-8 once read as windows-1252", () => {
  it("repairs å, ä, ö, their capitals, é, dashes, quotes and no-break spaces, and counts them", () => {
    const { text, repaired, places } = repairMojibake("BokprÃ¥t fÃ¶r Ã¤ldre â€“ hÃ¶sten â€” â€™ â€œcitatâ€\u009d Ã–rebro Ã„ngelholm Ã…re cafÃ©Â\u00a0x");
    expect(text).toBe("Bokpråt för äldre – hösten — ’ “citat” Örebro Ängelholm Åre café\u00a0x");
    expect(places).toBe(14);
    expect(repaired.get("Ã¶")).toEqual({ to: "ö", count: 2 });
  });

  it("repairs text mangled twice", () => {
    expect(repairMojibake("fÃƒÂ¶r").text).toBe("för");
  });

  it("leaves real Nordic and French text alone", () => {
    const text = "ÅÄÖ åäö Île-de-France, «citat», 5 €, 2006–2007, PÅ”, Ö»";
    expect(repairMojibake(text)).toEqual({ text, repaired: new Map(), places: 0 });
  });

  it("says in the report what it repaired", () => {
    const page = decodePage(Buffer.from("<p>fÃ¶r Ã¶vrigt â€“ slut</p>"));
    expect(page.text).toBe("<p>för övrigt – slut</p>");
    expect(page.notes).toEqual([expect.stringMatching(/^3 ställen med trasiga tecken lagades \(”Ã¶” blev ”ö” 2 gånger, ”â€“” blev ”–”\)/)]);
  });
});

describe("withoutInvisibleCharacters: zero-width characters as well as soft hyphens and bidi controls", () => {
  it("removes zero-width characters written as themselves or as references, and names the words", () => {
    const { html, removed } = withoutInvisibleCharacters("<h2>Bok\u00adprat i Stor\u200bvik</h2><p>ord&#8203;delning, &ZeroWidthSpace;start, slut&#x2060; och\ufeff &zwj;mer</p>");
    expect(html).toBe("<h2>Bokprat i Storvik</h2><p>orddelning, start, slut och mer</p>");
    expect(removed).toContainEqual({ what: "mjukt bindestreck", text: "Bokprat", reason: expect.stringContaining("U+00AD") });
    expect(removed).toContainEqual({ what: "osynligt tecken", text: "Storvik orddelning, start,", reason: expect.stringMatching(/^U\+200B, ett tecken utan bredd/) });
  });
});
