/** `6.5 Financieel`: budget against realised, forecast and ceiling, sick leave against the ceiling, months. */
import { MONTH_NAMES, MONTH_SHORT as SHORT } from "../domain/dates";
import { round2 } from "../domain/money";
import { COST_CATEGORIES } from "../domain/types";
import { VARIANCE_LINES } from "../domain/variance";
import { cellRef, str } from "./a1";
import type { BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import { agreedFinanceBlock } from "./agreed";
import type { AgreedRefs, BudgetRefs, CellRef, FinanceCalculationRefs, FinanceSheetRefs, ForecastRefs, LedgerRefs, MethodRefs, ParamRefs } from "./refs";
import { SheetBuilder } from "./sheet";
import { titleBlock } from "./title";

const E = FORMATS.euro;

/** What 6.5 reads: Berekening's parameters, ledger and finance blocks, and the Addendum's budget. */
export interface FinanceSheetInputs {
  params: ParamRefs;
  ledger: LedgerRefs;
  budget: BudgetRefs;
  calc: FinanceCalculationRefs;
  /** the Addendum's vastgesteld / herrekend cells, when a version is signed (report/agreed.ts) */
  agreed?: AgreedRefs | null;
}

/** The sheet, and (with realisation) the figures Controle and 6.1 read from it. */
export function financeSheet(ctx: BuildContext, refs: FinanceSheetInputs): { sheet: SheetBuilder; refs: FinanceSheetRefs | null } {
  const { params, budget, calc } = refs;
  const { inputs, results } = ctx;
  const s = inputs.settings;
  const n = s.reportMonth;
  const sb = new SheetBuilder(ctx.names.finance);
  sb.widthsFrom([20, 12, 12, 12, 12, 10, 10, 40, 12]);
  titleBlock(ctx, sb, "6.5 Financiële informatie", { periodic: true });
  agreedFinanceBlock(ctx, sb, refs.agreed);
  const N = params.reportMonth;
  // Instellingen 'Verschil positief': nadeel = realised minus budget (an overspend is positive), voordeel = the other way.
  const voordeel = s.varianceSign === "voordeel";
  const sign = voordeel ? -1 : 1;
  const forecast = calc.forecast;
  if (!results.forecast.available || !forecast) return { sheet: financeWithoutRealisation(ctx, sb, budget), refs: null };

  sb.section(`Begroot en gerealiseerd t/m ${MONTH_NAMES[n - 1]}`);
  sb.header("Regel", "Jaarbudget", `Begroot t/m ${SHORT[n - 1]}`, `Gerealiseerd t/m ${SHORT[n - 1]}`, voordeel ? "Verschil (+ = voordeel)" : "Verschil (+ = nadeel)", "Verschil %", "Toelichting vereist", "Toelichting (controller)");
  const annual: Record<string, PlanCell> = {
    "Formatieve kosten": { f: budget.ceiling },
    Opleiding: { f: budget.training },
    "Aanvullende dienstverlening": { f: budget.additional },
    Overig: { v: 0 },
    Overhead: { f: budget.overhead },
    Totaal: { f: budget.totalBudget },
  };
  const first = sb.row;
  for (const name of VARIANCE_LINES) {
    const row = sb.row;
    const l = results.variance.find((v) => v.name === name);
    if (!l) continue;
    const C = (col: number) => cellRef(row, col);
    const realised: PlanCell = {
      "Formatieve kosten": { f: `ROUND(${calc.realised.Loonkosten}+${calc.realised.Vervanging},2)` },
      Opleiding: { f: calc.realised.Opleiding },
      "Aanvullende dienstverlening": { f: calc.realised["Aanvullende dienstverlening"] },
      Overig: { f: calc.realised.Overig },
      Overhead: { f: calc.realisedOverhead },
      Totaal: { f: `ROUND(SUM(${cellRef(first, 4)}:${cellRef(row - 1, 4)}),2)` },
    }[name];
    const a = annual[name];
    const style = name === "Totaal" ? ("total" as const) : undefined;
    sb.line(
      { v: name, s: style ?? "label" },
      a.f ? { f: a.f, r: l.annualBudget, nf: E, s: style } : { v: 0, nf: E, s: style },
      { f: `ROUND(${C(2)}*${N}/12,2)`, r: l.budgetToDate, nf: E, s: style },
      { f: realised.f, r: l.realisedToDate, nf: E, s: style },
      { f: voordeel ? `ROUND(${C(3)}-${C(4)},2)` : `ROUND(${C(4)}-${C(3)},2)`, r: round2(sign * l.difference), nf: E, s: style },
      { f: `IF(${C(3)}=0,"",${C(5)}/${C(3)})`, r: l.differenceRate === null ? "" : sign * l.differenceRate, nf: FORMATS.percent, s: style },
      {
        f: `IF(OR(ABS(${C(5)})>=${params.varianceThresholdAmount},IF(${C(3)}=0,FALSE(),ABS(${C(5)}/${C(3)})>=${params.varianceThresholdRate})),"Ja","Nee")`,
        r: l.explanationRequired ? "Ja" : "Nee",
        s: style,
      },
      { v: ctx.carried.get(`${ctx.names.finance}|${name}|8`) ?? "", wrap: true, s: "input" },
    );
    sb.allowEditing(row, 8);
  }
  const last = sb.row - 1;
  sb.highlight(`G${first}:G${last}`, `G${first}="Ja"`, "attention");
  // colour means the same whatever the sign: nadeel red, voordeel green
  sb.highlight(`E${first}:F${last}`, voordeel ? `$E${first}<0` : `$E${first}>0`, "bad");
  sb.highlight(`E${first}:F${last}`, voordeel ? `$E${first}>0` : `$E${first}<0`, "good");
  const totalRealised = sb.ref(last, 4);
  sb.line({ v: `Verschil: ${voordeel ? "begroot min gerealiseerd, dus positief = voordeel (minder uitgegeven dan begroot)" : "gerealiseerd min begroot, dus positief = nadeel (meer uitgegeven dan begroot)"}; rood = nadeel, groen = voordeel (instelling 'Verschil positief' op Instellingen).`, s: "note" });
  sb.line({ v: `Toelichting vereist bij een verschil van ten minste het drempelbedrag of het drempelpercentage (Instellingen). Vul de kolom Toelichting zelf in.`, s: "note" });
  sb.chart({
    kind: "column", title: `Begroot en gerealiseerd t/m ${MONTH_NAMES[n - 1]}`, categories: `A${first}:A${last - 1}`,
    series: [{ name: "Begroot", values: `C${first}:C${last - 1}` }, { name: "Gerealiseerd", values: `D${first}:D${last - 1}` }],
    anchor: "J8", width: 520, height: 300,
  });

  sb.section("Jaarbudget, prognose en plafond");
  const f = results.forecast;
  const line = (label: string, ref: CellRef, value: number, total?: boolean) =>
    sb.line({ v: label, s: total ? "total" : "label" }, { f: ref, r: value, nf: E, s: total ? "total" : undefined });
  line("Plafond formatieve kosten", budget.ceiling, results.ceiling.ceiling);
  line("Totaal budget P&C", budget.totalBudget, results.ceiling.totalBudget);
  const roomRow = forecastMethods(ctx, sb, forecast);
  const extraRow = line("Meerkosten voor opdrachtgever", forecast.extra, f.extraCostForClient, true);
  const sheetRefs: FinanceSheetRefs = { totalRealised, room: sb.ref(roomRow, 2), extra: sb.ref(extraRow, 2) };

  sb.section("Verzuimvervanging en het plafond");
  if (inputs.sickLeave === null) sb.line({ v: "geen gegevens (blad Verzuim ontbreekt)", s: "note" });
  else if (f.cases.length === 0) sb.line({ v: "geen verzuimdossiers", s: "note" });
  else {
    sb.header("Dossier", "Pakket", "Soort", "Kosten dossier", "Vereist besluit", "Vastgelegd besluit", "Meerkosten", "Adviesnota ontbreekt");
    const cFirst = sb.row;
    f.cases.forEach((o, i) => {
      const k = forecast.cases[i];
      sb.line(
        { f: k.caseId, r: o.case.caseId },
        { f: k.service, r: o.case.service ?? "" },
        { f: k.kind, r: o.case.kind },
        { f: k.cost, r: o.caseCost, nf: E },
        { f: k.required, r: o.requiredDecision },
        { f: k.decision, r: o.case.decision },
        { f: k.extra, r: o.extraCost, nf: E },
        { f: k.missing, r: o.adviceNoteMissing ? "Ja" : "Nee" },
      );
    });
    const cLast = sb.row - 1;
    sb.highlight(`H${cFirst}:H${cLast}`, `H${cFirst}="Ja"`, "bad");
    sb.line({ v: "Bij 'Adviesnota ontbreekt = Ja' gaat een adviesnota naar de gemeentesecretaris van de opdrachtgever; de meerkosten zijn voor de opdrachtgever.", s: "note" });
  }

  sb.section("Gerealiseerd per maand per categorie, met cumulatieve formatieve kosten tegen het plafond naar rato");
  sb.header("Maand", ...COST_CATEGORIES, "Totaal", "Formatieve kosten cumulatief", "Plafond naar rato");
  const { amount: amt, category: cat, month } = refs.ledger;
  const gFirst = sb.row;
  let cum = 0;
  for (let m = 1; m <= 12; m++) {
    const row = sb.row;
    const values = COST_CATEGORIES.map((c) => results.realisedByMonth[c][m - 1]);
    const cells: PlanCell[] = [{ v: MONTH_NAMES[m - 1] }];
    COST_CATEGORIES.forEach((c, i) => cells.push({ f: `ROUND(SUMIFS(${amt},${cat},${str(c)},${month},${m}),2)`, r: values[i], nf: E }));
    cells.push({ f: `ROUND(SUM(${cellRef(row, 2)}:${cellRef(row, 6)}),2)`, r: round2(values.reduce((a, b) => a + b, 0)), nf: E });
    if (m <= n) {
      // formatieve kosten = Loonkosten + Vervanging (columns B and C)
      cum = round2(cum + round2(values[0] + values[1]));
      cells.push(
        { f: m === 1 ? `ROUND(${cellRef(row, 2)}+${cellRef(row, 3)},2)` : `ROUND(${cellRef(row - 1, 8)}+${cellRef(row, 2)}+${cellRef(row, 3)},2)`, r: cum, nf: E },
        { f: `ROUND(${budget.ceiling}*${m}/12,2)`, r: round2((results.ceiling.ceiling * m) / 12), nf: E },
      );
    }
    sb.line(...cells);
  }
  const gLast = sb.row - 1;
  const yearTotals = COST_CATEGORIES.map((c) => round2(results.realisedByMonth[c].reduce((a, b) => a + b, 0)));
  sb.line({ v: "Totaal jaar", s: "total" },
    ...COST_CATEGORIES.map((_, i): PlanCell => ({ f: `ROUND(SUM(${cellRef(gFirst, i + 2)}:${cellRef(gLast, i + 2)}),2)`, r: yearTotals[i], nf: E, s: "total" })),
    { f: `ROUND(SUM(${cellRef(gFirst, 7)}:${cellRef(gLast, 7)}),2)`, r: round2(yearTotals.reduce((a, b) => a + b, 0)), nf: E, s: "total" });
  sb.line({ v: `Boekingen na ${MONTH_NAMES[n - 1]} staan in de maandtabel, maar tellen niet mee in de cijfers t/m de rapportagemaand.`, s: "note" });
  sb.chart({
    kind: "line", title: "Cumulatieve formatieve kosten tegen het plafond naar rato", categories: `A${gFirst}:A${gFirst + n - 1}`,
    series: [{ name: "Formatieve kosten cumulatief", values: `H${gFirst}:H${gFirst + n - 1}` }, { name: "Plafond naar rato", values: `I${gFirst}:I${gFirst + n - 1}` }],
    anchor: `K${gFirst - 1}`, width: 520, height: 300,
  });
  return { sheet: sb, refs: sheetRefs };
}

/**
 * Both forecasts side by side (docs/rekenregels.md §5), a line of explanation each, and the room of the
 * method the setting Prognosemethode chooses. Returns the row of that room.
 */
function forecastMethods(ctx: BuildContext, sb: SheetBuilder, forecast: ForecastRefs): number {
  const f = ctx.results.forecast;
  const lin = f.byMethod?.lineair, bez = f.byMethod?.bezetting;
  if (!lin || !bez) throw new Error("report: forecast without both methods");
  const n = ctx.inputs.settings.reportMonth;
  sb.header("Prognose", "Lineair", "Bezetting");
  const rows: Array<[string, keyof MethodRefs, number, number, boolean?]> = [
    ["Prognose loonkosten", "salary", lin.salaryForecast, bez.salaryForecast],
    ["Prognose vervanging", "replacement", lin.replacementForecast, bez.replacementForecast],
    ["Prognose formatieve kosten", "formation", lin.formationCostForecast, bez.formationCostForecast],
    ["Ruimte onder plafond", "room", lin.roomUnderCeiling, bez.roomUnderCeiling, true],
    ["Prognose opleiding (buiten het plafond)", "training", lin.trainingForecast, bez.trainingForecast],
  ];
  for (const [label, key, vl, vb, total] of rows) {
    const style = total ? ("total" as const) : undefined;
    const row = sb.line({ v: label, s: style ?? "label" },
      { f: forecast.byMethod.lineair[key], r: vl, nf: E, s: style }, { f: forecast.byMethod.bezetting[key], r: vb, nf: E, s: style });
    if (total) sb.highlight(`B${row}:C${row}`, `B${row}<0`, "bad");
  }
  const through = MONTH_NAMES[n - 1];
  sb.line({ v: `Lineair: de geboekte loonkosten t/m ${through} doorgetrokken naar twaalf maanden (× 12 / ${n}), plus per verzuimdossier het hoogste van geboekt en verwacht.`, s: "note" });
  sb.line({ v: `Bezetting: geboekt t/m ${through}, plus de loonkosten van de laatste drie maanden doorgetrokken tegen de cao-tabel van elke volgende maand, de gedateerde formatiewijzigingen, de resterende ramingen van open verzuimdossiers en de geplande opleiding.`, s: "note" });
  const method = f.method ?? "bezetting";
  const room = sb.line({ v: "Ruimte onder plafond (Prognosemethode)", s: "total" }, { f: forecast.room, r: f.roomUnderCeiling, nf: E, s: "total" },
    { f: `"volgens "&${forecast.method}&"; negatief = plafond overschreden (nadeel)"`, r: `volgens ${method}; negatief = plafond overschreden (nadeel)`, s: "note" });
  sb.highlight(`B${room}`, `B${room}<0`, "bad");
  return room;
}

/**
 * 6.5 of a year without realisation yet (a new year's workbook): the year's budget as agreed in the addendum,
 * and nothing else — no variance against zero months, no forecast, no sick-leave chain, no month table.
 */
function financeWithoutRealisation(ctx: BuildContext, sb: SheetBuilder, budget: BudgetRefs): SheetBuilder {
  const { inputs, results } = ctx;
  const c = results.ceiling;
  sb.section(`Jaarbudget ${inputs.settings.year} (addendum)`);
  sb.header("Regel", "Jaarbudget");
  const lines: Array<[string, CellRef, number, boolean?]> = [
    ["Plafond formatieve kosten", budget.ceiling, c.ceiling],
    ["Opleiding", budget.training, c.trainingBudget],
    ["Aanvullende dienstverlening", budget.additional, c.additionalServicesBudget],
    ["Overhead", budget.overhead, c.overhead],
    ["Totaal budget P&C", budget.totalBudget, c.totalBudget, true],
  ];
  for (const [label, ref, value, total] of lines) {
    const style = total ? ("total" as const) : undefined;
    sb.line({ v: label, s: style ?? "label" }, { f: ref, r: value, nf: E, s: style });
  }
  sb.section("Begroot en gerealiseerd, prognose en ruimte onder het plafond");
  sb.line({ v: "nog geen realisatie: geen vergelijking met de begroting en geen prognose (die volgen zodra de eerste maand is geboekt)", s: "note" });
  sb.section("Verzuimvervanging en het plafond");
  const open = inputs.sickLeave?.length ?? 0;
  sb.line({
    v: inputs.sickLeave === null ? "geen gegevens (blad Verzuim ontbreekt)"
      : open === 0 ? "geen verzuimdossiers"
      : `${open} ${open === 1 ? "verzuimdossier staat" : "verzuimdossiers staan"} op Verzuim; ze worden tegen het plafond beoordeeld zodra er een prognose is (nog geen realisatie).`,
    s: "note",
  });
  return sb;
}
