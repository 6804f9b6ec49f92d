/**
 * What the add-in keeps in the workbook between builds, host-neutral: the sign-off record, the snapshot
 * of the input rows at the last build (to list what changed), and the audit log's rows. Hosts store them
 * in sheets (the sign-off and snapshot very hidden, the log hidden) and hand them back as grids.
 */
import { sha256Hex } from "../domain/hash";
import { amsterdamDay, amsterdamTime } from "../domain/dates";
import type { Results } from "../domain/compute";
import { SHEETS } from "../domain/glossary";
import { isCellError, type CellValue, type Problem, type SheetGrid, type WorkbookGrids } from "./grid";
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
  /** hash of the Logboek row that recorded this status (the head of the log chain at that moment) */
  logEntry?: string;
  /** SHA-256 over the fields above: shows an edit of the record outside the add-in */
  seal?: string;
}

const KEYS: Record<keyof SignOff, string> = {
  status: "status",
  regisseur: "regisseur",
  accounthouder: "accounthouder",
  date: "datum ondertekening",
  fingerprint: "vingerafdruk",
  recordedAt: "vastgelegd",
  logEntry: "logboek",
  seal: "zegel",
};

const hex = (parts: string[]): string => sha256Hex(JSON.stringify(parts));

/** The seal of a sign-off record: a hash over its content and the log row it points at. */
export function sealOf(s: SignOff): string {
  return hex(["dvo-ondertekening/1", s.status, s.regisseur, s.accounthouder, s.date, s.fingerprint, s.recordedAt, s.logEntry ?? ""]);
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined || isCellError(v) ? "" : v instanceof Date ? v.toISOString() : String(v).trim());

/** Rows of one of the add-in's sheets: from `meta` (very hidden, as it should be) or, if someone made it visible or hidden, from `sheets`. */
function recordRows(grids: WorkbookGrids, name: string): { rows: CellValue[][]; name: string; inMeta: boolean } | null {
  const lower = name.toLowerCase();
  const m = Object.entries(grids.meta ?? {}).find(([n]) => n.toLowerCase() === lower);
  if (m) return { rows: m[1], name: m[0], inMeta: true };
  const g = grids.sheets.find((x) => x.name.toLowerCase() === lower);
  return g ? { rows: g.rows, name: g.name, inMeta: false } : null;
}

function signOffFrom(rows: CellValue[][]): SignOff | null {
  const map = new Map(rows.map((r) => [text(r[0]).toLowerCase(), text(r[1])]));
  const status = STATUSES.find((s) => s.toLowerCase() === (map.get(KEYS.status) ?? "").toLowerCase());
  if (!status) return null;
  const s: SignOff = {
    status,
    regisseur: map.get(KEYS.regisseur) ?? "",
    accounthouder: map.get(KEYS.accounthouder) ?? "",
    date: map.get(KEYS.date) ?? "",
    fingerprint: map.get(KEYS.fingerprint) ?? "",
    recordedAt: map.get(KEYS.recordedAt) ?? "",
  };
  const logEntry = map.get(KEYS.logEntry as string);
  const seal = map.get(KEYS.seal as string);
  if (logEntry) s.logEntry = logEntry;
  if (seal) s.seal = seal;
  return s;
}

export function readSignOff(grids: WorkbookGrids): SignOff | null {
  const found = recordRows(grids, SIGNOFF_SHEET);
  return found ? signOffFrom(found.rows) : null;
}

export function signOffRows(s: SignOff): string[][] {
  return (Object.keys(KEYS) as (keyof SignOff)[]).filter((k) => s[k] !== undefined).map((k) => [KEYS[k], s[k] ?? ""]);
}

/** True when the inputs changed after the addendum was signed (or submitted for signing). */
export function changedSinceSigning(s: SignOff | null, fingerprint: string): boolean {
  return s !== null && s.status !== "Concept" && s.fingerprint !== "" && s.fingerprint !== fingerprint;
}

