/**
 * What the add-in keeps in the workbook between builds, host-neutral: the sign-off record, the snapshot
 * of the input rows at the last build (to list what changed), and the audit log's rows. Hosts store them
 * in sheets (the sign-off and snapshot very hidden, the log hidden) and hand them back as grids.
 */
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { Results } from "../domain/compute";
import { SHEETS } from "../domain/glossary";
import { isCellError, type CellValue, type Problem, type WorkbookGrids } from "./grid";
import { findSheet } from "./table";

export const SIGNOFF_SHEET = "_dvo_ondertekening";
export const SNAPSHOT_SHEET = "_dvo_momentopname";
export const LOG_SHEET = "Logboek";

export const STATUSES = ["Concept", "Ter ondertekening", "Ondertekend"] as const;
export type Status = (typeof STATUSES)[number];

export interface SignOff {
  status: Status;
  regisseur: string;
  accounthouder: string;
  /** date of signing, d-m-jjjj */
  date: string;
  /** the addendum fingerprint the status applies to */
  fingerprint: string;
  /** ISO timestamp of the last change of status */
  recordedAt: string;
}

const KEYS: Record<keyof SignOff, string> = {
  status: "status",
  regisseur: "regisseur",
  accounthouder: "accounthouder",
  date: "datum ondertekening",
  fingerprint: "vingerafdruk",
  recordedAt: "vastgelegd",
};

const text = (v: CellValue | undefined): string => (v === null || v === undefined || isCellError(v) ? "" : v instanceof Date ? v.toISOString() : String(v).trim());

export function readSignOff(grids: WorkbookGrids): SignOff | null {
  const rows = grids.meta?.[SIGNOFF_SHEET];
  if (!rows) return null;
  const map = new Map(rows.map((r) => [text(r[0]).toLowerCase(), text(r[1])]));
  const status = STATUSES.find((s) => s.toLowerCase() === (map.get(KEYS.status) ?? "").toLowerCase());
  if (!status) return null;
  return {
    status,
    regisseur: map.get(KEYS.regisseur) ?? "",
    accounthouder: map.get(KEYS.accounthouder) ?? "",
    date: map.get(KEYS.date) ?? "",
    fingerprint: map.get(KEYS.fingerprint) ?? "",
    recordedAt: map.get(KEYS.recordedAt) ?? "",
  };
}

export function signOffRows(s: SignOff): string[][] {
  return (Object.keys(KEYS) as (keyof SignOff)[]).map((k) => [KEYS[k], s[k]]);
}

/** True when the inputs changed after the addendum was signed (or submitted for signing). */
export function changedSinceSigning(s: SignOff | null, fingerprint: string): boolean {
  return s !== null && s.status !== "Concept" && s.fingerprint !== "" && s.fingerprint !== fingerprint;
}

export function signOffProblems(s: SignOff | null, fingerprint: string, addendumSheet: string): Problem[] {
  if (!changedSinceSigning(s, fingerprint) || !s) return [];
  const what = s.status === "Ondertekend" ? `ondertekend door ${s.regisseur || "de regisseur"} op ${s.date || "?"}` : "ter ondertekening aangeboden";
  return [{
    severity: "waarschuwing",
    sheet: addendumSheet,
    cell: "A1",
    message: `Gewijzigd na ondertekening: het addendum is ${what}, maar de instellingen, de gebruikte salaristabel of de formatie zijn daarna veranderd (vingerafdruk ${s.fingerprint.slice(0, 12)} → ${fingerprint.slice(0, 12)}). Zet de wijziging terug, of heropen het addendum met een reden en laat het opnieuw ondertekenen.`,
  }];
}

// ---- snapshot of input rows, for the audit log ----

export type Snapshot = Map<string, Map<number, string>>;

function rowHash(values: CellValue[]): string {
  const canon = values.map((v) => (v === null ? "" : isCellError(v) ? v.error : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? String(Number(v.toPrecision(15))) : String(v)));
  while (canon.length > 0 && canon[canon.length - 1] === "") canon.pop();
  return canon.length === 0 ? "" : bytesToHex(sha256(utf8ToBytes(JSON.stringify(canon)))).slice(0, 16);
}

