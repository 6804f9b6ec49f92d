/**
 * The Office.js reader reads the previous year's addendum record (`Vorig addendum`, issue 12 §3) like the
 * input sheets, so the Verschilanalyse shows in Excel too: a next-year workbook in the strict Excel double
 * gives the same record, and the same comparison, as the file host reading the file.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { computeResults } from "../src/domain/compute";
import { exampleWorkbook } from "../src/xlsx/example";
import type { WorkbookGrids } from "../src/input/grid";
import { parseWorkbook } from "../src/input/parse";
import { PREVIOUS_SHEET, readPrevious } from "../src/input/previous";
import { readExcelWorkbook } from "../src/office/read";
import { buildPlan } from "../src/report/build";
import { readWorkbookFile } from "../src/xlsx/file";
import { ExcelDouble } from "./support/excel-double";
import { setupOf } from "./support/excel-double/grids";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-office-prev-"));
let fileGrids: WorkbookGrids;

beforeAll(async () => {
  const src = path.join(dir, "invoer-2025.xlsx");
  await exampleWorkbook().xlsx.writeFile(src);
  const next = path.join(dir, "invoer-2026.xlsx");
  expect(await main(["next-year", src, "-o", next, "--cao", "2026-10-01 +1,5%"], { out: () => undefined, err: () => undefined })).toBe(0);
  const read = await readWorkbookFile(next);
  if (!read.ok) throw new Error(read.message);
  fileGrids = read.grids;
}, 60_000);

/** The Verschilanalyse's labels on the addendum sheet of a plan built from these grids. */
function comparisonLabels(grids: WorkbookGrids): string[] {
  const parsed = parseWorkbook(grids);
  if (!parsed.inputs) throw new Error(JSON.stringify(parsed.problems));
  const plan = buildPlan(parsed.inputs, computeResults(parsed.inputs), parsed.layout, grids, parsed.problems, { builtAt: new Date(Date.UTC(2026, 10, 29)) }).plan;
  const addendum = plan.sheets.find((s) => s.name === "Addendum 2026");
  return (addendum?.cells ?? []).flatMap((r) => r.map((c) => (c && "v" in c && typeof c.v === "string" ? c.v : ""))).filter((v) => /Verschilanalyse|^Formatie-effect$|^Cao-effect jaar op jaar$/.test(v));
}

test("the record is read in the same round trips, as an input sheet, and equals the file host's", async () => {
  const xl = new ExcelDouble({ sheets: setupOf(fileGrids) });
  const state = await readExcelWorkbook(xl.context());
  expect(state.syncs).toBe(2);
  expect(state.grids.sheets.map((s) => s.name)).toContain(PREVIOUS_SHEET);
  expect(state.reportSheets).not.toContain(PREVIOUS_SHEET);
  expect(state.otherSheets).toContain(PREVIOUS_SHEET);
  const fromExcel = readPrevious(state.grids);
  const fromFile = readPrevious(fileGrids);
  expect(fromFile.record).not.toBeNull();
  expect(fromExcel.problems).toEqual([]);
  expect(fromExcel.record).toEqual(fromFile.record);
  // the example's 2025 addendum as agreed: plafond 626,908.24 (docs/rekenregels.md)
  expect(fromExcel.record?.totals.ceiling.value).toBe(626908.24);
});

test("so the report built in Excel has the Verschilanalyse, as the file host's does", async () => {
  const state = await readExcelWorkbook(new ExcelDouble({ sheets: setupOf(fileGrids) }).context());
  const labels = comparisonLabels(state.grids);
  expect(labels.length).toBeGreaterThanOrEqual(3);
  expect(labels).toEqual(comparisonLabels(fileGrids));
});
