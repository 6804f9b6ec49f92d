/**
 * The one glossary: English names in code ↔ Dutch names users see (sheet names, headers, settings).
 * Everything a user reads is Dutch; everything a developer reads is English.
 */

export const SHEETS = {
  settings: "Instellingen",
  salaryTable: "Salaristabel",
  formation: "Formatie",
  ledger: "Realisatie",
  sickLeave: "Verzuim",
  products: "Producten",
  serviceMonths: "Dienstverlening",
  openingHours: "Openingstijden",
  qualitative: "Kwalitatief",
  selfEvaluation: "Zelfevaluatie",
  elections: "Verkiezingen",
  privacy: "Privacy",
  /** optional: account numbers (and cost centres) of a ledger export → cost category */
  ledgerMap: "Grootboek",
  /** optional: the SLA's recurring duties (K2B deliveries, B102 and BBN2, ENSIA) */
  duties: "SLA taken",
} as const;
export type InputSheetKey = keyof typeof SHEETS;

export const REQUIRED_SHEETS: InputSheetKey[] = ["settings", "salaryTable", "formation", "ledger"];

/** Instellingen: code name → Dutch `Instelling` label. */
export const SETTING_LABELS = {
  year: "Jaar",
  client: "Opdrachtgever",
  provider: "Opdrachtnemer",
  reportMonth: "Rapportagemaand",
  overheadRate: "Overheadpercentage",
  ikbRate: "IKB-percentage",
  employerChargesRate: "Werkgeverslastenpercentage",
  trainingBudget: "Opleidingskosten",
  additionalServicesBudget: "Budget aanvullende dienstverlening",
  varianceThresholdAmount: "Drempel verschil bedrag",
  varianceThresholdRate: "Drempel verschil percentage",
  slaVersion: "SLA-versie",
  varianceSign: "Verschil positief",
  forecastMethod: "Prognosemethode",
  perspective: "Perspectief",
  reviewRequired: "Controle vereist",
  costCentres: "Kostenplaatsen",
} as const;

export const REPORT_SHEETS = {
  addendum: (year: number) => `Addendum ${year}`,
  formation: "6.1 Formatie",
  quantitative: "6.2 Kwantitatief",
  qualitative: "6.3 Kwalitatief",
  elections: "6.4 Verkiezingen",
  finance: "6.5 Financieel",
  privacy: "6.6 Privacy",
  control: "Controle",
  calculation: "Berekening",
} as const;

export const SEVERITY = { error: "fout", warning: "waarschuwing" } as const;
