/**
 * `dvo-addendum next-year invoer-2025.xlsx -o invoer-2026.xlsx [--cao "2026-07-01 +2,5%"]…`: next year's
 * input workbook from this year's (input/next-year.ts says what it holds). A NEW workbook, made with the
 * template builder (exceljs is the right tool for a new workbook); the source is only read.
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import type { CaoRaise } from "../domain/cao";
import type { Problem } from "../input/grid";
import type { NextYearPlan } from "../input/next-year";
import { readWorkbookFile, saveAtomically } from "../xlsx/file";
import { nextYearFromGrids } from "./next-year-book";

export type NextYearOutcome =
  | { ok: true; plan: NextYearPlan; workbook: ExcelJS.Workbook; problems: Problem[] }
  | { ok: false; message?: string; problems: Problem[] };

/** Read, check and plan; the workbook is built but not written (next-year-book.ts, shared with the task pane). */
export async function nextYearWorkbook(input: string, raises: readonly CaoRaise[] = [], adjust?: (plan: NextYearPlan) => void): Promise<NextYearOutcome> {
  const read = await readWorkbookFile(input);
  if (!read.ok) return { ok: false, message: read.message, problems: [] };
  return nextYearFromGrids(read.grids, raises, adjust);
}

/** The default output: the input's name with the year moved on (invoer-2025.xlsx → invoer-2026.xlsx), beside it. */
export function defaultNextYearOutput(input: string, fromYear: number): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  const name = base.includes(String(fromYear)) ? base.split(String(fromYear)).join(String(fromYear + 1)) : `${base}-${fromYear + 1}`;
  return path.join(path.dirname(input), `${name}.xlsx`);
}

export async function saveNextYear(wb: ExcelJS.Workbook, output: string): Promise<void> {
  await saveAtomically(wb, output);
}
