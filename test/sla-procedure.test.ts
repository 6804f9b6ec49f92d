/**
 * Issue 18 items 3-5 (docs/rekenregels.md §6 "De procedure", §12 and §13): the sick-leave procedure as
 * SLA 2024 runs it, election costs billed afterwards, and the SLA's recurring duties. Hand-calculated
 * expectations; each variant's report recalculated by LibreOffice and Gnumeric must equal the engine.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { computeResults } from "../src/domain/compute";
import type { AdviceNoteDecision, Decision, SlaVersion } from "../src/domain/types";
import { exampleWorkbook } from "../src/xlsx/example";
import { reportVariant } from "./support/report";
import { parseWorkbook } from "../src/input/parse";
import { workedExample } from "./example-inputs";
import { addColumn, addRow, addSheet, exampleGrids } from "./grids";
import { findSsconvert, recalculateGnumeric } from "./support/gnumeric";
import { findSoffice, recalculate } from "./support/libreoffice";
import { compareRecalculated, readCells, type Cells } from "./support/recalc-compare";
import { setByHeader } from "./support/workbook";

/** The overrun variant of the worked example (V-2025-01 expected at 90,000: meerkosten 32,491.76, rekenregels §6). */
function overrun(decision: Decision, note: AdviceNoteDecision | null, sla: SlaVersion = 2024) {
  const inputs = workedExample({ v01Expected: 90000, sla });
  const cases = (inputs.sickLeave ?? []).map((c) => (c.caseId === "V-2025-01" ? { ...c, decision, adviceNoteDecision: note, alternativesConsidered: note === null ? null : true } : c));
  return computeResults({ ...inputs, sickLeave: cases });
}

describe("the sick-leave procedure (engine)", () => {
  test("an adviesnota marked open keeps its amount out of meerkosten and needs a decision", () => {
    const p = overrun("Adviesnota", "Open").procedure;
    expect(p.extraForClient).toBe(0);
    expect(p.decisionNeeded).toBe(32491.76);
    expect(p.absorbedWithinCeiling).toBe(0);
    expect(p.cases.find((c) => c.outcome.case.caseId === "V-2025-01")?.status).toBe("besluit nodig");
  });
  test("an agreed note puts its meerkosten on the client", () => {
    const p = overrun("Adviesnota", "Akkoord").procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([32491.76, 0, 0]);
  });
  test("a rejected note is absorbed within the ceiling", () => {
    const p = overrun("Adviesnota", "Afgewezen").procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([0, 0, 32491.76]);
  });
  test("no note written yet (Besluit Teamleider) while one is required: a decision is needed", () => {
    const p = overrun("Teamleider", "Akkoord").procedure;
    expect([p.extraForClient, p.decisionNeeded]).toEqual([0, 32491.76]);
    expect(p.cases.find((c) => c.outcome.case.caseId === "V-2025-01")?.status).toBe("besluit nodig: adviesnota ontbreekt");
  });
  test("an old workbook without the column keeps today's figures", () => {
    const p = overrun("Teamleider", null).procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([32491.76, 0, 0]);
  });
  test("SLA 2023 keeps its own procedure: the whole cost of a long case is the client's, whatever the note says", () => {
    const p = overrun("Adviesnota", "Afgewezen", 2023).procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([90000, 0, 0]);
  });
});

