/**
 * Sweden's 21 counties (län), by the names the counties use themselves. A regional library
 * organisation works for one or two of them; a national archive is browsed by them.
 */
export const COUNTIES = [
  "Stockholms län",
  "Uppsala län",
  "Södermanlands län",
  "Östergötlands län",
  "Jönköpings län",
  "Kronobergs län",
  "Kalmar län",
  "Gotlands län",
  "Blekinge län",
  "Skåne län",
  "Hallands län",
  "Västra Götalands län",
  "Värmlands län",
  "Örebro län",
  "Västmanlands län",
  "Dalarnas län",
  "Gävleborgs län",
  "Västernorrlands län",
  "Jämtlands län",
  "Västerbottens län",
  "Norrbottens län",
] as const;

export type County = (typeof COUNTIES)[number];

/**
 * A county's name as it is compared when it is misspelt: lower case, without "län" and the
 * genitive s, so that "Gävleborg", "gävleborgs" and "Gävleborgs län" are the same county.
 */
export function countyKey(name: string): string {
  return name
    .trim()
    .toLocaleLowerCase("sv")
    .replace(/\s+län$/, "")
    .replace(/s$/, "");
}
