/**
 * Berekening: the two forecasts of docs/rekenregels.md §5 as live formulas — the setting Prognosemethode,
 * the linear forecast, and the intermediate steps of *bezetting*: the salary index C(m) per scale and month,
 * the recent salary bookings B, C_obs and C_rest, and each dated formation change. The sick-leave chain
 * (calculation.ts) reads the chosen method from here; `forecastTotals` adds both methods' totals after it.
 */
import { MONTH_SHORT } from "../domain/dates";
import { RUN_RATE_MONTHS } from "../domain/occupancy-forecast";
import { cellRef, quoteSheet } from "./a1";
import { dateCell, hasColumn, inputRef, numberCell, ref, trimmedText, type BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import type { SheetBuilder } from "./sheet";

const E = FORMATS.euro;

/** The setting as the formulas compare it: lower case, blank = bezetting. */
function methodCell(ctx: BuildContext): PlanCell {
  const method = ctx.results.forecast.method ?? "bezetting";
  const cell = ctx.layout.settingCells.forecastMethod;
  if (!cell) return { v: method };
  const r = `${quoteSheet(cell.sheet)}!${cellRef(cell.row, cell.col, true)}`;
  return { f: `IF(TRIM(${r}&"")="","bezetting",LOWER(TRIM(${r}&"")))`, r: method };
}

/**
 * Before the sick-leave chain: Prognosemethode, the linear salary forecast, the bezetting salary forecast,
 * and `forecast.salary` = the chosen one (the chain starts from it).
 */
export function forecastSalaries(ctx: BuildContext, sb: SheetBuilder): void {
  const f = ctx.results.forecast;
  const lin = f.byMethod?.lineair;
  const bez = f.byMethod?.bezetting;
  const o = f.occupancy;
  if (!lin || !bez || !o) throw new Error("report: forecast without both methods");
  const n = ref(ctx, "param.reportMonth");
  const month = ref(ctx, "ledger.month"), cat = ref(ctx, "ledger.category"), amt = ref(ctx, "ledger.amount");

  const m = sb.line({ v: "Prognosemethode (Instellingen)", s: "label" }, methodCell(ctx),
    { v: ctx.layout.settingCells.forecastMethod ? "lineair of bezetting" : "standaardwaarde (niet ingevuld op Instellingen)", s: "note" });
  ctx.refs.set("forecast.method", sb.ref(m, 2));
  const pl = sb.line({ v: "Prognose loonkosten lineair (gerealiseerd / n × 12)", s: "label" }, { f: `ROUND(${ref(ctx, "realised.Loonkosten")}/${n}*12,2)`, r: lin.salaryForecast, nf: E });
  ctx.refs.set("forecast.lin.salary", sb.ref(pl, 2));

  // C(m): Fte per scale (the Addendum's formation lines) × the maximum in force in month m
  sb.section("Prognose bezetting: salarisindex C(m) = Fte × geldend maximum, per schaal en maand");
  sb.header("Schaal", "Fte", ...MONTH_SHORT);
  const monthRow = sb.line({ v: "Maand", s: "label" }, undefined, ...Array.from({ length: 12 }, (_, i) => ({ v: i + 1, nf: "0" })));
  const scales = ctx.results.ceiling.scales;
  const first = sb.row;
  for (const scale of scales.keys()) {
    const row = sb.row;
    const fte = ctx.inputs.formation.filter((x) => x.scale === scale).reduce((a, x) => a + x.fte, 0);
    const cost = scales.get(scale);
    const cells: PlanCell[] = [
      { v: scale, nf: FORMATS.text, align: "center" },
      { f: `SUMIFS(${ref(ctx, "addendum.fteRange")},${ref(ctx, "addendum.scaleRange")},${cellRef(row, 1)})`, r: fte, nf: FORMATS.fte },
    ];
    for (let mm = 1; mm <= 12; mm++) {
      cells.push({
        f: `${cellRef(row, 2)}*INDEX(${ref(ctx, "scale.monthly")},MATCH(${cellRef(row, 1)},${ref(ctx, "scale.labels")},0),${mm})`,
        r: fte * (cost?.monthly[mm - 1].maximum ?? 0), nf: E,
      });
    }
    sb.line(...cells);
  }
  const last = sb.row - 1;
  const cRow = sb.row;
  sb.line({ v: "C(m)", s: "total" }, undefined,
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

  const changes = formationChanges(ctx, sb, months);
  const pb = sb.line({ v: "Prognose loonkosten bezetting (gerealiseerd + resterend + formatiewijzigingen)", s: "label" },
    { f: `ROUND(${ref(ctx, "realised.Loonkosten")}+${cellRef(remaining, 2)}+${changes},2)`, r: bez.salaryForecast, nf: E });
  ctx.refs.set("forecast.bez.salary", sb.ref(pb, 2));
  const chosen = sb.line({ v: "Prognose loonkosten (volgens Prognosemethode)", s: "label" },
    { f: `IF(${ref(ctx, "forecast.method")}="lineair",${cellRef(pl, 2)},${cellRef(pb, 2)})`, r: f.salaryForecast, nf: E });
  ctx.refs.set("forecast.salary", sb.ref(chosen, 2));
}

/** The dated formation changes (§5): one row per Formatie row with a change; returns the cell of their total. */
function formationChanges(ctx: BuildContext, sb: SheetBuilder, months: string): string {
  const o = ctx.results.forecast.occupancy;
  const n = ref(ctx, "param.reportMonth"), year = ref(ctx, "param.year");
  const ikb = ref(ctx, "param.ikbRate"), wg = ref(ctx, "param.employerChargesRate");
  sb.section("Prognose bezetting: formatiewijzigingen (Formatie: Wijziging per, Fte na wijziging)");
  if (!o || o.changes.length === 0) {
    const row = sb.line({ v: "Som formatiewijzigingen", s: "label" }, { v: 0, nf: E }, { v: "geen formatieregels met een wijzigingsdatum", s: "note" });
    return cellRef(row, 2);
  }
  sb.header("Bronrij Formatie", "Schaal", "Bezetting", "Fte", "Wijziging per", "Fte na wijziging", "Δfte", "Vanaf maand", ...MONTH_SHORT, "S′ (maanden na de rapportagemaand)", "Bedrag");
  const first = sb.row;
  for (const c of o.changes) {
    const row = sb.row;
    const fr = c.formation;
    const C = (col: number) => cellRef(row, col);
    const occupancy = hasColumn(ctx, "formation", "occupancy") ? trimmedText(ctx, "formation", "occupancy", fr.row) : { v: "" };
    const afterRef = hasColumn(ctx, "formation", "fteAfterChange") ? inputRef(ctx, "formation", "fteAfterChange", fr.row) : null;
    const after: PlanCell = afterRef
      ? { f: `IF(TRIM(${afterRef}&"")="","",${afterRef}+0)`, r: fr.fteAfterChange ?? "", nf: FORMATS.fte }
      : { v: "" };
    const date = dateCell(ctx, "formation", "changeDate", fr.row, fr.changeDate ?? { year: 1900, month: 1, day: 1 });
    const before = `IF(${C(3)}="Vacature",0,${C(4)})`;
    const cells: PlanCell[] = [
      { v: fr.row },
      { ...trimmedText(ctx, "formation", "scale", fr.row, true), nf: FORMATS.text, align: "center" },
      occupancy,
      numberCell(ctx, "formation", "fte", fr.row, fr.fte, FORMATS.fte),
      date,
      after,
      { f: `IF(${C(6)}="",IF(${C(3)}="Vacature",${C(4)},${before}),${C(6)})-${before}`, r: c.fteDelta, nf: FORMATS.fte },
      { f: `IF(YEAR(${C(5)})<${year},1,IF(YEAR(${C(5)})>${year},13,MONTH(${C(5)})+IF(DAY(${C(5)})=1,0,1)))`, r: c.fromMonth, nf: "0" },
    ];
    const cost = ctx.results.ceiling.scales.get(fr.scale);
    for (let m = 1; m <= 12; m++) {
      cells.push({ f: `INDEX(${ref(ctx, "scale.monthly")},MATCH(${C(2)},${ref(ctx, "scale.labels")},0),${m})`, r: cost?.monthly[m - 1].maximum ?? 0, nf: E });
    }
    const own = `${cellRef(row, 9)}:${cellRef(row, 20)}`;
    cells.push(
      { f: `IF(${C(8)}>${n},SUMIFS(${own},${months},">="&${C(8)}),0)`, r: c.salarySum, nf: E },
      { f: `ROUND(${C(7)}*(${C(21)}+${C(21)}*${ikb}+(${C(21)}+${C(21)}*${ikb})*${wg}),2)`, r: c.amount, nf: E },
    );
    sb.line(...cells);
  }
  const last = sb.row - 1;
  const total = sb.line({ v: "Som formatiewijzigingen", s: "total" }, ...new Array<undefined>(20).fill(undefined),
    { f: `ROUND(SUM(${cellRef(first, 22)}:${cellRef(last, 22)}),2)`, r: o.formationChanges, nf: E, s: "total" });
  return cellRef(total, 22);
}

/**
 * After the sick-leave chain: per method the replacement forecast, formation cost, room and training; then
 * the chosen figures under the keys the report has always used (`forecast.replacement`, … `forecast.room`).
 */
export function forecastTotals(ctx: BuildContext, sb: SheetBuilder, casesLinear: string | null, casesRemaining: string | null): void {
  const f = ctx.results.forecast;
  const lin = f.byMethod?.lineair, bez = f.byMethod?.bezetting;
  if (!lin || !bez) throw new Error("report: forecast without both methods");
  const n = ref(ctx, "param.reportMonth"), ceiling = ref(ctx, "addendum.ceiling"), method = ref(ctx, "forecast.method");
  sb.section("Prognose per methode en ruimte onder het plafond");
  sb.header("Grootheid", "Lineair", "Bezetting", "Volgens Prognosemethode");
  const line = (label: string, key: string | null, fl: string, fb: string, vl: number, vb: number, chosen: number, style?: "total") => {
    const row = sb.row;
    sb.line({ v: label, s: style ?? "label" },
      { f: fl, r: vl, nf: E, s: style }, { f: fb, r: vb, nf: E, s: style },
      { f: `IF(${method}="lineair",${cellRef(row, 2)},${cellRef(row, 3)})`, r: chosen, nf: E, s: style });
    if (key) {
      ctx.refs.set(`forecast.lin.${key}`, sb.ref(row, 2));
      ctx.refs.set(`forecast.bez.${key}`, sb.ref(row, 3));
    }
    return row;
  };
  const sal = line("Prognose loonkosten", null, ref(ctx, "forecast.lin.salary"), ref(ctx, "forecast.bez.salary"), lin.salaryForecast, bez.salaryForecast, f.salaryForecast);
  const rep = line("Prognose vervanging", "replacement",
    casesLinear ? `ROUND(SUM(${casesLinear}),2)` : "0",
    `ROUND(${ref(ctx, "realised.Vervanging")}+${casesRemaining ? `SUM(${casesRemaining})` : "0"},2)`,
    lin.replacementForecast, bez.replacementForecast, f.replacementForecast);
  const form = line("Prognose formatieve kosten (loonkosten + vervanging)", "formation",
    `ROUND(${cellRef(sal, 2)}+${cellRef(rep, 2)},2)`, `ROUND(${cellRef(sal, 3)}+${cellRef(rep, 3)},2)`,
    lin.formationCostForecast, bez.formationCostForecast, f.formationCostForecast);
  const room = line("Ruimte onder plafond", "room", `ROUND(${ceiling}-${cellRef(form, 2)},2)`, `ROUND(${ceiling}-${cellRef(form, 3)},2)`,
    lin.roomUnderCeiling, bez.roomUnderCeiling, f.roomUnderCeiling, "total");
  const chosenTraining = f.method === "lineair" ? lin.trainingForecast : bez.trainingForecast;
  line("Prognose opleiding (buiten het plafond)", "training", `ROUND(${ref(ctx, "realised.Opleiding")}/${n}*12,2)`,
    `ROUND(MAX(${ref(ctx, "realised.Opleiding")},${ref(ctx, "param.trainingBudget")}),2)`, lin.trainingForecast, bez.trainingForecast, chosenTraining);
  ctx.refs.set("forecast.replacement", sb.ref(rep, 4));
  ctx.refs.set("forecast.formation", sb.ref(form, 4));
  ctx.refs.set("forecast.room", sb.ref(room, 4));
}
