/**
 * A compact store for the cells of a very large input sheet (a whole ledger export runs to Excel's last
 * row, 1,048,576): per column one byte for the kind of value and one float for the value itself, in typed
 * arrays, instead of an array of objects per row. Text is kept as an index into a shared list (the
 * workbook's shared strings, or strings interned here), a date as its time value, an error value by its
 * code. Some 9 bytes a cell instead of about 50 for a row array's slot, its value and the row's own array.
 *
 * A host fills it row by row (`cell` … `endRow`); the input layer reads it through `CellStore.get`
 * (src/input/grid.ts), which gives the same values a row grid would hold.
 */
import type { CellStore, CellValue } from "./grid";

/** What a cell of the store holds; `rawAt` gives the number that stands for it. */
export enum CellKind {
  Empty = 0,
  Number = 1,
  /** an index into the workbook's shared strings */
  Shared = 2,
  /** an index into the store's own strings */
  Text = 3,
  /** a time value (ms since 1970, UTC) */
  Date = 4,
  False = 5,
  True = 6,
  /** an index into the store's own strings (the error code, e.g. #REF!) */
  Error = 7,
}

/**
 * Memory another thread can read without a copy where the platform has it (Node; a page only when it is
 * cross-origin isolated): the CLI hashes a whole ledger export's rows for the records snapshot in a worker
 * thread while the check runs (src/cli/snapshot-thread.ts).
 */
const buffer = (bytes: number): ArrayBufferLike => (typeof SharedArrayBuffer === "function" ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));

class Column {
  kinds: Uint8Array;
  values: Float64Array;
  constructor(capacity: number) {
    this.kinds = new Uint8Array(buffer(capacity));
    this.values = new Float64Array(buffer(capacity * 8));
  }
  grow(capacity: number): void {
    const kinds = new Uint8Array(buffer(capacity));
    kinds.set(this.kinds);
    const values = new Float64Array(buffer(capacity * 8));
    values.set(this.values);
    this.kinds = kinds;
    this.values = values;
  }
}

/** A store's contents as a worker thread receives them (`ColumnStore.parts`, `ColumnStore.fromParts`). */
export interface StoreParts {
  lastRow: number;
  lastCol: number;
  sharedStrings: readonly string[];
  own: readonly string[];
  columns: Array<{ kinds: Uint8Array; values: Float64Array } | null>;
}

/** A value as the store writes it: the kind and the number that stands for it. */
interface Pending {
  col: number;
  kind: CellKind;
  value: number;
}

export class ColumnStore implements CellStore {
  lastRow = 0;
  lastCol = 0;
  private readonly columns: Array<Column | undefined> = [];
  private capacity: number;
  private readonly own: string[] = [];
  /** per shared string: 0 not yet seen, 1 blank, 2 not blank */
  private readonly sharedBlank: Uint8Array;
  private readonly interned = new Map<string, number>();
  /** the row being written: its cells are kept only when one of them is not blank */
  private row = 0;
  private pending: Pending[] = [];
  private pendingUsed = 0;
  /** the row's last column with a value that is not blank (0: none, the row is not kept) */
  private rowLast = 0;

  /**
   * `shared` is the workbook's shared-strings list (kept by reference, not copied); `expectedRows` sizes
   * the arrays up front (the sheet's declared dimension), which saves regrowing them.
   */
  constructor(private readonly sharedStrings: readonly string[], expectedRows = 1024) {
    this.capacity = Math.max(16, Math.min(expectedRows + 1, 1_048_577));
    this.sharedBlank = new Uint8Array(sharedStrings.length);
  }

  /** What another thread needs to read the cells (the arrays are shared, not copied, where they can be). */
  parts(): StoreParts {
    return {
      lastRow: this.lastRow, lastCol: this.lastCol, sharedStrings: this.sharedStrings, own: this.own,
      columns: Array.from({ length: this.lastCol + 1 }, (_, c) => {
        const column = this.columns[c];
        return column ? { kinds: column.kinds, values: column.values } : null;
      }),
    };
  }

  /** A store to read the cells of `parts` (in another thread); not for writing rows. */
  static fromParts(parts: StoreParts): ColumnStore {
    const store = new ColumnStore(parts.sharedStrings, 1);
    for (const s of parts.own) store.own.push(s);
    parts.columns.forEach((c, i) => {
      if (!c) return;
      const column = new Column(1);
      column.kinds = c.kinds;
      column.values = c.values;
      store.columns[i] = column;
    });
    store.lastRow = parts.lastRow;
    store.lastCol = parts.lastCol;
    return store;
  }

  /** Size the arrays for `rows` rows up front (before the first row is written). */
  reserve(rows: number): void {
    if (this.columns.length === 0 && rows > 0) this.capacity = Math.max(16, Math.min(rows + 1, 1_048_577));
  }

