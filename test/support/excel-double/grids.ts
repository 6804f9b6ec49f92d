/** Put a host-neutral WorkbookGrids (test/grids.ts) into an Excel double, as Excel would hold it. */
import type { CellValue, WorkbookGrids } from "../../../src/input/grid";
import type { SheetSetup } from "./index";

/** A Date as Excel stores it: the serial day number (1900 date system). */
export function serialOf(d: Date): number {
  return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function excelValue(v: CellValue): string | number | boolean | null {
  if (v === null) return null;
  if (v instanceof Date) return serialOf(v);
  if (typeof v === "object") return v.error;
  return v;
}

/** The sheets of `grids` (each at its origin, with its table when it has one). */
export function setupOf(grids: WorkbookGrids): SheetSetup[] {
  return grids.sheets.map((g) => ({
    name: g.name,
    rows: g.rows.map((r) => r.map(excelValue)),
    origin: g.origin ? `${colName(g.origin.col)}${g.origin.row}` : "A1",
    table: g.table?.name,
  }));
}

function colName(n: number): string {
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
