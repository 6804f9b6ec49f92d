/** docs/rekenregels.md §5 and §6: forecast, room under the ceiling, and sick-leave replacement against the ceiling. */
import { compareDates } from "./dates";
import { round2 } from "./money";
import type { Decision, LedgerRow, SickLeaveCase, Settings } from "./types";

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

export function computeForecast(
  settings: Settings,
  ceiling: number,
  realisedSalaries: number,
  ledger: readonly LedgerRow[],
  cases: readonly SickLeaveCase[],
): ForecastResult {
  const n = settings.reportMonth;
  if (!hasRealisation(ledger, n)) {
    return { available: false, salaryForecast: 0, replacementForecast: 0, formationCostForecast: 0, roomUnderCeiling: 0, cases: [], extraCostForClient: 0 };
  }
  const salaryForecast = round2((realisedSalaries / n) * 12);
  const booked = replacementBooked(ledger, n);
  let running = salaryForecast;
  const outcomes: SickLeaveOutcome[] = [];
  for (const c of orderCases(cases)) {
    const bookedToDate = booked.get(c.caseId) ?? 0;
    const caseCost = Math.max(bookedToDate, c.expectedCost);
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
  const replacementForecast = round2(outcomes.reduce((s, o) => s + o.caseCost, 0));
  const formationCostForecast = round2(salaryForecast + replacementForecast);
  return {
    available: true,
    salaryForecast,
    replacementForecast,
    formationCostForecast,
    roomUnderCeiling: round2(ceiling - formationCostForecast),
    cases: outcomes,
    extraCostForClient: round2(outcomes.reduce((s, o) => s + o.extraCost, 0)),
  };
}
