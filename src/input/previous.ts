/**
 * The previous year's addendum as agreed, kept as a record in next year's workbook (issue 12 §1): the sheet
 * `Vorig addendum`, written by `next-year`, read back for the Verschilanalyse (§3) so that the comparison
 * needs no second file. One table, long format:
 *
 *   Soort        | Naam                          | Pakket | Schaal | Fte  | Waarde
 *   Jaar         |                               |        |        |      | 2025
 *   Parameter    | IKB-percentage                |        |        |      | 0,1705
 *   Formatie     | Medewerker publiekszaken …    | Balie  | 7      | 3    | 219.513,77   (plafondbedrag)
 *   Totaal       | Plafond formatieve kosten     |        |        |      | 649.519,35
 *   Ondertekening| Status                        |        |        |      | Ondertekend
 *
 * Host-neutral: rows in, rows out. Every value is read back with the cell it lives in, so the report's
 * formulas can point at it.
 */
import type { Results } from "../domain/compute";
import { SETTING_LABELS } from "../domain/glossary";
import { normaliseScale } from "../domain/salary";
import { SERVICE_CODES, type Inputs, type ServiceCode } from "../domain/types";
import { a1, cellAt, isBlank, lastRow, type CellValue, type Problem, type WorkbookGrids } from "./grid";
import { changedSinceSigning, type SignOff } from "../records/signoff";
import { findSheet, norm } from "./table";

export const PREVIOUS_SHEET = "Vorig addendum";
export const PREVIOUS_HEADERS = ["Soort", "Naam", "Pakket", "Schaal", "Fte", "Waarde"] as const;

/** The parameters of P(F, Y, p) and the budget lines, by their Instellingen label. */
export const PREVIOUS_PARAMETERS = ["ikbRate", "employerChargesRate", "overheadRate", "trainingBudget", "additionalServicesBudget"] as const;
export type PreviousParameter = (typeof PREVIOUS_PARAMETERS)[number];

export const PREVIOUS_TOTALS = {
  ceiling: "Plafond formatieve kosten",
  overhead: "Overhead",
  trainingBudget: "Opleidingskosten",
  additionalServicesBudget: "Budget aanvullende dienstverlening",
  totalBudget: "Totaal budget P&C",
  caoEffect: "Cao-effect",
} as const;
export type PreviousTotal = keyof typeof PREVIOUS_TOTALS;

const SIGN_KEYS = { status: "Status", regisseur: "Regisseur", accounthouder: "Accounthouder", date: "Datum ondertekening", fingerprint: "Vingerafdruk", changed: "Gewijzigd na ondertekening" } as const;

/** A cell of the record: its value and where it is (1-based row and column on the record sheet). */
export interface RecordCell<T> {
  value: T;
  row: number;
  col: number;
}

export interface PreviousFormationRow {
  row: number;
  functionName: string;
  service: ServiceCode;
  scale: string;
  fte: number;
  ceilingAmount: number;
}

export interface PreviousAddendum {
  sheet: string;
  /** column numbers of the record's headers */
  columns: Record<(typeof PREVIOUS_HEADERS)[number], number>;
  year: RecordCell<number>;
  parameters: Record<PreviousParameter, RecordCell<number>>;
  formation: PreviousFormationRow[];
  totals: Record<PreviousTotal, RecordCell<number>>;
  signOff: Partial<Record<keyof typeof SIGN_KEYS, string>>;
}

type Row = (string | number | null)[];

