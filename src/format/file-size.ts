const KILOBYTE = 1024;
const MEGABYTE = 1024 * 1024;

/**
 * A file size as Swedish text: "340 kB", "1,2 MB". Counted in 1024s, as Windows' Explorer counts
 * them, so that the size on the page and the limit in site.yaml agree with what editors see.
 */
export function formatFileSize(bytes: number): string {
  const number = (value: number, digits: number) => value.toLocaleString("sv-SE", { maximumFractionDigits: digits });
  if (bytes < KILOBYTE) return `${bytes} byte`;
  if (bytes < MEGABYTE) return `${number(Math.round(bytes / KILOBYTE), 0)} kB`;
  return `${number(bytes / MEGABYTE, 1)} MB`;
}

/** Megabytes, as site.yaml's limit is written, in bytes. */
export const megabytes = (count: number) => count * MEGABYTE;
