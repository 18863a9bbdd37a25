/**
 * A local server of projekt.json files, as archives publish them, for the harvest's tests and the
 * bench: each file with an ETag and a Last-Modified, conditional requests answered 304, and a
 * record of every request and of how many were open at once. Nothing leaves 127.0.0.1.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SourceRequest {
  readonly path: string;
  readonly userAgent: string;
  readonly ifNoneMatch?: string;
  readonly ifModifiedSince?: string;
  /** 200, 304, or what the route answered. */
  status?: number;
}

/** A route of its own, for hostile answers: it gets the request and answers as it likes. */
export type SourceRoute = (request: IncomingMessage, response: ServerResponse) => void;

export interface SourceServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly requests: SourceRequest[];
  /** The most requests that were open at the same time. */
  readonly mostAtOnce: number;
  /** Serves `body` at `path` from now on. */
  serve(path: string, body: Uint8Array | string): void;
  route(path: string, handler: SourceRoute): void;
  close(): Promise<void>;
}

/** The date every file was last modified, as an HTTP date: fixed, so that the answers do not change between runs. */
const LAST_MODIFIED = new Date(Date.UTC(2026, 10, 1)).toUTCString();

export async function startSourceServer(): Promise<SourceServer> {
  const files = new Map<string, { body: Buffer; etag: string }>();
  const routes = new Map<string, SourceRoute>();
  const requests: SourceRequest[] = [];
  let open = 0;
  let mostAtOnce = 0;
  const server: Server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const header = (name: string) => (typeof request.headers[name] === "string" ? { [name === "if-none-match" ? "ifNoneMatch" : "ifModifiedSince"]: request.headers[name] as string } : {});
    const logged: SourceRequest = { path: urlPath, userAgent: String(request.headers["user-agent"]), ...header("if-none-match"), ...header("if-modified-since") };
    requests.push(logged);
    open++;
    mostAtOnce = Math.max(mostAtOnce, open);
    response.on("close", () => open--);
    const route = routes.get(urlPath);
    if (route) return route(request, response);
    const file = files.get(urlPath);
    if (!file) {
      logged.status = 404;
      return response.writeHead(404).end();
    }
    if (request.headers["if-none-match"] === file.etag) {
      logged.status = 304;
      return response.writeHead(304, { ETag: file.etag, "Last-Modified": LAST_MODIFIED }).end();
    }
    logged.status = 200;
    response.writeHead(200, { "Content-Type": "application/json", ETag: file.etag, "Last-Modified": LAST_MODIFIED, "Content-Length": file.body.byteLength }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    get mostAtOnce() {
      return mostAtOnce;
    },
    serve(path, body) {
      const bytes = Buffer.from(body);
      files.set(path, { body: bytes, etag: `"${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}"` });
    },
    route(path, handler) {
      routes.set(path, handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
