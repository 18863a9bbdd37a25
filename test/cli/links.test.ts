import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTree, runCli, temporaryWorkspace, type CommandResult } from "../helpers.ts";

const workspace = temporaryWorkspace();

/** A server on 127.0.0.1 that answers each path one way, and counts what it is asked. */
const requests: { method: string; path: string; userAgent: string }[] = [];
let server: Server;
let base: string;
let refused: string;

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const started = createServer(handler);
  return new Promise((resolve) => started.listen(0, "127.0.0.1", () => resolve(started)));
}
const address = (listening: Server) => `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;

/** The test servers on 127.0.0.1, named as trusted: the link checker asks no other internal address. */
const trusted = () => [`--origin=${base}`, `--origin=${refused}`];

let content: string;
let first: CommandResult;
let cacheDir: string;

beforeAll(async () => {
  server = await listen((request, response) => {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    requests.push({ method: request.method ?? "", path: urlPath, userAgent: String(request.headers["user-agent"]) });
    if (urlPath === "/ok" || urlPath === "/ny") return response.writeHead(200, { "Content-Type": "text/html" }).end("<p>ok</p>");
    if (urlPath === "/gammal") return response.writeHead(301, { Location: "/ny" }).end();
    if (urlPath === "/tillfallig") return response.writeHead(302, { Location: "/ok" }).end();
    if (urlPath === "/bara-get") return response.writeHead(request.method === "HEAD" ? 405 : 200).end();
    if (urlPath === "/trasig") return response.writeHead(500).end();
    if (urlPath === "/till-intern") return response.writeHead(302, { Location: `http://localhost:${new URL(base).port}/intern-omdirigerad` }).end();
    if (urlPath === "/langsam") return setTimeout(() => response.writeHead(200).end(), 3000);
    response.writeHead(404).end();
  });
  base = address(server);
  // A port that nothing listens on: taken, then let go.
  const closed = await listen(() => undefined);
  refused = address(closed);
  await new Promise((resolve) => closed.close(resolve));

  content = await contentTree(workspace.dir, "minimal", {
    "projekt/alfa.md": (text) =>
      text
        .replace("goals:\n  - Läsa *mer*", `goals:\n  - Läsa *mer*\n  - Se [listan](${base}/borta)`)
        .replace("contacts:", `partners:\n  - name: Flyttat bibliotek\n    url: ${base}/gammal\n  - name: Stängt bibliotek\n    url: ${refused}/\nfunders:\n  - name: Fonden\n    url: ${base}/ok\ncontacts:`)
        .replace("Alfa handlar om läsning.", `Alfa handlar om läsning.\n\nSe ${base}/bara-get och\nläs [rapporten](${base}/trasig) och [en tillfällig adress](${base}/tillfallig).`),
    "projekt/beta.md": (text) => text.replace("Beta handlar om skrivande.", `Beta handlar om skrivande, se [arkivet](${base}/langsam).`),
  });
  cacheDir = path.join(workspace.dir, "cache");
  first = await runCli("links", [`--input=${content}`, "--timeout", "1", "--concurrency", "4", ...trusted()], { env: { PROJEKTARKIV_CACHE_DIR: cacheDir } });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("npm run links", () => {
  it("exits with 1 when a link is dead", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(1);
  });

  it("reports each dead link with file, line and field, under its page's content owner", async () => {
    const alfa = path.join(content, "projekt/alfa.md");
    const beta = path.join(content, "projekt/beta.md");
    const lines = (await readFile(alfa, "utf8")).split("\n");
    const line = (text: string) => lines.findIndex((candidate) => candidate.includes(text)) + 1;
    expect(first.stdout).toBe(
      [
        "Kontrollerade 8 länkar: 4 döda, 1 flyttade.",
        "",
        "Anna Berg, Bibliotekarie (019-602 72 54, anna.berg@example.se)",
        `  ${alfa}:${line("/borta")}  goals[1]  ${base}/borta`,
        "    död: svarar 404 (sidan finns inte)",
        `  ${alfa}:${line("/gammal")}  partners[0].url  ${base}/gammal`,
        `    flyttad för gott: skriv ${base}/ny i stället`,
        `  ${alfa}:${line(refused)}  partners[1].url  ${refused}/`,
        "    död: anslutningen nekades",
        `  ${alfa}:${line("/trasig")}  brödtext  ${base}/trasig`,
        "    död: svarar 500 (fel hos servern)",
        "",
        "Bo Ek, Webbredaktör",
        `  ${beta}:11  brödtext  ${base}/langsam`,
        "    död: svarade inte inom 1 s",
        "",
        "Rätta adressen eller ta bort länken. En flyttad sida fungerar än, men byt till den nya adressen.",
        "",
      ].join("\n"),
    );
  });

  it("asks with HEAD first and GET when HEAD is refused, follows redirects, and says who is asking", () => {
    const asked = (urlPath: string) => requests.filter((request) => request.path === urlPath).map((request) => request.method);
    expect(asked("/ok")).toEqual(["HEAD", "HEAD"]);
    expect(asked("/bara-get")).toEqual(["HEAD", "GET"]);
    expect(asked("/gammal")).toEqual(["HEAD"]);
    expect(asked("/ny")).toEqual(["HEAD"]);
    expect(new Set(requests.map((request) => request.userAgent))).toEqual(new Set(["projektarkiv-lankkontroll/1.0 (+https://arkiv.example.se/)"]));
  });

  it("asks no server again within the day, and reports the same", async () => {
    const before = requests.length;
    const second = await runCli("links", [`--input=${content}`, "--timeout", "1", ...trusted()], { env: { PROJEKTARKIV_CACHE_DIR: cacheDir } });
    expect(requests.length).toBe(before);
    expect(second).toEqual(first);
  });

  it("gives the same report as data with --json", async () => {
    const result = await runCli("links", [`--input=${content}`, "--json", ...trusted()], { env: { PROJEKTARKIV_CACHE_DIR: cacheDir } });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ checked: 8, dead: 4, moved: 1, internal: 0 });
    expect(report.owners.map((owner: { owner: { id: string } }) => owner.owner.id)).toEqual(["anna-berg", "bo-ek"]);
    expect(report.owners[0].links[1]).toEqual({
      file: path.join(content, "projekt/alfa.md"),
      line: (await readFile(path.join(content, "projekt/alfa.md"), "utf8")).split("\n").findIndex((line) => line.includes("/gammal")) + 1,
      field: "partners[0].url",
      url: `${base}/gammal`,
      kind: "moved",
      status: 301,
      location: `${base}/ny`,
    });
  });
});

