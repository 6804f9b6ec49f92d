/** `Controle`: the input problems, reconciliation checks, and the engine's figures beside the formulas'. */
import { round2 } from "../domain/money";
import { changedSinceSigning, integrityProblems } from "../records";
import { cellRef } from "./a1";
import type { BuildContext } from "./context";
import { FORMATS } from "./plan";
import type { AddendumRefs, CellRef, FinanceCalculationRefs, FinanceSheetRefs, LedgerRefs, ParamRefs } from "./refs";
import { SheetBuilder } from "./sheet";
import { unchangedRowsCondition } from "./freshness";
import { titleBlock } from "./title";

const ok = (cond: string) => `IF(${cond},"OK","AFWIJKING")`;

/** What Controle checks: the Addendum's totals, Berekening's ledger and finance blocks, and 6.5's figures. */
export interface ControlSheetInputs {
  params: ParamRefs;
  ledger: LedgerRefs;
  addendum: AddendumRefs;
  calc: FinanceCalculationRefs;
  finance: FinanceSheetRefs | null;
}

export function controlSheet(ctx: BuildContext, refs: ControlSheetInputs): SheetBuilder {
  const { budget, formation } = refs.addendum;
  const { results, problems } = ctx;
  const sb = new SheetBuilder(ctx.names.control);
  sb.widthsFrom([60, 14, 12, 12, 10]);
  titleBlock(ctx, sb, "Controle");
  // the overall verdict, filled in below once the ranges of the checks are known
  const verdictRow = sb.line({ v: "Oordeel", s: "section" });
  sb.blank();

  sb.section("Bevindingen in de invoer");
  if (problems.length === 0) sb.line({ v: "Geen fouten of waarschuwingen gevonden.", s: "note" });
  else {
    sb.header("Melding", "Ernst", "Blad", "Cel");
    for (const p of problems) sb.line({ v: p.message, wrap: true }, { v: p.severity, s: p.severity === "fout" ? "warning" : undefined }, { v: p.sheet }, { v: p.cell });
  }

  sb.section("Aansluitingen (moeten allemaal OK zijn)");
  sb.header("Controle", "Uitkomst");
  const first = sb.row;
  const ledgerTotal = round2(ctx.inputs.ledger.filter((l) => l.month <= ctx.inputs.settings.reportMonth).reduce((a, l) => a + l.amount, 0));
  const realisedSum = round2(Object.values(results.realised).reduce((a, b) => a + b, 0));
  const cats = (["Loonkosten", "Vervanging", "Opleiding", "Aanvullende dienstverlening", "Overig"] as const).map((c) => refs.calc.realised[c]).join(",");
  const vervangingRows = ctx.inputs.ledger.filter((l) => l.category === "Vervanging");
  const caseIds = new Set((ctx.inputs.sickLeave ?? []).map((c) => c.caseId));
  const unknown = vervangingRows.filter((l) => !caseIds.has(l.caseId)).length;
  const bookingsPerCase = refs.calc.forecast?.caseBookings;
  const checks: Array<[string, string, boolean]> = [
    ["Plafond = som van de plafondbedragen per formatieregel", ok(`ROUND(${budget.ceiling}-${formation.ceilingAmounts},2)=0`), true],
    ["Plafond = som van de plafondbedragen per pakket (elke regel heeft een bekend pakket)", ok(`ROUND(${budget.ceiling}-${formation.ceilingByService},2)=0`), true],
    ["Totaal budget P&C = plafond + overhead + opleiding + aanvullende dienstverlening",
      ok(`ROUND(${budget.totalBudget}-(${budget.ceiling}+${budget.overhead}+${budget.training}+${budget.additional}),2)=0`), true],
    ["Totaal grootboek t/m rapportagemaand = som van de categorieën (elke boeking heeft een bekende categorie)",
      ok(`ROUND(SUMIFS(${refs.ledger.amount},${refs.ledger.month},"<="&${refs.params.reportMonth})-SUM(${cats}),2)=0`), ledgerTotal === realisedSum],
    ["Elke boeking Vervanging heeft een bekend dossier in Verzuim",
      bookingsPerCase
        ? ok(`COUNTIF(${refs.ledger.category},"Vervanging")=SUM(${bookingsPerCase})`)
        : ok(`COUNTIF(${refs.ledger.category},"Vervanging")=0`),
      // without realisation there is no sick-leave chain to count per case: every Vervanging row is then unmatched
      bookingsPerCase || results.forecast.available ? unknown === 0 : vervangingRows.length === 0],
    ["Invoerbladen hebben nog de regels van dit rapport (anders: bouw het rapport opnieuw op)", ok(unchangedRowsCondition(ctx)), true],
  ];
  for (const [label, f, pass] of checks) sb.line({ v: label }, { f, r: pass ? "OK" : "AFWIJKING" });
  let checksPass = checks.every(([, , pass]) => pass);
  const so = ctx.signOff;
  if (so && so.status !== "Concept") {
    const same = !changedSinceSigning(so, results.fingerprint);
    checksPass &&= same;
    sb.line({ v: `Invoer van het addendum ongewijzigd sinds '${so.status}' (${so.recordedAt.slice(0, 10)})` }, { v: same ? "OK" : "GEWIJZIGD NA ONDERTEKENING", s: same ? undefined : "warning" });
  }
  const checksLast = sb.row - 1;
  sb.highlight(`B${first}:B${checksLast}`, `B${first}<>"OK"`, "bad");

  sb.section("Engine tegen formule (kerncijfers)");
  sb.header("Kerncijfer", "Engine", "Formule", "Verschil", "Uitkomst");
  const kFirst = sb.row;
  const total = results.variance.find((v) => v.name === "Totaal");
  const forecast = refs.calc.forecast;
  const key: Array<[string, CellRef, number]> = [
    ["Plafond formatieve kosten", budget.ceiling, results.ceiling.ceiling],
    ["Overhead", budget.overhead, results.ceiling.overhead],
    ["Totaal budget P&C", budget.totalBudget, results.ceiling.totalBudget],
    ["Cao-effect", refs.addendum.caoEffect, results.ceiling.caoEffect],
    // a year without realisation yet has no variance or forecast (docs/rekenregels.md): no realised total, room or extra cost to check
    ...(results.forecast.available && refs.finance && forecast ? [
      ["Gerealiseerd totaal t/m rapportagemaand", refs.finance.totalRealised, total?.realisedToDate ?? 0],
      ["Ruimte onder plafond", forecast.room, results.forecast.roomUnderCeiling],
      // both forecasts of docs/rekenregels.md §5, whichever the setting chooses
      ["Ruimte onder plafond (lineair)", forecast.byMethod.lineair.room, results.forecast.byMethod?.lineair.roomUnderCeiling ?? 0],
      ["Ruimte onder plafond (bezetting)", forecast.byMethod.bezetting.room, results.forecast.byMethod?.bezetting?.roomUnderCeiling ?? 0],
      ["Meerkosten voor opdrachtgever", forecast.extra, results.forecast.extraCostForClient],
    ] as Array<[string, CellRef, number]> : []),
  ];
  for (const [label, k, value] of key) {
    const row = sb.row;
    sb.line({ v: label }, { v: value, nf: FORMATS.euro }, { f: k, r: value, nf: FORMATS.euro },
      { f: `ROUND(${cellRef(row, 3)}-${cellRef(row, 2)},2)`, r: 0, nf: FORMATS.euro },
      { f: ok(`ABS(${cellRef(row, 4)})<0.005`), r: "OK" });
  }
  const kLast = sb.row - 1;
  sb.highlight(`E${kFirst}:E${kLast}`, `E${kFirst}<>"OK"`, "bad");

  const fouten = problems.filter((p) => p.severity === "fout").length;
  const warnings = problems.length - fouten;
  // what the workbook's own records say about themselves (Logboek chain, sign-off seal, hidden sheets)
  const records = integrityProblems(ctx.grids, ctx.names.addendum).length;
  const n = (k: number, one: string, more: string) => `${k} ${k === 1 ? one : more}`;
  const blocked = fouten > 0 || records > 0;
  const verdict = ok(`AND(COUNTIF(B${first}:B${checksLast},"OK")=${checksLast - first + 1},COUNTIF(E${kFirst}:E${kLast},"OK")=${kLast - kFirst + 1}${blocked ? ",FALSE()" : ""})`)
    .replace('"OK","AFWIJKING"', '"IN ORDE","NIET IN ORDE"');
  const pass = checksPass && !blocked;
  sb.set(verdictRow, 2, { f: verdict, r: pass ? "IN ORDE" : "NIET IN ORDE", s: "banner", align: "center" });
  sb.set(verdictRow, 3, {
    v: `${pass ? "Alle aansluitingen en kerncijfers kloppen" : records > 0 ? "De eigen administratie van de werkmap (Logboek, ondertekening) is aangetast: zie de bevindingen hieronder" : "Zie de bevindingen, aansluitingen en kerncijfers hieronder"}; ${n(fouten, "fout", "fouten")} en ${n(warnings, "waarschuwing", "waarschuwingen")} in de invoer.`,
    s: "note",
  });
  sb.spanToEnd(verdictRow, 3);
  sb.highlight(`B${verdictRow}`, `B${verdictRow}<>"IN ORDE"`, "bad");
  sb.highlight(`B${verdictRow}`, `B${verdictRow}="IN ORDE"`, "good");
  sb.line({ v: "De kolom Engine is door dvo-addendum zelf berekend; de kolom Formule rekent Excel uit de invoerbladen. Ze moeten op de cent gelijk zijn.", s: "note" });
  return sb;
}
