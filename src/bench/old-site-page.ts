/**
 * An old library site's page of completed projects, as such sites were built around 2005: the
 * whole page inside nested layout tables, a menu column, spacer GIFs holding the cells apart,
 * `<font>` and `<center>`, `&nbsp;` spacers, characters written as entities, paragraphs left open
 * (the introduction's before the tables that follow it), a statistics picture at the end, and
 * each project in a table of its own. Made the same every time (no
 * randomness but a fixed sequence), for the importer's tests and `npm run bench`.
 */

/** A fixed sequence of numbers: the same page for the same number of projects, on every machine. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const THEMES = [
  "Läsfrämjande för nyanlända",
  "Bokprat i skolan",
  "Sagostunder för de minsta",
  "Digitalt först",
  "Biblioteket som mötesplats",
  "Lättläst för alla",
  "Språkcafé",
  "Författarbesök",
  "Läsecirklar för vuxna",
  "Boken kommer",
  "Ungas eget bibliotek",
  "Lokalhistoria på nätet",
  "Musik att låna",
  "Sommarläsning",
  "Meröppet bibliotek",
  "Talböcker i vården",
  "Skrivarverkstad för unga",
  "Filmklubb",
  "Bibliotek i glesbygd",
  "Kulturarv i bild",
];

const PLACES = ["Storvik", "Ockelbo", "Hofors", "Sandviken", "Torsåker", "Järbo", "Kungsgården", "Årsunda", "Gysinge", "Österfärnebo", "Jädraås", "Åshammar"];

const SENTENCES = [
  "Biblioteket ville nå fler i kommunen och prövade därför ett nytt arbetssätt.",
  "Personalen samarbetade med skolor, förskolor och studieförbund under hela projekttiden.",
  "Verksamheten riktade sig särskilt till barn och unga som sällan besöker biblioteket.",
  "Deltagarna fick själva vara med och bestämma vilka aktiviteter som skulle genomföras.",
  "Erfarenheterna har spridits till andra bibliotek i länet genom träffar och en skriftlig rapport.",
  "Under projektet köptes nya medier in och samlingen gjordes mer tillgänglig.",
  "Många besökare hittade till biblioteket för första gången.",
  "Arbetet utvärderades med enkäter och intervjuer med deltagare och personal.",
  "Projektgruppen träffades en gång i månaden för att planera och följa upp arbetet.",
  "Efter projekttiden har arbetssättet blivit en del av bibliotekets ordinarie verksamhet.",
  "Resultaten visar att samarbetet med föreningslivet var avgörande.",
  "Bibliotekarierna fick fortbildning i läsfrämjande metoder och samtalsledning.",
];

const FUNDERS = ["Statens kulturråd", "Region Gävleborg", "Allmänna arvsfonden", "Länsstyrelsen Gävleborg"];

/** Swedish letters and dashes as the named entities old editors wrote. */
const ENTITIES: Readonly<Record<string, string>> = { å: "&aring;", ä: "&auml;", ö: "&ouml;", Å: "&Aring;", Ä: "&Auml;", Ö: "&Ouml;", é: "&eacute;", "–": "&ndash;" };
const entities = (text: string) => text.replace(/[åäöÅÄÖé–]/g, (character) => ENTITIES[character]!);

const SPACER = (width: number, height: number) => `<img src="bilder/spacer.gif" width="${width}" height="${height}" border="0">`;
const FONT = (size: number, text: string) => `<font face="Verdana, Arial, Helvetica, sans-serif" size="${size}">${text}</font>`;

export interface OldSitePage {
  readonly html: string;
  /** The projects' titles, in page order. */
  readonly titles: readonly string[];
}

/** The page with `projects` projects (240 in the importer's test: 20 themes in 12 places). */
export function oldSitePage(projects = 240): OldSitePage {
  const next = sequence(projects);
  const titles: string[] = [];
  const rows: string[] = [];
  for (let index = 0; index < projects; index++) {
    const title = `${THEMES[index % THEMES.length]} i ${PLACES[Math.floor(index / THEMES.length) % PLACES.length]}${index >= THEMES.length * PLACES.length ? ` ${Math.floor(index / (THEMES.length * PLACES.length)) + 1}` : ""}`;
    titles.push(title);
    const start = 1998 + Math.floor(next() * 10);
    const paragraphs = [0, 1, 2].map(() => Array.from({ length: 2 + Math.floor(next() * 3) }, () => SENTENCES[Math.floor(next() * SENTENCES.length)]).join(" "));
    const funder = FUNDERS[Math.floor(next() * FUNDERS.length)];
    const results = index % 7 === 3 ? `<h4>${FONT(2, "Resultat")}</h4>\n<p>${FONT(2, entities(paragraphs[2]!))}</p>` : `<p>${FONT(2, entities(paragraphs[2]!))}&nbsp;</p>`;
    // Every fifth project as hand-written markup was: capitals, and paragraphs never closed.
    const [open, close] = index % 5 === 0 ? ["<P>", ""] : ["<p>", "</p>"];
    rows.push(`<table width="100%" border="0" cellspacing="0" cellpadding="4">
<tr><td valign="top">
<h3><font face="Verdana, Arial" size="3" color="#003366">${entities(title)}</font></h3>
${open}${FONT(2, `${entities(paragraphs[0]!)} Projektet p&aring;gick ${start}&ndash;${start + 1}.`)}${close}
${open}${FONT(2, `${entities(paragraphs[1]!)} Projektet har haft st&ouml;d av ${entities(funder!)}.`)}${close}
${results}
</td>
<td width="10" valign="top">${SPACER(10, 1)}</td>
</tr>
</table>
${SPACER(1, 12)}<br>`);
  }
  const menu = ["Startsida", "Öppettider", "Våra bibliotek", "Barn och unga", "Låna och reservera", "Avslutade projekt", "Kontakt"]
    .map((item) => `<a href="${item === "Startsida" ? "index.htm" : `${item.toLowerCase().replace(/[^a-zåäö]+/g, "-")}.htm`}">${entities(item)}</a>`)
    .join("<br>\n");
  const html = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Avslutade projekt - Biblioteken i Sandviken</title>
<script language="JavaScript" src="js/meny.js"></script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<center>
<table width="760" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="3"><img src="bilder/sidhuvud.gif" width="760" height="90" alt="Biblioteken i Sandviken" border="0"></td></tr>
<tr>
<td width="160" valign="top" bgcolor="#E8EEF4">
<table width="160" border="0" cellspacing="0" cellpadding="6"><tr><td>
${FONT(2, menu)}
</td></tr></table>
${SPACER(160, 1)}
</td>
<td width="10">${SPACER(10, 1)}</td>
<td width="590" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td>
<h1><font face="Verdana, Arial" color="#003366">Avslutade projekt</font></h1>
<P>${FONT(2, "H&auml;r finns de projekt som biblioteken i kommunen har genomf&ouml;rt med st&ouml;d fr&aring;n regionen, staten och fonder.&nbsp;&nbsp;")}
<center>${SPACER(500, 1)}</center>
${rows.join("\n")}
</td></tr></table>
</td>
</tr>
<tr><td colspan="3" bgcolor="#003366">
<p>${FONT(1, "Biblioteken i Sandviken &middot; Box 100 &middot; 811 80 Sandviken &middot; Tel 026-24 00 00")}</p>
<p>${FONT(1, "Senast uppdaterad 12 mars 2008")}</p>
</td></tr>
</table>
</center>
<img src="http://stats.sandviken.example/count.gif?sida=avslutade-projekt" width="1" height="1">
</body>
</html>
`;
  return { html, titles };
}
