/**
 * What people see in the report sheets: no text cut off (every shown text and figure measured with the
 * real widths of Calibri's metric twin Carlito against its column or merge, allowing for wrap and the row
 * height — test/support/text-fit.py), headers aligned with their figures, one verdict on Controle, the sign
 * convention of Instellingen, signature lines, scales in natural order, no references to the internal spec,
 * print setup on every sheet, Dutch local time.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportFile, type ReportOutcome } from "../src/cli/pipeline";
import { exampleWorkbook } from "../src/xlsx/example";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../src/report/plan";
import { formatBuildTime } from "../src/report/title";
import { PYTHON } from "./support/paths";
import { needs } from "./support/tools";
import { setByHeader } from "./support/workbook";

// text-fit.py reads the report with openpyxl and measures with fontTools in the four Carlito faces
const measuring = needs("the text-fit check", ["carlito", "fonttools", "openpyxl"]);

interface Fit { measured: number; bad: Array<{ sheet: string; cell: string; text: string; why: string }> }

function textFit(file: string, sheets: string[]): Fit {
  const out = execFileSync(PYTHON, [path.join(__dirname, "support", "text-fit.py"), file, ...sheets], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return JSON.parse(out.toString("utf8")) as Fit;
}

/** Set the first data row's cell under `header` on `sheet`. */
function setFirst(wb: ExcelJS.Workbook, sheet: string, header: string, value: ExcelJS.CellValue): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  let col = 0;
  ws.getRow(1).eachCell((c, n) => { if (c.value === header) col = n; });
  if (!col) throw new Error(`no column ${header} on ${sheet}`);
  ws.getCell(2, col).value = value;
}

const LONG_NOTE = "Door langdurig verzuim in het team backoffice en de voorbereiding van de verkiezingen is de werkdruk in het voorjaar hoog geweest. ".repeat(6).trim();

const dir = mkdtempSync(path.join(tmpdir(), "dvo-layout-"));
const cases: Record<string, (wb: ExcelJS.Workbook) => void> = {
  example: () => undefined,
  longTexts: (wb) => {
    setFirst(wb, "Kwalitatief", "Tekst", LONG_NOTE);
    setFirst(wb, "Formatie", "Functie", "Senior medewerker publiekszaken frontoffice met coördinatie van de avondopenstellingen");
    setFirst(wb, "Producten", "Product", "Verklaring omtrent het gedrag voor een buitenlandse werkgever (spoedaanvraag)");
  },
  voordeel: (wb) => setByHeader(wb, "Instellingen", "Instelling", "Verschil positief", "Waarde", "Voordeel"),
};
const outcomes: Record<string, Extract<ReportOutcome, { ok: true }>> = {};
const files: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, mutate] of Object.entries(cases)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    mutate(wb);
    const input = path.join(dir, `${name}-invoer.xlsx`);
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, `${name}.xlsx`);
    const r = await reportFile(input, out, { builtAt: new Date("2025-07-01T22:30:00Z") });
    if (!r.ok) throw new Error(`${name}: ${r.message ?? ""} ${JSON.stringify(r.problems)}`);
    outcomes[name] = r;
    files[name] = out;
  }
}, 180_000);

