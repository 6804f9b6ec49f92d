/** What one build keeps in the workbook: the sign-off record after an optional action, the snapshot and the Logboek rows. */
import { amsterdamTime } from "../domain/dates";
import type { Results } from "../domain/compute";
import type { WorkbookGrids } from "../input/grid";
import { integrityProblems } from "./integrity";
import { chainEntries, checkLog, logGrid, logHeadOf, withLogHead, type LogEntry } from "./log";
import { applyReviewAction, isReviewAction, reviewHolds, reviewSealOf, type ReviewAction } from "./review";
import { applySignAction, readSignOff, sealOf, type SignAction, type SignOff } from "./signoff";
import { nextVersionNumber, type SignedVersion } from "./versions";

import { diffSnapshots, readSnapshot, ROW_HASH_VERSION, rowHashVersionOf, takeSnapshot, type Snapshot } from "./snapshot";
import { describeBuildChanges, withValues } from "./values";

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
    room: results.forecast.roomUnderCeiling, extra: results.procedure.extraForClient,
  };
}

/** What a signing records as vastgesteld: the figures and the canonical inputs (records/versions.ts). */
export type VersionContent = Pick<SignedVersion, "figures" | "lines">;

/** The versions after a signing: a wijziging adds one, a first signing or a re-signing after reopening (re)places the last. */
function versionsAfter(prior: readonly SignedVersion[], signed: SignOff, content: VersionContent, reason: string | undefined): SignedVersion[] {
  const amendment = reason !== undefined;
  const number = nextVersionNumber(prior, amendment);
  const base = !amendment && prior.length > 0 ? prior.slice(0, -1) : [...prior];
  return [...base, {
    number, date: signed.date, recordedAt: signed.recordedAt, regisseur: signed.regisseur, accounthouder: signed.accounthouder,
    reason: (reason ?? "").trim(), fingerprint: signed.fingerprint, figures: content.figures, lines: content.lines,
  }];
}

/**
 * The sign-off record after an optional explicit action, and what the build keeps: the snapshot of the
 * input rows and the log entries (the action, if any, and the build with what changed since the last one).
 * Hosts add `protect` when they know the addendum sheet's name.
 */
export function recordsForBuild(grids: WorkbookGrids, figures: BuildFigures, now: Date, action?: SignAction | ReviewAction, content?: VersionContent, values?: Snapshot):
  { ok: true; signOff: SignOff | null; records: KeptRecords } | { ok: false; message: string } {
  // what changed since the last build, with old and new values where the snapshots keep them (values.ts)
  const taken = takeSnapshot(grids);
  const snapshot = values ? withValues(taken, values) : taken;
  const before = readSnapshot(grids);
  // a snapshot stored before the row-hash version changed is compared with rows hashed its way (once: this
  // build stores the current version)
  const old = before ? rowHashVersionOf(before) : ROW_HASH_VERSION;
  const comparable = old === ROW_HASH_VERSION ? snapshot : values ? withValues(takeSnapshot(grids, old), values) : takeSnapshot(grids, old);
  const changes = describeBuildChanges(before, comparable, diffSnapshots(before, comparable));
  // a status row names the changes to the addendum's own inputs it applies to
  const since = changes.addendum ? `; gewijzigd sinds de vorige rapportage: ${changes.addendum}` : "";
  const stored = readSignOff(grids);
  let signOff = stored;
  const entries: LogEntry[] = [];
  // the Logboek shows Dutch local time, to the second
  const at = amsterdamTime(now, true);
  const grid = logGrid(grids);
  const log = grid ? checkLog(grid) : null;
  // a host that does not hand over the Logboek's rows still continues the chain, from the head kept at the last build
  const kept = log ? null : logHeadOf(before);
  let logHead = log?.head ?? kept?.hash ?? "";
  let rows = log?.rows ?? kept?.rows ?? 0;
  if (action && isReviewAction(action)) {
    // the controller's verdict (records/review.ts): its own Logboek row and seal; a rejection is a status change
    const changed = applyReviewAction(stored, action, figures.fingerprint, now);
    if (!changed.ok) return changed;
    const kind = action.kind === "review" ? "Gecontroleerd" : "Afgekeurd";
    const [entry] = chainEntries([{ at, action: kind, name: action.controller.trim(), ...figures, note: changed.note + since }], logHead);
    entries.push(entry);
    logHead = entry.hash ?? "";
    rows++;
    const review = changed.signOff.review && { ...changed.signOff.review, logEntry: entry.hash };
    if (review) review.seal = reviewSealOf(review);
    signOff = { ...changed.signOff, review };
    if (changed.statusChange) {
      signOff.logEntry = entry.hash;
      signOff.seal = sealOf(signOff);
    }
  } else if (action) {
    const changed = applySignAction(stored, action, figures.fingerprint, now);
    if (!changed.ok) return changed;
    const name = action.kind === "reopen" ? action.by : action.kind === "sign" ? action.regisseur : action.accounthouder;
    const kind = action.kind === "sign" && action.amendment !== undefined ? "Wijziging ondertekend" : ({ submit: "Ter ondertekening", sign: "Ondertekend", reopen: "Heropend" } as const)[action.kind];
    // signing or submitting without the controller's approval of these inputs is allowed, and says so
    const unreviewed = action.kind !== "reopen" && !reviewHolds(stored, figures.fingerprint) ? " (niet gecontroleerd door de controller)" : "";
    const [entry] = chainEntries([{ at, action: kind, name, ...figures, note: changed.note + unreviewed + since }], logHead);
    entries.push(entry);
    logHead = entry.hash ?? "";
    rows++;
    // the review stays with the addendum until it is reopened
    signOff = { ...changed.signOff, logEntry: entry.hash };
    if (action.kind === "sign" && content) signOff.versions = versionsAfter(stored?.versions ?? [], signOff, content, action.amendment);
    if (action.kind !== "reopen" && stored?.review) signOff.review = stored.review;
    signOff.seal = sealOf(signOff);
  }
  // what the records say about themselves goes into the log too: a rebuild must not make it unseen
  const found = integrityProblems(grids, "").map((p) => p.message);
  const warning = found.length === 0 ? "" : `; Let op (${found.length}): ${found.join(" ").slice(0, 2000)}`;
  const [build] = chainEntries([{ at, action: "Rapportage", name: "", ...figures, note: changes.all + warning }], logHead);
  entries.push(build);
  rows++;
  const withHead = withLogHead(snapshot, { rows, hash: build.hash ?? "", status: signOff?.status ?? "Concept" });
  return { ok: true, signOff, records: { signOff: action ? signOff ?? undefined : undefined, snapshot: withHead, log: entries } };
}
