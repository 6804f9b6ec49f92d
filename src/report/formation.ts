/** `6.1 Formatie`: formation and organisation, team developments, consequences for addendum and P&C. */
import { round2 } from "../domain/money";
import { SERVICE_CODES } from "../domain/types";
import { cellRef, str } from "./a1";
import type { BuildContext } from "./context";
import { notesSection } from "./notes";
import { FORMATS } from "./plan";
import type { AddendumRefs, FinanceSheetRefs, ForecastRefs } from "./refs";
import { SheetBuilder } from "./sheet";
import { titleBlock } from "./title";

/** What 6.1 reads: the Addendum, and with realisation 6.5's room and extra cost and Berekening's forecast. */
export interface FormationSheetInputs {
  addendum: AddendumRefs;
  finance: FinanceSheetRefs | null;
  forecast: ForecastRefs | null;
}

export function formationSheet(ctx: BuildContext, refs: FormationSheetInputs): SheetBuilder {
  const { results } = ctx;
  const sb = new SheetBuilder(ctx.names.formation);
  sb.widthsFrom([24, 10, 12, 14]);
  titleBlock(ctx, sb, "6.1 Formatie en organisatie / teamontwikkelingen", { periodic: true });

  sb.section("Formatie per pakket");
  sb.header("Pakket", "Fte", "Waarvan vacature (fte)", "Plafondbedrag");
  const { service: svc, fte, occupancy: occ, ceiling: amt } = refs.addendum.formation;
  const first = sb.row;
  for (const p of SERVICE_CODES) {
    const lines = results.ceiling.lines.filter((l) => l.formation.service === p);
    if (lines.length === 0) continue;
    sb.line({ v: p },
      { f: `SUMIF(${svc},${str(p)},${fte})`, r: lines.reduce((a, l) => a + l.formation.fte, 0), nf: FORMATS.fte },
      { f: `SUMIFS(${fte},${svc},${str(p)},${occ},"Vacature")`, r: lines.filter((l) => l.formation.occupancy === "Vacature").reduce((a, l) => a + l.formation.fte, 0), nf: FORMATS.fte },
      { f: `SUMIF(${svc},${str(p)},${amt})`, r: round2(lines.reduce((a, l) => a + l.ceilingAmount, 0)), nf: FORMATS.euro });
  }
  const last = sb.row - 1;
  const all = results.ceiling.lines;
  sb.line({ v: "Totaal", s: "total" },
    { f: `SUM(${cellRef(first, 2)}:${cellRef(last, 2)})`, r: all.reduce((a, l) => a + l.formation.fte, 0), nf: FORMATS.fte, s: "total" },
    { f: `SUM(${cellRef(first, 3)}:${cellRef(last, 3)})`, r: all.filter((l) => l.formation.occupancy === "Vacature").reduce((a, l) => a + l.formation.fte, 0), nf: FORMATS.fte, s: "total" },
    { f: `SUM(${cellRef(first, 4)}:${cellRef(last, 4)})`, r: results.ceiling.ceiling, nf: FORMATS.euro, s: "total" });

  sb.section("Vacatures");
  const vacancies = ctx.inputs.formation.filter((f) => f.occupancy === "Vacature");
  if (vacancies.length === 0) sb.line({ v: "geen vacatures vastgelegd (kolom Bezetting in Formatie)", s: "note" });
  else {
    sb.header("Functie", "Pakket", "Fte", "Toelichting");
    for (const v of vacancies) sb.spanToEnd(sb.line({ v: v.functionName }, { v: v.service }, { v: v.fte, nf: FORMATS.fte }, { v: v.note, wrap: true }), 4);
  }

  notesSection(ctx, sb, "Personele ontwikkelingen (verzuim, vacatures, cao, herwaardering)", ["Formatie", "Personeel"]);
  notesSection(ctx, sb, "Meer- en maatwerk", ["Meer- en maatwerk"]);

  sb.section("Gevolgen voor addendum en P&C");
  const f = results.forecast;
  const { finance, forecast } = refs;
  if (!f.available || !finance || !forecast) {
    sb.line({ v: "Ruimte onder plafond (prognose)", s: "label" }, { v: "nog geen realisatie", s: "note" });
    sb.line({ v: "Cao-effect op het plafond", s: "label" }, { f: refs.addendum.caoEffect, r: results.ceiling.caoEffect, nf: FORMATS.euro });
    return sb;
  }
  const room = sb.line({ v: "Ruimte onder plafond (prognose)", s: "label" }, { f: finance.room, r: f.roomUnderCeiling, nf: FORMATS.euro });
  sb.highlight(`B${room}`, `B${room}<0`, "bad");
  sb.line({ v: "Meerkosten verzuim voor opdrachtgever", s: "label" }, { f: finance.extra, r: f.extraCostForClient, nf: FORMATS.euro });
  sb.line({ v: "Cao-effect op het plafond", s: "label" }, { f: refs.addendum.caoEffect, r: results.ceiling.caoEffect, nf: FORMATS.euro });
  const missing = f.cases.filter((c) => c.adviceNoteMissing).length;
  const m = sb.line({ v: "Dossiers waarvoor een adviesnota ontbreekt", s: "label" },
    f.cases.length === 0 ? { v: 0, nf: "0" } : { f: `COUNTIF(${forecast.caseMissing},"Ja")`, r: missing, nf: "0" });
  sb.highlight(`B${m}`, `B${m}>0`, "bad");
  return sb;
}
