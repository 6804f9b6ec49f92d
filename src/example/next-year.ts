/**
 * The example's next year (`npm run report`): the 2025 example carried to 2026 by `next-year`, with a
 * formation change (half an fte more at the front office) and a cao estimate, so that the Verschilanalyse
 * in out/voorbeeld-rapport-2026.xlsx shows all three effects. Invented for demonstration.
 */
import { parseCaoRaise, type CaoRaise } from "../domain/cao";
import type { NextYearPlan } from "../input/next-year";

export const EXAMPLE_NEXT_YEAR_CAO = "2026-10-01 +1,5%";

export function exampleNextYearRaises(): CaoRaise[] {
  const r = parseCaoRaise(EXAMPLE_NEXT_YEAR_CAO);
  if (!r.ok) throw new Error(r.message);
  return [r.raise];
}

/** The formation change of the example's next year. */
export function exampleNextYearChange(plan: NextYearPlan): void {
  const rows = plan.options.rows ?? {};
  rows.formation = [
    ...(rows.formation ?? []),
    { Functie: "Medewerker publiekszaken frontoffice (uitbreiding)", Pakket: "Balie", Schaal: 7, Fte: 0.5, Bezetting: "Vacature", Toelichting: "Uitbreiding balie per 2026" },
  ];
  plan.options.rows = rows;
}
