/**
 * `6.5 Financieel`, the sick-leave parts: the procedure's totals under the forecast, and the cases against the
 * ceiling with where each stands in the procedure (docs/rekenregels.md §6). Called from finance.ts.
 */
import { sickLeaveNote } from "../domain/sla";
import { cellRef } from "./a1";
import { hasColumn, type BuildContext } from "./context";
import { FORMATS } from "./plan";
import type { ForecastRefs, ProcedureRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

const E = FORMATS.euro;

/** Meerkosten voor opdrachtgever (agreed only), besluit nodig, afgewezen. Returns the row of the first. */
export function procedureTotals(ctx: BuildContext, sb: SheetBuilder, procedure: ProcedureRefs): number {
  const p = ctx.results.procedure;
  const extraRow = sb.line({ v: "Meerkosten voor opdrachtgever", s: "total" }, { f: procedure.agreed, r: p.extraForClient, nf: E, s: "total" });
  sb.set(extraRow, 3, { v: procedure.legacy ? "alle berekende meerkosten (Verzuim heeft geen kolom Besluit adviesnota)" : "alleen adviesnota's met besluit Akkoord", s: "note" });
  // the explanations run over the columns to the right, so they do not widen column C of the table above
  sb.spanToEnd(extraRow, 3);
  const pending = sb.line({ v: "Besluit nodig", s: "label" }, { f: procedure.pending, r: p.decisionNeeded, nf: E });
  sb.set(pending, 3, {
    f: `IF(${cellRef(pending, 2)}>0,"besluit nodig: adviesnota open of nog niet opgesteld (gemeentesecretaris opdrachtgever)","")`,
    r: p.decisionNeeded > 0 ? "besluit nodig: adviesnota open of nog niet opgesteld (gemeentesecretaris opdrachtgever)" : "",
  });
  sb.spanToEnd(pending, 3);
  sb.highlight(`B${pending}:C${pending}`, `$B${pending}>0`, "attention");
  const rejected = sb.line({ v: "Afgewezen: binnen plafond opvangen", s: "label" }, { f: procedure.rejected, r: p.absorbedWithinCeiling, nf: E });
  sb.highlight(`B${rejected}`, `B${rejected}>0`, "bad");
  return extraRow;
}

/** The cases against the ceiling, one row each, with the procedure's status and amounts. */
export function sickLeaveCases(ctx: BuildContext, sb: SheetBuilder, forecast: ForecastRefs, procedure: ProcedureRefs): void {
  const { results } = ctx;
  const f = results.forecast;
  const p = results.procedure;
  sb.header("Dossier", "Pakket", "Soort", "Kosten dossier", "Vereist besluit", "Vastgelegd besluit", "Meerkosten", "Adviesnota ontbreekt", "Besluit adviesnota", "Stand procedure", "Voor opdrachtgever", "Besluit nodig", "Alternatieven nog bekijken");
  const first = sb.row;
  f.cases.forEach((o, i) => {
    const k = forecast.cases[i];
    const q = procedure.cases[i];
    const pc = p.cases[i];
    sb.line(
      { f: k.caseId, r: o.case.caseId },
      { f: k.service, r: o.case.service ?? "" },
      { f: k.kind, r: o.case.kind },
      { f: k.cost, r: o.caseCost, nf: E },
      { f: k.required, r: o.requiredDecision },
      { f: k.decision, r: o.case.decision },
      { f: k.extra, r: o.extraCost, nf: E },
      { f: k.missing, r: o.adviceNoteMissing ? "Ja" : "Nee" },
      procedure.legacy ? { v: "" } : { f: q.noteDecision, r: o.case.adviceNoteDecision ?? "Open" },
      { f: q.status, r: pc.status },
      { f: q.agreed, r: pc.agreed, nf: E },
      { f: q.pending, r: pc.pending, nf: E },
      // without the column Berekening leaves the cell empty: a reference to it would read 0
      hasColumn(ctx, "sickLeave", "alternatives") ? { f: q.alternatives, r: pc.alternativesOpen ? "Ja" : "Nee" } : { v: "" },
    );
  });
  const last = sb.row - 1;
  sb.highlight(`H${first}:H${last}`, `H${first}="Ja"`, "bad");
  sb.highlight(`L${first}:L${last}`, `L${first}>0`, "attention");
  sb.highlight(`M${first}:M${last}`, `M${first}="Ja"`, "attention");
  sb.line({ v: sickLeaveNote(ctx.inputs.settings.slaVersion), s: "note" });
}