const sheet = (plan: WorkbookPlan, name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const shown = (c: PlanCell | undefined) => (c ? (c.f !== undefined ? c.r : c.v) : undefined);
/** 1-based row of the first cell in column A with this text. */
const rowOf = (s: SheetPlan, text: string | RegExp) => 1 + s.cells.findIndex((r) => { const v = shown(r?.[0]); return typeof v === "string" && (typeof text === "string" ? v === text : text.test(v)); });

measuring.test.each(Object.keys(cases))("%s: no text or figure is cut off in any report sheet", (name) => {
  const fit = textFit(files[name], outcomes[name].plan.sheets.map((s) => s.name));
  expect(fit.bad).toEqual([]);
  expect(fit.measured).toBeGreaterThan(1000);
});

test("the example keeps the worked figures", () => {
  const r = outcomes.example.results;
  expect([r.ceiling.ceiling, r.ceiling.totalBudget, r.forecast.roomUnderCeiling]).toEqual([649519.35, 786432.83, 43219.35]);
});

test("headers over figures are right-aligned, over codes centred, over text left", () => {
  const fin = sheet(outcomes.example.plan, "6.5 Financieel");
  const h = fin.cells[rowOf(fin, "Regel") - 1];
  expect(h.slice(0, 8).map((c) => [c?.v, c?.align])).toEqual([
    ["Regel", undefined], ["Jaarbudget", "right"], ["Begroot t/m jun", "right"], ["Gerealiseerd t/m jun", "right"],
    ["Verschil (+ = nadeel)", "right"], ["Verschil %", "right"], ["Toelichting vereist", "center"], ["Toelichting (controller)", undefined],
  ]);
  const add = sheet(outcomes.example.plan, "Addendum 2025");
  const fh = add.cells[rowOf(add, "Functie") - 1];
  expect(fh.map((c) => c?.align)).toEqual([undefined, undefined, "center", "right", "right", "right", "right", "right", "right", "center"]);
});

test("sign convention: nadeel red and voordeel green, whichever sign the setting gives", () => {
  const pick = (name: string) => {
    const fin = sheet(outcomes[name].plan, "6.5 Financieel");
    const header = rowOf(fin, "Regel");
    const row = fin.cells[rowOf(fin, "Formatieve kosten") - 1];
    const rules = fin.conditional.filter((c) => c.range.startsWith(`E${header + 1}:`));
    return { label: fin.cells[header - 1][4]?.v, formula: row[4]?.f, value: row[4]?.r, rules: rules.map((c) => [c.style, c.formula]) };
  };
  // realised 304,350.00 against 324,759.68 budgeted to date: an underspend, a voordeel
  expect(pick("example")).toEqual({ label: "Verschil (+ = nadeel)", formula: "ROUND(D9-C9,2)", value: -20409.68,
    rules: [["bad", "$E9>0"], ["good", "$E9<0"]] });
  expect(pick("voordeel")).toEqual({ label: "Verschil (+ = voordeel)", formula: "ROUND(C9-D9,2)", value: 20409.68,
    rules: [["bad", "$E9<0"], ["good", "$E9>0"]] });
  // no colour hidden in a number format
  for (const s of outcomes.example.plan.sheets) for (const r of s.cells) for (const c of r) expect(c?.nf ?? "").not.toMatch(/\[(Red|Green|Rood)\]/i);
});

test("a sign convention that is not nadeel or voordeel is a fout on Instellingen", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
  setByHeader(wb, "Instellingen", "Instelling", "Verschil positief", "Waarde", "gunstig");
  const input = path.join(dir, "bad-sign.xlsx");
  await wb.xlsx.writeFile(input);
  const r = await reportFile(input, path.join(dir, "bad-sign-out.xlsx"));
  expect(r.ok).toBe(false);
  expect(r.problems.filter((p) => p.severity === "fout").map((p) => `${p.sheet}!${p.cell} ${p.message}`))
    .toEqual(["Instellingen!B14 Verschil positief: 'gunstig' is geen keuze: kies nadeel of voordeel."]);
});

test("Controle opens with one verdict above everything else", () => {
  const c = sheet(outcomes.example.plan, "Controle");
  const v = rowOf(c, "Oordeel");
  expect(v).toBeGreaterThan(0);
  expect(v).toBeLessThan(rowOf(c, "Bevindingen in de invoer"));
  const cell = c.cells[v - 1][1];
  expect(cell?.r).toBe("IN ORDE");
  expect(cell?.f).toMatch(/^IF\(AND\(COUNTIF\(B\d+:B\d+,"OK"\)=\d+,COUNTIF\(E\d+:E\d+,"OK"\)=\d+\),"IN ORDE","NIET IN ORDE"\)$/);
  expect(shown(c.cells[v - 1][2])).toBe("Alle aansluitingen en kerncijfers kloppen; 0 fouten en 1 waarschuwing in de invoer.");
});

test("the Addendum ends with signature lines for both parties", () => {
  const a = sheet(outcomes.example.plan, "Addendum 2025");
  const labels = a.cells.map((r) => shown(r?.[0]));
  const from = labels.indexOf("Voor de opdrachtgever, Gemeente Ommen");
  expect(from).toBeGreaterThan(0);
  expect(labels.slice(from)).toEqual(["Voor de opdrachtgever, Gemeente Ommen", "Naam", "Functie", "Plaats", "Datum", "Handtekening", undefined,
    "Voor de opdrachtnemer, Gemeente Twenterand", "Naam", "Functie", "Plaats", "Datum", "Handtekening"]);
  const sign = labels.lastIndexOf("Handtekening");
  expect(a.heights?.[sign]).toBeGreaterThanOrEqual(40);
  expect(a.editable).toContain(`B${sign + 1}`);
});

