/** What one build keeps in the workbook: the sign-off record after an optional action, the snapshot and the Logboek rows. */
import { amsterdamTime } from "../domain/dates";
import type { Results } from "../domain/compute";
import type { WorkbookGrids } from "../input/grid";
import { integrityProblems } from "./integrity";
import { chainEntries, checkLog, logGrid, logHeadOf, withLogHead, type LogEntry } from "./log";
import { applySignAction, readSignOff, sealOf, type SignAction, type SignOff } from "./signoff";
import { describeChanges, diffSnapshots, readSnapshot, takeSnapshot, type Snapshot } from "./snapshot";

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
