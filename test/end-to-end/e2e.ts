/**
 * End-to-end check for people with real Excel (desktop or web), in the style of the Office add-in
 * template's test/end-to-end: a task pane that builds the worked example (docs/rekenregels.md) through the
 * Office.js host in an empty workbook and reports, point by point, what the host and its strict test double
 * (test/support/excel-double) rely on:
 * - round trips: 2 to read, 3 to write a first build;
 * - a recalculated workbook: Excel's value of every report formula equals the engine's, read straight after
 *   the build, without a calculation of this page's own (the host must ask Excel to calculate);
 * - a rebuild in place: a formula on a user's sheet that points at a report sheet keeps its reference and its
 *   value after a rebuild; the rebuild raises no events in this add-in (enableEvents off while writing);
 * - documented forms and limits: null in a 2-D array leaves a cell; a single value, or a 1×1 array, on a
 *   2×2 range is refused; a very hidden sheet cannot be deleted; a read of more than 5 million cells fails
 *   or gives null; references follow a renamed sheet;
 * - for the record (the host must be right either way): what Excel keeps of a batch that fails half-way.
 * Not a CI gate: see README ("Proef in echte Excel") for how to run it.
 */
import type { CellValue } from "../../src/input/grid";
import { readExcelWorkbook } from "../../src/office/read";
import { writePlan } from "../../src/office/write";
import type { SheetPlan } from "../../src/report/plan";
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

/** Every report formula's value in Excel against the engine's value; the differences in words. */
async function compareFigures(context: Excel.RequestContext, sheets: SheetPlan[]): Promise<{ compared: number; differences: string[] }> {
  const ranges = sheets.map((s) => ({ s, range: context.workbook.worksheets.getItem(s.name).getUsedRange(true).load("values,rowIndex,columnIndex") }));
  await context.sync();
  const differences: string[] = [];
  let compared = 0;
  for (const { s, range } of ranges) {
    s.cells.forEach((row, r) => row?.forEach((cell, i) => {
      if (!cell || cell.f === undefined || cell.r === undefined || cell.r === null) return;
      const v = range.values[r - range.rowIndex]?.[i - range.columnIndex];
      compared++;
      if (!same(v, cell.r)) differences.push(`${s.name}!${String.fromCharCode(65 + i)}${r + 1}: Excel ${JSON.stringify(v)}, rekenkern ${JSON.stringify(cell.r)}`);
    }));
  }
  return { compared, differences };
}

const same = (v: unknown, r: unknown) => (typeof r === "number" && typeof v === "number" ? Math.abs(v - r) <= 0.005 + Math.abs(r) * 1e-12 : String(v) === String(r));

/** A number on 6.5 Financieel (address and engine value), for the user's reference. */
function figureOf(sheets: SheetPlan[]): { address: string; value: number } | null {
  const sheet = sheets.find((p) => p.name === "6.5 Financieel");
  for (const [r, row] of (sheet?.cells ?? []).entries()) for (const [c, cell] of (row ?? []).entries()) {
    const v = cell?.f !== undefined ? cell.r : cell?.v;
    if (typeof v === "number" && v > 1000) return { address: `${String.fromCharCode(65 + c)}${r + 1}`, value: v };
  }
  return null;
}

async function buildOnce(context: Excel.RequestContext): Promise<{ plan: SheetPlan[]; readSyncs: number; writeSyncs: number }> {
  const c = counted(context);
  const state = await readExcelWorkbook(c.context);
  const readSyncs = c.syncs();
  const read = { grids: state.grids, otherSheets: state.otherSheets };
  const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets });
  if (!built.ok) throw new Error(built.message);
  const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
  await writePlan(c.context, built.plan, state, { supports, records: built.records });
  return { plan: built.plan.sheets, readSyncs, writeSyncs: c.syncs() - readSyncs };
}

async function build(context: Excel.RequestContext): Promise<void> {
  const first = await buildOnce(context);
  result.syncs = { read: first.readSyncs, write: first.writeSyncs };
  add("Rondes met Excel", first.readSyncs === 2 && first.writeSyncs === 3, `${first.readSyncs} om te lezen, ${first.writeSyncs} om te schrijven (verwacht 2 en 3)`);
  // read straight after the build: the host itself must have asked Excel to calculate
  const figures = await compareFigures(context, first.plan);
  result.figures = figures;
  add("Uitkomsten gelijk aan de rekenkern (zonder eigen herberekening)", figures.differences.length === 0 && figures.compared > 0, figures.differences.length === 0 ? `${figures.compared} formules vergeleken` : `${figures.differences.length} van ${figures.compared} verschillen, o.a. ${figures.differences.slice(0, 3).join("; ")}`);
}

