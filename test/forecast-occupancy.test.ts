/**
 * The forecast *bezetting* against the linear one (docs/rekenregels.md §5, issue 18 item 1), on a year
 * small enough to calculate by hand: an October cao raise and a September hire. Every expected figure is
 * worked out in the comments below — never taken from the engine.
 */
import { computeResults } from "../src/domain/compute";
import { changeMonth, fteDelta, observedMonths } from "../src/domain/occupancy-forecast";
import type { CalendarDate, FormationRow, Inputs, LedgerRow, SickLeaveCase } from "../src/domain/types";
import { workedExample } from "./example-inputs";

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

/**
 * The year 2026, report month 6 (June); IKB 17,05%, werkgeverslasten 30%; Opleidingskosten € 3.000.
 * Salaristabel scale 8: € 4.000 from 1-1-2026, € 4.100 from 1-10-2026 (the October raise).
 * Formatie: row 2 — scale 8, 2 fte, Bezet; row 3 — scale 8, 1 fte, Vacature, filled from 1-9-2026 (the hire).
 * Realisatie, Loonkosten: € 12.000 in January–March, € 12.100 April, € 12.200 May, € 12.300 June (and
 * € 12.500 in July, after the report month: not counted). Vervanging € 2.000 in May on V-1 and € 1.200 in
 * February on V-2. Opleiding € 1.000 in March.
 * Verzuim: V-1 Lang, from 1-5-2026, open, expected € 5.000; V-2 Kort, 2-2-2026 to 27-2-2026 (closed), expected € 1.500.
 */
function year(method: "lineair" | "bezetting" | undefined): Inputs {
  const formation: FormationRow[] = [
    { row: 2, functionName: "Medewerker publiekszaken", service: "Balie", scale: "8", fte: 2, occupancy: "Bezet", note: "" },
    { row: 3, functionName: "Medewerker publiekszaken", service: "Balie", scale: "8", fte: 1, occupancy: "Vacature", note: "", changeDate: d(2026, 9, 1), fteAfterChange: null },
  ];
  const ledger: LedgerRow[] = [];
  const add = (month: number, category: LedgerRow["category"], amount: number, caseId = "") =>
    ledger.push({ row: ledger.length + 2, month, category, amount, description: "", caseId });
  [12000, 12000, 12000, 12100, 12200, 12300, 12500].forEach((a, i) => add(i + 1, "Loonkosten", a));
  add(5, "Vervanging", 2000, "V-1");
  add(2, "Vervanging", 1200, "V-2");
  add(3, "Opleiding", 1000);
  const sickLeave: SickLeaveCase[] = [
    { row: 2, caseId: "V-1", service: "Balie", kind: "Lang", start: d(2026, 5, 1), end: null, replacementFte: null, expectedCost: 5000, decision: "Teamleider", decisionDate: null, adviceNoteRef: "" },
    { row: 3, caseId: "V-2", service: "Balie", kind: "Kort", start: d(2026, 2, 2), end: d(2026, 2, 27), replacementFte: null, expectedCost: 1500, decision: "Teamleider", decisionDate: null, adviceNoteRef: "" },
  ];
  return {
    settings: {
      year: 2026, client: "Gemeente Ommen", provider: "Gemeente Twenterand", reportMonth: 6,
      overheadRate: 0.18, ikbRate: 0.1705, employerChargesRate: 0.3, trainingBudget: 3000, additionalServicesBudget: 0,
      varianceThresholdAmount: 10000, varianceThresholdRate: 0.1, slaVersion: 2024, varianceSign: "nadeel",
      ...(method ? { forecastMethod: method } : {}),
    },
    salaryTable: [
      { row: 2, effective: d(2026, 1, 1), scale: "8", minimum: null, maximum: 4000 },
      { row: 3, effective: d(2026, 10, 1), scale: "8", minimum: null, maximum: 4100 },
    ],
    formation, ledger, sickLeave,
    products: null, serviceMonths: null, openingHours: null, qualitative: null, selfEvaluation: null, elections: null, privacy: null,
  };
}

describe("the ceiling of the hand-calculated year", () => {
  test("K(8) and the ceiling, by hand", () => {
    // S = 9 × 4.000 + 3 × 4.100 = 48.300; IKB = 48.300 × 0,1705 = 8.235,15;
    // werkgeverslasten = (48.300 + 8.235,15) × 0,30 = 16.960,545; K = 73.495,695.
    // plafond = round2(2 × K) + round2(1 × K) = 146.991,39 + 73.495,70 = 220.487,09
    expect(computeResults(year("lineair")).ceiling.ceiling).toBe(220487.09);
  });
});

