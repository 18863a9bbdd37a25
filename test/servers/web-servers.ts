/**
 * A built site served by Debian's Apache or nginx on 127.0.0.1, the way docs/publishing.md tells an
 * organisation to serve it: Apache reads the site's own `.htaccess` files (`AllowOverride FileInfo`),
 * nginx includes the site's `_nginx.conf` in the server block. Each server runs as a child process
 * from a minimal configuration of its own in a temporary folder, on a free port, and answers once
 * its pid file appears (it writes that after it has bound the port). Made for the header tests
 * (test/servers/security-headers.test.ts) and for any test that needs the site on a real server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, watch } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { waitingFor } from "../waiting.ts";

export const APACHE = "/usr/sbin/apache2";
export const NGINX = "/usr/sbin/nginx";
const APACHE_MODULES = "/usr/lib/apache2/modules";

/**
 * Whether Apache and nginx are installed. Without them a test file skips, and says so; with
 * CI=true it fails instead, since .ci/run installs both.
 */
export function webServersInstalled(): boolean {
  const installed = existsSync(APACHE) && existsSync(NGINX);
  if (!installed) {
    if (process.env.CI === "true") throw new Error(`The web server tests need ${APACHE} and ${NGINX}. .ci/run installs apache2 and nginx.`);
    console.warn("\n*** SKIPPING the web server tests: they need Debian's apache2 and nginx (apt-get install -y apache2 nginx) ***\n");
  }
  return installed;
}

/** A free TCP port on 127.0.0.1, for a server that cannot be told to choose one itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

export interface WebServer {
  /** The site's address: http://127.0.0.1:PORT followed by its path prefix, ending in "/". */
  readonly url: string;
  /** What the server has written to its error log. */
  errorLog(): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  /**
   * The path the site is served under, "/" by default. nginx's `_nginx.conf` names its locations
   * by the path of site.yaml's `url`, so serve a site under that path for them to apply.
   */
  readonly pathPrefix?: string;
}

/** The folders of one server: its configuration, pid file and logs, and the document root holding a copy of the site. */
interface ServerFolders {
  readonly run: string;
  readonly documentRoot: string;
  readonly site: string;
  readonly prefix: string;
  readonly port: number;
}

/**
 * Copies the site into a new document root under its path prefix. The copy is readable by the
 * user the server's workers run as (www-data when the tests run as root), which the fixture
 * sites' own temporary folders are not, and the server may change it.
 */
