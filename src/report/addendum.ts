/** `Addendum <jaar>`: parties, parameters, the formation at maximum scale, the budget and the sign-off. */
import { salaryRowsUsed } from "../domain/fingerprint";
import { changedSinceSigning, reviewHolds, reviewLine, shownStatus } from "../records";
import { round2 } from "../domain/money";
import { SERVICE_CODES } from "../domain/types";
import { cellRef, rangeRef, str } from "./a1";
import { januaryBlock } from "./calculation/formation";
import { scaleOrder } from "./calculation/salary";
import { agreedSection, versionsSection } from "./agreed";
import { comparisonSection } from "./comparison";
import { dateCell, hasColumn, numberCell, trimmedText, type BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import type { AddendumFormationRefs, AddendumRefs, BudgetRefs, CalculationRefs } from "./refs";
import { SheetBuilder } from "./sheet";
import { titleBlock } from "./title";

const E = FORMATS.euro;

/**
 * The Addendum sheet, and its references for the sheets after it. It also writes two blocks of Berekening
 * (`calc`): the formation with the January table, and the Verschilanalyse rows.
 */
export function addendumSheet(ctx: BuildContext, calc: SheetBuilder, refs: CalculationRefs): { sheet: SheetBuilder; refs: AddendumRefs } {
  const { params } = refs;
  const { inputs, results } = ctx;
  const s = inputs.settings;
  const c = results.ceiling;
  const sb = new SheetBuilder(ctx.names.addendum);
  sb.widthsFrom([30, 30, 8, 8, 12, 10, 12, 12, 12, 10]);
  titleBlock(ctx, sb, `Addendum ${s.year} bij de DVO Publieksdienst ${s.provider.replace(/^Gemeente /, "")} – ${s.client.replace(/^Gemeente /, "")}`);
  if (ctx.agreement?.kind === "cao") {
    sb.set(5, 1, { v: `Cao-aanpassing na ondertekening: alleen de Salaristabel is veranderd sinds de ondertekening op ${ctx.agreement.version.date}; het vastgestelde budget blijft, het verschil wordt afgestemd met de opdrachtgever (zie 'Vastgesteld en herrekend').`, s: "warning" });
  } else if (changedSinceSigning(ctx.signOff, results.fingerprint)) {
    sb.set(5, 1, { v: `Gewijzigd na ondertekening: dit addendum is ${ctx.signOff?.status === "Ondertekend" ? `ondertekend op ${ctx.signOff.date}` : "ter ondertekening aangeboden"}, daarna is de invoer veranderd.`, s: "warning" });
  }

  sb.section("Partijen");
  sb.line({ v: "Opdrachtgever", s: "label" }, { v: s.client });
  sb.line({ v: "Opdrachtnemer", s: "label" }, { v: s.provider });
  sb.line({ v: "Jaar", s: "label" }, { f: params.year, r: s.year, nf: "0", align: "left" });

  sb.section("Parameters");
  sb.line({ v: "Overheadpercentage", s: "label" }, { f: params.overheadRate, r: s.overheadRate, nf: FORMATS.percent });
  sb.line({ v: "IKB-percentage", s: "label" }, { f: params.ikbRate, r: s.ikbRate, nf: FORMATS.percent });
  sb.line({ v: "Werkgeverslastenpercentage", s: "label" }, { f: params.employerChargesRate, r: s.employerChargesRate, nf: FORMATS.percent });
  sb.line({ v: "Opleidingskosten", s: "label" }, { f: params.trainingBudget, r: s.trainingBudget, nf: E });
  sb.line({ v: "Budget aanvullende dienstverlening", s: "label" }, { f: params.additionalServicesBudget, r: s.additionalServicesBudget, nf: E });

  sb.section("Formatie tegen maximale inschaling (Cao Gemeenten)");
  sb.header("Functie", "Pakket", "Schaal", "Fte", "Jaarsalaris (max.)", "IKB", "Werkgeverslasten", "Kosten per fte", "Plafondbedrag", "Bezetting");
  const first = sb.row;
  const rowOf = new Map<number, number>();
  for (const line of c.lines) {
    const f = line.formation;
    const row = sb.row;
    rowOf.set(f.row, row);
    const C = (col: number) => cellRef(row, col);
    sb.line(
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
    );
  }
  const last = sb.row - 1;
  const totalFte = round2(c.lines.reduce((a, l) => a + l.formation.fte, 0));
  const tot = sb.line({ v: "Totaal", s: "total" }, undefined, undefined,
    { f: `SUM(${cellRef(first, 4)}:${cellRef(last, 4)})`, r: totalFte, nf: FORMATS.fte, s: "total" },
    undefined, undefined, undefined, undefined,
    { f: `SUM(${cellRef(first, 9)}:${cellRef(last, 9)})`, r: c.ceiling, nf: E, s: "total" });
  sb.freeze(0);
  const rng = (col: number) => `${cellRef(first, col, true)}:${cellRef(last, col, true)}`;

  sb.section("Fte en plafond per pakket");
  sb.header("Pakket", "Fte", "Plafondbedrag");
  const pFirst = sb.row;
  const byService = new Map<string, string>();
  for (const p of SERVICE_CODES) {
    const lines = c.lines.filter((l) => l.formation.service === p);
    if (lines.length === 0) continue;
    byService.set(p, sb.ref(sb.row, 3));
    sb.line({ v: p },
      { f: `SUMIF(${rng(2)},${str(p)},${rng(4)})`, r: lines.reduce((a, l) => a + l.formation.fte, 0), nf: FORMATS.fte },
      { f: `SUMIF(${rng(2)},${str(p)},${rng(9)})`, r: round2(lines.reduce((a, l) => a + l.ceilingAmount, 0)), nf: E });
  }
  const pLast = sb.row - 1;
  const pTot = sb.line({ v: "Totaal", s: "total" }, { f: `SUM(${cellRef(pFirst, 2)}:${cellRef(pLast, 2)})`, r: totalFte, nf: FORMATS.fte, s: "total" },
    { f: `SUM(${cellRef(pFirst, 3)}:${cellRef(pLast, 3)})`, r: c.ceiling, nf: E, s: "total" });
  const formation: AddendumFormationRefs = {
    service: rangeRef(sb.name, 2, first, last), scale: rangeRef(sb.name, 3, first, last), fte: rangeRef(sb.name, 4, first, last), ceiling: rangeRef(sb.name, 9, first, last),
    occupancy: rangeRef(sb.name, 10, first, last), ceilingAmounts: sb.ref(tot, 9), ceilingByService: sb.ref(pTot, 3),
  };

  sb.section("Budget P&C");
  const pl = sb.line({ v: "Plafond formatieve kosten", s: "label" }, { f: `SUM(${rng(9)})`, r: c.ceiling, nf: E });
  const oh = sb.line({ v: "Overhead", s: "label" }, { f: `ROUND(${cellRef(pl, 2)}*${params.overheadRate},2)`, r: c.overhead, nf: E });
  const tr = sb.line({ v: "Opleidingskosten", s: "label" }, { f: params.trainingBudget, r: c.trainingBudget, nf: E });
  const ad = sb.line({ v: "Budget aanvullende dienstverlening", s: "label" }, { f: params.additionalServicesBudget, r: c.additionalServicesBudget, nf: E });
  const tb = sb.line({ v: "Totaal budget P&C", s: "total" },
    { f: `ROUND(${cellRef(pl, 2)}+${cellRef(oh, 2)}+${cellRef(tr, 2)}+${cellRef(ad, 2)},2)`, r: c.totalBudget, nf: E, s: "total" });
  const budget: BudgetRefs = { ceiling: sb.ref(pl, 2), overhead: sb.ref(oh, 2), training: sb.ref(tr, 2), additional: sb.ref(ad, 2), totalBudget: sb.ref(tb, 2) };
  const agreed = agreedSection(ctx, sb, budget, byService);

  const ceilingJanuary = januaryBlock(ctx, calc, refs.scalesJanuary, rowOf, sb.name);
  sb.section("Cao-effect");
  const jan = sb.line({ v: "Plafond met de januaritabel het hele jaar", s: "label" }, { f: ceilingJanuary, r: c.ceilingJanuary, nf: E });
  const ce = sb.line({ v: "Cao-effect (af te stemmen met de opdrachtgever)", s: "total" }, { f: `ROUND(${cellRef(pl, 2)}-${cellRef(jan, 2)},2)`, r: c.caoEffect, nf: E, s: "total" });
  const caoEffect = sb.ref(ce, 2);
  comparisonSection(ctx, sb, calc, rowOf, { params, salary: refs.salary, formation, budget });

  sb.section("Gebruikte salaristabellen (Cao Gemeenten, maximum per maand)");
  sb.header("Schaal", "Ingangsdatum", "Maximum per maand", "Status");
  const used = [...salaryRowsUsed(inputs)].sort((a, b) => scaleOrder(a.scale, b.scale) || a.row - b.row);
  const sFirst = sb.row;
  for (const r of used) {
    sb.line({ ...trimmedText(ctx, "salaryTable", "scale", r.row, true), nf: FORMATS.text, align: "center" }, { ...dateCell(ctx, "salaryTable", "effective", r.row, r.effective), align: "center" },
      numberCell(ctx, "salaryTable", "maximum", r.row, r.maximum, E), salaryStatusCell(ctx, r.row));
  }
  // an estimate stands out: the addendum rests on a cao raise that is not yet agreed
  if (used.length > 0) sb.highlight(`D${sFirst}:D${sb.row - 1}`, `D${sFirst}="raming"`, "attention");

  versionsSection(ctx, sb);

  sb.section("Ondertekening");
  const so = ctx.signOff;
  const changed = changedSinceSigning(so, results.fingerprint);
  sb.line({ v: "Status", s: "label" }, { v: shownStatus(so, results.fingerprint), s: "banner" });
  // who reviewed and when (records/review.ts); a review the inputs no longer match is named as void
  sb.spanToEnd(sb.line({ v: "Controle (controller)", s: "label" }, { v: reviewLine(so, results.fingerprint), s: reviewHolds(so, results.fingerprint) ? undefined : "warning" }), 2);
  sb.line({ v: "Regisseur opdrachtgever (naam)", s: "label" }, { v: so?.regisseur ?? "" });
  sb.line({ v: "Datum ondertekening", s: "label" }, { v: so?.status === "Ondertekend" ? so.date : "" });
  sb.line({ v: "Accounthouder opdrachtnemer (naam)", s: "label" }, { v: so?.accounthouder ?? "" });
  const fp = sb.line({ v: "Vingerafdruk invoer (SHA-256)", s: "label" }, { v: results.fingerprint, s: "note" });
  sb.spanToEnd(fp, 2);
  if (so && so.status !== "Concept") sb.spanToEnd(sb.line({ v: "Vingerafdruk bij ondertekening", s: "label" }, { v: so.fingerprint, s: "note" }), 2);
  if (changed && ctx.agreement?.kind !== "cao") {
    sb.line({ v: "GEWIJZIGD NA ONDERTEKENING", s: "warning" }, { v: "De invoer van het addendum is veranderd na ondertekening; zie Controle.", s: "warning" });
  }
  signatureBlock(ctx, sb, `Voor de opdrachtgever, ${s.client}`, "Regisseur", so?.regisseur ?? "", so?.status === "Ondertekend" ? so.date : "");
  signatureBlock(ctx, sb, `Voor de opdrachtnemer, ${s.provider}`, "Accounthouder", so?.accounthouder ?? "", "");
  return { sheet: sb, refs: { formation, budget, caoEffect, agreed } };
}

/** Lines to sign on paper: name, function, place, date and the signature itself. */
function signatureBlock(ctx: BuildContext, sb: SheetBuilder, title: string, role: string, name: string, date: string): void {
  sb.blank();
  sb.line({ v: title, s: "label" });
  const lines: Array<[string, string]> = [["Naam", name], ["Functie", role], ["Plaats", ""], ["Datum", date], ["Handtekening", ""]];
  for (const [label, value] of lines) {
    const row = sb.line({ v: label, s: "label" }, { v: value, s: "input" });
    if (label === "Handtekening") sb.minHeight(row, 42);
    sb.allowEditing(row, 2);
  }
  void ctx;
}

/** The Status of a Salaristabel row (officieel, afgeleid, raming), live from its cell; "niet opgegeven" when empty or without the column. */
function salaryStatusCell(ctx: BuildContext, row: number): PlanCell {
  if (!hasColumn(ctx, "salaryTable", "status")) return { v: "niet opgegeven", s: "note" };
  const t = trimmedText(ctx, "salaryTable", "status", row);
  const raw = typeof t.r === "string" ? t.r : "";
  return { f: `IF(${t.f as string}="","niet opgegeven",LOWER(${t.f as string}))`, r: raw === "" ? "niet opgegeven" : raw.toLowerCase() };
}
