/**
 * content/_harvest/, where the harvest keeps each source's last good copy, and the only folder it
 * writes in. It must be a real folder: the harvest never follows a symbolic link when it writes or
 * removes. It removes only the files it names itself (a copy of a source no longer in site.yaml,
 * a temporary file of a harvest that was stopped) and reports anything else, never deleting it.
 * Its temporary files are removed on every way out: an error, process.exit, SIGINT or SIGTERM.
 */
import { randomBytes } from "node:crypto";
import { constants, rmSync } from "node:fs";
import { lstat, mkdir, open, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../content/model/errors.ts";
import { HARVEST_FOLDER } from "../content/reading/content-tree.ts";
import { COPY_NAME } from "./sources.ts";

/** The harvest folder is not one the harvest may write in, with the reason in Swedish. */
export class HarvestFolderRefused extends Error {}

const refusal = (folder: string, what: string) =>
  new HarvestFolderRefused(
    `${displayPath(folder)} ${what}. Hämtningen skriver bara i en riktig mapp, så inget hämtades och inget ändrades. Ta bort den (eller flytta den) och kör npm run harvest igen; mappen görs då på nytt.`,
  );

/**
 * The harvest folder of a content folder, made when it is missing, or a {@link HarvestFolderRefused}
 * when it is a symbolic link or not a folder: then nothing is fetched, written or removed.
 */
export async function openHarvestFolder(contentDir: string): Promise<string> {
  const folder = path.join(path.resolve(contentDir), HARVEST_FOLDER);
  const info = await lstat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (info?.isSymbolicLink()) throw refusal(folder, "är en symbolisk länk");
  if (info && !info.isDirectory()) throw refusal(folder, "är inte en mapp");
  if (!info) await mkdir(folder);
  return folder;
}

/** The temporary files being written now, removed however the process ends. */
const temporaryFiles = new Set<string>();

function removeTemporaryFiles(): void {
  for (const file of temporaryFiles) rmSync(file, { force: true });
  temporaryFiles.clear();
}

/** Removes the temporary files, then ends the process by the same signal, as it would have ended without us. */
function onSignal(signal: NodeJS.Signals): void {
  removeTemporaryFiles();
  stopWatching();
  process.kill(process.pid, signal);
}

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function startWatching(): void {
  process.on("exit", removeTemporaryFiles);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function stopWatching(): void {
  process.off("exit", removeTemporaryFiles);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** A temporary file's name: the file's own, the process and a random part, so that no two writes share one. */
const temporaryName = (file: string) => `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;

/** The name of a temporary file {@link writeWhole} makes (or made before it had a random part), with the process that made it. */
const TEMPORARY_NAME = /^(.+)\.(\d+)(?:-[0-9a-f]+)?\.tmp$/;

/**
 * Writes a file whole or not at all: a harvest stopped half-way leaves the last good copy. The
 * bytes go to a new temporary file, which is then renamed over the file: a symbolic link there is
 * replaced, never written through, and a folder there is an error (EISDIR) that leaves it as it was.
 */
export async function writeWhole(file: string, data: Parameters<typeof writeFile>[1]): Promise<void> {
  const temporary = temporaryName(file);
  if (temporaryFiles.size === 0) startWatching();
  temporaryFiles.add(temporary);
  try {
    await writeFile(temporary, data, { flag: "wx" });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
    temporaryFiles.delete(temporary);
    if (temporaryFiles.size === 0) stopWatching();
  }
}

/** A file read by {@link readRegularFile}, or why it was not. */
export type RegularFile = { readonly bytes: Buffer } | { readonly problem: "missing" | "not-a-file" | "too-large" };

/**
 * The bytes of a regular file of at most `maxBytes`, read without following a symbolic link (a
 * link is "not-a-file"), and without waiting on a named pipe.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<RegularFile> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => error);
  if (handle instanceof Error) return { problem: handle.code === "ENOENT" ? "missing" : "not-a-file" };
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: "not-a-file" };
    return info.size <= maxBytes ? { bytes: await handle.readFile() } : { problem: "too-large" };
  } finally {
    await handle.close();
  }
}

/** What the harvest did with an entry of its folder that is not a current source's copy. */
export interface TidiedEntry {
  readonly name: string;
  /** Removed: a copy of a source no longer in site.yaml, or a temporary file of a harvest that stopped. Kept: anything else. */
  readonly action: "removed-copy" | "removed-temporary" | "kept";
  /** For a kept entry: a folder, a symbolic link or a file. */
  readonly kind?: "folder" | "link" | "file";
}

/** True when the process that made a temporary file is still running (a harvest at the same time). */
function stillRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Goes through the harvest folder after a harvest: removes the regular files the harvest names
 * itself and no longer needs, and reports every other entry, which it leaves as it is. `keep` is
 * the names of the current sources' copies.
 */
export async function tidyHarvestFolder(folder: string, keep: ReadonlySet<string>): Promise<TidiedEntry[]> {
  const entries: TidiedEntry[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const info = await lstat(path.join(folder, name)).catch(() => undefined);
    if (!info) continue;
    const temporary = TEMPORARY_NAME.exec(name);
    const ours = info.isFile() && (COPY_NAME.test(name) ? !keep.has(name) : temporary !== null && COPY_NAME.test(temporary[1]!) && !stillRunning(Number(temporary[2])));
    if (ours) {
      // rm removes a link itself, never what it leads to; lstat said this is a regular file.
      const removed = await rm(path.join(folder, name)).then(() => true, () => false);
      if (removed) {
        entries.push({ name, action: temporary ? "removed-temporary" : "removed-copy" });
        continue;
      }
    }
    if (info.isFile() && keep.has(name)) continue;
    if (info.isFile() && temporary && COPY_NAME.test(temporary[1]!)) continue; // another harvest's, being written now
    entries.push({ name, action: "kept", kind: info.isSymbolicLink() ? "link" : info.isDirectory() ? "folder" : "file" });
  }
  return entries;
}

/** A file system error as a reason in Swedish, naming the file; anything else by its message, never its stack. */
export function failureReason(error: unknown): string {
  const { code, path: file, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const where = dest ?? file;
  const named = where ? `${HARVEST_FOLDER}/${path.basename(where)}` : "en fil";
  switch (code) {
    case "EISDIR":
      return `${named} är en mapp, som hämtningen inte tar bort`;
    case "EACCES":
    case "EPERM":
      return `hämtningen får inte skriva ${named}`;
    case "ENOSPC":
    case "EDQUOT":
      return `disken är full, så ${named} kunde inte skrivas`;
    case "EROFS":
      return `${named} ligger på en disk som bara går att läsa`;
    case "ENOENT":
    case "ENOTDIR":
      return `${named} försvann medan den skrevs`;
    default:
      return `ett oväntat fel: ${error instanceof Error ? error.message : String(error)}`;
  }
}
