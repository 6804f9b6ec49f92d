/**
 * A year without realisation yet (issue 12 §1): the workbook `next-year` makes (Rapportagemaand 1, no
 * Realisatie rows) builds the addendum and its comparison in full, and the periodic sheets say plainly that
 * there is nothing to report yet — no prognosis made of zero months. Every figure shown is a live formula
 * equal to the engine in LibreOffice's recalculation.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { reportFile } from "../src/cli/pipeline";
import { computeForecast } from "../src/domain/forecast";
import { exampleWorkbook } from "../src/xlsx/example";
import type { LedgerRow, Settings } from "../src/domain/types";
import { overviewRow } from "../src/report/overview";
import { readWorkbookFile } from "../src/xlsx/file";
import { recalculate } from "./support/libreoffice";
import { compareRecalculated, readCells, type Cells } from "./support/recalc-compare";
import { needs } from "./support/tools";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-norel-"));
const quiet = { out: () => undefined, err: () => undefined };
const PERIODIC = ["6.1 Formatie", "6.2 Kwantitatief", "6.3 Kwalitatief", "6.4 Verkiezingen", "6.5 Financieel", "6.6 Privacy"];
const NOTICE = /^Nog geen realisatie: Realisatie heeft geen boekingen t\/m januari 2026\./;

const texts = (cells: Cells, sheet: string): string[] =>
  Object.values(cells[sheet] ?? {}).map(([, v]) => v).filter((v): v is string => typeof v === "string");

describe("forecast rule: no ledger row on or before the report month means no forecast", () => {
  const settings = { reportMonth: 1, slaVersion: 2024 } as Settings;
  const row = (month: number, amount: number): LedgerRow => ({ month, amount, category: "Loonkosten", caseId: "" } as LedgerRow);
  const lang = [{ caseId: "V-1", kind: "Lang", start: { year: 2026, month: 1, day: 5 }, expectedCost: 10_000, decision: "Open" }] as never;

  test("an empty ledger, or only rows after the report month: not available, no figures, no chain", () => {
    for (const ledger of [[], [row(2, 50_000)]]) {
      const f = computeForecast(settings, 600_000, 0, ledger, lang);
      expect(f).toEqual({ available: false, salaryForecast: 0, replacementForecast: 0, formationCostForecast: 0, roomUnderCeiling: 0, cases: [], extraCostForClient: 0 });
    }
  });

  test("one row in the report month: the forecast as RULES §5 (linear over n months)", () => {
    const f = computeForecast(settings, 600_000, 48_000, [row(1, 48_000)], lang);
    expect(f.available).toBe(true);
    expect(f.salaryForecast).toBe(576_000);
    expect(f.replacementForecast).toBe(10_000);
    expect(f.roomUnderCeiling).toBe(14_000);
  });
});

describe("the report of a new year's workbook (next-year on the example)", () => {
  const report = path.join(dir, "rapport-2026.xlsx");
  let cells: Cells;

  beforeAll(async () => {
    const src = path.join(dir, "invoer-2025.xlsx");
    await exampleWorkbook().xlsx.writeFile(src);
    const next = path.join(dir, "invoer-2026.xlsx");
    expect(await main(["next-year", src, "-o", next, "--cao", "2026-10-01 +1,5%"], quiet)).toBe(0);
    const r = await reportFile(next, report);
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.problems)}`);
    cells = readCells(report);
  }, 120_000);

  test("every periodic sheet says plainly there is nothing to report yet; the addendum and Controle do not", () => {
    for (const s of PERIODIC) expect(texts(cells, s).filter((t) => NOTICE.test(t))).toHaveLength(1);
    expect(texts(cells, "Addendum 2026").some((t) => NOTICE.test(t))).toBe(false);
    expect(texts(cells, "Berekening").some((t) => NOTICE.test(t))).toBe(true);
  });

  test("no forecast figures anywhere: no Prognose, Ruimte onder plafond as a figure, or sick-leave chain", () => {
    for (const s of [...PERIODIC, "Addendum 2026", "Controle", "Berekening"]) {
      expect(cells[s]).toBeDefined();
      for (const t of texts(cells, s)) expect(t).not.toMatch(/^Prognose (loonkosten|vervanging|formatieve)|^Ruimte onder plafond$|^Meerkosten|^Kosten dossier/);
    }
    // 6.1 names the room but shows no figure for it
    const room = Object.entries(cells["6.1 Formatie"]).find(([, [, v]]) => v === "Ruimte onder plafond (prognose)");
    expect(room).toBeDefined();
    const row = (room as [string, unknown])[0].replace(/^[A-Z]+/, "");
    expect(cells["6.1 Formatie"][`B${row}`]?.[1]).toBe("nog geen realisatie");
    // 6.5: the year's budget only, no month table and no variance table
    const fin = texts(cells, "6.5 Financieel");
    expect(fin).toContain("Totaal budget P&C");
    expect(fin).not.toContain("Totaal jaar");
    expect(fin.some((t) => /^Begroot t\/m/.test(t))).toBe(false);
    // the carried open cases are named, not costed
    expect(fin.some((t) => /verzuimdossiers? (staat|staan) op Verzuim; ze worden tegen het plafond beoordeeld zodra er een prognose is/.test(t))).toBe(true);
  });

  test("the addendum and its Verschilanalyse in full", () => {
    const a = texts(cells, "Addendum 2026");
    expect(a.some((t) => /Verschilanalyse/.test(t))).toBe(true);
    expect(a).toContain("De stappen tellen op tot de verandering");
  });

  test("the salary tables used show their Status, live from Salaristabel: the --cao estimate as raming", () => {
    const a = cells["Addendum 2026"];
    const header = Object.entries(a).find(([, [, v]]) => v === "Status");
    expect(header?.[0]).toMatch(/^D\d+$/);
    const statuses = Object.entries(a).filter(([addr, [f]]) => /^D\d+$/.test(addr) && f !== null && /Salaristabel/.test(f)).map(([, [, v]]) => v);
    // scales 7, 8, 9 and 11 in the tables of 1-1-2026 and 1-7-2026 (bundled, derived) and the estimate of 1-10-2026
    expect(statuses.filter((v) => v === "raming")).toHaveLength(4);
    expect(statuses.filter((v) => v === "afgeleid")).toHaveLength(8);
    expect(statuses).toHaveLength(12);
  });

  test("the CLI's summary says there is no forecast yet instead of printing zeros", async () => {
    let out = "";
    const code = await main(["report", path.join(dir, "invoer-2026.xlsx"), "-o", path.join(dir, "rapport-cli.xlsx")], { out: (x) => (out += x + "\n"), err: () => undefined });
    expect(code).toBe(0);
    expect(out).toMatch(/Ruimte onder plafond\s+nog geen realisatie/);
    expect(out).toMatch(/Meerkosten opdrachtgever\s+nog geen realisatie/);
    expect(out).toMatch(/Plafond formatieve kosten\s+€/);
  }, 60_000);

  test("overzicht: the year's row has its plafond but no realised, forecast, room or extra cost", async () => {
    const read = await readWorkbookFile(path.join(dir, "invoer-2026.xlsx"));
    if (!read.ok) throw new Error(read.message);
    const row = overviewRow("invoer-2026.xlsx", read.grids);
    if (!row.ok) throw new Error(row.problem);
    expect(row.figures).toMatchObject({ year: 2026, reportMonth: 1, realised: null, forecast: null, room: null, extra: null });
    expect(row.figures.ceiling).toBeGreaterThan(600_000);
  });

  test("Controle: IN ORDE, without forecast key figures", () => {
    const c = cells.Controle;
    expect(Object.values(c).some(([, v]) => v === "IN ORDE")).toBe(true);
    expect(texts(cells, "Controle")).not.toContain("Ruimte onder plafond");
    expect(texts(cells, "Controle")).toContain("Plafond formatieve kosten");
  });

  const libreoffice = needs("the report without realisation in LibreOffice", ["libreoffice", "openpyxl"]);
  libreoffice.test("LibreOffice recalculates every formula to the engine's value, the verdict still IN ORDE", () => {
    const [recalculated] = recalculate(libreoffice.path("libreoffice"), [report]);
    const { compared, mismatches, errors } = compareRecalculated(report, recalculated);
    expect(errors).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(200);
    expect(Object.values(readCells(recalculated, true).Controle).some(([, v]) => v === "IN ORDE")).toBe(true);
  }, 180_000);
});
