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

/** The languages a Nordic project's partners are written in: Swedish, Norwegian (both), Danish, Finnish, Icelandic and English. */
const NAME_LANGUAGES = ["sv", "nb", "nn", "da", "fi", "is", "en"];

let codesByName: Map<string, string> | undefined;

/**
 * The ISO code of a country named in Swedish, Norwegian, Danish, Finnish, Icelandic or English
 * ("Norge", "Noreg", "Tanska", "Iceland" …), from Intl's names (CLDR); undefined for any other text.
 * Where two languages give one name to different countries, the Swedish name wins.
 */
export function countryCodeOfName(name: string): string | undefined {
  if (!codesByName) {
    codesByName = new Map();
    const codes = countryCodes();
    for (const language of NAME_LANGUAGES) {
      const names = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
      for (const code of codes) {
        const named = names.of(code)?.toLocaleLowerCase(language);
        if (named && !codesByName.has(named)) codesByName.set(named, code);
      }
    }
  }
  return codesByName.get(name.trim().toLocaleLowerCase("sv"));
}
