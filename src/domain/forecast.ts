/** docs/rekenregels.md §5 and §6: forecast, room under the ceiling, and sick-leave replacement against the ceiling. */
import { compareDates } from "./dates";
import { round2 } from "./money";
import { caseOpen, computeOccupancyForecast, type OccupancyForecast } from "./occupancy-forecast";
import { DEFAULT_FORECAST_METHOD, type Decision, type ForecastMethod, type FormationRow, type LedgerRow, type SalaryRow, type SickLeaveCase, type Settings } from "./types";

export interface SickLeaveOutcome {
  case: SickLeaveCase;
  /** Vervanging booked on this dossier through month n */
  bookedToDate: number;
  /** c_k = max(booked, expected) */
  caseCost: number;
  /** R before this case */
  runningBefore: number;
  /** R after this case */
  runningAfter: number;
  requiredDecision: Exclude<Decision, "Open">;
  /** meerkosten_k, round2 */
  extraCost: number;
  /** required Adviesnota while the recorded Besluit is not Adviesnota */
  adviceNoteMissing: boolean;
}

/** The figures of one forecast method, side by side on 6.5. */
export interface MethodFigures {
  salaryForecast: number;
  replacementForecast: number;
  formationCostForecast: number;
  roomUnderCeiling: number;
  /** outside the ceiling (the SLA's budget has training beside the ceiling): shown, not in the room */
  trainingForecast: number;
}

export interface ForecastResult {
  /**
   * false when Realisatie has no row on or before the report month (a new year's workbook): there is then
   * no forecast — no prognosis made of zero months — and every figure below is 0 and `cases` is empty.
   */
  available: boolean;
  salaryForecast: number;
  replacementForecast: number;
  formationCostForecast: number;
  roomUnderCeiling: number;
  cases: SickLeaveOutcome[];
  extraCostForClient: number;
  /** the method whose figures are above (absent when not available) */
  method?: ForecastMethod;
  /** both methods' figures (absent when not available; `bezetting` absent without a formation basis) */
  byMethod?: { lineair: MethodFigures; bezetting?: MethodFigures };
  /** the intermediate figures of the forecast *bezetting* */
  occupancy?: OccupancyForecast;
}

/** What the forecast *bezetting* needs beside the ledger and the cases. */
export interface OccupancyBasis {
  salaryTable: readonly SalaryRow[];
  formation: readonly FormationRow[];
}

/** Vervanging booked per dossier through month n, round2. */
export function replacementBooked(ledger: readonly LedgerRow[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of ledger) {
    if (r.category !== "Vervanging" || r.month > n) continue;
    m.set(r.caseId, (m.get(r.caseId) ?? 0) + r.amount);
  }
  for (const [k, v] of m) m.set(k, round2(v));
  return m;
}

/** A year has realisation once Realisatie has a row (any category) on or before the report month. */
export function hasRealisation(ledger: readonly LedgerRow[], n: number): boolean {
  return ledger.some((r) => r.month <= n);
}

/** Cases in the order of §6: by Startdatum, then Dossier. */
export function orderCases(cases: readonly SickLeaveCase[]): SickLeaveCase[] {
  return [...cases].sort((a, b) => compareDates(a.start, b.start) || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

function realisedThrough(ledger: readonly LedgerRow[], n: number, category: LedgerRow["category"]): number {
  let sum = 0;
  for (const r of ledger) if (r.category === category && r.month <= n) sum += r.amount;
  return round2(sum);
}

/**
 * §5 and §6. Both forecasts are made (the linear one always, *bezetting* when `basis` is given); the method
 * of the setting `Prognosemethode` (default *bezetting*; *lineair* without a basis) gives the salary
 * forecast that starts the chain of §6 and the cost of each case in it.
 */
export function computeForecast(
  settings: Settings,
  ceiling: number,
  realisedSalaries: number,
  ledger: readonly LedgerRow[],
  cases: readonly SickLeaveCase[],
  basis?: OccupancyBasis,
): ForecastResult {
  const n = settings.reportMonth;
  if (!hasRealisation(ledger, n)) {
    return { available: false, salaryForecast: 0, replacementForecast: 0, formationCostForecast: 0, roomUnderCeiling: 0, cases: [], extraCostForClient: 0 };
  }
  const booked = replacementBooked(ledger, n);
  const linearSalary = round2((realisedSalaries / n) * 12);
  const linearCaseCost = (c: SickLeaveCase) => Math.max(booked.get(c.caseId) ?? 0, c.expectedCost);
  const figures = (salary: number, replacement: number, training: number): MethodFigures => {
    const formation = round2(salary + replacement);
    return { salaryForecast: salary, replacementForecast: replacement, formationCostForecast: formation, roomUnderCeiling: round2(ceiling - formation), trainingForecast: training };
  };
  const linear = figures(
    linearSalary,
    round2(cases.reduce((s, c) => s + linearCaseCost(c), 0)),
    round2((realisedThrough(ledger, n, "Opleiding") / n) * 12),
  );
  const occupancy = basis ? computeOccupancyForecast(settings, basis.salaryTable, basis.formation, ledger, cases) : undefined;
  const occupancyFigures = occupancy ? figures(occupancy.salaryForecast, occupancy.replacementForecast, occupancy.trainingForecast) : undefined;
  const method: ForecastMethod = occupancy ? settings.forecastMethod ?? DEFAULT_FORECAST_METHOD : "lineair";
  const chosen = method === "bezetting" && occupancyFigures ? occupancyFigures : linear;
  // bezetting: a closed case costs what was booked on it; an open one at least its expected cost (§5)
  const caseCostOf = (c: SickLeaveCase) =>
    method === "bezetting" && !caseOpen(c, settings.year, n) ? booked.get(c.caseId) ?? 0 : linearCaseCost(c);

  let running = chosen.salaryForecast;
  const outcomes: SickLeaveOutcome[] = [];
  for (const c of orderCases(cases)) {
    const bookedToDate = booked.get(c.caseId) ?? 0;
    const caseCost = caseCostOf(c);
    let extra = 0;
    let required: Exclude<Decision, "Open"> = "Teamleider";
    if (c.kind === "Lang") {
      if (settings.slaVersion === 2023) {
        extra = round2(caseCost);
        required = "Adviesnota";
      } else {
        extra = round2(Math.max(0, running + caseCost - ceiling) - Math.max(0, running - ceiling));
        required = extra > 0 ? "Adviesnota" : "Teamleider";
      }
    }
    const before = running;
    running = running + caseCost;
    outcomes.push({
      case: c,
      bookedToDate,
      caseCost,
      runningBefore: before,
      runningAfter: running,
      requiredDecision: required,
      extraCost: extra,
      adviceNoteMissing: required === "Adviesnota" && c.decision !== "Adviesnota",
    });
  }
  return {
    available: true,
    salaryForecast: chosen.salaryForecast,
    replacementForecast: chosen.replacementForecast,
    formationCostForecast: chosen.formationCostForecast,
    roomUnderCeiling: chosen.roomUnderCeiling,
    cases: outcomes,
    extraCostForClient: round2(outcomes.reduce((s, o) => s + o.extraCost, 0)),
    method,
    byMethod: occupancyFigures ? { lineair: linear, bezetting: occupancyFigures } : { lineair: linear },
    occupancy,
  };
}
