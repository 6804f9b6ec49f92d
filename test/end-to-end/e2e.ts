/**
 * End-to-end check for people with real Excel (desktop or web), in the style of the Office add-in
 * template's test/end-to-end: a task pane that builds the worked example of docs/rekenregels.md through the Office.js host in an
 * empty workbook, lets Excel recalculate, and reports
 * - the round trips of the read and of the write;
 * - that Excel's values of every report formula equal the engine's;
 * - the behaviours the host (and the strict test double) rely on: null in a 2-D array leaves a cell, a single
 *   value fills a range, references follow a renamed sheet — and, for the double, whether Excel refuses a
 *   1×1 array on a bigger range.
 * Not a CI gate: see README ("Proef in echte Excel") for how to run it.
 */
import type { CellValue } from "../../src/input/grid";
import { readExcelWorkbook } from "../../src/office/read";
import { writePlan } from "../../src/office/write";
import { checkWorkbook } from "../../src/job/check";
import { planBuild } from "../../src/job/build";
import { exampleGrids } from "../grids";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const checks: Check[] = [];
const result: Record<string, unknown> = { checks };

function show(status: string): void {
  if (typeof document === "undefined") return;
  const el = document.getElementById("status");
  if (el) el.textContent = status;
  const list = document.getElementById("checks");
  if (list) {
    list.innerHTML = "";
    for (const c of checks) {
      const li = document.createElement("li");
      li.className = c.ok ? "ok" : "fout";
      li.textContent = `${c.name}: ${c.detail}`;
      list.appendChild(li);
    }
  }
  const pre = document.getElementById("json");
  if (pre) pre.textContent = JSON.stringify(result, null, 2);
}

function add(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail });
}

/** A cell as Excel should hold it: text with an apostrophe, a date as its serial day. */
function excelValue(v: CellValue): string | number | boolean | null {
  if (v === null) return null;
  if (v instanceof Date) return Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
  if (typeof v === "object") return `'${v.error}`;
  if (typeof v === "string") return `'${v}`;
  return v;
}

/** Count the round trips of a context. */
function counted(context: Excel.RequestContext): { context: Excel.RequestContext; syncs: () => number } {
  let n = 0;
  const sync = context.sync.bind(context);
  (context as { sync: () => Promise<void> }).sync = async () => {
    n++;
    await sync();
  };
  return { context, syncs: () => n };
}

async function putExample(context: Excel.RequestContext): Promise<void> {
  const grids = exampleGrids();
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const clash = grids.sheets.find((g) => sheets.items.some((s) => s.name.toLowerCase() === g.name.toLowerCase()));
  if (clash) throw new Error(`De werkmap heeft al een blad '${clash.name}': open een lege werkmap.`);
  for (const g of grids.sheets) {
    const ws = context.workbook.worksheets.add(g.name);
    const width = Math.max(1, ...g.rows.map((r) => r.length));
    const rows = g.rows.map((r) => Array.from({ length: width }, (_, i) => excelValue(r[i] ?? null)));
    const formats = g.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] instanceof Date ? "d-m-yyyy" : null)));
    const range = ws.getRange(`A1:${String.fromCharCode(64 + width)}${rows.length}`);
    range.numberFormat = formats;
    range.values = rows;
  }
  await context.sync();
}

