/**
 * The snapshot (`_dvo_momentopname`, very hidden): per input sheet, a hash per non-empty row, so the next
 * build can say which rows were added, removed or changed. The Logboek head is kept in it too (records/log.ts).
 */
import { SHEETS } from "../domain/glossary";
import { sha256Hex } from "../domain/hash";
import { CellKind, ColumnStore } from "../input/column-store";
import { forEachRow, isCellError, lastRow, type CellValue, type WorkbookGrids } from "../input/grid";
import { findSheet } from "../input/table";
import { text } from "./cells";
import { recordRows, SNAPSHOT_SHEET } from "./ownership";
import { HexRun, RowHashes } from "./row-hashes";

/**
 * Per sheet, row number → hash. An input sheet's rows are a RowHashes (compact: a whole ledger export has a
 * million rows); the other entries (the values, the log head) are small Maps.
 */
export type Snapshot = Map<string, ReadonlyMap<number, string>>;

/** Days from Excel's day 0 (1899-12-30) to a date: the serial Office.js reads for a date cell. */
const DAY_0 = Date.UTC(1899, 11, 30);
/**
 * String(n), faster for an amount in cents (most numbers of a ledger): a double that is the nearest one to a
 * decimal with at most two decimals and fewer than 16 digits prints as that decimal, trailing zero dropped.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const k = Math.round(n * 100);
  if (k / 100 !== n || Math.abs(k) >= 1e15) return String(n);
  const a = Math.abs(k);
  const cents = a % 100;
  const frac = cents % 10 === 0 ? String(cents / 10) : cents < 10 ? `0${cents}` : String(cents);
  return `${k < 0 ? "-" : ""}${Math.floor(a / 100)}.${frac}`;
}

/** A number to 15 significant digits, as Excel keeps it; the shortest form already is that when it is short. */
const canonNumber = (n: number): string => {
  const s = numberText(n);
  return s.length <= 15 && !s.includes("e") ? s : String(Number(n.toPrecision(15)));
};

/**
 * How a row's hash is made from the JSON array of its cells' canonical texts (without the trailing empty
 * ones; a date counts as its serial number, as the Office.js host reads it, so that a snapshot taken by one
 * host and compared by the other sees the same rows). The snapshot says which it used (`#rijhash`):
 * - 1: the first 16 hex digits of the text's SHA-256 (snapshots written before the key existed);
 * - 2: the 64-bit hash below of the cells' texts, 16 hex digits too. Not a seal (the snapshot only tells which rows changed,
 *   docs/architecture.md); a whole ledger export's million rows hash in 0.6 s instead of 3 s.
 */
export type RowHashVersion = 1 | 2;
export const ROW_HASH_VERSION: RowHashVersion = 2;
/** The snapshot key that names the row-hash version (row 1); a '#' key, so the row diff skips it. */
export const ROW_HASH_KEY = "#rijhash";

/** The row-hash version a stored snapshot used. */
export function rowHashVersionOf(snapshot: Snapshot | null): RowHashVersion {
  return snapshot?.get(ROW_HASH_KEY)?.get(1) === "2" ? 2 : 1;
}

// The row hash of version 2 (Lanes64RowHasher). A cell's hash is two 32-bit lanes over the UTF-16 code units of its JSON text (the
// piece between the commas), finished by a mix; the row's hash is the same two lanes over its cells'
// hashes and then the number of cells, finished the same way. Each step (xor, multiply by an odd number,
// xor-shift) is a bijection of its lane and the finishing mix one of the 64 bits, so a row changed in one code
// unit of one cell (the text's length the same) always hashes apart from what it was; other changes leave the
// same hash with a chance of about 2^-64. A cell's hash depends on its text alone, so a text that repeats (a
// ledger's accounts, cost centres and descriptions) is hashed once.
const SEED_A = 0x2f8a1b3d, SEED_B = 0x6c0e94a7;
const MUL_A = 0x9e3779b1, MUL_B = 0x85ebca77;
const FIN_1 = 0x85ebca6b, FIN_2 = 0xc2b2ae35;

