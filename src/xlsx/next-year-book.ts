/**
 * Next year's input workbook from this year's grids — no Node API: the command line
 * (`dvo-addendum next-year`) and the task pane (both hosts; exceljs runs in the page) build the same
 * workbook from the same grids. The job (src/job/next-year.ts) plans what it holds; here it is made with
 * the template builder, plus the `Vorig addendum` record sheet (carried Verzuim cases are marked in their
 * table's column `Opnieuw ramen`).
 */
import type ExcelJS from "exceljs";
import type { CaoRaise } from "../domain/cao";
import type { Problem, WorkbookGrids } from "../input/grid";
import type { NextYearPlan } from "../input/next-year";
import { PREVIOUS_SHEET } from "../input/previous";
import { nextYearJob } from "../job/next-year";
import { buildInputWorkbook, FORMAT } from "./template";

export type NextYearBook =
  | { ok: true; plan: NextYearPlan; workbook: ExcelJS.Workbook; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Parse, compute and plan this year's grids; next year's workbook built but not written. */
export function nextYearFromGrids(grids: WorkbookGrids, raises: readonly CaoRaise[] = [], adjust?: (plan: NextYearPlan) => void): NextYearBook {
  const job = nextYearJob(grids, raises, adjust);
  if (!job.ok) return job;
  const { plan } = job;
  const wb = buildInputWorkbook(plan.options);
  addRecordSheet(wb, plan);
  return { ok: true, plan, workbook: wb, problems: job.problems };
}

/** The same, as the bytes of an .xlsx (for a download, or Excel.createWorkbook). */
export async function nextYearBytes(grids: WorkbookGrids, raises: readonly CaoRaise[] = []):
  Promise<{ ok: true; plan: NextYearPlan; bytes: Uint8Array; problems: Problem[] } | { ok: false; problems: Problem[] }> {
  const r = nextYearFromGrids(grids, raises);
  if (!r.ok) return r;
  const buf = await r.workbook.xlsx.writeBuffer();
  return { ok: true, plan: r.plan, bytes: new Uint8Array(buf as ArrayBuffer), problems: r.problems };
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