export function signOffProblems(s: SignOff | null, fingerprint: string, addendumSheet: string): Problem[] {
  if (!changedSinceSigning(s, fingerprint) || !s) return [];
  const what = s.status === "Ondertekend" ? `ondertekend door ${s.regisseur || "de regisseur"} op ${s.date || "?"}` : "ter ondertekening aangeboden";
  return [{
    severity: "waarschuwing", code: "changed-after-signing",
    sheet: addendumSheet,
    cell: "A1",
    message: `Gewijzigd na ondertekening: het addendum is ${what}, maar de instellingen, de gebruikte salaristabel of de formatie zijn daarna veranderd (vingerafdruk ${s.fingerprint.slice(0, 12)} → ${fingerprint.slice(0, 12)}). Zet de wijziging terug, of heropen het addendum met een reden en laat het opnieuw ondertekenen.`,
  }];
}

// ---- snapshot of input rows, for the audit log ----

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
function rowHash(values: CellValue[]): string {
  const canon = values.map((v) => (v === null ? "" : isCellError(v) ? v.error : v instanceof Date ? canonNumber(serialOf(v)) : typeof v === "number" ? canonNumber(v) : String(v)));
  while (canon.length > 0 && canon[canon.length - 1] === "") canon.pop();
  return canon.length === 0 ? "" : sha256Hex(JSON.stringify(canon)).slice(0, 16);
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

// ---- the audit log: a hash chain ----

export const LOG_HEADERS = ["Tijdstip", "Actie", "Naam", "Vingerafdruk", "Rapportagemaand", "Plafond formatieve kosten", "Totaal budget P&C", "Ruimte onder plafond", "Meerkosten opdrachtgever", "Wijzigingen / toelichting", "Hash vorige rij", "Hash deze rij"];
/** Number of content columns of a log row (the chain columns follow them). */
const LOG_CONTENT = 10;

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
  /** hash of the row above (chain); set by recordsForBuild */
  prevHash?: string;
  /** hash of this row: over prevHash and the ten content values */
  hash?: string;
}

function logContent(e: LogEntry): (string | number)[] {
  return [e.at, e.action, e.name, e.fingerprint, e.reportMonth, e.ceiling, e.totalBudget, e.room, e.extra, e.note];
}

export function logRow(e: LogEntry): (string | number)[] {
  return [...logContent(e), e.prevHash ?? "", e.hash ?? ""];
}

/** A cell as the chain sees it: what any host reads back from what another host wrote. */
function canon(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return String(v);
}

/** The hash of a log row: over the previous row's hash and the row's ten content cells. */
export function logRowHash(prev: string, content: readonly (CellValue | undefined)[]): string {
  const c: string[] = [];
  for (let i = 0; i < LOG_CONTENT; i++) c.push(canon(content[i]));
  return hex(["dvo-logboek/1", prev, ...c]);
}

