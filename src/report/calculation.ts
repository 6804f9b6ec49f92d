/**
 * The visible `Berekening` sheet (docs/gebruikershandleiding.md): every intermediate value the report's formulas need — the
 * parameters, the salary in force per scale and month, each input row normalised (month number from a
 * date, trimmed labels), and the running ceiling total per sick-leave case — so that every chain of
 * formulas can be followed from a report figure back to the input cells.
 *
 * Built in two phases: `calculationInputs` before the Addendum (which looks up cost per fte here), and
 * `calculationFinance` after it (which needs the Addendum's ceiling).
 */
import { MONTH_SHORT, toExcelSerial } from "../domain/dates";
import { SETTING_LABELS, type InputSheetKey } from "../domain/glossary";
import { round2 } from "../domain/money";
import { rowInForce } from "../domain/salary";
import { caseOpen } from "../domain/occupancy-forecast";
import { COST_CATEGORIES, type Settings, type SickLeaveCase } from "../domain/types";
import { cellRef, quoteSheet, rangeRef, sheetRef, str } from "./a1";
import { forecastSalaries, forecastTotals } from "./calculation-forecast";
import { dateCell, excelTrim, formOf, hasColumn, inputRef, monthCell, numberCell, rawInput, ref, trimmedText, type BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import { ledgerMapBlock, ledgerRowCells } from "./ledger-export";
import type { SheetBuilder } from "./sheet";
import { noRealisationNotice } from "./title";

const E = FORMATS.euro;

/** Register absolute ranges of a block column: key → Berekening!$C$10:$C$20 */
function registerColumn(ctx: BuildContext, sb: SheetBuilder, key: string, col: number, from: number, to: number): void {
  ctx.refs.set(key, rangeRef(sb.name, col, from, to));
}

const PARAMS: Array<{ key: keyof Settings; nf?: string }> = [
  { key: "year", nf: "0" },
  { key: "reportMonth", nf: "0" },
  { key: "overheadRate", nf: FORMATS.percent },
  { key: "ikbRate", nf: FORMATS.percent },
  { key: "employerChargesRate", nf: FORMATS.percent },
  { key: "trainingBudget", nf: E },
  { key: "additionalServicesBudget", nf: E },
  { key: "varianceThresholdAmount", nf: E },
  { key: "varianceThresholdRate", nf: FORMATS.percent },
  { key: "slaVersion", nf: "0" },
];

export function calculationInputs(ctx: BuildContext, sb: SheetBuilder): void {
  const { inputs } = ctx;
  const s = inputs.settings;
  sb.line({ v: "Berekening", s: "title" });
  sb.line({ v: "Tussenstappen van de rapportformules. Dit blad wordt bij elke rapportage opnieuw gemaakt; wijzig de invoerbladen, niet dit blad.", s: "note" });
  sb.widthsFrom([20, ...new Array<number>(16).fill(10)]);

  // Parameters
  sb.section("Parameters (Instellingen)");
  sb.header("Parameter", "Waarde", "Bron");
  for (const p of PARAMS) {
    const cell = ctx.layout.settingCells[p.key];
    const value = s[p.key] as number;
    let c: PlanCell;
    let source: string;
    if (cell) {
      const r = sheetRef(cell.sheet, cell.row, cell.col, false);
      c = p.key === "slaVersion" ? { f: `VALUE(${r}&"")`, r: value, nf: p.nf } : { f: r, r: value, nf: p.nf };
      source = `${cell.sheet}!${cellRef(cell.row, cell.col)}`;
    } else {
      c = { v: value, nf: p.nf };
      source = p.key === "reportMonth" && ctx.layout.chosen?.reportMonth
        ? "gekozen in het taakvenster voor deze rapportage (Instellingen blijft ongewijzigd)"
        : "standaardwaarde (niet ingevuld op Instellingen)";
    }
    const row = sb.line({ v: SETTING_LABELS[p.key], s: "label" }, c, { v: source, s: "note" });
    ctx.refs.set(`param.${p.key}`, sb.ref(row, 2));
  }

  // Salaristabel, normalised
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
  const sDate = rangeRef(sb.name, 2, first, last);
  const sScale = rangeRef(sb.name, 3, first, last);
  const sMax = rangeRef(sb.name, 4, first, last);
  ctx.refs.set("salary.date", sDate);
  ctx.refs.set("salary.scale", sScale);
  ctx.refs.set("salary.maximum", sMax);

  // Salary in force per scale and month (RULES §1) and cost per fte (§2)
  const scales = [...ctx.results.ceiling.scales.keys()].sort(scaleOrder);
  const year = ref(ctx, "param.year");
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
  const ikb = ref(ctx, "param.ikbRate");
  const wg = ref(ctx, "param.employerChargesRate");
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
  registerColumn(ctx, sb, "scale.labels", 1, mFirst, mLast);
  registerColumn(ctx, sb, "scale.S", 14, mFirst, mLast);
  ctx.refs.set("scale.monthly", `${quoteSheet(sb.name)}!${cellRef(mFirst, 2, true)}:${cellRef(mLast, 13, true)}`);

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
  registerColumn(ctx, sb, "scaleJan.labels", 1, jFirst, jLast);
  registerColumn(ctx, sb, "scaleJan.K", 6, jFirst, jLast);

  ledgerBlock(ctx, sb);
  optionalBlocks(ctx, sb);
}

/** Realisatie, one row per booking: month number, trimmed category and dossier. */
type DirectKind = "month" | "trimmed" | "number";

/**
 * When every row of an input table is already in the form the formulas need — months as numbers 1-12,
 * labels without stray spaces (text comparisons in Excel ignore case), amounts as numbers — the formulas
 * can use the input columns themselves, and the normalised copy of each row is not needed. Returns the
 * input ranges by field, or null when a copy is needed.
 */
function directColumns(ctx: BuildContext, key: InputSheetKey, fields: Record<string, DirectKind>): Record<string, string> | null {
  const l = ctx.layout.sheets[key];
  if (!l || l.dataRows.length === 0) return null;
  for (const f of Object.keys(fields)) if (l.columns[f] === undefined) return null;
  for (const row of l.dataRows) {
    for (const [f, kind] of Object.entries(fields)) {
      const v = rawInput(ctx, key, f, row);
      if (kind === "month" && (typeof v !== "number" || formOf(ctx, key, f, row) !== "number")) return null;
      if (kind === "number" && v !== null && typeof v !== "number") return null;
      if (kind === "trimmed" && v !== null && (typeof v !== "string" || excelTrim(v) !== v || v.trim() !== v)) return null;
    }
  }
  const first = l.dataRows[0];
  const last = l.dataRows[l.dataRows.length - 1];
  return Object.fromEntries(Object.keys(fields).map((f) => [f, rangeRef(l.sheet, l.columns[f], first, last)]));
}

function directNote(sb: SheetBuilder, sheet: string): void {
  sb.line({ v: `De formules rekenen rechtstreeks met de kolommen van het blad ${sheet}: de invoer staat daar al in de vorm die ze nodig hebben (maand als getal 1-12, waarden zonder extra spaties).`, s: "note" });
}

function ledgerBlock(ctx: BuildContext, sb: SheetBuilder): void {
  const direct = directColumns(ctx, "ledger", { month: "month", category: "trimmed", amount: "number", caseId: "trimmed" });
  if (direct) {
    sb.section("Realisatie");
    directNote(sb, ctx.layout.sheets.ledger?.sheet ?? "Realisatie");
    for (const f of ["month", "category", "amount", "caseId"]) ctx.refs.set(`ledger.${f}`, direct[f]);
    return;
  }
  ledgerMapBlock(ctx, sb);
  sb.section("Realisatie (genormaliseerd)");
  sb.header("Bronrij", "Maand", "Categorie", "Bedrag", "Dossier");
  const first = sb.row;
  for (const l of ctx.inputs.ledger) {
    sb.line({ v: l.row }, ...ledgerRowCells(ctx, l), trimmedText(ctx, "ledger", "caseId", l.row, true));
  }
  if (ctx.inputs.ledger.length === 0) sb.line({ v: "(geen boekingen)", s: "note" }, { v: 0 }, { v: "" }, { v: 0 }, { v: "" });
  const last = sb.row - 1;
  registerColumn(ctx, sb, "ledger.month", 2, first, last);
  registerColumn(ctx, sb, "ledger.category", 3, first, last);
  registerColumn(ctx, sb, "ledger.amount", 4, first, last);
  registerColumn(ctx, sb, "ledger.caseId", 5, first, last);
}

function optionalBlocks(ctx: BuildContext, sb: SheetBuilder): void {
  const { inputs } = ctx;
  const directProducts = inputs.products ? directColumns(ctx, "products", { month: "month", service: "trimmed", product: "trimmed", count: "number" }) : null;
  if (directProducts) {
    sb.section("Producten");
    directNote(sb, ctx.layout.sheets.products?.sheet ?? "Producten");
    for (const f of ["month", "service", "product", "count"]) ctx.refs.set(`products.${f}`, directProducts[f]);
  } else if (inputs.products) {
    sb.section("Producten (genormaliseerd)");
    sb.header("Bronrij", "Maand", "Pakket", "Product", "Aantal");
    const first = sb.row;
    for (const p of inputs.products) {
      sb.line({ v: p.row }, monthCell(ctx, "products", "month", p.row, p.month), trimmedText(ctx, "products", "service", p.row),
        trimmedText(ctx, "products", "product", p.row), numberCell(ctx, "products", "count", p.row, p.count, FORMATS.count));
    }
    if (inputs.products.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: 0 }, { v: "" }, { v: "" }, { v: 0 });
    const last = sb.row - 1;
    ["month", "service", "product", "count"].forEach((k, i) => registerColumn(ctx, sb, `products.${k}`, i + 2, first, last));
  }
  if (inputs.serviceMonths) {
    const fields = ["slotsAvailable", "slotsOpen", "appointments", "walkIns", "callbacks", "callbacksOnTime", "requests", "requestsOnTime", "objections", "complaints"] as const;
    sb.section("Dienstverlening (genormaliseerd)");
    sb.header("Bronrij", "Maand", "Beschikbare plekken", "Open plekken", "Afspraken", "Vrije inloop", "Terugbelverzoeken", "Terugbelverzoeken op tijd", "Verzoeken", "Verzoeken op tijd", "Bezwaarschriften", "Klachten");
    const first = sb.row;
    for (const m of inputs.serviceMonths) {
      sb.line({ v: m.row }, monthCell(ctx, "serviceMonths", "month", m.row, m.month), ...fields.map((f) => numberCell(ctx, "serviceMonths", f, m.row, m[f], FORMATS.count)));
    }
    if (inputs.serviceMonths.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: 0 }, ...fields.map(() => ({ v: 0 })));
    const last = sb.row - 1;
    registerColumn(ctx, sb, "service.month", 2, first, last);
    fields.forEach((f, i) => registerColumn(ctx, sb, `service.${f}`, i + 3, first, last));
  }
  if (inputs.privacy) {
    sb.section("Privacy (genormaliseerd)");
    sb.header("Bronrij", "Maand", "Soort", "Aantal", "Gemeld bij AP");
    const first = sb.row;
    for (const p of inputs.privacy) {
      sb.line({ v: p.row }, monthCell(ctx, "privacy", "month", p.row, p.month), trimmedText(ctx, "privacy", "kind", p.row),
        numberCell(ctx, "privacy", "count", p.row, p.count, FORMATS.count), trimmedText(ctx, "privacy", "reported", p.row));
    }
    if (inputs.privacy.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: 0 }, { v: "" }, { v: 0 }, { v: "" });
    const last = sb.row - 1;
    ["month", "kind", "count", "reported"].forEach((k, i) => registerColumn(ctx, sb, `privacy.${k}`, i + 2, first, last));
  }
}

