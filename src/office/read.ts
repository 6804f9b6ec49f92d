/**
 * Office.js host, reading side: the input sheets as grids, in two round trips whatever their size —
 * one for the sheet and table names, one for all ranges. Report sheets the add-in made (listed in the
 * very hidden `_dvo_addendum` sheet) are not read as input.
 */
import { SHEETS } from "../domain/glossary";
import type { CellValue, SheetGrid, WorkbookGrids } from "../input/grid";
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
  /** workbook structure protected: sheets cannot be added or deleted */
  structureProtected: boolean;
  syncs: number;
}

/** Office.js values + valueTypes → the engine's cell values. */
export function toCellValues(values: unknown[][], types: string[][]): CellValue[][] {
  return values.map((row, r) =>
    row.map((v, c): CellValue => {
      switch (types[r]?.[c]) {
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
  type Pending = { name: string; range: Excel.Range; table?: string };
  const pending: Pending[] = [];
  for (const name of sheetNames) {
    if (!inputNames.has(norm(name))) continue;
    const table = tables.items.find((t) => t.worksheet.name === name && norm(t.name.replace(/_/g, " ")) === norm(name));
    const range = table ? table.getRange() : wb.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("values,valueTypes,rowIndex,columnIndex");
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
      rows: toCellValues(p.range.values, p.range.valueTypes as unknown as string[][]),
      origin,
      table: p.table ? { name: p.table, ...origin } : undefined,
    });
  }
  const reportSheets = sheetNames.filter((n) => recorded.has(n) && !inputNames.has(norm(n)));
  return {
    grids: { sheets: grids },
    sheetNames,
    reportSheets,
    otherSheets: sheetNames.filter((n) => n !== META_SHEET && !reportSheets.includes(n)),
    metaExists,
    structureProtected: protection.protected,
    syncs: 2,
  };
}