async function prepare(siteDir: string, options: ServeOptions): Promise<ServerFolders> {
  const prefix = `/${(options.pathPrefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const run = await mkdtemp(path.join(os.tmpdir(), "projektarkiv-server-"));
  await chmod(run, 0o755);
  const documentRoot = path.join(run, "www");
  const site = path.join(documentRoot, prefix);
  await mkdir(path.dirname(site), { recursive: true });
  await cp(siteDir, site, { recursive: true });
  return { run, documentRoot, site, prefix, port: await freePort() };
}

/** Starts `command` and waits until `pidFile` appears, or fails with the server's own words when it exits first. */
async function start(name: string, command: string, args: readonly string[], pidFile: string, errorLog: string): Promise<ChildProcess> {
  return waitingFor(`${name} to start`, () => {
    let output = "";
    return new Promise<ChildProcess>((resolve, reject) => {
      const watcher = watch(path.dirname(pidFile));
      const started = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
      const settle = (outcome: () => void) => {
        watcher.close();
        started.removeAllListeners("exit");
        outcome();
      };
      started.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.once("error", (error) => settle(() => reject(error)));
      started.once("exit", (code, signal) => {
        const log = existsSync(errorLog) ? `\n${errorLog}:\n${readFileSync(errorLog, "utf8")}` : "";
        settle(() => reject(new Error(`${name} stopped while starting (${signal ?? `exit code ${code}`}):\n${output}${log}`)));
      });
      const check = () => {
        if (existsSync(pidFile)) settle(() => resolve(started));
      };
      watcher.on("change", check);
      check();
    });
  });
}

/** Stops a started server and waits for it to exit. */
function stopper(child: ChildProcess, run: string, signal: NodeJS.Signals): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    }
    await rm(run, { recursive: true, force: true });
  };
}

/** Running as root, the servers hand their requests to www-data, as Debian's own configurations do. */
const asRoot = () => process.getuid?.() === 0;

/**
 * Debian's Apache serving `siteDir`, with the site's `.htaccess` files applied: the modules a
 * static site needs (event MPM, authz_core, dir, mime) and mod_headers unless `modHeaders` is
 * false, which is how Debian's Apache comes until `a2enmod headers`.
 */
export async function serveWithApache(siteDir: string, options: ServeOptions & { modHeaders?: boolean } = {}): Promise<WebServer> {
  const { run, documentRoot, prefix, port } = await prepare(siteDir, options);
  const modules = ["mpm_event", "authz_core", "dir", "mime", ...(options.modHeaders === false ? [] : ["headers"])];
  const errorLog = path.join(run, "error.log");
  const pidFile = path.join(run, "apache2.pid");
  const config = path.join(run, "apache2.conf");
  await writeFile(
    config,
    [
      `ServerRoot "${run}"`,
      `DefaultRuntimeDir "${run}"`,
      `PidFile "${pidFile}"`,
      `ErrorLog "${errorLog}"`,
      "LogLevel warn",
      "ServerName 127.0.0.1",
      `Listen 127.0.0.1:${port}`,
      ...modules.map((module) => `LoadModule ${module}_module ${APACHE_MODULES}/mod_${module}.so`),
      ...(asRoot() ? ["User www-data", "Group www-data"] : []),
      "TypesConfig /etc/mime.types",
      `DocumentRoot "${documentRoot}"`,
      "DirectoryIndex index.html",
      '<Directory "/">',
      "  AllowOverride None",
      "  Require all denied",
      "</Directory>",
      `<Directory "${documentRoot}">`,
      "  AllowOverride FileInfo",
      "  Require all granted",
      "</Directory>",
      // As Debian's apache2.conf has it: the .htaccess files are never served.
      '<FilesMatch "^\\.ht">',
      "  Require all denied",
      "</FilesMatch>",
      `ErrorDocument 404 ${prefix}404.html`,
      "",
    ].join("\n"),
  );
  const child = await start("Apache", APACHE, ["-f", config, "-DFOREGROUND"], pidFile, errorLog);
  return { url: `http://127.0.0.1:${port}${prefix}`, errorLog: () => readFile(errorLog, "utf8"), stop: stopper(child, run, "SIGTERM") };
}

/** Debian's nginx serving `siteDir`, with the site's `_nginx.conf` included in its server block. */
export async function serveWithNginx(siteDir: string, options: ServeOptions = {}): Promise<WebServer> {
  const { run, documentRoot, site, prefix, port } = await prepare(siteDir, options);
  const errorLog = path.join(run, "error.log");
  const pidFile = path.join(run, "nginx.pid");
  const config = path.join(run, "nginx.conf");
  const temporary = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${path.join(run, kind)};`);
  await writeFile(
    config,
    [
      `pid ${pidFile};`,
      `error_log ${errorLog} warn;`,
      ...(asRoot() ? ["user www-data;"] : []),
      "worker_processes 1;",
      "events {",
      "  worker_connections 64;",
      "}",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...temporary,
      "  server {",
      `    listen 127.0.0.1:${port};`,
      `    root ${documentRoot};`,
      `    include ${path.join(site, "_nginx.conf")};`,
      `    error_page 404 ${prefix}404.html;`,
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  const child = await start("nginx", NGINX, ["-e", errorLog, "-p", `${run}/`, "-c", config, "-g", "daemon off;"], pidFile, errorLog);
  return { url: `http://127.0.0.1:${port}${prefix}`, errorLog: () => readFile(errorLog, "utf8"), stop: stopper(child, run, "SIGTERM") };
}
