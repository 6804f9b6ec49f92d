/**
 * The two forecasts of docs/rekenregels.md §5 in a built report (issue 18 item 1): the hand-calculated year
 * of test/forecast-occupancy.test.ts as a real input workbook (an October cao raise, a September hire in
 * Formatie's new columns), reported, and recalculated by LibreOffice and Gnumeric — every formula cell equal
 * to the engine, and 6.5 showing both methods side by side with the hand figures.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { reportFile } from "../src/cli/pipeline";
import { parseWorkbook } from "../src/input/parse";
import { readWorkbookFile } from "../src/xlsx/file";
import { buildInputWorkbook, type TemplateOptions } from "../src/xlsx/template";
import { recalculateGnumeric } from "./support/gnumeric";
import { recalculate } from "./support/libreoffice";
import { compareRecalculated, readCells, type Cells } from "./support/recalc-compare";
import { needs } from "./support/tools";

const libreoffice = needs("the forecast recalculated by LibreOffice", ["libreoffice", "openpyxl"]);
const gnumeric = needs("the forecast recalculated by Gnumeric", ["gnumeric", "openpyxl"]);

const dir = mkdtempSync(path.join(tmpdir(), "dvo-forecast-"));
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The hand-calculated year (see test/forecast-occupancy.test.ts for every step of the arithmetic). */
function handYear(method: string | null, change: Partial<Record<"Wijziging per" | "Fte na wijziging", Date | string | number>> = {}): TemplateOptions {
  return {
    year: 2026,
    settings: {
      reportMonth: 6, overheadRate: 0.18, ikbRate: 0.1705, employerChargesRate: 0.3, trainingBudget: 3000, additionalServicesBudget: 0,
      ...(method === null ? {} : { forecastMethod: method }),
    },
    rows: {
      salaryTable: [
        { Ingangsdatum: day(2026, 1, 1), Schaal: 8, Maximum: 4000 },
        { Ingangsdatum: day(2026, 10, 1), Schaal: 8, Maximum: 4100 },
      ],
      formation: [
        { Functie: "Medewerker publiekszaken", Pakket: "Balie", Schaal: 8, Fte: 2, Bezetting: "Bezet" },
        { Functie: "Medewerker publiekszaken", Pakket: "Balie", Schaal: 8, Fte: 1, Bezetting: "Vacature", "Wijziging per": day(2026, 9, 1), ...change },
      ],
      ledger: [
        ...[12000, 12000, 12000, 12100, 12200, 12300, 12500].map((a, i) => ({ Maand: i + 1, Categorie: "Loonkosten", Bedrag: a })),
        { Maand: 5, Categorie: "Vervanging", Bedrag: 2000, Dossier: "V-1" },
        { Maand: 2, Categorie: "Vervanging", Bedrag: 1200, Dossier: "V-2" },
        { Maand: 3, Categorie: "Opleiding", Bedrag: 1000 },
      ],
      sickLeave: [
        { Dossier: "V-1", Pakket: "Balie", Soort: "Lang", Startdatum: day(2026, 5, 1), "Verwachte kosten": 5000, Besluit: "Teamleider" },
        { Dossier: "V-2", Pakket: "Balie", Soort: "Kort", Startdatum: day(2026, 2, 2), Einddatum: day(2026, 2, 27), "Verwachte kosten": 1500, Besluit: "Teamleider" },
      ],
    },
  };
}

const cases: Record<string, TemplateOptions> = {
  // the setting absent: the default, bezetting
  standaard: handYear(null),
  lineair: handYear("lineair"),
  // typed as a user might: capitals, the date as d-m-jjjj text
  tekst: handYear(" Bezetting ", { "Wijziging per": "1-9-2026" }),
  // filled from the 15th: counts from October; half an fte
  halverwege: handYear("bezetting", { "Wijziging per": day(2026, 9, 15), "Fte na wijziging": 0.5 }),
};

const outputs: Record<string, string> = {};
const figures: Record<string, { room: number; lin: number; bez: number; salary: number }> = {};

beforeAll(async () => {
  for (const [name, opts] of Object.entries(cases)) {
    const input = path.join(dir, `${name}-invoer.xlsx`);
    await buildInputWorkbook(opts).xlsx.writeFile(input);
    const out = path.join(dir, `${name}.xlsx`);
    const r = await reportFile(input, out);
    if (!r.ok) throw new Error(`${name}: ${r.message ?? ""} ${JSON.stringify(r.problems)}`);
    const f = r.results.forecast;
    figures[name] = { room: f.roomUnderCeiling, lin: f.byMethod!.lineair.roomUnderCeiling, bez: f.byMethod!.bezetting!.roomUnderCeiling, salary: f.salaryForecast };
    outputs[name] = out;
  }
}, 240_000);

test("the built reports carry the hand figures", () => {
  // plafond 220.487,09; lineair ruimte 68.787,09; bezetting ruimte 42.769,19 (test/forecast-occupancy.test.ts)
  expect(figures.standaard).toEqual({ room: 42769.19, lin: 68787.09, bez: 42769.19, salary: 171517.9 });
  expect(figures.lineair).toEqual({ room: 68787.09, lin: 68787.09, bez: 42769.19, salary: 145200 });
  expect(figures.tekst).toEqual(figures.standaard);
  // from October, 0,5 fte: S' = 3 × 4.100 = 12.300; 12.300 + 2.097,15 + 4.319,145 = 18.716,295; × 0,5 = 9.358,1475 → 9.358,15;
  // loonkosten 72.600 + 74.115 + 9.358,15 = 156.073,15; + vervanging 6.200 = 162.273,15; ruimte 220.487,09 − 162.273,15 = 58.213,94
  expect(figures.halverwege).toEqual({ room: 58213.94, lin: 68787.09, bez: 58213.94, salary: 156073.15 });
});

