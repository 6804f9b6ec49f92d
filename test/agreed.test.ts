/**
 * What was agreed stays agreed (issue 17): sign the example, then correct the Salaristabel rows of 1-10-2025
 * to the official figures (€ 40 higher per scale) with openpyxl, as a controller would. That is a cao change,
 * not a change of the addendum: check names the rows, the report shows vastgesteld, herrekend and the amount
 * to agree, the budget on 6.5 stays the vastgesteld one, and every figure survives recalculation in
 * LibreOffice and Gnumeric. A change of Formatie stays "gewijzigd na ondertekening". A wijziging van het
 * addendum signs the new figures as the 1e wijziging.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli as run } from "./support/cli";
import { overviewRow } from "../src/report/overview";
import { exampleWorkbook } from "../src/xlsx/example";
import { readWorkbookFile } from "../src/xlsx/file";
import { recalculateGnumeric } from "./support/gnumeric";
import { recalculate } from "./support/libreoffice";
import { needs } from "./support/tools";
import { PYTHON } from "./support/paths";
import { compareRecalculated, readCells, type Cells } from "./support/recalc-compare";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-agreed-"));
const file = (name: string) => path.join(dir, name);

/** Edit a workbook with openpyxl, as a user would: `edit` is Python with `wb` loaded. */
function openpyxl(input: string, output: string, edit: string): void {
  const script = `import openpyxl, sys, datetime\nwb = openpyxl.load_workbook(sys.argv[1])\n${edit}\nwb.save(sys.argv[2])\n`;
  execFileSync(PYTHON, ["-c", script, input, output], { stdio: "pipe" });
}

const OFFICIAL_OCTOBER = `ws = wb['Salaristabel']
for row in ws.iter_rows(min_row=2):
    if row[0].value == datetime.datetime(2025, 10, 1) and row[3].value is not None:
        row[3].value = row[3].value + 40
        row[4].value = 'officieel'`;

/** The row below the header row whose cells start with `header`, on `sheet`: its values by column letter. */
function rowAfterHeader(cells: Cells, sheet: string, header: string[], label: string): Record<string, unknown> {
  const s = cells[sheet];
  const rows = new Map<number, Record<string, unknown>>();
  for (const [addr, [, v]] of Object.entries(s)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) continue;
    const r = rows.get(Number(m[2])) ?? {};
    r[m[1]] = v;
    rows.set(Number(m[2]), r);
  }
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const h = numbers.find((n) => header.every((t, i) => (rows.get(n)?.[String.fromCharCode(65 + i)] ?? "") === t));
  if (h === undefined) throw new Error(`no header ${header.join(" | ")} on ${sheet}`);
  const found = numbers.find((n) => n > h && rows.get(n)?.A === label);
  if (found === undefined) throw new Error(`no row ${label} below ${header.join(" | ")} on ${sheet}`);
  return rows.get(found) ?? {};
}

// The worked example (docs/rekenregels.md): plafond 626.908,24 (Advisering I&A, 0,2 fte schaal 11, is paid
// through the overhead: Dekking overhead), overhead 18 %, opleiding 8.000, aanvullende dienstverlening 12.000. The official October table is € 40 a month higher for every scale in Formatie, for
// three months: € 120 a year on the maximum, plus IKB (17,05 %), plus werkgeverslasten (30 %) over both.
const AGREED = 626908.24;
const PER_FTE = 120 * (1 + 0.1705) * (1 + 0.3); // 182,598
const TOTAL_FTE = 3 + 1.5 + 1 + 0.8 + 0.6 + 0.4 + 0.3 + 0.4; // 8,0 within the plafond
// by hand, each formation line rounded to cents: 628.369,01 (626.908,24 + 8,0 × 182,598 = 628.369,02 before
// rounding the lines; issue 17 measured 651.016,64 when Advisering I&A was still inside the plafond)
const RECOMPUTED = 628369.01;
const ADJUSTMENT = 1460.77; // 628.369,01 − 626.908,24

