/** The engine steps as the task pane runs them: check, compute (check.ts), plan. */
import type { Problem } from "../input/grid";
import { REPORT_SHEETS } from "../domain/glossary";
import { figuresOf, integrityProblems, recordsForBuild, type KeptRecords, type SignAction, type SignOff } from "../records";
import { buildPlan } from "../report/build";
import type { WorkbookPlan } from "../report/plan";
import type { HostRead } from "./host";
import type { Checked } from "./check";

export { check, checkInSteps, signOffOf, type Checked } from "./check";

/** The plan and what the build keeps (snapshot, log, sign-off), or a Dutch sentence why not. */
export function plan(read: HostRead, checked: Checked, opts: { action?: SignAction; now?: Date } = {}):
  { ok: true; plan: WorkbookPlan; problems: Problem[]; records: KeptRecords; signOff: SignOff | null } | { ok: false; message: string } {
  const { parse, results } = checked;
  if (!parse.inputs || !results) return { ok: false, message: "Geen rapport gemaakt: de invoer bevat fouten. Zie het tabblad Controleren." };
  const now = opts.now ?? new Date();
  const kept = recordsForBuild(read.grids, figuresOf(results, parse.inputs.settings.reportMonth), now, opts.action);
  if (!kept.ok) return kept;
  // buildPlan adds the sign-off and records findings itself (for Controle): not twice
  const ownRecords = new Set(integrityProblems(read.grids, REPORT_SHEETS.addendum(parse.inputs.settings.year)).map((p) => p.message));
  const built = buildPlan(parse.inputs, results, parse.layout, read.grids, parse.problems.filter((p) => !p.message.startsWith("Gewijzigd na ondertekening") && !ownRecords.has(p.message)), {
    otherSheets: read.otherSheets, signOff: kept.signOff, builtAt: now,
  });
  const addendum = REPORT_SHEETS.addendum(parse.inputs.settings.year);
  const finalAddendum = built.plan.sheets[0]?.name ?? addendum;
  return {
    ok: true, plan: built.plan, problems: built.problems, signOff: kept.signOff,
    records: { ...kept.records, protect: kept.signOff?.status === "Ondertekend" ? finalAddendum : undefined },
  };
}
