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
import { RowHashes } from "./row-hashes";

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
 * Row hashes: per row, the first 16 hex digits of the SHA-256 of the JSON array of its cells' canonical
 * texts, without the trailing empty ones. A date counts as its serial number, as the Office.js host reads
 * it, so that a snapshot taken by one host and compared by the other sees the same rows. The JSON is
 * written out by hand, with each distinct text quoted once (a whole ledger export hashes a million rows
 * that repeat the same few thousand texts).
 */
class RowHasher {
  private readonly quoted = new Map<string, string>();
  /** JSON of a column store's texts by kind and index, and of small whole numbers (accounts, date serials) */
  private readonly storeQuoted: [string[], string[]] = [[], []];
  private readonly smallNumbers: string[] = [];

  /** The row's hash, "" for a row whose cells are all empty. */
  hash(values: readonly CellValue[]): string {
    let last = values.length - 1;
    while (last >= 0 && emptyCanon(values[last])) last--;
    if (last < 0) return "";
    let json = "[";
    for (let i = 0; i <= last; i++) {
      if (i > 0) json += ",";
      json += this.json(values[i]);
    }
    return sha256Hex(json + "]").slice(0, 16);
  }

  /** The same for row `row` of a column store, from the numbers it keeps (no value made per cell). */
  hashStored(store: ColumnStore, row: number): string {
    let last = store.lastCol;
    for (; last >= 1; last--) {
      const kind = store.kindAt(row, last);
      if (kind === CellKind.Empty) continue;
      if (kind !== CellKind.Shared && kind !== CellKind.Text && kind !== CellKind.Error) break;
      if (store.textOf(kind, store.rawAt(row, last)) !== "") break;
    }
    if (last < 1) return "";
    let json = "[";
    for (let c = 1; c <= last; c++) {
      if (c > 1) json += ",";
      const kind = store.kindAt(row, c);
      const raw = store.rawAt(row, c);
      switch (kind) {
        case CellKind.Number: json += this.number(raw); break;
        // a Date's time value is clipped as new Date(raw) would (ECMA-262 TimeClip)
        case CellKind.Date: json += this.number(Math.abs(raw) > 8.64e15 ? NaN : (Math.trunc(raw) - DAY_0) / 86_400_000); break;
        case CellKind.Shared: case CellKind.Text: case CellKind.Error: {
          const cache = this.storeQuoted[kind === CellKind.Shared ? 0 : 1];
          json += cache[raw] ?? (cache[raw] = JSON.stringify(store.textOf(kind, raw)));
          break;
        }
        case CellKind.True: json += '"true"'; break;
        case CellKind.False: json += '"false"'; break;
        default: json += '""';
      }
    }
    return sha256Hex(json + "]").slice(0, 16);
  }

  /** A cell's canonical text as a JSON string; numbers and dates as their digits in quotes. */
  private json(v: CellValue): string {
    if (v === null) return '""';
    if (typeof v === "number") return this.number(v);
    if (v instanceof Date) return this.number((v.getTime() - DAY_0) / 86_400_000);
    return this.quote(typeof v === "string" ? v : isCellError(v) ? v.error : String(v));
  }

  /** A number's canonical digits in quotes (a ledger repeats its accounts and dates: small whole numbers are kept). */
  private number(n: number): string {
    if (!Number.isInteger(n) || n < 0 || n >= SMALL_NUMBERS) return `"${canonNumber(n)}"`;
    return this.smallNumbers[n] ?? (this.smallNumbers[n] = `"${canonNumber(n)}"`);
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

/** Whole numbers below this have their JSON kept (date serials until 2173, most account numbers). */
const SMALL_NUMBERS = 100_000;

/** Whether a cell's canonical text is "" (it is left off the end of a row). */
function emptyCanon(v: CellValue): boolean {
  return v === null || v === "" || (isCellError(v) && v.error === "");
}

/** Per input sheet, per non-empty row number, a hash of the row's values. */
export function takeSnapshot(grids: WorkbookGrids): Snapshot {
  const snap: Snapshot = new Map();
  const hasher = new RowHasher();
  for (const name of Object.values(SHEETS)) {
    const g = findSheet(grids, name);
    if (!g) continue;
    const rows = new RowHashes(lastRow(g));
    // every row, whether the host kept the sheet as row arrays or in a column store (a whole ledger export)
    const store = g.store;
    if (store instanceof ColumnStore) {
      for (let row = 1; row <= store.lastRow; row++) {
        const h = hasher.hashStored(store, row);
        if (h) rows.set(row, h);
      }
    } else {
      forEachRow(g, (r, row) => {
        const h = hasher.hash(r);
        if (h) rows.set(row, h);
      });
    }
    snap.set(name, rows);
  }
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
  eachSnapshotRow(s, (r) => out.push(r));
  return out;
}

/** The same rows one at a time, none kept (the snapshot of a whole ledger export is 17 MB of text). */
export function eachSnapshotRow(s: Snapshot, out: (row: (string | number)[]) => void): void {
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
    if (rows instanceof RowHashes) for (let i = 0; i < rows.size; i++) add(rows.rowAt(i), rows.textAt(i));
    else for (const [row, hash] of rows) add(row, hash);
    flush();
  }
}

export function readSnapshot(grids: WorkbookGrids): Snapshot | null {
  const rows = recordRows(grids, SNAPSHOT_SHEET)?.rows;
  if (!rows) return null;
  const snap: Snapshot = new Map();
  for (const r of rows) {
    const [sheet, row, hash] = [text(r[0]), Number(r[1]), text(r[2])];
    if (!sheet || !Number.isInteger(row) || !hash) continue;
    // an input sheet's rows compactly, like takeSnapshot's; keys that start with '#' are small Maps
    const m = (snap.get(sheet) as RowHashes | Map<number, string> | undefined) ?? (sheet.startsWith("#") ? new Map<number, string>() : new RowHashes());
    // a run of consecutive rows (snapshotRows), or one row per sheet row as the first version wrote them;
    // keys that start with '#' are not input sheets but the log head (withLogHead)
    if (!sheet.startsWith("#") && hash.length > HASH_LENGTH && hash.length % HASH_LENGTH === 0) {
      for (let i = 0; i < hash.length / HASH_LENGTH; i++) m.set(row + i, hash.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH));
    } else m.set(row, hash);
    snap.set(sheet, m);
  }
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
