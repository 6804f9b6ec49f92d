/**
 * Host parity (issue 10, item 2): the workbook the Office.js host leaves in the strict Excel double equals the
 * file host's output, cell for cell — value, A1 formula, number format, and the look: font (bold, italic,
 * name, size, colour), fill, top and bottom border, alignment and wrap — with the same sheet order,
 * visibility and protection, for the example and three variants (overrun, SLA 2023, signed and then rebuilt).
 * The file host's output is read by openpyxl (test/support/excel-double/dump-xlsx.py), not by our reader.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { recalculate } from "./support/libreoffice";
import { needs } from "./support/tools";
import type { WorkbookPlan } from "../src/report/plan";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookGrids } from "../src/input/grid";
import type { SignAction } from "../src/records";
import { readExcelWorkbook } from "../src/office/read";
import { writePlan } from "../src/office/write";
import { checkWorkbook } from "../src/job/check";
import { planBuild } from "../src/job/build";
import { otherSheetNames, readBytesSync, type ReadBook } from "../src/xlsx/read";
import { saveDouble } from "./support/excel-double/save";
import { writeReport } from "../src/xlsx/write";
import { ExcelDouble } from "./support/excel-double";
import { setupOf } from "./support/excel-double/grids";
import { addRow, exampleGrids, setSetting } from "./grids";

const NOW = new Date("2025-07-01T10:00:00Z");
const tmp = mkdtempSync(path.join(os.tmpdir(), "parity-"));

interface DumpedCell {
  value?: unknown;
  formula?: string;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  font?: string;
  size?: number;
  color?: string;
  fill?: string;
  top?: string;
  bottom?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
}

interface Dumped {
  name: string;
  visibility: string;
  protected: boolean;
  cells: Record<string, DumpedCell>;
}

async function inputFile(grids: WorkbookGrids, userFormulas: Record<string, string> = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids.sheets) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((r, i) => r.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = typeof v === "object" && !(v instanceof Date) ? { error: v.error } as ExcelJS.CellErrorValue : v;
      if (v instanceof Date) cell.numFmt = "d-m-yyyy";
    }));
  }
  if (Object.keys(userFormulas).length > 0) {
    const own = wb.addWorksheet("Mijn blad");
    for (const [a, f] of Object.entries(userFormulas)) own.getCell(a).value = { formula: f } as ExcelJS.CellFormulaValue;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function dump(bytes: Uint8Array, name: string): Dumped[] {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return JSON.parse(execFileSync("/usr/bin/python3", [path.join(__dirname, "support", "excel-double", "dump-xlsx.py"), file], { encoding: "utf8", maxBuffer: 1 << 28 }));
}

const WEIGHT: Record<string, string> = { Thin: "thin", Hairline: "hair", Medium: "medium", Thick: "thick" };
const hex = (c: string | undefined) => c?.replace(/^#/, "").toUpperCase();

/** The double's workbook in the same shape (key order as the dump script writes it). */
function dumpDouble(xl: ExcelDouble): Dumped[] {
  return xl.exportWorkbook().sheets.map((s) => {
    const cells: Dumped["cells"] = {};
    for (const [a, c] of Object.entries(s.cells)) {
      if ((c.value === null || c.value === "") && c.formula === undefined) continue;
      const cell: DumpedCell = { numberFormat: c.numberFormat };
      if (c.formula !== undefined) cell.formula = c.formula;
      else cell.value = c.value;
      const st = c.style ?? {};
      if (st.bold) cell.bold = true;
      if (st.italic) cell.italic = true;
      if (st.fontName !== undefined || st.size !== undefined || st.color !== undefined) {
        cell.font = st.fontName;
        cell.size = st.size;
        if (st.color) cell.color = hex(st.color);
      }
      if (st.fill) cell.fill = hex(st.fill);
      if (st.borderTop) cell.top = `${WEIGHT[st.borderTopWeight ?? ""] ?? st.borderTop}:${hex(st.borderTopColor) ?? ""}`;
      if (st.borderBottom) cell.bottom = `${WEIGHT[st.borderBottomWeight ?? ""] ?? st.borderBottom}:${hex(st.borderBottomColor) ?? ""}`;
      if (st.horizontalAlignment) cell.horizontal = st.horizontalAlignment.toLowerCase();
      if (st.verticalAlignment) cell.vertical = st.verticalAlignment.toLowerCase();
      if (st.wrap) cell.wrap = true;
      cells[a] = cell;
    }
    return { name: s.name, visibility: s.visibility.charAt(0).toLowerCase() + s.visibility.slice(1), protected: s.protected, cells };
  });
}

/** One build through each host, from the same input; `action` for a sign-off build. */
function fileBuild(book: ReadBook, grids: WorkbookGrids, action?: SignAction): { bytes: Uint8Array; book: ReadBook; grids: WorkbookGrids } {
  const read = { grids, otherSheets: otherSheetNames(book) };
  const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets, now: NOW, action });
  if (!built.ok) throw new Error(built.message);
  const bytes = writeReport(book, built.plan, built.records, { now: NOW });
  const again = readBytesSync(bytes, "uit");
  if (!again.ok) throw new Error(again.message);
  return { bytes, book: again.book, grids: again.grids };
}

