/**
 * The Verschilanalyse on `Addendum <jaar>` (issue 12 §3), whenever the workbook holds last year's addendum
 * as a record (`Vorig addendum`, written by `next-year`): why the ceiling moves — formation, cao, parameters
 * (domain/comparison.ts) — the budget lines and the packages side by side, and a chart of the bridge.
 * Every figure is a live formula; the intermediate steps are rows of Berekening. Also: which salary tables
 * in use are estimates (Status `raming`).
 */
import { computeComparison, type Comparison, type FormationPoint } from "../domain/comparison";
import { dutchDate, MONTH_SHORT, isoDate } from "../domain/dates";
import { salaryRowsUsed } from "../domain/fingerprint";
import { round2 } from "../domain/money";
import type { ScaleCost } from "../domain/salary";
import { SERVICE_CODES, type ServiceCode } from "../domain/types";
import { readPrevious, type PreviousAddendum } from "../input/previous";
import { cellRef, rangeRef, sheetRef, str } from "./a1";
import { scaleOrder } from "./calculation/salary";
import type { BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import type { AddendumFormationRefs, BudgetRefs, ParamRefs, SalaryRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

const E = FORMATS.euro;

/** What the Verschilanalyse reads: Berekening's parameters and salary table, the Addendum's formation and budget. */
export interface ComparisonRefs {
  params: ParamRefs;
  salary: SalaryRefs;
  formation: AddendumFormationRefs;
  budget: BudgetRefs;
}

/** The Addendum's part of the yearly cycle: the estimates note, and the Verschilanalyse when there is a record. */
export function comparisonSection(ctx: BuildContext, sb: SheetBuilder, calc: SheetBuilder, addendumRows: Map<number, number>, refs: ComparisonRefs): void {
  estimatesNote(ctx, sb);
  // its problems are the contract's (input/parse.ts, previousProblems): already in ctx.problems
  const { record } = readPrevious(ctx.grids);
  if (!record) return;
  const year = ctx.inputs.settings.year;
  if (record.year.value !== year - 1) {
    sb.section("Verschilanalyse");
    sb.line({ v: `Het blad '${record.sheet}' bevat het addendum van ${record.year.value}, niet van ${year - 1}: geen verschilanalyse.`, s: "note" });
    return;
  }
  const previous = {
    year: record.year.value,
    formation: record.formation.map((f): FormationPoint => ({ scale: f.scale, fte: f.fte, service: f.service })),
    parameters: { ikbRate: record.parameters.ikbRate.value, employerChargesRate: record.parameters.employerChargesRate.value },
    ceiling: record.totals.ceiling.value,
  };
  const lines = ctx.results.ceiling.lines;
  const s = ctx.inputs.settings;
  const { comparison, missing } = computeComparison(
    ctx.inputs.salaryTable, year, lines.map((l) => ({ scale: l.formation.scale, fte: l.formation.fte, service: l.formation.service })),
    { ikbRate: s.ikbRate, employerChargesRate: s.employerChargesRate }, ctx.results.ceiling.ceiling, previous,
  );
  sb.section(`Verschilanalyse: van het plafond ${year - 1} naar ${year}`);
  if (!comparison) {
    const m = missing[0];
    sb.line({ v: `Geen verschilanalyse: de Salaristabel heeft voor schaal ${m.scale} geen maximum in ${m.month}-${year - 1}. Voeg de tabellen van ${year - 1} toe (dvo-addendum next-year neemt ze over).`, s: "warning" });
    ctx.problems.push({ severity: "waarschuwing", code: "comparison-incomplete", sheet: sb.name, cell: "A1", message: `Geen verschilanalyse met ${year - 1}: de Salaristabel heeft voor schaal ${m.scale} geen maximum dat geldt in ${MONTH_SHORT[m.month - 1]} ${year - 1}. Voeg de salaristabellen van ${year - 1} toe.` });
    return;
  }
  const k = calculationRows(ctx, calc, record, comparison, addendumRows, refs);
  bridge(ctx, sb, record, comparison, k);
  budgetLines(ctx, sb, record, refs.budget);
  packages(ctx, sb, record, refs.formation);
}

function estimatesNote(ctx: BuildContext, sb: SheetBuilder): void {
  const estimated = salaryRowsUsed(ctx.inputs).filter((r) => r.status === "raming");
  if (estimated.length === 0) return;
  const dates = [...new Set(estimated.map((r) => isoDate(r.effective)))].sort();
  const shown = dates.map((d) => dutchDate(estimated.find((r) => isoDate(r.effective) === d)!.effective));
  sb.section("Geraamde salaristabellen");
  sb.line({ v: `Dit addendum rekent met een geraamde cao-verhoging (Status 'raming' op de Salaristabel) per ${shown.join(", ")}: de officiële tabellen waren nog niet bekend. Vervang ze door de officiële bedragen zodra die er zijn.`, s: "warning", wrap: true });
  sb.spanToEnd(sb.row - 1, 1);
}

interface CalcRefs {
  p00: string; p10: string; p11: string; ceiling: string; recorded: string;
  formation: string; cao: string; parameter: string; recalculation: string; change: string;
}

/** The Berekening rows: K per scale for (Y−1, p₀) and (Y, p₀), the formation lines at each, the totals. */
function calculationRows(ctx: BuildContext, calc: SheetBuilder, record: PreviousAddendum, cmp: Comparison, addendumRows: Map<number, number>, refs: ComparisonRefs): CalcRefs {
  const y0 = cmp.previousYear;
  const recRef = (row: number, col: number) => sheetRef(record.sheet, row, col, true);
  const { date: sDate, scale: sScale, maximum: sMax } = refs.salary;

  calc.section(`Verschilanalyse: parameters van het vorige addendum (${record.sheet})`);
  calc.header("Parameter", "Waarde");
  const yRow = calc.line({ v: "Jaar vorig addendum", s: "label" }, { f: recRef(record.year.row, record.year.col), r: y0, nf: "0" });
  const iRow = calc.line({ v: "IKB-percentage vorig jaar", s: "label" }, { f: recRef(record.parameters.ikbRate.row, record.parameters.ikbRate.col), r: record.parameters.ikbRate.value, nf: FORMATS.percent });
  const wRow = calc.line({ v: "Werkgeverslastenpercentage vorig jaar", s: "label" },
    { f: recRef(record.parameters.employerChargesRate.row, record.parameters.employerChargesRate.col), r: record.parameters.employerChargesRate.value, nf: FORMATS.percent });
  const yPrev = calc.ref(yRow, 2), ikb0 = calc.ref(iRow, 2), wg0 = calc.ref(wRow, 2);

  const scales = [...new Set([...cmp.costs.previousYear.keys(), ...cmp.costs.thisYear.keys()])].sort(scaleOrder);
  const variant = (title: string, yearExpr: string, yearValue: number, costs: Map<string, ScaleCost>): { labels: string; K: string } => {
    calc.section(title);
    calc.header("Schaal", "Jaar", ...MONTH_SHORT, "Jaarsalaris (som van de maanden)", "IKB", "Werkgeverslasten", "Kosten per fte");
    const first = calc.row;
    for (const scale of scales) {
      const cost = costs.get(scale);
      if (!cost) continue;
      const row = calc.row;
      const A = cellRef(row, 1, false), B = cellRef(row, 2, false);
      const cells: PlanCell[] = [{ v: scale, nf: FORMATS.text, align: "center" }, { f: yearExpr, r: yearValue, nf: "0" }];
      for (let m = 1; m <= 12; m++) {
        const inForce = `MAXIFS(${sDate},${sScale},${A},${sDate},"<="&(DATE(${B},${m + 1},1)-1))`;
        cells.push({ f: `SUMIFS(${sMax},${sScale},${A},${sDate},${inForce})`, r: cost.monthly[m - 1].maximum, nf: E });
      }
      const S = cellRef(row, 15), I = cellRef(row, 16), W = cellRef(row, 17);
      cells.push(
        { f: `SUM(${cellRef(row, 3)}:${cellRef(row, 14)})`, r: cost.annualSalary, nf: E },
        { f: `${S}*${ikb0}`, r: cost.ikb, nf: E },
        { f: `(${S}+${I})*${wg0}`, r: cost.employerCharges, nf: E },
        { f: `${S}+${I}+${W}`, r: cost.costPerFte, nf: E },
      );
      calc.line(...cells);
    }
    // one blank row further: Gnumeric 1.12 gives #REF! for INDEX over a single cell (one scale)
    const last = calc.row - 1 + 1;
    return { labels: rangeRef(calc.name, 1, first, last), K: rangeRef(calc.name, 18, first, last) };
  };
  const kPrev = variant(`Verschilanalyse: kosten per fte in ${y0} met de parameters van ${y0}`, yPrev, y0, cmp.costs.previousYear);
  const kThis = variant(`Verschilanalyse: kosten per fte in ${cmp.year} met de parameters van ${y0}`, refs.params.year, cmp.year, cmp.costs.thisYear);
  const K = (k: { labels: string; K: string }, scaleCell: string) => `INDEX(${k.K},MATCH(${scaleCell},${k.labels},0))`;

  calc.section(`Verschilanalyse: formatie ${y0} (vastgelegd) met de tabellen en parameters van ${y0}`);
  calc.header("Functie", "Schaal", "Fte", "Kosten per fte", "Plafondbedrag");
  const f0First = calc.row;
  record.formation.forEach((f, i) => {
    const row = calc.row;
    const kc = cmp.costs.previousYear.get(f.scale);
    calc.line(
      { f: recRef(f.row, record.columns.Naam), r: f.functionName },
      { f: `UPPER(TRIM(${recRef(f.row, record.columns.Schaal)}&""))`, r: f.scale, nf: FORMATS.text, align: "center" },
      { f: recRef(f.row, record.columns.Fte), r: f.fte, nf: FORMATS.fte },
      { f: K(kPrev, cellRef(row, 2)), r: kc?.costPerFte ?? 0, nf: E },
      { f: `ROUND(${cellRef(row, 3)}*${cellRef(row, 4)},2)`, r: cmp.lines.f0[i], nf: E },
    );
  });
  const f0Last = calc.row - 1;
  const p00 = calc.line({ v: `P(formatie ${y0}, ${y0}, parameters ${y0})`, s: "total" }, undefined, undefined, undefined,
    { f: `SUM(${cellRef(f0First, 5)}:${cellRef(f0Last, 5)})`, r: cmp.p00, nf: E, s: "total" });

  calc.section(`Verschilanalyse: formatie ${cmp.year} met de tabellen van ${y0} en ${cmp.year}, parameters van ${y0}`);
  calc.header("Functie", "Schaal", "Fte", `Kosten per fte ${y0}`, `Plafondbedrag ${y0}`, `Kosten per fte ${cmp.year}`, `Plafondbedrag ${cmp.year}`);
  const f1First = calc.row;
  ctx.results.ceiling.lines.forEach((l, i) => {
    const row = calc.row;
    const aRow = addendumRows.get(l.formation.row);
    if (aRow === undefined) return;
    calc.line(
      { v: l.formation.functionName },
      { f: sheetRef(ctx.names.addendum, aRow, 3, false), r: l.formation.scale, nf: FORMATS.text, align: "center" },
      { f: sheetRef(ctx.names.addendum, aRow, 4, false), r: l.formation.fte, nf: FORMATS.fte },
      { f: K(kPrev, cellRef(row, 2)), r: cmp.costs.previousYear.get(l.formation.scale)?.costPerFte ?? 0, nf: E },
      { f: `ROUND(${cellRef(row, 3)}*${cellRef(row, 4)},2)`, r: cmp.lines.f1Previous[i], nf: E },
      { f: K(kThis, cellRef(row, 2)), r: cmp.costs.thisYear.get(l.formation.scale)?.costPerFte ?? 0, nf: E },
      { f: `ROUND(${cellRef(row, 3)}*${cellRef(row, 6)},2)`, r: cmp.lines.f1[i], nf: E },
    );
  });
  const f1Last = calc.row - 1;
  const totals = calc.line({ v: `P(formatie ${cmp.year}, ${y0} resp. ${cmp.year}, parameters ${y0})`, s: "total" }, undefined, undefined, undefined,
    { f: `SUM(${cellRef(f1First, 5)}:${cellRef(f1Last, 5)})`, r: cmp.p10, nf: E, s: "total" }, undefined,
    { f: `SUM(${cellRef(f1First, 7)}:${cellRef(f1Last, 7)})`, r: cmp.p11, nf: E, s: "total" });

  calc.section("Verschilanalyse: de brug");
  calc.header("Stap", "Bedrag");
  const at = (row: number) => calc.ref(row, 2);
  const rec = calc.line({ v: `Plafond ${y0} volgens het vastgelegde addendum`, s: "label" }, { f: recRef(record.totals.ceiling.row, record.totals.ceiling.col), r: record.totals.ceiling.value, nf: E });
  const a = calc.line({ v: `P(formatie ${y0}, ${y0}, parameters ${y0})`, s: "label" }, { f: calc.ref(p00, 5), r: cmp.p00, nf: E });
  const b = calc.line({ v: `P(formatie ${cmp.year}, ${y0}, parameters ${y0})`, s: "label" }, { f: calc.ref(totals, 5), r: cmp.p10, nf: E });
  const c = calc.line({ v: `P(formatie ${cmp.year}, ${cmp.year}, parameters ${y0})`, s: "label" }, { f: calc.ref(totals, 7), r: cmp.p11, nf: E });
  const d = calc.line({ v: `Plafond ${cmp.year} = P(formatie ${cmp.year}, ${cmp.year}, parameters ${cmp.year})`, s: "label" }, { f: refs.budget.ceiling, r: cmp.ceiling, nf: E });
  const rc = calc.line({ v: "Verschil door gewijzigde salaristabel sinds vastlegging", s: "label" }, { f: `ROUND(${at(a)}-${at(rec)},2)`, r: cmp.recalculationDifference, nf: E });
  const fe = calc.line({ v: "Formatie-effect", s: "label" }, { f: `ROUND(${at(b)}-${at(a)},2)`, r: cmp.formationEffect, nf: E });
  const ce = calc.line({ v: "Cao-effect jaar op jaar", s: "label" }, { f: `ROUND(${at(c)}-${at(b)},2)`, r: cmp.caoEffect, nf: E });
  const pe = calc.line({ v: "Parameter-effect", s: "label" }, { f: `ROUND(${at(d)}-${at(c)},2)`, r: cmp.parameterEffect, nf: E });
  const ch = calc.line({ v: "Verandering plafond", s: "total" }, { f: `ROUND(${at(d)}-${at(rec)},2)`, r: cmp.change, nf: E, s: "total" });
  return {
    p00: at(a), p10: at(b), p11: at(c), ceiling: at(d), recorded: at(rec),
    formation: at(fe), cao: at(ce), parameter: at(pe), recalculation: at(rc), change: at(ch),
  };
}

function bridge(ctx: BuildContext, sb: SheetBuilder, record: PreviousAddendum, cmp: Comparison, k: CalcRefs): void {
  const y0 = cmp.previousYear;
  sb.header("Stap", "Bedrag");
  const first = sb.row;
  sb.line({ v: `Plafond ${y0}`, s: "label" }, { f: k.recorded, r: record.totals.ceiling.value, nf: E },
    { v: `het vastgelegde addendum ${y0} (blad '${record.sheet}', status ${record.signOff.status ?? "onbekend"})`, s: "note" });
  if (cmp.recalculationDifference !== 0) {
    sb.line({ v: `Tabellen ${y0} gewijzigd`, s: "label" }, { f: k.recalculation, r: cmp.recalculationDifference, nf: E },
      { v: `verschil door een gewijzigde salaristabel ${y0} sinds het addendum werd vastgelegd`, s: "note" });
  }
  sb.line({ v: "Formatie-effect", s: "label" }, { f: k.formation, r: cmp.formationEffect, nf: E }, { v: "de formatie van dit jaar tegen de tabellen en parameters van vorig jaar", s: "note" });
  sb.line({ v: "Cao-effect jaar op jaar", s: "label" }, { f: k.cao, r: cmp.caoEffect, nf: E }, { v: "de salaristabellen van dit jaar in plaats van die van vorig jaar", s: "note" });
  sb.line({ v: "Parameter-effect", s: "label" }, { f: k.parameter, r: cmp.parameterEffect, nf: E }, { v: "het IKB- en werkgeverslastenpercentage van dit jaar", s: "note" });
  const end = sb.line({ v: `Plafond ${cmp.year}`, s: "total" }, { f: k.ceiling, r: cmp.ceiling, nf: E, s: "total" });
  const ch = sb.line({ v: `Verandering plafond ${y0} → ${cmp.year}`, s: "total" }, { f: k.change, r: cmp.change, nf: E, s: "total" });
  const check = sb.line({ v: "De stappen tellen op tot de verandering", s: "label" },
    { f: `IF(ROUND(SUM(${cellRef(first + 1, 2)}:${cellRef(end - 1, 2)})-${cellRef(ch, 2)},2)=0,"Ja","Nee")`, r: "Ja" });
  void check;
  sb.line({ v: "De cao-afspraak met de opdrachtgever (SLA) gaat over het cao-effect jaar op jaar; het cao-effect hierboven (januaritabel) is het effect binnen het jaar.", s: "note" });
  // the steps of the bridge (the two plafonds would dwarf them), below the table so nothing covers a figure
  const at = sb.row;
  sb.blank(15);
  sb.chart({
    kind: "column", title: `Van plafond ${y0} naar ${cmp.year}: de stappen`, categories: `A${first + 1}:A${end - 1}`,
    series: [{ name: "Bedrag", values: `B${first + 1}:B${end - 1}` }],
    anchor: `A${at}`, width: 560, height: 280,
  });
}

function budgetLines(ctx: BuildContext, sb: SheetBuilder, record: PreviousAddendum, budget: BudgetRefs): void {
  const y0 = record.year.value;
  const c = ctx.results.ceiling;
  sb.section(`Budget P&C: ${y0} en ${ctx.inputs.settings.year}`);
  sb.header("Post", String(y0), String(ctx.inputs.settings.year), "Verschil");
  const rows: Array<[string, keyof PreviousAddendum["totals"], string, number]> = [
    ["Plafond formatieve kosten", "ceiling", budget.ceiling, c.ceiling],
    ["Overhead", "overhead", budget.overhead, c.overhead],
    ["Opleidingskosten", "trainingBudget", budget.training, c.trainingBudget],
    ["Budget aanvullende dienstverlening", "additionalServicesBudget", budget.additional, c.additionalServicesBudget],
    ["Totaal budget P&C", "totalBudget", budget.totalBudget, c.totalBudget],
  ];
  for (const [label, key, now, value] of rows) {
    const r = sb.row;
    const prev = record.totals[key];
    const total = key === "totalBudget";
    sb.line({ v: label, s: total ? "total" : "label" },
      { f: sheetRef(record.sheet, prev.row, prev.col, true), r: prev.value, nf: E, s: total ? "total" : undefined },
      { f: now, r: value, nf: E, s: total ? "total" : undefined },
      { f: `ROUND(${cellRef(r, 3)}-${cellRef(r, 2)},2)`, r: round2(value - prev.value), nf: E, s: total ? "total" : undefined });
  }
}

function packages(ctx: BuildContext, sb: SheetBuilder, record: PreviousAddendum, formation: AddendumFormationRefs): void {
  const y0 = record.year.value;
  const y1 = ctx.inputs.settings.year;
  const lines = ctx.results.ceiling.lines;
  const services = SERVICE_CODES.filter((p) => record.formation.some((f) => f.service === p) || lines.some((l) => l.formation.service === p));
  const rows = record.formation.map((f) => f.row);
  const from = Math.min(...rows), to = Math.max(...rows);
  const col = (c: number) => rangeRef(record.sheet, c, from, to);
  const kind = col(record.columns.Soort), service = col(record.columns.Pakket), fte = col(record.columns.Fte), amount = col(record.columns.Waarde);
  sb.section(`Per pakket: ${y0} en ${y1}`);
  sb.header("Pakket", `Fte ${y0}`, `Fte ${y1}`, "Verschil fte", `Plafondbedrag ${y0}`, `Plafondbedrag ${y1}`, "Verschil");
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
  for (const p of services as ServiceCode[]) {
    const r = sb.row;
    const prev = record.formation.filter((f) => f.service === p);
    const now = lines.filter((l) => l.formation.service === p);
    const fte0 = sum(prev, (f) => f.fte), fte1 = sum(now, (l) => l.formation.fte);
    const amt0 = round2(sum(prev, (f) => f.ceilingAmount)), amt1 = round2(sum(now, (l) => l.ceilingAmount));
    sb.line({ v: p },
      { f: `SUMIFS(${fte},${kind},"Formatie",${service},${str(p)})`, r: fte0, nf: FORMATS.fte },
      { f: `SUMIF(${formation.service},${str(p)},${formation.fte})`, r: fte1, nf: FORMATS.fte },
      { f: `ROUND(${cellRef(r, 3)}-${cellRef(r, 2)},4)`, r: Math.round((fte1 - fte0) * 1e4) / 1e4, nf: FORMATS.fte },
      { f: `ROUND(SUMIFS(${amount},${kind},"Formatie",${service},${str(p)}),2)`, r: amt0, nf: E },
      { f: `ROUND(SUMIF(${formation.service},${str(p)},${formation.ceiling}),2)`, r: amt1, nf: E },
      { f: `ROUND(${cellRef(r, 6)}-${cellRef(r, 5)},2)`, r: round2(amt1 - amt0), nf: E });
  }
}