/** Formation rows with the January table (RULES §3 cao-effect). Needs the Addendum's scale column. */
export function calculationJanuary(ctx: BuildContext, sb: SheetBuilder, addendumRows: Map<number, number>, addendumSheet: string): void {
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
      { f: `INDEX(${ref(ctx, "scaleJan.K")},MATCH(${cellRef(row, 2)},${ref(ctx, "scaleJan.labels")},0))`, r: jan?.costPerFte ?? 0, nf: E },
      { f: `ROUND(${cellRef(row, 3)}*${cellRef(row, 4)},2)`, r: line.ceilingAmountJanuary, nf: E },
    );
  }
  const last = sb.row - 1;
  const total = sb.line({ v: "Plafond met januaritabel", s: "total" }, undefined, undefined, undefined,
    { f: `SUM(${cellRef(first, 5)}:${cellRef(last, 5)})`, r: ctx.results.ceiling.ceilingJanuary, nf: E, s: "total" });
  ctx.refs.set("ceilingJanuary", sb.ref(total, 5));
}

/** Realised per category, forecast (§5) and the sick-leave chain (§6). Needs `addendum.ceiling`. */
export function calculationFinance(ctx: BuildContext, sb: SheetBuilder): void {
  const { inputs, results } = ctx;
  const n = ref(ctx, "param.reportMonth");
  const month = ref(ctx, "ledger.month"), cat = ref(ctx, "ledger.category"), amt = ref(ctx, "ledger.amount"), dossier = ref(ctx, "ledger.caseId");

  sb.section("Gerealiseerd t/m de rapportagemaand per categorie");
  sb.header("Categorie", "Gerealiseerd t/m rapportagemaand");
  for (const c of COST_CATEGORIES) {
    const row = sb.line({ v: c, s: "label" }, { f: `ROUND(SUMIFS(${amt},${cat},${str(c)},${month},"<="&${n}),2)`, r: results.realised[c], nf: E });
    ctx.refs.set(`realised.${c}`, sb.ref(row, 2));
  }
  const oh = sb.line({ v: "Overhead (gerealiseerd = naar rato)", s: "label" },
    { f: `ROUND(${ref(ctx, "addendum.overhead")}*${n}/12,2)`, r: round2((results.ceiling.overhead * inputs.settings.reportMonth) / 12), nf: E });
  ctx.refs.set("realised.overhead", sb.ref(oh, 2));

  sb.section("Prognose en ruimte onder het plafond");
  const f = results.forecast;
  if (!f.available) {
    // no ledger row on or before the report month: no prognosis made of zero months, no sick-leave chain
    sb.line({ v: noRealisationNotice(ctx), s: "note" });
    sb.freeze(0);
    return;
  }
  forecastSalaries(ctx, sb);

  // The sick-leave chain
  const ceiling = ref(ctx, "addendum.ceiling");
  const sla = ref(ctx, "param.slaVersion");
  sb.section("Verzuimvervanging tegen het plafond, per dossier in volgorde van startdatum");
  sb.header("Dossier", "Pakket", "Soort", "Startdatum", "Verwachte kosten", "Vervanging geboekt t/m rapportagemaand", "Kosten dossier (volgens Prognosemethode)", "Formatieve kosten vóór dit dossier", "Meerkosten", "Formatieve kosten na dit dossier", "Vereist besluit", "Vastgelegd besluit", "Adviesnota ontbreekt", "Boekingen vervanging (alle maanden)",
    "Afgesloten t/m rapportagemaand", "Kosten lineair (hoogste van geboekt en verwacht)", "Resterende raming (bezetting)");
  const first = sb.row;
  f.cases.forEach((o, i) => {
    const row = sb.row;
    const c = o.case;
    const C = (col: number) => cellRef(row, col);
    const before = i === 0 ? `${ref(ctx, "forecast.salary")}` : cellRef(row - 1, 10);
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
      { f: `IF(AND(${ref(ctx, "forecast.method")}<>"lineair",${C(15)}="Ja"),${C(6)},${C(16)})`, r: o.caseCost, nf: E },
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
      closedCell(ctx, c, n),
      { f: `MAX(${C(6)},${C(5)})`, r: Math.max(o.bookedToDate, c.expectedCost), nf: E },
      { f: `IF(${C(15)}="Ja",0,ROUND(MAX(0,${C(5)}-${C(6)}),2))`, r: f.occupancy?.remainingCases.get(c.caseId) ?? 0, nf: E },
    );
    ["caseId", "service", "kind", "start", "expected", "booked", "cost", "before", "extra", "after", "required", "decision", "missing"].forEach((k, j) =>
      ctx.refs.set(`case.${i}.${k}`, sb.ref(row, j + 1)));
  });
  if (f.cases.length === 0) sb.line({ v: "(geen verzuimdossiers)", s: "note" }, undefined, undefined, undefined, undefined, undefined, { v: 0 }, undefined, { v: 0 });
  const last = sb.row - 1;
  registerColumn(ctx, sb, "cases.cost", 7, first, last);
  registerColumn(ctx, sb, "cases.extra", 9, first, last);
  registerColumn(ctx, sb, "cases.missing", 13, first, last);
  if (f.cases.length > 0) {
    registerColumn(ctx, sb, "cases.caseId", 1, first, last);
    registerColumn(ctx, sb, "cases.replacementBookings", 14, first, last);
  }

  forecastTotals(ctx, sb, f.cases.length > 0 ? rangeRef(sb.name, 16, first, last) : null, f.cases.length > 0 ? rangeRef(sb.name, 17, first, last) : null);
  const extra = sb.line({ v: "Meerkosten voor opdrachtgever (som meerkosten)", s: "total" }, { f: `ROUND(SUM(${ref(ctx, "cases.extra")}),2)`, r: f.extraCostForClient, nf: E, s: "total" });
  ctx.refs.set("forecast.extra", sb.ref(extra, 2));
  sb.freeze(0);
}


/** Verzuim: "Ja" when the case's Einddatum lies on or before the last day of the report month (§5). */
function closedCell(ctx: BuildContext, c: SickLeaveCase, n: string): PlanCell {
  const year = ctx.inputs.settings.year, month = ctx.inputs.settings.reportMonth;
  const closed = !caseOpen(c, year, month);
  if (!hasColumn(ctx, "sickLeave", "end")) return { v: "Nee" };
  const r = inputRef(ctx, "sickLeave", "end", c.row);
  const date = dateCell(ctx, "sickLeave", "end", c.row, c.end ?? { year, month: 1, day: 1 }).f as string;
  return { f: `IF(TRIM(${r}&"")="","Nee",IF(${date}<=DATE(${ref(ctx, "param.year")},${n}+1,1)-1,"Ja","Nee"))`, r: closed ? "Ja" : "Nee" };
}

/** Scales in natural order: 1, 2, …, 10, 10A, 11, 11A, … */
export function scaleOrder(a: string, b: string): number {
  const na = parseInt(a, 10), nb = parseInt(b, 10);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
