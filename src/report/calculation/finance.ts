/** Berekening: realised per category, the forecast and the sick-leave chain against the ceiling (docs/rekenregels.md). */
import { round2 } from "../../domain/money";
import { caseOpen } from "../../domain/occupancy-forecast";
import { COST_CATEGORIES, type CostCategory } from "../../domain/types";
import { cellRef, rangeRef, str } from "../a1";
import { dateCell, hasColumn, numberCell, trimmedText, type BuildContext } from "../context";
import { FORMATS, type PlanCell } from "../plan";
import type { AddendumFormationRefs, BudgetRefs, CaseRefs, CellRef, FinanceCalculationRefs, ForecastRefs, LedgerRefs, ParamRefs, ScaleMonthlyRefs } from "../refs";
import type { SheetBuilder } from "../sheet";
import { noRealisationNotice } from "../title";
import { caseMethodCells, forecastSalaries, forecastTotals, type ForecastInputs } from "./forecast";

const E = FORMATS.euro;

export interface FinanceInputs {
  params: ParamRefs;
  ledger: LedgerRefs;
  /** the Addendum's Budget P&C */
  budget: BudgetRefs;
  /** for the forecast *bezetting*: the monthly maxima per scale and the Addendum's formation lines */
  scaleMonthly: ScaleMonthlyRefs;
  formation: AddendumFormationRefs;
}

export function calculationFinance(ctx: BuildContext, sb: SheetBuilder, refs: FinanceInputs): FinanceCalculationRefs {
  const { inputs, results } = ctx;
  const n = refs.params.reportMonth;
  const { month, category: cat, amount: amt } = refs.ledger;

  sb.section("Gerealiseerd t/m de rapportagemaand per categorie");
  sb.header("Categorie", "Gerealiseerd t/m rapportagemaand");
  const realised = {} as Record<CostCategory, CellRef>;
  for (const c of COST_CATEGORIES) {
    const row = sb.line({ v: c, s: "label" }, { f: `ROUND(SUMIFS(${amt},${cat},${str(c)},${month},"<="&${n}),2)`, r: results.realised[c], nf: E });
    realised[c] = sb.ref(row, 2);
  }
  const oh = sb.line({ v: "Overhead (gerealiseerd = naar rato)", s: "label" },
    { f: `ROUND(${refs.budget.overhead}*${n}/12,2)`, r: round2((results.ceiling.overhead * inputs.settings.reportMonth) / 12), nf: E });
  const realisedOverhead = sb.ref(oh, 2);

  sb.section("Prognose en ruimte onder het plafond");
  if (!results.forecast.available) {
    // no ledger row on or before the report month: no prognosis made of zero months, no sick-leave chain
    sb.line({ v: noRealisationNotice(ctx), s: "note" });
    sb.freeze(0);
    return { realised, realisedOverhead, forecast: null };
  }
  const forecast = forecastBlocks(ctx, sb, {
    params: refs.params, ledger: refs.ledger, scaleMonthly: refs.scaleMonthly, formation: refs.formation, realised, ceiling: refs.budget.ceiling,
  });
  sb.freeze(0);
  return { realised, realisedOverhead, forecast };
}

/**
 * Both salary forecasts (docs/rekenregels.md §5), the sick-leave chain per case on the chosen one (§6), and
 * the forecast's totals per method against the ceiling.
 */
