/**
 * Realisatie as a ledger export (issue 12 §4): accounts mapped on Grootboek (with cost centres), booking
 * dates, Debet/Credit. The example's categorised ledger, rewritten as an export, must give the same
 * figures; unmapped accounts are one fout; the report's formulas over the export agree with LibreOffice.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportFile } from "../src/cli/pipeline";
import { computeResults } from "../src/domain/compute";
import { exampleWorkbook } from "../src/xlsx/example";
import { parseSaved } from "./support/workbook";
import { recalculateGnumeric } from "./support/gnumeric";
import { recalculate } from "./support/libreoffice";
import { compareRecalculated } from "./support/recalc-compare";
import { needs } from "./support/tools";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-ledger-"));
const d = (m: number, day: number) => new Date(Date.UTC(2025, m - 1, day));

/** Account (number or text, as exports differ) and cost centre per category of the example. */
const ACCOUNT: Record<string, [number | string, string | null]> = {
  Loonkosten: [4000, "KP100"],
  Vervanging: [4100, "KP100"],
  Opleiding: ["4200", null],
  "Aanvullende dienstverlening": [4300, "KP200"],
  Overig: [4300, "KP100"],
};

type Extra = Array<[number | string, string | null, Date, number | null, number | null, string]>;

/** The example workbook with its Realisatie rewritten as an export, and a Grootboek. */
async function exportWorkbook(extra: Extra = []): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
  const old = wb.getWorksheet("Realisatie");
  if (!old) throw new Error("no Realisatie");
  const rows: Array<{ m: number; cat: string; amount: number; text: string; dossier: string | null }> = [];
  old.eachRow((row, r) => {
    if (r === 1) return;
    const v = (c: number) => row.getCell(c).value;
    rows.push({ m: v(1) as number, cat: v(2) as string, amount: v(3) as number, text: v(4) as string, dossier: (v(5) as string | null) ?? null });
  });
  expect(rows.length).toBeGreaterThan(10);
  wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet("Realisatie");
  ws.addRow(["Rekening", "Kostenplaats", "Boekdatum", "Debet", "Credit", "Omschrijving", "Dossier"]);
  rows.forEach((r, i) => {
    const [account, cc] = ACCOUNT[r.cat];
    if (r.cat === "Loonkosten" && i === 0) {
      // a booking and its correction: 500 too much, credited in the same month
      ws.addRow([account, cc, d(r.m, 25), r.amount + 500, null, r.text, r.dossier]);
      ws.addRow([account, cc, d(r.m, 28), null, 500, "Correctie", null]);
    } else ws.addRow([account, cc, d(r.m, 1 + (i % 27)), r.amount, null, r.text, r.dossier]);
  });
  for (const e of extra) ws.addRow([e[0], e[1], e[2], e[3], e[4], e[5], null]);
  const map = wb.getWorksheet("Grootboek") ?? wb.addWorksheet("Grootboek");
  const start = map.rowCount + 1;
  if (start === 1) map.addRow(["Rekening", "Kostenplaats", "Categorie", "Omschrijving"]);
  const mapping: Array<[number | string, string | null, string]> = [
    [4000, null, "Loonkosten"], ["4100", null, "Vervanging"], [4200, null, "Opleiding"], [4300, "KP200", "Aanvullende dienstverlening"], [4300, null, "Overig"],
  ];
  for (const m of mapping) map.addRow([m[0], m[1], m[2], null]);
  return wb;
}

const parseOf = (wb: ExcelJS.Workbook, name: string) => parseSaved(wb, dir, name);