/** Two 32-bit lanes. */
class Lanes {
  a = SEED_A;
  b = SEED_B;

  reset(): void {
    this.a = SEED_A;
    this.b = SEED_B;
  }

  /** Take the UTF-16 code units of a text. */
  text(s: string): void {
    let a = this.a, b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, MUL_A);
      a ^= a >>> 15;
      b = Math.imul(b ^ c, MUL_B);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  /** Take one 32-bit word per lane. */
  word(x: number, y: number): void {
    let a = Math.imul(this.a ^ x, MUL_A);
    a ^= a >>> 15;
    let b = Math.imul(this.b ^ y, MUL_B);
    b ^= b >>> 15;
    this.a = a;
    this.b = b;
  }

  /** The finishing mix. */
  finish(): void {
    const a = this.a, b = this.b;
    const x = Math.imul(a ^ (a >>> 16), FIN_1) ^ Math.imul(b ^ (b >>> 13), FIN_2);
    const y = Math.imul(b ^ (b >>> 16), FIN_1) ^ Math.imul(x ^ (x >>> 13), FIN_2);
    this.a = x >>> 0;
    this.b = y >>> 0;
  }
}

/**
 * A cell's canonical text as JSON, the pieces a row hash is made of. The JSON is written out by hand, with
 * each distinct text quoted once (a whole ledger export hashes a million rows that repeat the same few
 * thousand texts).
 */
class CellJson {
  private readonly quoted = new Map<string, string>();
  /** JSON of a column store's texts by kind and index, and of small whole numbers (accounts, date serials) */
  private readonly storeQuoted: [Array<string | null>, Array<string | null>] = [[], []];
  private readonly smallNumbers: Array<string | null> = [];

  /** A cell's canonical text as a JSON string; numbers and dates as their digits in quotes. */
  json(v: CellValue): string {
    if (v === null) return '""';
    if (typeof v === "number") return this.number(v);
    if (v instanceof Date) return this.number(dateSerial(v.getTime()));
    return this.quote(typeof v === "string" ? v : isCellError(v) ? v.error : String(v));
  }

  /** The JSON of a column store's cell, from the numbers it keeps (no value made per cell). */
  stored(store: ColumnStore, kind: CellKind, raw: number): string {
    switch (kind) {
      case CellKind.Number: return this.number(raw);
      case CellKind.Date: return this.number(dateSerial(raw));
      case CellKind.Shared: case CellKind.Text: case CellKind.Error: {
        const cache = this.storeQuoted[kind === CellKind.Shared ? 0 : 1];
        // filled up to the index, so that the array stays packed (an index far past its end makes it a dictionary)
        while (cache.length <= raw) cache.push(null);
        return cache[raw] ?? (cache[raw] = JSON.stringify(store.textOf(kind, raw)));
      }
      case CellKind.True: return '"true"';
      case CellKind.False: return '"false"';
      default: return '""';
    }
  }

  /** A number's canonical digits in quotes (a ledger repeats its accounts and dates: small whole numbers are kept). */
  private number(n: number): string {
    if (!Number.isInteger(n) || n < 0 || n >= SMALL_NUMBERS) return `"${canonNumber(n)}"`;
    const cache = this.smallNumbers;
    while (cache.length <= n) cache.push(null); // packed, as storeQuoted
    return cache[n] ?? (cache[n] = `"${canonNumber(n)}"`);
  }

  private quote(text: string): string {
    let q = this.quoted.get(text);
    if (q === undefined) {
      q = JSON.stringify(text);
      if (this.quoted.size < 1 << 20) this.quoted.set(text, q);
    }
    return q;
  }
}

/**
 * A time value as the date serial Office.js reads; the time value is clipped as new Date(t) would
 * (ECMA-262 TimeClip), so a column store's date and a Date read alike.
 */
