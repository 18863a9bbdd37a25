const regionNames = new Intl.DisplayNames(["sv"], { type: "region", fallback: "none" });

/** CLDR region codes that are not countries in ISO 3166-1, and its pseudo-regions for testing. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"]);

const names = new Map<string, string | undefined>();

/** The Swedish name of an ISO 3166-1 alpha-2 country ("NO" is "Norge"), or undefined. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return undefined;
  if (!names.has(code)) names.set(code, regionNames.of(code));
  return names.get(code);
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Every current country code that `countryName` knows, in the order of the Swedish names. Old codes
 * that `countryName` still accepts, such as UK for GB, are left out: each country is listed once.
 */
export function countryCodes(): string[] {
  const codes = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second));
  const current = codes.filter((code) => countryName(code) !== undefined && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`);
  return current.sort((a, b) => countryName(a)!.localeCompare(countryName(b)!, "sv"));
}
