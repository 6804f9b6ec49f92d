/**
 * `dvo-addendum next-year` (issue 12 §1): next year's workbook from this year's — carried sheets, the
 * Salaristabel of both years with its Status, open sick-leave cases, the old addendum as a record — and
 * the source never changed.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { exampleWorkbook } from "../src/xlsx/example";
import { parseWorkbook } from "../src/input/parse";
import { readPrevious } from "../src/input/previous";
import { readWorkbookFile } from "../src/xlsx/file";
import { setByHeader } from "./support/workbook";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-next-"));
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function run(argv: string[]) {
  let out = "", err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) return [];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("next-year on the example", () => {
  const input = path.join(dir, "invoer-2025.xlsx");
  const output = path.join(dir, "invoer-2026.xlsx");
  let before = "";
  let r: { code: number; out: string; err: string };

  beforeAll(async () => {
    const wb = exampleWorkbook();
    // the user typed an official figure for 1-1-2026, scale 8 (the bundled table is derived)
    const ws = wb.getWorksheet("Salaristabel")!;
    ws.addRow([new Date(Date.UTC(2026, 0, 1)), 8, null, 4700, null]);
    // a Grootboek mapping, carried as it is
    wb.getWorksheet("Grootboek")!.addRow([4100, "KP100", "Vervanging", "Inhuur bij verzuim"]);
    // a case closed in 2025 is not carried
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-02", "Einddatum", new Date(Date.UTC(2025, 2, 31)));
    writeFileSync(input, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    before = sha(input);
    r = await run(["next-year", input, "--cao", "2026-10-01 +2%"]);
  }, 60_000);

  test("writes invoer-2026.xlsx beside the input (default name), the source unchanged", () => {
    expect(r.err).not.toMatch(/fout/);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Werkmap voor 2026 geschreven naar ${output}`);
    expect(sha(input)).toBe(before);
  });

  test("Jaar + 1, settings carried, Rapportagemaand 1, formation carried, the other data sheets empty; check has no fout", async () => {
    const read = await readWorkbookFile(output);
    if (!read.ok) throw new Error(read.message);
    const parsed = parseWorkbook(read.grids);
    expect(parsed.problems.filter((p) => p.severity === "fout")).toEqual([]);
    const s = parsed.inputs!.settings;
    expect([s.year, s.reportMonth, s.overheadRate, s.ikbRate, s.employerChargesRate, s.trainingBudget, s.additionalServicesBudget]).toEqual([2026, 1, 0.18, 0.1705, 0.3, 8000, 12000]);
    expect(parsed.inputs!.formation.map((f) => [f.functionName, f.scale, f.fte])).toEqual([
      ["Medewerker publiekszaken frontoffice", "7", 3], ["Medewerker publiekszaken backoffice", "8", 1.5], ["Medewerker burgerlijke stand", "8", 1],
      ["Specialist naturalisatie en VOE", "9", 0.8], ["Functioneel beheerder burgerzaken", "9", 0.6], ["Kwaliteitsmedewerker BRP", "8", 0.4],
      ["Coordinator verkiezingen", "9", 0.3], ["Medewerker begraafplaatsadministratie", "7", 0.4], ["Adviseur informatievoorziening", "11", 0.2],
    ]);
    expect(parsed.inputs!.ledger).toEqual([]);
    for (const k of ["products", "serviceMonths", "qualitative", "selfEvaluation", "elections", "privacy"] as const) expect(parsed.inputs![k] ?? []).toEqual([]);
    expect(parsed.inputs!.openingHours?.length).toBeGreaterThan(10);
  });

  test("Salaristabel: the tables in force in 2025 or 2026, the user's row first and kept, bundled for other dates, the estimate as raming", async () => {
    const rows = await sheetRows(output, "Salaristabel");
    expect(rows[0].slice(0, 5)).toEqual(["Ingangsdatum", "Schaal", "Minimum", "Maximum", "Status"]);
    const key = (d: unknown) => (d as Date).toISOString().slice(0, 10);
    const dates = [...new Set(rows.slice(1).map((x) => key(x[0])))];
    expect(dates).toEqual(["2024-10-01", "2025-04-01", "2025-10-01", "2026-01-01", "2026-07-01", "2026-10-01"]);
    const s8 = rows.slice(1).filter((x) => x[1] === 8).map((x) => [key(x[0]), x[3], x[4] ?? null]);
    // the user's own 2026-01-01 row is the only row of that date for scale 8: bundled rows do not replace it
    expect(s8.filter((x) => x[0] === "2026-01-01")).toEqual([["2026-01-01", 4700, null]]);
    const jul = s8.find((x) => x[0] === "2026-07-01")!;
    const oct = s8.find((x) => x[0] === "2026-10-01")!;
    expect(jul[2]).toBe("afgeleid");
    expect(oct).toEqual(["2026-10-01", Math.round((jul[1] as number) * 1.02), "raming"]);
  });

  test("the Grootboek carried", async () => {
    const rows = (await sheetRows(output, "Grootboek")).filter((x) => x.some((v) => v !== null && v !== undefined));
    expect(rows).toEqual([["Rekening", "Kostenplaats", "Categorie", "Omschrijving"], [4100, "KP100", "Vervanging", "Inhuur bij verzuim"]]);
  });

  test("open Verzuim cases carried with what remains of their estimate, marked Opnieuw ramen; a closed one not", async () => {
    const rows = await sheetRows(output, "Verzuim");
    const header = rows[0];
    const expected = header.indexOf("Verwachte kosten"), mark = header.indexOf("Opnieuw ramen");
    expect([expected, mark].every((i) => i > 0)).toBe(true);
    // V-2025-01: expected 36.900,00 in 2025, booked 3 × 6.150,00 = 18.450,00 (April–June) → 36.900 − 18.450 = 18.450,00
    expect(rows.slice(1).map((x) => [x[0], x[expected], x[mark]])).toEqual([["V-2025-01", 18450, "ja"]]);
    expect(r.out).toContain("Verzuim: 1 open dossier overgenomen (V-2025-01) met wat er van de verwachte kosten over is: raam ze voor 2026 opnieuw en maak daarna op Verzuim de cel 'Opnieuw ramen' leeg.");
  });

  test("check warns on the Opnieuw ramen cell until the accounthouder clears it", async () => {
    const read = await readWorkbookFile(output);
    if (!read.ok) throw new Error(read.message);
    const warned = parseWorkbook(read.grids).problems.filter((p) => p.code === "sick-leave-reestimate");
    expect(warned).toEqual([{
      severity: "waarschuwing", code: "sick-leave-reestimate", sheet: "Verzuim", cell: "K2",
      message: "Dossier V-2025-01 is overgenomen uit het vorige jaar met als verwachte kosten wat er toen nog over was: raam de verwachte kosten voor dit jaar opnieuw en maak daarna deze cel leeg (of typ 'nee').",
    }]);
    for (const confirm of [null, "nee", " Nee "]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(output);
      wb.getWorksheet("Verzuim")!.getCell("K2").value = confirm;
      const edited = path.join(dir, "bevestigd.xlsx");
      await wb.xlsx.writeFile(edited);
      const again = await readWorkbookFile(edited);
      if (!again.ok) throw new Error(again.message);
      const parsed = parseWorkbook(again.grids);
      expect(parsed.problems.filter((p) => p.code === "sick-leave-reestimate")).toEqual([]);
      expect(parsed.problems.filter((p) => p.severity === "fout")).toEqual([]);
    }
  });

  test("the 2025 addendum as agreed is a record in the workbook, with the worked example's figures (docs/rekenregels.md)", async () => {
    const read = await readWorkbookFile(output);
    if (!read.ok) throw new Error(read.message);
    const { record, problems } = readPrevious(read.grids);
    expect(problems).toEqual([]);
    expect(record?.year.value).toBe(2025);
    expect(record?.totals.ceiling.value).toBe(649519.35);
    expect(record?.totals.totalBudget.value).toBe(786432.83);
    expect(record?.parameters.ikbRate.value).toBe(0.1705);
    expect(record?.formation).toHaveLength(9);
    expect(record?.signOff.status).toBe("Concept");
    expect(record?.signOff.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test("an existing output is refused without --overschrijven; an input with a fout writes nothing", async () => {
    const again = await run(["next-year", input, "-o", output]);
    expect(again.code).toBe(2);
    const bad = path.join(dir, "kapot.xlsx");
    const wb = exampleWorkbook();
    setByHeader(wb, "Formatie", "Functie", "Coordinator verkiezingen", "Fte", "veel");
    await wb.xlsx.writeFile(bad);
    const out = path.join(dir, "kapot-2026.xlsx");
    const r2 = await run(["next-year", bad, "-o", out]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/Geen werkmap voor het nieuwe jaar gemaakt/);
    expect(() => readFileSync(out)).toThrow();
  });
});
