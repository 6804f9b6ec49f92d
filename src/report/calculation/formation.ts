/** Berekening: the formation rows with the January table all year (docs/rekenregels.md, the cao effect). */
import { cellRef, sheetRef } from "../a1";
import type { BuildContext } from "../context";
import { FORMATS } from "../plan";
import type { CellRef, ScaleCostRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

const E = FORMATS.euro;

/**
 * One row per formation line, reading scale and fte from the Addendum's formation table (`addendumRows`:
 * Formatie row → Addendum row). Returns the total: the ceiling with the January table.
 */
export function januaryBlock(ctx: BuildContext, sb: SheetBuilder, scalesJanuary: ScaleCostRefs, addendumRows: Map<number, number>, addendumSheet: string): CellRef {
  sb.section("Plafond met de januaritabel het hele jaar, per formatieregel");
  sb.header("Bronrij Formatie", "Schaal", "Fte", "Kosten per fte (januari)", "Plafondbedrag (januari)");
  const first = sb.row;
  for (const line of ctx.results.ceiling.lines) {
    const f = line.formation;
    const row = sb.row;
    const aRow = addendumRows.get(f.row);
    if (aRow === undefined) continue;
    const jan = ctx.results.ceiling.scalesJanuary.get(f.scale);
    sb.line(
      { v: f.row },
      { f: sheetRef(addendumSheet, aRow, 3, false), r: f.scale, nf: FORMATS.text },
      { f: sheetRef(addendumSheet, aRow, 4, false), r: f.fte, nf: FORMATS.fte },
      { f: `INDEX(${scalesJanuary.values},MATCH(${cellRef(row, 2)},${scalesJanuary.labels},0))`, r: jan?.costPerFte ?? 0, nf: E },
      { f: `ROUND(${cellRef(row, 3)}*${cellRef(row, 4)},2)`, r: line.ceilingAmountJanuary, nf: E },
    );
  }
  const last = sb.row - 1;
  const total = sb.line({ v: "Plafond met januaritabel", s: "total" }, undefined, undefined, undefined,
    { f: `SUM(${cellRef(first, 5)}:${cellRef(last, 5)})`, r: ctx.results.ceiling.ceilingJanuary, nf: E, s: "total" });
  return sb.ref(total, 5);
}
