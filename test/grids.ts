/**
 * The worked example (docs/rekenregels.md) (year 2025) as a host-neutral WorkbookGrids, built directly as 2-D arrays
 * (plain ranges with the header in row 1), plus small editors so a test can break exactly one thing.
 *
 * Layout of the valid grid (1-based sheet rows):
 * - Instellingen: A=Instelling, B=Waarde; rows 2–13 in the order of SETTING_ROWS below (Jaar in row 2).
 * - Salaristabel: A=Ingangsdatum, B=Schaal, C=Minimum, D=Maximum; 20 scales per table for 2024-10-01
 *   (rows 2–21), 2025-04-01 (rows 22–41) and 2025-10-01 (rows 42–61). Within a table the scales run
 *   1–18 and then 10A, 11A (JavaScript's key order), so scale s ≤ 18 of 2024-10-01 is in row s + 1 and
 *   10A / 11A are in rows 20 / 21; add 20 or 40 for the later tables.
 * - Formatie: A=Functie, B=Pakket, C=Schaal, D=Fte, E=Bezetting, F=Toelichting; the 9 rows of docs/rekenregels.md in
 *   rows 2–10 (row 7 = Kwaliteitsmedewerker BRP, 0.4 fte).
 * - Realisatie: A=Maand, B=Categorie, C=Bedrag, D=Omschrijving, E=Dossier; Loonkosten months 1–7 in rows
 *   2–8 (row 8 is month 7, after the rapportagemaand), Vervanging V-2025-01 months 4–6 in rows 9–11,
 *   Vervanging V-2025-02 month 2 in row 12, Opleiding rows 13–14, Aanvullende dienstverlening row 15,
 *   Overig row 16.
 * - Verzuim: A=Dossier … J=Kenmerk adviesnota; V-2025-01 in row 2, V-2025-02 in row 3.
 */
import cao from "../src/data/cao-gemeenten-salarisschalen.json";
import type { CellValue, SheetGrid, WorkbookGrids } from "../src/input/grid";

/** A date cell as hosts deliver it: a Date at UTC midnight of the calendar day. */
export const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const SETTING_ROWS: Array<[string, CellValue]> = [
  ["Jaar", 2025],
  ["Opdrachtgever", "Gemeente Ommen"],
  ["Opdrachtnemer", "Gemeente Twenterand"],
  ["Rapportagemaand", 6],
  ["Overheadpercentage", 0.18],
  ["IKB-percentage", 0.1705],
  ["Werkgeverslastenpercentage", 0.3],
  ["Opleidingskosten", 8000],
  ["Budget aanvullende dienstverlening", 12000],
  ["Drempel verschil bedrag", 10000],
  ["Drempel verschil percentage", 0.1],
  ["SLA-versie", 2024],
  // the worked example keeps the linear forecast (docs/rekenregels.md, Het rekenvoorbeeld)
  ["Prognosemethode", "lineair"],
];

export const SALARY_TABLE_DATES = ["2024-10-01", "2025-04-01", "2025-10-01"];

/** A scale label as a user's cell would hold it: digits as a number, `10A` as text. */
const scaleCell = (label: string): CellValue => (/^\d+$/.test(label) ? Number(label) : label);

function salaryRows(): CellValue[][] {
  const rows: CellValue[][] = [["Ingangsdatum", "Schaal", "Minimum", "Maximum"]];
  for (const t of cao.tables) {
    if (!SALARY_TABLE_DATES.includes(t.effective)) continue;
    const minimum = t.minimum as Record<string, number | null>;
    for (const [scale, max] of Object.entries(t.maximum as Record<string, number>)) {
      rows.push([date(t.effective), scaleCell(scale), minimum[scale] ?? null, max]);
    }
  }
  return rows;
}

export const FORMATION_ROWS: Array<[string, string, number, number]> = [
  ["Medewerker publiekszaken frontoffice", "Balie", 7, 3.0],
  ["Medewerker publiekszaken backoffice", "BRP", 8, 1.5],
  ["Medewerker burgerlijke stand", "Burgerlijke stand", 8, 1.0],
  ["Specialist naturalisatie en VOE", "Naturalisatie", 9, 0.8],
  ["Functioneel beheerder burgerzaken", "Functioneel beheer", 9, 0.6],
  ["Kwaliteitsmedewerker BRP", "Kwaliteit BRP", 8, 0.4],
  ["Coordinator verkiezingen", "Verkiezingen", 9, 0.3],
  ["Medewerker begraafplaatsadministratie", "Begraafplaatsadministratie", 7, 0.4],
  ["Adviseur informatievoorziening", "Advisering I&A", 11, 0.2],
];

