/** The whole engine: typed inputs in, all figures out (pure data). */
import { computeCeiling, type CeilingResult } from "./ceiling";
import { addendumFingerprint } from "./fingerprint";
import { computeForecast, type ForecastResult } from "./forecast";
import { computeDuties, type DutiesResult } from "./duties";
import { computeElectionCosts, type ElectionCostsResult } from "./election-costs";
import { computeProcedure, type ProcedureResult } from "./procedure";
import { computeServiceFigures, type ServiceFigures } from "./service";
import type { CostCategory, Inputs } from "./types";
import { computeVariance, realisedByCategory, realisedByMonth, type RealisedByCategory, type VarianceLine } from "./variance";

export interface Results {
  ceiling: CeilingResult;
  realised: RealisedByCategory;
  realisedByMonth: Record<CostCategory, number[]>;
  variance: VarianceLine[];
  forecast: ForecastResult;
  /** the sick-leave procedure over the forecast's cases (docs/rekenregels.md §6) */
  procedure: ProcedureResult;
  service: ServiceFigures | null;
  /** election costs billed afterwards (docs/rekenregels.md §12) */
  electionCosts: ElectionCostsResult;
  /** the SLA's recurring duties (docs/rekenregels.md §13); null without the sheet SLA taken */
  duties: DutiesResult | null;
  fingerprint: string;
}

export function computeResults(inputs: Inputs): Results {
  const { settings } = inputs;
  const ceiling = computeCeiling(settings, inputs.salaryTable, inputs.formation);
  const realised = realisedByCategory(inputs.ledger, settings.reportMonth);
  const forecast = computeForecast(settings, ceiling.ceiling, realised.Loonkosten, inputs.ledger, inputs.sickLeave ?? [], { salaryTable: inputs.salaryTable, formation: inputs.formation });
  return {
    ceiling,
    realised,
    realisedByMonth: realisedByMonth(inputs.ledger),
    variance: computeVariance(settings, ceiling, realised),
    forecast,
    procedure: computeProcedure(forecast.cases, settings.slaVersion),
    duties: inputs.duties ? computeDuties(inputs.duties, settings.year, settings.reportMonth) : null,
    electionCosts: computeElectionCosts(inputs.ledger, inputs.elections, settings.reportMonth),
    service: inputs.serviceMonths ? computeServiceFigures(inputs.serviceMonths, settings.reportMonth) : null,
    fingerprint: addendumFingerprint(inputs),
  };
}
