/**
 * The bad-input corpus (issue 4, item 4): malformed input workbooks for `dvo-addendum check` and `report`.
 *
 * Every workbook case starts from the bundled example (`exampleWorkbook()`, the worked example of docs/rekenregels.md:
 * Excel tables named like their sheets, drop-downs, formats) and changes it in one place with exceljs
 * before it is saved. What exceljs cannot produce (a text file, a truncated zip, a zip with a damaged part,
 * an .xls) is made as raw bytes, or with jszip.
 *
 * The expected outcome of each case lives in one table in test/corpus.test.ts; this file only makes the
 * files. `buildCorpus(dir)` writes one `<case>.xlsx` per case into `dir` (the test uses a fresh temporary
 * directory; no binary workbook is ever committed).
 *
 * Layout of the example (1-based rows; see also test/grids.ts):
 * - Instellingen: A Instelling, B Waarde; Jaar B2, Rapportagemaand B5, Overheadpercentage B6,
 *   IKB-percentage B7, Werkgeverslastenpercentage B8, Opleidingskosten B9 … SLA-versie B13.
 * - Salaristabel: A Ingangsdatum, B Schaal, C Minimum, D Maximum; per Ingangsdatum (1-10-2024, 1-4-2025,
 *   1-10-2025) the scales 1–18 with 10A and 11A after 10 and 11 (row 2 = scale 1 of 1-10-2024, unused in
 *   Formatie; row 9 = scale 8 of 1-10-2024); a merged note in column F.
 * - Formatie: A Functie, B Pakket, C Schaal, D Fte, E Bezetting, F Toelichting; rows 2–10 (row 2 scale 7
 *   3 fte, row 3 scale 8, row 5 scale 9, row 7 Kwaliteitsmedewerker BRP 0.4 fte, row 10 scale 11).
 * - Realisatie: A Maand, B Categorie, C Bedrag, D Omschrijving, E Dossier; Loonkosten months 1–7 in rows
 *   2–8 (row 8 = month 7, after the rapportagemaand: the example's one waarschuwing), Vervanging
 *   V-2025-01 rows 9–11, V-2025-02 row 12, Opleiding rows 13–14, Aanvullende dienstverlening row 15,
 *   Overig row 16.
 * - Verzuim: A Dossier, B Pakket, C Soort, D Startdatum, E Einddatum, F Vervanging fte, G Verwachte kosten,
 *   H Besluit, I Datum besluit, J Kenmerk adviesnota; V-2025-01 row 2, V-2025-02 row 3.
 * - Producten (A Maand, B Pakket, C Product, D Aantal), Dienstverlening (A Maand … F Terugbelverzoeken,
 *   G … op tijd, H Verzoeken, I … op tijd; months 1–6 in rows 2–7), Kwalitatief (A Onderwerp, B Maand,
 *   C Tekst), Zelfevaluatie (A Onderdeel, B Score, C Norm), Verkiezingen (A Verkiezing, B Datum, C Fase),
 *   Privacy (A Maand, B Soort, C Aantal, D Gemeld bij AP).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // exceljs's own zip library
import { exampleWorkbook } from "../../src/xlsx/example";

// ------------------------------------------------------------------------------------------ helpers

/** A date cell value: UTC midnight of the calendar day. */
const date = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Text of `n` characters that reads as Dutch prose and ends in a recognisable marker. */
export function longText(n: number, marker: string): string {
  const base = "De wachttijd aan de balie is in het tweede kwartaal opgelopen door de piek in reisdocumenten. ";
  let s = "";
  while (s.length < n - marker.length) s += base;
  return s.slice(0, n - marker.length) + marker;
}

/** The names put in the Verzuim names column; they must never reach a report sheet. */
export const SICK_LEAVE_NAMES = ["Johanna Jansen-Brinkhuis", "Pieter de Vries-Oldenzaal"];

/** 10,000 characters of text that must reach 6.3 Kwalitatief whole. */
export const LONG_NOTE = longText(10_000, " [einde van de lange toelichting]");

/** A function name of 10,000 characters that must reach the addendum whole. */
export const LONG_FUNCTION = longText(10_000, " [einde functie]");

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`corpus: no sheet ${name}`);
  return ws;
}

/** Set one cell, given as `Sheet!A1`. */
function set(wb: ExcelJS.Workbook, ref: string, value: ExcelJS.CellValue): void {
  const [name, address] = ref.split("!");
  sheet(wb, name).getCell(address).value = value;
}

/**
 * Make a sheet a plain range (drop its Excel table) before changing its shape: files made without Excel
 * tables must work too (docs/werkmapcontract.md), and exceljs does not move a table when columns or rows move.
 */
