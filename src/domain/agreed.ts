/**
 * What was agreed stays agreed (docs/rekenregels.md, "Vastgesteld en herrekend"): the addendum's figures as
 * signed (vastgesteld), the difference a later cao table makes (herrekend minus vastgesteld, to be agreed
 * with the client), and the results with the agreed budget in force for P&C. Pure functions, no records.
 */
import type { CeilingResult } from "./ceiling";
import type { Results } from "./compute";
import { computeForecast } from "./forecast";
import { round2 } from "./money";
import { SERVICE_CODES, type Inputs } from "./types";
import { computeVariance, realisedByCategory } from "./variance";

/** The addendum's budget figures: as signed (vastgesteld) or as computed now (herrekend). */
export interface AgreedFigures {
  ceiling: number;
  overhead: number;
  training: number;
  additional: number;
  totalBudget: number;
  /** plafond per pakket, in the order of SERVICE_CODES, only the pakketten with a formation line */
  byService: Array<{ service: string; ceiling: number }>;
}

/** The figures of a computed ceiling, as they would be recorded when signed. */
export function figuresOfCeiling(c: CeilingResult): AgreedFigures {
  const byService: AgreedFigures["byService"] = [];
  for (const p of SERVICE_CODES) {
    const lines = c.lines.filter((l) => l.formation.service === p);
    if (lines.length > 0) byService.push({ service: p, ceiling: round2(lines.reduce((a, l) => a + l.ceilingAmount, 0)) });
  }
  return { ceiling: c.ceiling, overhead: c.overhead, training: c.trainingBudget, additional: c.additionalServicesBudget, totalBudget: c.totalBudget, byService };
}

/** One line of the cao adjustment: vastgesteld, herrekend, and the difference to agree (herrekend − vastgesteld). */
export interface AdjustmentLine {
  label: string;
  agreed: number;
  recomputed: number;
  difference: number;
}

/** Per pakket and for the plafond and the budget: what changed between the signed and the recomputed figures. */
export function caoAdjustment(agreed: AgreedFigures, now: AgreedFigures): { total: AdjustmentLine[]; byService: AdjustmentLine[] } {
  const line = (label: string, a: number, r: number): AdjustmentLine => ({ label, agreed: a, recomputed: r, difference: round2(r - a) });
  const services = [...new Set([...agreed.byService.map((s) => s.service), ...now.byService.map((s) => s.service)])];
  const order = (s: string) => (SERVICE_CODES as readonly string[]).indexOf(s);
  services.sort((a, b) => order(a) - order(b));
  return {
    total: [
      line("Plafond formatieve kosten", agreed.ceiling, now.ceiling),
      line("Overhead", agreed.overhead, now.overhead),
      line("Totaal budget P&C", agreed.totalBudget, now.totalBudget),
    ],
    byService: services.map((s) => line(s, agreed.byService.find((x) => x.service === s)?.ceiling ?? 0, now.byService.find((x) => x.service === s)?.ceiling ?? 0)),
  };
}

/**
 * The results with the agreed budget in force: the plafond, overhead, opleiding, aanvullende dienstverlening
 * and totaal budget P&C as signed, and the variance and forecast computed against them. The formation lines
 * and the scales stay as computed (the Addendum shows them herrekend).
 */
export function withAgreedBudget(inputs: Inputs, results: Results, agreed: AgreedFigures): Results {
  const ceiling: CeilingResult = {
    ...results.ceiling,
    ceiling: agreed.ceiling, overhead: agreed.overhead, trainingBudget: agreed.training,
    additionalServicesBudget: agreed.additional, totalBudget: agreed.totalBudget,
  };
  const s = inputs.settings;
  const realised = realisedByCategory(inputs.ledger, s.reportMonth);
  return {
    ...results,
    ceiling,
    variance: computeVariance(s, ceiling, realised),
    forecast: computeForecast(s, agreed.ceiling, realised.Loonkosten, inputs.ledger, inputs.sickLeave ?? [], { salaryTable: inputs.salaryTable, formation: inputs.formation }),
  };
}
