/**
 * Office.js host, reading side: the input sheets as grids, in two round trips whatever their size —
 * one for the sheet and table names, one for all ranges. Report sheets the add-in made (listed in the
 * very hidden `_dvo_addendum` sheet) are not read as input.
 */
import { SHEETS } from "../domain/glossary";
import type { CellValue, SheetGrid, WorkbookGrids } from "../input/grid";
import { LOG_SHEET, SIGNOFF_SHEET, SNAPSHOT_SHEET } from "../input/meta";
import { norm } from "../input/table";

export const META_SHEET = "_dvo_addendum";

export interface ExcelWorkbookState {
  grids: WorkbookGrids;
  /** every sheet name in the workbook, in order */
  sheetNames: string[];
  /** report sheets an earlier build made (from the meta sheet) that still exist */
  reportSheets: string[];
  /** the sheets that are not ours: inputs and the user's own */
  otherSheets: string[];
  metaExists: boolean;
  /** the sign-off and snapshot sheets exist */
  signOffExists: boolean;
  snapshotExists: boolean;
  /** rows in use on the Logboek sheet (0 when it does not exist yet) */
  logRows: number | null;
  /** workbook structure protected: sheets cannot be added or deleted */
  structureProtected: boolean;
  syncs: number;
}

/** Excel's error values, as `values` gives them. */
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"]);

/** The value type of a cell read without valueTypes (loading those would double the response). */
function typeOf(v: unknown): string {
  if (v === "" || v === null || v === undefined) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return typeof v === "string" && ERRORS.has(v) ? "Error" : "String";
}

/** Office.js values (+ valueTypes, when loaded) → the engine's cell values. */
export function toCellValues(values: unknown[][], types?: string[][]): CellValue[][] {
  return values.map((row, r) =>
    row.map((v, c): CellValue => {
      switch (types ? types[r]?.[c] : typeOf(v)) {
        case "Empty":
          return null;
        case "Error":
          return { error: String(v) };
        case "Boolean":
          return Boolean(v);
        case "Double":
        case "Integer":
          return typeof v === "number" ? v : Number(v);
        default:
          return v === "" || v === null || v === undefined ? null : typeof v === "number" || typeof v === "boolean" ? v : String(v);
      }
    }),
  );
}

export async function readExcelWorkbook(context: Excel.RequestContext): Promise<ExcelWorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name,items/worksheet/name");
  const protection = wb.protection.load("protected");
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const inputNames = new Set(Object.values(SHEETS).map(norm));
  const metaExists = sheetNames.includes(META_SHEET);
  const meta = metaExists ? wb.worksheets.getItem(META_SHEET).getUsedRangeOrNullObject(true).load("values") : null;
  const used = (name: string) => (sheetNames.includes(name) ? wb.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("values,rowCount") : null);
  const signOff = used(SIGNOFF_SHEET);
  const snapshot = used(SNAPSHOT_SHEET);
  const log = used(LOG_SHEET);
  // the previous financial sheet, for the controller's toelichtingen (only kept if it turns out to be ours)
  const previousFinance = sheetNames.filter((n) => /^~?6\.5 /.test(n)).map((n) => ({ name: n, range: used(n) }));
  type Pending = { name: string; range: Excel.Range; table?: string };
  const pending: Pending[] = [];
  for (const name of sheetNames) {
    if (!inputNames.has(norm(name))) continue;
    const table = tables.items.find((t) => t.worksheet.name === name && norm(t.name.replace(/_/g, " ")) === norm(name));
    const range = table ? table.getRange() : wb.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("values,rowIndex,columnIndex");
    pending.push({ name, range, table: table?.name });
  }
  await context.sync();

  const recorded = new Set<string>();
  if (meta && !meta.isNullObject) {
    for (const row of meta.values) if (row[0] === "rapportblad" && typeof row[1] === "string") recorded.add(row[1]);
  }
  const grids: SheetGrid[] = [];
  for (const p of pending) {
    if (p.range.isNullObject) {
      grids.push({ name: p.name, rows: [] });
      continue;
    }
    const origin = { row: p.range.rowIndex + 1, col: p.range.columnIndex + 1 };
    grids.push({
      name: p.name,
      rows: toCellValues(p.range.values),
      origin,
      table: p.table ? { name: p.table, ...origin } : undefined,
    });
  }
  const reportSheets = sheetNames.filter((n) => recorded.has(n) && !inputNames.has(norm(n)));
  const asRows = (r: Excel.Range | null) => (r && !r.isNullObject ? toCellValues(r.values) : null);
  const metaGrids: Record<string, CellValue[][]> = {};
  const so = asRows(signOff);
  if (so) metaGrids[SIGNOFF_SHEET] = so;
  const sn = asRows(snapshot);
  if (sn) metaGrids[SNAPSHOT_SHEET] = sn;
  const previous: Record<string, CellValue[][]> = {};
  for (const p of previousFinance) {
    const rows = asRows(p.range);
    if (rows && reportSheets.includes(p.name)) previous[p.name] = rows;
  }
  return {
    grids: { sheets: grids, meta: metaGrids, previous },
    sheetNames,
    reportSheets,
    otherSheets: sheetNames.filter((n) => !n.startsWith("_dvo") && n !== LOG_SHEET && !reportSheets.includes(n)),
    metaExists,
    signOffExists: sheetNames.includes(SIGNOFF_SHEET),
    snapshotExists: sheetNames.includes(SNAPSHOT_SHEET),
    logRows: log ? (log.isNullObject ? 0 : log.rowCount) : null,
    structureProtected: protection.protected,
    syncs: 2,
  };
}
