/**
 * Whether the input sheets still have the rows the report was built from. Every figure is a live formula
 * over the input cells it was built on, so a changed value shows at once; a row added or removed after the
 * build is not in those ranges. This check counts, per input sheet, the filled cells of the first column
 * the report reads (whole column, live) against the count at build time, so the report says plainly that
 * it must be rebuilt — in every title block and in Controle.
 */
import { cellAt, columnLetter, lastRow } from "../input/grid";
import { findSheet } from "../input/table";
import { quoteSheet } from "./a1";
import type { BuildContext } from "./context";
import type { PlanCell } from "./plan";

export const STALE_MESSAGE = "Let op: op de invoerbladen zijn regels toegevoegd of verwijderd sinds dit rapport is opgebouwd; die tellen in de cijfers nog niet mee. Bouw het rapport opnieuw op.";

/** The live condition `AND(COUNTA(Sheet!C:C)=n, …)`: true while every input sheet has the rows of the build. */
export function unchangedRowsCondition(ctx: BuildContext): string {
  // every title block asks: the input sheets are counted once per build (a whole ledger export has a million rows)
  let condition = conditions.get(ctx);
  if (condition === undefined) conditions.set(ctx, (condition = countCondition(ctx)));
  return condition;
}

const conditions = new WeakMap<BuildContext, string>();

function countCondition(ctx: BuildContext): string {
  const terms: string[] = [];
  for (const l of Object.values(ctx.layout.sheets)) {
    if (!l) continue;
    const cols = Object.values(l.columns).filter((c): c is number => typeof c === "number");
    const g = findSheet(ctx.grids, l.sheet);
    if (cols.length === 0 || !g) continue;
    const col = Math.min(...cols);
    const letter = columnLetter(col);
    let n = 0;
    for (let r = g.origin?.row ?? 1, last = lastRow(g); r <= last; r++) {
      if (cellAt(g, r, col) !== null) n++;
      else {
        // a formula whose result was not saved reads as blank, but COUNTA counts it
        const why = g.blank?.[`${letter}${r}`];
        if (why && "formula" in why) n++;
      }
    }
    terms.push(`COUNTA(${quoteSheet(l.sheet)}!${letter}:${letter})=${n}`);
  }
  return terms.length === 0 ? "TRUE()" : `AND(${terms.join(",")})`;
}

/** A cell that stays empty while the inputs have the rows of the build, and says to rebuild otherwise. */
export function staleNotice(ctx: BuildContext): PlanCell {
  return { f: `IF(${unchangedRowsCondition(ctx)},"",${JSON.stringify(STALE_MESSAGE)})`, r: "", s: "warning" };
}
