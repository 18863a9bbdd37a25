/** Reading a site's `_headers` file as Netlify does, for the tests that compare each server's headers with it. */

export type Headers = Record<string, string>;

/**
 * The headers `_headers` gives a path of the site (without its path prefix): every rule whose
 * pattern matches, a later rule's header replacing an earlier one's of the same name.
 */
export function headersFromFile(file: string, urlPath: string): Headers {
  const headers: Headers = {};
  for (const block of file.trim().split(/\n\n/)) {
    const [pattern, ...lines] = block.split("\n");
    const matcher = new RegExp(`^${pattern!.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`);
    if (!matcher.test(urlPath)) continue;
    for (const line of lines) {
      const [, name, value] = /^ {2}([\w-]+): (.*)$/.exec(line)!;
      headers[name!] = value!;
    }
  }
  return headers;
}
