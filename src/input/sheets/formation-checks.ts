/**
 * Checks on the Formatie's Dekking against the SLA (docs/werkmapcontract.md, Formatie): Advisering I&A inside
 * the plafond under SLA 2024, and formation covered by an overhead that is too small for it.
 */
import { computeCeiling, withinCeiling } from "../../domain/ceiling";
import { round2 } from "../../domain/money";
import type { FormationRow, SalaryRow, Settings, SlaVersion } from "../../domain/types";
import { a1, type Problem } from "../grid";
import type { SheetLayout } from "../table";

const euro = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const SLA_2024_IA = "SLA 2024, dienst 1.10 (Advisering I&A): \"Kosten worden gedekt door (verhoging van) het overheadspercentage\"";

/** Under SLA 2024, each Advisering I&A row inside the plafond: a waarschuwing on its Pakket (or Dekking) cell. */
export function advisoryCoverageProblems(sla: SlaVersion | undefined, formation: readonly FormationRow[], layout: SheetLayout | undefined): Problem[] {
  if (sla !== 2024 || !layout) return [];
  const col = layout.columns.coverage ?? layout.columns.service;
  return formation.filter((f) => f.service === "Advisering I&A" && withinCeiling(f)).map((f): Problem => ({
    severity: "waarschuwing", code: "formation-coverage", sheet: layout.sheet, cell: a1(f.row, col),
    message: layout.columns.coverage === undefined
      ? `'${f.functionName}' (Advisering I&A) telt mee in het plafond, maar ${SLA_2024_IA}. Voeg in Formatie een kolom 'Dekking' toe en zet bij deze regel 'overhead'.`
      : `'${f.functionName}' (Advisering I&A) telt mee in het plafond, maar ${SLA_2024_IA}. Zet Dekking op 'overhead'.`,
  }));
}

/** The overhead against the formation it covers: a waarschuwing on the first such row when the overhead falls short. */
export function overheadShortProblems(settings: Settings, table: readonly SalaryRow[], formation: readonly FormationRow[], layout: SheetLayout | undefined): Problem[] {
  if (!layout || !formation.some((f) => f.coverage === "overhead")) return [];
  const c = computeCeiling(settings, table, formation);
  if (c.overheadUsed <= c.overhead || c.overheadLines.length === 0) return [];
  const first = c.overheadLines[0].formation;
  return [{
    severity: "waarschuwing", code: "overhead-short", sheet: layout.sheet, cell: a1(first.row, layout.columns.coverage ?? 1),
    message: `De formatie met Dekking 'overhead' kost ${euro(c.overheadUsed)}, maar de overhead is ${euro(c.overhead)} (${euro(round2(c.overheadUsed - c.overhead))} te weinig): verhoog het Overheadpercentage op Instellingen, of zet regels binnen het plafond (Dekking 'plafond').`,
  }];
}
