/**
 * The signing document: the addendum of a year as an A4 PDF in Dutch, for the regisseur (opdrachtgever) and
 * the accounthouder (opdrachtnemer) to sign. Host-neutral: this module only describes the document (a
 * pdfmake document definition, plain data); `node.ts` renders it in Node, the task pane in the browser.
 * Every figure comes from the engine (`computeResults`); nothing is computed here but sums for display.
 */
import cao from "../data/cao-gemeenten-salarisschalen.json";
import type { Results } from "../domain/compute";
import { dutchDate, isoDate } from "../domain/dates";
import { salaryRowsUsed } from "../domain/fingerprint";
import { round2 } from "../domain/money";
import { SERVICE_CODES, type Inputs, type SalaryRow } from "../domain/types";
import { changedSinceSigning, reviewHolds, reviewLine, reviewVoided, versionLabel, type SignOff } from "../records";
import { drawableContent } from "./glyphs";

/** pdfmake content, as far as this module uses it (plain JSON-like data). */
export type Content = string | ContentObject | Content[];
export interface ContentObject {
  [key: string]: unknown;
}
export interface DocDefinition {
  pageSize: "A4";
  /** PDF/A-2b (ISO 19005-2, level B): pdfkit adds the XMP identification and the sRGB output intent */
  version: "1.7";
  subset: "PDF/A-2b";
  /** the catalog's /Lang */
  language: "nl-NL";
  /** a viewer shows the title, not the file name */
  displayTitle: true;
  pageMargins: [number, number, number, number];
  info: Record<string, string>;
  content: Content[];
  footer: (currentPage: number, pageCount: number) => Content;
  styles: Record<string, ContentObject>;
  defaultStyle: ContentObject;
}

/** Key of the fingerprint in the PDF's document information dictionary (read back by `check --pdf`). */
export const PDF_FINGERPRINT_KEY = "Vingerafdruk";

const nl2 = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nlFte = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** € 649.519,35 (a non-breaking space keeps the sign with the number). */
export function euro(x: number): string {
  return `€\u00a0${nl2.format(round2(x))}`;
}
export function percent(x: number): string {
  return `${new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(x * 100)}\u00a0%`;
}
export function fte(x: number): string {
  return nlFte.format(x);
}

/** Scales in natural order: 7, 8, 9, 10, 10A, 11, 11A. */
export function compareScales(a: string, b: string): number {
  const pa = /^(\d+)(.*)$/.exec(a);
  const pb = /^(\d+)(.*)$/.exec(b);
  if (pa && pb) return Number(pa[1]) - Number(pb[1]) || pa[2].localeCompare(pb[2]);
  return a.localeCompare(b);
}

type CaoTable = { effective: string; status: string; maximum: Record<string, number> };

/** Where a Salaristabel row comes from: an estimate (Status raming), the bundled official or derived table, or the user's own figure. */
export function salaryStatus(r: SalaryRow): string {
  // an estimate (next-year --cao, Status 'raming') is no bundled table and no official figure of the user
  if (r.status === "raming") return "raming (verwachte cao-verhoging)";
  const t = (cao.tables as CaoTable[]).find((x) => x.effective === isoDate(r.effective));
  const bundled = t?.maximum[r.scale];
  if (t && bundled !== undefined && Math.abs(bundled - r.maximum) < 0.005) {
    return t.status === "official" ? "officieel" : "afgeleid (schatting)";
  }
  if (t && bundled !== undefined) return `eigen invoer (meegeleverd: ${euro(bundled)})`;
  return "eigen invoer";
}

/**
 * Text for the document properties that PDF/A repeats in the XMP metadata: pdfkit copies title, author,
 * subject and keywords into the XML as they are, so `&`, `<`, `>` or a control character in a party's name
 * would make the metadata ill-formed (and the file no PDF/A). The properties must equal their XMP copies,
 * so both get the same safe text: `&` as "en", angle brackets as ‹ ›; the page itself keeps the name as typed.
 */
export function xmpSafe(s: string): string {
  return s
    .replace(/\s*&\s*/g, " en ")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]+/g, " ")
    .trim();
}

const partyName = (s: string) => s.replace(/^Gemeente /, "");

