/**
 * A whole municipal ledger export as Realisatie (issue 19): rows of other cost centres (also with accounts
 * the Grootboek does not know) and an account mapped to `negeren` are left out; the report counts what is
 * left and says how many rows were read, counted and left out, with totals. The example's bookings are the
 * DVO's; the extra rows and their amounts are written here by hand, and the example's own total is summed
 * from its sheet by the test.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportFile } from "../src/cli/pipeline";
import { computeResults } from "../src/domain/compute";
import { exampleWorkbook } from "../src/xlsx/example";
import { parseSaved } from "./support/workbook";
import { recalculate } from "./support/libreoffice";
import { compareRecalculated } from "./support/recalc-compare";
import { needs } from "./support/tools";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-whole-"));
const d = (m: number, day: number) => new Date(Date.UTC(2025, m - 1, day));

const ACCOUNT: Record<string, [number | string, string]> = {
  Loonkosten: [4000, "KP100"], Vervanging: ["4100", "KP100"], Opleiding: [4200, "KP100"], "Aanvullende dienstverlening": [4300, "KP200"], Overig: [4300, "KP100"],
};

type Extra = Array<[number | string, string | null, Date, number | null, number | null]>;

/** The rest of the municipality: cost centres of other departments, with accounts the Grootboek does not know. */
const OUTSIDE: Extra = [[9999, "KP900", d(2, 1), 1000, null], [4000, "KP901", d(3, 1), 250.5, null], [7777, "kp902", d(5, 1), null, 80.25]];
const OUTSIDE_TOTAL = 1170.25; // 1000 + 250.50 − 80.25
/** Internal allocations inside the DVO's cost centres, mapped to negeren. */
const IGNORED: Extra = [[8000, "KP100", d(2, 2), 400, null], [8000, " kp200 ", d(6, 2), 100, null]];
const IGNORED_TOTAL = 500;

/** The example with its Realisatie as a whole export (cost centres), a Grootboek with negeren, and the setting. */
async function wholeExport(opts: { extra?: Extra; setting?: string | null; costCentreColumn?: boolean } = {}): Promise<{ wb: ExcelJS.Workbook; dvo: { rows: number; total: number } }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
  const old = wb.getWorksheet("Realisatie")!;
  const rows: Array<{ m: number; cat: string; amount: number; text: string; dossier: string | null }> = [];
  old.eachRow((row, r) => {
    if (r === 1) return;
    const v = (c: number) => row.getCell(c).value;
    rows.push({ m: v(1) as number, cat: v(2) as string, amount: v(3) as number, text: v(4) as string, dossier: (v(5) as string | null) ?? null });
  });
  wb.removeWorksheet(old.id);
  const withCc = opts.costCentreColumn ?? true;
  const ws = wb.addWorksheet("Realisatie");
  ws.addRow(withCc ? ["Rekening", "Kostenplaats", "Boekdatum", "Debet", "Credit", "Omschrijving", "Dossier"] : ["Rekening", "Boekdatum", "Debet", "Credit", "Omschrijving", "Dossier"]);
  const add = (account: number | string, cc: string | null, date: Date, debit: number | null, credit: number | null, text: string, dossier: string | null) =>
    ws.addRow(withCc ? [account, cc, date, debit, credit, text, dossier] : [account, date, debit, credit, text, dossier]);
  rows.forEach((r, i) => {
    const [account, cc] = ACCOUNT[r.cat];
    add(account, cc, d(r.m, 1 + (i % 27)), r.amount, null, r.text, r.dossier);
    // the rest of the municipality's bookings are in between the DVO's, as in a real export
    if (i < OUTSIDE.length) add(...OUTSIDE[i], "Andere afdeling", null);
    if (i < IGNORED.length) add(...IGNORED[i], "Doorbelasting", null);
  });
  for (const e of opts.extra ?? []) add(...e, "Extra", null);
  const map = wb.getWorksheet("Grootboek") ?? wb.addWorksheet("Grootboek");
  if (map.rowCount === 0) map.addRow(["Rekening", "Kostenplaats", "Categorie", "Omschrijving"]);
  for (const m of [[4000, null, "Loonkosten"], ["4100", null, "Vervanging"], [4200, null, "Opleiding"], [4300, "KP200", "Aanvullende dienstverlening"], [4300, null, "Overig"], [8000, null, "negeren"]]) {
    map.addRow([m[0], m[1], m[2], null]);
  }
  // the template has the setting's row, empty (every cost centre counts)
  const settings = wb.getWorksheet("Instellingen")!;
  let settingRow = 0;
  settings.eachRow((row, r) => {
    if (row.getCell(1).value === "Kostenplaatsen") settingRow = r;
  });
  expect(settingRow).toBeGreaterThan(1);
  settings.getCell(settingRow, 2).value = opts.setting === null ? null : opts.setting ?? "KP100; KP200";
  const total = Math.round(rows.reduce((s, r) => s + r.amount, 0) * 100) / 100;
  return { wb, dvo: { rows: rows.length, total } };
}

