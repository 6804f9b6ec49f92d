/**
 * `dvo-addendum next-year invoer-2025.xlsx -o invoer-2026.xlsx [--cao "2026-07-01 +2,5%"]…`: next year's
 * input workbook from this year's (input/next-year.ts says what it holds). A NEW workbook, made with the
 * template builder (exceljs is the right tool for a new workbook); the source is only read.
 */
import * as path from "node:path";
import type ExcelJS from "exceljs";
import type { CaoRaise } from "../domain/cao";
import { computeResults } from "../domain/compute";
import type { Problem } from "../input/grid";
import { readSignOff } from "../input/meta";
import { planNextYear, type NextYearPlan } from "../input/next-year";
import { parseWorkbook } from "../input/parse";
import { PREVIOUS_SHEET } from "../input/previous";
import { readWorkbookFile, saveAtomically } from "../xlsx/file";
import { buildInputWorkbook, FORMAT } from "../xlsx/template";

export type NextYearOutcome =
  | { ok: true; plan: NextYearPlan; workbook: ExcelJS.Workbook; problems: Problem[] }
  | { ok: false; message?: string; problems: Problem[] };

/** Read, check and plan; the workbook is built but not written. */
export async function nextYearWorkbook(input: string, raises: readonly CaoRaise[] = [], adjust?: (plan: NextYearPlan) => void): Promise<NextYearOutcome> {
  const read = await readWorkbookFile(input);
  if (!read.ok) return { ok: false, message: read.message, problems: [] };
  const parsed = parseWorkbook(read.grids);
  if (!parsed.inputs) return { ok: false, problems: parsed.problems };
  const results = computeResults(parsed.inputs);
  const plan = planNextYear(read.grids, parsed.inputs, results, parsed.layout, readSignOff(read.grids), raises);
  adjust?.(plan);
  const wb = buildInputWorkbook(plan.options);
  addRecordSheet(wb, plan);
  markCarriedCases(wb, plan);
  return { ok: true, plan, workbook: wb, problems: parsed.problems };
}

const PERCENT_LABELS = new Set(["IKB-percentage", "Werkgeverslastenpercentage", "Overheadpercentage"]);

function addRecordSheet(wb: ExcelJS.Workbook, plan: NextYearPlan): void {
  const ws = wb.addWorksheet(PREVIOUS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 15 }, { width: 42 }, { width: 24 }, { width: 8 }, { width: 8 }, { width: 66 }];
  for (const r of plan.record) {
    const row = ws.addRow(r);
    const [kind, name] = r;
    const value = row.getCell(6);
    if (kind === "Parameter") value.numFmt = PERCENT_LABELS.has(String(name)) ? FORMAT.percent2 : FORMAT.euro;
    if (kind === "Totaal" || kind === "Formatie") value.numFmt = FORMAT.euro;
    if (kind === "Formatie") row.getCell(5).numFmt = FORMAT.fte;
  }
  ws.getRow(1).font = { bold: true };
  ws.getCell("H1").value = `Het addendum ${plan.year - 1} zoals het gold toen deze werkmap werd gemaakt (dvo-addendum next-year). ` +
    `De verschilanalyse op 'Addendum ${plan.year}' vergelijkt hiermee. Wijzig dit blad niet.`;
  ws.getCell("H1").alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(8).width = 60;
}

/** Carried sick-leave cases: a note beside the table that the expected costs need a new estimate. */
function markCarriedCases(wb: ExcelJS.Workbook, plan: NextYearPlan): void {
  const ws = wb.getWorksheet("Verzuim");
  if (!ws || plan.carriedCases.length === 0) return;
  const width = (ws.getRow(1).values as unknown[]).length - 1;
  const col = width + 2;
  ws.getCell(1, col).value = "Let op";
  ws.getCell(1, col).font = { bold: true };
  ws.getColumn(col).width = 70;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const id = row.getCell(1).value;
    if (typeof id === "string" && plan.carriedCases.includes(id)) {
      row.getCell(col).value = `Overgenomen uit ${plan.year - 1} (nog open): raam de verwachte kosten voor ${plan.year} opnieuw.`;
    }
  });
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