function forecastBlocks(ctx: BuildContext, sb: SheetBuilder, refs: ForecastInputs): ForecastRefs {
  const { inputs, results } = ctx;
  const f = results.forecast;
  const n = refs.params.reportMonth;
  const { month, category: cat, amount: amt, caseId: dossier } = refs.ledger;
  const salaries = forecastSalaries(ctx, sb, refs);
  const salary = salaries.salary;

  // The sick-leave chain
  const ceiling = refs.ceiling;
  const sla = refs.params.slaVersion;
  sb.section("Verzuimvervanging tegen het plafond, per dossier in volgorde van startdatum");
  sb.header("Dossier", "Pakket", "Soort", "Startdatum", "Verwachte kosten", "Vervanging geboekt t/m rapportagemaand", "Kosten dossier (volgens Prognosemethode)", "Formatieve kosten vóór dit dossier", "Meerkosten", "Formatieve kosten na dit dossier", "Vereist besluit", "Vastgelegd besluit", "Adviesnota ontbreekt", "Boekingen vervanging (alle maanden)",
    "Afgesloten t/m rapportagemaand", "Kosten lineair (hoogste van geboekt en verwacht)", "Resterende raming (bezetting)");
  const first = sb.row;
  const cases: CaseRefs[] = [];
  f.cases.forEach((o, i) => {
    const row = sb.row;
    const c = o.case;
    const C = (col: number) => cellRef(row, col);
    const before = i === 0 ? `${salary}` : cellRef(row - 1, 10);
    const decisionCell: PlanCell = hasColumn(ctx, "sickLeave", "decision")
      ? (() => {
          const t = trimmedText(ctx, "sickLeave", "decision", c.row);
          const expr = t.f as string;
          return { f: `IF(${expr}="","Open",${expr})`, r: t.r === "" ? "Open" : t.r };
        })()
      : { v: "Open" };
    const kind = trimmedText(ctx, "sickLeave", "kind", c.row);
    sb.line(
      trimmedText(ctx, "sickLeave", "caseId", c.row, true),
      trimmedText(ctx, "sickLeave", "service", c.row),
      kind,
      dateCell(ctx, "sickLeave", "start", c.row, c.start),
      numberCell(ctx, "sickLeave", "expected", c.row, c.expectedCost, E),
      { f: `ROUND(SUMIFS(${amt},${cat},"Vervanging",${dossier},${C(1)},${month},"<="&${n}),2)`, r: o.bookedToDate, nf: E },
      // bezetting: a case closed t/m n costs what was booked on it (§5); otherwise the linear cost
      { f: `IF(AND(${salaries.method}<>"lineair",${C(15)}="Ja"),${C(6)},${C(16)})`, r: o.caseCost, nf: E },
      { f: before, r: o.runningBefore, nf: E },
      {
        f: `IF(${C(3)}="Kort",0,IF(${sla}=2023,ROUND(${C(7)},2),ROUND(MAX(0,${C(8)}+${C(7)}-${ceiling})-MAX(0,${C(8)}-${ceiling}),2)))`,
        r: o.extraCost,
        nf: E,
      },
      { f: `${C(8)}+${C(7)}`, r: o.runningAfter, nf: E },
      { f: `IF(${C(3)}="Kort","Teamleider",IF(OR(${sla}=2023,${C(9)}>0),"Adviesnota","Teamleider"))`, r: o.requiredDecision },
      decisionCell,
      { f: `IF(AND(${C(11)}="Adviesnota",${C(12)}<>"Adviesnota"),"Ja","Nee")`, r: o.adviceNoteMissing ? "Ja" : "Nee" },
      { f: `COUNTIFS(${cat},"Vervanging",${dossier},${C(1)})`, r: inputs.ledger.filter((l) => l.category === "Vervanging" && l.caseId === c.caseId).length, nf: FORMATS.count },
      ...caseMethodCells(ctx, refs, c, row, !caseOpen(c, inputs.settings.year, inputs.settings.reportMonth), o.bookedToDate),
    );
    const at = (col: number) => sb.ref(row, col);
    cases.push({ caseId: at(1), service: at(2), kind: at(3), cost: at(7), extra: at(9), required: at(11), decision: at(12), missing: at(13) });
  });
  if (f.cases.length === 0) sb.line({ v: "(geen verzuimdossiers)", s: "note" }, undefined, undefined, undefined, undefined, undefined, { v: 0 }, undefined, { v: 0 });
  const last = sb.row - 1;
  const column = (col: number) => rangeRef(sb.name, col, first, last);
  const caseCosts = column(7), caseExtras = column(9), caseMissing = column(13);
  const caseBookings = f.cases.length > 0 ? column(14) : null;

  const totals = forecastTotals(ctx, sb, refs, salaries, f.cases.length > 0 ? column(16) : null, f.cases.length > 0 ? column(17) : null);
  const extra = sb.line({ v: "Meerkosten voor opdrachtgever (som meerkosten)", s: "total" }, { f: `ROUND(SUM(${caseExtras}),2)`, r: f.extraCostForClient, nf: E, s: "total" });
  return {
    method: salaries.method, byMethod: { lineair: totals.lineair, bezetting: totals.bezetting },
    salary, replacement: totals.chosen.replacement, formation: totals.chosen.formation, room: totals.chosen.room, extra: sb.ref(extra, 2),
    cases, caseCosts, caseExtras, caseMissing, caseBookings,
  };
}
