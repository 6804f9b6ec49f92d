/**
 * docs/rekenregels.md §3: the formation-cost ceiling, overhead, total P&C budget and cao-effect. A formation row
 * with Dekking `overhead` is outside the plafond: its amount is the part of the overhead it uses.
 */
import { round2 } from "./money";
import { scaleCost, type MissingSalary, type ScaleCost } from "./salary";
import type { FormationRow, SalaryRow, Settings } from "./types";

/** A formation row counts in the plafond unless it is paid through the overhead (Dekking `overhead`, docs/rekenregels.md §3). */
export function withinCeiling(f: FormationRow): boolean {
  return f.coverage !== "overhead";
}

export interface FormationLine {
  formation: FormationRow;
  cost: ScaleCost;
  /** plafondbedrag_i = round2(Fte × K) */
  ceilingAmount: number;
  /** the same with the January table all year */
  ceilingAmountJanuary: number;
}

export interface CeilingResult {
  scales: Map<string, ScaleCost>;
  scalesJanuary: Map<string, ScaleCost>;
  /** the formation rows inside the plafond */
  lines: FormationLine[];
  /** the rows covered by the overhead (Dekking `overhead`): outside the plafond, their cost a part of the overhead */
  overheadLines: FormationLine[];
  /** the overhead those rows use: the sum of their amounts */
  overheadUsed: number;
  ceiling: number;
  ceilingJanuary: number;
  caoEffect: number;
  overhead: number;
  trainingBudget: number;
  additionalServicesBudget: number;
  totalBudget: number;
  /** scales used in Formatie that have no Salaristabel row for a month (an input error) */
  missing: MissingSalary[];
}

/** Sum of amounts that are each already in cents, kept in cents. */
export function sumCents(values: readonly number[]): number {
  return round2(values.reduce((s, v) => s + v, 0));
}

export function computeCeiling(settings: Settings, table: readonly SalaryRow[], formation: readonly FormationRow[]): CeilingResult {
  const scales = new Map<string, ScaleCost>();
  const scalesJanuary = new Map<string, ScaleCost>();
  const missing: MissingSalary[] = [];
  for (const scale of new Set(formation.map((f) => f.scale))) {
    const all = scaleCost(table, scale, settings);
    const jan = scaleCost(table, scale, settings, true);
    if (all.cost) scales.set(scale, all.cost);
    if (jan.cost) scalesJanuary.set(scale, jan.cost);
    missing.push(...all.missing);
  }
  const lines: FormationLine[] = [];
  const overheadLines: FormationLine[] = [];
  for (const f of formation) {
    const cost = scales.get(f.scale);
    const jan = scalesJanuary.get(f.scale);
    if (!cost || !jan) continue;
    (withinCeiling(f) ? lines : overheadLines).push({
      formation: f,
      cost,
      ceilingAmount: round2(f.fte * cost.costPerFte),
      ceilingAmountJanuary: round2(f.fte * jan.costPerFte),
    });
  }
  const ceiling = sumCents(lines.map((l) => l.ceilingAmount));
  const ceilingJanuary = sumCents(lines.map((l) => l.ceilingAmountJanuary));
  const overhead = round2(ceiling * settings.overheadRate);
  const totalBudget = round2(ceiling + overhead + settings.trainingBudget + settings.additionalServicesBudget);
  return {
    scales,
    scalesJanuary,
    lines,
    overheadLines,
    overheadUsed: sumCents(overheadLines.map((l) => l.ceilingAmount)),
    ceiling,
    ceilingJanuary,
    caoEffect: round2(ceiling - ceilingJanuary),
    overhead,
    trainingBudget: settings.trainingBudget,
    additionalServicesBudget: settings.additionalServicesBudget,
    totalBudget,
    missing,
  };
}