async function officeBuild(xl: ExcelDouble, action?: SignAction): Promise<WorkbookPlan> {
  const state = await readExcelWorkbook(xl.context());
  const read = { grids: state.grids, otherSheets: state.otherSheets };
  const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets, now: NOW, action });
  if (!built.ok) throw new Error(built.message);
  await writePlan(xl.context(), built.plan, state, { supports: xl.supports, records: built.records });
  return built.plan;
}

/** Differences, in words: sheet order and state, then cell by cell (the meta sheet's id column is the Office host's own). */
function differences(file: Dumped[], office: Dumped[], inputs: string[], skipHashes = true): string[] {
  const out: string[] = [];
  const names = (d: Dumped[]) => d.map((s) => `${s.name} (${s.visibility}${s.protected ? ", beveiligd" : ""})`);
  if (JSON.stringify(names(file)) !== JSON.stringify(names(office))) out.push(`sheets: file ${names(file).join(", ")} | office ${names(office).join(", ")}`);
  for (const f of file) {
    const o = office.find((s) => s.name === f.name);
    // the input sheets are the test's own setup, written by neither host
    if (!o || inputs.includes(f.name)) continue;
    const addresses = new Set([...Object.keys(f.cells), ...Object.keys(o.cells)]);
    for (const a of addresses) {
      if (f.name === "_dvo_addendum" && a.startsWith("C")) continue;
      if (f.name === "_dvo_momentopname" && a.startsWith("C") && skipHashes) continue;
      const x = JSON.stringify(f.cells[a] ?? null);
      const y = JSON.stringify(o.cells[a] ?? null);
      if (x !== y) out.push(`${f.name}!${a}: file ${x} | office ${y}`);
    }
  }
  return out;
}

const VARIANTS: Array<[string, (g: WorkbookGrids) => void]> = [
  ["the example", () => undefined],
  ["an overrun", (g) => void addRow(g, "Realisatie", { Maand: 5, Categorie: "Loonkosten", Bedrag: 250000, Omschrijving: "Extra inhuur wegens drukte", Dossier: null })],
  ["SLA 2023", (g) => void setSetting(g, "SLA-versie", 2023)],
];