describe("a cao change after signing is to be agreed, not tampering", () => {
  const input = file("invoer.xlsx");
  const signed = file("getekend.xlsx");
  const cao = file("cao.xlsx");
  const caoReport = file("cao-rapport.xlsx");

  beforeAll(async () => {
    await exampleWorkbook().xlsx.writeFile(input);
    expect((await run(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed])).code).toBe(0);
    openpyxl(signed, cao, OFFICIAL_OCTOBER);
    expect((await run(["report", cao, "-o", caoReport])).code).toBe(0);
  }, 120_000);

  test("the hand calculation and issue 17's figure agree to the cent", () => {
    expect(Math.abs(AGREED + TOTAL_FTE * PER_FTE - RECOMPUTED)).toBeLessThan(0.02);
    expect(Math.round((RECOMPUTED - AGREED) * 100) / 100).toBe(ADJUSTMENT);
  });

  test("check calls it a cao change, names the Salaristabel rows and the amounts", async () => {
    const r = await run(["check", cao]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cao-aanpassing na ondertekening");
    expect(r.out).not.toContain("Gewijzigd na ondertekening");
    for (const scale of ["7", "8", "9", "11"]) expect(r.out).toMatch(new RegExp(`schaal ${scale} per 1-10-2025: .* bij ondertekening, nu .*\\(Salaristabel rij \\d+\\)`));
    expect(r.out).toContain("€ 626.908,24");
    expect(r.out).toContain("€ 628.369,01");
    expect(r.out).toContain("€ 1.460,77");
  });

  test("check --vingerafdruk with the signed fingerprint: the signed inputs but for a cao change", async () => {
    const cells = readCells(signed);
    const fp = Object.values(cells["Addendum 2025"]).map(([, v]) => v).find((v) => typeof v === "string" && /^[0-9a-f]{64}$/.test(v)) as string;
    const r = await run(["check", cao, "--vingerafdruk", fp]);
    expect(r.out).toContain("op een cao-aanpassing in de Salaristabel na");
    expect(r.code).toBe(0);
  });

  test("the Addendum shows vastgesteld, herrekend and the cao-aanpassing, per pakket too; 6.5 keeps the vastgesteld budget", () => {
    const cells = readCells(caoReport);
    const head = ["Regel", "Vastgesteld", "Herrekend", "Cao-aanpassing, af te stemmen met de opdrachtgever"];
    const ceiling = rowAfterHeader(cells, "Addendum 2025", head, "Plafond formatieve kosten");
    expect(ceiling.B).toBe(AGREED);
    expect(ceiling.C).toBeCloseTo(RECOMPUTED, 2);
    expect(ceiling.D).toBeCloseTo(ADJUSTMENT, 2);
    // Balie: 3 fte of scale 7, plafond 214.009,42 when signed
    const balie = rowAfterHeader(cells, "Addendum 2025", head, "Balie");
    expect(balie.B).toBe(214009.42);
    expect(Math.abs((balie.D as number) - 3 * PER_FTE)).toBeLessThan(0.02);
    // the budget: 626.908,24 + 18 % overhead (112.843,48) + 8.000 + 12.000
    const budget = Math.round((AGREED + 112843.48 + 8000 + 12000) * 100) / 100;
    expect(rowAfterHeader(cells, "6.5 Financieel", ["Regel", "Jaarbudget"], "Formatieve kosten").B).toBe(AGREED);
    expect(rowAfterHeader(cells, "6.5 Financieel", ["Regel", "Jaarbudget"], "Totaal").B).toBe(budget);
    const onFinance = rowAfterHeader(cells, "6.5 Financieel", ["Regel", "Vastgesteld plafond", "Herrekend plafond"], "Plafond formatieve kosten");
    expect([onFinance.B, onFinance.C, onFinance.D]).toEqual([AGREED, RECOMPUTED, ADJUSTMENT]);
  });

  test("the overview shows vastgesteld, herrekend and the cao-aanpassing, with the budget unchanged", async () => {
    const read = await readWorkbookFile(cao);
    if (!read.ok) throw new Error(read.message);
    const row = overviewRow("cao.xlsx", read.grids);
    if (!row.ok) throw new Error(row.problem);
    expect([row.figures.agreedCeiling, row.figures.recomputedCeiling, row.figures.caoAdjustment]).toEqual([AGREED, RECOMPUTED, ADJUSTMENT]);
    expect(row.figures.totalBudget).toBe(759751.72);
    expect(row.figures.caoChange).toBe(true);
  });

  const engines = needs("recalculation in LibreOffice and Gnumeric", ["libreoffice", "gnumeric", "openpyxl"]);

  engines.test("every formula equals the engine after recalculation in LibreOffice and Gnumeric", () => {

    const soffice = engines.path("libreoffice");

    const ssconvert = engines.path("gnumeric");
    const [lo] = recalculate(soffice, [caoReport]);
    const a = compareRecalculated(caoReport, lo);
    expect(a.errors).toEqual([]);
    expect(a.mismatches).toEqual([]);
    const b = compareRecalculated(caoReport, recalculateGnumeric(ssconvert, caoReport));
    expect(b.errors).toEqual([]);
    expect(b.mismatches).toEqual([]);
    expect(a.compared).toBeGreaterThan(500);
  }, 240_000);

  test("a change of Formatie stays gewijzigd na ondertekening, and check names the row", async () => {
    const changed = file("formatie.xlsx");
    openpyxl(cao, changed, `ws = wb['Formatie']
for row in ws.iter_rows(min_row=2):
    if row[0].value == 'Medewerker publiekszaken frontoffice':
        row[3].value = 3.5`);
    const r = await run(["check", changed]);
    expect(r.out).toContain("Gewijzigd na ondertekening");
    expect(r.out).not.toContain("Cao-aanpassing na ondertekening");
    expect(r.out).toMatch(/Formatie rij \d+ \(Medewerker publiekszaken frontoffice, Balie, schaal 7, 3,5 fte\) is nieuw of gewijzigd/);
  });

  test("a wijziging van het addendum signs the new figures as the 1e wijziging; 6.5 then shows them", async () => {
    const amended = file("wijziging.xlsx");
    const r = await run(["sign", cao, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "--wijziging", "cao 1-10-2025 afgestemd met Ommen", "-o", amended]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Ondertekend (1e wijziging)");
    const c = await run(["check", amended]);
    expect(c.out).not.toMatch(/Cao-aanpassing na ondertekening|Gewijzigd na ondertekening|Logboek|zegel/);
    const cells = readCells(amended);
    const head = ["Versie", "Ondertekend op", "Regisseur", "Reden", "Plafond formatieve kosten", "Totaal budget P&C", "Effect op het totaal budget"];
    expect(rowAfterHeader(cells, "Addendum 2025", head, "Addendum (primitief)").F).toBe(759751.72);
    const first = rowAfterHeader(cells, "Addendum 2025", head, "1e wijziging");
    expect(first.D).toBe("cao 1-10-2025 afgestemd met Ommen");
    // overhead 18 % of each plafond, rounded to cents: 113.106,42 and 112.843,48
    expect(first.G).toBeCloseTo(Math.round((ADJUSTMENT + (113106.42 - 112843.48)) * 100) / 100, 2);
    expect(rowAfterHeader(cells, "6.5 Financieel", ["Regel", "Jaarbudget"], "Formatieve kosten").B).toBeCloseTo(RECOMPUTED, 2);
    // the Financiële analyse: begroting primitief 759.751,72 → 760, na wijziging 761.475,43 → 761 (thousands)
    const lasten = rowAfterHeader(cells, "6.5 Financieel", ["", "Begroting primitief", "Begroting na wijziging"], "Lasten");
    expect([lasten.B, lasten.C]).toEqual([760, 761]);
    const log = Object.values(cells.Logboek).map(([, v]) => v);
    expect(log).toContain("Wijziging ondertekend");
    // a second wijziging without a change is refused
    const again = await run(["sign", amended, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "--wijziging", "nogmaals", "-o", file("w2.xlsx")]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("niet veranderd sinds de laatst ondertekende versie");
  }, 60_000);

  test("a wijziging needs a signed addendum first", async () => {
    const r = await run(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "--wijziging", "x", "-o", file("x.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("onderteken het eerst zonder --wijziging");
  });
});