function table(widths: (number | string)[], header: string[], body: Content[][], opts: { total?: boolean; right?: number[] } = {}): ContentObject {
  const right = new Set(opts.right ?? []);
  const cell = (c: Content, i: number, style?: string): Content =>
    typeof c === "string" ? { text: c, alignment: right.has(i) ? "right" : "left", ...(style ? { style } : {}) } : c;
  const rows = body.map((r, ri) => r.map((c, i) => cell(c, i, opts.total && ri === body.length - 1 ? "total" : undefined)));
  return {
    table: { headerRows: 1, widths, dontBreakRows: true, body: [header.map((h, i) => ({ text: h, style: "th", alignment: right.has(i) ? "right" : "left" })), ...rows] },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length || (opts.total && i === node.table.body.length - 1) ? 0.6 : 0.2),
      vLineWidth: () => 0,
      hLineColor: () => "#666666",
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 2, 0, 8],
    fontSize: 8.5,
  };
}

/** Two-column label/value list. */
function pairs(rows: Array<[string, string, boolean?]>): ContentObject {
  return {
    table: { widths: [240, 110], body: rows.map(([l, v, bold]) => [{ text: l, style: bold ? "total" : undefined }, { text: v, alignment: "right", style: bold ? "total" : undefined }]) },
    layout: "noBorders",
    margin: [0, 2, 0, 8],
  };
}

function signatureBlock(title: string, party: string, role: string, name: string): ContentObject {
  const line = (label: string, value = "", height = 10): Content[] => [
    { text: label, style: "small", margin: [0, height, 0, 0] },
    { text: value || " ", margin: [0, height, 0, 0], border: [false, false, false, true] },
  ];
  return {
    stack: [
      { text: title, style: "h3" },
      { text: party, margin: [0, 0, 0, 4] },
      {
        table: { widths: [70, "*"], body: [line("Naam", name), line("Functie", role), line("Plaats"), line("Datum"), line("Handtekening", "", 30)] },
        layout: { defaultBorder: false, hLineWidth: () => 0.5, vLineWidth: () => 0 },
      },
    ],
  };
}

export interface SigningDocumentOptions {
  /** the sign-off record stored in the workbook, if any (its names are filled in) */
  signOff?: SignOff | null;
  /** when the document was made */
  madeAt?: Date;
}

