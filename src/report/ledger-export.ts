/**
 * Realisatie as a financial system exports it (docs/werkmapcontract.md): per booking the month from `Boekdatum`, the
 * category looked up in `Grootboek` by account (and cost centre), the amount as `Debet − Credit` — all as
 * live formulas on Berekening, so a controller can follow a realised figure back to the export's rows.
 */
import type { LedgerRow } from "../domain/types";
import { rangeRef } from "./a1";
import { hasColumn, inputRef, monthCell, numberCell, trimmedRef, trimmedText, type BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import type { LedgerMapRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

/** True when Realisatie names accounts instead of categories. */
export function ledgerByAccount(ctx: BuildContext): boolean {
  return !hasColumn(ctx, "ledger", "category") && hasColumn(ctx, "ledger", "account");
}

/** `TRIM(a&"")&"|"&TRIM(b&"")`: the key the Grootboek lookup matches on, as a formula (no cell read). */
function keyFormula(ctx: BuildContext, sheet: "ledger" | "ledgerMap", row: number): string {
  const account = `${trimmedRef(ctx, sheet, "account", row)}&"|"`;
  return hasColumn(ctx, sheet, "costCentre") ? `${account}&${trimmedRef(ctx, sheet, "costCentre", row)}` : account;
}

/** The key with its value. */
function keyCell(ctx: BuildContext, sheet: "ledger" | "ledgerMap", row: number): PlanCell {
  const a = trimmedText(ctx, sheet, "account", row);
  const b = hasColumn(ctx, sheet, "costCentre") ? trimmedText(ctx, sheet, "costCentre", row) : null;
  return { f: keyFormula(ctx, sheet, row), r: `${String(a.r)}|${b ? String(b.r) : ""}`, nf: FORMATS.text };
}

/**
 * The Grootboek, one row per mapping with its key, on Berekening (before the ledger block): its key and
 * category columns. Nothing (null) when Realisatie has categories.
 */
export function ledgerMapBlock(ctx: BuildContext, sb: SheetBuilder): LedgerMapRefs | null {
  const l = ctx.layout.sheets.ledgerMap;
  if (!ledgerByAccount(ctx) || !l) return null;
  sb.section("Grootboek (rekening|kostenplaats → categorie)");
  sb.header("Bronrij", "Sleutel", "Categorie");
  const first = sb.row;
  for (const row of l.dataRows) sb.line({ v: row }, keyCell(ctx, "ledgerMap", row), trimmedText(ctx, "ledgerMap", "category", row));
  if (l.dataRows.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: "" }, { v: "" });
  const last = sb.row - 1;
  return { key: rangeRef(sb.name, 2, first, last), category: rangeRef(sb.name, 3, first, last) };
}

/**
 * Month, category and amount of one booking as formulas, whichever columns the Realisatie sheet has; `map`
 * is the Grootboek block, needed when Realisatie names accounts.
 */
export function ledgerRowCells(ctx: BuildContext, l: LedgerRow, map: LedgerMapRefs | null): [PlanCell, PlanCell, PlanCell] {
  const month = hasColumn(ctx, "ledger", "month")
    ? monthCell(ctx, "ledger", "month", l.row, l.month)
    : monthCell(ctx, "ledger", "bookingDate", l.row, l.month);
  let category: PlanCell;
  if (!ledgerByAccount(ctx)) category = trimmedText(ctx, "ledger", "category", l.row);
  else {
    if (!map) throw new Error("report: Realisatie names accounts, but there is no Grootboek block");
    const { key: keys, category: cats } = map;
    // the key's formula alone: its value is not read again (a whole export has tens of thousands of rows)
    const key = keyFormula(ctx, "ledger", l.row);
    const account = `${trimmedRef(ctx, "ledger", "account", l.row)}&"|"`;
    const byAccount = `INDEX(${cats},MATCH(${account},${keys},0))`;
    category = hasColumn(ctx, "ledger", "costCentre")
      ? { f: `IFERROR(INDEX(${cats},MATCH(${key},${keys},0)),${byAccount})`, r: l.category }
      : { f: byAccount, r: l.category };
  }
  let amount: PlanCell;
  if (hasColumn(ctx, "ledger", "amount")) amount = numberCell(ctx, "ledger", "amount", l.row, l.amount, FORMATS.euro);
  else {
    const side = (k: string) => (hasColumn(ctx, "ledger", k) ? inputRef(ctx, "ledger", k, l.row) : "0");
    amount = { f: `${side("debit")}-${side("credit")}`, r: l.amount, nf: FORMATS.euro };
  }
  return [month, category, amount];
}
