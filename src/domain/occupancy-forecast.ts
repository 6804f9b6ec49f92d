/**
 * docs/rekenregels.md §5: the forecast *bezetting* — the year as it will end, from who is paid now, the cao
 * table in force in each remaining month, the formation changes dated in Formatie, the remaining estimates
 * of the open sick-leave cases, and the planned training. Pure functions; the linear forecast and the
 * sick-leave chain of §6 are in forecast.ts.
 */
import { withinCeiling } from "./ceiling";
import { compareDates, lastDayOfMonth } from "./dates";
import { round2 } from "./money";
import { rowInForce } from "./salary";
import type { CalendarDate, FormationRow, LedgerRow, SalaryRow, Settings, SickLeaveCase } from "./types";

/** "Recent salary bookings": the Loonkosten booked in the last 3 months through the report month (fewer in January and February). */
export const RUN_RATE_MONTHS = 3;

/** The months observed for the run-rate: max(1, n − 2) through n. */
export function observedMonths(n: number): { from: number; to: number } {
  return { from: Math.max(1, n - RUN_RATE_MONTHS + 1), to: n };
}

/**
 * The first month a dated change counts for in `year`: the month of the date when it is the 1st, else the
 * month after (a change counts for whole months only); 1 for a date before the year, 13 (never) after it.
 */
export function changeMonth(date: CalendarDate, year: number): number {
  if (date.year < year) return 1;
  if (date.year > year) return 13;
  return date.day === 1 ? date.month : date.month + 1;
}

/** The occupied fte a row adds from its change date: (new occupied fte) − (occupied fte before the date). */
export function fteDelta(f: FormationRow): number {
  if (!f.changeDate) return 0;
  const before = f.occupancy === "Vacature" ? 0 : f.fte;
  const after = f.fteAfterChange ?? (f.occupancy === "Vacature" ? f.fte : before);
  return after - before;
}

export interface FormationChange {
  formation: FormationRow;
  /** the first month the change counts for (changeMonth) */
  fromMonth: number;
  fteDelta: number;
  /** Σ of the scale's monthly maxima over fromMonth … 12 when fromMonth > n (else 0: already in the bookings) */
  salarySum: number;
  /** round2(fteDelta × (S' + S'·IKB + (S' + S'·IKB)·werkgeverslasten)), S' = salarySum */
  amount: number;
}

export interface OccupancyForecast {
  /** observed months for the run-rate */
  observedFrom: number;
  /** B: Loonkosten booked in the observed months, round2 */
  observedBookings: number;
  /** C(m), m = 1..12: Σ over Formatie of Fte × the maximum in force for its scale in month m (not rounded) */
  salaryIndex: number[];
  /** Σ C(m) over the observed months */
  observedIndex: number;
  /** Σ C(m) over the months after n */
  remainingIndex: number;
  /** round2(B × C_rest / C_obs); 0 when n = 12 */
  remainingSalaries: number;
  changes: FormationChange[];
  /** Σ of the changes' amounts, round2 */
  formationChanges: number;
  /** round2(realised Loonkosten t/m n + remainingSalaries + formationChanges) */
  salaryForecast: number;
  /** per case: max(0, expected − booked) when the case is open after month n, else 0 */
  remainingCases: Map<string, number>;
  /** round2(realised Vervanging t/m n + Σ remainingCases) */
  replacementForecast: number;
  /** round2(max(realised Opleiding t/m n, Opleidingskosten)): the budget is the planned training */
  trainingForecast: number;
}

/** A case is closed when its Einddatum lies on or before the last day of the report month. */
export function caseOpen(c: SickLeaveCase, year: number, n: number): boolean {
  return c.end === null || compareDates(c.end, lastDayOfMonth(year, n)) > 0;
}

function bookedThrough(ledger: readonly LedgerRow[], n: number, pick: (r: LedgerRow) => boolean, from = 1): number {
  let s = 0;
  for (const r of ledger) if (r.month >= from && r.month <= n && pick(r)) s += r.amount;
  return round2(s);
}

export function computeOccupancyForecast(
  settings: Pick<Settings, "year" | "reportMonth" | "ikbRate" | "employerChargesRate" | "trainingBudget">,
  salaryTable: readonly SalaryRow[],
  allFormation: readonly FormationRow[],
  ledger: readonly LedgerRow[],
  cases: readonly SickLeaveCase[],
): OccupancyForecast {
  // the forecast is of the formation costs against the plafond: rows paid through the overhead (Dekking
  // `overhead`, docs/rekenregels.md §3) are outside it, in the salary index and in the dated changes alike
  const formation = allFormation.filter(withinCeiling);
  const n = settings.reportMonth;
  const year = settings.year;
  const maxOf = (scale: string, m: number) => rowInForce(salaryTable, scale, year, m)?.maximum ?? 0;
  const { from } = observedMonths(n);

  const salaryIndex: number[] = [];
  for (let m = 1; m <= 12; m++) salaryIndex.push(formation.reduce((s, f) => s + f.fte * maxOf(f.scale, m), 0));
  const observedIndex = salaryIndex.slice(from - 1, n).reduce((a, b) => a + b, 0);
  const remainingIndex = salaryIndex.slice(n).reduce((a, b) => a + b, 0);
  const observedBookings = bookedThrough(ledger, n, (r) => r.category === "Loonkosten", from);
  const remainingSalaries = n === 12 || observedIndex === 0 ? 0 : round2((observedBookings * remainingIndex) / observedIndex);

  const changes: FormationChange[] = [];
  for (const f of formation) {
    const delta = fteDelta(f);
    if (!f.changeDate || delta === 0) continue;
    const fromMonth = changeMonth(f.changeDate, year);
    // a change that starts in or before the report month is already in the bookings (and so in the run-rate)
    let salarySum = 0;
    if (fromMonth > n) for (let m = fromMonth; m <= 12; m++) salarySum += maxOf(f.scale, m);
    const ikb = salarySum * settings.ikbRate;
    const cost = salarySum + ikb + (salarySum + ikb) * settings.employerChargesRate;
    changes.push({ formation: f, fromMonth, fteDelta: delta, salarySum, amount: round2(delta * cost) });
  }
  const formationChanges = round2(changes.reduce((s, c) => s + c.amount, 0));
  const realisedSalaries = bookedThrough(ledger, n, (r) => r.category === "Loonkosten");
  const salaryForecast = round2(realisedSalaries + remainingSalaries + formationChanges);

  const remainingCases = new Map<string, number>();
  for (const c of cases) {
    const booked = bookedThrough(ledger, n, (r) => r.category === "Vervanging" && r.caseId === c.caseId);
    remainingCases.set(c.caseId, caseOpen(c, year, n) ? round2(Math.max(0, c.expectedCost - booked)) : 0);
  }
  const realisedReplacement = bookedThrough(ledger, n, (r) => r.category === "Vervanging");
  const replacementForecast = round2(realisedReplacement + [...remainingCases.values()].reduce((a, b) => a + b, 0));
  const trainingForecast = round2(Math.max(bookedThrough(ledger, n, (r) => r.category === "Opleiding"), settings.trainingBudget));

  return {
    observedFrom: from, observedBookings, salaryIndex, observedIndex, remainingIndex, remainingSalaries,
    changes, formationChanges, salaryForecast, remainingCases, replacementForecast, trainingForecast,
  };
}
