/**
 * Next year's input workbook from this year's grids — host-neutral (no Node API): the command line
 * (`dvo-addendum next-year`, cli/next-year.ts) and the task pane (both hosts; exceljs runs in the page)
 * build the same workbook from the same grids. input/next-year.ts says what it holds; here it is made
 * with the template builder, plus the `Vorig addendum` record sheet and the note on carried Verzuim cases.
 */
import type ExcelJS from "exceljs";
import type { CaoRaise } from "../domain/cao";
import { computeResults } from "../domain/compute";
import type { Problem, WorkbookGrids } from "../input/grid";
import { readSignOff } from "../records";
import { planNextYear, type NextYearPlan } from "../input/next-year";
import { parseWorkbook } from "../input/parse";
import { PREVIOUS_SHEET } from "../input/previous";
import { buildInputWorkbook, FORMAT } from "../xlsx/template";

export type NextYearBook =
  | { ok: true; plan: NextYearPlan; workbook: ExcelJS.Workbook; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Parse, compute and plan this year's grids; next year's workbook built but not written. */
export function nextYearFromGrids(grids: WorkbookGrids, raises: readonly CaoRaise[] = [], adjust?: (plan: NextYearPlan) => void): NextYearBook {
  const parsed = parseWorkbook(grids);
  if (!parsed.inputs) return { ok: false, problems: parsed.problems };
  const results = computeResults(parsed.inputs);
  const plan = planNextYear(grids, parsed.inputs, results, parsed.layout, readSignOff(grids), raises);
  adjust?.(plan);
  const wb = buildInputWorkbook(plan.options);
  addRecordSheet(wb, plan);
  markCarriedCases(wb, plan);
  return { ok: true, plan, workbook: wb, problems: parsed.problems };
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