/** Per input sheet, per non-empty row number, a hash of the row's values. */
export function takeSnapshot(grids: WorkbookGrids): Snapshot {
  const snap: Snapshot = new Map();
  for (const name of Object.values(SHEETS)) {
    const g = findSheet(grids, name);
    if (!g) continue;
    const rows = new Map<number, string>();
    const first = g.origin?.row ?? 1;
    g.rows.forEach((r, i) => {
      const h = rowHash(r);
      if (h) rows.set(first + i, h);
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
  const rows = grids.meta?.[SNAPSHOT_SHEET];
  if (!rows) return null;
  const snap: Snapshot = new Map();
  for (const r of rows) {
    const [sheet, row, hash] = [text(r[0]), Number(r[1]), text(r[2])];
    if (!sheet || !Number.isInteger(row) || !hash) continue;
    const m = snap.get(sheet) ?? new Map<number, string>();
    // a run of consecutive rows (snapshotRows), or one row per sheet row as the first version wrote them
    if (hash.length > HASH_LENGTH && hash.length % HASH_LENGTH === 0) {
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

// ---- the audit log ----

export const LOG_HEADERS = ["Tijdstip", "Actie", "Naam", "Vingerafdruk", "Rapportagemaand", "Plafond formatieve kosten", "Totaal budget P&C", "Ruimte onder plafond", "Meerkosten opdrachtgever", "Wijzigingen / toelichting"];

export interface LogEntry {
  at: string;
  action: "Rapportage" | "Ter ondertekening" | "Ondertekend" | "Heropend";
  name: string;
  fingerprint: string;
  reportMonth: number | "";
  ceiling: number | "";
  totalBudget: number | "";
  room: number | "";
  extra: number | "";
  note: string;
}

export function logRow(e: LogEntry): (string | number)[] {
  return [e.at, e.action, e.name, e.fingerprint, e.reportMonth, e.ceiling, e.totalBudget, e.room, e.extra, e.note];
}

// ---- status changes ----

export type SignAction =
  | { kind: "submit"; accounthouder: string }
  | { kind: "sign"; regisseur: string; accounthouder: string }
  | { kind: "reopen"; by: string; reason: string };

function dutchDay(d: Date): string {
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

/**
 * The new sign-off record after an explicit action, or a Dutch sentence saying why it cannot be done.
 * Reopening is the only way back to Concept, and it needs a name and a reason.
 */
export function applySignAction(current: SignOff | null, action: SignAction, fingerprint: string, now: Date): { ok: true; signOff: SignOff; note: string } | { ok: false; message: string } {
  const at = now.toISOString();
  switch (action.kind) {
    case "submit":
      if (!action.accounthouder.trim()) return { ok: false, message: "Vul de naam van de accounthouder in." };
      if (current?.status === "Ondertekend") return { ok: false, message: "Het addendum is al ondertekend: heropen het eerst (met een reden) als het opnieuw moet worden ondertekend." };
      return { ok: true, signOff: { status: "Ter ondertekening", regisseur: "", accounthouder: action.accounthouder.trim(), date: "", fingerprint, recordedAt: at }, note: "ter ondertekening aangeboden aan de regisseur" };
    case "sign":
      if (!action.regisseur.trim() || !action.accounthouder.trim()) return { ok: false, message: "Vul de naam van de regisseur en van de accounthouder in." };
      if (current?.status === "Ondertekend") return { ok: false, message: "Het addendum is al ondertekend: heropen het eerst (met een reden) als het opnieuw moet worden ondertekend." };
      if (current?.status === "Ter ondertekening" && current.fingerprint !== fingerprint) {
        return { ok: false, message: "De invoer is veranderd sinds het addendum ter ondertekening is aangeboden: bied het opnieuw aan of heropen het." };
      }
      return { ok: true, signOff: { status: "Ondertekend", regisseur: action.regisseur.trim(), accounthouder: action.accounthouder.trim(), date: dutchDay(now), fingerprint, recordedAt: at }, note: `ondertekend door ${action.regisseur.trim()} (regisseur) en ${action.accounthouder.trim()} (accounthouder)` };
    case "reopen":
      if (!current || current.status === "Concept") return { ok: false, message: "Het addendum is al een concept: er is niets te heropenen." };
      if (!action.by.trim() || !action.reason.trim()) return { ok: false, message: "Heropenen vraagt uw naam en een reden; beide worden in het logboek vastgelegd." };
      return { ok: true, signOff: { status: "Concept", regisseur: "", accounthouder: current.accounthouder, date: "", fingerprint: "", recordedAt: at }, note: `heropend door ${action.by.trim()}: ${action.reason.trim()} (was: ${current.status}${current.date ? ` op ${current.date}` : ""})` };
  }
}

/** What a build keeps in the workbook beside the report; hosts write it (xlsx/records.ts, office/write.ts). */
export interface KeptRecords {
  /** the new sign-off record; undefined leaves the stored one as it is */
  signOff?: SignOff;
  snapshot?: Snapshot;
  log?: LogEntry[];
  /** final name of the sheet to protect (the addendum of a signed workbook) */
  protect?: string;
}

export interface BuildFigures {
  fingerprint: string;
  reportMonth: number;
  ceiling: number;
  totalBudget: number;
  room: number;
  extra: number;
}

/** The figures a log entry records, from the engine's results. */
export function figuresOf(results: Results, reportMonth: number): BuildFigures {
  return {
    fingerprint: results.fingerprint, reportMonth, ceiling: results.ceiling.ceiling, totalBudget: results.ceiling.totalBudget,
    room: results.forecast.roomUnderCeiling, extra: results.forecast.extraCostForClient,
  };
}

/**
 * The sign-off record after an optional explicit action, and what the build keeps: the snapshot of the
 * input rows and the log entries (the action, if any, and the build with what changed since the last one).
 * Hosts add `protect` when they know the addendum sheet's name.
 */
export function recordsForBuild(grids: WorkbookGrids, figures: BuildFigures, now: Date, action?: SignAction):
  { ok: true; signOff: SignOff | null; records: KeptRecords } | { ok: false; message: string } {
  const stored = readSignOff(grids);
  let signOff = stored;
  const log: LogEntry[] = [];
  const at = now.toISOString();
  if (action) {
    const changed = applySignAction(stored, action, figures.fingerprint, now);
    if (!changed.ok) return changed;
    signOff = changed.signOff;
    const name = action.kind === "reopen" ? action.by : action.kind === "sign" ? action.regisseur : action.accounthouder;
    const kind = ({ submit: "Ter ondertekening", sign: "Ondertekend", reopen: "Heropend" } as const)[action.kind];
    log.push({ at, action: kind, name, ...figures, note: changed.note });
  }
  const snapshot = takeSnapshot(grids);
  const before = readSnapshot(grids);
  log.push({ at, action: "Rapportage", name: "", ...figures, note: describeChanges(before, diffSnapshots(before, snapshot)) });
  return { ok: true, signOff, records: { signOff: action ? signOff ?? undefined : undefined, snapshot, log } };
}
