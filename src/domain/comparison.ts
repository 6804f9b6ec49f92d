/**
 * The Verschilanalyse (issue 12 §3): why the ceiling moves from last year's agreed addendum to this year's.
 *
 *   P(F, Y, p) = Σᵢ round2(Fteᵢ × K(sᵢ))   with K per RULES §1–2 over the 12 months of year Y, the workbook's
 *   Salaristabel, and p = (IKB-percentage, Werkgeverslastenpercentage)
 *
 *   Formatie-effect          = P(F₁, Y−1, p₀) − P(F₀, Y−1, p₀)
 *   Cao-effect jaar op jaar  = P(F₁, Y,   p₀) − P(F₁, Y−1, p₀)
 *   Parameter-effect         = P(F₁, Y,   p₁) − P(F₁, Y,   p₀)     (P(F₁, Y, p₁) is this year's plafond)
 *
 * They add up exactly to plafond(Y) − P(F₀, Y−1, p₀); when P(F₀, Y−1, p₀) differs from the plafond in the
 * record (tables edited since), that difference is a line of its own.
 */
import { round2 } from "./money";
import { scaleCost, type MissingSalary, type ScaleCost } from "./salary";
import type { SalaryRow, ServiceCode } from "./types";

export interface FormationPoint {
  scale: string;
  fte: number;
  service: ServiceCode;
}

export interface CostParameters {
  ikbRate: number;
  employerChargesRate: number;
}

/** P(F, Y, p) with the line amounts, or the months without a salary row. */
export function formationCost(table: readonly SalaryRow[], formation: readonly FormationPoint[], year: number, p: CostParameters):
  { total: number; lines: number[]; scales: Map<string, ScaleCost>; missing: MissingSalary[] } {
  const scales = new Map<string, ScaleCost>();
  const missing: MissingSalary[] = [];
  for (const scale of new Set(formation.map((f) => f.scale))) {
    const r = scaleCost(table, scale, { year, ...p });
    if (r.cost) scales.set(scale, r.cost);
    missing.push(...r.missing);
  }
  const lines = formation.map((f) => {
    const k = scales.get(f.scale);
    return k ? round2(f.fte * k.costPerFte) : 0;
  });
  return { total: round2(lines.reduce((a, b) => a + b, 0)), lines, scales, missing };
}

export interface PreviousAgreed {
  year: number;
  formation: FormationPoint[];
  parameters: CostParameters;
  ceiling: number;
}

export interface Comparison {
  previousYear: number;
  year: number;
  /** P(F₀, Y−1, p₀) */
  p00: number;
  /** P(F₁, Y−1, p₀) */
  p10: number;
  /** P(F₁, Y, p₀) */
  p11: number;
  /** P(F₁, Y, p₁) = this year's plafond */
  ceiling: number;
  formationEffect: number;
  caoEffect: number;
  parameterEffect: number;
  /** P(F₀, Y−1, p₀) − the plafond in the record: 0 unless the tables of Y−1 were edited since */
  recalculationDifference: number;
  /** plafond(Y) − the plafond in the record */
  change: number;
  /** per (scale) K for (Y−1, p₀) and (Y, p₀) */
  costs: { previousYear: Map<string, ScaleCost>; thisYear: Map<string, ScaleCost> };
  /** line amounts: F₀ at (Y−1, p₀), F₁ at (Y−1, p₀), F₁ at (Y, p₀) */
  lines: { f0: number[]; f1Previous: number[]; f1: number[] };
}

export function computeComparison(
  table: readonly SalaryRow[], year: number, formation: readonly FormationPoint[], parameters: CostParameters, ceiling: number, previous: PreviousAgreed,
): { comparison: Comparison | null; missing: MissingSalary[] } {
  const y0 = previous.year;
  const p0 = previous.parameters;
  const a = formationCost(table, previous.formation, y0, p0);
  const b = formationCost(table, formation, y0, p0);
  const c = formationCost(table, formation, year, p0);
  const missing = [...a.missing, ...b.missing].map((m) => ({ ...m }));
  if (missing.length > 0 || c.missing.length > 0) return { comparison: null, missing: [...missing, ...c.missing] };
  const previousYearCosts = new Map([...a.scales, ...b.scales]);
  return {
    comparison: {
      previousYear: y0,
      year,
      p00: a.total,
      p10: b.total,
      p11: c.total,
      ceiling,
      formationEffect: round2(b.total - a.total),
      caoEffect: round2(c.total - b.total),
      parameterEffect: round2(ceiling - c.total),
      recalculationDifference: round2(a.total - previous.ceiling),
      change: round2(ceiling - previous.ceiling),
      costs: { previousYear: previousYearCosts, thisYear: c.scales },
      lines: { f0: a.lines, f1Previous: b.lines, f1: c.lines },
    },
    missing: [],
  };
}