test("scales in natural order; no references to the spec; Berekening headers in words", () => {
  const a = sheet(outcomes.example.plan, "Addendum 2025");
  const start = rowOf(a, /^Gebruikte salaristabellen/);
  const scales: string[] = [];
  for (let r = start + 1; shown(a.cells[r]?.[0]) !== undefined; r++) scales.push(String(shown(a.cells[r][0])));
  expect(scales.length).toBeGreaterThan(3);
  const order = (s: string) => parseInt(s, 10) * 10 + (/A$/.test(s) ? 1 : 0);
  expect(scales).toEqual([...scales].sort((x, y) => order(x) - order(y)));
  expect(new Set(scales)).toEqual(new Set(["7", "8", "9", "11"]));

  const texts = outcomes.example.plan.sheets.flatMap((s) => s.cells.flatMap((r) => r.map((c) => shown(c)).filter((v): v is string => typeof v === "string")));
  expect(texts.filter((t) => /RULES|§|Σ/.test(t))).toEqual([]);
  const calc = sheet(outcomes.example.plan, "Berekening");
  const headers = calc.cells.flatMap((r) => r.filter((c) => c?.s === "header").map((c) => String(c?.v)));
  expect(headers.filter((h) => /(^|\s)[SIKWncRF](\s|$|\))/.test(h))).toEqual([]);
});

test("every report sheet prints: area with its charts, landscape, one page wide, page numbers", () => {
  for (const s of outcomes.example.plan.sheets) {
    expect(s.print).toMatchObject({ landscape: true, fitWidth: 1, pageNumbers: true });
    expect(s.print?.area).toMatch(/^A1:[A-Z]+\d+$/);
  }
  // 6.5 has charts from column J/K: the print area reaches past them
  expect(sheet(outcomes.example.plan, "6.5 Financieel").print?.area).toMatch(/^A1:(Q|R|S|T)\d+$/);
});

test("times are Dutch local time (Europe/Amsterdam, summer and winter)", () => {
  expect(formatBuildTime(new Date("2025-07-01T22:30:00Z"))).toBe("2-7-2025 00:30");
  expect(formatBuildTime(new Date("2026-11-29T15:20:00Z"))).toBe("29-11-2026 16:20");
  const title = sheet(outcomes.example.plan, "Controle").cells[3][0]?.v;
  expect(title).toMatch(/^Gemaakt op 2-7-2025 00:30 /);
});

test("the input template prints: one page wide, header row on every page, page numbers per sheet", async () => {
  const file = path.join(dir, "template.xlsx");
  await exampleWorkbook().xlsx.writeFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) {
    expect([ws.name, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight, ws.pageSetup.printTitlesRow, ws.pageSetup.firstPageNumber])
      .toEqual([ws.name, true, 1, 0, "1:1", 1]);
    expect(ws.headerFooter.oddFooter).toBe("&L&A&RPagina &P");
  }
  const orientation = Object.fromEntries(wb.worksheets.map((ws) => [ws.name, ws.pageSetup.orientation]));
  expect(orientation.Instellingen).toBe("portrait");
  expect(orientation.Salaristabel).toBe("landscape");
});

test("a short text after a figure is centred, also after an empty percentage", () => {
  const fin = sheet(outcomes.example.plan, "6.5 Financieel");
  const overig = fin.cells[rowOf(fin, "Overig") - 1];
  expect([shown(overig[5]), shown(overig[6]), overig[6]?.align]).toEqual(["", "Nee", "center"]);
  const add = sheet(outcomes.example.plan, "Addendum 2025");
  const used = add.cells[rowOf(add, /^Gebruikte salaristabellen/) + 1];
  expect(used.slice(0, 2).map((c) => c?.align)).toEqual(["center", "center"]);
});

test("the verdict is NIET IN ORDE when the workbook's own records were tampered with (Logboek deleted with openpyxl)", async () => {
  const tampered = path.join(dir, "tampered.xlsx");
  execFileSync(PYTHON, ["-c", "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); del wb['Logboek']; wb.save(sys.argv[2])", files.example, tampered]);
  const r = await reportFile(tampered, path.join(dir, "tampered-rapport.xlsx"));
  if (!r.ok) throw new Error(`${r.message ?? ""} ${JSON.stringify(r.problems)}`);
  const c = sheet(r.plan, "Controle");
  const v = c.cells[rowOf(c, "Oordeel") - 1];
  expect(v[1]?.r).toBe("NIET IN ORDE");
  expect(v[1]?.f).toMatch(/,FALSE\(\)\),"IN ORDE","NIET IN ORDE"\)$/);
  expect(shown(v[2])).toMatch(/^De eigen administratie van de werkmap \(Logboek, ondertekening\) is aangetast/);
});
