/** The whole engine: typed inputs in, all figures out (pure data). */
import { computeCeiling, type CeilingResult } from "./ceiling";
import { addendumFingerprint } from "./fingerprint";
import { computeForecast, type ForecastResult } from "./forecast";
import { computeServiceFigures, type ServiceFigures } from "./service";
import type { CostCategory, Inputs } from "./types";
import { computeVariance, realisedByCategory, realisedByMonth, type RealisedByCategory, type VarianceLine } from "./variance";

export interface Results {
  ceiling: CeilingResult;
  realised: RealisedByCategory;
  realisedByMonth: Record<CostCategory, number[]>;
  variance: VarianceLine[];
  forecast: ForecastResult;
  service: ServiceFigures | null;
  fingerprint: string;
}

export function computeResults(inputs: Inputs): Results {
  const { settings } = inputs;
  const ceiling = computeCeiling(settings, inputs.salaryTable, inputs.formation);
  const realised = realisedByCategory(inputs.ledger, settings.reportMonth);
  return {
    ceiling,
    realised,
    realisedByMonth: realisedByMonth(inputs.ledger),
    variance: computeVariance(settings, ceiling, realised),
    forecast: computeForecast(settings, ceiling.ceiling, realised.Loonkosten, inputs.ledger, inputs.sickLeave ?? [], { salaryTable: inputs.salaryTable, formation: inputs.formation }),
    service: inputs.serviceMonths ? computeServiceFigures(inputs.serviceMonths, settings.reportMonth) : null,
    fingerprint: addendumFingerprint(inputs),
  };
}