function plain(ws: ExcelJS.Worksheet): ExcelJS.Worksheet {
  for (const name of Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)) ws.removeTable(name);
  return ws;
}

/** Give one cell its own number format (exceljs shares style objects between cells of a loaded file). */
function numFmt(wb: ExcelJS.Workbook, ref: string, format: string): void {
  const [name, address] = ref.split("!");
  const cell = sheet(wb, name).getCell(address);
  cell.style = { ...cell.style, numFmt: format };
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (typeof c.value === "string" && c.value.trim().toLowerCase() === header.toLowerCase()) col = n;
  });
  if (!col) throw new Error(`corpus: no column '${header}' on ${ws.name}`);
  return col;
}

function dropColumn(wb: ExcelJS.Workbook, sheetName: string, header: string): void {
  const ws = plain(sheet(wb, sheetName));
  ws.spliceColumns(columnOf(ws, header), 1);
}

function dropRow(wb: ExcelJS.Workbook, sheetName: string, row: number): void {
  plain(sheet(wb, sheetName)).spliceRows(row, 1);
}

function dropSheet(wb: ExcelJS.Workbook, name: string): void {
  wb.removeWorksheet(sheet(wb, name).id);
}

/** Append a row below the last one (as a user typing below a table). */
function appendRow(wb: ExcelJS.Workbook, sheetName: string, values: ExcelJS.CellValue[]): void {
  const ws = sheet(wb, sheetName);
  const row = ws.getRow(ws.rowCount + 1);
  values.forEach((v, i) => {
    row.getCell(i + 1).value = v;
  });
}

/** A cell holding a formula with its cached result (as Excel saves it). */
const formula = (f: string, result: ExcelJS.CellValue): ExcelJS.CellValue => ({ formula: f, result } as ExcelJS.CellFormulaValue);

// ---------------------------------------------------------------------------------------- raw bytes

/** An old .xls: the OLE2 compound-file signature and an empty header sector. */
function oleBytes(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  b.writeUInt16LE(0x003e, 0x18); // minor version
  b.writeUInt16LE(0x0003, 0x1a); // major version 3
  b.writeUInt16LE(0xfffe, 0x1c); // little-endian byte order mark
  b.writeUInt16LE(0x0009, 0x1e); // sector size 512
  return b;
}

/** Replace the stored (compressed) bytes of one zip entry with garbage of the same length. */
function corruptEntry(zip: Buffer, entry: string): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entry, "latin1");
  for (let i = 0; i < out.length - 30; i++) {
    if (out.readUInt32LE(i) !== 0x04034b50) continue;
    const nameLen = out.readUInt16LE(i + 26);
    const extraLen = out.readUInt16LE(i + 28);
    if (nameLen !== name.length || !out.subarray(i + 30, i + 30 + nameLen).equals(name)) continue;
    const start = i + 30 + nameLen + extraLen;
    const size = out.readUInt32LE(i + 18);
    const from = start + Math.floor(size / 4);
    for (let k = from; k < start + size - 8; k++) out[k] = (k * 131 + 7) & 0xff;
    return out;
  }
  throw new Error(`corpus: no zip entry ${entry}`);
}

