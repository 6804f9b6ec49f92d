/**
 * Berekening: election costs billed afterwards per election (docs/rekenregels.md §12), from the Realisatie
 * bookings of the category Nacalculatie verkiezingen through the report month. Outside the ceiling and the
 * budget lines: 6.4 shows them per election, 6.5 as nacalculatie aan opdrachtgever.
 */
import { ELECTION_COSTS } from "../../domain/types";
import { cellRef, str } from "../a1";
import { trimmedText, type BuildContext } from "../context";
import { FORMATS } from "../plan";
import type { ElectionCostRefs, LedgerRefs, ParamRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

export function electionCostsBlock(ctx: BuildContext, sb: SheetBuilder, refs: { params: ParamRefs; ledger: LedgerRefs }): ElectionCostRefs {
  const r = ctx.results.electionCosts;
  const { month, category, amount, election } = refs.ledger;
  const n = refs.params.reportMonth;
  const cat = `${category},${str(ELECTION_COSTS)}`;
  sb.section(`${ELECTION_COSTS} t/m de rapportagemaand (achteraf gefactureerd; buiten plafond en budget)`);
  sb.header("Verkiezing", "Nacalculatie", "Boekingen");
  const rows: ElectionCostRefs["rows"] = [];
  for (const e of r.perElection) {
    const row = sb.row;
    sb.line(
      trimmedText(ctx, "elections", "name", e.election.row),
      election
        ? { f: `ROUND(SUMIFS(${amount},${cat},${election},${cellRef(row, 1)},${month},"<="&${n}),2)`, r: e.amount, nf: FORMATS.euro }
        : { v: 0, nf: FORMATS.euro },
      election
        ? { f: `COUNTIFS(${cat},${election},${cellRef(row, 1)},${month},"<="&${n})`, r: e.bookings, nf: FORMATS.count }
        : { v: 0, nf: FORMATS.count },
    );
    rows.push({ name: sb.ref(row, 1), amount: sb.ref(row, 2), bookings: sb.ref(row, 3) });
  }
  if (r.perElection.length === 0) sb.line({ v: "(geen verkiezingen op het blad Verkiezingen)", s: "note" });
  const t = sb.line({ v: "Nacalculatie aan opdrachtgever (alle verkiezingen)", s: "total" },
    { f: `ROUND(SUMIFS(${amount},${cat},${month},"<="&${n}),2)`, r: r.total, nf: FORMATS.euro, s: "total" },
    { f: `COUNTIFS(${cat},${month},"<="&${n})`, r: r.bookings, nf: FORMATS.count, s: "total" });
  return { rows, total: sb.ref(t, 2) };
}

