/**
 * Berekening: what became of the rows of Realisatie (docs/werkmapcontract.md, "Een hele export"), so a
 * controller can reconcile the report with the export: rows read, counted, left out by a Grootboek
 * `negeren`, and outside the DVO's cost centres, each with its total. Live formulas over the input columns
 * (SUMPRODUCT over the whole data range: nothing of the export is copied) with the engine's tally
 * as cached values. Read and "inside the DVO's cost centres" are counted from the input; counted comes from
 * the normalised ledger block; the two left-out lines are the differences.
 */
import type { LedgerReconciliation } from "../../domain/types";
import { ledgerKeyPart } from "../../input/ledger-scope";
import { rangeRef } from "../a1";
import { hasColumn, type BuildContext } from "../context";
import { FORMATS, type PlanCell } from "../plan";
import type { LedgerRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

/** Whether rows of Realisatie were left out (then the formulas cannot read its columns directly). */
export function ledgerRowsLeftOut(ctx: BuildContext): boolean {
  const r = ctx.inputs.ledgerReconciliation;
  return r !== undefined && (r.ignored.rows > 0 || r.outside.rows > 0);
}

export function reconciliationBlock(ctx: BuildContext, sb: SheetBuilder, ledger: LedgerRefs): void {
  const rec: LedgerReconciliation | undefined = ctx.inputs.ledgerReconciliation;
  const l = ctx.layout.sheets.ledger;
  if (!rec || !l || l.dataRows.length === 0) return;
  const first = l.dataRows[0], last = l.dataRows[l.dataRows.length - 1];
  const range = (field: string) => rangeRef(l.sheet, l.columns[field], first, last);
  const sides = hasColumn(ctx, "ledger", "amount") ? [range("amount")] : [hasColumn(ctx, "ledger", "debit") ? range("debit") : null, hasColumn(ctx, "ledger", "credit") ? range("credit") : null];
  /** Debet − Credit (or Bedrag) over all rows. */
  const total = () => sides.map((r) => (r === null ? "0" : `SUM(${r})`)).join("-");
  const used = Object.values(l.columns).map((c) => rangeRef(l.sheet, c, first, last));
  const count = (rows: number, f: string): PlanCell => ({ f, r: rows, nf: FORMATS.count });
  const euro = (value: number, f: string): PlanCell => ({ f, r: value, nf: FORMATS.euro });

  sb.section("Realisatie: aansluiting met de export");
  sb.header("", "Regels", "Totaal (debet − credit)");
  const readRow = sb.line(
    { v: "Gelezen uit het blad Realisatie", s: "label" },
    // the rows of the range less those blank in every column (COUNTIFS: Gnumeric refuses text functions
    // over ranges inside SUMPRODUCT); a cell of only spaces counts as filled here, as empty for the add-in
    count(rec.read.rows, `ROWS(${used[0]})-COUNTIFS(${used.map((r) => `${r},""`).join(",")})`),
    euro(rec.read.total, total()),
  );
  const countedRow = sb.line(
    { v: "Meegeteld in de cijfers", s: "label" },
    count(rec.counted.rows, `COUNT(${ledger.amount})`),
    euro(rec.counted.total, `SUM(${ledger.amount})`),
  );
  const ref = (row: number, col: number) => `$${String.fromCharCode(64 + col)}$${row}`;
  if (rec.costCentres && hasColumn(ctx, "ledger", "costCentre")) {
    // a row is inside when its cost centre, trimmed as the add-in compares it, is one of the list (MATCH
    // ignores case); SUMPRODUCT with two arrays counts a blank or text amount as 0, as the tally does
    const inRow = `--ISNUMBER(MATCH(TRIM(${range("costCentre")}&""),${ccList(rec.costCentres)},0))`;
    const inside = sb.line(
      { v: `Binnen de kostenplaatsen van de DVO (${rec.costCentres.join(", ")})`, s: "label" },
      count(rec.counted.rows + rec.ignored.rows, `SUMPRODUCT(${inRow})`),
      euro(round2(rec.counted.total + rec.ignored.total), sides.map((r) => (r === null ? "0" : `SUMPRODUCT(${inRow},${r})`)).join("-")),
    );
    sb.line(
      { v: "Niet meegeteld: rekening op 'negeren' in het Grootboek", s: "label" },
      count(rec.ignored.rows, `${ref(inside, 2)}-${ref(countedRow, 2)}`),
      euro(rec.ignored.total, `${ref(inside, 3)}-${ref(countedRow, 3)}`),
    );
    sb.line(
      { v: "Niet meegeteld: andere kostenplaatsen van de gemeente", s: "label" },
      count(rec.outside.rows, `${ref(readRow, 2)}-${ref(inside, 2)}`),
      euro(rec.outside.total, `${ref(readRow, 3)}-${ref(inside, 3)}`),
    );
  } else {
    sb.line(
      { v: "Niet meegeteld: rekening op 'negeren' in het Grootboek", s: "label" },
      count(rec.ignored.rows, `${ref(readRow, 2)}-${ref(countedRow, 2)}`),
      euro(rec.ignored.total, `${ref(readRow, 3)}-${ref(countedRow, 3)}`),
    );
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The cost centres as an array constant ({"KP100","KP200"}): each a quoted text literal, so never a formula. */
function ccList(names: readonly string[]): string {
  return `{${names.map((n) => `"${ledgerKeyPart(n).replace(/"/g, '""')}"`).join(",")}}`;
}
