/** docs/rekenregels.md §4: realised versus budgeted through the report month. */
import { round2 } from "./money";
import { COST_CATEGORIES, isCostCategory, type CostCategory, type LedgerRow, type Settings } from "./types";
import type { CeilingResult } from "./ceiling";

export const VARIANCE_LINES = [
  "Formatieve kosten",
  "Opleiding",
  "Aanvullende dienstverlening",
  "Overig",
  "Overhead",
  "Totaal",
] as const;
export type VarianceLineName = (typeof VARIANCE_LINES)[number];

export interface VarianceLine {
  name: VarianceLineName;
  annualBudget: number;
  budgetToDate: number;
  realisedToDate: number;
  /** realised − budget to date; positive = nadeel */
  difference: number;
  /** difference / budget to date; null when that budget is 0 */
  differenceRate: number | null;
  explanationRequired: boolean;
}

export type RealisedByCategory = Record<CostCategory, number>;

/** Σ Bedrag per category for months ≤ n (round2 of the sum). */
export function realisedByCategory(ledger: readonly LedgerRow[], throughMonth: number): RealisedByCategory {
  const sums = Object.fromEntries(COST_CATEGORIES.map((c) => [c, 0])) as RealisedByCategory;
  // Nacalculatie verkiezingen is outside the budget lines (docs/rekenregels.md §12)
  for (const r of ledger) if (r.month <= throughMonth && isCostCategory(r.category)) sums[r.category] += r.amount;
  for (const c of COST_CATEGORIES) sums[c] = round2(sums[c]);
  return sums;
}

/** Realised per category per month (months 1..12), each round2. */
export function realisedByMonth(ledger: readonly LedgerRow[]): Record<CostCategory, number[]> {
  const out = Object.fromEntries(COST_CATEGORIES.map((c) => [c, new Array<number>(12).fill(0)])) as Record<CostCategory, number[]>;
  for (const r of ledger) if (isCostCategory(r.category)) out[r.category][r.month - 1] += r.amount;
  for (const c of COST_CATEGORIES) out[c] = out[c].map(round2);
  return out;
}

export function budgetToDate(annual: number, n: number): number {
  return round2((annual * n) / 12);
}

export function explanationRequired(difference: number, rate: number | null, s: Pick<Settings, "varianceThresholdAmount" | "varianceThresholdRate">): boolean {
  return Math.abs(difference) >= s.varianceThresholdAmount || (rate !== null && Math.abs(rate) >= s.varianceThresholdRate);
}

export function computeVariance(settings: Settings, ceiling: CeilingResult, realised: RealisedByCategory): VarianceLine[] {
  const n = settings.reportMonth;
  const realisedOverhead = round2((ceiling.overhead * n) / 12);
  const parts: Array<[VarianceLineName, number, number]> = [
    ["Formatieve kosten", round2(realised.Loonkosten + realised.Vervanging), ceiling.ceiling],
    ["Opleiding", realised.Opleiding, ceiling.trainingBudget],
    ["Aanvullende dienstverlening", realised["Aanvullende dienstverlening"], ceiling.additionalServicesBudget],
    ["Overig", realised.Overig, 0],
    ["Overhead", realisedOverhead, ceiling.overhead],
  ];
  const totalRealised = round2(parts.reduce((s, p) => s + p[1], 0));
  parts.push(["Totaal", totalRealised, ceiling.totalBudget]);
  return parts.map(([name, realisedToDate, annualBudget]) => {
    const budget = budgetToDate(annualBudget, n);
    const difference = round2(realisedToDate - budget);
    const differenceRate = budget === 0 ? null : difference / budget;
    return {
      name,
      annualBudget,
      budgetToDate: budget,
      realisedToDate,
      difference,
      differenceRate,
      explanationRequired: explanationRequired(difference, differenceRate, settings),
    };
  });
}
