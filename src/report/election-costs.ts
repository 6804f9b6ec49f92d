/**
 * Election costs billed afterwards (docs/rekenregels.md §12; SLA 2024 §1.8): the section on `6.4 Verkiezingen`
 * (per election) and the block on `6.5 Financieel` (nacalculatie aan opdrachtgever). Both read the Berekening
 * block (calculation/elections.ts); the amounts stay outside the ceiling and the budget lines.
 */
import { ELECTION_COSTS } from "../domain/types";
import type { BuildContext } from "./context";
import { FORMATS } from "./plan";
import type { ElectionCostRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

const NOTE = `ICT-uren, reiskosten, huur van laptops, switch en bekabeling worden achteraf gefactureerd (SLA 2024, pakket 7 Verkiezingen). Boek ze op Realisatie als '${ELECTION_COSTS}' met de naam van de verkiezing in de kolom Verkiezing: ze tellen niet mee in het plafond of het budget en zijn nooit een overschrijding.`;

function rows(ctx: BuildContext, sb: SheetBuilder, refs: ElectionCostRefs, totalLabel: string): void {
  const r = ctx.results.electionCosts;
  sb.header("Verkiezing", "Nacalculatie t/m rapportagemaand", "Boekingen");
  r.perElection.forEach((e, i) => {
    const k = refs.rows[i];
    sb.line({ f: k.name, r: e.election.name.trim() }, { f: k.amount, r: e.amount, nf: FORMATS.euro }, { f: k.bookings, r: e.bookings, nf: FORMATS.count });
  });
  sb.line({ v: totalLabel, s: "total" }, { f: refs.total, r: r.total, nf: FORMATS.euro, s: "total" });
  sb.line({ v: NOTE, s: "note" });
}

/** 6.4: per election, what is billed afterwards. */
export function electionCostsSection(ctx: BuildContext, sb: SheetBuilder, refs: ElectionCostRefs): void {
  sb.section("Nacalculatie: kosten die achteraf aan de opdrachtgever worden gefactureerd");
  rows(ctx, sb, refs, "Totaal nacalculatie");
}

/** 6.5: nacalculatie aan opdrachtgever, beside (not in) the budget and the ceiling. */
export function nacalculatieSection(ctx: BuildContext, sb: SheetBuilder, refs: ElectionCostRefs): void {
  sb.section("Nacalculatie aan opdrachtgever (verkiezingen; buiten plafond en budget)");
  rows(ctx, sb, refs, "Nacalculatie aan opdrachtgever");
}
