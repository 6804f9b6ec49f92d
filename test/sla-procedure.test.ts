/**
 * Issue 18 items 3-5 (docs/rekenregels.md §6 "De procedure", §10 and §11): the sick-leave procedure as
 * SLA 2024 runs it, election costs billed afterwards, and the SLA's recurring duties. Hand-calculated
 * expectations; each variant's report recalculated by LibreOffice and Gnumeric must equal the engine.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportFile } from "../src/cli/pipeline";
import { computeResults } from "../src/domain/compute";
import type { AdviceNoteDecision, Decision, SlaVersion } from "../src/domain/types";
import { exampleWorkbook } from "../src/xlsx/example";
import { workedExample } from "./example-inputs";
import { findSsconvert, recalculateGnumeric } from "./support/gnumeric";
import { findSoffice, recalculate } from "./support/libreoffice";
import { compareRecalculated, readCells, type Cells } from "./support/recalc-compare";
import { setByHeader } from "./support/workbook";

/** The overrun variant of the worked example (V-2025-01 expected at 90,000: meerkosten 9,880.65, rekenregels §6). */
function overrun(decision: Decision, note: AdviceNoteDecision | null, sla: SlaVersion = 2024) {
  const inputs = workedExample({ v01Expected: 90000, sla });
  const cases = (inputs.sickLeave ?? []).map((c) => (c.caseId === "V-2025-01" ? { ...c, decision, adviceNoteDecision: note, alternativesConsidered: note === null ? null : true } : c));
  return computeResults({ ...inputs, sickLeave: cases });
}

describe("the sick-leave procedure (engine)", () => {
  test("an adviesnota marked open keeps its amount out of meerkosten and needs a decision", () => {
    const p = overrun("Adviesnota", "Open").procedure;
    expect(p.extraForClient).toBe(0);
    expect(p.decisionNeeded).toBe(9880.65);
    expect(p.absorbedWithinCeiling).toBe(0);
    expect(p.cases.find((c) => c.outcome.case.caseId === "V-2025-01")?.status).toBe("besluit nodig");
  });
  test("an agreed note puts its meerkosten on the client", () => {
    const p = overrun("Adviesnota", "Akkoord").procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([9880.65, 0, 0]);
  });
  test("a rejected note is absorbed within the ceiling", () => {
    const p = overrun("Adviesnota", "Afgewezen").procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([0, 0, 9880.65]);
  });
  test("no note written yet (Besluit Teamleider) while one is required: a decision is needed", () => {
    const p = overrun("Teamleider", "Akkoord").procedure;
    expect([p.extraForClient, p.decisionNeeded]).toEqual([0, 9880.65]);
    expect(p.cases.find((c) => c.outcome.case.caseId === "V-2025-01")?.status).toBe("besluit nodig: adviesnota ontbreekt");
  });
  test("an old workbook without the column keeps today's figures", () => {
    const p = overrun("Teamleider", null).procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([9880.65, 0, 0]);
  });
  test("SLA 2023 keeps its own procedure: the whole cost of a long case is the client's, whatever the note says", () => {
    const p = overrun("Adviesnota", "Afgewezen", 2023).procedure;
    expect([p.extraForClient, p.decisionNeeded, p.absorbedWithinCeiling]).toEqual([90000, 0, 0]);
  });
});

const soffice = findSoffice();
const ssconvert = findSsconvert();

/** The value in column `col` of the row whose column A reads `label` on `sheet`. */
function byLabel(cells: Cells, sheet: string, label: string, col = "B"): unknown {
  const s = cells[sheet];
  const hit = Object.entries(s).find(([addr, [, v]]) => /^A\d+$/.test(addr) && v === label);
  if (!hit) throw new Error(`no row '${label}' on ${sheet}`);
  return s[`${col}${hit[0].slice(1)}`]?.[1] ?? null;
}

const variants: Record<string, (wb: ExcelJS.Workbook) => void> = {
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
      const buf = await exampleWorkbook().xlsx.writeBuffer();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as ArrayBuffer);
      mutate(wb);
      const input = path.join(dir, `${name}-invoer.xlsx`);
      await wb.xlsx.writeFile(input);
      const out = path.join(dir, `${name}.xlsx`);
      const r = await reportFile(input, out);
      if (!r.ok) throw new Error(`${name}: ${r.message ?? ""} ${JSON.stringify(r.problems)}`);
      outputs[name] = out;
    }
    const names = Object.keys(outputs);
    const done = recalculate(soffice as string, names.map((n) => outputs[n]));
    lo = Object.fromEntries(names.map((n, i) => [n, done[i]]));
  }, 300_000);

  test("6.5: an open adviesnota is out of meerkosten and shows 'besluit nodig' with the amount at stake", () => {
    const c = readCells(lo.openNote, true);
    expect(byLabel(c, "6.5 Financieel", "Meerkosten voor opdrachtgever")).toBe(0);
    expect(byLabel(c, "6.5 Financieel", "Besluit nodig")).toBe(9880.65);
    expect(String(byLabel(c, "6.5 Financieel", "Besluit nodig", "C"))).toMatch(/^besluit nodig/);
    expect(byLabel(c, "Controle", "Meerkosten voor opdrachtgever", "E")).toBe("OK");
  });
  test("6.5: a rejected adviesnota shows what must be absorbed within the ceiling", () => {
    const c = readCells(lo.rejectedNote, true);
    expect(byLabel(c, "6.5 Financieel", "Meerkosten voor opdrachtgever")).toBe(0);
    expect(byLabel(c, "6.5 Financieel", "Afgewezen: binnen plafond opvangen")).toBe(9880.65);
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
