/** Berekening: Realisatie, one row per booking (month number, category, amount, dossier, election), or its own columns. */
import { rangeRef } from "../a1";
import { hasColumn, trimmedText, type BuildContext } from "../context";
import { ledgerMapBlock, ledgerRowCells } from "../ledger-export";
import type { LedgerRefs } from "../refs";
import type { SheetBuilder } from "../sheet";
import { directColumns, directNote } from "./direct";
import { ledgerRowsLeftOut } from "./reconciliation";

export function ledgerBlock(ctx: BuildContext, sb: SheetBuilder): LedgerRefs {
  const withElection = hasColumn(ctx, "ledger", "election");
  const fields = { month: "month", category: "trimmed", amount: "number", caseId: "trimmed" } as const;
  // rows left out (negeren, other cost centres) must not be summed: then the counted rows are copied
  const direct = ledgerRowsLeftOut(ctx) ? null : withElection ? directColumns(ctx, "ledger", { ...fields, election: "trimmed" }) : directColumns(ctx, "ledger", fields);
  if (direct) {
    sb.section("Realisatie");
    directNote(sb, ctx.layout.sheets.ledger?.sheet ?? "Realisatie");
    return { election: null, ...direct };
  }
  const map = ledgerMapBlock(ctx, sb);
  sb.section("Realisatie (genormaliseerd)");
  sb.header("Bronrij", "Maand", "Categorie", "Bedrag", "Dossier", ...(withElection ? ["Verkiezing"] : []));
  const first = sb.row;
  for (const l of ctx.inputs.ledger) {
    sb.line({ v: l.row }, ...ledgerRowCells(ctx, l, map), trimmedText(ctx, "ledger", "caseId", l.row, true), ...(withElection ? [trimmedText(ctx, "ledger", "election", l.row)] : []));
  }
  if (ctx.inputs.ledger.length === 0) sb.line({ v: "(geen boekingen)", s: "note" }, { v: 0 }, { v: "" }, { v: 0 }, { v: "" }, ...(withElection ? [{ v: "" }] : []));
  const last = sb.row - 1;
  return {
    month: rangeRef(sb.name, 2, first, last),
    category: rangeRef(sb.name, 3, first, last),
    amount: rangeRef(sb.name, 4, first, last),
    caseId: rangeRef(sb.name, 5, first, last),
    election: withElection ? rangeRef(sb.name, 6, first, last) : null,
  };
}