function ledgerRows(): CellValue[][] {
  const rows: CellValue[][] = [["Maand", "Categorie", "Bedrag", "Omschrijving", "Dossier"]];
  for (let m = 1; m <= 7; m++) rows.push([m, "Loonkosten", 47250, `Salarissen maand ${m}`, null]);
  for (const m of [4, 5, 6]) rows.push([m, "Vervanging", 6150, "Inhuur vervanging", "V-2025-01"]);
  rows.push([2, "Vervanging", 2400, "Inhuur vervanging", "V-2025-02"]);
  rows.push([3, "Opleiding", 1850, "Cursus BRP", null]);
  rows.push([5, "Opleiding", 2200, "Training reisdocumenten", null]);
  rows.push([6, "Aanvullende dienstverlening", 4380.5, "Extra inzet", null]);
  rows.push([2, "Overig", 640, "Drukwerk", null]);
  return rows;
}

export const SICK_LEAVE_HEADERS = [
  "Dossier", "Pakket", "Soort", "Startdatum", "Einddatum", "Vervanging fte", "Verwachte kosten", "Besluit", "Datum besluit", "Kenmerk adviesnota",
];

/** The valid worked-example workbook: the 4 required sheets plus Verzuim. A fresh copy on every call. */
export function exampleGrids(): WorkbookGrids {
  return {
    sheets: [
      { name: "Instellingen", rows: [["Instelling", "Waarde"], ...SETTING_ROWS.map(([k, v]) => [k, v])] },
      { name: "Salaristabel", rows: salaryRows() },
      { name: "Formatie", rows: [["Functie", "Pakket", "Schaal", "Fte", "Bezetting", "Toelichting"], ...FORMATION_ROWS.map(([f, p, s, fte]) => [f, p, s, fte, "Bezet", null])] },
      { name: "Realisatie", rows: ledgerRows() },
      {
        name: "Verzuim",
        rows: [
          [...SICK_LEAVE_HEADERS],
          ["V-2025-01", "BRP", "Lang", date("2025-04-01"), null, null, 36900, "Teamleider", null, null],
          ["V-2025-02", "Balie", "Kort", date("2025-02-03"), null, null, 2400, "Teamleider", null, null],
        ],
      },
    ],
  };
}

/** Small valid optional sheets (header + data), to add with `addSheet`. */
export const OPTIONAL_SHEETS: Record<string, CellValue[][]> = {
  Producten: [
    ["Maand", "Pakket", "Product", "Aantal"],
    [1, "Balie", "Paspoort", 120],
    [2, "Balie", "Identiteitskaart", 95],
  ],
  Dienstverlening: [
    ["Maand", "Beschikbare plekken", "Open plekken", "Afspraken", "Vrije inloop", "Terugbelverzoeken", "Terugbelverzoeken op tijd", "Verzoeken", "Verzoeken op tijd", "Bezwaarschriften", "Klachten"],
    [1, 400, 20, 380, 15, 50, 48, 200, 190, 1, 0],
    [2, 380, 10, 370, 12, 40, 40, 180, 175, 0, 1],
  ],
  Openingstijden: [
    ["Dienst", "Dag", "Van", "Tot"],
    ["Balie", "maandag", "8:30", "12:30"],
  ],
  Kwalitatief: [
    ["Onderwerp", "Maand", "Tekst"],
    ["Signalen", 3, "Drukte rond reisdocumenten."],
  ],
  Zelfevaluatie: [
    ["Onderdeel", "Score", "Norm"],
    ["BRP", 0.93, 0.9],
    ["Reisdocumenten", 0.88, null],
  ],
  Verkiezingen: [
    ["Verkiezing", "Datum", "Fase", "Voortgang", "Evaluatie", "Knelpunten", "Verbeterpunten"],
    ["Tweede Kamer", date("2025-10-29"), "Voorbereiding", "Op schema", null, null, null],
  ],
  Privacy: [
    ["Maand", "Soort", "Aantal", "Gemeld bij AP", "Toelichting"],
    [2, "Datalek", 1, "Nee", "Brief verkeerd adres"],
    [3, "Gegevensverstrekking", 4, null, null],
  ],
};

// ---------------------------------------------------------------- editors (mutate and return `g`)

export function sheet(g: WorkbookGrids, name: string): SheetGrid {
  const s = g.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`test grid has no sheet ${name}`);
  return s;
}

/** A1 → 0-based [row, col] in a sheet whose rows start at A1. */
function parseA1(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad A1 reference ${ref}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]) - 1, col - 1];
}