async function build(context: Excel.RequestContext): Promise<void> {
  const c = counted(context);
  const state = await readExcelWorkbook(c.context);
  const readSyncs = c.syncs();
  const read = { grids: state.grids, otherSheets: state.otherSheets };
  const checked = checkWorkbook(read.grids);
  const built = planBuild(checked, { otherSheets: read.otherSheets });
  if (!built.ok) throw new Error(built.message);
  const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
  await writePlan(c.context, built.plan, state, { supports, records: built.records });
  result.syncs = { read: readSyncs, write: c.syncs() - readSyncs };
  add("Rondes met Excel", readSyncs === 2 && c.syncs() - readSyncs === 3, `${readSyncs} om te lezen, ${c.syncs() - readSyncs} om te schrijven (verwacht 2 en 3)`);

  context.application.calculate("Full" as Excel.CalculationType);
  const ranges = built.plan.sheets.map((s) => ({ s, range: context.workbook.worksheets.getItem(s.name).getUsedRange(true).load("values,rowIndex,columnIndex") }));
  await context.sync();
  const differences: string[] = [];
  let compared = 0;
  for (const { s, range } of ranges) {
    s.cells.forEach((row, r) => row?.forEach((cell, i) => {
      if (!cell || cell.f === undefined || cell.r === undefined || cell.r === null) return;
      const v = range.values[r - range.rowIndex]?.[i - range.columnIndex];
      compared++;
      const same = typeof cell.r === "number" && typeof v === "number" ? Math.abs(v - cell.r) <= 0.005 + Math.abs(cell.r) * 1e-12 : String(v) === String(cell.r);
      if (!same) differences.push(`${s.name}!${String.fromCharCode(65 + i)}${r + 1}: Excel ${JSON.stringify(v)}, rekenkern ${JSON.stringify(cell.r)}`);
    }));
  }
  result.figures = { compared, differences };
  add("Uitkomsten gelijk aan de rekenkern", differences.length === 0 && compared > 0, differences.length === 0 ? `${compared} formules vergeleken` : `${differences.length} van ${compared} verschillen, o.a. ${differences.slice(0, 3).join("; ")}`);
}

async function behaviours(context: Excel.RequestContext): Promise<void> {
  const sheets = context.workbook.worksheets;
  const proef = sheets.add("_e2e_proef");
  const bron = sheets.add("_e2e_bron");
  bron.getRange("A1").values = [[7]];
  const r = proef.getRange("A1:B2");
  r.values = [[1, 2], [3, 4]];
  await context.sync();

  r.values = [[null, 9], [null, null]];
  r.load("values");
  await context.sync();
  add("null laat een cel staan", JSON.stringify(r.values) === "[[1,9],[3,4]]", JSON.stringify(r.values));

  (r as unknown as { values: unknown }).values = 5;
  r.load("values");
  await context.sync();
  add("één waarde vult het hele bereik", JSON.stringify(r.values) === "[[5,5],[5,5]]", JSON.stringify(r.values));

  proef.getRange("C1").formulas = [["=_e2e_bron!A1*2"]];
  bron.name = "_e2e hernoemd";
  const c1 = proef.getRange("C1").load("formulas,values");
  await context.sync();
  add("verwijzingen volgen een hernoemd blad", String(c1.formulas[0][0]).includes("_e2e hernoemd") && c1.values[0][0] === 14, `${c1.formulas[0][0]} = ${c1.values[0][0]}`);

  // what the test double assumes: a 1×1 array on a bigger range is refused (not a documented form)
  r.numberFormat = [["0.00"]];
  let refused = "nee";
  try {
    await context.sync();
  } catch (e) {
    refused = `ja (${(e as { code?: string }).code ?? String(e)})`;
  }
  result.oneByOneArrayRefused = refused;
  add("[[x]] op een bereik van 2×2 geweigerd (zoals de testdubbel aanneemt)", refused.startsWith("ja"), refused);

  proef.delete();
  sheets.getItem("_e2e hernoemd").delete();
  await context.sync();
}

/** The whole check; `excelRun` is Excel.run (a test passes the double's). */
export async function runChecks(excelRun: <T>(f: (c: Excel.RequestContext) => Promise<T>) => Promise<T>): Promise<{ checks: Check[]; result: Record<string, unknown> }> {
  checks.length = 0;
  show("Bezig…");
  try {
    await excelRun(putExample);
    await excelRun(build);
    await excelRun(behaviours);
    show(checks.every((c) => c.ok) ? "Alles in orde." : "Niet alles in orde: zie hieronder.");
  } catch (e) {
    result.error = String((e as Error)?.message ?? e);
    add("Proef afgebroken", false, String(result.error));
    show("De proef is afgebroken.");
  }
  return { checks, result };
}

if (typeof document !== "undefined") Office.onReady((info) => {
  result.host = info.host;
  result.platform = info.platform;
  result.excelApi = ["1.8", "1.9", "1.12", "1.14", "1.17", "1.20"].filter((v) => Office.context.requirements?.isSetSupported("ExcelApi", v));
  document.getElementById("start")?.addEventListener("click", () => void runChecks((f) => Excel.run(f)));
  show(info.host === Office.HostType.Excel ? "Klaar voor de proef." : "Open deze pagina als invoegtoepassing in Excel.");
});
