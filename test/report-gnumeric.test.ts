/**
 * The second real engine: Gnumeric (`ssconvert --recalc`) recalculates the report and every formula cell
 * must equal the engine's value we stored as its cached result — no #VALUE!, no other error.
 * (Gnumeric 1.12.55 gives #VALUE! for an array expression inside MAX inside SUMPRODUCT; the report uses
 * MAXIFS / SUMIFS / INDEX-MATCH instead, which it evaluates like Excel.)
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { exampleWorkbook } from "../src/xlsx/example";
import { reportVariant } from "./support/report";
import { sla2023Workbook } from "./sla2023-workbook";
import { recalculateGnumeric } from "./support/gnumeric";
import { compareRecalculated } from "./support/recalc-compare";
import { needs } from "./support/tools";
import { setByHeader } from "./support/workbook";

const gnumeric = needs("the Gnumeric second-engine check", ["gnumeric", "openpyxl"]);

gnumeric.describe("Gnumeric recalculation agrees with the engine", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-gnm-test-"));
  const cases: Record<string, (wb: ExcelJS.Workbook) => void> = {
    example: () => undefined,
    overrun2024: (wb) => setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000),
    overrun2023: (wb) => {
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
      setByHeader(wb, "Instellingen", "Instelling", "SLA-versie", "Waarde", "2023");
    },
    sla2023: () => undefined,
    voordeel: (wb) => setByHeader(wb, "Instellingen", "Instelling", "Verschil positief", "Waarde", "voordeel"),
    textDates: (wb) => {
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Startdatum", "1-4-2025");
      setByHeader(wb, "Realisatie", "Omschrijving", "Training identiteitsfraude", "Maand", "2025-05-20");
    },
  };

  test("Gnumeric really recalculates (a wrong cached value is corrected)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("T");
    ws.getCell("A1").value = 20;
    ws.getCell("A2").value = { formula: "A1*2+1", result: 999 };
    const file = path.join(dir, "sanity.xlsx");
    await wb.xlsx.writeFile(file);
    const { mismatches } = compareRecalculated(file, recalculateGnumeric(gnumeric.path("gnumeric"), file));
    expect(mismatches.map((m) => [m.cell, m.other])).toEqual([["A2", 41]]);
  });

  test.each(Object.keys(cases))("%s: every formula cell equals the engine's value, no error values", async (name) => {
    // sla2023: a workbook of 2023 with the SLA 2023 report model's inputs (test/sla2023-workbook.ts)
    const { out } = await reportVariant(name === "sla2023" ? sla2023Workbook() : exampleWorkbook(), cases[name], dir, name);
    const { compared, mismatches, errors } = compareRecalculated(out, recalculateGnumeric(gnumeric.path("gnumeric"), out));
    expect(errors.slice(0, 20)).toEqual([]);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });
});