/** The zip part of a worksheet, by sheet name (via workbook.xml and its relationships). */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)?.[1];
  const target = rid ? new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] : undefined;
  if (!target) throw new Error(`corpus: no part for sheet ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

// -------------------------------------------------------------------------------------------- cases

type Case =
  | { mutate: (wb: ExcelJS.Workbook) => void }
  | { bytes: (example: Buffer) => Buffer | Promise<Buffer> };

/** Case name → how its file is made. The expected outcomes are in test/corpus.test.ts. */
export const CASES: Record<string, Case> = {
  // --- files that are no (readable) workbook
  "tekstbestand": { bytes: () => Buffer.from("Maand;Categorie;Bedrag\r\n1;Loonkosten;47250\r\n2;Loonkosten;47250\r\n", "latin1") },
  "html-als-xlsx": { bytes: () => Buffer.from("<html><body><table><tr><td>Functie</td><td>Fte</td></tr></table></body></html>\n") },
  "leeg-bestand": { bytes: () => Buffer.alloc(0) },
  "afgebroken-zip": { bytes: (ex) => ex.subarray(0, Math.floor(ex.length * 0.6)) },
  "beschadigd-zip-onderdeel": { bytes: async (ex) => corruptEntry(ex, await sheetPart(await JSZip.loadAsync(ex), "Formatie")) },
  "oud-xls": { bytes: oleBytes },
  "zip-zonder-werkmap": {
    bytes: async () => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
      return Buffer.from(await zip.generateAsync({ type: "uint8array" }));
    },
  },
  "werkmap-zonder-bladen": {
    bytes: async () => Buffer.from((await new ExcelJS.Workbook().xlsx.writeBuffer()) as ArrayBuffer),
  },
  "alleen-leeg-blad": {
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Blad1");
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    },
  },
  "invoerbladen-zonder-koppen": {
    bytes: async () => {
      const wb = new ExcelJS.Workbook();
      for (const name of ["Instellingen", "Salaristabel", "Formatie", "Realisatie"]) wb.addWorksheet(name);
      sheet(wb, "Formatie").getCell("A1").value = "Formatie 2025";
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    },
  },

  // --- required sheets and columns
  "zonder-instellingen": { mutate: (wb) => dropSheet(wb, "Instellingen") },
  "zonder-salaristabel": { mutate: (wb) => dropSheet(wb, "Salaristabel") },
  "zonder-formatie": { mutate: (wb) => dropSheet(wb, "Formatie") },
  "zonder-realisatie": { mutate: (wb) => dropSheet(wb, "Realisatie") },
  "zonder-kolom-fte": { mutate: (wb) => dropColumn(wb, "Formatie", "Fte") },
  "zonder-kolom-pakket": { mutate: (wb) => dropColumn(wb, "Formatie", "Pakket") },
  "zonder-kolom-bedrag": { mutate: (wb) => dropColumn(wb, "Realisatie", "Bedrag") },
  "zonder-kolom-maximum": { mutate: (wb) => dropColumn(wb, "Salaristabel", "Maximum") },
  "zonder-kolom-waarde": { mutate: (wb) => dropColumn(wb, "Instellingen", "Waarde") },
  "zonder-kolom-verwachte-kosten": { mutate: (wb) => dropColumn(wb, "Verzuim", "Verwachte kosten") },
  "kop-fte-hernoemd": { mutate: (wb) => set(wb, "Formatie!D1", "Fte (uren)") },
  "zonder-rapportagemaand": { mutate: (wb) => dropRow(wb, "Instellingen", 5) },
  "rapportagemaand-leeg": { mutate: (wb) => set(wb, "Instellingen!B5", null) },

  // --- wrong types
  "fte-als-tekst": { mutate: (wb) => set(wb, "Formatie!D7", "3,5") },
  "fte-onwaar": { mutate: (wb) => set(wb, "Formatie!D3", true) },
  "bedrag-als-tekst": { mutate: (wb) => set(wb, "Realisatie!C3", "€ 47.250") },
  "bedrag-als-datum": {
    // A date typed into Bedrag: Excel gives the cell a date format, so it is a date cell, not a euro amount.
    mutate: (wb) => {
      set(wb, "Realisatie!C13", date(2025, 3, 1));
      numFmt(wb, "Realisatie!C13", "d-m-yyyy");
    },
  },
  "jaar-als-tekst": { mutate: (wb) => set(wb, "Instellingen!B2", "2025") },
  "opleidingskosten-als-tekst": { mutate: (wb) => set(wb, "Instellingen!B9", "€ 8.000") },
  "aantal-als-tekst": { mutate: (wb) => set(wb, "Producten!D2", "212 st.") },
  "maximum-als-tekst": { mutate: (wb) => set(wb, "Salaristabel!D2", "2.598,00") },
  "maximum-als-tekst-gebruikte-schaal": { mutate: (wb) => set(wb, "Salaristabel!D9", "4.298,00") },
  // 2025 typed into a date-formatted cell: Excel shows 17-7-1905
  "getal-als-startdatum": { mutate: (wb) => set(wb, "Verzuim!D2", 2025) },
  "getal-als-startdatum-standaardopmaak": {
    mutate: (wb) => {
      set(wb, "Verzuim!D2", 2025);
      numFmt(wb, "Verzuim!D2", "General");
    },
  },
  // 2024 typed into Ingangsdatum (a date column): Excel shows 16-7-1905
  "getal-als-ingangsdatum": { mutate: (wb) => set(wb, "Salaristabel!A2", 2024) },
  "datumnummer-als-startdatum": {
    // An Excel date serial in a cell with the General format is a valid date (45748 = 1-4-2025).
    mutate: (wb) => {
      set(wb, "Verzuim!D2", 45748);
      numFmt(wb, "Verzuim!D2", "General");
    },
  },

  // --- unknown values in fixed lists
  "onbekende-schaal": { mutate: (wb) => set(wb, "Formatie!C10", "12B") },
  "onbekend-pakket": { mutate: (wb) => set(wb, "Formatie!B2", "Baliezaken") },
  "onbekende-categorie": { mutate: (wb) => set(wb, "Realisatie!B13", "Salaris") },
  "onbekende-soort": { mutate: (wb) => set(wb, "Verzuim!C2", "Langdurig") },
  "onbekend-besluit": { mutate: (wb) => set(wb, "Verzuim!H2", "Akkoord") },
  "onbekende-bezetting": { mutate: (wb) => set(wb, "Formatie!E4", "Ziek") },
  "onbekende-privacysoort": { mutate: (wb) => set(wb, "Privacy!B2", "Inbreuk") },

  // --- duplicates and references
  "dubbel-dossier": { mutate: (wb) => appendRow(wb, "Verzuim", ["v-2025-01 ", "BRP", "Kort", date(2025, 5, 1), null, null, 1000, "Teamleider"]) },
  "dubbele-instelling": { mutate: (wb) => appendRow(wb, "Instellingen", ["jaar", 2026]) },
  "dubbele-maand-dienstverlening": { mutate: (wb) => set(wb, "Dienstverlening!A3", 1) },
  "vervanging-onbekend-dossier": { mutate: (wb) => set(wb, "Realisatie!E12", "V-2025-09") },
  "vervanging-zonder-dossier": { mutate: (wb) => set(wb, "Realisatie!E9", null) },
  "terugbellen-op-tijd-boven-totaal": { mutate: (wb) => set(wb, "Dienstverlening!G2", 119) },
  "verzoeken-op-tijd-boven-totaal": { mutate: (wb) => set(wb, "Dienstverlening!I3", 89) },

  // --- percentages typed as whole numbers
  "overhead-18": { mutate: (wb) => set(wb, "Instellingen!B6", 18) },
  "werkgeverslasten-30": { mutate: (wb) => set(wb, "Instellingen!B8", 30) },
  "ikb-17,05": { mutate: (wb) => set(wb, "Instellingen!B7", 17.05) },
  "overhead-als-tekst-procent": { mutate: (wb) => set(wb, "Instellingen!B6", "18%") },
  "zelfevaluatie-score-93": { mutate: (wb) => set(wb, "Zelfevaluatie!B2", 93) },

  // --- fte out of range
  "fte-0": { mutate: (wb) => set(wb, "Formatie!D7", 0) },
  "fte-min-1": { mutate: (wb) => set(wb, "Formatie!D7", -1) },
  "fte-150": { mutate: (wb) => set(wb, "Formatie!D7", 150) },
  "fte-12": { mutate: (wb) => set(wb, "Formatie!D7", 12) },

  // --- dates as odd text
  "startdatum-1-april-2025": { mutate: (wb) => set(wb, "Verzuim!D2", "1 april 2025") },
  "startdatum-31-02-2025": { mutate: (wb) => set(wb, "Verzuim!D2", "31-02-2025") },
  "startdatum-schuine-strepen": { mutate: (wb) => set(wb, "Verzuim!D2", "2025/04/01") },
  "einddatum-met-punten": { mutate: (wb) => set(wb, "Verzuim!E3", "14.03.2025") },
  "ingangsdatum-okt-2024": { mutate: (wb) => set(wb, "Salaristabel!A2", "okt 2024") },
  "verkiezingsdatum-na-de-zomer": { mutate: (wb) => set(wb, "Verkiezingen!B3", "na de zomer") },

  // --- merged cells inside a table
  "samengevoegd-pakket-verticaal": { mutate: (wb) => sheet(wb, "Formatie").mergeCells("B2:B3") },
  "samengevoegd-functie-pakket": { mutate: (wb) => sheet(wb, "Formatie").mergeCells("A4:B4") },
  "samengevoegd-toelichting": {
    // Merged cells in an optional text column: harmless, the report is built.
    mutate: (wb) => {
      set(wb, "Formatie!F2", "Frontoffice en backoffice samen");
      sheet(wb, "Formatie").mergeCells("F2:F3");
    },
  },

  // --- error values in input cells
  "fte-ref-fout": { mutate: (wb) => set(wb, "Formatie!D2", { error: "#REF!" }) },
  "bedrag-deel-door-nul": { mutate: (wb) => set(wb, "Realisatie!C4", formula("C3/0", { error: "#DIV/0!" })) },
  "verwachte-kosten-nb": { mutate: (wb) => set(wb, "Verzuim!G2", { error: "#N/A" }) },
  "pakket-nb": { mutate: (wb) => set(wb, "Formatie!B5", formula('VLOOKUP("x",A:A,1,FALSE)', { error: "#N/A" })) },
  "overhead-waarde-fout": { mutate: (wb) => set(wb, "Instellingen!B6", { error: "#VALUE!" }) },
  "schaal-ref-fout": { mutate: (wb) => set(wb, "Formatie!C4", { error: "#REF!" }) },
  "openingstijd-ref-fout": { mutate: (wb) => set(wb, "Openingstijden!C2", { error: "#REF!" }) },
  "instellingnaam-ref-fout": { mutate: (wb) => set(wb, "Instellingen!A13", { error: "#REF!" }) },

  // --- formulas in input cells: their cached values are used
  "formule-opleidingskosten": { mutate: (wb) => set(wb, "Instellingen!B9", formula("4000*3", 12000)) },
  "formule-fte-en-pakket": {
    mutate: (wb) => {
      set(wb, "Formatie!D2", formula("1.5*2", 3));
      set(wb, "Formatie!B2", formula('"Bal"&"ie"', "Balie"));
    },
  },
  "gedeelde-formule-bedragen": {
    // Realisatie!C2:C8 as one shared formula (=47250+0 filled down), as Excel saves a filled-down formula.
    mutate: (wb) => {
      set(wb, "Realisatie!C2", formula("47250+0*A2", 47250));
      for (let r = 3; r <= 8; r++) set(wb, `Realisatie!C${r}`, { sharedFormula: "C2", result: 47250 } as unknown as ExcelJS.CellValue);
    },
  },
  "formule-zonder-waarde": {
    // Saved by a script that never calculated: <f> without <v> (exceljs writes it so when no result is given).
    mutate: (wb) => set(wb, "Formatie!D7", { formula: "0.2*2" } as ExcelJS.CellFormulaValue),
  },

  // --- a used range down to row 1,048,576
  "losse-waarde-rij-1048576-formatie": { mutate: (wb) => set(wb, "Formatie!D1048576", 1) },
  "losse-waarde-rij-1048576-buiten-tabel": { mutate: (wb) => set(wb, "Formatie!Z1048576", "x") },
  "opmaak-tot-rij-1048576": {
    // Only formatting and an empty text down there: the used range runs to the last row, the data does not.
    mutate: (wb) => {
      numFmt(wb, "Realisatie!A1048576", "0.00");
      set(wb, "Realisatie!E1048576", "");
    },
  },

  // --- very long cells
  "tekst-10000-tekens-kwalitatief": { mutate: (wb) => set(wb, "Kwalitatief!C2", LONG_NOTE) },
  "tekst-10000-tekens-functie": { mutate: (wb) => set(wb, "Formatie!A3", LONG_FUNCTION) },
  "tekst-10000-tekens-in-fte": { mutate: (wb) => set(wb, "Formatie!D4", longText(10_000, " [einde]")) },

  // --- privacy: a names column in Verzuim
  "verzuim-kolom-naam": {
    mutate: (wb) => {
      set(wb, "Verzuim!K1", "Naam");
      set(wb, "Verzuim!K2", SICK_LEAVE_NAMES[0]);
      set(wb, "Verzuim!K3", SICK_LEAVE_NAMES[1]);
    },
  },
  "verzuim-kolom-medewerker-ingevoegd": {
    mutate: (wb) => {
      const ws = plain(sheet(wb, "Verzuim"));
      ws.spliceColumns(2, 0, ["Medewerker", ...SICK_LEAVE_NAMES]);
    },
  },

  // --- the year and the salary table
  "jaar-2031-salaristabel-2025": { mutate: (wb) => set(wb, "Instellingen!B2", 2031) },
  "jaar-2023-salaristabel-2025": { mutate: (wb) => set(wb, "Instellingen!B2", 2023) },
};

/** Make one case's bytes. */
export async function caseBytes(name: string, example: Buffer): Promise<Buffer> {
  const c = CASES[name];
  if (!c) throw new Error(`corpus: unknown case ${name}`);
  if ("bytes" in c) return c.bytes(example);
  const wb = exampleWorkbook();
  c.mutate(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The example workbook as bytes, as `dvo-addendum report` (no arguments) writes it. */
export async function exampleBytes(): Promise<Buffer> {
  return Buffer.from((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
}

/** Write every case as `<dir>/<case>.xlsx`; returns case name → file. */
export async function buildCorpus(dir: string): Promise<Map<string, string>> {
  await fs.mkdir(dir, { recursive: true });
  const example = await exampleBytes();
  const files = new Map<string, string>();
  for (const name of Object.keys(CASES)) {
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, await caseBytes(name, example));
    files.set(name, file);
  }
  return files;
}
