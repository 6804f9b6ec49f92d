/**
 * The Verschilanalyse (issue 12 §3) on the example's next year: the three effects add up to the change in
 * plafond, a table edited since the record shows as its own line, and every figure is a live formula equal
 * to the engine in LibreOffice's recalculation.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { reportFile } from "../src/cli/pipeline";
import { computeComparison } from "../src/domain/comparison";
import { round2 } from "../src/domain/money";
import { exampleWorkbook } from "../src/xlsx/example";
import { parseWorkbook } from "../src/input/parse";
import { readPrevious } from "../src/input/previous";
import { readWorkbookFile } from "../src/xlsx/file";
import { recalculateGnumeric } from "./support/gnumeric";
import { recalculate } from "./support/libreoffice";
import { compareRecalculated, readCells } from "./support/recalc-compare";
import { needs } from "./support/tools";
import { setByHeader } from "./support/workbook";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-cmp-"));
const quiet = { out: () => undefined, err: () => undefined };

async function nextYear(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const src = path.join(dir, `${name}-2025.xlsx`);
  await exampleWorkbook().xlsx.writeFile(src);
  const plain = path.join(dir, `${name}-2026-plain.xlsx`);
  expect(await main(["next-year", src, "-o", plain, "--cao", "2026-10-01 +2%"], quiet)).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(plain);
  edit(wb);
  const out = path.join(dir, `${name}-2026.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

async function engine(file: string) {
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(read.message);
  const parsed = parseWorkbook(read.grids);
  if (!parsed.inputs) throw new Error(JSON.stringify(parsed.problems));
  const { record } = readPrevious(read.grids);
  if (!record) throw new Error("no record");
  return { inputs: parsed.inputs, record };
}

/** One more line of 1,0 fte in scale 8, and the IKB-percentage up to 18%. */
const changed = (wb: ExcelJS.Workbook) => {
  wb.getWorksheet("Formatie")!.addRow(["Medewerker publiekszaken extra", "BRP", 8, 1, "Vacature", null]);
  setByHeader(wb, "Instellingen", "Instelling", "IKB-percentage", "Waarde", 0.18);
};

