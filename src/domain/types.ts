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

/**
 * Election costs billed afterwards (SLA 2024 §1.8: ICT hours, travel, laptop rent, cabling): a Realisatie
 * category outside the ceiling and the budget lines, per election (docs/rekenregels.md §12).
 */
export const ELECTION_COSTS = "Nacalculatie verkiezingen";
/** Every category a Realisatie booking (or a Grootboek account) may have. */
export const LEDGER_CATEGORIES = [...COST_CATEGORIES, ELECTION_COSTS] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

export function isCostCategory(c: LedgerCategory): c is CostCategory {
  return c !== ELECTION_COSTS;
}

export const SICK_LEAVE_KINDS = ["Kort", "Lang"] as const;
export type SickLeaveKind = (typeof SICK_LEAVE_KINDS)[number];

export const DECISIONS = ["Open", "Teamleider", "Adviesnota"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The gemeentesecretaris' decision on an adviesnota (SLA 2024, Ziekteverzuim): docs/rekenregels.md §6. */
export const ADVICE_NOTE_DECISIONS = ["Open", "Akkoord", "Afgewezen"] as const;
export type AdviceNoteDecision = (typeof ADVICE_NOTE_DECISIONS)[number];

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
  // the SLA 2023 report model (docs/werkmapcontract.md, Kwalitatief)
  "Doelstellingen",
  "Samenwerking Ommen",
  "Samenwerking Hardenberg",
  "Samenwerking gastdames",
] as const;
export type QualitativeTopic = (typeof QUALITATIVE_TOPICS)[number];

/** Kwalitatief's optional `Soort`: the SLA 2023 model splits each cooperation into general notes and signals/improvements. */
export const NOTE_KINDS = ["Algemeen", "Signalen en verbeterpunten"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

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

/**
 * How a formation row is paid (the optional `Dekking` column of Formatie, docs/rekenregels.md §3): inside the
 * plafond (the default), or from the overhead (SLA 2024 §1.10 for Advisering I&A).
 */
export const COVERAGES = ["plafond", "overhead"] as const;
export type Coverage = (typeof COVERAGES)[number];

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
  /** absent = "plafond" (a workbook without the Dekking column) */
  coverage?: Coverage;
}

export interface LedgerRow {
  row: number;
  month: number;
  category: LedgerCategory;
  amount: number;
  description: string;
  caseId: string;
  /** `Verkiezing`: the election a Nacalculatie verkiezingen booking is for, as typed (trimmed); "" without */
  election: string;
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
  /** `Alternatieven bekeken`: Ja = true, Nee or blank = false; null when the column is absent */
  alternativesConsidered: boolean | null;
  /**
   * `Besluit adviesnota`; a blank cell is Open. null when the column is absent (a workbook from before the
   * procedure): the meerkosten then count for the client as before (docs/rekenregels.md §6).
   */
  adviceNoteDecision: AdviceNoteDecision | null;
}

export interface ProductRow {
  row: number;
  month: number;
  service: ServiceCode;
  product: string;
  count: number;
  /** SLA 2023 service norms (optional columns): requests handled within the term, and the waiting list at month end */
  onTime?: number | null;
  waiting?: number | null;
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
  /** SLA 2023: walk-ins outside the counter's opening hours (optional column); `walkIns` are those during them */
  walkInsOutside?: number;
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
  /** optional `Pakket` (objectives per product, SLA 2023) */
  service?: ServiceCode | null;
  /** optional `Soort`; absent or blank = Algemeen */
  kind?: NoteKind;
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
  /** SLA 2023: the result after the election — a correct count (true) or not (false); null = not filled in */
  countCorrect?: boolean | null;
}

export interface PrivacyRow {
  row: number;
  month: number;
  kind: PrivacyKind;
  count: number;
  reportedToAuthority: boolean | null;
  note: string;
}

/** The SLA's recurring duties (SLA 2024 §1.7 and §1.9; docs/rekenregels.md §13). */
export const DUTY_TASKS = ["K2B-levering", "B102", "BBN2", "ENSIA"] as const;
export type DutyTask = (typeof DUTY_TASKS)[number];
export const NORM_KINDS = ["minimaal", "maximaal"] as const;
export type NormKind = (typeof NORM_KINDS)[number];

export interface DutyRow {
  row: number;
  task: DutyTask;
  date: CalendarDate | null;
  part: string;
  /** B102, BBN2: the measured result and the legal norm */
  result: number | null;
  norm: number | null;
  /** minimaal (default): the result must be at least the norm; maximaal: at most */
  normKind: NormKind;
  /** ENSIA: Gereed = Ja */
  done: boolean;
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
  /** `SLA taken`; null when the optional sheet is absent */
  duties: DutyRow[] | null;
  /** what became of every Realisatie row (a ledger export, or the template's form alike) */
  ledgerReconciliation?: LedgerReconciliation;
}