async function rebuild(context: Excel.RequestContext): Promise<void> {
  const figure = figureOf((await buildPlanOnly(context)) ?? []);
  if (!figure) throw new Error("Geen bedrag gevonden op 6.5 Financieel.");
  const own = context.workbook.worksheets.add("_e2e eigen");
  const formula = `='6.5 Financieel'!${figure.address}`;
  own.getRange("A1").formulas = [[formula]];
  await context.sync();
  // events: anything Excel raises in this add-in during the rebuild is counted
  let events = 0;
  const count = async () => void events++;
  context.workbook.worksheets.onChanged.add(count);
  context.workbook.worksheets.onAdded.add(count);
  context.workbook.worksheets.onDeleted.add(count);
  await context.sync();
  const again = await buildOnce(context);
  const cell = own.getRange("A1").load("formulas,values");
  await context.sync();
  await new Promise((r) => setTimeout(r, 2000)); // events arrive a moment after the change
  result.rebuild = { writeSyncs: again.writeSyncs, formula: cell.formulas[0][0], value: cell.values[0][0], events };
  add("Eigen verwijzing naar een rapportblad blijft na opnieuw maken", cell.formulas[0][0] === formula, `${cell.formulas[0][0]} (verwacht ${formula})`);
  add("…en geeft het nieuwe bedrag", same(cell.values[0][0], figure.value), `${JSON.stringify(cell.values[0][0])} (rekenkern ${figure.value})`);
  add("Geen gebeurtenissen voor het eigen schrijfwerk", events === 0, `${events} gebeurtenissen tijdens het opnieuw maken (${again.writeSyncs} rondes)`);
  own.delete();
  await context.sync();
}

/** The plan of the workbook as it is now, without writing it. */
async function buildPlanOnly(context: Excel.RequestContext): Promise<SheetPlan[] | null> {
  const state = await readExcelWorkbook(context);
  const read = { grids: state.grids, otherSheets: state.otherSheets };
  const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets });
  return built.ok ? built.plan.sheets : null;
}

/** Run `f` and its sync; the error code, or "geen fout". */
async function codeOf(context: Excel.RequestContext, f: () => void): Promise<string> {
  try {
    f();
    await context.sync();
    return "geen fout";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
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

  const single = await codeOf(context, () => void ((r as unknown as { values: unknown }).values = 5));
  r.load("values");
  await context.sync();
  result.singleValue = { code: single, values: r.values };
  add("één waarde op een bereik van 2×2 geweigerd (zoals de testdubbel aanneemt)", single !== "geen fout", `${single}; ${JSON.stringify(r.values)}`);
  const oneByOne = await codeOf(context, () => void (r.numberFormat = [["0.00"]]));
  add("[[x]] op een bereik van 2×2 geweigerd (zoals de testdubbel aanneemt)", oneByOne !== "geen fout", oneByOne);

  proef.getRange("C1").formulas = [["=_e2e_bron!A1*2"]];
  bron.name = "_e2e hernoemd";
  const c1 = proef.getRange("C1").load("formulas,values");
  await context.sync();
  add("verwijzingen volgen een hernoemd blad", String(c1.formulas[0][0]).includes("_e2e hernoemd") && c1.values[0][0] === 14, `${c1.formulas[0][0]} = ${c1.values[0][0]}`);

  const geheim = sheets.add("_e2e_geheim");
  geheim.visibility = "VeryHidden" as Excel.SheetVisibility;
  await context.sync();
  const veryHidden = await codeOf(context, () => sheets.getItem("_e2e_geheim").delete());
  add("een zeer verborgen blad verwijderen geweigerd (InvalidOperation)", veryHidden === "InvalidOperation", veryHidden);
  sheets.getItem("_e2e_geheim").visibility = "Hidden" as Excel.SheetVisibility;
  sheets.getItem("_e2e_geheim").delete();
  await context.sync();

  let big = "geen fout";
  try {
    const range = proef.getRange("A1:E1000001").load("values");
    await context.sync();
    if (range.values === null) big = "null";
  } catch (e) {
    big = (e as { code?: string }).code ?? String(e);
  }
  add("meer dan 5 miljoen cellen lezen mislukt of geeft null", big !== "geen fout", big);

  // for the record: what Excel keeps of a batch that fails half-way (the host is right under either model)
  const partial = await codeOf(context, () => {
    sheets.add("_e2e_batch");
    sheets.getItem("_e2e bestaat niet").delete();
  });
  const left = sheets.getItemOrNullObject("_e2e_batch");
  left.load("name");
  await context.sync();
  result.failedBatch = { code: partial, firstCommandKept: !left.isNullObject };
  add("ter informatie: een mislukte batch", true, `${partial}; de opdracht ervoor is ${left.isNullObject ? "niet uitgevoerd (alles-of-niets)" : "wel uitgevoerd (deels)"}`);
  if (!left.isNullObject) left.delete();

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
    await excelRun(rebuild);
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