describe("Prognosemethode lineair: realised t/m n × 12 / n", () => {
  const f = computeResults(year("lineair")).forecast;
  test("the figures", () => {
    // Loonkosten t/m juni = 3 × 12.000 + 12.100 + 12.200 + 12.300 = 72.600; × 12 / 6 = 145.200,00
    expect(f.salaryForecast).toBe(145200);
    // vervanging = max(2.000; 5.000) + max(1.200; 1.500) = 6.500,00
    expect(f.replacementForecast).toBe(6500);
    // 145.200 + 6.500 = 151.700; ruimte = 220.487,09 − 151.700,00 = 68.787,09
    expect(f.formationCostForecast).toBe(151700);
    expect(f.roomUnderCeiling).toBe(68787.09);
    // opleiding = 1.000 × 12 / 6 = 2.000,00
    expect(f.byMethod?.lineair.trainingForecast).toBe(2000);
    expect(f.method).toBe("lineair");
  });
});

describe("Prognosemethode bezetting (the default)", () => {
  const f = computeResults(year(undefined)).forecast;
  const o = f.occupancy!;
  test("the run-rate: the Loonkosten of April–June scaled by the cao index of the months after June", () => {
    // observed months: 4, 5, 6; B = 12.100 + 12.200 + 12.300 = 36.600
    expect([o.observedFrom, o.observedBookings]).toEqual([4, 36600]);
    // C(m) = Σ Fte × maximum = 3 × 4.000 = 12.000 for January–September, 3 × 4.100 = 12.300 for October–December
    expect(o.salaryIndex).toEqual([12000, 12000, 12000, 12000, 12000, 12000, 12000, 12000, 12000, 12300, 12300, 12300]);
    // C_obs = 3 × 12.000 = 36.000; C_rest = 3 × 12.000 + 3 × 12.300 = 72.900
    expect([o.observedIndex, o.remainingIndex]).toEqual([36000, 72900]);
    // remaining salaries = 36.600 × 72.900 / 36.000 = 36.600 × 2,025 = 74.115,00
    expect(o.remainingSalaries).toBe(74115);
  });
  test("the September hire: 1 fte of scale 8 for September–December", () => {
    // S' = 4.000 (Sep) + 3 × 4.100 (Oct–Dec) = 16.300; IKB 16.300 × 0,1705 = 2.779,15;
    // werkgeverslasten (16.300 + 2.779,15) × 0,30 = 5.723,745; total 24.802,895 → 24.802,90 (half away from zero)
    expect(o.changes.map((c) => [c.formation.row, c.fromMonth, c.fteDelta, c.salarySum, c.amount])).toEqual([[3, 9, 1, 16300, 24802.9]]);
    expect(o.formationChanges).toBe(24802.9);
  });
  test("salary, replacement, formation cost, room and training", () => {
    // 72.600 realised + 74.115,00 + 24.802,90 = 171.517,90
    expect(f.salaryForecast).toBe(171517.9);
    // realised Vervanging 2.000 + 1.200 = 3.200; remaining: V-1 open 5.000 − 2.000 = 3.000; V-2 closed (27-2) 0 → 6.200,00
    expect(f.replacementForecast).toBe(6200);
    // 171.517,90 + 6.200 = 177.717,90; ruimte = 220.487,09 − 177.717,90 = 42.769,19
    expect(f.formationCostForecast).toBe(177717.9);
    expect(f.roomUnderCeiling).toBe(42769.19);
    // opleiding = max(1.000 realised; 3.000 planned) = 3.000,00
    expect(f.byMethod?.bezetting?.trainingForecast).toBe(3000);
    expect(f.method).toBe("bezetting");
  });
  test("the difference between the methods, to the cent", () => {
    // salary 171.517,90 − 145.200,00 = 26.317,90; replacement 6.200 − 6.500 = −300,00;
    // room 42.769,19 − 68.787,09 = −26.017,90 (the linear forecast overstates the room by 26.017,90)
    const lin = f.byMethod!.lineair, bez = f.byMethod!.bezetting!;
    expect(Math.round((bez.salaryForecast - lin.salaryForecast) * 100)).toBe(2631790);
    expect(Math.round((bez.replacementForecast - lin.replacementForecast) * 100)).toBe(-30000);
    expect(Math.round((bez.roomUnderCeiling - lin.roomUnderCeiling) * 100)).toBe(-2601790);
  });
  test("§6 runs on the bezetting figures: the closed case costs what was booked", () => {
    // by Startdatum: V-2 (2-2) then V-1 (1-5). R = 171.517,90 → + 1.200 = 172.717,90 → + 5.000 = 177.717,90 < plafond
    expect(f.cases.map((c) => [c.case.caseId, c.caseCost, c.runningAfter, c.extraCost])).toEqual([
      ["V-2", 1200, 172717.9, 0],
      ["V-1", 5000, 177717.9, 0],
    ]);
  });
});

