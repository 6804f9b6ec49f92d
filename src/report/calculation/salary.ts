/**
 * Berekening: the Salaristabel normalised, the salary in force per scale and month (docs/rekenregels.md),
 * cost per fte per scale, and the same with the January table all year (for the cao effect).
 */
import { MONTH_SHORT, toExcelSerial } from "../../domain/dates";
import { rowInForce } from "../../domain/salary";
import { cellRef, rangeRef } from "../a1";
import { dateCell, numberCell, trimmedText, type BuildContext } from "../context";
import { FORMATS, type PlanCell } from "../plan";
import type { ParamRefs, SalaryRefs, ScaleCostRefs, ScaleMonthlyRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

const E = FORMATS.euro;

export interface SalaryBlockRefs {
  salary: SalaryRefs;
  scales: ScaleCostRefs;
  scaleMonthly: ScaleMonthlyRefs;
  scalesJanuary: ScaleCostRefs;
}

export function salaryBlocks(ctx: BuildContext, sb: SheetBuilder, params: ParamRefs): SalaryBlockRefs {
  const { inputs } = ctx;
  const s = inputs.settings;
  sb.section("Salaristabel (genormaliseerd)");
  sb.header("Bronrij", "Ingangsdatum", "Schaal", "Maximum");
  const first = sb.row;
  for (const r of inputs.salaryTable) {
    sb.line(
      { v: r.row },
      dateCell(ctx, "salaryTable", "effective", r.row, r.effective),
      { ...trimmedText(ctx, "salaryTable", "scale", r.row, true), align: "center" },
      numberCell(ctx, "salaryTable", "maximum", r.row, r.maximum, E),
    );
  }
  const last = sb.row - 1;
  const salary: SalaryRefs = { date: rangeRef(sb.name, 2, first, last), scale: rangeRef(sb.name, 3, first, last), maximum: rangeRef(sb.name, 4, first, last) };
  const { date: sDate, scale: sScale, maximum: sMax } = salary;

  // salary in force per scale and month, and cost per fte (docs/rekenregels.md)
  const scales = [...ctx.results.ceiling.scales.keys()].sort(scaleOrder);
  const year = params.year;
  sb.section("Ingangsdatum van het geldende maximum per schaal en maand");
  sb.header("Schaal", ...MONTH_SHORT);
  const dateRowOf = new Map<string, number>();
  for (const scale of scales) {
    const row = sb.row;
    dateRowOf.set(scale, row);
    const cells: PlanCell[] = [{ v: scale, nf: FORMATS.text, align: "center" }];
    for (let m = 1; m <= 12; m++) {
      const src = rowInForce(inputs.salaryTable, scale, s.year, m);
      cells.push({
        f: `MAXIFS(${sDate},${sScale},${cellRef(row, 1, false)},${sDate},"<="&(DATE(${year},${m + 1},1)-1))`,
        r: src ? toExcelSerial(src.effective) : 0,
        nf: FORMATS.date,
      });
    }
    sb.line(...cells);
  }

  sb.section("Maximum salaris per maand en kosten per fte");
  sb.header("Schaal", ...MONTH_SHORT, "Jaarsalaris (som van de maanden)", "IKB", "Werkgeverslasten", "Kosten per fte");
  const ikb = params.ikbRate;
  const wg = params.employerChargesRate;
  const mFirst = sb.row;
  for (const scale of scales) {
    const row = sb.row;
    const cost = ctx.results.ceiling.scales.get(scale);
    if (!cost) continue;
    const cells: PlanCell[] = [{ v: scale, nf: FORMATS.text, align: "center" }];
    const dRow = dateRowOf.get(scale) ?? row;
    for (let m = 1; m <= 12; m++) {
      cells.push({ f: `SUMIFS(${sMax},${sScale},${cellRef(row, 1, false)},${sDate},${cellRef(dRow, m + 1, false)})`, r: cost.monthly[m - 1].maximum, nf: E });
    }
    const S = cellRef(row, 14), I = cellRef(row, 15), W = cellRef(row, 16);
    cells.push(
      { f: `SUM(${cellRef(row, 2)}:${cellRef(row, 13)})`, r: cost.annualSalary, nf: E },
      { f: `${S}*${ikb}`, r: cost.ikb, nf: E },
      { f: `(${S}+${I})*${wg}`, r: cost.employerCharges, nf: E },
      { f: `${S}+${I}+${W}`, r: cost.costPerFte, nf: E },
    );
    sb.line(...cells);
  }
  // INDEX/MATCH ranges reach one blank row further: Gnumeric 1.12 gives #REF! for INDEX over a single
  // cell (a formation with one scale), and the row after a block is always blank (SheetBuilder.section)
  const mLast = sb.row - 1 + 1;
  const scaleRefs: ScaleCostRefs = { labels: rangeRef(sb.name, 1, mFirst, mLast), values: rangeRef(sb.name, 14, mFirst, mLast) };
  const scaleMonthly: ScaleMonthlyRefs = { labels: scaleRefs.labels, months: `${rangeRef(sb.name, 2, mFirst, mLast).split(":")[0]}:${cellRef(mLast, 13, true)}` };

  sb.section("Kosten per fte met de januaritabel het hele jaar (voor het cao-effect)");
  sb.header("Schaal", "Maximum januari", "Jaarsalaris (12 × januari)", "IKB", "Werkgeverslasten", "Kosten per fte");
  const jFirst = sb.row;
  for (const scale of scales) {
    const row = sb.row;
    const cost = ctx.results.ceiling.scalesJanuary.get(scale);
    const mRow = mFirst + scales.indexOf(scale);
    if (!cost) continue;
    const S = cellRef(row, 3), I = cellRef(row, 4), W = cellRef(row, 5);
    sb.line(
      { v: scale, nf: FORMATS.text, align: "center" },
      { f: cellRef(mRow, 2), r: cost.monthly[0].maximum, nf: E },
      { f: `${cellRef(row, 2)}*12`, r: cost.annualSalary, nf: E },
      { f: `${S}*${ikb}`, r: cost.ikb, nf: E },
      { f: `(${S}+${I})*${wg}`, r: cost.employerCharges, nf: E },
      { f: `${S}+${I}+${W}`, r: cost.costPerFte, nf: E },
    );
  }
  const jLast = sb.row - 1 + 1; // one blank row further, as above
  const scalesJanuary: ScaleCostRefs = { labels: rangeRef(sb.name, 1, jFirst, jLast), values: rangeRef(sb.name, 6, jFirst, jLast) };
  return { salary, scales: scaleRefs, scaleMonthly, scalesJanuary };
}

/** Scales in natural order: 1, 2, …, 10, 10A, 11, 11A, … */
export function scaleOrder(a: string, b: string): number {
  const na = parseInt(a, 10), nb = parseInt(b, 10);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
