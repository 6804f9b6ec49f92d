/**
 * The references one part of the report hands to the next: absolute A1 references to cells and column
 * ranges (`Berekening!$B$4`, `'Addendum 2025'!$I$20:$I$28`). Each block of `Berekening` and each sheet that
 * others read returns one of these objects, and a sheet module takes the ones it needs as arguments, so a
 * reference used before its block is built, or one that does not exist, is a compile error.
 */
import type { CostCategory } from "../domain/types";

/** One cell, absolute: Berekening!$B$4 */
export type CellRef = string;
/** A column range, absolute: Berekening!$C$10:$C$20 */
export type RangeRef = string;

/** The parameters of Instellingen, one cell each on Berekening (calculation/params.ts). */
export type ParamKey =
  | "year" | "reportMonth" | "overheadRate" | "ikbRate" | "employerChargesRate" | "trainingBudget"
  | "additionalServicesBudget" | "varianceThresholdAmount" | "varianceThresholdRate" | "slaVersion";
export type ParamRefs = Record<ParamKey, CellRef>;

/** The Salaristabel, normalised (calculation/salary.ts). */
export interface SalaryRefs {
  date: RangeRef;
  scale: RangeRef;
  maximum: RangeRef;
}

/** Cost per fte by scale: the scale labels and the column to look up (calculation/salary.ts). */
export interface ScaleCostRefs {
  labels: RangeRef;
  /** the annual salary (per month in force) or the cost per fte (January table), by block */
  values: RangeRef;
}

/** Realisatie, one row per booking (calculation/ledger.ts). */
export interface LedgerRefs {
  month: RangeRef;
  category: RangeRef;
  amount: RangeRef;
  caseId: RangeRef;
}

/** The Grootboek lookup of a ledger export (ledger-export.ts). */
export interface LedgerMapRefs {
  key: RangeRef;
  category: RangeRef;
}

export interface ProductRefs {
  month: RangeRef;
  service: RangeRef;
  product: RangeRef;
  count: RangeRef;
}

export const SERVICE_FIELDS = ["slotsAvailable", "slotsOpen", "appointments", "walkIns", "callbacks", "callbacksOnTime", "requests", "requestsOnTime", "objections", "complaints"] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];
export type ServiceRefs = Record<ServiceField | "month", RangeRef>;

export interface PrivacyRefs {
  month: RangeRef;
  kind: RangeRef;
  count: RangeRef;
  reported: RangeRef;
}

/** The maximum in force per scale and month: 12 columns, a row per scale (calculation/salary.ts). */
export interface ScaleMonthlyRefs {
  labels: RangeRef;
  /** the 12 monthly maxima, a row per scale (INDEX(…, MATCH(scale, labels, 0), month)) */
  months: RangeRef;
}

/** Everything the first part of Berekening gives the sheets (calculation/inputs.ts). */
export interface CalculationRefs {
  params: ParamRefs;
  salary: SalaryRefs;
  /** annual salary per scale, from the table in force per month */
  scales: ScaleCostRefs;
  scaleMonthly: ScaleMonthlyRefs;
  /** cost per fte per scale with the January table all year */
  scalesJanuary: ScaleCostRefs;
  ledger: LedgerRefs;
  /** null without the optional sheet */
  products: ProductRefs | null;
  service: ServiceRefs | null;
  privacy: PrivacyRefs | null;
}

/** The Addendum's formation table: ranges over its rows, and the two totals. */
export interface AddendumFormationRefs {
  service: RangeRef;
  scale: RangeRef;
  fte: RangeRef;
  ceiling: RangeRef;
  occupancy: RangeRef;
  /** the total of the ceiling amounts per formation line */
  ceilingAmounts: CellRef;
  /** the total of the ceiling amounts per package */
  ceilingByService: CellRef;
}

/** The Addendum's Budget P&C. */
export interface BudgetRefs {
  ceiling: CellRef;
  overhead: CellRef;
  training: CellRef;
  additional: CellRef;
  totalBudget: CellRef;
}

/** The Addendum's vastgesteld / herrekend / cao-aanpassing cells (report/agreed.ts). */
export interface AgreedRefs {
  /** the vastgesteld figures (the budget in force while a cao change is to be agreed) */
  agreed: BudgetRefs;
  /** plafond: vastgesteld, herrekend, cao-aanpassing */
  ceiling: { agreed: CellRef; recomputed: CellRef; difference: CellRef };
  byService: Array<{ service: string; agreed: CellRef; recomputed: CellRef; difference: CellRef }>;
}

export interface AddendumRefs {
  formation: AddendumFormationRefs;
  budget: BudgetRefs;
  caoEffect: CellRef;
  /** null when nothing is signed with vastgesteld figures */
  agreed?: AgreedRefs | null;
}

/** One sick-leave case of the chain on Berekening. */
export interface CaseRefs {
  caseId: CellRef;
  service: CellRef;
  kind: CellRef;
  cost: CellRef;
  extra: CellRef;
  required: CellRef;
  decision: CellRef;
  missing: CellRef;
}

/** One forecast method's figures (docs/rekenregels.md §5), side by side on 6.5. */
export interface MethodRefs {
  salary: CellRef;
  replacement: CellRef;
  formation: CellRef;
  room: CellRef;
  training: CellRef;
}

/** The forecast and the sick-leave chain: only when there is realisation up to the report month. */
export interface ForecastRefs {
  /** Prognosemethode as the formulas compare it: "lineair" or "bezetting" */
  method: CellRef;
  byMethod: { lineair: MethodRefs; bezetting: MethodRefs };
  /** below: the figures of the chosen method */
  salary: CellRef;
  replacement: CellRef;
  formation: CellRef;
  room: CellRef;
  extra: CellRef;
  cases: CaseRefs[];
  /** columns of the chain (over the note row when there is no case) */
  caseCosts: RangeRef;
  caseExtras: RangeRef;
  caseMissing: RangeRef;
  /** bookings of Vervanging per case; null when there is no case */
  caseBookings: RangeRef | null;
}

/** The second part of Berekening (calculation/finance.ts). */
export interface FinanceCalculationRefs {
  realised: Record<CostCategory, CellRef>;
  /** overhead realised pro rata */
  realisedOverhead: CellRef;
  forecast: ForecastRefs | null;
}

/** What `6.5 Financieel` shows that Controle and `6.1 Formatie` read (null without realisation). */
export interface FinanceSheetRefs {
  totalRealised: CellRef;
  room: CellRef;
  extra: CellRef;
}
