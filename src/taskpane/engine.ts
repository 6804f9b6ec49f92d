/** The engine steps as the task pane runs them: check, compute, plan. */
import { computeResults, type Results } from "../domain/compute";
import type { Problem } from "../input/grid";
import { parseWorkbook, type ParseResult } from "../input/parse";
import { buildPlan } from "../report/build";
import type { WorkbookPlan } from "../report/plan";
import type { HostRead } from "./host";

export interface Checked {
  parse: ParseResult;
  results: Results | null;
}

export function check(read: HostRead, reportMonth?: number): Checked {
  const parse = parseWorkbook(read.grids, { reportMonth });
  return { parse, results: parse.inputs ? computeResults(parse.inputs) : null };
}

export function plan(read: HostRead, checked: Checked): { plan: WorkbookPlan; problems: Problem[] } | null {
  const { parse, results } = checked;
  if (!parse.inputs || !results) return null;
  const built = buildPlan(parse.inputs, results, parse.layout, read.grids, parse.problems, { otherSheets: read.otherSheets });
  return { plan: built.plan, problems: parse.problems };
}