describe("Verschilanalyse", () => {
  const files: Record<string, string> = {};
  const reports: Record<string, string> = {};
  const ceilings: Record<string, number> = {};

  beforeAll(async () => {
    files.changed = await nextYear("changed", changed);
    files.edited = await nextYear("edited", (wb) => {
      changed(wb);
      // the 2025 table of scale 7 edited after the addendum was recorded
      const ws = wb.getWorksheet("Salaristabel")!;
      ws.eachRow((row) => {
        const d = row.getCell(1).value;
        if (d instanceof Date && d.toISOString().startsWith("2025-04-01") && row.getCell(2).value === 7) row.getCell(4).value = (row.getCell(4).value as number) + 10;
      });
    });
    for (const [k, f] of Object.entries(files)) {
      const out = path.join(dir, `${k}-rapport.xlsx`);
      const r = await reportFile(f, out);
      if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === "fout")));
      reports[k] = out;
      ceilings[k] = r.results.ceiling.ceiling;
    }
  }, 120_000);

  test("P(F₀, 2025, p₀) with the carried tables is the recorded plafond of docs/rekenregels.md; the effects add up to the change", async () => {
    const { inputs, record } = await engine(files.changed);
    expect(record.totals.ceiling.value).toBe(649519.35);
    const prev = {
      year: 2025, formation: record.formation.map((f) => ({ scale: f.scale, fte: f.fte, service: f.service })),
      parameters: { ikbRate: 0.1705, employerChargesRate: 0.3 }, ceiling: 649519.35,
    };
    const line = (f: { scale: string; fte: number; service: typeof prev.formation[number]["service"] }) => f;
    const { comparison: c } = computeComparison(inputs.salaryTable, 2026, inputs.formation.map(line), { ikbRate: 0.18, employerChargesRate: 0.3 }, ceilings.changed, prev);
    if (!c) throw new Error("no comparison");
    expect(c.p00).toBe(649519.35);
    expect(c.recalculationDifference).toBe(0);
    // the added line: 1,0 fte × K(8) in 2025 with p₀, which the record has as the 1,0 fte line of scale 8
    expect(c.formationEffect).toBe(80028.14);
    expect(c.parameterEffect).toBeGreaterThan(0);
    expect(c.caoEffect).toBeGreaterThan(0);
    expect(round2(c.formationEffect + c.caoEffect + c.parameterEffect)).toBe(round2(ceilings.changed - 649519.35));
    expect(c.change).toBe(round2(ceilings.changed - 649519.35));
  });

  test("the Addendum shows the bridge, with the edited-table difference on its own line only when there is one", () => {
    const labels = (k: string) => Object.values(readCells(reports[k])["Addendum 2026"]).map(([, v]) => v).filter((v): v is string => typeof v === "string");
    const a = labels("changed");
    expect(a).toEqual(expect.arrayContaining(["Verschilanalyse: van het plafond 2025 naar 2026", "Geraamde salaristabellen", "Per pakket: 2025 en 2026", "Budget P&C: 2025 en 2026"]));
    expect(a.some((v) => v.startsWith("Tabellen 2025 gewijzigd"))).toBe(false);
    expect(labels("edited").some((v) => v === "Tabellen 2025 gewijzigd")).toBe(true);
  });

  const libreoffice = needs("the comparison report in LibreOffice", ["libreoffice", "openpyxl"]);
  libreoffice.test("LibreOffice's recalculation equals the engine in every formula, and the steps add up ('Ja')", () => {
    const names = Object.keys(reports);
    const lo = recalculate(libreoffice.path("libreoffice"), names.map((n) => reports[n]));
    names.forEach((n, i) => {
      const { compared, mismatches, errors } = compareRecalculated(reports[n], lo[i]);
      expect(errors.slice(0, 10)).toEqual([]);
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(compared).toBeGreaterThan(500);
      const cells = readCells(lo[i], true)["Addendum 2026"];
      const addsUp = Object.entries(readCells(reports[n])["Addendum 2026"]).find(([, [, v]]) => v === "De stappen tellen op tot de verandering");
      expect(addsUp).toBeDefined();
      const row = Number(/\d+$/.exec(addsUp![0])![0]);
      expect(cells[`B${row}`]?.[1]).toBe("Ja");
    });
  }, 240_000);

  const gnumeric = needs("the comparison report in Gnumeric", ["gnumeric", "openpyxl"]);
  gnumeric.test("Gnumeric, the second engine, agrees too (MAXIFS inside SUMIFS, INDEX/MATCH on the record)", () => {
    const { compared, mismatches, errors } = compareRecalculated(reports.edited, recalculateGnumeric(gnumeric.path("gnumeric"), reports.edited));
    expect(errors.slice(0, 10)).toEqual([]);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  test("a record edited by hand, or of another year: a waarschuwing naming the cell; the report is built without the comparison", async () => {
    const broken = await nextYear("broken", (wb) => {
      const ws = wb.getWorksheet("Vorig addendum")!;
      ws.eachRow((row) => {
        if (row.getCell(2).value === "Plafond formatieve kosten") row.getCell(6).value = "veel";
      });
    });
    const read = await readWorkbookFile(broken);
    if (!read.ok) throw new Error(read.message);
    const p = parseWorkbook(read.grids);
    expect(p.inputs).not.toBeNull();
    expect(p.problems.filter((x) => x.sheet === "Vorig addendum").map((x) => [x.severity, x.cell, x.message])).toEqual([
      ["waarschuwing", "F18", expect.stringMatching(/^Het vorige addendum is niet te lezen, dus het rapport heeft geen verschilanalyse: het bedrag van 'Plafond formatieve kosten' is geen getal\./)],
    ]);
    const out = path.join(dir, "broken-rapport.xlsx");
    const r = await reportFile(broken, out);
    expect(r.ok).toBe(true);
    expect(Object.values(readCells(out)["Addendum 2026"]).some(([, v]) => v === "Verschilanalyse: van het plafond 2025 naar 2026")).toBe(false);

    const other = await nextYear("other", (wb) => setByHeader(wb, "Vorig addendum", "Soort", "Jaar", "Waarde", 2023));
    const read2 = await readWorkbookFile(other);
    if (!read2.ok) throw new Error(read2.message);
    expect(parseWorkbook(read2.grids).problems.filter((x) => x.sheet === "Vorig addendum").map((x) => x.message)).toEqual([
      expect.stringContaining("bevat het addendum van 2023, maar deze werkmap is van 2026"),
    ]);
  }, 60_000);
});