const dateSerial = (t: number): number => (Math.abs(t) > 8.64e15 ? NaN : (Math.trunc(t) - DAY_0) / 86_400_000);

/** The last column of a stored row whose canonical text is not "" (0: none). */
function lastStoredColumn(store: ColumnStore, row: number): number {
  let last = store.lastCol;
  for (; last >= 1; last--) {
    const kind = store.kindAt(row, last);
    if (kind === CellKind.Empty) continue;
    if (kind !== CellKind.Shared && kind !== CellKind.Text && kind !== CellKind.Error) break;
    if (store.textOf(kind, store.rawAt(row, last)) !== "") break;
  }
  return last;
}

/** The last index of a row whose canonical text is not "" (-1: none). */
function lastValue(values: readonly CellValue[]): number {
  let last = values.length - 1;
  while (last >= 0 && emptyCanon(values[last])) last--;
  return last;
}

interface RowHasher {
  /** Set `row`'s hash in `rows`; a row whose cells are all empty gets none. */
  hashRow(values: readonly CellValue[], rows: RowHashes, row: number): void;
  /** The same for row `row` of a column store. */
  hashStored(store: ColumnStore, row: number, rows: RowHashes): void;
}

/** Version 1: SHA-256 of the row's JSON text (kept to compare with snapshots stored before version 2). */
class Sha256RowHasher implements RowHasher {
  private readonly cells = new CellJson();

  hashRow(values: readonly CellValue[], rows: RowHashes, row: number): void {
    const last = lastValue(values);
    if (last < 0) return;
    let json = "[";
    for (let i = 0; i <= last; i++) json += (i > 0 ? "," : "") + this.cells.json(values[i]);
    rows.set(row, sha256Hex(json + "]").slice(0, 16));
  }

  hashStored(store: ColumnStore, row: number, rows: RowHashes): void {
    const last = lastStoredColumn(store, row);
    if (last < 1) return;
    let json = "[";
    for (let c = 1; c <= last; c++) json += (c > 1 ? "," : "") + this.cells.stored(store, store.kindAt(row, c), store.rawAt(row, c));
    rows.set(row, sha256Hex(json + "]").slice(0, 16));
  }
}

/** Two lanes per index (a text's index in a column store), in typed arrays that grow as needed. */
class IndexedLanes {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  private known = new Uint8Array(1024);

  has(i: number): boolean {
    return i < this.known.length && this.known[i] === 1;
  }

  set(i: number, a: number, b: number): void {
    if (i >= this.known.length) {
      const n = Math.max(i + 1, this.known.length * 2);
      const grow = <T extends Int32Array | Uint8Array>(old: T, made: T): T => {
        made.set(old);
        return made;
      };
      this.a = grow(this.a, new Int32Array(n));
      this.b = grow(this.b, new Int32Array(n));
      this.known = grow(this.known, new Uint8Array(n));
    }
    this.a[i] = a;
    this.b[i] = b;
    this.known[i] = 1;
  }
}

/** Version 2 (the 64-bit hash of two lanes), with each distinct text's and small number's cell hash kept. */
class Lanes64RowHasher implements RowHasher {
  private readonly cells = new CellJson();
  private readonly row = new Lanes();
  private readonly cell = new Lanes();
  /** cell hashes of a column store's texts by kind: shared; own and errors */
  private readonly storeLanes = [new IndexedLanes(), new IndexedLanes()];
  private readonly smallLanes = new IndexedLanes();
  private readonly pieceLanes = new Map<string, [number, number]>();

  hashRow(values: readonly CellValue[], rows: RowHashes, row: number): void {
    const last = lastValue(values);
    if (last < 0) return;
    this.row.reset();
    for (let i = 0; i <= last; i++) {
      const piece = this.cells.json(values[i]);
      let l = this.pieceLanes.get(piece);
      if (!l) {
        this.cellOf(piece);
        l = [this.cell.a, this.cell.b];
        if (this.pieceLanes.size < 1 << 20) this.pieceLanes.set(piece, l);
      }
      this.row.word(l[0], l[1]);
    }
    this.end(rows, row, last + 1);
  }

