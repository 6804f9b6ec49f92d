/** The worked example (docs/rekenregels.md) (year 2025) as typed Inputs, built independently of any workbook reader. */
import type { CalendarDate, FormationRow, Inputs, LedgerRow, SalaryRow, ServiceCode, SickLeaveCase } from "../src/domain/types";
import cao from "../src/data/cao-gemeenten-salarisschalen.json";

const d = (iso: string): CalendarDate => {
  const [y, m, day] = iso.split("-").map(Number);
  return { year: y, month: m, day };
};

export function salaryRows(dates: string[]): SalaryRow[] {
  const rows: SalaryRow[] = [];
  let row = 2;
  for (const t of cao.tables) {
    if (!dates.includes(t.effective)) continue;
    for (const [scale, max] of Object.entries(t.maximum)) {
      rows.push({ row: row++, effective: d(t.effective), scale, minimum: null, maximum: max as number });
    }
  }
  return rows;
}

const F: Array<[string, ServiceCode, string, number]> = [
  ["Medewerker publiekszaken frontoffice", "Balie", "7", 3.0],
  ["Medewerker publiekszaken backoffice", "BRP", "8", 1.5],
  ["Medewerker burgerlijke stand", "Burgerlijke stand", "8", 1.0],
  ["Specialist naturalisatie en VOE", "Naturalisatie", "9", 0.8],
  ["Functioneel beheerder burgerzaken", "Functioneel beheer", "9", 0.6],
  ["Kwaliteitsmedewerker BRP", "Kwaliteit BRP", "8", 0.4],
  ["Coordinator verkiezingen", "Verkiezingen", "9", 0.3],
  ["Medewerker begraafplaatsadministratie", "Begraafplaatsadministratie", "7", 0.4],
  ["Adviseur informatievoorziening", "Advisering I&A", "11", 0.2],
];

export function workedExample(opts: { v01Expected?: number; sla?: 2023 | 2024 } = {}): Inputs {
  const formation: FormationRow[] = F.map(([functionName, service, scale, fte], i) => ({
    row: i + 2, functionName, service, scale, fte, occupancy: "Bezet", note: "",
  }));
  const ledger: LedgerRow[] = [];
  let row = 2;
  const add = (month: number, category: LedgerRow["category"], amount: number, caseId = "") =>
    ledger.push({ row: row++, month, category, amount, description: "", caseId });
  for (let m = 1; m <= 7; m++) add(m, "Loonkosten", 47250);
  for (const m of [4, 5, 6]) add(m, "Vervanging", 6150, "V-2025-01");
  add(2, "Vervanging", 2400, "V-2025-02");
  add(3, "Opleiding", 1850);
  add(5, "Opleiding", 2200);
  add(6, "Aanvullende dienstverlening", 4380.5);
  add(2, "Overig", 640);
  const sickLeave: SickLeaveCase[] = [
    { row: 2, caseId: "V-2025-01", service: "BRP", kind: "Lang", start: d("2025-04-01"), end: null, replacementFte: null, expectedCost: opts.v01Expected ?? 36900, decision: "Teamleider", decisionDate: null, adviceNoteRef: "" },
    { row: 3, caseId: "V-2025-02", service: "Balie", kind: "Kort", start: d("2025-02-03"), end: null, replacementFte: null, expectedCost: 2400, decision: "Teamleider", decisionDate: null, adviceNoteRef: "" },
  ];
  return {
    settings: {
      year: 2025, client: "Gemeente Ommen", provider: "Gemeente Twenterand", reportMonth: 6,
      overheadRate: 0.18, ikbRate: 0.1705, employerChargesRate: 0.3, trainingBudget: 8000, additionalServicesBudget: 12000,
      varianceThresholdAmount: 10000, varianceThresholdRate: 0.1, slaVersion: opts.sla ?? 2024, varianceSign: "nadeel", perspective: "opdrachtnemer", reviewRequired: "nee",
      forecastMethod: "lineair",
    },
    salaryTable: salaryRows(["2024-10-01", "2025-04-01", "2025-10-01"]),
    formation, ledger, sickLeave,
    products: null, serviceMonths: null, openingHours: null, qualitative: null, selfEvaluation: null, elections: null, privacy: null,
  };
}
