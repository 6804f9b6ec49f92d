/**
 * One build, stage by stage, on any host: read → check → compute → plan (with the records) → write.
 * The CLI (`report`, `sign`, `reopen`), the task pane and the benchmark run every build through here;
 * `onStage` reports each stage as it starts, and the outcome has each stage's time.
 */
import type { AddendumAction } from "./build";
import type { Problem } from "../input/grid";
import type { Results } from "../domain/compute";
import type { WorkbookPlan } from "../report/plan";
import { checkWorkbookInSteps, hasErrors, type Checked } from "./check";
import { planBuild, type BuildRefusal, type PlannedBuild } from "./build";
import type { HostRead, WriteOptions } from "./host";
import type { KeptRecords } from "../records";

export const STAGES = ["Werkmap lezen", "Invoer controleren", "Berekenen", "Rapport opbouwen", "Rapport schrijven"] as const;
export type StageKey = "read" | "check" | "compute" | "plan" | "write";
export type StageTimes = Record<StageKey, number>;

/** What the build needs from the host: the workbook's grids, and writing the plan and the records. */
export interface BuildHost {
  read(progress?: (message: string) => void): Promise<HostRead>;
  write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void, opts?: WriteOptions): Promise<string>;
  /** awaited before the plan: work the host started on the side after reading (the CLI's row hashes) */
  beforePlan?(): Promise<void>;
}

export interface RunOptions {
  action?: AddendumAction;
  reportMonth?: number;
  now?: Date;
  /** called as each stage starts (0-based index into STAGES), and awaited: the pane paints there */
  onStage?: (index: number, name: string) => void | Promise<void>;
  /** progress inside the write stage, in the host's words */
  onProgress?: (message: string) => void;
  /** progress inside the read stage, in the host's words (the Excel host: rows read per slice) */
  onReadProgress?: (message: string) => void;
  /** called with the check before planning (the pane shows the problems and figures there) */
  onChecked?: (checked: Checked) => void | Promise<void>;
}

export type RunOutcome =
  | (PlannedBuild & { checked: Checked; results: Results; message: string; times: StageTimes })
  | { ok: false; code: "unreadable"; message: string; problems: Problem[]; times: Partial<StageTimes> }
  | (BuildRefusal & { problems: Problem[]; checked: Checked; times: Partial<StageTimes> });

function timer(): () => number {
  const t0 = performance.now();
  return () => Math.round((performance.now() - t0) * 10) / 10;
}

export async function runBuild(host: BuildHost, opts: RunOptions = {}): Promise<RunOutcome> {
  const times: Partial<StageTimes> = {};
  const stage = async (i: number) => opts.onStage?.(i, STAGES[i]);
  await stage(0);
  let t = timer();
  let read: HostRead;
  try {
    read = await host.read(opts.onReadProgress);
  } catch (e) {
    return { ok: false, code: "unreadable", message: e instanceof Error ? e.message : String(e), problems: [], times };
  }
  times.read = t();

  await stage(1);
  t = timer();
  let checkTime = 0;
  const checked = await checkWorkbookInSteps(read.grids, { reportMonth: opts.reportMonth }, async () => {
    checkTime = t();
    await stage(2);
    t = timer();
  });
  times.check = checkTime;
  times.compute = t();
  await opts.onChecked?.(checked);
  if (hasErrors(checked.problems) || !checked.results) {
    return { ok: false, code: "input-errors", message: "Geen rapport gemaakt: de invoer bevat fouten.", problems: checked.problems, checked, times };
  }

  await stage(3);
  t = timer();
  await host.beforePlan?.();
  const planned = planBuild(checked, { otherSheets: read.otherSheets, action: opts.action, now: opts.now });
  times.plan = t();
  if (!planned.ok) return { ...planned, problems: checked.problems, checked, times };

  await stage(4);
  t = timer();
  const kind = opts.action?.kind ?? "report";
  const message = await host.write(planned.plan, planned.records, opts.onProgress ?? (() => undefined), { kind });
  times.write = t();
  return { ...planned, checked, results: checked.results, message, times: times as StageTimes };
}