  hashStored(store: ColumnStore, row: number, rows: RowHashes): void {
    const last = lastStoredColumn(store, row);
    if (last < 1) return;
    this.row.reset();
    for (let c = 1; c <= last; c++) {
      const kind = store.kindAt(row, c);
      const raw = store.rawAt(row, c);
      // the number a Number or Date cell's text is made of (-1: another kind)
      const n = kind === CellKind.Number ? raw : kind === CellKind.Date ? dateSerial(raw) : -1;
      if (kind === CellKind.Shared || kind === CellKind.Text || kind === CellKind.Error) {
        this.keptWord(this.storeLanes[kind === CellKind.Shared ? 0 : 1], raw, store, kind, raw);
      } else if (isSmall(n)) {
        // a whole number (an account, a date's serial): its cell hash kept by value
        this.keptWord(this.smallLanes, n, store, kind, raw);
      } else {
        this.cellOf(this.cells.stored(store, kind, raw));
        this.row.word(this.cell.a, this.cell.b);
      }
    }
    this.end(rows, row, last);
  }

  /** The row takes the cell hash kept at `i` of `kept`, made from the stored cell the first time. */
  private keptWord(kept: IndexedLanes, i: number, store: ColumnStore, kind: CellKind, raw: number): void {
    if (!kept.has(i)) {
      this.cellOf(this.cells.stored(store, kind, raw));
      kept.set(i, this.cell.a, this.cell.b);
    }
    this.row.word(kept.a[i], kept.b[i]);
  }

  /** A cell's hash into `this.cell`. */
  private cellOf(piece: string): void {
    this.cell.reset();
    this.cell.text(piece);
    this.cell.finish();
  }

  private end(rows: RowHashes, row: number, cells: number): void {
    this.row.word(cells, cells);
    this.row.finish();
    rows.setWords(row, this.row.a, this.row.b);
  }
}

/** Whole numbers below this have their JSON kept (date serials until 2173, most account numbers). */
const SMALL_NUMBERS = 100_000;

/** Whether a number is one whose JSON `CellJson` keeps (a whole number from 0 below SMALL_NUMBERS). */
const isSmall = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < SMALL_NUMBERS;

/** Whether a cell's canonical text is "" (it is left off the end of a row). */
function emptyCanon(v: CellValue): boolean {
  return v === null || v === "" || (isCellError(v) && v.error === "");
}

/** Row hashes a host made beforehand for a column store (in a worker thread while the check ran), by store. */
const madeBefore = new WeakMap<ColumnStore, RowHashes>();

/** Hand takeSnapshot the current version's row hashes of `store`, made elsewhere with `hashStoreRows`. */
export function useRowHashesOf(store: ColumnStore, rows: RowHashes): void {
  madeBefore.set(store, rows);
}

/** The row hashes handed over for `store`, if any (for tests and the benchmark). */
export function rowHashesOf(store: ColumnStore): RowHashes | undefined {
  return madeBefore.get(store);
}

/** The current version's hashes of every row of a column store: what takeSnapshot keeps for its sheet. */
export function hashStoreRows(store: ColumnStore): RowHashes {
  const rows = new RowHashes(store.lastRow);
  const hasher = new Lanes64RowHasher();
  for (let row = 1; row <= store.lastRow; row++) hasher.hashStored(store, row, rows);
  return rows;
}

/**
 * Per input sheet, per non-empty row number, a hash of the row's values, made as `version` says (the current
 * one unless a stored snapshot of the first version is to be compared with); the version is kept in the
 * snapshot under `ROW_HASH_KEY`.
 */