/** Link `entries` into the chain after `head` (the hash of the log's last row, "" for an empty log). */
export function chainEntries(entries: LogEntry[], head: string): LogEntry[] {
  let prev = head;
  return entries.map((e) => {
    const hash = logRowHash(prev, logContent(e));
    const linked = { ...e, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}

export interface LogStatusRow {
  row: number;
  action: "Ter ondertekening" | "Ondertekend" | "Heropend";
  at: string;
  name: string;
  hash: string;
  chained: boolean;
}

export interface LogCheck {
  /** sheet rows with content below the header */
  rows: number;
  /** rows that carry chain hashes */
  chained: number;
  /** hash of the last row (stored, or computed for a log without chain columns); "" for an empty log */
  head: string;
  /** every stored row hash → sheet row */
  hashes: Map<string, number>;
  statusRows: LogStatusRow[];
  /** the status the log's status rows lead to */
  status: Status;
  findings: Array<{ row: number; message: string }>;
}

const STATUS_ACTIONS = ["Ter ondertekening", "Ondertekend", "Heropend"] as const;

/** Walk the Logboek grid: recompute the chain, note every row that does not fit, and follow the status. */
export function checkLog(grid: SheetGrid): LogCheck {
  const first = grid.origin?.row ?? 1;
  const header = (grid.rows[0] ?? []).map((v) => canon(v).trim().toLowerCase());
  const col = (name: string, fallback: number) => {
    const i = header.indexOf(name.toLowerCase());
    return i >= 0 ? i : fallback;
  };
  const prevCol = col(LOG_HEADERS[LOG_CONTENT], LOG_CONTENT);
  const hashCol = col(LOG_HEADERS[LOG_CONTENT + 1], LOG_CONTENT + 1);
  const out: LogCheck = { rows: 0, chained: 0, head: "", hashes: new Map(), statusRows: [], status: "Concept", findings: [] };
  let prev = "";
  let prevFlagged = false;
  let chainStarted = false;
  for (let i = 1; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    const row = first + i;
    if (r.every((v) => canon(v).trim() === "")) continue;
    out.rows++;
    const content = r.slice(0, LOG_CONTENT);
    const storedPrev = canon(r[prevCol]).trim().toLowerCase();
    const storedHash = canon(r[hashCol]).trim().toLowerCase();
    const what = `${canon(r[1]) || "rij"}${canon(r[0]) ? ` van ${canon(r[0])}` : ""}`;
    let flagged = false;
    if (storedHash === "") {
      if (chainStarted) {
        out.findings.push({ row, message: `Logboek rij ${row} (${what}) heeft geen hash: de rij is buiten de add-in om ingevoegd of overschreven.` });
        flagged = true;
      }
      prev = logRowHash(prev, content);
    } else {
      // the first chained row may start from "" above older rows: a host that could not read them began the chain
      const genesis = !chainStarted && storedPrev === "";
      chainStarted = true;
      out.chained++;
      if (storedPrev !== prev && !prevFlagged && !genesis) {
        out.findings.push({ row, message: `Logboek rij ${row} (${what}) sluit niet aan op de rij erboven: daar is een rij verwijderd, ingevoegd of gewijzigd.` });
        flagged = true;
      }
      if (logRowHash(storedPrev, content) !== storedHash) {
        out.findings.push({ row, message: `Logboek rij ${row} (${what}) is gewijzigd nadat hij is vastgelegd: de inhoud past niet meer bij zijn hash.` });
        flagged = true;
      }
      out.hashes.set(storedHash, row);
      prev = storedHash;
    }
    prevFlagged = flagged;
    const action = STATUS_ACTIONS.find((a) => a === canon(r[1]).trim());
    if (action) {
      const next: Status = action === "Heropend" ? "Concept" : action;
      const allowed = action === "Heropend" ? out.status !== "Concept" : out.status !== "Ondertekend";
      if (!allowed) {
        out.findings.push({ row, message: action === "Heropend"
          ? `Logboek rij ${row}: 'Heropend' terwijl het addendum volgens het Logboek al een concept was.`
          : `Logboek rij ${row}: '${action}' volgt op een ondertekening zonder 'Heropend' ertussen: de status is buiten heropenen om teruggezet.` });
      }
      out.statusRows.push({ row, action, at: canon(r[0]), name: canon(r[2]), hash: storedHash || prev, chained: storedHash !== "" });
      out.status = next;
    }
  }
  out.head = prev;
  return out;
}

// ---- the log head in the snapshot ----

const HEAD_KEY = "#logboek";
const STATUS_KEY = "#status";

export interface LogHead {
  /** rows in the log after the build */
  rows: number;
  /** hash of its last row */
  hash: string;
  /** sign-off status after the build */
  status: Status;
}

/** The snapshot with the log head of the build added (kept in the snapshot sheet). */
export function withLogHead(snapshot: Snapshot, head: LogHead): Snapshot {
  const s: Snapshot = new Map(snapshot);
  s.set(HEAD_KEY, new Map([[head.rows, head.hash]]));
  s.set(STATUS_KEY, new Map([[0, head.status]]));
  return s;
}

export function logHeadOf(snapshot: Snapshot | null): LogHead | null {
  const h = snapshot?.get(HEAD_KEY);
  if (!h || h.size === 0) return null;
  const [rows, hash] = [...h][0];
  const status = STATUSES.find((x) => x === [...(snapshot?.get(STATUS_KEY)?.values() ?? [])][0]) ?? "Concept";
  return { rows, hash, status };
}

function logGrid(grids: WorkbookGrids): SheetGrid | null {
  return grids.sheets.find((g) => g.name.toLowerCase() === LOG_SHEET.toLowerCase()) ?? null;
}

const VISIBILITY_WORDS = { visible: "zichtbaar gemaakt", hidden: "verborgen in plaats van zeer verborgen (zichtbaar gemaakt en opnieuw verborgen?)" } as const;

/**
 * What the workbook's own records say about themselves: the Logboek chain, its head against the snapshot,
 * the sign-off record against its seal and against the Logboek, and the add-in's sheets still very hidden.
 * Each finding is a Dutch waarschuwing naming what was found. A workbook without chain columns (written
 * by an earlier version) reads as "no chain yet": only the checks that need no chain apply.
 */
export function integrityProblems(grids: WorkbookGrids, addendumSheet: string): Problem[] {
  const problems: Problem[] = [];
  const warn = (sheet: string, cell: string, message: string) => problems.push({ severity: "waarschuwing", code: "records-integrity", sheet, cell, message });
  const grid = logGrid(grids);
  const log = grid ? checkLog(grid) : null;
  const snapshot = readSnapshot(grids);
  const head = logHeadOf(snapshot);
  const signOffFound = recordRows(grids, SIGNOFF_SHEET);
  const signOff = signOffFound ? signOffFrom(signOffFound.rows) : null;

  // the add-in's sheets stay very hidden
  for (const name of [SIGNOFF_SHEET, SNAPSHOT_SHEET]) {
    const found = recordRows(grids, name);
    if (!found) continue;
    const state = grids.visibility?.[found.name] ?? (found.inMeta ? "veryHidden" : "visible");
    if (state !== "veryHidden") {
      warn(addendumSheet, "A1", `Het blad '${found.name}' van de add-in is ${VISIBILITY_WORDS[state]}: het hoort zeer verborgen te zijn. ${name === SIGNOFF_SHEET ? "De ondertekening" : "De momentopname"} kan daarna met de hand zijn gewijzigd; controleer de invoer met de vingerafdruk op het getekende document (check --pdf).`);
    }
  }

  // the chain itself
  if (log) for (const f of log.findings) warn(LOG_SHEET, `A${f.row}`, f.message);

  // the head kept in the snapshot at the last build
  if (head) {
    if (!grid) {
      // only a host that lists every sheet (visibility) can say the Logboek is gone, not merely unread
      if (grids.visibility && !Object.keys(grids.visibility).some((n) => n.toLowerCase() === LOG_SHEET.toLowerCase())) warn(LOG_SHEET, "A1", `Het Logboek is verwijderd: bij de laatste rapportage had het ${head.rows} ${head.rows === 1 ? "rij" : "rijen"}.`);
    } else if (log && log.findings.length === 0 && head.hash !== log.head) {
      const at = log.hashes.get(head.hash);
      if (at !== undefined) {
        warn(LOG_SHEET, `A${at + 1}`, `Onder rij ${at} van het Logboek zijn na de laatste rapportage rijen toegevoegd buiten de add-in om.`);
      } else {
        warn(LOG_SHEET, "A1", `Het Logboek eindigt niet meer waar het bij de laatste rapportage eindigde (toen ${head.rows} ${head.rows === 1 ? "rij" : "rijen"}, nu ${log.rows}): de laatste rij of rijen zijn verwijderd of gewijzigd.`);
      }
    }
  } else if (snapshot && log && log.chained > 0) {
    // a snapshot without a head while the log has a chain: the snapshot was written over by hand
    warn(LOG_SHEET, "A1", `De momentopname van de add-in ('${SNAPSHOT_SHEET}') bevat het eind van het Logboek niet meer: het blad is buiten de add-in om gewijzigd.`);
  } else if (!snapshot && log && log.chained > 0) {
    warn(LOG_SHEET, "A1", `Het blad '${SNAPSHOT_SHEET}' van de add-in ontbreekt: het is verwijderd.`);
  }

  // the sign-off record: its seal, and its status against the Logboek
  const lastStatus = log?.statusRows[log.statusRows.length - 1];
  const logStatus: Status | null = log && log.statusRows.length > 0 ? log.status : null;
  if (signOff) {
    if (signOff.seal !== undefined && signOff.seal !== sealOf(signOff)) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad ('${SIGNOFF_SHEET}') is buiten de add-in om gewijzigd: de inhoud past niet meer bij het zegel (status nu '${signOff.status}'${signOff.regisseur ? `, regisseur ${signOff.regisseur}` : ""}).`);
    } else if (signOff.seal === undefined && lastStatus?.chained) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad ('${SIGNOFF_SHEET}') heeft geen zegel, terwijl de laatste statuswijziging in het Logboek (rij ${lastStatus.row}) er een gaf: het blad is buiten de add-in om gewijzigd.`);
    }
    if (logStatus !== null && lastStatus && logStatus !== signOff.status) {
      warn(addendumSheet, "A1", `De status in het ondertekeningsblad is '${signOff.status}', maar volgens het Logboek is het addendum '${logStatus}' (rij ${lastStatus.row}, ${lastStatus.at}${lastStatus.name ? `, ${lastStatus.name}` : ""})${logStatus === "Ondertekend" ? " en daarna niet heropend" : ""}: de status is buiten ${signOff.status === "Concept" ? "'heropenen'" : "de add-in"} om veranderd.`);
    } else if (signOff.logEntry && log && !log.hashes.has(signOff.logEntry)) {
      warn(addendumSheet, "A1", `De Logboekrij van deze ondertekening ('${signOff.status}', ${signOff.recordedAt}) staat niet meer in het Logboek: die rij is verwijderd of gewijzigd.`);
    } else if (signOff.logEntry && lastStatus?.chained && lastStatus.hash !== signOff.logEntry) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad verwijst niet naar de laatste statuswijziging in het Logboek (rij ${lastStatus.row}): het blad is buiten de add-in om vervangen.`);
    }
  } else {
    const was: Status | null = logStatus && logStatus !== "Concept" ? logStatus : !grid && head && head.status !== "Concept" ? head.status : null;
    if (was) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad ('${SIGNOFF_SHEET}') ontbreekt, maar ${grid && lastStatus ? `volgens het Logboek (rij ${lastStatus.row}, ${lastStatus.at})` : "volgens de momentopname van de laatste rapportage"} is het addendum '${was}': het blad is verwijderd.`);
    }
  }
  return problems;
}

