/**
 * Where a worksheet's cells go as sheet-read.ts reads them: row arrays (a SheetGrid's `rows`, for ordinary
 * sheets) or a compact column store (src/input/column-store.ts, for a very large input sheet such as a whole
 * ledger export). Both give the same values: text, numbers, dates by style, booleans, error values.
 */
import { ColumnStore } from "../input/column-store";
import { isBlank, type CellValue } from "../input/grid";
import { cellValue, serialToDate, serialToTime, type CellContext, type CellSink } from "./sheet-read";
import { decodeEscapes } from "./workbook";

/** Above this many cells a grid keeps rows only as long as their last value (no padding with nulls). */
const DENSE_CELL_BUDGET = 4_000_000;

/** Rows as arrays, from A1 to the last row and column with a value. */
export class RowSink implements CellSink {
  private readonly sparse: Array<{ row: number; values: CellValue[] }> = [];
  private row = 0;
  private values: CellValue[] = [];
  private rowLast = 0;

  constructor(private readonly ctx: CellContext) {}

  startRow(row: number): void {
    this.row = row;
    this.values = [];
    this.rowLast = 0;
  }

  cell(col: number, type: string, raw: string, inline: string, style: number): void {
    const v = cellValue(type, raw, inline, style, this.ctx);
    if (v === null) return;
    this.values[col - 1] = v;
    if (!isBlank(v)) this.rowLast = Math.max(this.rowLast, col);
  }

  shared(col: number, index: number): void {
    const v = this.ctx.strings[index];
    if (v === undefined) return;
    this.values[col - 1] = v;
    if (!isBlank(v)) this.rowLast = Math.max(this.rowLast, col);
  }

  numeric(col: number, n: number, style: number): void {
    this.values[col - 1] = this.ctx.dateStyle[style] ? serialToDate(n, this.ctx.date1904) : n;
    this.rowLast = Math.max(this.rowLast, col);
  }

  endRow(): void {
    if (this.rowLast === 0) return;
    this.values.length = this.rowLast;
    this.sparse.push({ row: this.row, values: this.values });
  }

  rows(): CellValue[][] {
    const sparse = this.sparse;
    let lastRow = 0;
    let lastCol = 0;
    for (const r of sparse) {
      lastRow = Math.max(lastRow, r.row);
      lastCol = Math.max(lastCol, r.values.length);
    }
    sparse.sort((a, b) => a.row - b.row);
    const dense = lastRow * lastCol <= DENSE_CELL_BUDGET;
    const rows: CellValue[][] = [];
    let next = 1;
    for (const { row, values } of sparse) {
      if (row < next) continue; // a row written twice: the first one counts
      for (; next < row; next++) rows.push(dense ? new Array<CellValue>(lastCol).fill(null) : []);
      // pad the row read in place (holes become null) rather than copy it
      const width = dense ? lastCol : values.length;
      for (let c = 0; c < width; c++) if (values[c] === undefined) values[c] = null;
      rows.push(values);
      next = row + 1;
    }
    return rows;
  }
}

/** A non-negative integer written in decimal digits only (a shared-string index), or -1. */
function index(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The cells in a column store; the common kinds (shared strings, numbers, dates) without a CellValue. */
export class StoreSink implements CellSink {
  readonly store: ColumnStore;
  private sized = false;

  /** `expectedRows` is asked at the first row: the sheet's dimension, read before its cells */
  constructor(private readonly ctx: CellContext, private readonly expectedRows: () => number) {
    this.store = new ColumnStore(ctx.strings);
  }

  startRow(row: number): void {
    if (!this.sized) {
      this.store.reserve(this.expectedRows());
      this.sized = true;
    }
    this.store.startRow(row);
  }

  cell(col: number, type: string, raw: string, inline: string, style: number): void {
    const s = this.store;
    if (type === "s") {
      let i = index(raw);
      if (i < 0) {
        const n = Number(raw);
        i = Number.isInteger(n) ? n : -1;
      }
      if (i >= 0 && i < this.ctx.strings.length) s.shared(col, i);
      return;
    }
    if (type === "n") {
      const n = raw === "" ? NaN : Number(raw);
      if (n === 0 && raw.trim() === "") return; // Number(" ") is 0, but the cell is empty
      if (!Number.isFinite(n)) {
        const v = cellValue(type, raw, inline, style, this.ctx);
        if (typeof v === "string") s.text(col, v);
        return;
      }
      if (this.ctx.dateStyle[style]) s.date(col, serialToTime(n, this.ctx.date1904));
      else s.number(col, n);
      return;
    }
    if (type === "inlineStr" || type === "str") {
      s.text(col, decodeEscapes(type === "str" ? raw : inline));
      return;
    }
    const v = cellValue(type, raw, inline, style, this.ctx);
    if (v === null) return;
    if (typeof v === "boolean") s.boolean(col, v);
    else if (v instanceof Date) s.date(col, v.getTime());
    else if (typeof v === "object") s.error(col, v.error);
    else if (typeof v === "number") s.number(col, v);
    else s.text(col, v);
  }

  shared(col: number, index: number): void {
    if (index < this.ctx.strings.length) this.store.shared(col, index);
  }

  numeric(col: number, n: number, style: number): void {
    if (this.ctx.dateStyle[style]) this.store.date(col, serialToTime(n, this.ctx.date1904));
    else this.store.number(col, n);
  }

  endRow(): void {
    this.store.endRow();
  }
}