export function takeSnapshot(grids: WorkbookGrids, version: RowHashVersion = ROW_HASH_VERSION): Snapshot {
  const snap: Snapshot = new Map();
  const hasher: RowHasher = version === 1 ? new Sha256RowHasher() : new Lanes64RowHasher();
  for (const name of Object.values(SHEETS)) {
    const g = findSheet(grids, name);
    if (!g) continue;
    const made = g.store instanceof ColumnStore && version === ROW_HASH_VERSION ? madeBefore.get(g.store) : undefined;
    if (made) {
      snap.set(name, made);
      continue;
    }
    const rows = new RowHashes(lastRow(g));
    // every row, whether the host kept the sheet as row arrays or in a column store (a whole ledger export)
    const store = g.store;
    if (store instanceof ColumnStore) {
      for (let row = 1; row <= store.lastRow; row++) hasher.hashStored(store, row, rows);
    } else {
      forEachRow(g, (r, row) => hasher.hashRow(r, rows, row));
    }
    snap.set(name, rows);
  }
  if (version !== 1) snap.set(ROW_HASH_KEY, new Map([[1, String(version)]]));
  return snap;
}

/** Length of a row hash in the snapshot (hex characters). */
const HASH_LENGTH = 16;
/** Hashes of consecutive rows kept in one cell: 16,000 characters, well under Excel's 32,767 per cell. */
const HASHES_PER_CELL = 1000;

/**
 * The snapshot as rows of its sheet: [input sheet, first row, the hashes of that row and of the rows right
 * below it, concatenated]. One row per run of up to 1,000 consecutive input rows, not one per input row:
 * a ledger of 100,000 rows takes 100 rows of 3 cells instead of 100,000 (writing those 300,000 cells took
 * longer, and more memory, than the rest of the report).
 */
export function snapshotRows(s: Snapshot): (string | number)[][] {
  const out: (string | number)[][] = [];
  eachSnapshotRow(s, (r) => out.push(r as (string | number)[]));
  return out;
}

/**
 * The same rows one at a time, none kept (the snapshot of a whole ledger export is 17 MB of text); with
 * `ascii`, a run of hashes comes as a HexRun, which the file writer turns into bytes without a text.
 */
export function eachSnapshotRow(s: Snapshot, out: (row: (string | number | HexRun)[]) => void, opts: { ascii?: boolean } = {}): void {
  for (const [sheet, rows] of s) {
    let first = 0;
    let next = -1;
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) out([sheet, first, run.join("")]);
      run = [];
    };
    const add = (row: number, hash: string) => {
      if (hash.length !== HASH_LENGTH) {
        flush();
        out([sheet, row, hash]);
        next = -1;
        return;
      }
      if (row !== next || run.length === HASHES_PER_CELL) {
        flush();
        first = row;
      }
      run.push(hash);
      next = row + 1;
    };
    if (rows instanceof RowHashes) {
      // runs of consecutive rows straight from the bytes (a whole ledger export: a million rows)
      let i = 0;
      while (i < rows.size) {
        if (!rows.isHexAt(i)) {
          add(rows.rowAt(i), rows.textAt(i));
          i++;
          continue;
        }
        flush();
        next = -1;
        let j = i + 1;
        while (j < rows.size && j - i < HASHES_PER_CELL && rows.rowAt(j) === rows.rowAt(j - 1) + 1 && rows.isHexAt(j)) j++;
        out([sheet, rows.rowAt(i), opts.ascii ? new HexRun(rows, i, j) : rows.hexRun(i, j) as string]);
        i = j;
      }
    } else for (const [row, hash] of rows) add(row, hash);
    flush();
  }
}

/**
 * Snapshots read, by the rows they were read from: a build reads the stored one three times (the check's
 * integrity findings, the plan's records and Controle), and a whole ledger export's is a million rows.
 * Read-only: every use makes new Maps (withValues, withLogHead) instead of changing it.
 */
const readBefore = new WeakMap<object, Snapshot>();

