/**
 * `npm run new -- "Rum för bildning"` and `npm run new -- --contact "Anna Berg"`
 *
 * Writes a new project (or person) file with every field of the model, commented in Swedish. It
 * never overwrites an existing file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../content/model/errors.ts";
import { PLACEHOLDERS } from "../content/model/placeholders.ts";
import { newProjectIdentifier } from "../content/model/project-ids.ts";
import { doubleQuoted } from "../content/reading/yaml-slips.ts";
import { todayInSweden } from "../format/date.ts";
import { describeInvisibleCharacter, firstInvisibleCharacter } from "../format/invisible-characters.ts";
import { MAX_NAME_LENGTH, nameTooLong } from "../format/limits.ts";
import { boundedSlug, swedishSlug } from "../format/slug.ts";
import { parseCommandLine } from "./command-line.ts";
import { loadArchiveOrExit } from "./load-or-exit.ts";

const { values, positionals } = parseCommandLine(
  "new",
  { contact: { type: "boolean", default: false }, input: { type: "string", default: "content" } },
  { positionals: 1 },
);
const name = positionals[0]?.trim();
if (!name) {
  console.error('npm run new: skriv namnet inom citattecken, till exempel: npm run new -- "Rum för bildning"\n' + 'eller för en person: npm run new -- --contact "Anna Berg"');
  process.exit(2);
}
const invisible = firstInvisibleCharacter(name);
if (invisible) {
  console.error(`npm run new: namnet har ett osynligt styrtecken (${describeInvisibleCharacter(invisible[0])}); skriv det utan.`);
  process.exit(2);
}
if (values.contact && name.length > MAX_NAME_LENGTH) {
  console.error(`npm run new: ${nameTooLong(name.length)}.`);
  process.exit(2);
}
const slug = boundedSlug(swedishSlug(name));
if (!slug) {
  console.error(`npm run new: "${name}" ger inget filnamn; använd bokstäver eller siffror.`);
  process.exit(2);
}

/** Text as comment lines of at most 100 characters, broken between words. */
function commentLines(text: string): string {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= 100) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`# ${word}`);
  }
  return lines.join("\n");
}

/** What `related` is shown with when the archive has no other project to name. */
const RELATED_PLACEHOLDER = "filnamnet-pa-ett-annat-projekt";

/**
 * A new project file; `related` is the file name of a project the archive has, for the example, and
 * `vocabulary` the themes the site offers.
 */