/** The figures of 6.5's forecast table by row label: [Lineair, Bezetting]. */
function financeTable(cells: Cells): Record<string, [unknown, unknown]> {
  const sheet = cells["6.5 Financieel"];
  const out: Record<string, [unknown, unknown]> = {};
  for (const [addr, [, v]] of Object.entries(sheet)) {
    const m = /^A(\d+)$/.exec(addr);
    if (!m || typeof v !== "string" || !/^(Prognose|Ruimte onder plafond)/.test(v)) continue;
    out[v] = [sheet[`B${m[1]}`]?.[1] ?? null, sheet[`C${m[1]}`]?.[1] ?? null];
  }
  return out;
}

libreoffice.test("LibreOffice: every formula cell equals the engine; 6.5 shows both methods with the hand figures", () => {
  const names = Object.keys(outputs);
  const recalculated = recalculate(libreoffice.path("libreoffice"), names.map((n) => outputs[n]));
  names.forEach((name, i) => {
    const { compared, mismatches, errors } = compareRecalculated(outputs[name], recalculated[i]);
    expect([name, errors.slice(0, 10)]).toEqual([name, []]);
    expect([name, mismatches.slice(0, 10)]).toEqual([name, []]);
    expect(compared).toBeGreaterThan(300);
  });
  const table = financeTable(readCells(recalculated[0], true));
  expect(table["Prognose loonkosten"]).toEqual([145200, 171517.9]);
  expect(table["Prognose vervanging"]).toEqual([6500, 6200]);
  expect(table["Prognose formatieve kosten"]).toEqual([151700, 177717.9]);
  expect(table["Ruimte onder plafond"]).toEqual([68787.09, 42769.19]);
  expect(table["Prognose opleiding (buiten het plafond)"]).toEqual([2000, 3000]);
  expect(table["Ruimte onder plafond (Prognosemethode)"]?.[0]).toBe(42769.19);
}, 240_000);

gnumeric.test("Gnumeric: every formula cell equals the engine", () => {
  for (const name of Object.keys(outputs)) {
    const { compared, mismatches, errors } = compareRecalculated(outputs[name], recalculateGnumeric(gnumeric.path("gnumeric"), outputs[name]));
    expect([name, errors.slice(0, 10)]).toEqual([name, []]);
    expect([name, mismatches.slice(0, 10)]).toEqual([name, []]);
    expect(compared).toBeGreaterThan(300);
  }
}, 240_000);

describe("the Formatie columns Wijziging per and Fte na wijziging (docs/werkmapcontract.md)", () => {
  async function parsed(opts: TemplateOptions) {
    const file = path.join(dir, `contract-${Math.random().toString(36).slice(2)}.xlsx`);
    await buildInputWorkbook(opts).xlsx.writeFile(file);
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.message);
    return parseWorkbook(read.grids);
  }
  const withRow = (row: Record<string, unknown>): TemplateOptions => {
    const o = handYear("bezetting");
    o.rows!.formation = [o.rows!.formation![0], { Functie: "Medewerker publiekszaken", Pakket: "Balie", Schaal: 8, Fte: 1, ...row } as never];
    return o;
  };

  test("read as dates and numbers; a row without them reads as before", async () => {
    const p = await parsed(handYear("bezetting", { "Wijziging per": "15-9-2026", "Fte na wijziging": 0.5 }));
    expect(p.problems.filter((x) => x.severity === "fout")).toEqual([]);
    const [a, b] = p.inputs!.formation;
    expect([a.changeDate, a.fteAfterChange]).toEqual([undefined, undefined]);
    expect([b.changeDate, b.fteAfterChange]).toEqual([{ year: 2026, month: 9, day: 15 }, 0.5]);
  });

  test("a change that cannot count is a waarschuwing on its cell; a bad value a fout", async () => {
    const occupied = await parsed(withRow({ Bezetting: "Bezet", "Wijziging per": day(2026, 9, 1) }));
    expect(occupied.problems.filter((x) => x.code === "formation-change-incomplete")).toEqual([{
      severity: "waarschuwing", code: "formation-change-incomplete", sheet: "Formatie", cell: "G3",
      message: "Wijziging per 1-9-2026 verandert niets: deze regel is geen vacature. Vul 'Fte na wijziging' in (de bezette fte vanaf die datum), of zet Bezetting op 'Vacature' als de plaats dan wordt vervuld.",
    }]);
    const undated = await parsed(withRow({ Bezetting: "Bezet", "Fte na wijziging": 0.8 }));
    expect(undated.problems.filter((x) => x.code === "formation-change-incomplete")).toEqual([{
      severity: "waarschuwing", code: "formation-change-incomplete", sheet: "Formatie", cell: "H3",
      message: "Fte na wijziging 0,8 telt niet mee zonder datum: vul in de kolom 'Wijziging per' de datum in waarop de fte verandert, of maak deze cel leeg.",
    }]);
    const bad = await parsed(withRow({ Bezetting: "Bezet", "Wijziging per": "31-9-2026", "Fte na wijziging": 120 }));
    expect(bad.problems.filter((x) => x.severity === "fout").map((x) => [x.sheet, x.cell])).toEqual([["Formatie", "G3"], ["Formatie", "H3"]]);
  });

  test("a Prognosemethode that is neither is a fout on its cell", async () => {
    const p = await parsed(handYear("trend"));
    expect(p.problems.filter((x) => x.severity === "fout").map((x) => [x.sheet, x.message])).toEqual([
      ["Instellingen", "Prognosemethode: 'trend' is geen keuze: kies lineair of bezetting."],
    ]);
  });
});