/** The record's rows (headers first) for the addendum of `inputs` as the engine computed it. */
export function previousRecordRows(inputs: Inputs, results: Results, signOff: SignOff | null): Row[] {
  const s = inputs.settings;
  const rows: Row[] = [[...PREVIOUS_HEADERS]];
  const line = (kind: string, name: string, value: string | number | null) => rows.push([kind, name, null, null, null, value]);
  line("Jaar", SETTING_LABELS.year, s.year);
  line("Opdrachtgever", SETTING_LABELS.client, s.client);
  for (const p of PREVIOUS_PARAMETERS) line("Parameter", SETTING_LABELS[p], s[p]);
  for (const l of results.ceiling.lines) {
    const f = l.formation;
    rows.push(["Formatie", f.functionName, f.service, /^\d+$/.test(f.scale) ? Number(f.scale) : f.scale, f.fte, l.ceilingAmount]);
  }
  const c = results.ceiling;
  const totals: Record<PreviousTotal, number> = {
    ceiling: c.ceiling, overhead: c.overhead, trainingBudget: c.trainingBudget, additionalServicesBudget: c.additionalServicesBudget,
    totalBudget: c.totalBudget, caoEffect: c.caoEffect,
  };
  for (const k of Object.keys(PREVIOUS_TOTALS) as PreviousTotal[]) line("Totaal", PREVIOUS_TOTALS[k], totals[k]);
  line("Ondertekening", SIGN_KEYS.status, signOff?.status ?? "Concept");
  if (signOff?.regisseur) line("Ondertekening", SIGN_KEYS.regisseur, signOff.regisseur);
  if (signOff?.accounthouder) line("Ondertekening", SIGN_KEYS.accounthouder, signOff.accounthouder);
  if (signOff?.date) line("Ondertekening", SIGN_KEYS.date, signOff.date);
  line("Ondertekening", SIGN_KEYS.fingerprint, results.fingerprint);
  line("Ondertekening", SIGN_KEYS.changed, changedSinceSigning(signOff, results.fingerprint) ? "Ja" : "Nee");
  return rows;
}

const text = (v: CellValue): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/**
 * The record, if the workbook has one; a `waarschuwing` for a record that cannot be read (it is written by
 * the add-in, so a broken one was edited by hand: say which cell). The report is still built, without the
 * comparison.
 */
