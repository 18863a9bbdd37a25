import { describe, expect, it } from "vitest";
import { normalWebAddress, publicPath, publicUrl } from "../../src/format/urls.ts";

describe("normalWebAddress", () => {
  it("gives an address as a browser would write it: scheme and host in lower case, a path, no surrounding space", () => {
    expect(normalWebAddress("https://www.kulturradet.se")).toBe("https://www.kulturradet.se/");
    expect(normalWebAddress("  HTTPS://WWW.Region.SE/Bibliotek/#om  ")).toBe("https://www.region.se/Bibliotek/#om");
    expect(normalWebAddress("https://bibliotekår.se/")).toBe("https://xn--bibliotekr-95a.se/");
    expect(normalWebAddress("https://[2001:db8::1]:8443/x")).toBe("https://[2001:db8::1]:8443/x");
  });

  it("refuses what the URL parser reads as a host but a person does not", () => {
    for (const written of [
      "https:evil.example",
      "https:/evil.example",
      "https:\\\\evil.example",
      "https:\\evil.example",
      "http:evil.example/x",
      "https://",
      "https:///evil.example",
      "https://www.kulturradet.se@evil.example/",
      "https://user:losen@www.region.se/",
      "https://www.region.se/a b",
      "https://www.region.se/\nhttps://evil.example/",
      "javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "ftp://ftp.region.se/",
      "//www.region.se/",
      "www.region.se",
      "",
    ]) {
      expect(normalWebAddress(written), JSON.stringify(written)).toBeUndefined();
    }
  });
});

describe("publicUrl and publicPath", () => {
  it("keep the site's own path", () => {
    expect(publicUrl("/projekt/x/", "https://example.se/avslutade-projekt")).toBe("https://example.se/avslutade-projekt/projekt/x/");
    expect(publicPath("/admin/", "https://example.se/avslutade-projekt/")).toBe("/avslutade-projekt/admin/");
  });
});