/** The pdfmake document definition of the signing document. */
export function signingDocument(inputs: Omit<Inputs, "ledger">, results: Results, opts: SigningDocumentOptions = {}): DocDefinition {
  const s = inputs.settings;
  const c = results.ceiling;
  const fp = results.fingerprint;
  const parties = `${partyName(s.provider)} – ${partyName(s.client)}`;
  const title = `Addendum ${s.year} bij de DVO Publieksdienst ${parties}`;
  const so = opts.signOff ?? null;
  const madeAt = opts.madeAt ?? new Date();

  const lines = [...c.lines].sort((a, b) => SERVICE_CODES.indexOf(a.formation.service) - SERVICE_CODES.indexOf(b.formation.service) || a.formation.row - b.formation.row);
  const totalFte = round2(c.lines.reduce((a, l) => a + l.formation.fte, 0));
  const formation: Content[][] = lines.map((l) => [l.formation.functionName, l.formation.service, l.formation.scale, fte(l.formation.fte), euro(l.cost.costPerFte), euro(l.ceilingAmount)]);
  formation.push(["Totaal", "", "", fte(totalFte), "", euro(c.ceiling)]);

  const perService: Content[][] = [];
  for (const p of SERVICE_CODES) {
    const ls = c.lines.filter((l) => l.formation.service === p);
    if (ls.length === 0) continue;
    perService.push([p, fte(round2(ls.reduce((a, l) => a + l.formation.fte, 0))), euro(round2(ls.reduce((a, l) => a + l.ceilingAmount, 0)))]);
  }
  perService.push(["Totaal", fte(totalFte), euro(c.ceiling)]);

  const salary = salaryRowsUsed(inputs).sort((a, b) => compareScales(a.scale, b.scale) || isoDate(a.effective).localeCompare(isoDate(b.effective)));
  const salaryRows: Content[][] = salary.map((r) => [r.scale, dutchDate(r.effective), euro(r.maximum), salaryStatus(r)]);

  // the signed version these inputs are (records/versions.ts), or the next one when a signed addendum changed
  const versions = so?.versions ?? [];
  const version = versions.find((v) => v.fingerprint === fp);
  const next = !version && so?.status === "Ondertekend" && versions.length > 0 ? Math.max(...versions.map((v) => v.number)) + 1 : null;
  const content: Content[] = [
    { text: title, style: "h1" },
    { text: "Formatie tegen maximale inschaling (Cao Gemeenten), plafond formatieve kosten en budget P&C", style: "subtitle" },
  ];
  if (version) content.push({ text: `${versionLabel(version.number)}${version.reason ? `: ${version.reason}` : ""} — ondertekend op ${version.date}`, style: "subtitle" });
  else if (next !== null) content.push({ text: `Ter ondertekening als ${versionLabel(next)} van het addendum`, style: "subtitle" });
  if (so && changedSinceSigning(so, fp)) {
    content.push({ text: `Let op: de invoer is veranderd nadat het addendum ${so.status === "Ondertekend" ? `op ${so.date} is ondertekend` : "ter ondertekening is aangeboden"}. Dit document beschrijft de invoer zoals die nu is.`, style: "warning" });
  }
  if (reviewVoided(so, fp)) content.push({ text: `Let op: de controle van ${so?.review?.date ?? "?"} is vervallen: de invoer is daarna veranderd.`, style: "warning" });
  content.push(
    { text: "Partijen", style: "h2" },
    pairs([["Opdrachtgever", s.client], ["Opdrachtnemer", s.provider], ["Jaar", String(s.year)]]),
    { text: "Parameters", style: "h2" },
    pairs([
      ["Overheadpercentage", percent(s.overheadRate)],
      ["IKB-percentage", percent(s.ikbRate)],
      ["Werkgeverslastenpercentage", percent(s.employerChargesRate)],
      ["Opleidingskosten", euro(s.trainingBudget)],
      ["Budget aanvullende dienstverlening", euro(s.additionalServicesBudget)],
      ["SLA-versie", String(s.slaVersion)],
    ]),
    { text: "Formatie per pakket en functie", style: "h2" },
    { text: "Kosten per fte = maximum jaarsalaris van de schaal + IKB + werkgeverslasten; plafondbedrag = fte × kosten per fte, afgerond op centen.", style: "small" },
    table(["*", 116, 30, 30, 62, 66], ["Functie", "Pakket", "Schaal", "Fte", "Kosten per fte", "Plafondbedrag"], formation, { total: true, right: [2, 3, 4, 5] }),
    { text: "Fte en plafond per pakket", style: "h2" },
    table([188, 50, 110], ["Pakket", "Fte", "Plafondbedrag"], perService, { total: true, right: [1, 2] }),
    { text: "Budget P&C (vastgesteld bij ondertekening)", style: "h2" },
    { text: "Met de ondertekening worden deze bedragen en het plafond per pakket vastgesteld. Een latere aanpassing van de salaristabel (cao) verandert ze niet: het verschil wordt afgestemd met de opdrachtgever en vastgelegd met een wijziging van het addendum.", style: "small" },
    pairs([
      ["Plafond formatieve kosten", euro(c.ceiling)],
      [`Overhead (${percent(s.overheadRate)} van het plafond)`, euro(c.overhead)],
      ["Opleidingskosten", euro(c.trainingBudget)],
      ["Aanvullende dienstverlening", euro(c.additionalServicesBudget)],
      ["Totaal budget P&C", euro(c.totalBudget), true],
    ]),
    ...overheadFormation(c),
    { text: "Cao-effect", style: "h2" },
    pairs([
      ["Plafond formatieve kosten", euro(c.ceiling)],
      ["Plafond met de januaritabel het hele jaar", euro(c.ceilingJanuary)],
      ["Cao-effect (af te stemmen met de opdrachtgever)", euro(c.caoEffect), true],
    ]),
    { text: "Gebruikte salaristabellen (Cao Gemeenten, maximum per maand)", style: "h2" },
    table([40, 70, 90, "*"], ["Schaal", "Ingangsdatum", "Maximum per maand", "Status"], salaryRows, { right: [0, 2] }),
    { text: "Officieel: de tabel uit de cao (CAR-UWO). Afgeleid (schatting): de laatste officiële tabel met elke bekende cao-verhoging toegepast, afgerond op hele euro's; kan € 1-2 afwijken van de officiële tabel. Eigen invoer: een bedrag dat niet uit de meegeleverde tabellen komt.", style: "small", margin: [0, -4, 0, 6] },
    {
      // the fingerprint and the signatures stay on one page: what is signed is on the page that is signed
      unbreakable: true,
      stack: [
        { text: "Vingerafdruk van de invoer", style: "h2" },
        { text: "SHA-256 over de instellingen van het addendum, de gebruikte salaristabelrijen en de formatie. Bewaar dit document: met deze vingerafdruk toont de opdracht „dvo-addendum check <werkmap> --pdf <dit document>” (of „--vingerafdruk <vingerafdruk>”) of de werkmap nog de getekende invoer bevat.", style: "small" },
        { text: fp, style: "fingerprint" },
        { text: "Ondertekening", style: "h2" },
        { text: `Partijen stemmen in met de formatie, het plafond formatieve kosten en het totaal budget P&C voor ${s.year} zoals hierboven vastgelegd.`, margin: [0, 0, 0, 6] },
        // who reviewed and when (records/review.ts); unreviewed or void is said, not left out
        { text: `Controle: ${reviewLine(so, fp)}.`, style: reviewHolds(so, fp) ? undefined : "warning", margin: [0, 0, 0, 10] },
        {
          columns: [
            signatureBlock("Voor de opdrachtgever", s.client, "Regisseur", so?.regisseur ?? ""),
            signatureBlock("Voor de opdrachtnemer", s.provider, "Accounthouder", so?.accounthouder ?? ""),
          ],
          columnGap: 30,
        },
      ],
    },
  );

  return {
    pageSize: "A4",
    version: "1.7",
    subset: "PDF/A-2b",
    language: "nl-NL",
    displayTitle: true,
    pageMargins: [50, 50, 50, 56],
    info: {
      title: xmpSafe(title),
      subject: `Vingerafdruk ${fp}`,
      keywords: `dvo-addendum ${s.year} vingerafdruk ${fp}`,
      author: xmpSafe(`${s.provider} / ${s.client}`),
      creator: "dvo-addendum",
      producer: "dvo-addendum (pdfmake)",
      [PDF_FINGERPRINT_KEY]: fp,
      creationDate: madeAt as unknown as string,
    },
    // user text (names, functions) limited to what the font draws: PDF/A-2 forbids .notdef (glyphs.ts)
    content: drawableContent(content),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Addendum ${s.year} · vingerafdruk ${fp.slice(0, 12)}…`, style: "footer" },
        { text: `pagina ${page} van ${pages}`, alignment: "right", style: "footer" },
      ],
      margin: [50, 20, 50, 0],
    }),
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9.5, color: "#444444", margin: [0, 0, 0, 10] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      h3: { fontSize: 10, bold: true },
      th: { bold: true, fontSize: 8.5 },
      total: { bold: true },
      small: { fontSize: 8, color: "#444444" },
      footer: { fontSize: 8, color: "#555555" },
      fingerprint: { fontSize: 8.6, bold: true, margin: [0, 4, 0, 4] },
      warning: { color: "#9c0006", bold: true, margin: [0, 0, 0, 8] },
    },
    defaultStyle: { font: "Roboto", fontSize: 9, lineHeight: 1.15 },
  };
}

/** The formation rows covered by the overhead (Dekking `overhead`, docs/rekenregels.md §3): outside the plafond, a part of the overhead. */
function overheadFormation(c: Results["ceiling"]): Content[] {
  if (c.overheadLines.length === 0) return [];
  const rows: Content[][] = c.overheadLines.map((l) => [l.formation.functionName, l.formation.service, l.formation.scale, fte(l.formation.fte), euro(l.cost.costPerFte), euro(l.ceilingAmount)]);
  rows.push(["Gebruikt deel van de overhead", "", "", fte(round2(c.overheadLines.reduce((a, l) => a + l.formation.fte, 0))), "", euro(c.overheadUsed)]);
  const left = round2(c.overhead - c.overheadUsed);
  return [
    { text: "Formatie gedekt uit de overhead (buiten het plafond)", style: "h2" },
    { text: "Deze formatie telt niet mee in het plafond; de kosten worden gedekt uit de overhead (SLA 2024, dienst 1.10).", style: "small" },
    table(["*", 116, 30, 30, 62, 66], ["Functie", "Pakket", "Schaal", "Fte", "Kosten per fte", "Deel van de overhead"], rows, { total: true, right: [2, 3, 4, 5] }),
    pairs([["Overhead na deze formatie", euro(left), true]]),
    ...(left < 0 ? [{ text: "Let op: de overhead dekt deze formatie niet.", style: "warning" } as Content] : []),
  ];
}