export function readSnapshot(grids: WorkbookGrids): Snapshot | null {
  const rows = recordRows(grids, SNAPSHOT_SHEET)?.rows;
  if (!rows) return null;
  const known = readBefore.get(rows);
  if (known) return known;
  const snap: Snapshot = new Map();
  for (const r of rows) {
    const [sheet, row, hash] = [text(r[0]), Number(r[1]), text(r[2])];
    if (!sheet || !Number.isInteger(row) || !hash) continue;
    // an input sheet's rows compactly, like takeSnapshot's; keys that start with '#' are small Maps
    const m = (snap.get(sheet) as RowHashes | Map<number, string> | undefined) ?? (sheet.startsWith("#") ? new Map<number, string>() : new RowHashes());
    // a run of consecutive rows (snapshotRows), or one row per sheet row as the first version wrote them;
    // keys that start with '#' are not input sheets but the log head (withLogHead)
    if (!sheet.startsWith("#") && hash.length > HASH_LENGTH && hash.length % HASH_LENGTH === 0) {
      // a whole ledger export's snapshot is a thousand such runs of a thousand rows: read without a text per row
      if (m instanceof RowHashes) m.setRun(row, hash);
      else for (let i = 0; i < hash.length / HASH_LENGTH; i++) m.set(row + i, hash.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH));
    } else m.set(row, hash);
    snap.set(sheet, m);
  }
  readBefore.set(rows, snap);
  return snap;
}

export interface SheetChanges {
  sheet: string;
  added: number[];
  removed: number[];
  changed: number[];
}

/** Rows added, removed or changed per input sheet, by row number. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot): SheetChanges[] {
  const out: SheetChanges[] = [];
  const sheets = new Set([...(before?.keys() ?? []), ...after.keys()]);
  for (const sheet of sheets) {
    if (sheet.startsWith("#")) continue;
    const a = before?.get(sheet) ?? new Map<number, string>();
    const b = after.get(sheet) ?? new Map<number, string>();
    const c: SheetChanges = { sheet, added: [], removed: [], changed: [] };
    if (a instanceof RowHashes && b instanceof RowHashes) {
      // compared as bytes, without a text per row
      for (let i = 0; i < b.size; i++) {
        const row = b.rowAt(i);
        if (!a.has(row)) c.added.push(row);
        else if (!b.sameAs(row, a)) c.changed.push(row);
      }
    } else if (b instanceof RowHashes) {
      // (a first build: every row is added) a row's text only when there is one to compare with
      for (let i = 0; i < b.size; i++) {
        const row = b.rowAt(i);
        if (!a.has(row)) c.added.push(row);
        else if (a.get(row) !== b.textAt(i)) c.changed.push(row);
      }
    } else {
      for (const [row, h] of b) {
        if (!a.has(row)) c.added.push(row);
        else if (a.get(row) !== h) c.changed.push(row);
      }
    }
    for (const row of a.keys()) if (!b.has(row)) c.removed.push(row);
    if (c.added.length + c.removed.length + c.changed.length > 0) out.push(c);
  }
  return out;
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 8).join(", ");
  return rows.length > 8 ? `${shown}, … (${rows.length})` : shown;
}

export function describeChanges(before: Snapshot | null, changes: SheetChanges[]): string {
  if (before === null) return "eerste vastlegging van de invoer";
  if (changes.length === 0) return "geen wijzigingen in de invoer sinds de vorige rapportage";
  return changes.map((c) => {
    const parts = [];
    if (c.added.length) parts.push(`${c.added.length} toegevoegd (rij ${rowList(c.added)})`);
    if (c.removed.length) parts.push(`${c.removed.length} verwijderd (rij ${rowList(c.removed)})`);
    if (c.changed.length) parts.push(`${c.changed.length} gewijzigd (rij ${rowList(c.changed)})`);
    return `${c.sheet}: ${parts.join(", ")}`;
  }).join("; ");
}