function projectFile(owner: string, id: string | undefined, related: string, vocabulary: readonly string[]): string {
  const themes = commentLines(`Webbplatsens ämnen: ${vocabulary.join(", ")}.`);
  const exampleThemes = vocabulary.slice(0, 2).map((theme) => `#   - ${theme}`).join("\n");
  const idLines = id ? `# Projektets beständiga id i den öppna datan. Ändra det aldrig, inte heller om titeln ändras.\nid: ${id}\n\n` : "";
  return `---
${idLines}# Projektets namn, som det ska stå som rubrik. (Måste finnas.)
title: ${doubleQuoted(name!)}

# En underrubrik, till exempel "fortbildningsprojekt med folkbildningen". (Frivillig.)
# subtitle: 

# En eller två meningar om projektet, högst 300 tecken. Visas i listan på startsidan. (Måste finnas.)
summary: ${PLACEHOLDERS.summary}

# När projektet pågick. Skriv år (2008), månad (2011-04) eller dag (2011-04-05). (Frivillig.)
# period:
#   start: 2008
#   end: 2011-04-05

# Vad projektet handlade om: högst tre ämnen ur webbplatsens lista. (Frivilliga.)
${themes}
# themes:
${exampleThemes}

# Projektets mål, ett per rad. (Frivilliga.)
# goals:
#   - Stödja och stärka lokala nätverk
#   - Utveckla folkbiblioteken som mötesplats

# Vad projektet uppnådde, ett resultat per rad: vad som blev gjort, hur många som deltog,
# vad som finns kvar. (Frivilliga.)
# results:
#   - 14 bibliotek och 9 studieförbund deltog i fyra fortbildningsdagar
#   - En modell för gemensamma studiecirklar som biblioteken i länet använder

# Vad ni lärde er, en erfarenhet per rad: vad som fungerade och vad ni skulle göra
# annorlunda. Det är det som andra bibliotek letar efter. (Frivilliga.)
# lessons:
#   - Träffarna fungerade bäst när personal från båda håll planerade dem tillsammans
#   - Avsätt tid för uppföljning efter projektets slut

# Organisationer som var med. country är en landskod (SE, NO, DK, FI, IS),
# roles kan vara owner (projektägare), coordinator (koordinator) eller partner,
# och lang är språket namnet är skrivet på (nb, da, sv). (Frivilliga.)
# partners:
#   - name: Länsbiblioteket i Dalarna
#     country: SE
#   - name: VOFO (Voksenopplæringsforbundet)
#     country: NO
#     roles: [owner, coordinator]
#     lang: nb
#     url: https://www.vofo.no/

# Vem som gav pengar till projektet, och det du vet om bidraget. Det står i beslutet:
# programme är bidragsprogrammet, caseNumber diarienumret eller projektnumret, amount
# beloppet utan mellanslag (öre och cent efter en punkt), currency valutan om det inte är
# kronor (EUR, NOK eller DKK) och year året bidraget beviljades. (Frivilliga.)
# funders:
#   - name: Statens kulturråd
#     url: https://www.kulturradet.se/
#     programme: Stärkta bibliotek
#     caseNumber: KUR 2019/1234
#     amount: 450000
#     year: 2019
#   - name: Interreg Aurora
#     caseNumber: NYPS 20201234
#     amount: 1250000.50
#     currency: EUR
#     year: 2021

# Viktiga datum i projektet. (Frivilliga.)
# events:
#   - date: 2011-04-05
#     title: Inspirationskonferens

# Rapporter och annat material: filer i content/filer/. title blir länktexten, published
# (ÅÅÅÅ-MM-DD) är när dokumentet publicerades första gången, och category vad det är:
# slutrapport, utvärdering, metodmaterial, presentation eller annat. (Frivilliga.)
# documents:
#   - title: Slutrapport
#     file: ${slug}/slutrapport.pdf
#     published: 2011-06-01
#     category: slutrapport

# En bild överst på sidan, ur content/filer/. alt säger vad bilden visar för den som
# inte ser den. (Frivillig; alt måste finnas om bilden finns.)
# image:
#   file: ${slug}/bild.jpg
#   alt: Ett tjugotal deltagare samtalar vid runda bord i en biblioteksentré.

# Kontaktpersoner: filnamnen i content/kontakter/ utan .md. (Frivilliga.)
# contacts:
#   - ${owner}

# Andra projekt som hör ihop med det här: filnamnen i content/projekt/ utan .md. (Frivilliga.)
# related:
#   - ${related}

# När sidan senast granskades, ÅÅÅÅ-MM-DD. Ändra till dagens datum varje gång du granskar. (Måste finnas.)
reviewed: ${todayInSweden()}

# Vem som ansvarar för innehållet och vem som publicerar: filnamn i content/kontakter/. (Måste finnas.)
contentOwner: ${owner}
publishedBy: ${owner}

# Ett utkast syns i förhandsgranskningen men inte på webbplatsen. Ta bort raden när projektet ska publiceras.
draft: true
---
Skriv om projektet här. En tom rad mellan styckena. En rad som börjar med ## blir en mellanrubrik.
`;
}

function contactFile(): string {
  return `---
# Personens namn. (Måste finnas.)
name: ${doubleQuoted(name!)}

# Titel eller roll, till exempel "Utvecklingsledare - bibliotek". (Måste finnas.)
title: ${PLACEHOLDERS.contactTitle}

# Telefonnummer, som man brukar skriva dem. (Frivilliga.)
# phones:
#   - 019-602 72 54

# E-postadress. (Frivillig.)
# email: fornamn.efternamn@example.se
---
`;
}

const contentDir = path.resolve(values.input);
const folder = path.join(contentDir, values.contact ? "kontakter" : "projekt");
const file = path.join(folder, `${slug}.md`);
/** A new project: its owner is the site's, and its id is made from the organisation number, where there is one. */
async function newProject(): Promise<string> {
  const archive = await loadArchiveOrExit(contentDir, { includeDrafts: true });
  const digits = archive.site.organisationNumber;
  const taken = new Set(archive.projects.flatMap((project) => (project.id ? [project.id] : [])));
  // The example of a related project names one the archive has, the newest; a new archive has none.
  const related = archive.ownProjects().find((project) => project.slug !== slug)?.slug ?? RELATED_PLACEHOLDER;
  return projectFile(archive.site.generatedPages.contentOwner.id, digits && newProjectIdentifier(digits, slug, taken), related, archive.site.themeVocabulary);
}
const text = values.contact ? contactFile() : await newProject();
await mkdir(folder, { recursive: true });
try {
  await writeFile(file, text, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  console.error(`Filen ${displayPath(file)} finns redan och skrivs inte över. Öppna den, eller välj ett annat namn.`);
  process.exit(1);
}
console.log(`Skapade ${displayPath(file)}`);
console.log(
  values.contact
    ? `Nästa steg: fyll i titel, telefon och e-post. Andra filer hänvisar till personen som ${slug}. Kontrollera med npm run check.`
    : "Nästa steg: fyll i fälten och skriv texten. Se resultatet med npm start och kontrollera med npm run check. Ta bort raden draft: true när projektet ska publiceras.",
);
