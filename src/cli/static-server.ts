import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".vcf": "text/vcard; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
};

export interface StaticServer {
  /** The site's root URL, with the path prefix and a trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** The file a URL path names inside `root`, or undefined for a path that leaves it. */
async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const file = path.join(root, decodeURIComponent(urlPath));
  if (path.relative(root, file).startsWith("..")) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = path.join(file, "index.html");
    if (await stat(index).then((entry) => entry.isFile(), () => false)) return index;
  }
  return undefined;
}

/**
 * Serves a built site on the loopback interface, the way a static host does: folders answer with
 * their index.html, unknown paths with 404.html, and vCards as text/vcard. For screenshots and
 * browser tests; `npm start` uses Eleventy's own dev server.
 */
export async function serveStatic(root: string, options: { pathPrefix?: string; port?: number } = {}): Promise<StaticServer> {
  const prefix = options.pathPrefix ?? "/";
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = urlPath.startsWith(prefix) ? await fileFor(root, urlPath.slice(prefix.length - 1)) : undefined;
    const served = file ?? path.join(root, "404.html");
    const exists = await stat(served).then(() => true, () => false);
    response.statusCode = file ? 200 : 404;
    response.setHeader("Content-Type", CONTENT_TYPES[path.extname(served)] ?? "application/octet-stream");
    if (!exists) return void response.end("404");
    // A file that cannot be read after all (removed meanwhile, too many open files) ends the
    // answer with an error the browser sees, rather than leaving it open for ever.
    await pipeline(createReadStream(served), response);
  };
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        // An address that does not decode (a lone %), or a file that could not be opened.
        response.statusCode = error instanceof URIError ? 400 : 500;
        response.end(String(response.statusCode));
      } else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