describe("host parity: the Office.js host in the double equals the file host", () => {
  test.each(VARIANTS)("%s", async (_name, change) => {
    const grids = exampleGrids();
    change(grids);
    const input = readBytesSync(await inputFile(grids), "invoer");
    if (!input.ok) throw new Error(input.message);
    const file = fileBuild(input.book, input.grids);
    const xl = new ExcelDouble({ sheets: setupOf(input.grids) });
    await officeBuild(xl);
    const d = differences(dump(file.bytes, "uit.xlsx"), dumpDouble(xl), input.grids.sheets.map((g) => g.name));
    expect([d.length, d.slice(0, 15)]).toEqual([0, []]);
  });

  test("signed, then rebuilt", async () => {
    const input = readBytesSync(await inputFile(exampleGrids()), "invoer");
    if (!input.ok) throw new Error(input.message);
    const sign: SignAction = { kind: "sign", regisseur: "J. de Vries", accounthouder: "A. Jansen" };
    const signed = fileBuild(input.book, input.grids, sign);
    const rebuilt = fileBuild(signed.book, signed.grids);
    const xl = new ExcelDouble({ sheets: setupOf(input.grids) });
    await officeBuild(xl, sign);
    await officeBuild(xl);
    const d = differences(dump(rebuilt.bytes, "rebuilt.xlsx"), dumpDouble(xl), input.grids.sheets.map((g) => g.name));
    expect([d.length, d.slice(0, 15)]).toEqual([0, []]);
  });

  // The snapshot hashes a date as its serial number in both hosts (src/records/snapshot.ts, rowHash), so a workbook
  // snapshotted in Excel and then checked by the CLI (or the other way round) sees the same rows.
  test("the snapshot's row hashes are the same in both hosts (dates count as their serial)", async () => {
    const input = readBytesSync(await inputFile(exampleGrids()), "invoer");
    if (!input.ok) throw new Error(input.message);
    const file = fileBuild(input.book, input.grids);
    const xl = new ExcelDouble({ sheets: setupOf(input.grids) });
    await officeBuild(xl);
    expect(differences(dump(file.bytes, "uit.xlsx"), dumpDouble(xl), input.grids.sheets.map((g) => g.name), false)).toEqual([]);
  });

  /** The first cell of 6.5 Financieel with a number as its value or engine value, and that number. */
  const financeFigure = (built: WorkbookPlan): { address: string; value: number } => {
    const sheet = built.sheets.find((p) => p.name === "6.5 Financieel");
    for (const [r, row] of (sheet?.cells ?? []).entries()) for (const [c, cell] of (row ?? []).entries()) {
      const v = cell?.f !== undefined ? cell.r : cell?.v;
      if (typeof v === "number" && v > 1000) return { address: `${String.fromCharCode(65 + c)}${r + 1}`, value: v };
    }
    throw new Error("no figure on 6.5 Financieel");
  };

  const libreoffice = needs("the Office.js host's workbook in LibreOffice", ["libreoffice", "openpyxl"]);

  libreoffice.test("a user's formula that points at a report sheet survives two rebuilds in both hosts (the file host's output recalculated by LibreOffice)", async () => {
    const probe = readBytesSync(await inputFile(exampleGrids()), "invoer");
    if (!probe.ok) throw new Error(probe.message);
    const figure = financeFigure((await (async () => {
      const read = { grids: probe.grids, otherSheets: otherSheetNames(probe.book) };
      const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets, now: NOW });
      if (!built.ok) throw new Error(built.message);
      return built;
    })()).plan);
    const formula = `'6.5 Financieel'!${figure.address}*2`;
    // the file host: the user's sheet exists before the first build, with a reference to a sheet still to come
    const input = readBytesSync(await inputFile(exampleGrids(), { A1: formula }), "invoer");
    if (!input.ok) throw new Error(input.message);
    let file = fileBuild(input.book, input.grids);
    file = fileBuild(file.book, file.grids);
    file = fileBuild(file.book, file.grids);
    const own = dump(file.bytes, "verwijzing.xlsx").find((s) => s.name === "Mijn blad");
    expect(own?.cells.A1?.formula).toBe(`=${formula}`);
    {
      const sofficePath = libreoffice.path("libreoffice");
      const saved = path.join(tmp, "verwijzing.xlsx");
      writeFileSync(saved, file.bytes);
      const [recalculated] = recalculate(sofficePath, [saved]);
      const script = "import sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1],data_only=True)\nprint(wb['Mijn blad']['A1'].value)";
      const value = Number(execFileSync("/usr/bin/python3", ["-c", script, recalculated], { encoding: "utf8" }).trim());
      expect(value).toBeCloseTo(figure.value * 2, 2);
    }
    // the Office.js host: the same reference, written after the first build, kept by two rebuilds
    const xl = new ExcelDouble({ sheets: [...setupOf(probe.grids), { name: "Mijn blad" }] });
    await officeBuild(xl);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Mijn blad").getRange("A1").formulas = [[`=${formula}`]];
    await ctx.sync();
    await officeBuild(xl);
    await officeBuild(xl);
    expect(xl.cell("Mijn blad", "A1").formula).toBe(`=${formula}`);
  });

  libreoffice.test("LibreOffice's recalculation of what the Office.js host left in the double equals the engine's values", async () => {
    const inputBytes = await inputFile(exampleGrids());
    const input = readBytesSync(inputBytes, "invoer");
    if (!input.ok) throw new Error(input.message);
    const xl = new ExcelDouble({ sheets: setupOf(input.grids) });
    const built = await officeBuild(xl);
    // saved through the project's own file writer: the input package with the sheets the Office.js host made
    const saved = path.join(tmp, "office.xlsx");
    writeFileSync(saved, saveDouble(inputBytes, xl.exportWorkbook(), input.grids.sheets.map((g) => g.name)));
    const [recalculated] = recalculate(libreoffice.path("libreoffice"), [saved]);
    const script = "import json,sys,openpyxl\nfrom openpyxl.utils.datetime import to_excel\nwb=openpyxl.load_workbook(sys.argv[1],data_only=True)\nprint(json.dumps({ws.title:{c.coordinate:(to_excel(c.value) if hasattr(c.value,'year') else c.value) for r in ws.iter_rows() for c in r if c.value is not None} for ws in wb.worksheets}))";
    const values = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, recalculated], { encoding: "utf8", maxBuffer: 1 << 28 })) as Record<string, Record<string, unknown>>;
    const wrong: string[] = [];
    let compared = 0;
    for (const sheet of built.sheets) {
      sheet.cells.forEach((row, r) => row?.forEach((c, i) => {
        if (!c || c.f === undefined || c.r === undefined || c.r === null) return;
        const a = `${String.fromCharCode(65 + i)}${r + 1}`;
        const v = values[sheet.name]?.[a];
        compared++;
        const same = typeof c.r === "number" ? typeof v === "number" && Math.abs(v - c.r) <= 0.005 : c.r === "" ? v === undefined || v === "" : v === c.r;
        if (!same) wrong.push(`${sheet.name}!${a} = ${c.f}: LibreOffice ${JSON.stringify(v)}, engine ${JSON.stringify(c.r)}`);
      }));
    }
    expect(compared).toBeGreaterThan(200);
    expect([wrong.length, wrong.slice(0, 10)]).toEqual([0, []]);
  });
});
