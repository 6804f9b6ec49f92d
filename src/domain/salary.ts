/** docs/rekenregels.md §1 and §2: the maximum salary in force per month, and the maximum cost per fte. */
import { compareDates, lastDayOfMonth } from "./dates";
import type { CalendarDate, SalaryRow, Settings } from "./types";

export interface MonthlyMaximum {
  month: number;
  maximum: number;
  /** the Salaristabel row in force */
  source: SalaryRow;
}

/** Normalise a scale label so `10a`, ` 10A ` and the number 10 compare as users mean. */
export function normaliseScale(label: string | number): string {
  return String(label).trim().toUpperCase();
}

/**
 * §1: the row for `scale` whose Ingangsdatum is the latest on or before the last day of `month` of `year`;
 * null when there is none.
 */
export function rowInForce(table: readonly SalaryRow[], scale: string, year: number, month: number): SalaryRow | null {
  const limit: CalendarDate = lastDayOfMonth(year, month);
  let best: SalaryRow | null = null;
  for (const r of table) {
    if (r.scale !== scale || compareDates(r.effective, limit) > 0) continue;
    if (best === null || compareDates(r.effective, best.effective) > 0) best = r;
  }
  return best;
}

export interface ScaleCost {
  scale: string;
  monthly: MonthlyMaximum[];
  /** S(s): sum of the 12 monthly maxima */
  annualSalary: number;
  /** I(s) */
  ikb: number;
  /** W(s) */
  employerCharges: number;
  /** K(s) = S + I + W, not rounded */
  costPerFte: number;
}

/** §2 for a scale, given the 12 monthly maxima. */
export function costFromMonthly(scale: string, monthly: MonthlyMaximum[], settings: Pick<Settings, "ikbRate" | "employerChargesRate">): ScaleCost {
  const annualSalary = monthly.reduce((s, m) => s + m.maximum, 0);
  const ikb = annualSalary * settings.ikbRate;
  const employerCharges = (annualSalary + ikb) * settings.employerChargesRate;
  return { scale, monthly, annualSalary, ikb, employerCharges, costPerFte: annualSalary + ikb + employerCharges };
}

export type MissingSalary = { scale: string; month: number };

/**
 * §1 + §2 for a scale in year Y. With `januaryAllYear`, the table in force in January is used for all
 * 12 months (for the cao-effect of §3). Returns the months with no row in `missing`.
 */
export function scaleCost(
  table: readonly SalaryRow[],
  scale: string,
  settings: Pick<Settings, "year" | "ikbRate" | "employerChargesRate">,
  januaryAllYear = false,
): { cost: ScaleCost | null; missing: MissingSalary[] } {
  const monthly: MonthlyMaximum[] = [];
  const missing: MissingSalary[] = [];
  for (let m = 1; m <= 12; m++) {
    const row = rowInForce(table, scale, settings.year, januaryAllYear ? 1 : m);
    if (row) monthly.push({ month: m, maximum: row.maximum, source: row });
    else missing.push({ scale, month: januaryAllYear ? 1 : m });
  }
  if (missing.length > 0) return { cost: null, missing };
  return { cost: costFromMonthly(scale, monthly, settings), missing };
}
