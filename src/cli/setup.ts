/**
 * `npm run setup [-- --organisation "…" --host gitlab --publish gitlab-pages --url https://… …]`
 *
 * Takes the archive into use for an organisation: asks for what the flags do not give, when it
 * runs in a terminal, writes the settings and the first contact, checks the result and lists what
 * is left to do (src/cli/setup-session.ts). Content files are read only through the content reader:
 * nothing in them runs. Exit 0 when the content is valid afterwards, 1 when it has errors or
 * site.yaml cannot be read, 2 when an answer is refused or missing, or for a wrong command line.
 */
import { parseCommandLine } from "./command-line.ts";
import { runSetup, SETUP_OPTIONS } from "./setup-session.ts";

const HELP = `npm run setup: tar arkivet i bruk för er organisation.

Kommandot frågar efter det som behövs, med svaren från förra gången inom [ ], tar bort exemplet,
skriver content/_data/site.yaml och den första kontaktpersonen, kontrollerar innehållet och listar
det som är kvar att göra för hand. Det går att köra igen när som helst.

Svaren kan också ges på en gång (npm run setup -- --organisation "Region Dalarna" …):
  --organisation "…"       organisationens namn
  --name "…"               webbplatsens namn (Avslutade projekt)
  --host VAR               var arkivet ligger: github, gitlab, forgejo eller ingen
  --repo ÄGARE/NAMN        arkivet på den platsen, till exempel region/avslutade-projekt
  --base-url https://…     en egen GitLabs eller en Forgejos adress
  --app-id ID              OAuth-applikationens id på GitLab eller Forgejo, för inloggning utan nyckel
  --publish VAR            var webbplatsen publiceras: github-pages, gitlab-pages eller server
  --url https://…/         webbplatsens adress
  --organisation-number …  organisationsnumret
  --counties "…, …"        länen, till exempel "Gävleborgs län"
  --logo FIL               logotypen, en PNG-, JPEG-, WebP- eller AVIF-fil
  --logo-alt "…"           vad logotypen visar
  --colour "#0b4f8a"       webbplatsens färg
  --contact-name "…"       den första kontaktpersonens namn
  --contact-title "…"      hennes eller hans titel
  --contact-email …        e-post
  --contact-phone …        ett telefonnummer
  --input MAPP             innehållets mapp (content)
  --yes                    fråga ingenting: ta flaggorna och svaren från förra gången
  --ask                    fråga även när svaren kommer från en fil eller ett annat program
  --help                   visa den här texten

Steg för steg: redaktörsguiden, kapitlet Ta arkivet i bruk (docs/redaktorsguide.md#ta-arkivet-i-bruk).
`;

const { values: flags } = parseCommandLine("setup", SETUP_OPTIONS, { help: HELP });
process.exit(await runSetup(flags, { input: process.stdin, output: process.stdout, errors: process.stderr, isTerminal: process.stdin.isTTY === true }));