  /** Start sheet row `row` (rows come in ascending order; a row given again is ignored, as the first counts). */
  startRow(row: number): void {
    this.row = row;
    this.pendingUsed = 0;
    this.rowLast = 0;
  }

  number(col: number, n: number): void {
    this.put(col, CellKind.Number, n, true);
  }

  /** A shared string by index; `blank` when its text is blank (a blank row is not kept). */
  shared(col: number, index: number): void {
    let blank = this.sharedBlank[index];
    if (blank === 0) {
      const s = this.sharedStrings[index];
      if (s === undefined) return;
      blank = this.sharedBlank[index] = s.trim() === "" ? 1 : 2;
    }
    this.put(col, CellKind.Shared, index, blank === 2);
  }

  text(col: number, s: string): void {
    this.put(col, CellKind.Text, this.intern(s), s.trim() !== "");
  }

  date(col: number, time: number): void {
    this.put(col, CellKind.Date, time, true);
  }

  boolean(col: number, b: boolean): void {
    this.put(col, b ? CellKind.True : CellKind.False, 0, true);
  }

  error(col: number, code: string): void {
    this.put(col, CellKind.Error, this.intern(code), true);
  }

  /** End the current row: keep its cells when one of them holds a value. */
  endRow(): void {
    // like a row grid: nothing after the row's last value, and no row without one
    if (this.rowLast === 0 || this.row <= this.lastRow) return;
    const r = this.row;
    if (r >= this.capacity) this.growTo(Math.min(Math.max(r + 1, this.capacity * 2), 1_048_577));
    for (let i = 0; i < this.pendingUsed; i++) {
      const p = this.pending[i];
      if (p.col > this.rowLast) continue;
      let column = this.columns[p.col];
      if (!column) column = this.columns[p.col] = new Column(this.capacity);
      column.kinds[r] = p.kind;
      column.values[r] = p.value;
    }
    if (this.rowLast > this.lastCol) this.lastCol = this.rowLast;
    this.lastRow = r;
  }

  get(row: number, col: number): CellValue {
    const column = this.columns[col];
    if (!column || row < 1 || row > this.lastRow) return null;
    const v = column.values[row];
    switch (column.kinds[row] as CellKind) {
      case CellKind.Number: return v;
      case CellKind.Shared: return this.sharedStrings[v];
      case CellKind.Text: return this.own[v];
      case CellKind.Date: return new Date(v);
      case CellKind.False: return false;
      case CellKind.True: return true;
      case CellKind.Error: return { error: this.own[v] };
      default: return null;
    }
  }

  blankAt(row: number, col: number): boolean {
    const column = this.columns[col];
    if (!column || row < 1 || row > this.lastRow) return true;
    const kind = column.kinds[row] as CellKind;
    if (kind === CellKind.Empty) return true;
    if (kind === CellKind.Shared) {
      const i = column.values[row];
      // (0: a store made from parts has not seen its shared strings)
      const blank = this.sharedBlank[i] || (this.sharedBlank[i] = (this.sharedStrings[i] ?? "").trim() === "" ? 1 : 2);
      return blank !== 2;
    }
    if (kind === CellKind.Text) return this.own[column.values[row]].trim() === "";
    return false;
  }

  /**
   * The kind of a cell, without making its value (for code that walks every cell of a very large sheet,
   * such as the records snapshot); with `rawAt` and `textOf` it gives what `get` gives.
   */
  kindAt(row: number, col: number): CellKind {
    const column = this.columns[col];
    return !column || row < 1 || row > this.lastRow ? CellKind.Empty : (column.kinds[row] as CellKind);
  }

  /** The number that stands for a cell's value: the number, the time value, or the index of its text. */
  rawAt(row: number, col: number): number {
    const column = this.columns[col];
    return !column || row < 1 || row > this.lastRow ? 0 : column.values[row];
  }

  /** The text a Shared, Text or Error cell's number stands for. */
  textOf(kind: CellKind, raw: number): string {
    return kind === CellKind.Shared ? this.sharedStrings[raw] : this.own[raw];
  }

  /** Bytes held by the typed arrays (for the benchmark and tests of the bound). */
  get bytes(): number {
    let n = 0;
    for (const c of this.columns) if (c) n += c.kinds.byteLength + c.values.byteLength;
    return n;
  }

  private put(col: number, kind: CellKind, value: number, filled: boolean): void {
    if (filled && col > this.rowLast) this.rowLast = col;
    let p = this.pending[this.pendingUsed];
    if (!p) p = this.pending[this.pendingUsed] = { col, kind, value };
    else {
      p.col = col;
      p.kind = kind;
      p.value = value;
    }
    this.pendingUsed++;
  }

  private intern(s: string): number {
    let i = this.interned.get(s);
    if (i === undefined) {
      i = this.own.length;
      this.own.push(s);
      this.interned.set(s, i);
    }
    return i;
  }

  private growTo(capacity: number): void {
    for (const c of this.columns) c?.grow(capacity);
    this.capacity = capacity;
  }
}
