/** docs/rekenregels.md: every figure of the worked example, its overrun variant and the SLA 2023 variant. */
import { computeResults } from "../src/domain/compute";
import { round2 } from "../src/domain/money";
import { rowInForce } from "../src/domain/salary";
import { workedExample } from "./example-inputs";

const line = (r: ReturnType<typeof computeResults>, name: string) => {
  const l = r.variance.find((v) => v.name === name);
  if (!l) throw new Error(`no line ${name}`);
  return l;
};

describe("round2 (half away from zero, as Excel ROUND)", () => {
  test.each([
    [324759.675, 324759.68],
    [-324759.675, -324759.68],
    [1.005, 1.01],
    [2.675, 2.68],
    [-0.125, -0.13],
    [214009.42095, 214009.42],
    [0, 0],
  ])("round2(%p) = %p", (x, y) => expect(round2(x)).toBe(y));
});

describe("§1 maximum salary per month", () => {
  const ex = workedExample();
  test("a raise per 1 October counts from October, per 1 April from April", () => {
    expect(rowInForce(ex.salaryTable, "7", 2025, 3)?.maximum).toBe(3831);
    expect(rowInForce(ex.salaryTable, "7", 2025, 4)?.maximum).toBe(3908);
    expect(rowInForce(ex.salaryTable, "7", 2025, 9)?.maximum).toBe(3908);
    expect(rowInForce(ex.salaryTable, "7", 2025, 10)?.maximum).toBe(3980);
  });
  test("a raise per 2 January counts for January (on or before the last day of the month)", () => {
    const table = [
      { row: 2, effective: { year: 2022, month: 1, day: 1 }, scale: "8", minimum: null, maximum: 100 },
      { row: 3, effective: { year: 2023, month: 1, day: 2 }, scale: "8", minimum: null, maximum: 200 },
    ];
    expect(rowInForce(table, "8", 2023, 1)?.maximum).toBe(200);
  });
  test("no row for the scale: null", () => {
    expect(rowInForce(ex.salaryTable, "19", 2025, 1)).toBeNull();
  });
});