// ---- status changes ----

export type SignAction =
  | { kind: "submit"; accounthouder: string }
  | { kind: "sign"; regisseur: string; accounthouder: string }
  | { kind: "reopen"; by: string; reason: string };

function dutchDay(d: Date): string {
  return amsterdamDay(d);
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

/** What a build keeps in the workbook beside the report; hosts write it (xlsx/write.ts, office/write.ts). */
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
  const entries: LogEntry[] = [];
  // the Logboek shows Dutch local time, to the second
  const at = amsterdamTime(now, true);
  const grid = logGrid(grids);
  const log = grid ? checkLog(grid) : null;
  // a host that does not hand over the Logboek's rows still continues the chain, from the head kept at the last build
  const kept = log ? null : logHeadOf(readSnapshot(grids));
  let logHead = log?.head ?? kept?.hash ?? "";
  let rows = log?.rows ?? kept?.rows ?? 0;
  if (action) {
    const changed = applySignAction(stored, action, figures.fingerprint, now);
    if (!changed.ok) return changed;
    const name = action.kind === "reopen" ? action.by : action.kind === "sign" ? action.regisseur : action.accounthouder;
    const kind = ({ submit: "Ter ondertekening", sign: "Ondertekend", reopen: "Heropend" } as const)[action.kind];
    const [entry] = chainEntries([{ at, action: kind, name, ...figures, note: changed.note }], logHead);
    entries.push(entry);
    logHead = entry.hash ?? "";
    rows++;
    signOff = { ...changed.signOff, logEntry: entry.hash };
    signOff.seal = sealOf(signOff);
  }
  const snapshot = takeSnapshot(grids);
  const before = readSnapshot(grids);
  // what the records say about themselves goes into the log too: a rebuild must not make it unseen
  const found = integrityProblems(grids, "").map((p) => p.message);
  const warning = found.length === 0 ? "" : `; Let op (${found.length}): ${found.join(" ").slice(0, 2000)}`;
  const [build] = chainEntries([{ at, action: "Rapportage", name: "", ...figures, note: describeChanges(before, diffSnapshots(before, snapshot)) + warning }], logHead);
  entries.push(build);
  rows++;
  const withHead = withLogHead(snapshot, { rows, hash: build.hash ?? "", status: signOff?.status ?? "Concept" });
  return { ok: true, signOff, records: { signOff: action ? signOff ?? undefined : undefined, snapshot: withHead, log: entries } };
}
