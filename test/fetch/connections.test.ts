import type { LookupAddress } from "node:dns";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/** What the name service answers for each test name, in turn: a name can answer differently the second time (DNS rebinding). */
const answers = new Map<string, LookupAddress[][]>();
const asked: string[] = [];
vi.mock("node:dns", async (original) => {
  const dns = await original<typeof import("node:dns")>();
  return {
    ...dns,
    lookup: (hostname: string, options: object, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
      const queue = answers.get(hostname);
      if (!queue) return dns.lookup(hostname, options as { all: true }, callback);
      asked.push(hostname);
      callback(null, queue.length > 1 ? queue.shift()! : queue[0]!);
    },
  };
});
const { openConnections } = await import("../../src/fetch/connections.ts");
const { internalAddressOf } = await import("../../src/fetch/network-reason.ts");

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((_, response) => response.end("svar"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const v4 = (address: string): LookupAddress => ({ address, family: 4 });

describe("openConnections", () => {
  it("looks a name up once for the run, so a second answer (rebinding) is never used", async () => {
    // The second answer is an address nothing listens on: a connection to it would be refused.
    answers.set("byter.test", [[v4("127.0.0.1")], [v4("127.0.0.2")]]);
    const connections = openConnections(() => true);
    try {
      for (const attempt of [1, 2]) {
        const url = new URL(`http://byter.test:${port}/${attempt}`);
        // A new connection each time, so the second one needs a lookup of its own.
        const response = await fetch(url, { dispatcher: connections.dispatcherFor(url), headers: { connection: "close" } });
        expect(await response.text()).toBe("svar");
      }
    } finally {
      await connections.close();
    }
    expect(asked.filter((name) => name === "byter.test")).toEqual(["byter.test"]);
  });

  it("refuses a name that is not trusted when any of its addresses is internal, before connecting", async () => {
    answers.set("blandad.test", [[v4("93.184.216.34"), v4("127.0.0.1")]]);
    const connections = openConnections(() => false);
    const url = new URL(`http://blandad.test:${port}/`);
    const error = await fetch(url, { dispatcher: connections.dispatcherFor(url) }).catch((failure: unknown) => failure);
    await connections.close();
    expect(internalAddressOf(error)).toMatchObject({ host: "blandad.test", address: "127.0.0.1" });
  });

  it("refuses an internal address written as the host, in any form, unless trusted", async () => {
    const connections = openConnections((url) => url.hostname === "127.0.0.1" && url.port === String(port));
    for (const address of [`http://[::ffff:127.0.0.1]:${port}/`, "http://0x7f.1/", `http://[::1]:${port}/`, "http://169.254.169.254/"]) {
      expect(() => connections.dispatcherFor(new URL(address)), address).toThrow(/en adress i ett internt nät/);
    }
    const trusted = new URL(`http://2130706433:${port}/`);
    expect(await (await fetch(trusted, { dispatcher: connections.dispatcherFor(trusted) })).text()).toBe("svar");
    await connections.close();
  });
});