describe("npm run links on a machine without network", () => {
  it("says so, counts no link as dead, keeps no answer, and exits with 2", async () => {
    const offline = await contentTree(path.join(workspace.dir, "utan-natverk"), "minimal", {
      "projekt/alfa.md": (text) => text.replace("Alfa handlar om läsning.", "Se [ett](https://ett.invalid/), [två](https://tva.invalid/) och [tre](https://tre.invalid/)."),
    });
    const cache = path.join(workspace.dir, "utan-natverk-cache");
    const result = await runCli("links", [`--input=${offline}`, "--timeout", "5"], { env: { PROJEKTARKIV_CACHE_DIR: cache } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("ingen av de 3 adresserna gick att nå, inte ens deras namn gick att slå upp, så datorn verkar vara utan nätverk");
    await expect(readFile(path.join(cache, "lankar.json"))).rejects.toThrow(/ENOENT/);
  });
});

describe("npm run links with one address linked twice", () => {
  it("counts the links, and says how many addresses they were", async () => {
    const twice = await contentTree(path.join(workspace.dir, "tva-ganger"), "minimal", {
      "projekt/alfa.md": (text) => text.replace("Alfa handlar om läsning.", `Se [listan](${base}/borta).`),
      "projekt/beta.md": (text) => text.replace("Beta handlar om skrivande.", `Se [listan](${base}/borta).`),
    });
    const result = await runCli("links", [`--input=${twice}`, "--timeout", "1", ...trusted()], { env: { PROJEKTARKIV_CACHE_DIR: path.join(workspace.dir, "tva-ganger-cache") } });
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe("Kontrollerade 2 länkar (1 adress): 2 döda, 0 flyttade.");
  });
});

describe("npm run links and addresses in an internal network", () => {
  const internal = [
    // A public-looking name that resolves to 127.0.0.1 (/etc/hosts), on the trusted server's own port.
    ["localhost", () => `http://localhost:${new URL(base).port}/intern-namn`, "127.0.0.1"],
    ["IPv6 loopback", () => `http://[::1]:${new URL(base).port}/intern-ipv6`, "::1"],
    ["IPv4-mapped IPv6", () => `http://[::ffff:127.0.0.1]:${new URL(base).port}/intern-mappad`, "127.0.0.1"],
    ["hexadecimal", () => "http://0x7f.1/intern-hex", "127.0.0.1"],
    ["decimal", () => "http://2130706433/intern-decimal", "127.0.0.1"],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["private", () => "http://10.0.0.1/", "10.0.0.1"],
    ["carrier-grade NAT", () => "http://100.64.0.1/", "100.64.0.1"],
    ["unique local IPv6", () => "http://[fd00::1]/", "fd00::1"],
    ["unspecified", () => "http://0.0.0.0/", "0.0.0.0"],
  ] as const;
  let links: CommandResult;
  let linked: string;
  let before: number;

  beforeAll(async () => {
    const body = [...internal.map(([name, address]) => `[${name}](${address()})`), `[omdirigerad](${base}/till-intern)`].join("\n\n");
    linked = await contentTree(path.join(workspace.dir, "intern"), "minimal", {
      "projekt/alfa.md": (text) => text.replace("Alfa handlar om läsning.", `Alfa handlar om läsning.\n\n${body}`),
    });
    before = requests.length;
    links = await runCli("links", [`--input=${linked}`, "--timeout", "5", `--origin=${base}`], { env: { PROJEKTARKIV_CACHE_DIR: path.join(workspace.dir, "intern-cache") } });
  });

  it("asks none of them, on any hop, unless its origin is named with --origin", () => {
    expect(links.stderr).toBe("");
    expect(requests.slice(before).map((request) => request.path)).toEqual(["/till-intern"]);
  });

  it("lists each under its page's owner as not checked, and counts none as dead", () => {
    expect(links.code).toBe(0);
    expect(links.stdout.split("\n")[0]).toBe(`Kontrollerade ${internal.length + 1} länkar: 0 döda, 0 flyttade. ${internal.length + 1} länkar pekar på ett internt nät och kontrollerades inte.`);
    for (const [, address, ip] of internal) {
      expect(links.stdout).toContain(`brödtext  ${address()}\n    pekar på en adress i ett internt nät (${ip}); den kontrolleras inte`);
    }
    expect(links.stdout).toContain(`brödtext  ${base}/till-intern\n    pekar på en adress i ett internt nät (127.0.0.1); den kontrolleras inte`);
    expect(links.stdout).toContain("kör med --origin och adressen om den ska kontrolleras");
  });

  it("asks an internal address whose origin is named with --origin, and keeps no refusal from the run before", async () => {
    const named = `http://localhost:${new URL(base).port}`;
    const result = await runCli("links", [`--input=${linked}`, "--timeout", "5", `--origin=${base}`, `--origin=${named}`, "--json"], {
      env: { PROJEKTARKIV_CACHE_DIR: path.join(workspace.dir, "intern-cache") },
    });
    expect(requests.slice(before).map((request) => request.path)).toEqual(expect.arrayContaining(["/intern-namn", "/intern-omdirigerad"]));
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ checked: internal.length + 1, internal: internal.length - 1 });
    expect(result.code).toBe(1);
  });

  it("refuses an --origin that is not a web address", async () => {
    const result = await runCli("links", [`--input=${linked}`, "--origin=https:evil.example"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--origin ska vara en webbadress som börjar med http:// eller https://, inte "https:evil.example"');
  });
});
