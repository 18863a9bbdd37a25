import { describe, expect, it } from "vitest";
import { internalRange, ipOfHost } from "../../src/fetch/internal-address.ts";
import { isOfOrigin } from "../../src/fetch/origin.ts";

describe("internalRange", () => {
  it("names every range of an internal network, IPv4-mapped forms included", () => {
    const ranges = Object.fromEntries(
      ["127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "255.255.255.255"].map(
        (address) => [address, internalRange(address)],
      ),
    );
    expect(ranges).toEqual({
      "127.0.0.1": "loopback",
      "127.1.2.3": "loopback",
      "10.0.0.1": "private",
      "172.16.0.1": "private",
      "172.31.255.255": "private",
      "192.168.1.1": "private",
      "169.254.169.254": "linkLocal",
      "100.64.0.1": "carrierGradeNat",
      "0.0.0.0": "unspecified",
      "::1": "loopback",
      "::": "unspecified",
      "fe80::1": "linkLocal",
      "fc00::1": "uniqueLocal",
      "fd12:3456::1": "uniqueLocal",
      "::ffff:127.0.0.1": "loopback",
      "::ffff:10.0.0.1": "private",
      "224.0.0.1": "multicast",
      "255.255.255.255": "broadcast",
    });
  });

  it("lets public addresses through", () => {
    for (const address of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "193.10.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) expect(internalRange(address), address).toBeUndefined();
  });

  it("reads a URL's host as an IP address only when it is one, in the form the URL parser leaves it", () => {
    const host = (address: string) => ipOfHost(new URL(address).hostname);
    expect(host("http://2130706433/")).toBe("127.0.0.1");
    expect(host("http://0x7f.1/")).toBe("127.0.0.1");
    expect(host("http://１２７.０.０.１/")).toBe("127.0.0.1");
    expect(host("http://[::ffff:127.0.0.1]/")).toBe("::ffff:7f00:1");
    expect(host("http://[::1]:8080/")).toBe("::1");
    expect(host("http://localhost/")).toBeUndefined();
    expect(host("https://www.example.se/")).toBeUndefined();
  });
});

describe("isOfOrigin", () => {
  const origin = "http://bibliotek.example.se";
  it("takes the same origin, and its https:// form on the same host", () => {
    expect(isOfOrigin(new URL("http://bibliotek.example.se/download/a.pdf"), origin)).toBe(true);
    expect(isOfOrigin(new URL("https://bibliotek.example.se/download/a.pdf"), origin)).toBe(true);
    expect(isOfOrigin(new URL("HTTP://BIBLIOTEK.example.se:80/a.pdf"), origin)).toBe(true);
  });

  it("refuses another port, another host, a look-alike host, a name for the same machine, and anything but http(s)", () => {
    for (const address of [
      "http://bibliotek.example.se:8080/a.pdf",
      "https://bibliotek.example.se:8443/a.pdf",
      "http://www.bibliotek.example.se/a.pdf",
      "http://bibliotek.example.se.evil.example/a.pdf",
      "http://bibliotеk.example.se/a.pdf", // a Cyrillic е
      "ftp://bibliotek.example.se/a.pdf",
      "file:///etc/passwd",
    ]) {
      expect(isOfOrigin(new URL(address), origin), address).toBe(false);
    }
    expect(isOfOrigin(new URL("http://bibliotek.example.se/a.pdf"), "https://bibliotek.example.se")).toBe(false);
    expect(isOfOrigin(new URL("http://localhost:8080/"), "http://127.0.0.1:8080")).toBe(false);
  });
});
