import { describe, expect, it } from "vitest";
import { parsePhoneNumber, phoneNumberIn } from "../../src/format/phone.ts";

describe("parsePhoneNumber", () => {
  it("formats the seed's numbers as the seed writes them, with E.164 for links", () => {
    expect(parsePhoneNumber("019-602 72 54")).toEqual({ display: "019-602 72 54", e164: "+46196027254" });
    expect(parsePhoneNumber("072-147 04 30")).toEqual({ display: "072-147 04 30", e164: "+46721470430" });
    expect(parsePhoneNumber("076-108 72 58")).toEqual({ display: "076-108 72 58", e164: "+46761087258" });
  });

  it("reads numbers however they are spaced", () => {
    expect(parsePhoneNumber("0196027254")?.display).toBe("019-602 72 54");
    expect(parsePhoneNumber("+46 19 602 72 54")?.display).toBe("019-602 72 54");
  });

  it("keeps foreign numbers international", () => {
    expect(parsePhoneNumber("+47 22 00 00 00")).toEqual({ display: "+47 22 00 00 00", e164: "+4722000000" });
  });

  it("refuses numbers that cannot be dialled", () => {
    for (const text of ["123", "019-602", "telefon", "", "0000000000"]) {
      expect(parsePhoneNumber(text), text).toBeUndefined();
    }
  });
});

describe("phoneNumberIn", () => {
  it("finds the number in a line of text", () => {
    expect(phoneNumberIn("Telefon: 019-602 72 54 (växel)")).toEqual({ display: "019-602 72 54", e164: "+46196027254" });
  });

  it("never reads a date as a phone number, though libphonenumber takes 2021-03-02 for 020-21 03 02", () => {
    for (const text of ["2021-03-02", "Senast uppdaterad: 2021-03-02", "20210302", "Uppdaterad 2021/03/02"]) expect(phoneNumberIn(text), text).toBeUndefined();
    expect(phoneNumberIn("2021-03-02, tel 019-602 72 54")?.e164).toBe("+46196027254");
  });
});
