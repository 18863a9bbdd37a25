/**
 * Example texts that `npm run new` writes into a new file. Validation refuses them where they
 * would be published, so that an example text can never reach the public site.
 */
export const PLACEHOLDERS = {
  summary: "Skriv en eller två meningar om projektet här.",
  contactTitle: "Skriv titeln här",
} as const;