describe("reading rules (docs/werkmapcontract.md)", () => {
  const election = { Maand: 3, Categorie: "Nacalculatie verkiezingen", Bedrag: 500, Omschrijving: "ICT-uren" };
  test("a Nacalculatie verkiezingen booking without a Verkiezing column is a fout naming the cell", () => {
    const g = addSheet(exampleGrids(), "Verkiezingen");
    const row = addRow(g, "Realisatie", election);
    const p = parseWorkbook(g).problems.filter((x) => x.code === "ledger-election");
    expect(p.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["fout", "Realisatie", `B${row}`]]);
    expect(p[0].message).toMatch(/kolom 'Verkiezing'/);
  });
  test("an election that is not on Verkiezingen is a fout; the name matches without regard to case or spaces", () => {
    const g = addColumn(addSheet(exampleGrids(), "Verkiezingen"), "Realisatie", "Verkiezing");
    const bad = addRow(g, "Realisatie", { ...election, Verkiezing: "Gemeenteraad 2026" });
    addRow(g, "Realisatie", { ...election, Verkiezing: "  tweede   KAMER " });
    const r = parseWorkbook(g);
    const p = r.problems.filter((x) => x.code === "ledger-election");
    expect(p.map((x) => [x.severity, x.cell])).toEqual([["fout", `F${bad}`]]);
    expect(p[0].message).toMatch(/Gemeenteraad 2026.*niet op het blad Verkiezingen/);
  });
  test("the engine: Nacalculatie verkiezingen stays out of Overig and the budget total", () => {
    const g = addColumn(addSheet(exampleGrids(), "Verkiezingen"), "Realisatie", "Verkiezing");
    addRow(g, "Realisatie", { ...election, Verkiezing: "Tweede Kamer" });
    const { inputs } = parseWorkbook(g);
    if (!inputs) throw new Error("no inputs");
    const r = computeResults(inputs);
    expect(r.realised.Overig).toBe(640);
    expect(r.electionCosts.total).toBe(500);
    expect(r.electionCosts.perElection.map((e) => [e.election.name, e.amount])).toEqual([["Tweede Kamer", 500]]);
  });
  test("SLA taken: a K2B delivery without a date and a B102 without a norm are fouten naming the cell", () => {
    const g = addSheet(exampleGrids(), "SLA taken", [["Taak", "Datum", "Resultaat", "Norm"], ["K2B-levering", null, null, null], ["B102", null, 0.97, null]]);
    const p = parseWorkbook(g).problems.filter((x) => x.code === "sla-duty");
    expect(p.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["fout", "SLA taken", "B2"], ["fout", "SLA taken", "D3"]]);
  });
  test("Besluit adviesnota Akkoord while Besluit is not Adviesnota, and without Datum besluit: two waarschuwingen", () => {
    const g = addColumn(exampleGrids(), "Verzuim", "Besluit adviesnota", ["Akkoord"]);
    const p = parseWorkbook(g).problems.filter((x) => x.code === "sick-leave-procedure");
    expect(p.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["waarschuwing", "Verzuim", "K2"], ["waarschuwing", "Verzuim", "I2"]]);
    expect(p[0].message).toMatch(/Besluit is niet 'Adviesnota'/);
    expect(p[1].message).toMatch(/Datum besluit is leeg/);
  });
});

const soffice = findSoffice();
const ssconvert = findSsconvert();

/** The value in column `col` of the (first, or last) row whose column A reads `label` on `sheet`. */
function byLabel(cells: Cells, sheet: string, label: string, col = "B", which: "first" | "last" = "first"): unknown {
  const s = cells[sheet];
  const hits = Object.entries(s).filter(([addr, [, v]]) => /^A\d+$/.test(addr) && v === label);
  const hit = which === "first" ? hits[0] : hits[hits.length - 1];
  if (!hit) throw new Error(`no row '${label}' on ${sheet}`);
  return s[`${col}${hit[0].slice(1)}`]?.[1] ?? null;
}

/** Append a row to `sheet`, the values placed by header. */
function appendByHeader(wb: ExcelJS.Workbook, sheet: string, values: Record<string, ExcelJS.CellValue>): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cols = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => cols.set(String(c.value).trim(), n));
  const row = ws.getRow(ws.actualRowCount + 1);
  for (const [h, v] of Object.entries(values)) {
    const c = cols.get(h);
    if (c === undefined) throw new Error(`no column ${h} on ${sheet}`);
    row.getCell(c).value = v;
  }
  row.commit();
}

