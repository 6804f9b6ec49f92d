/**
 * Stages 4 and 5 of a build (docs/architecture.md): what the build keeps in the workbook (the records:
 * sign-off, snapshot, Logboek rows), and the report as a host-neutral plan. One place decides both, for
 * every front end; the hosts only write what comes out.
 */
import { REPORT_SHEETS } from "../domain/glossary";
import type { Problem } from "../input/grid";
import { agreementProblems, applyReviewAction, applySignAction, figuresOf, isReviewAction, recordsForBuild, reviewHolds, reviewProblems, type KeptRecords, type ReviewAction, type SignAction, type SignOff } from "../records";
import { valueEntries } from "../records/values";
import { figuresOfCeiling } from "../domain/agreed";
import { canonicalAddendum } from "../domain/fingerprint";
import { buildPlan } from "../report/build";
import type { WorkbookPlan } from "../report/plan";
import { valid, type Checked, type Valid } from "./check";

export interface PlanOptions {
  /** sheets of the workbook that the add-in did not make */
  otherSheets: string[];
  /** an explicit change of the sign-off status or the controller's verdict, recorded in the workbook and the Logboek */
  action?: AddendumAction;
  now?: Date;
}

export type BuildRefusal = {
  ok: false;
  /** input-errors: the inputs have a fout; sign-action: the status change is not allowed (the message says why) */
  code: "input-errors" | "sign-action";
  message: string;
};

export type PlannedBuild = {
  ok: true;
  plan: WorkbookPlan;
  /** every problem, as Controle shows them */
  problems: Problem[];
  records: KeptRecords;
  /** the sign-off record after this build */
  signOff: SignOff | null;
  renamed: Array<{ wanted: string; used: string }>;
};

/** What a build may do to the addendum's status: the sign-off actions and the controller's review. */
export type AddendumAction = SignAction | ReviewAction;

/**
 * With the setting `Controle vereist` = ja, offering or signing needs the controller's approval of these
 * very inputs (docs/gebruikershandleiding.md): a Dutch sentence why not, or null.
 */
function reviewRequired(checked: Checked, v: Valid, action: AddendumAction): string | null {
  if (action.kind !== "submit" && action.kind !== "sign") return null;
  if (v.inputs.settings.reviewRequired !== "ja" || reviewHolds(checked.signOff, v.results.fingerprint)) return null;
  const voided = checked.signOff?.review?.outcome === "Gecontroleerd" ? " De controle is vervallen: de invoer is daarna veranderd." : "";
  return `Controle vereist: de instelling 'Controle vereist' staat op ja, en de controller heeft deze invoer nog niet gecontroleerd.${voided} Laat het addendum eerst controleren (dvo-addendum review, of de knop Gecontroleerd op het tabblad Rapport).`;
}

const INPUT_ERRORS = "Geen rapport gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.";

/**
 * Would this status change be allowed now? A Dutch sentence why not, or null. The pane asks before it
 * starts a build; planBuild asks again (the answer decides the records).
 */
export function signAction(checked: Checked, action: AddendumAction, now = new Date()): string | null {
  const v = valid(checked);
  if (!v) return INPUT_ERRORS;
  const required = reviewRequired(checked, v, action);
  if (required) return required;
  const r = isReviewAction(action) ? applyReviewAction(checked.signOff, action, v.results.fingerprint, now) : applySignAction(checked.signOff, action, v.results.fingerprint, now);
  return r.ok ? null : r.message;
}

/** What the build keeps: the new sign-off record, the snapshot and the Logboek rows. */
export function recordsFor(checked: Checked, v: Valid, now: Date, action?: AddendumAction):
  { ok: true; signOff: SignOff | null; records: KeptRecords } | BuildRefusal {
  const required = action && reviewRequired(checked, v, action);
  if (required) return { ok: false, code: "sign-action", message: required };
  // a signing records the figures as vastgesteld, with the canonical inputs they rest on (records/versions.ts)
  const content = { figures: figuresOfCeiling(v.results.ceiling), lines: canonicalAddendum(v.inputs).split("\n") };
  const kept = recordsForBuild(checked.grids, figuresOf(v.results, v.inputs.settings.reportMonth), now, action, content, valueEntries(v.inputs));
  return kept.ok ? kept : { ok: false, code: "sign-action", message: kept.message };
}

export function planBuild(checked: Checked, opts: PlanOptions): PlannedBuild | BuildRefusal {
  const v = valid(checked);
  if (!v) return { ok: false, code: "input-errors", message: INPUT_ERRORS };
  const now = opts.now ?? new Date();
  const kept = recordsFor(checked, v, now, opts.action);
  if (!kept.ok) return kept;
  const addendum = REPORT_SHEETS.addendum(v.inputs.settings.year);
  // the records' findings as they stand after this build: a new sign-off record replaces the stored one's
  const integrity = checked.recordProblems.filter((p) => p.code === "records-integrity");
  const recordProblems = [...agreementProblems(kept.signOff, v.inputs, v.results, addendum), ...reviewProblems(kept.signOff, v.results.fingerprint, addendum), ...integrity];
  const built = buildPlan(v.inputs, v.results, v.layout, checked.grids, checked.parse.problems, {
    otherSheets: opts.otherSheets, signOff: kept.signOff, builtAt: now, recordProblems,
  });
  const finalAddendum = built.plan.sheets[0]?.name ?? addendum;
  return {
    ok: true, plan: built.plan, problems: built.problems, signOff: kept.signOff, renamed: built.renamed,
    records: { ...kept.records, protect: kept.signOff?.status === "Ondertekend" ? finalAddendum : undefined },
  };
}