describe("the parts of the rule", () => {
  test("observed months: the last three through n, fewer at the start of the year", () => {
    expect([observedMonths(1), observedMonths(2), observedMonths(6)]).toEqual([{ from: 1, to: 1 }, { from: 1, to: 2 }, { from: 4, to: 6 }]);
  });
  test("a change counts for whole months: from the month of a date on the 1st, else the next", () => {
    expect([changeMonth(d(2026, 9, 1), 2026), changeMonth(d(2026, 9, 15), 2026), changeMonth(d(2025, 12, 1), 2026), changeMonth(d(2027, 1, 1), 2026)]).toEqual([9, 10, 1, 13]);
  });
  test("fte delta: a vacancy filled, a partial filling, an occupied row changed, a date without change", () => {
    const base = { row: 2, functionName: "x", service: "Balie" as const, scale: "8", note: "", changeDate: d(2026, 9, 1) };
    expect(fteDelta({ ...base, fte: 1, occupancy: "Vacature", fteAfterChange: null })).toBe(1);
    expect(fteDelta({ ...base, fte: 1, occupancy: "Vacature", fteAfterChange: 0.5 })).toBe(0.5);
    expect(fteDelta({ ...base, fte: 1, occupancy: "Bezet", fteAfterChange: 0.8 })).toBeCloseTo(-0.2, 12);
    expect(fteDelta({ ...base, fte: 1, occupancy: null, fteAfterChange: null })).toBe(0);
    expect(fteDelta({ ...base, fte: 1, occupancy: "Vacature", changeDate: null, fteAfterChange: 1 })).toBe(0);
  });
  test("a hire inside the observed months is already in the bookings: not added again", () => {
    const i = year("bezetting");
    i.formation[1].changeDate = d(2026, 5, 1);
    const o = computeResults(i).forecast.occupancy!;
    expect(o.changes.map((c) => [c.fromMonth, c.salarySum, c.amount])).toEqual([[5, 0, 0]]);
    expect(o.formationChanges).toBe(0);
  });
});

describe("the worked example of docs/rekenregels.md (Prognosemethode lineair) shows bezetting beside it", () => {
  const f = computeResults(workedExample()).forecast;
  test("the bezetting figures, by hand", () => {
    // B = Loonkosten April–June = 3 × 47.250 = 141.750.
    // Fte per scale: 7: 3,0 + 0,4 = 3,4; 8: 1,5 + 1,0 + 0,4 = 2,9; 9: 0,8 + 0,6 + 0,3 = 1,7; 11: 0,2.
    // C(April–September) = 3,4 × 3.908 + 2,9 × 4.384 + 1,7 × 4.907 + 0,2 × 6.193 = 35.581,3
    // C(October–December) = 3,4 × 3.980 + 2,9 × 4.465 + 1,7 × 4.998 + 0,2 × 6.308 = 36.238,7
    // C_obs = 3 × 35.581,3 = 106.743,9; C_rest = 106.743,9 + 3 × 36.238,7 = 215.460,0
    // remaining = 141.750 × 215.460 / 106.743,9 = 286.118,9726… → 286.118,97; no formation changes
    expect(f.occupancy?.remainingSalaries).toBe(286118.97);
    // loonkosten 283.500 + 286.118,97 = 569.618,97; vervanging 20.850 geboekt + 18.450 (V-2025-01) = 39.300,00
    expect(f.byMethod?.bezetting?.salaryForecast).toBe(569618.97);
    expect(f.byMethod?.bezetting?.replacementForecast).toBe(39300);
    // ruimte = 649.519,35 − (569.618,97 + 39.300) = 40.600,38, against 43.219,35 linear
    expect(f.byMethod?.bezetting?.roomUnderCeiling).toBe(40600.38);
    expect(f.roomUnderCeiling).toBe(43219.35);
    // opleiding: lineair 4.050 × 12 / 6 = 8.100,00; bezetting max(4.050; 8.000) = 8.000,00
    expect([f.byMethod?.lineair.trainingForecast, f.byMethod?.bezetting?.trainingForecast]).toEqual([8100, 8000]);
  });
});
