/**
 * The real-engine check: build reports, recalculate them in LibreOffice headless (which must really
 * recalculate: see support/libreoffice.ts), and compare every formula cell of the recalculated file with
 * the engine's value that we stored as its cached result. Equal (to well within a cent), and no errors.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { toExcelSerial } from "../src/domain/dates";
import { exampleWorkbook } from "../src/xlsx/example";
import { reportVariant } from "./support/report";
import { sla2023Workbook } from "./sla2023-workbook";
import { recalculate } from "./support/libreoffice";
import { needs } from "./support/tools";
import { setByHeader } from "./support/workbook";

const libreoffice = needs("the LibreOffice real-engine check", ["libreoffice", "openpyxl"]);

type Value = string | number | null | { error: string };

function plain(v: ExcelJS.CellValue | undefined): Value {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return toExcelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "object" && "error" in v) return { error: String(v.error) };
  return JSON.stringify(v);
}

interface Mismatch { sheet: string; cell: string; formula: string; engine: Value; libreoffice: Value }

async function compare(ours: string, theirs: string): Promise<{ compared: number; mismatches: Mismatch[]; errors: Mismatch[] }> {
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(ours);
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(theirs);
  let compared = 0;
  const mismatches: Mismatch[] = [];
  const errors: Mismatch[] = [];
  for (const ws of a.worksheets) {
    const other = b.getWorksheet(ws.name);
    if (!other) throw new Error(`sheet ${ws.name} missing after LibreOffice`);
    ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | null;
      if (!v || typeof v !== "object" || !("formula" in v)) return;
      compared++;
      const engine = plain(v.result as ExcelJS.CellValue);
      const lo = other.getCell(cell.address).value as ExcelJS.CellFormulaValue | ExcelJS.CellValue;
      const got = plain(lo && typeof lo === "object" && "formula" in (lo as object) ? ((lo as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue) : (lo as ExcelJS.CellValue));
      const m = { sheet: ws.name, cell: cell.address, formula: v.formula, engine, libreoffice: got };
      if (got !== null && typeof got === "object") return void errors.push(m);
      if (typeof engine === "number" && typeof got === "number") {
        if (Math.abs(engine - got) > 1e-6 * Math.max(1, Math.abs(engine))) mismatches.push(m);
      } else if (engine !== got) mismatches.push(m);
    }));
  }
  return { compared, mismatches, errors };
}

libreoffice.describe("LibreOffice recalculation agrees with the engine", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-lo-test-"));
  const cases: Record<string, (wb: ExcelJS.Workbook) => void> = {
    example: () => undefined,
    overrun2024: (wb) => {
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
    },
    overrun2023: (wb) => {
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
      setByHeader(wb, "Instellingen", "Instelling", "SLA-versie", "Waarde", "2023");
    },
    sla2023: () => undefined,
    textDates: (wb) => {
      // dates typed as text, in both accepted notations, and months given as dates
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Startdatum", "1-4-2025");
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-02", "Startdatum", "2025-02-03");
      setByHeader(wb, "Realisatie", "Omschrijving", "Cursus burgerlijke stand (BABS)", "Maand", "15-3-2025");
      setByHeader(wb, "Realisatie", "Omschrijving", "Training identiteitsfraude", "Maand", "2025-05-20");
      setByHeader(wb, "Realisatie", "Omschrijving", "Vakliteratuur en abonnementen", "Maand", new Date(Date.UTC(2025, 1, 14)));
    },
  };
  const outputs: Record<string, string> = {};
  let recalculated: Record<string, string> = {};
  const figures: Record<string, { ceiling: number; room: number; extra: number }> = {};

  beforeAll(async () => {
    for (const [name, mutate] of Object.entries(cases)) {
      // sla2023: a workbook of 2023 with the SLA 2023 report model's inputs (test/sla2023-workbook.ts)
      const { out, results } = await reportVariant(name === "sla2023" ? sla2023Workbook() : exampleWorkbook(), mutate, dir, name);
      figures[name] = { ceiling: results.ceiling.ceiling, room: results.forecast.roomUnderCeiling, extra: results.forecast.extraCostForClient };
      outputs[name] = out;
    }
    const names = Object.keys(outputs);
    const lo = recalculate(libreoffice.path("libreoffice"), names.map((n) => outputs[n]));
    recalculated = Object.fromEntries(names.map((n, i) => [n, lo[i]]));
  }, 300_000);

  test("LibreOffice really recalculates (a wrong cached value is corrected)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("T");
    ws.getCell("A1").value = 20;
    ws.getCell("A2").value = { formula: "A1*2+1", result: 999 };
    const file = path.join(dir, "sanity.xlsx");
    await wb.xlsx.writeFile(file);
    const [out] = recalculate(libreoffice.path("libreoffice"), [file]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect((back.getWorksheet("T")?.getCell("A2").value as ExcelJS.CellFormulaValue).result).toBe(41);
  });

  test("the variants carry the worked example's figures (docs/rekenregels.md)", () => {
    expect(figures.example).toEqual({ ceiling: 626908.24, room: 20608.24, extra: 0 });
    expect(figures.overrun2024).toEqual({ ceiling: 626908.24, room: -32491.76, extra: 32491.76 });
    expect(figures.overrun2023.extra).toBe(90000);
    expect(figures.textDates).toEqual(figures.example);
  });

  test.each(Object.keys(cases))("%s: every formula cell equals the engine's value, no error values", async (name) => {
    const { compared, mismatches, errors } = await compare(outputs[name], recalculated[name]);
    expect(errors).toEqual([]);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });
});