export function readPrevious(grids: WorkbookGrids): { record: PreviousAddendum | null; problems: Problem[] } {
  const grid = findSheet(grids, PREVIOUS_SHEET);
  if (!grid) return { record: null, problems: [] };
  const problems: Problem[] = [];
  const fail = (row: number, col: number, what: string) => {
    problems.push({ severity: "waarschuwing", code: "previous-unreadable", sheet: grid.name, cell: a1(row, col), message: `Het vorige addendum is niet te lezen, dus het rapport heeft geen verschilanalyse: ${what} Maak de werkmap opnieuw met 'dvo-addendum next-year', of verwijder het blad '${grid.name}'.` });
    return { record: null, problems };
  };
  const headerRow = grid.table?.row ?? grid.origin?.row ?? 1;
  const columns = {} as PreviousAddendum["columns"];
  for (const h of PREVIOUS_HEADERS) {
    for (let c = 1; c <= 30; c++) {
      if (norm(text(cellAt(grid, headerRow, c))) === norm(h)) columns[h] = c;
    }
    if (columns[h] === undefined) return fail(headerRow, 1, `de kolom '${h}' ontbreekt.`);
  }
  const num = (r: number, h: (typeof PREVIOUS_HEADERS)[number]): number | null => {
    const v = cellAt(grid, r, columns[h]);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  let year: RecordCell<number> | null = null;
  const parameters: Partial<Record<PreviousParameter, RecordCell<number>>> = {};
  const totals: Partial<Record<PreviousTotal, RecordCell<number>>> = {};
  const formation: PreviousFormationRow[] = [];
  const signOff: PreviousAddendum["signOff"] = {};
  const paramByLabel = new Map(PREVIOUS_PARAMETERS.map((p) => [norm(SETTING_LABELS[p]), p]));
  const totalByLabel = new Map((Object.keys(PREVIOUS_TOTALS) as PreviousTotal[]).map((k) => [norm(PREVIOUS_TOTALS[k]), k]));
  const signByLabel = new Map((Object.keys(SIGN_KEYS) as (keyof typeof SIGN_KEYS)[]).map((k) => [norm(SIGN_KEYS[k]), k]));
  const vCol = columns.Waarde;
  for (let r = headerRow + 1; r <= lastRow(grid); r++) {
    const kind = norm(text(cellAt(grid, r, columns.Soort)));
    const name = text(cellAt(grid, r, columns.Naam));
    if (kind === "" && PREVIOUS_HEADERS.every((h) => isBlank(cellAt(grid, r, columns[h])))) continue;
    const value = num(r, "Waarde");
    if (kind === "jaar") {
      if (value === null || !Number.isInteger(value)) return fail(r, vCol, "het jaar is geen heel getal.");
      year = { value, row: r, col: vCol };
    } else if (kind === "parameter") {
      const p = paramByLabel.get(norm(name));
      if (!p) continue;
      if (value === null) return fail(r, vCol, `de waarde van '${name}' is geen getal.`);
      parameters[p] = { value, row: r, col: vCol };
    } else if (kind === "totaal") {
      const t = totalByLabel.get(norm(name));
      if (!t) continue;
      if (value === null) return fail(r, vCol, `het bedrag van '${name}' is geen getal.`);
      totals[t] = { value, row: r, col: vCol };
    } else if (kind === "formatie") {
      const service = SERVICE_CODES.find((s) => norm(s) === norm(text(cellAt(grid, r, columns.Pakket))));
      const scale = text(cellAt(grid, r, columns.Schaal));
      const fte = num(r, "Fte");
      if (!service) return fail(r, columns.Pakket, "het pakket van deze formatieregel is onbekend.");
      if (scale === "") return fail(r, columns.Schaal, "de schaal van deze formatieregel ontbreekt.");
      if (fte === null || fte <= 0) return fail(r, columns.Fte, "de fte van deze formatieregel is geen getal groter dan 0.");
      if (value === null) return fail(r, vCol, "het plafondbedrag van deze formatieregel is geen getal.");
      formation.push({ row: r, functionName: name, service, scale: normaliseScale(scale), fte, ceilingAmount: value });
    } else if (kind === "ondertekening") {
      const k = signByLabel.get(norm(name));
      if (k) signOff[k] = text(cellAt(grid, r, vCol));
    }
  }
  if (!year) return fail(headerRow + 1, vCol, "het jaar ontbreekt.");
  for (const p of PREVIOUS_PARAMETERS) if (!parameters[p]) return fail(headerRow + 1, columns.Naam, `de parameter '${SETTING_LABELS[p]}' ontbreekt.`);
  for (const t of Object.keys(PREVIOUS_TOTALS) as PreviousTotal[]) if (!totals[t]) return fail(headerRow + 1, columns.Naam, `het totaal '${PREVIOUS_TOTALS[t]}' ontbreekt.`);
  if (formation.length === 0) return fail(headerRow + 1, columns.Soort, "er staat geen formatieregel in.");
  return {
    record: {
      sheet: grid.name, columns, year, formation, signOff,
      parameters: parameters as Record<PreviousParameter, RecordCell<number>>,
      totals: totals as Record<PreviousTotal, RecordCell<number>>,
    },
    problems,
  };
}

/** What `check` says about the record: unreadable, or of another year than the one before `year`. */
export function previousProblems(grids: WorkbookGrids, year: number | null): Problem[] {
  const { record, problems } = readPrevious(grids);
  if (record && year !== null && record.year.value !== year - 1) {
    problems.push({
      severity: "waarschuwing", code: "previous-other-year", sheet: record.sheet, cell: a1(record.year.row, record.year.col),
      message: `Het blad '${record.sheet}' bevat het addendum van ${record.year.value}, maar deze werkmap is van ${year}: de verschilanalyse vergelijkt alleen met ${year - 1}. Verwijder het blad, of maak de werkmap met 'dvo-addendum next-year' uit die van ${year - 1}.`,
    });
  }
  return problems;
}