/** Change one cell, e.g. setCell(g, "Formatie", "D7", "3,5"); grows the sheet when needed. */
export function setCell(g: WorkbookGrids, sheetName: string, ref: string, value: CellValue): WorkbookGrids {
  const s = sheet(g, sheetName);
  const [r, c] = parseA1(ref);
  while (s.rows.length <= r) s.rows.push([]);
  const row = s.rows[r];
  while (row.length <= c) row.push(null);
  row[c] = value;
  return g;
}

export function getCell(g: WorkbookGrids, sheetName: string, ref: string): CellValue {
  const [r, c] = parseA1(ref);
  return sheet(g, sheetName).rows[r]?.[c] ?? null;
}

function headerIndex(s: SheetGrid, header: string): number {
  const i = s.rows[0].findIndex((h) => h === header);
  if (i < 0) throw new Error(`sheet ${s.name} has no header ${header}`);
  return i;
}

export function dropColumn(g: WorkbookGrids, sheetName: string, header: string): WorkbookGrids {
  const s = sheet(g, sheetName);
  const i = headerIndex(s, header);
  for (const row of s.rows) row.splice(i, 1);
  return g;
}

export function renameHeader(g: WorkbookGrids, sheetName: string, from: string, to: string): WorkbookGrids {
  const s = sheet(g, sheetName);
  s.rows[0][headerIndex(s, from)] = to;
  return g;
}

/** Move a column (header and data) to 0-based position `to`. */
export function moveColumn(g: WorkbookGrids, sheetName: string, header: string, to: number): WorkbookGrids {
  const s = sheet(g, sheetName);
  const i = headerIndex(s, header);
  const width = s.rows[0].length;
  for (const row of s.rows) {
    while (row.length < width) row.push(null);
    const [v] = row.splice(i, 1);
    row.splice(to, 0, v);
  }
  return g;
}

/** Append a column at the right with the given header and data values (row 2 onwards). */
export function addColumn(g: WorkbookGrids, sheetName: string, header: string, values: CellValue[] = []): WorkbookGrids {
  const s = sheet(g, sheetName);
  const width = s.rows[0].length;
  s.rows.forEach((row, r) => {
    while (row.length < width) row.push(null);
    row.push(r === 0 ? header : values[r - 1] ?? null);
  });
  return g;
}

export function dropSheet(g: WorkbookGrids, name: string): WorkbookGrids {
  sheet(g, name);
  g.sheets = g.sheets.filter((s) => s.name !== name);
  return g;
}

export function addSheet(g: WorkbookGrids, name: string, rows: CellValue[][] = OPTIONAL_SHEETS[name]): WorkbookGrids {
  if (!rows) throw new Error(`no sample rows for sheet ${name}`);
  g.sheets.push({ name, rows: rows.map((r) => [...r]) });
  return g;
}

/**
 * Append a data row; values by header (`{ Maand: 3, Categorie: "Overig" }`) or positional.
 * Returns the 1-based sheet row number of the new row.
 */
export function addRow(g: WorkbookGrids, sheetName: string, values: Record<string, CellValue> | CellValue[]): number {
  const s = sheet(g, sheetName);
  let row: CellValue[];
  if (Array.isArray(values)) row = [...values];
  else {
    row = s.rows[0].map(() => null);
    for (const [h, v] of Object.entries(values)) row[headerIndex(s, h)] = v;
  }
  s.rows.push(row);
  return s.rows.length;
}

/** Remove a sheet row (1-based; the rows below move up). */
export function dropRow(g: WorkbookGrids, sheetName: string, rowNumber: number): WorkbookGrids {
  sheet(g, sheetName).rows.splice(rowNumber - 1, 1);
  return g;
}

/** 1-based sheet row of the Instellingen row with this label, or undefined. */
export function settingRow(g: WorkbookGrids, label: string): number | undefined {
  const i = sheet(g, "Instellingen").rows.findIndex((r) => r[0] === label);
  return i < 0 ? undefined : i + 1;
}

/** Set the Waarde of a setting (adding the row when the label is absent). Returns its sheet row. */
export function setSetting(g: WorkbookGrids, label: string, value: CellValue): number {
  const r = settingRow(g, label);
  if (r === undefined) return addRow(g, "Instellingen", [label, value]);
  setCell(g, "Instellingen", `B${r}`, value);
  return r;
}

export function removeSetting(g: WorkbookGrids, label: string): WorkbookGrids {
  const r = settingRow(g, label);
  if (r === undefined) throw new Error(`no setting ${label}`);
  return dropRow(g, "Instellingen", r);
}
