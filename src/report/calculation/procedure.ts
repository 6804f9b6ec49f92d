/**
 * Berekening: the sick-leave procedure per case (docs/rekenregels.md §6, "De procedure"): which meerkosten
 * the client bears (agreed adviesnota), which still need a decision, and which a rejection leaves within the
 * ceiling. It reads the chain's cells (finance.ts) and the Verzuim columns `Alternatieven bekeken` and
 * `Besluit adviesnota`; a workbook without the latter keeps the figures of before.
 */
import { PROCEDURE_STATUS as S } from "../../domain/procedure";
import { cellRef, rangeRef, str } from "../a1";
import { hasColumn, trimmedText, type BuildContext } from "../context";
import { FORMATS, type PlanCell } from "../plan";
import type { CellRef, ForecastRefs, ProcedureRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

const E = FORMATS.euro;

export function procedureBlock(ctx: BuildContext, sb: SheetBuilder, forecast: ForecastRefs, sla: CellRef): ProcedureRefs {
  const { results } = ctx;
  const p = results.procedure;
  const legacy = !hasColumn(ctx, "sickLeave", "noteDecision");
  const withAlternatives = hasColumn(ctx, "sickLeave", "alternatives");
  sb.section("Verzuim: de procedure (alternatieven, besluit teamleider of adviesnota aan de gemeentesecretaris)");
  if (legacy) sb.line({ v: "Verzuim heeft geen kolom 'Besluit adviesnota': de meerkosten tellen voor de opdrachtgever zoals vóór de procedure (werkmapcontract, Verzuim).", s: "note" });
  sb.header("Dossier", "Soort", "Meerkosten", "Vastgelegd besluit", "Alternatieven bekeken", "Besluit adviesnota", "Stand procedure", "Meerkosten voor opdrachtgever", "Besluit nodig", "Afgewezen: binnen plafond", "Alternatieven nog bekijken");
  const first = sb.row;
  p.cases.forEach((pc, i) => {
    const row = sb.row;
    const k = forecast.cases[i];
    const c = pc.outcome.case;
    const C = (col: number) => cellRef(row, col);
    const alternatives: PlanCell = withAlternatives ? trimmedText(ctx, "sickLeave", "alternatives", c.row) : { v: "" };
    let note: PlanCell = { v: "" };
    if (!legacy) {
      const t = trimmedText(ctx, "sickLeave", "noteDecision", c.row);
      note = { f: `IF(${t.f as string}="","Open",${t.f as string})`, r: t.r === "" ? "Open" : t.r };
    }
    // the status: the same decision tree as domain/procedure.ts statusOf
    const inner = legacy
      ? str(S.legacy)
      : `IF(${C(4)}<>"Adviesnota",${str(S.noteMissing)},IF(${C(6)}="Akkoord",${str(S.agreed)},IF(${C(6)}="Afgewezen",${str(S.rejected)},${str(S.open)})))`;
    const status = `IF(${C(2)}="Kort",${str(S.short)},IF(${sla}=2023,${str(S.sla2023)},IF(${C(3)}=0,${str(S.teamLeader)},${inner})))`;
    const counted = `OR(${C(7)}=${str(S.sla2023)},${C(7)}=${str(S.legacy)},${C(7)}=${str(S.agreed)})`;
    sb.line(
      { f: k.caseId, r: c.caseId },
      { f: k.kind, r: c.kind },
      { f: k.extra, r: pc.outcome.extraCost, nf: E },
      { f: k.decision, r: c.decision },
      alternatives,
      note,
      { f: status, r: pc.status },
      { f: `IF(${counted},${C(3)},0)`, r: pc.agreed, nf: E },
      { f: `IF(OR(${C(7)}=${str(S.open)},${C(7)}=${str(S.noteMissing)}),${C(3)},0)`, r: pc.pending, nf: E },
      { f: `IF(${C(7)}=${str(S.rejected)},${C(3)},0)`, r: pc.rejected, nf: E },
      withAlternatives
        ? { f: `IF(AND(${sla}<>2023,${C(2)}="Lang",${C(5)}<>"Ja"),"Ja","Nee")`, r: pc.alternativesOpen ? "Ja" : "Nee" }
        : { v: "" },
    );
  });
  if (p.cases.length === 0) sb.line({ v: "(geen verzuimdossiers)", s: "note" }, undefined, undefined, undefined, undefined, undefined, undefined, { v: 0 }, { v: 0 }, { v: 0 });
  const last = sb.row - 1;
  const sum = (col: number, label: string, value: number): CellRef => {
    const r = sb.line({ v: label, s: "total" }, { f: `ROUND(SUM(${rangeRef(sb.name, col, first, last)}),2)`, r: value, nf: E, s: "total" });
    return sb.ref(r, 2);
  };
  const agreed = sum(8, "Meerkosten voor opdrachtgever (akkoord, SLA 2023, of zonder besluitkolom)", p.extraForClient);
  const pending = sum(9, "Besluit nodig (adviesnota open of ontbreekt)", p.decisionNeeded);
  const rejected = sum(10, "Afgewezen: binnen het plafond op te vangen", p.absorbedWithinCeiling);
  const at = (row: number, col: number) => sb.ref(row, col);
  return {
    agreed, pending, rejected,
    cases: p.cases.map((_, i) => ({ status: at(first + i, 7), agreed: at(first + i, 8), pending: at(first + i, 9), rejected: at(first + i, 10), alternatives: at(first + i, 11), noteDecision: at(first + i, 6) })),
    legacy,
  };
}

