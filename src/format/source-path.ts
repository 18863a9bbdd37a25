/**
 * Where a `path:` source in site.yaml may point, as written: a projekt.json, or a folder holding
 * one, in the repository (the folder the content folder lies in) or in a folder beside it, such as
 * a neighbouring archive's built site (`../kommunens-arkiv/_site`). An absolute path, or one that
 * goes up further than that, is refused. This is the rule on the text; the harvest also refuses a
 * symbolic link that leads out of the folder named (src/harvest/sources.ts).
 */
import path from "node:path";

/** The message for a `path:` outside that reach, as check and the harvest print it. */
export const SOURCE_PATH_REACH =
  "en sökväg i arkivet eller i en mapp bredvid det, räknat från mappen som content ligger i (som ../kommunens-arkiv/_site); en absolut sökväg, eller en som går upp mer än en mapp (../../), läses inte";

/** The folder a `path:` names: the path itself, or for a projekt.json the folder it lies in. */
export function sourcePathFolder(written: string): string {
  return written.endsWith(".json") ? path.posix.dirname(written) : written;
}

/** True when a `path:` as written lies in the repository or in a folder beside it. */
export function isWithinSourceReach(written: string): boolean {
  const slashes = written.replaceAll("\\", "/");
  if (slashes === "" || path.posix.isAbsolute(slashes) || /^[a-z]:/i.test(slashes)) return false;
  const parts = path.posix.normalize(sourcePathFolder(slashes)).split("/").filter((part) => part !== "" && part !== ".");
  const up = parts.filter((part) => part === "..").length;
  // One step up, then into a folder beside the repository: "../x"; never the folder above itself.
  return up === 0 || (up === 1 && parts[0] === ".." && parts.length > 1);
}
