/**
 * Next year's workbook as a job (docs/architecture.md): check this year's grids, compute, and plan what
 * next year's workbook holds (src/input/next-year.ts). The file host renders the plan
 * (src/xlsx/next-year-book.ts) for the CLI's `next-year` and the task pane alike.
 */
import type { CaoRaise } from "../domain/cao";
import type { Problem, WorkbookGrids } from "../input/grid";
import { planNextYear, type NextYearPlan } from "../input/next-year";
import { checkWorkbook, valid } from "./check";

export type NextYearJob =
  | { ok: true; plan: NextYearPlan; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export function nextYearJob(grids: WorkbookGrids, raises: readonly CaoRaise[] = [], adjust?: (plan: NextYearPlan) => void): NextYearJob {
  const checked = checkWorkbook(grids);
  const v = valid(checked);
  if (!v) return { ok: false, problems: checked.parse.problems };
  const plan = planNextYear(grids, v.inputs, v.results, v.layout, checked.signOff, raises);
  adjust?.(plan);
  return { ok: true, plan, problems: checked.parse.problems };
}
