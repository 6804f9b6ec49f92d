/**
 * The audit log (`Logboek`, hidden, append-only) as a hash chain: its rows, each row's hash over the row above
 * and its ten content cells, the walk that checks the chain and follows the status, and the log head the
 * snapshot keeps at each build.
 */
import { type CellValue, isCellError, type SheetGrid, type WorkbookGrids } from "../input/grid";
import { hex } from "./cells";
import { LOG_SHEET } from "./ownership";
import { STATUSES, type Status } from "./signoff";
import type { Snapshot } from "./snapshot";

export const LOG_HEADERS = ["Tijdstip", "Actie", "Naam", "Vingerafdruk", "Rapportagemaand", "Plafond formatieve kosten", "Totaal budget P&C", "Ruimte onder plafond", "Meerkosten opdrachtgever", "Wijzigingen / toelichting", "Hash vorige rij", "Hash deze rij"];
/** Number of content columns of a log row (the chain columns follow them). */
const LOG_CONTENT = 10;

export interface LogEntry {
  at: string;
  action: "Rapportage" | "Ter ondertekening" | "Ondertekend" | "Wijziging ondertekend" | "Heropend" | "Gecontroleerd" | "Afgekeurd";
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
  action: (typeof STATUS_ACTIONS)[number];
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

/**
 * The log actions that change the status: a wijziging van het addendum (records/versions.ts) is signed over a
 * signed addendum and leads to Ondertekend; "Afgekeurd" (the controller's rejection) returns to Concept, as "Heropend" does.
 */
const STATUS_ACTIONS = ["Ter ondertekening", "Ondertekend", "Wijziging ondertekend", "Heropend", "Afgekeurd"] as const;

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
      const next: Status = action === "Heropend" || action === "Afgekeurd" ? "Concept" : action === "Wijziging ondertekend" ? "Ondertekend" : action;
      const allowed = action === "Heropend" ? out.status !== "Concept" : action === "Wijziging ondertekend" ? out.status !== "Ter ondertekening" : out.status !== "Ondertekend";
      if (!allowed) {
        out.findings.push({ row, message: action === "Heropend"
          ? `Logboek rij ${row}: 'Heropend' terwijl het addendum volgens het Logboek al een concept was.`
          : action === "Wijziging ondertekend"
            ? `Logboek rij ${row}: 'Wijziging ondertekend' terwijl het addendum volgens het Logboek ter ondertekening stond.`
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

/** The Logboek among the sheets a host read, by name in any case. */
export function logGrid(grids: WorkbookGrids): SheetGrid | null {
  return grids.sheets.find((g) => g.name.toLowerCase() === LOG_SHEET.toLowerCase()) ?? null;
}