describe("Realisatie as a ledger export", () => {
  test("the export builds the same figures as the example's categorised ledger", async () => {
    const base = await parseOf(exampleWorkbook(), "voorbeeld.xlsx");
    const exp = await parseOf(await exportWorkbook(), "export.xlsx");
    expect(exp.parsed.problems.filter((p) => p.severity === "fout")).toEqual([]);
    if (!base.parsed.inputs || !exp.parsed.inputs) throw new Error("parse failed");
    const a = computeResults(base.parsed.inputs);
    const b = computeResults(exp.parsed.inputs);
    expect(b.realised).toEqual(a.realised);
    expect(b.variance).toEqual(a.variance);
    expect(b.forecast.roomUnderCeiling).toBe(20608.24);
    expect(b.forecast).toEqual(a.forecast);
    expect(b.realised["Aanvullende dienstverlening"]).toBe(4380.5);
    expect(b.realised.Overig).toBe(640);
  });

  test("unmapped accounts are one fout, each account once with its row count and total", async () => {
    const wb = await exportWorkbook([
      [4999, null, d(3, 3), 100, null, "Onbekend 1"],
      [4999, "KP100", d(4, 3), 250.5, null, "Onbekend 2"],
      ["8000", null, d(4, 9), null, 20, "Onbekend 3"],
    ]);
    const { parsed } = await parseOf(wb, "unmapped.xlsx");
    const fouten = parsed.problems.filter((p) => p.severity === "fout");
    expect(fouten).toHaveLength(1);
    expect(fouten[0].sheet).toBe("Realisatie");
    expect(fouten[0].message).toContain("2 rekeningen staan niet in het blad Grootboek");
    expect(fouten[0].message).toContain("4999 (2 boekingen, totaal € 350,50)");
    expect(fouten[0].message).toContain("8000 (1 boeking, totaal € -20,00)");
    expect(parsed.inputs).toBeNull();
  });

  test("no Grootboek, a booking date in another year, an empty Debet and Credit: each a fout at its cell", async () => {
    const wb = await exportWorkbook([[4000, null, new Date(Date.UTC(2024, 11, 31)), 10, null, "Vorig jaar"], [4000, null, d(5, 1), null, null, "Leeg"]]);
    const { parsed } = await parseOf(wb, "bad.xlsx");
    const msgs = parsed.problems.filter((p) => p.severity === "fout").map((p) => `${p.cell} ${p.message}`);
    expect(msgs.some((m) => /^C\d+ Boekdatum 31-12-2024 ligt niet in 2025/.test(m))).toBe(true);
    expect(msgs.some((m) => /^D\d+ Debet en Credit zijn allebei leeg/.test(m))).toBe(true);
    const wb2 = await exportWorkbook();
    const g = wb2.getWorksheet("Grootboek");
    if (g) wb2.removeWorksheet(g.id);
    const second = await parseOf(wb2, "nomap.xlsx");
    expect(second.parsed.problems.filter((p) => p.severity === "fout").map((p) => p.message)).toEqual([
      expect.stringContaining("het blad 'Grootboek' ontbreekt"),
    ]);
  });

  const libreoffice = needs("the ledger export report in LibreOffice", ["libreoffice", "openpyxl"]);
  libreoffice.test("the report over the export: every formula equals the engine in LibreOffice's recalculation", async () => {
    const { file } = await parseOf(await exportWorkbook(), "export-lo.xlsx");
    const out = path.join(dir, "export-rapport.xlsx");
    const r = await reportFile(file, out);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === "fout")));
    expect(r.results.forecast.roomUnderCeiling).toBe(20608.24);
    const [lo] = recalculate(libreoffice.path("libreoffice"), [out]);
    const { compared, mismatches, errors } = compareRecalculated(out, lo);
    expect(errors.slice(0, 10)).toEqual([]);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  }, 180_000);

  const gnumeric = needs("the ledger export report in Gnumeric", ["gnumeric", "openpyxl"]);
  gnumeric.test("the same in Gnumeric (the Grootboek lookup with IFERROR and INDEX/MATCH)", async () => {
    const { file } = await parseOf(await exportWorkbook(), "export-gnm.xlsx");
    const out = path.join(dir, "export-gnm-rapport.xlsx");
    const r = await reportFile(file, out);
    if (!r.ok) throw new Error("report failed");
    const { compared, mismatches, errors } = compareRecalculated(out, recalculateGnumeric(gnumeric.path("gnumeric"), out));
    expect(errors.slice(0, 10)).toEqual([]);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  }, 120_000);
});