/** SLA 2024 §1.8: ICT hours and laptop rent for the Tweede Kamer election, booked through June; travel in July (after n). */
function electionBookings(wb: ExcelJS.Workbook): void {
  const book = (Maand: number, Bedrag: number, Omschrijving: string) =>
    appendByHeader(wb, "Realisatie", { Maand, Categorie: "Nacalculatie verkiezingen", Bedrag, Omschrijving, Verkiezing: "Tweede Kamer 2025" });
  book(3, 1234.56, "ICT-uren inrichting laptops");
  book(6, 250, "Huur laptops");
  book(7, 99.99, "Reiskosten ICT");
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * K2B deliveries 10-1, 21-2 (42 days: not flagged), 11-4 (49 days = 7 weeks: flagged), 16-5 (35 days);
 * at 30-6 (end of the report month) 45 days since the last: flagged. B102 0.97 against 0.95 (voldoet),
 * BBN2 0.90 against 0.95 (voldoet niet), an error count 12 against a maximum of 10 (voldoet niet).
 * ENSIA BRP done on 31-3, Reisdocumenten not yet.
 */
function duties(wb: ExcelJS.Workbook): void {
  const add = (v: Record<string, ExcelJS.CellValue>) => appendByHeader(wb, "SLA taken", v);
  add({ Taak: "K2B-levering", Datum: day(2025, 4, 11), Onderdeel: "Periode 3" });
  add({ Taak: "K2B-levering", Datum: day(2025, 1, 10), Onderdeel: "Periode 1" });
  add({ Taak: "K2B-levering", Datum: "21-2-2025", Onderdeel: "Periode 2" });
  add({ Taak: "K2B-levering", Datum: day(2025, 5, 16), Onderdeel: "Periode 4" });
  add({ Taak: "B102", Datum: day(2025, 6, 1), Resultaat: 0.97, Norm: 0.95 });
  add({ Taak: "BBN2", Datum: day(2025, 6, 1), Resultaat: 0.9, Norm: 0.95 });
  add({ Taak: "BBN2", Onderdeel: "fouten", Resultaat: 12, Norm: 10, Normsoort: "maximaal" });
  add({ Taak: "ENSIA", Onderdeel: "BRP", Gereed: "Ja", Datum: day(2025, 3, 31) });
  add({ Taak: "ENSIA", Onderdeel: "Reisdocumenten", Gereed: "Nee" });
}

const variants: Record<string, (wb: ExcelJS.Workbook) => void> = {
  electionCosts: electionBookings,
  duties,
  openNote: (wb) => {
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit", "Adviesnota");
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit adviesnota", "Open");
  },
  rejectedNote: (wb) => {
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit", "Adviesnota");
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit adviesnota", "Afgewezen");
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Datum besluit", new Date(Date.UTC(2025, 5, 2)));
    setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Alternatieven bekeken", "Ja");
  },
};

(soffice && ssconvert ? describe : describe.skip)("the report: hand-calculated figures, recalculated by LibreOffice and Gnumeric", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-sla-"));
  const outputs: Record<string, string> = {};
  let lo: Record<string, string> = {};
  beforeAll(async () => {
    for (const [name, mutate] of Object.entries(variants)) {
      outputs[name] = (await reportVariant(exampleWorkbook(), mutate, dir, name)).out;
    }
    const names = Object.keys(outputs);
    const done = recalculate(soffice as string, names.map((n) => outputs[n]));
    lo = Object.fromEntries(names.map((n, i) => [n, done[i]]));
  }, 300_000);

  test("6.5: an open adviesnota is out of meerkosten and shows 'besluit nodig' with the amount at stake", () => {
    const c = readCells(lo.openNote, true);
    expect(byLabel(c, "6.5 Financieel", "Meerkosten voor opdrachtgever")).toBe(0);
    expect(byLabel(c, "6.5 Financieel", "Besluit nodig")).toBe(32491.76);
    expect(String(byLabel(c, "6.5 Financieel", "Besluit nodig", "C"))).toMatch(/^besluit nodig/);
    expect(byLabel(c, "Controle", "Meerkosten voor opdrachtgever", "E")).toBe("OK");
  });
  test("6.5: a rejected adviesnota shows what must be absorbed within the ceiling", () => {
    const c = readCells(lo.rejectedNote, true);
    expect(byLabel(c, "6.5 Financieel", "Meerkosten voor opdrachtgever")).toBe(0);
    expect(byLabel(c, "6.5 Financieel", "Afgewezen: binnen plafond opvangen")).toBe(32491.76);
  });
  test("6.4 and 6.5: election ICT costs appear as nacalculatie, not as an overrun", () => {
    const c = readCells(lo.electionCosts, true);
    // 1,234.56 (March) + 250.00 (June); the July booking lies after the report month
    // the last rows so named: the first are the election table above the nacalculatie
    expect(byLabel(c, "6.4 Verkiezingen", "Tweede Kamer 2025", "B", "last")).toBe(1484.56);
    expect(byLabel(c, "6.4 Verkiezingen", "Tweede Kamer 2025", "C", "last")).toBe(2);
    expect(byLabel(c, "6.4 Verkiezingen", "Europees Parlement 2024", "B", "last")).toBe(0);
    expect(byLabel(c, "6.5 Financieel", "Nacalculatie aan opdrachtgever")).toBe(1484.56);
    // the budget lines are the worked example's: Overig 640 realised, Totaal 313,420.50 + overhead 112,843.48 × 6/12 = 369,842.24 (rekenregels §4)
    expect(byLabel(c, "6.5 Financieel", "Overig", "D")).toBe(640);
    expect(byLabel(c, "6.5 Financieel", "Totaal", "D")).toBe(369842.24);
    expect(byLabel(c, "Controle", "Totaal grootboek t/m rapportagemaand = som van de categorieën en de nacalculatie verkiezingen (elke boeking heeft een bekende categorie)")).toBe("OK");
  });
  test("6.3: a K2B gap of 7 weeks is flagged, 6 weeks is not; B102/BBN2 against the norm; ENSIA done or not", () => {
    const c = readCells(lo.duties, true);
    const q = "6.3 Kwalitatief";
    expect([byLabel(c, q, "Periode 1", "D"), byLabel(c, q, "Periode 1", "E")]).toEqual([null, null]);
    expect([byLabel(c, q, "Periode 2", "D"), byLabel(c, q, "Periode 2", "E")]).toEqual([42, "Nee"]);
    expect([byLabel(c, q, "Periode 3", "D"), byLabel(c, q, "Periode 3", "E")]).toEqual([49, "Ja"]);
    expect([byLabel(c, q, "Periode 4", "D"), byLabel(c, q, "Periode 4", "E")]).toEqual([35, "Nee"]);
    const since = "Dagen sinds de laatste levering, t/m de rapportagemaand";
    expect([byLabel(c, q, since, "D"), byLabel(c, q, since, "E")]).toEqual([45, "Ja"]);
    expect(byLabel(c, q, "B102", "F")).toBe("voldoet");
    expect(byLabel(c, q, "BBN2", "F")).toBe("voldoet niet");
    expect([byLabel(c, q, "BBN2 fouten", "E"), byLabel(c, q, "BBN2 fouten", "F")]).toEqual(["maximaal", "voldoet niet"]);
    expect(byLabel(c, q, "BRP", "C", "last")).toBe("gereed");
    expect(byLabel(c, q, "Reisdocumenten", "C", "last")).toBe("niet gereed");
  });
  test.each(Object.keys(variants))("%s: every formula equals the engine in LibreOffice and Gnumeric", (name) => {
    for (const other of [lo[name], recalculateGnumeric(ssconvert as string, outputs[name])]) {
      const { compared, mismatches, errors } = compareRecalculated(outputs[name], other);
      expect(errors.slice(0, 10)).toEqual([]);
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(compared).toBeGreaterThan(500);
    }
  });
});
