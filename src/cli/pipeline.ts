/** The report job in stages (read, check, compute, plan, write), shared by the CLI and the benchmark. */
import * as path from "node:path";
import "./native";
import { computeResults, type Results } from "../domain/compute";
import type { Problem } from "../input/grid";
import { parseWorkbook } from "../input/parse";
import { buildPlan } from "../report/build";
import { figuresOf, recordsForBuild, type SignAction } from "../records";
import type { WorkbookPlan } from "../report/plan";
import { readWorkbookFile, writeFileAtomically } from "../xlsx/file";
import { otherSheetNames } from "../xlsx/read";
import { writeReport } from "../xlsx/write";

export const STAGES = ["Werkmap lezen", "Invoer controleren", "Berekenen", "Rapport opbouwen", "Rapport schrijven"] as const;
export type StageTimes = Record<"read" | "check" | "compute" | "plan" | "write", number>;

export type ReportOutcome =
  | { ok: true; problems: Problem[]; results: Results; plan: WorkbookPlan; times: StageTimes; renamed: Array<{ wanted: string; used: string }> }
  | { ok: false; problems: Problem[]; message?: string; times: Partial<StageTimes> };

export interface ReportOptions {
  builtAt?: Date;
  /** an explicit change of the sign-off status, recorded in the workbook and the log */
  action?: SignAction;
  onStage?: (index: number, name: string) => void;
}

function timer() {
  const t0 = performance.now();
  return () => Math.round((performance.now() - t0) * 10) / 10;
}

export async function reportFile(input: string, output: string, opts: ReportOptions = {}): Promise<ReportOutcome> {
  const times: Partial<StageTimes> = {};
  if (path.resolve(input) === path.resolve(output)) {
    return { ok: false, problems: [], message: "Het rapport mag het invoerbestand niet overschrijven: kies met -o een andere bestandsnaam.", times };
  }
  opts.onStage?.(0, STAGES[0]);
  let t = timer();
  const read = await readWorkbookFile(input);
  times.read = t();
  if (!read.ok) return { ok: false, problems: [], message: read.message, times };

  opts.onStage?.(1, STAGES[1]);
  t = timer();
  const parsed = parseWorkbook(read.grids);
  times.check = t();
  if (!parsed.inputs) return { ok: false, problems: parsed.problems, times };

  opts.onStage?.(2, STAGES[2]);
  t = timer();
  const results = computeResults(parsed.inputs);
  times.compute = t();

  opts.onStage?.(3, STAGES[3]);
  t = timer();
  const now = opts.builtAt ?? new Date();
  const kept = recordsForBuild(read.grids, figuresOf(results, parsed.inputs.settings.reportMonth), now, opts.action);
  if (!kept.ok) return { ok: false, problems: [], message: kept.message, times };
  const { signOff } = kept;
  const { plan, renamed, problems } = buildPlan(parsed.inputs, results, parsed.layout, read.grids, parsed.problems, {
    builtAt: now,
    otherSheets: otherSheetNames(read.book),
    signOff,
  });
  times.plan = t();

  opts.onStage?.(4, STAGES[4]);
  t = timer();
  const bytes = writeReport(read.book, plan, { ...kept.records, protect: signOff?.status === "Ondertekend" ? plan.sheets[0]?.name : undefined }, { now });
  await writeFileAtomically(output, bytes);
  times.write = t();
  return { ok: true, problems, results, plan, times: times as StageTimes, renamed };
}
