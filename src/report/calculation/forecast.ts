/**
 * Berekening: the two forecasts of docs/rekenregels.md §5 as live formulas — the setting Prognosemethode,
 * the linear forecast, and the steps of *bezetting*: the salary index C(m) per scale and month, the recent
 * salary bookings B, C_obs and C_rest, and each dated formation change. The sick-leave chain
 * (calculation/finance.ts) starts from the chosen salary forecast; `forecastTotals` gives both methods'
 * totals after it.
 */
import { withinCeiling } from "../../domain/ceiling";
import { MONTH_SHORT } from "../../domain/dates";
import { RUN_RATE_MONTHS } from "../../domain/occupancy-forecast";
import type { SickLeaveCase } from "../../domain/types";
import { cellRef, quoteSheet } from "../a1";
import { dateCell, hasColumn, inputRef, numberCell, trimmedText, type BuildContext } from "../context";
import { FORMATS, type PlanCell } from "../plan";
import type { AddendumFormationRefs, CellRef, LedgerRefs, MethodRefs, ParamRefs, RangeRef, ScaleMonthlyRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

const E = FORMATS.euro;

export interface ForecastInputs {
  params: ParamRefs;
  ledger: LedgerRefs;
  scaleMonthly: ScaleMonthlyRefs;
  /** the Addendum's formation lines (scale and fte per line) */
  formation: AddendumFormationRefs;
  realised: { Loonkosten: CellRef; Vervanging: CellRef; Opleiding: CellRef };
  ceiling: CellRef;
}

export interface ForecastSalaries {
  method: CellRef;
  linear: CellRef;
  occupancy: CellRef;
  /** the chosen method's */
  salary: CellRef;
}

/** The setting as the formulas compare it: lower case, blank = bezetting. */
function methodCell(ctx: BuildContext): PlanCell {
  const method = ctx.results.forecast.method ?? "bezetting";
  const cell = ctx.layout.settingCells.forecastMethod;
  if (!cell) return { v: method };
  const r = `${quoteSheet(cell.sheet)}!${cellRef(cell.row, cell.col, true)}`;
  return { f: `IF(TRIM(${r}&"")="","bezetting",LOWER(TRIM(${r}&"")))`, r: method };
}

function methods(ctx: BuildContext) {
  const f = ctx.results.forecast;
  const lin = f.byMethod?.lineair, bez = f.byMethod?.bezetting, o = f.occupancy;
  if (!lin || !bez || !o) throw new Error("report: forecast without both methods");
  return { f, lin, bez, o };
}

/** Before the sick-leave chain: Prognosemethode, both salary forecasts and the chosen one. */
export function forecastSalaries(ctx: BuildContext, sb: SheetBuilder, refs: ForecastInputs): ForecastSalaries {
  const { f, lin, bez, o } = methods(ctx);
  const n = refs.params.reportMonth;
  const { month, category: cat, amount: amt } = refs.ledger;

  const m = sb.line({ v: "Prognosemethode (Instellingen)", s: "label" }, methodCell(ctx),
    { v: ctx.layout.settingCells.forecastMethod ? "lineair of bezetting" : "standaardwaarde (niet ingevuld op Instellingen)", s: "note" });
  const method = sb.ref(m, 2);
  const pl = sb.line({ v: "Prognose loonkosten lineair (gerealiseerd / n × 12)", s: "label" }, { f: `ROUND(${refs.realised.Loonkosten}/${n}*12,2)`, r: lin.salaryForecast, nf: E });

  // C(m): Fte per scale (the Addendum's formation lines) × the maximum in force in month m
  sb.section("Prognose bezetting: salarisindex C(m) = Fte × geldend maximum, per schaal en maand");
  sb.header("Schaal", "Fte", ...MONTH_SHORT);
  const monthRow = sb.line({ v: "Maand", s: "label" }, undefined, ...Array.from({ length: 12 }, (_, i): PlanCell => ({ v: i + 1, nf: "0" })));
  const first = sb.row;
  for (const [scale, cost] of ctx.results.ceiling.scales) {
    const row = sb.row;
    // the Addendum's formation lines are those within the plafond (rows with Dekking `overhead` are outside)
    const fte = ctx.inputs.formation.filter((x) => x.scale === scale && withinCeiling(x)).reduce((a, x) => a + x.fte, 0);
    const cells: PlanCell[] = [
      { v: scale, nf: FORMATS.text, align: "center" },
      { f: `SUMIFS(${refs.formation.fte},${refs.formation.scale},${cellRef(row, 1)})`, r: fte, nf: FORMATS.fte },
    ];
    for (let mm = 1; mm <= 12; mm++) {
      cells.push({
        f: `${cellRef(row, 2)}*INDEX(${refs.scaleMonthly.months},MATCH(${cellRef(row, 1)},${refs.scaleMonthly.labels},0),${mm})`,
        r: fte * cost.monthly[mm - 1].maximum, nf: E,
      });
    }
    sb.line(...cells);
  }
  const last = sb.row - 1;
  const cRow = sb.line({ v: "C(m)", s: "total" }, undefined,
    ...o.salaryIndex.map((v, i): PlanCell => ({ f: `SUM(${cellRef(first, i + 3)}:${cellRef(last, i + 3)})`, r: v, nf: E, s: "total" })));
  const months = `${cellRef(monthRow, 3, true)}:${cellRef(monthRow, 14, true)}`;
  const index = `${cellRef(cRow, 3, true)}:${cellRef(cRow, 14, true)}`;
  const from = `MAX(1,${n}-${RUN_RATE_MONTHS - 1})`;

  const bRow = sb.line({ v: `B: Loonkosten in de laatste ${RUN_RATE_MONTHS} maanden t/m de rapportagemaand`, s: "label" },
    { f: `ROUND(SUMIFS(${amt},${cat},"Loonkosten",${month},">="&${from},${month},"<="&${n}),2)`, r: o.observedBookings, nf: E });
  const obs = sb.line({ v: "C_obs: C(m) over dezelfde maanden", s: "label" },
    { f: `SUMIFS(${index},${months},">="&${from},${months},"<="&${n})`, r: o.observedIndex, nf: E });
  const rest = sb.line({ v: "C_rest: C(m) over de maanden na de rapportagemaand", s: "label" },
    { f: `SUMIFS(${index},${months},">"&${n})`, r: o.remainingIndex, nf: E });
  const remaining = sb.line({ v: "Resterende loonkosten = B × C_rest / C_obs", s: "label" },
    { f: `IF(OR(${n}=12,${cellRef(obs, 2)}=0),0,ROUND(${cellRef(bRow, 2)}*${cellRef(rest, 2)}/${cellRef(obs, 2)},2))`, r: o.remainingSalaries, nf: E });

  const changes = formationChanges(ctx, sb, refs, months);
  const pb = sb.line({ v: "Prognose loonkosten bezetting (gerealiseerd + resterend + formatiewijzigingen)", s: "label" },
    { f: `ROUND(${refs.realised.Loonkosten}+${cellRef(remaining, 2)}+${changes},2)`, r: bez.salaryForecast, nf: E });
  const chosen = sb.line({ v: "Prognose loonkosten (volgens Prognosemethode)", s: "label" },
    { f: `IF(${method}="lineair",${cellRef(pl, 2)},${cellRef(pb, 2)})`, r: f.salaryForecast, nf: E });
  return { method, linear: sb.ref(pl, 2), occupancy: sb.ref(pb, 2), salary: sb.ref(chosen, 2) };
}

/** The dated formation changes (§5): one row per Formatie row with a change; returns the cell of their total. */
function formationChanges(ctx: BuildContext, sb: SheetBuilder, refs: ForecastInputs, months: string): string {
  const { o } = methods(ctx);
  const { reportMonth: n, year, ikbRate: ikb, employerChargesRate: wg } = refs.params;
  sb.section("Prognose bezetting: formatiewijzigingen (Formatie: Wijziging per, Fte na wijziging)");
  if (o.changes.length === 0) {
    const row = sb.line({ v: "Som formatiewijzigingen", s: "label" }, { v: 0, nf: E }, { v: "geen formatieregels met een wijzigingsdatum", s: "note" });
    return cellRef(row, 2);
  }
  sb.header("Bronrij Formatie", "Schaal", "Bezetting", "Fte", "Wijziging per", "Fte na wijziging", "Δfte", "Vanaf maand", ...MONTH_SHORT, "S′ (maanden na de rapportagemaand)", "Bedrag");
  const first = sb.row;
  for (const c of o.changes) {
    const row = sb.row;
    const fr = c.formation;
    const C = (col: number) => cellRef(row, col);
    const afterRef = hasColumn(ctx, "formation", "fteAfterChange") ? inputRef(ctx, "formation", "fteAfterChange", fr.row) : null;
    const before = `IF(${C(3)}="Vacature",0,${C(4)})`;
    const cells: PlanCell[] = [
      { v: fr.row },
      { ...trimmedText(ctx, "formation", "scale", fr.row, true), nf: FORMATS.text, align: "center" },
      hasColumn(ctx, "formation", "occupancy") ? trimmedText(ctx, "formation", "occupancy", fr.row) : { v: "" },
      numberCell(ctx, "formation", "fte", fr.row, fr.fte, FORMATS.fte),
      dateCell(ctx, "formation", "changeDate", fr.row, fr.changeDate ?? { year: 1900, month: 1, day: 1 }),
      afterRef ? { f: `IF(TRIM(${afterRef}&"")="","",${afterRef}+0)`, r: fr.fteAfterChange ?? "", nf: FORMATS.fte } : { v: "" },
      { f: `IF(${C(6)}="",IF(${C(3)}="Vacature",${C(4)},${before}),${C(6)})-${before}`, r: c.fteDelta, nf: FORMATS.fte },
      { f: `IF(YEAR(${C(5)})<${year},1,IF(YEAR(${C(5)})>${year},13,MONTH(${C(5)})+IF(DAY(${C(5)})=1,0,1)))`, r: c.fromMonth, nf: "0" },
    ];
    const cost = ctx.results.ceiling.scales.get(fr.scale);
    for (let m = 1; m <= 12; m++) {
      cells.push({ f: `INDEX(${refs.scaleMonthly.months},MATCH(${C(2)},${refs.scaleMonthly.labels},0),${m})`, r: cost?.monthly[m - 1].maximum ?? 0, nf: E });
    }
    cells.push(
      // a change from a month in or before n is already in the bookings (§5)
      { f: `IF(${C(8)}>${n},SUMIFS(${cellRef(row, 9)}:${cellRef(row, 20)},${months},">="&${C(8)}),0)`, r: c.salarySum, nf: E },
      { f: `ROUND(${C(7)}*(${C(21)}+${C(21)}*${ikb}+(${C(21)}+${C(21)}*${ikb})*${wg}),2)`, r: c.amount, nf: E },
    );
    sb.line(...cells);
  }
  const last = sb.row - 1;
  const total = sb.line({ v: "Som formatiewijzigingen", s: "total" }, ...new Array<undefined>(20).fill(undefined),
    { f: `ROUND(SUM(${cellRef(first, 22)}:${cellRef(last, 22)}),2)`, r: o.formationChanges, nf: E, s: "total" });
  return cellRef(total, 22);
}

/** The chain's extra columns for the two methods: closed t/m n, the linear cost, the remaining estimate. */
export function caseMethodCells(ctx: BuildContext, refs: ForecastInputs, c: SickLeaveCase, row: number, closed: boolean, booked: number): PlanCell[] {
  const { o } = methods(ctx);
  const C = (col: number) => cellRef(row, col);
  let closedCell: PlanCell = { v: "Nee" };
  if (hasColumn(ctx, "sickLeave", "end")) {
    const r = inputRef(ctx, "sickLeave", "end", c.row);
    const year = ctx.inputs.settings.year;
    const date = dateCell(ctx, "sickLeave", "end", c.row, c.end ?? { year, month: 1, day: 1 }).f as string;
    closedCell = { f: `IF(TRIM(${r}&"")="","Nee",IF(${date}<=DATE(${refs.params.year},${refs.params.reportMonth}+1,1)-1,"Ja","Nee"))`, r: closed ? "Ja" : "Nee" };
  }
  return [
    closedCell,
    { f: `MAX(${C(6)},${C(5)})`, r: Math.max(booked, c.expectedCost), nf: E },
    { f: `IF(${C(15)}="Ja",0,ROUND(MAX(0,${C(5)}-${C(6)}),2))`, r: o.remainingCases.get(c.caseId) ?? 0, nf: E },
  ];
}

/**
 * After the sick-leave chain: per method the replacement forecast, formation cost, room and training, and
 * the chosen figures. `casesLinear` / `casesRemaining`: the chain's columns (null without cases).
 */
export function forecastTotals(
  ctx: BuildContext, sb: SheetBuilder, refs: ForecastInputs, salaries: ForecastSalaries, casesLinear: RangeRef | null, casesRemaining: RangeRef | null,
): { lineair: MethodRefs; bezetting: MethodRefs; chosen: { replacement: CellRef; formation: CellRef; room: CellRef } } {
  const { f, lin, bez } = methods(ctx);
  const n = refs.params.reportMonth, ceiling = refs.ceiling, method = salaries.method;
  sb.section("Prognose per methode en ruimte onder het plafond");
  sb.header("Grootheid", "Lineair", "Bezetting", "Volgens Prognosemethode");
  const line = (label: string, fl: string, fb: string, vl: number, vb: number, chosen: number, style?: "total") => {
    const row = sb.row;
    sb.line({ v: label, s: style ?? "label" },
      { f: fl, r: vl, nf: E, s: style }, { f: fb, r: vb, nf: E, s: style },
      { f: `IF(${method}="lineair",${cellRef(row, 2)},${cellRef(row, 3)})`, r: chosen, nf: E, s: style });
    return row;
  };
  const sal = line("Prognose loonkosten", salaries.linear, salaries.occupancy, lin.salaryForecast, bez.salaryForecast, f.salaryForecast);
  const rep = line("Prognose vervanging",
    casesLinear ? `ROUND(SUM(${casesLinear}),2)` : "0",
    `ROUND(${refs.realised.Vervanging}+${casesRemaining ? `SUM(${casesRemaining})` : "0"},2)`,
    lin.replacementForecast, bez.replacementForecast, f.replacementForecast);
  const form = line("Prognose formatieve kosten (loonkosten + vervanging)",
    `ROUND(${cellRef(sal, 2)}+${cellRef(rep, 2)},2)`, `ROUND(${cellRef(sal, 3)}+${cellRef(rep, 3)},2)`,
    lin.formationCostForecast, bez.formationCostForecast, f.formationCostForecast);
  const room = line("Ruimte onder plafond", `ROUND(${ceiling}-${cellRef(form, 2)},2)`, `ROUND(${ceiling}-${cellRef(form, 3)},2)`,
    lin.roomUnderCeiling, bez.roomUnderCeiling, f.roomUnderCeiling, "total");
  const training = line("Prognose opleiding (buiten het plafond)", `ROUND(${refs.realised.Opleiding}/${n}*12,2)`,
    `ROUND(MAX(${refs.realised.Opleiding},${refs.params.trainingBudget}),2)`, lin.trainingForecast, bez.trainingForecast,
    f.method === "lineair" ? lin.trainingForecast : bez.trainingForecast);
  const of = (col: number): MethodRefs => ({ salary: sb.ref(sal, col), replacement: sb.ref(rep, col), formation: sb.ref(form, col), room: sb.ref(room, col), training: sb.ref(training, col) });
  return { lineair: of(2), bezetting: of(3), chosen: { replacement: sb.ref(rep, 4), formation: sb.ref(form, 4), room: sb.ref(room, 4) } };
}
