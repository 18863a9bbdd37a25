import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { DEFAULT_THEMES, MAX_THEMES } from "../format/themes.ts";

/** YAML as an editor writes it: a repeated value written out again, never as an anchor and alias, which the content reader refuses. */
const yamlText = (data: unknown) => stringify(data, { aliasDuplicateObjects: false });

/** A small seeded random generator (mulberry32), so that every run builds the same archive. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  /** Up to `count` different items, in the list's order. */
  const some = <T>(items: readonly T[], count: number) => {
    const chosen = new Set<T>(Array.from({ length: count }, () => pick(items)));
    return items.filter((item) => chosen.has(item));
  };
  return { int, pick, some };
}

const WORDS = (
  "bibliotek folkbildning samverkan läsning läslust barn unga vuxna studieförbund kommun region " +
  "nätverk fortbildning mötesplats litteratur berättande språk digital delaktighet demokrati " +
  "kultur arbetsmetod erfarenhet utbyte modell verktyg personal deltagare träff workshop " +
  "konferens rapport utvärdering nyanlända äldre skola förskola bokcirkel författare lokal " +
  "nordisk kunskap framtid tillgänglighet medier informationskompetens"
).split(" ");
const FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Sara", "Nils", "Åsa", "Örjan", "Linnea", "Björn"];
const LAST_NAMES = ["Berg", "Lindqvist", "Ek", "Söderström", "Holm", "Åberg", "Nyström", "Öhman", "Sandberg", "Falk", "Dahl", "Lund"];
const TITLES = ["Regionbibliotekarie", "Utvecklingsledare - bibliotek", "Bibliotekarie", "Samordnare", "Projektledare"];
const FUNDERS = [
  { name: "Statens kulturråd", url: "https://www.kulturradet.se/" },
  { name: "Nordplus Horisontal" },
  { name: "Kungliga biblioteket", url: "https://www.kb.se/" },
  { name: "Nordiska kulturfonden" },
  { name: "Allmänna arvsfonden" },
  { name: "Region Örebro län" },
];
const PARTNERS: Record<string, string[]> = {
  SE: ["Länsbiblioteket i Dalarna", "Örebro läns bildningsförbund", "Västerås stadsbibliotek", "Studieförbundet Vuxenskolan"],
  NO: ["Nasjonalbiblioteket", "Vestfold fylkesbibliotek", "Larvik bibliotek"],
  DK: ["Hovedbiblioteket Århus", "Fritid og Samfund"],
  FI: ["Helsingfors stadsbibliotek", "Åbo stadsbibliotek"],
  IS: ["Borgarbókasafn Reykjavíkur"],
};
const LANGUAGES: Record<string, string | undefined> = { NO: "nb", DK: "da", FI: "fi", IS: "is" };

/**
 * Writes a realistic archive of `projects` projects into `folder`: 0-3 themes, 3-6 goals, 2-8
 * partners across the Nordic countries, 1-2 funders, 3-8 paragraphs of Swedish text, contacts from
 * a pool of N/20 people, some related projects, and review dates spread over ten years. The themes
 * come from a generator of their own, so that everything else is what it was before projects had
 * themes.
 */
export async function writeSyntheticArchive(folder: string, projects: number, seed = 1): Promise<void> {
  const { int, pick } = random(seed);
  const themes = random(seed + 0x7e3e5);
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(" ");
  const sentence = () => {
    const text = words(int(6, 14));
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const isoDate = (year: number) => `${year}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;

  await mkdir(path.join(folder, "projekt"), { recursive: true });
  await mkdir(path.join(folder, "kontakter"), { recursive: true });
  await mkdir(path.join(folder, "_data"), { recursive: true });

  const people = Math.max(5, Math.ceil(projects / 20));
  const contactIds = Array.from({ length: people }, (_, index) => `person-${index + 1}`);
  await Promise.all(
    contactIds.map((id) =>
      writeFile(
        path.join(folder, "kontakter", `${id}.md`),
        `---\n${yamlText({ name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, title: pick(TITLES), phones: [`019-602 ${int(10, 99)} ${int(10, 99)}`] })}---\n`,
      ),
    ),
  );

  const page = (title: string, extra: Record<string, unknown> = {}) =>
    `---\n${yamlText({ title, reviewed: "2024-06-01", contentOwner: contactIds[0], publishedBy: contactIds[0], ...extra })}---\n${sentence()}\n`;
  await writeFile(path.join(folder, "index.md"), page("Avslutade projekt"));
  await writeFile(path.join(folder, "kakor.md"), page("Vad är kakor?"));
  await writeFile(
    path.join(folder, "tillganglighet.md"),
    page("Tillgänglighetsredogörelse", { compliance: "delvis förenlig", assessed: "2024-06-01", method: "Självskattning.", feedback: { phone: "019-602 72 53" } }),
  );
  await writeFile(
    path.join(folder, "_data", "site.yaml"),
    yamlText({
      name: "Avslutade projekt",
      organisation: "Regionbibliotek Örebro-Västmanland",
      url: "https://arkiv.example.se/",
      contacts: contactIds.slice(0, 5),
      generatedPages: { reviewed: "2024-06-01", contentOwner: contactIds[0], publishedBy: contactIds[0] },
    }),
  );

  const slugs = Array.from({ length: projects }, (_, index) => `projekt-${index + 1}`);
  const batch = 200;
  for (let start = 0; start < projects; start += batch) {
    await Promise.all(
      slugs.slice(start, start + batch).map((slug, offset) => {
        const index = start + offset;
        const startYear = int(2005, 2022);
        const partners = Array.from({ length: int(2, 8) }, () => {
          const country = pick(Object.keys(PARTNERS));
          const lang = LANGUAGES[country];
          return { name: pick(PARTNERS[country]!), country, ...(lang ? { lang } : {}), ...(int(0, 5) === 0 ? { roles: ["owner", "coordinator"] } : {}) };
        });
        const related = index > 0 && int(0, 3) === 0 ? [slugs[int(0, index - 1)]!] : [];
        const projectThemes = themes.some(DEFAULT_THEMES, themes.int(0, MAX_THEMES));
        const data = {
          title: `${words(int(1, 3)).replace(/^./, (letter) => letter.toUpperCase())} ${index + 1}`,
          summary: sentence(),
          ...(projectThemes.length ? { themes: projectThemes } : {}),
          period: { start: startYear, end: isoDate(startYear + int(1, 3)) },
          goals: Array.from({ length: int(3, 6) }, sentence),
          partners,
          funders: Array.from({ length: int(1, 2) }, () => pick(FUNDERS)),
          contacts: [pick(contactIds)],
          related,
          reviewed: isoDate(int(2015, 2024)),
          contentOwner: pick(contactIds),
          publishedBy: pick(contactIds),
        };
        const paragraphs = Array.from({ length: int(3, 8) }, (_, paragraph) =>
          paragraph === 2 ? `## ${words(3)}\n\n${Array.from({ length: int(3, 6) }, sentence).join(" ")}` : Array.from({ length: int(3, 6) }, sentence).join(" "),
        );
        return writeFile(path.join(folder, "projekt", `${slug}.md`), `---\n${yamlText(data)}---\n${paragraphs.join("\n\n")}\n`);
      }),
    );
  }
}
