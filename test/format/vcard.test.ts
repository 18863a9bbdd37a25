import { describe, expect, it } from "vitest";
import { formatVCard } from "../../src/format/vcard.ts";

const person = {
  name: "Linda Berg Ottoson",
  title: "Utvecklingsledare - bibliotek, barn; unga",
  organisation: "Regionbibliotek Örebro-Västmanland",
  phones: [{ display: "076-108 72 58", e164: "+46761087258" }],
  email: "linda@example.se",
  revised: "2018-07-04",
};

describe("formatVCard", () => {
  const lines = formatVCard(person).split("\r\n");

  it("writes a vCard 3.0 with CRLF line endings", () => {
    expect(lines[0]).toBe("BEGIN:VCARD");
    expect(lines[1]).toBe("VERSION:3.0");
    expect(lines.at(-2)).toBe("END:VCARD");
    expect(lines.at(-1)).toBe("");
  });

  it("splits the name with the family name first and escapes commas and semicolons", () => {
    expect(lines).toContain("FN:Linda Berg Ottoson");
    expect(lines).toContain("N:Berg Ottoson;Linda;;;");
    expect(lines).toContain("TITLE:Utvecklingsledare - bibliotek\\, barn\\; unga");
  });

  it("takes its revision date from the content, not the clock", () => {
    expect(lines).toContain("REV:2018-07-04T00:00:00.000Z");
  });

  it("gives phones in E.164 and the email address", () => {
    expect(lines).toContain("TEL;TYPE=WORK,VOICE:+46761087258");
    expect(lines).toContain("EMAIL;TYPE=INTERNET,WORK:linda@example.se");
  });

  it("folds lines longer than 75 octets without splitting a character", () => {
    const long = formatVCard({ ...person, title: "Å".repeat(100) });
    const folded = long.split("\r\n");
    for (const line of folded) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const unfolded = long.replace(/\r\n /g, "");
    expect(unfolded).toContain(`TITLE:${"Å".repeat(100)}`);
  });
});