describe("worked example 2025", () => {
  const r = computeResults(workedExample());
  test("§2 annual maxima and cost per fte", () => {
    expect(r.ceiling.scales.get("7")?.annualSalary).toBe(46881);
    expect(r.ceiling.scales.get("7")?.costPerFte).toBeCloseTo(71336.47365, 8);
    expect(r.ceiling.scales.get("8")?.annualSalary).toBe(52593);
    expect(r.ceiling.scales.get("9")?.annualSalary).toBe(58869);
    expect(r.ceiling.scales.get("11")?.annualSalary).toBe(74298);
    expect(r.ceiling.lines[0].ceilingAmount).toBe(214009.42);
  });
  test("§3 ceiling, overhead, total budget, cao-effect", () => {
    expect(r.ceiling.ceiling).toBe(626908.24);
    expect(r.ceiling.ceilingJanuary).toBe(614776.43);
    expect(r.ceiling.caoEffect).toBe(12131.81);
    expect(r.ceiling.overhead).toBe(112843.48);
    expect(r.ceiling.totalBudget).toBe(759751.72);
  });
  test("§4 variance lines through month 6", () => {
    const f = line(r, "Formatieve kosten");
    expect([f.budgetToDate, f.realisedToDate, f.difference]).toEqual([313454.12, 304350.0, -9104.12]);
    expect(round2((f.differenceRate ?? 0) * 100)).toBe(-2.9);
    expect(f.explanationRequired).toBe(false);
    const o = line(r, "Opleiding");
    expect([o.budgetToDate, o.realisedToDate, o.difference, o.explanationRequired]).toEqual([4000, 4050, 50, false]);
    const a = line(r, "Aanvullende dienstverlening");
    expect([a.budgetToDate, a.realisedToDate, a.difference, a.explanationRequired]).toEqual([6000, 4380.5, -1619.5, true]);
    expect(round2((a.differenceRate ?? 0) * 100)).toBe(-26.99);
    const ov = line(r, "Overig");
    expect([ov.budgetToDate, ov.realisedToDate, ov.difference, ov.differenceRate, ov.explanationRequired]).toEqual([0, 640, 640, null, false]);
    const oh = line(r, "Overhead");
    expect([oh.budgetToDate, oh.realisedToDate, oh.difference]).toEqual([56421.74, 56421.74, 0]);
    const t = line(r, "Totaal");
    expect(t.annualBudget).toBe(759751.72);
    expect(t.realisedToDate).toBe(round2(304350 + 4050 + 4380.5 + 640 + 56421.74));
    // docs/rekenregels.md: 369.842,24 against 379.875,86 budgeted to date
    expect([t.budgetToDate, t.realisedToDate, t.difference, round2((t.differenceRate ?? 0) * 100), t.explanationRequired]).toEqual([379875.86, 369842.24, -10033.62, -2.64, true]);
  });
  test("§3 Dekking: the Advisering I&A row is outside the plafond, a part of the overhead", () => {
    expect(r.ceiling.lines.map((l) => l.formation.service)).not.toContain("Advisering I&A");
    expect(r.ceiling.overheadLines.map((l) => [l.formation.service, l.ceilingAmount])).toEqual([["Advisering I&A", 22611.11]]);
    expect(r.ceiling.overheadUsed).toBe(22611.11);
    // the same row inside the plafond gives the figures of the example before the Dekking column
    const inside = workedExample();
    inside.formation = inside.formation.map(({ coverage: _c, ...f }) => f);
    const c = computeResults(inside).ceiling;
    expect([c.ceiling, c.overhead, c.totalBudget, c.overheadLines.length]).toEqual([649519.35, 116913.48, 786432.83, 0]);
  });
  test("month 7 lies after n and is ignored", () => {
    expect(r.realised.Loonkosten).toBe(283500);
    expect(r.realisedByMonth.Loonkosten[6]).toBe(47250);
  });
  test("§5 forecast and room under the ceiling", () => {
    expect(r.forecast.salaryForecast).toBe(567000);
    expect(r.forecast.replacementForecast).toBe(39300);
    expect(r.forecast.roomUnderCeiling).toBe(20608.24);
  });
  test("§6 both cases Teamleider, no meerkosten", () => {
    expect(r.forecast.cases.map((c) => [c.case.caseId, c.requiredDecision, c.extraCost])).toEqual([
      ["V-2025-02", "Teamleider", 0],
      ["V-2025-01", "Teamleider", 0],
    ]);
    expect(r.forecast.extraCostForClient).toBe(0);
  });
});

describe("overrun variant: V-2025-01 expected at 90,000", () => {
  const r = computeResults(workedExample({ v01Expected: 90000 }));
  test("SLA 2024: adviesnota required for the overrun, meerkosten 32,491.76", () => {
    expect(r.forecast.replacementForecast).toBe(92400);
    expect(r.forecast.roomUnderCeiling).toBe(-32491.76);
    const v01 = r.forecast.cases.find((c) => c.case.caseId === "V-2025-01");
    expect(v01?.requiredDecision).toBe("Adviesnota");
    expect(v01?.extraCost).toBe(32491.76);
    expect(v01?.adviceNoteMissing).toBe(true);
    expect(r.forecast.extraCostForClient).toBe(32491.76);
  });
  test("SLA 2023: every long case needs an adviesnota and its whole cost is meerkosten", () => {
    const r23 = computeResults(workedExample({ v01Expected: 90000, sla: 2023 }));
    const v01 = r23.forecast.cases.find((c) => c.case.caseId === "V-2025-01");
    expect(v01?.requiredDecision).toBe("Adviesnota");
    expect(v01?.extraCost).toBe(90000);
    expect(r23.forecast.extraCostForClient).toBe(90000);
    expect(r23.forecast.cases.find((c) => c.case.caseId === "V-2025-02")?.extraCost).toBe(0);
  });
});
