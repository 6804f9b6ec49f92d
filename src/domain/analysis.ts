/**
 * The P&C table in the municipality's own form (docs/rekenregels.md, "Financiële analyse"): Lasten, Baten and
 * Saldo × Begroting primitief, Begroting na wijziging, Realisatie (prognose jaar, t/m rapportagemaand) and
 * Verschil, in thousands of euros, "- = voordeel, zonder teken = nadeel". Each figure is rounded to
 * thousands from the exact amount, the totals too (so a total may differ from the sum of its rounded lines).
 */
import type { Results } from "./compute";
import { round2 } from "./money";
import type { Inputs, Perspective } from "./types";

/** The exact amounts in euros the table is made of. */
export interface AnalysisAmounts {
  /** totaal budget P&C of the first signed version (or the budget now, when nothing is signed) */
  primitive: number;
  /** totaal budget P&C of the last signed version (the same without a wijziging) */
  amended: number;
  /** meerkosten voor de opdrachtgever (forecast); 0 without realisation */
  extra: number;
  /** costs realised through the report month, overhead pro rata included (6.5, Totaal) */
  costsToDate: number;
  /** prognose jaar: formation cost forecast + the other categories linear + the year's overhead */
  costsYear: number;
  /** the client's contribution through the report month: the amended budget pro rata */
  contributionToDate: number;
  /** the client's contribution for the year: the amended budget plus the meerkosten */
  contributionYear: number;
}

export function analysisAmounts(inputs: Inputs, results: Results, primitive: number, amended: number): AnalysisAmounts | null {
  if (!results.forecast.available) return null;
  const n = inputs.settings.reportMonth;
  const r = results.realised;
  const total = results.variance.find((v) => v.name === "Totaal");
  const extra = results.forecast.extraCostForClient;
  return {
    primitive, amended, extra,
    costsToDate: total?.realisedToDate ?? 0,
    costsYear: round2(results.forecast.formationCostForecast + round2(((r.Opleiding + r["Aanvullende dienstverlening"] + r.Overig) * 12) / n) + results.ceiling.overhead),
    contributionToDate: round2((amended * n) / 12),
    contributionYear: round2(amended + extra),
  };
}

/** Round half away from zero to whole thousands, as Excel's ROUND(x/1000, 0). */
export function thousands(x: number): number {
  const scaled = Number((Math.abs(x) / 1000).toPrecision(15));
  const r = Math.round(scaled);
  return x < 0 ? -r : r;
}

export interface AnalysisRow {
  label: "Lasten" | "Baten" | "Saldo";
  /** exact euros per column (null: no realisation yet), signed: - = voordeel */
  exact: { primitive: number; amended: number; year: number | null; toDate: number | null; difference: number | null };
}

/** The three rows in exact euros with the sign of the table (baten negative); round with `thousands`. */
export function analysisRows(perspective: Perspective, budgets: { primitive: number; amended: number }, a: AnalysisAmounts | null): AnalysisRow[] {
  const { primitive, amended } = budgets;
  const opt = (x: number | undefined) => (a ? (x ?? 0) : null);
  const diff = (year: number | null, budget: number) => (year === null ? null : round2(year - budget));
  if (perspective === "opdrachtgever") {
    const year = opt(a?.contributionYear);
    const lasten = { primitive, amended, year, toDate: opt(a?.contributionToDate), difference: diff(year, amended) };
    return [
      { label: "Lasten", exact: lasten },
      { label: "Baten", exact: { primitive: 0, amended: 0, year: a ? 0 : null, toDate: a ? 0 : null, difference: a ? 0 : null } },
      { label: "Saldo", exact: lasten },
    ];
  }
  const costYear = opt(a?.costsYear);
  const costN = opt(a?.costsToDate);
  const incYear = a ? -a.contributionYear : null;
  const incN = a ? -a.contributionToDate : null;
  const sum = (x: number | null, y: number | null) => (x === null || y === null ? null : round2(x + y));
  return [
    { label: "Lasten", exact: { primitive, amended, year: costYear, toDate: costN, difference: diff(costYear, amended) } },
    { label: "Baten", exact: { primitive: -primitive, amended: -amended, year: incYear, toDate: incN, difference: diff(incYear, -amended) } },
    { label: "Saldo", exact: { primitive: 0, amended: 0, year: sum(costYear, incYear), toDate: sum(costN, incN), difference: sum(diff(costYear, amended), diff(incYear, -amended)) } },
  ];
}
