/**
 * A local web server for the importer's tests: it serves the import fixtures as a Sitevision site
 * would (pages, /images/ and /download/ addresses), and the hostile answers a real site can give:
 * a redirect to another origin, an endless file, a login page named .pdf. Nothing leaves 127.0.0.1.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import path from "node:path";
import { FIXTURES } from "../helpers.ts";

export const IMPORT_FIXTURES = path.join(FIXTURES, "import");
const DOCUMENTATION_FILES = path.join(FIXTURES, "dokumentation/filer/lasframjande");

/** The files the one-project page links, by address, served from the documentation fixture's files. */
export const SERVED_FILES: Readonly<Record<string, string>> = {
  "/images/18.4f3a2b1c17f0b2d4e8a1b2c/1612345678901/lasecirkel.jpg": path.join(DOCUMENTATION_FILES, "omslag.jpg"),
  "/images/18.4f3a2b1c17f0b2d4e8a1b2d/1612345678902/karta.png": path.join(DOCUMENTATION_FILES, "karta.png"),
  "/download/18.4f3a2b1c17f0b2d4e8a1b2e/1612345678903/Slutrapport Läsfrämjande.pdf": path.join(DOCUMENTATION_FILES, "slutrapport.pdf"),
};

/** Where the CMSs of the fixtures keep documents and pictures: any such address is served a sample of its kind. */
const CMS_FILES = /^\/(?:download|images|wp-content\/uploads|globalassets|sites\/default\/files|contentassets)\/.*\.(pdf|docx|jpe?g|png)$/i;
const SAMPLES: Readonly<Record<string, string>> = {
  pdf: path.join(DOCUMENTATION_FILES, "slutrapport.pdf"),
  docx: path.join(DOCUMENTATION_FILES, "budget.docx"),
  jpg: path.join(DOCUMENTATION_FILES, "omslag.jpg"),
  jpeg: path.join(DOCUMENTATION_FILES, "omslag.jpg"),
  png: path.join(DOCUMENTATION_FILES, "karta.png"),
};

export interface FixtureServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** The paths asked for, with the User-Agent that asked. */
  readonly requests: { path: string; userAgent: string }[];
  /** Answers a test adds, by path: a page (a string, served as HTML) or a file with its type. */
  readonly answers: Map<string, string | { readonly type: string; readonly body: Uint8Array | string; readonly status?: number }>;
  close(): Promise<void>;
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Starts the server, and a second one on another port, which counts as another origin. */
export async function startFixtureServer(): Promise<FixtureServer & { otherOrigin: string; otherRequests: string[] }> {
  const requests: { path: string; userAgent: string }[] = [];
  const answers: FixtureServer["answers"] = new Map();
  const otherRequests: string[] = [];
  const other = await listen((request, response) => {
    otherRequests.push(request.url ?? "");
    response.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.4 från en annan webbplats");
  });
  const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  const server = await listen(async (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    requests.push({ path: urlPath, userAgent: String(request.headers["user-agent"]) });
    const answer = answers.get(urlPath);
    if (answer !== undefined) {
      const { type, body, status = 200 } = typeof answer === "string" ? { type: "text/html; charset=utf-8", body: answer } : answer;
      return response.writeHead(status, { "Content-Type": type }).end(body);
    }
    const page = /^\/sida\/([\w-]+)\.html$/.exec(urlPath)?.[1];
    if (page) {
      const html = await readFile(path.join(IMPORT_FIXTURES, `${page}.html`)).catch(() => undefined);
      return html ? response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html) : response.writeHead(404).end();
    }
    // The Sitevision index and its project pages, at the addresses the index links to.
    const indexed = /^\/kultur\/bibliotek\/avslutade-projekt(?:\/([\w-]+))?\.html$/.exec(urlPath);
    if (indexed) {
      const html = await readFile(path.join(IMPORT_FIXTURES, "sitevision-index", `${indexed[1] ?? "avslutade-projekt"}.html`)).catch(() => undefined);
      return html ? response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html) : response.writeHead(404).end();
    }
    const served = SERVED_FILES[urlPath];
    if (served) return response.writeHead(200).end(await readFile(served));
    switch (urlPath) {
      case "/flyttad.html":
        return response.writeHead(301, { Location: "/sida/lasframjande.html" }).end();
      case "/flyttad-bort.html":
        return response.writeHead(301, { Location: `${otherOrigin}/sida/lasframjande.html` }).end();
      case "/hemlig.txt":
        return response.writeHead(200, { "Content-Type": "text/plain" }).end("Hemligt: lösenordet är 1234\n");
      case "/download/18.bb/1612345678901/omdirigerad.pdf":
        return response.writeHead(302, { Location: `${otherOrigin}/rapport.pdf` }).end();
      case "/download/18.ee/1612345678901/inloggning.pdf":
        return response.writeHead(200, { "Content-Type": "text/html" }).end("<!DOCTYPE html><title>Logga in</title><form>Logga in</form>");
      case "/download/18.ff/1612345678901/bild.svg":
        return response.writeHead(200, { "Content-Type": "image/svg+xml" }).end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      case "/download/18.dd/1612345678901/program.exe":
        return response.writeHead(200, { "Content-Type": "application/octet-stream" }).end("MZ");
      case "/download/18.cc/1612345678901/enorm.pdf":
      case "/oandlig.html": {
        // An answer that never ends: 64 KB at a time until the client hangs up.
        response.writeHead(200, { "Content-Type": urlPath.endsWith(".pdf") ? "application/pdf" : "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "%PDF-1.4 ");
        const write = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once("drain", write);
        };
        return write();
      }
      case "/tyst.html":
        return; // never answers: the importer's time limit ends the wait
      default: {
        const sample = SAMPLES[CMS_FILES.exec(urlPath)?.[1]?.toLowerCase() ?? ""];
        return sample ? response.writeHead(200).end(await readFile(sample)) : response.writeHead(404).end();
      }
    }
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    otherOrigin,
    requests,
    answers,
    otherRequests,
    close: async () => {
      await Promise.all([closeServer(server), closeServer(other)]);
    },
  };
}

/** The server for the whole test file: started before its first test and closed after its last. Its fields are there once the tests run. */
export function useFixtureServer(): Awaited<ReturnType<typeof startFixtureServer>> {
  const server = {} as Awaited<ReturnType<typeof startFixtureServer>>;
  beforeAll(async () => {
    Object.assign(server, await startFixtureServer());
  });
  afterAll(async () => {
    await server.close?.();
  });
  return server;
}
