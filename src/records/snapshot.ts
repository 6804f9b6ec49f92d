/**
 * The snapshot (`_dvo_momentopname`, very hidden): per input sheet, a hash per non-empty row, so the next
 * build can say which rows were added, removed or changed. The Logboek head is kept in it too (records/log.ts).
 */
import { SHEETS } from "../domain/glossary";
import { sha256Hex } from "../domain/hash";
import { forEachRow, isCellError, type CellValue, type WorkbookGrids } from "../input/grid";
import { findSheet } from "../input/table";
import { text } from "./cells";
import { recordRows, SNAPSHOT_SHEET } from "./ownership";

export type Snapshot = Map<string, Map<number, string>>;

/** Days from Excel's day 0 (1899-12-30) to a date: the serial Office.js reads for a date cell. */
const serialOf = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
/** A number to 15 significant digits, as Excel keeps it; the shortest form already is that when it is short. */
const canonNumber = (n: number): string => {
  const s = String(n);
  return s.length <= 15 && !s.includes("e") ? s : String(Number(n.toPrecision(15)));
};

/**
 * A row's hash. A date counts as its serial number, as the Office.js host reads it, so that a snapshot
 * taken by one host and compared by the other sees the same rows.
 */
function rowHash(values: readonly CellValue[]): string {
  // JSON.stringify of the canonical texts, without the trailing empty ones, written out by hand (a whole
  // ledger export hashes a million rows)
  let last = values.length - 1;
  while (last >= 0 && canonCell(values[last]) === "") last--;
  if (last < 0) return "";
  let json = "[";
  for (let i = 0; i <= last; i++) {
    const v = values[i];
    const c = canonCell(v);
    json += (i === 0 ? "" : ",") + (typeof v === "number" || v instanceof Date ? `"${c}"` : JSON.stringify(c));
  }
  return sha256Hex(json + "]").slice(0, 16);
}

function canonCell(v: CellValue): string {
  return v === null ? "" : isCellError(v) ? v.error : v instanceof Date ? canonNumber(serialOf(v)) : typeof v === "number" ? canonNumber(v) : String(v);
}

/** Per input sheet, per non-empty row number, a hash of the row's values. */
export function takeSnapshot(grids: WorkbookGrids): Snapshot {
  const snap: Snapshot = new Map();
  for (const name of Object.values(SHEETS)) {
    const g = findSheet(grids, name);
    if (!g) continue;
    const rows = new Map<number, string>();
    // every row, whether the host kept the sheet as row arrays or in a column store (a whole ledger export)
    forEachRow(g, (r, row) => {
      const h = rowHash(r);
      if (h) rows.set(row, h);
    });
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
  for (const [sheet, rows] of s) {
    let first = 0;
    let next = -1;
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) out.push([sheet, first, run.join("")]);
      run = [];
    };
    for (const [row, hash] of rows) {
      if (hash.length !== HASH_LENGTH) {
        flush();
        out.push([sheet, row, hash]);
        next = -1;
        continue;
      }
      if (row !== next || run.length === HASHES_PER_CELL) {
        flush();
        first = row;
      }
      run.push(hash);
      next = row + 1;
    }
    flush();
  }
  return out;
}

export function readSnapshot(grids: WorkbookGrids): Snapshot | null {
  const rows = recordRows(grids, SNAPSHOT_SHEET)?.rows;
  if (!rows) return null;
  const snap: Snapshot = new Map();
  for (const r of rows) {
    const [sheet, row, hash] = [text(r[0]), Number(r[1]), text(r[2])];
    if (!sheet || !Number.isInteger(row) || !hash) continue;
    const m = snap.get(sheet) ?? new Map<number, string>();
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
    for (const [row, h] of b) {
      if (!a.has(row)) c.added.push(row);
      else if (a.get(row) !== h) c.changed.push(row);
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
