/** Host-neutral input: per sheet a 2-D array of cell values, as a host read it. */

export interface CellError {
  error: string; // e.g. "#REF!"
}
export type CellValue = string | number | boolean | Date | CellError | null;

/**
 * Cells kept compactly instead of as row arrays (src/input/column-store.ts): a host uses it for a very large
 * input sheet, such as a whole ledger export. Coordinates are 1-based sheet coordinates.
 */
export interface CellStore {
  /** the last sheet row that holds a value (0 when none) */
  readonly lastRow: number;
  /** the last sheet column that holds a value (0 when none) */
  readonly lastCol: number;
  get(row: number, col: number): CellValue;
  /** isBlank(get(row, col)), without making the value */
  blankAt(row: number, col: number): boolean;
}

export interface SheetGrid {
  /** the sheet name as it is in the workbook */
  name: string;
  /**
   * rows[0] is sheet row `origin.row`, rows[r][0] is column `origin.col` (both 1-based; default 1). Empty
   * when `store` holds the cells: read a grid through cellAt, lastRow, lastCol and forEachRow, not `rows`.
   */
  rows: CellValue[][];
  /** the cells, when the host kept them in a compact store (then `rows` is empty and `origin` is A1) */
  store?: CellStore;
  origin?: { row: number; col: number };
  /**
   * top-left cell of an Excel table (ListObject) on this sheet whose name matches the sheet, if any.
   * `lastRow` is the table's last sheet row (its totals row, when it has one); `totalsRows` is the number
   * of totals rows at its bottom (0 or 1; absent when the host does not know). Rows of the totals row are
   * not data.
   */
  table?: { name: string; row: number; col: number; lastRow?: number; totalsRows?: number };
  /**
   * Why some cells that read as blank are blank, so a message can say so (optional; a host may leave it
   * out): A1 address → the top-left cell of the merged range that covers it, or the formula (without
   * `=`) of a formula cell whose result is not saved in the file.
   */
  blank?: Record<string, BlankReason>;
}

export type BlankReason = { mergedInto: string } | { formula: string };

export interface WorkbookGrids {
  sheets: SheetGrid[];
  /** the add-in's own hidden sheets (sign-off, snapshot), by name, as the host read them */
  meta?: Record<string, CellValue[][]>;
  /** report sheets of the previous build, by name: the source of what people typed in them (toelichtingen) */
  previous?: Record<string, CellValue[][]>;
  /**
   * sheet name → visibility, for every sheet of the workbook (optional: a host that does not know leaves it
   * out). The sign-off check reports an add-in sheet that is no longer very hidden.
   */
  visibility?: Record<string, "visible" | "hidden" | "veryHidden">;
}

export type Severity = "fout" | "waarschuwing";

/**
 * What kind of problem it is, for code that must act on it (the CLI's exit code, the pane's filters):
 * nothing branches on the Dutch wording. The Dutch sentence is `message`.
 */
export type ProblemCode =
  // the workbook's shape (src/input/table.ts)
  | "sheet-missing" | "sheet-duplicate" | "header-missing" | "column-missing" | "column-duplicate"
  // a cell's value breaks a reading rule of docs/werkmapcontract.md
  | "value" | "setting"
  | "formation-empty" | "salary-missing" | "salary-stale" | "health-data-column"
  | "formation-change-incomplete" | "sick-leave-reestimate"
  // the SLA: its version against Jaar, and how a formation row is covered (Dekking)
  | "sla-version-year" | "formation-coverage" | "overhead-short"
  | "ledger-column-missing" | "ledger-map-missing" | "ledger-unmapped" | "ledger-after-report-month"
  | "previous-unreadable" | "previous-other-year"
  | "sick-leave-procedure" | "ledger-election" | "sla-duty"
  // the add-in's records (sign-off, snapshot, Logboek)
  | "changed-after-signing" | "cao-change-after-signing" | "records-integrity" | "not-the-signed-inputs"
  // the controller's review (records/review.ts): the inputs changed after it
  | "changed-after-review"
  // the report
  | "report-sheet-renamed" | "comparison-incomplete";

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  sheet: string;
  /** A1 address on `sheet` */
  cell: string;
  message: string;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

/** 1 → A, 27 → AA */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Cell value at 1-based sheet coordinates. */
export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  if (grid.store) return grid.store.get(row, col);
  const o = grid.origin ?? { row: 1, col: 1 };
  const r = grid.rows[row - o.row];
  if (!r) return null;
  const v = r[col - o.col];
  return v === undefined ? null : v;
}

/** isBlank(cellAt(…)), cheaper on a store. */
export function blankAt(grid: SheetGrid, row: number, col: number): boolean {
  return grid.store ? grid.store.blankAt(row, col) : isBlank(cellAt(grid, row, col));
}

export function lastRow(grid: SheetGrid): number {
  if (grid.store) return grid.store.lastRow;
  return (grid.origin?.row ?? 1) + grid.rows.length - 1;
}

export function lastCol(grid: SheetGrid): number {
  if (grid.store) return grid.store.lastCol;
  const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
  return (grid.origin?.col ?? 1) + width - 1;
}

/**
 * Every row of the grid from its first row to its last, as an array of values from its first column
 * (`origin.col`; A for a store). A store hands out one reused array: copy it to keep it.
 */
export function forEachRow(grid: SheetGrid, fn: (values: readonly CellValue[], row: number) => void): void {
  const store = grid.store;
  if (!store) {
    const first = grid.origin?.row ?? 1;
    grid.rows.forEach((r, i) => fn(r, first + i));
    return;
  }
  const values = new Array<CellValue>(store.lastCol).fill(null);
  for (let r = 1; r <= store.lastRow; r++) {
    for (let c = 1; c <= store.lastCol; c++) values[c - 1] = store.get(r, c);
    fn(values, r);
  }
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}
