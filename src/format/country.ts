const regionNames = new Intl.DisplayNames(["sv"], { type: "region", fallback: "none" });

/** CLDR region codes that are not countries in ISO 3166-1. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ"]);

const names = new Map<string, string | undefined>();

/** The Swedish name of an ISO 3166-1 alpha-2 country ("NO" is "Norge"), or undefined. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return undefined;
  if (!names.has(code)) names.set(code, regionNames.of(code));
  return names.get(code);
}
