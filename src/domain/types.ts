/**
 * Typed inputs of the engine (docs/werkmapcontract.md) and its results (docs/rekenregels.md). No I/O, no host types.
 * Each record that came from a workbook row carries `row`: its 1-based row number on the input sheet,
 * so the report can point formulas at the source cells.
 */

export type SlaVersion = 2023 | 2024;

export const SERVICE_CODES = [
  "Balie",
  "BRP",
  "Burgerlijke stand",
  "Naturalisatie",
  "Eerste inschrijving",
  "Functioneel beheer",
  "Kwaliteit BRP",
  "Verkiezingen",
  "Begraafplaatsadministratie",
  "Advisering I&A",
  "Algemeen",
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const COST_CATEGORIES = [
  "Loonkosten",
  "Vervanging",
  "Opleiding",
  "Aanvullende dienstverlening",
  "Overig",
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const SICK_LEAVE_KINDS = ["Kort", "Lang"] as const;
export type SickLeaveKind = (typeof SICK_LEAVE_KINDS)[number];

export const DECISIONS = ["Open", "Teamleider", "Adviesnota"] as const;
export type Decision = (typeof DECISIONS)[number];

export const OCCUPANCY = ["Bezet", "Vacature"] as const;
export type Occupancy = (typeof OCCUPANCY)[number];

export const QUALITATIVE_TOPICS = [
  "Formatie",
  "Personeel",
  "Meer- en maatwerk",
  "Signalen",
  "Zelfevaluatie",
  "Samenwerking",
  "Verkiezingen",
  "Privacy",
  "Overig",
] as const;
export type QualitativeTopic = (typeof QUALITATIVE_TOPICS)[number];

export const ELECTION_PHASES = ["Voorbereiding", "Afgerond"] as const;
export type ElectionPhase = (typeof ELECTION_PHASES)[number];

export const PRIVACY_KINDS = ["Datalek", "Gegevensverstrekking"] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

/** A calendar date without time or zone. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface Settings {
  year: number;
  client: string;
  provider: string;
  reportMonth: number;
  overheadRate: number;
  ikbRate: number;
  employerChargesRate: number;
  trainingBudget: number;
  additionalServicesBudget: number;
  varianceThresholdAmount: number;
  varianceThresholdRate: number;
  slaVersion: SlaVersion;
  /**
   * How the report shows a difference between realised and budget: "nadeel" (default) = realised minus
   * budget, so a positive difference is an overspend; "voordeel" = budget minus realised. Presentation
   * only: not part of the addendum's fingerprint.
   */
  varianceSign?: VarianceSign;
  /**
   * Instellingen `Prognosemethode` (docs/rekenregels.md §5): which forecast drives *Ruimte onder plafond* and
   * the sick-leave chain of §6. Absent means "bezetting". Not part of the addendum's fingerprint.
   */
  forecastMethod?: ForecastMethod;
  /** the Financiële analyse's point of view; default opdrachtnemer */
  perspective?: Perspective;
  /**
   * "ja": offering the addendum for signing and signing it need the controller's review of these inputs
   * (docs/gebruikershandleiding.md); "nee" (default): signing without review is allowed and says so. Not
   * part of the addendum's fingerprint.
   */
  reviewRequired?: YesNo;
  /**
   * The DVO's cost centres (setting Kostenplaatsen), as written: only Realisatie rows with one of them
   * count. Empty or absent: every cost centre counts.
   */
  costCentres?: string[];
}

export type ForecastMethod = "lineair" | "bezetting";
export const FORECAST_METHODS: readonly ForecastMethod[] = ["lineair", "bezetting"];
export const DEFAULT_FORECAST_METHOD: ForecastMethod = "bezetting";

export type YesNo = "ja" | "nee";
export const YES_NO: readonly YesNo[] = ["ja", "nee"];

export type VarianceSign = "nadeel" | "voordeel";

/**
 * Whose P&C table the Financiële analyse on 6.5 is (docs/werkmapcontract.md, setting Perspectief): the
 * provider's (lasten = the costs, baten = the client's contribution including meerkosten) or the client's
 * (lasten = the contribution to the provider). Presentation only: not part of the fingerprint.
 */
export type Perspective = "opdrachtnemer" | "opdrachtgever";
export const PERSPECTIVES: readonly Perspective[] = ["opdrachtnemer", "opdrachtgever"];
export const VARIANCE_SIGNS: readonly VarianceSign[] = ["nadeel", "voordeel"];

/** Where a Salaristabel row comes from (its optional `Status` column): the official cao table, one derived from it, or an estimate. */
export const SALARY_STATUSES = ["officieel", "afgeleid", "raming"] as const;
export type SalaryStatus = (typeof SALARY_STATUSES)[number];

export interface SalaryRow {
  row: number;
  effective: CalendarDate;
  scale: string;
  minimum: number | null;
  maximum: number;
  /** the `Status` column, when the sheet has one and the cell is filled */
  status?: SalaryStatus;
}

export interface FormationRow {
  row: number;
  functionName: string;
  service: ServiceCode;
  scale: string;
  fte: number;
  occupancy: Occupancy | null;
  note: string;
  /**
   * Formatie `Wijziging per` (optional column): from this date a vacancy is filled, or the occupied fte
   * changes to `fteAfterChange` (docs/rekenregels.md §5, the forecast *bezetting*). Not in the fingerprint.
   */
  changeDate?: CalendarDate | null;
  /** Formatie `Fte na wijziging` (optional column): the occupied fte from `changeDate` on. */
  fteAfterChange?: number | null;
}

export interface LedgerRow {
  row: number;
  month: number;
  category: CostCategory;
  amount: number;
  description: string;
  caseId: string;
}

/** Rows and their total (Debet − Credit, or Bedrag), rounded to cents. */
export interface LedgerTally {
  rows: number;
  total: number;
}

/**
 * What became of the rows of a ledger export (docs/werkmapcontract.md), so a controller can reconcile the
 * report with the export: every row read is counted, ignored (an account mapped to `negeren`) or outside
 * the DVO's cost centres.
 */
export interface LedgerReconciliation {
  /** the setting Kostenplaatsen as written; null when every cost centre counts */
  costCentres: string[] | null;
  read: LedgerTally;
  counted: LedgerTally;
  ignored: LedgerTally;
  outside: LedgerTally;
}

export interface SickLeaveCase {
  row: number;
  caseId: string;
  service: ServiceCode | null;
  kind: SickLeaveKind;
  start: CalendarDate;
  end: CalendarDate | null;
  replacementFte: number | null;
  expectedCost: number;
  decision: Decision;
  decisionDate: CalendarDate | null;
  adviceNoteRef: string;
  /** Verzuim `Opnieuw ramen` = ja: carried from last year by next-year, the estimate not yet confirmed */
  reestimate?: boolean;
}

export interface ProductRow {
  row: number;
  month: number;
  service: ServiceCode;
  product: string;
  count: number;
}

export interface ServiceMonth {
  row: number;
  month: number;
  slotsAvailable: number;
  slotsOpen: number;
  appointments: number;
  walkIns: number;
  callbacks: number;
  callbacksOnTime: number;
  requests: number;
  requestsOnTime: number;
  objections: number;
  complaints: number;
}

export interface OpeningHour {
  row: number;
  service: string;
  day: string;
  from: string;
  to: string;
}

export interface QualitativeNote {
  row: number;
  topic: QualitativeTopic;
  month: number | null;
  text: string;
}

export interface SelfEvaluation {
  row: number;
  part: string;
  score: number;
  norm: number;
}

export interface Election {
  row: number;
  name: string;
  date: CalendarDate | null;
  phase: ElectionPhase;
  progress: string;
  evaluation: string;
  bottlenecks: string;
  improvements: string;
}

export interface PrivacyRow {
  row: number;
  month: number;
  kind: PrivacyKind;
  count: number;
  reportedToAuthority: boolean | null;
  note: string;
}

export interface Inputs {
  settings: Settings;
  salaryTable: SalaryRow[];
  formation: FormationRow[];
  ledger: LedgerRow[];
  /** null when the optional sheet is absent */
  sickLeave: SickLeaveCase[] | null;
  products: ProductRow[] | null;
  serviceMonths: ServiceMonth[] | null;
  openingHours: OpeningHour[] | null;
  qualitative: QualitativeNote[] | null;
  selfEvaluation: SelfEvaluation[] | null;
  elections: Election[] | null;
  privacy: PrivacyRow[] | null;
  /** what became of every Realisatie row (a ledger export, or the template's form alike) */
  ledgerReconciliation?: LedgerReconciliation;
}
