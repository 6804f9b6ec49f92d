/**
 * The Addendum's formation rows, one row of cells each, and the block of rows covered by the overhead
 * (Dekking `overhead`, docs/rekenregels.md §3): shown with the formation, outside the plafond, their cost as
 * the part of the overhead they use, and what is left of the overhead after them.
 */
import type { FormationLine } from "../domain/ceiling";
import { round2 } from "../domain/money";
import { cellRef, rangeRef } from "./a1";
import { hasColumn, numberCell, trimmedText, type BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import type { CalculationRefs, CellRef, OverheadFormationRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

const E = FORMATS.euro;

/** Function, package, scale, fte, annual salary, IKB, employer charges, cost per fte, amount, occupancy: live formulas over Formatie. */
export function formationLineCells(ctx: BuildContext, refs: CalculationRefs, line: FormationLine, row: number): PlanCell[] {
  const f = line.formation;
  const C = (col: number) => cellRef(row, col);
  const { params } = refs;
  return [
    { v: f.functionName },
    trimmedText(ctx, "formation", "service", f.row),
    { ...trimmedText(ctx, "formation", "scale", f.row, true), nf: FORMATS.text, align: "center" },
    numberCell(ctx, "formation", "fte", f.row, f.fte, FORMATS.fte),
    { f: `INDEX(${refs.scales.values},MATCH(${C(3)},${refs.scales.labels},0))`, r: line.cost.annualSalary, nf: E },
    { f: `${C(5)}*${params.ikbRate}`, r: line.cost.ikb, nf: E },
    { f: `(${C(5)}+${C(6)})*${params.employerChargesRate}`, r: line.cost.employerCharges, nf: E },
    { f: `${C(5)}+${C(6)}+${C(7)}`, r: line.cost.costPerFte, nf: E },
    { f: `ROUND(${C(4)}*${C(8)},2)`, r: line.ceilingAmount, nf: E },
    hasColumn(ctx, "formation", "occupancy") ? trimmedText(ctx, "formation", "occupancy", f.row) : { v: "" },
  ];
}

/**
 * The rows with Dekking `overhead`, after the Budget P&C (`overhead`: its Overhead cell). Null, and nothing
 * written, when there are none.
 */
export function overheadFormationSection(ctx: BuildContext, sb: SheetBuilder, refs: CalculationRefs, overhead: CellRef): OverheadFormationRefs | null {
  const c = ctx.results.ceiling;
  if (c.overheadLines.length === 0) return null;
  sb.section("Formatie gedekt uit de overhead (buiten het plafond)");
  sb.spanToEnd(sb.line({ v: "Deze regels hebben in Formatie de Dekking 'overhead': zij tellen niet mee in het plafond; hun kosten worden gedekt uit de overhead (SLA 2024, dienst 1.10 Advisering I&A: \"Kosten worden gedekt door (verhoging van) het overheadspercentage\").", s: "note", wrap: true }), 1);
  sb.header("Functie", "Pakket", "Schaal", "Fte", "Jaarsalaris (max.)", "IKB", "Werkgeverslasten", "Kosten per fte", "Deel van de overhead", "Bezetting");
  const first = sb.row;
  for (const line of c.overheadLines) sb.line(...formationLineCells(ctx, refs, line, sb.row));
  const last = sb.row - 1;
  const used = sb.line({ v: "Gebruikt deel van de overhead", s: "total" }, undefined, undefined,
    { f: `SUM(${cellRef(first, 4)}:${cellRef(last, 4)})`, r: c.overheadLines.reduce((a, l) => a + l.formation.fte, 0), nf: FORMATS.fte, s: "total" },
    undefined, undefined, undefined, undefined,
    { f: `SUM(${cellRef(first, 9)}:${cellRef(last, 9)})`, r: c.overheadUsed, nf: E, s: "total" });
  sb.line({ v: "Overhead (Budget P&C)", s: "label" }, ...blanks(7), { f: overhead, r: c.overhead, nf: E });
  const leftValue = round2(c.overhead - c.overheadUsed);
  const left = sb.line({ v: "Overhead na deze formatie", s: "total" }, ...blanks(7),
    { f: `ROUND(${overhead}-${cellRef(used, 9)},2)`, r: leftValue, nf: E, s: "total" });
  sb.highlight(`I${left}`, `I${left}<0`, "bad");
  const n = sb.line({ v: "", s: "note" });
  sb.set(n, 1, {
    f: `IF(I${left}<0,"De overhead dekt deze formatie niet: verhoog het overheadspercentage of zet de regels binnen het plafond.","De overhead dekt deze formatie.")`,
    r: leftValue < 0 ? "De overhead dekt deze formatie niet: verhoog het overheadspercentage of zet de regels binnen het plafond." : "De overhead dekt deze formatie.",
    s: "note",
  });
  sb.spanToEnd(n, 1);
  return {
    service: rangeRef(sb.name, 2, first, last), fte: rangeRef(sb.name, 4, first, last), amount: rangeRef(sb.name, 9, first, last),
    occupancy: rangeRef(sb.name, 10, first, last), used: sb.ref(used, 9), left: sb.ref(left, 9),
  };
}

function blanks(n: number): undefined[] {
  return Array.from({ length: n }, () => undefined);
}