const parseOf = (wb: ExcelJS.Workbook, name: string) => parseSaved(wb, dir, name);

describe("a whole municipal ledger export", () => {
  test("rows outside the DVO's cost centres and negeren are left out; the figures are the example's; the tally reconciles", async () => {
    const base = await parseOf(exampleWorkbook(), "voorbeeld.xlsx");
    const { wb, dvo } = await wholeExport();
    const { parsed } = await parseOf(wb, "export.xlsx");
    expect(parsed.problems.filter((p) => p.severity === "fout")).toEqual([]);
    if (!base.parsed.inputs || !parsed.inputs) throw new Error("parse failed");
    const a = computeResults(base.parsed.inputs), b = computeResults(parsed.inputs);
    expect(b.realised).toEqual(a.realised);
    expect(b.forecast.roomUnderCeiling).toBe(20608.24); // the worked example (docs/rekenregels.md)
    expect(dvo.rows).toBeGreaterThan(10);
    expect(parsed.inputs.ledgerReconciliation).toEqual({
      costCentres: ["KP100", "KP200"],
      read: { rows: dvo.rows + 5, total: Math.round((dvo.total + OUTSIDE_TOTAL + IGNORED_TOTAL) * 100) / 100 },
      counted: { rows: dvo.rows, total: dvo.total },
      ignored: { rows: 2, total: IGNORED_TOTAL },
      outside: { rows: 3, total: OUTSIDE_TOTAL },
    });
  });

  test("an unmapped account inside the DVO's cost centres is still one fout with its rows and total; those outside are not named", async () => {
    const { wb } = await wholeExport({ extra: [[4999, "KP100", d(3, 3), 100, null], [4999, "KP200", d(4, 3), 250.5, null]] });
    const { parsed } = await parseOf(wb, "unmapped.xlsx");
    const fouten = parsed.problems.filter((p) => p.severity === "fout");
    expect(fouten.map((p) => p.code)).toEqual(["ledger-unmapped"]);
    expect(fouten[0].message).toContain("Grootboek: 4999 (2 boekingen, totaal € 350,50)");
    expect(fouten[0].message).not.toContain("9999");
    expect(fouten[0].message).not.toContain("7777");
  });

  test("without the setting every cost centre counts: the unknown accounts of other departments are a fout", async () => {
    const { wb } = await wholeExport({ setting: null });
    const { parsed } = await parseOf(wb, "no-setting.xlsx");
    const fouten = parsed.problems.filter((p) => p.severity === "fout");
    expect(fouten).toHaveLength(1);
    expect(fouten[0].message).toContain("9999 (1 boeking, totaal € 1.000,00)");
    expect(fouten[0].message).toContain("7777 (1 boeking, totaal € -80,25)");
  });

  test("the setting without a Kostenplaats column on Realisatie is a fout that says what to do", async () => {
    const { wb } = await wholeExport({ costCentreColumn: false });
    const { parsed } = await parseOf(wb, "no-column.xlsx");
    const fouten = parsed.problems.filter((p) => p.severity === "fout");
    expect(fouten.map((p) => `${p.sheet}!${p.cell} ${p.code}`)).toEqual(["Realisatie!A1 ledger-column-missing"]);
    expect(fouten[0].message).toMatch(/Kostenplaatsen .*geen kolom 'Kostenplaats'/);
  });

  const libreoffice = needs("the whole export's reconciliation in LibreOffice", ["libreoffice", "openpyxl"]);
  libreoffice.test("the report's reconciliation on Berekening, and every formula recalculated by LibreOffice equals the engine", async () => {
    const { wb, dvo } = await wholeExport();
    const { file } = await parseOf(wb, "export-lo.xlsx");
    const out = path.join(dir, "export-rapport.xlsx");
    const r = await reportFile(file, out);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === "fout")));
    const calc = r.plan.sheets.find((s) => s.name === "Berekening")!;
    const line = (label: string) => {
      const row = calc.cells.find((cells) => cells[0]?.v === label);
      if (!row) throw new Error(`no line ${label}`);
      return [row[1]?.r, row[2]?.r];
    };
    expect(line("Gelezen uit het blad Realisatie")).toEqual([dvo.rows + 5, Math.round((dvo.total + OUTSIDE_TOTAL + IGNORED_TOTAL) * 100) / 100]);
    expect(line("Meegeteld in de cijfers")).toEqual([dvo.rows, dvo.total]);
    expect(line("Niet meegeteld: rekening op 'negeren' in het Grootboek")).toEqual([2, IGNORED_TOTAL]);
    expect(line("Niet meegeteld: andere kostenplaatsen van de gemeente")).toEqual([3, OUTSIDE_TOTAL]);
    const [lo] = recalculate(libreoffice.path("libreoffice"), [out]);
    const { compared, mismatches, errors } = compareRecalculated(out, lo);
    expect(errors.slice(0, 10)).toEqual([]);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  }, 180_000);
});
