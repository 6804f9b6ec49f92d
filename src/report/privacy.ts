/** `6.6 Privacy`: data breaches (and whether reported to the AP) and data disclosures per month. */
import { MONTH_NAMES } from "../domain/dates";
import { cellRef } from "./a1";
import type { BuildContext } from "./context";
import { noData, notesSection } from "./notes";
import { FORMATS } from "./plan";
import type { PrivacyRefs } from "./refs";
import { SheetBuilder } from "./sheet";
import { titleBlock } from "./title";

/** `refs`: the Privacy block of Berekening (null without the sheet). */
export function privacySheet(ctx: BuildContext, refs: PrivacyRefs | null): SheetBuilder {
  const { inputs } = ctx;
  const n = inputs.settings.reportMonth;
  const sb = new SheetBuilder(ctx.names.privacy);
  sb.widthsFrom([12, 10, 12, 12, 40]);
  titleBlock(ctx, sb, "6.6 Informatiebeveiliging en privacy", { periodic: true });
  sb.section(`Datalekken en gegevensverstrekkingen per maand t/m ${MONTH_NAMES[n - 1]}`);
  const rows = inputs.privacy;
  if (!rows || !refs) noData(sb, "Privacy");
  else {
    const { month: M, kind: K, count: C, reported: R } = refs;
    sb.header("Maand", "Datalekken", "Waarvan gemeld bij AP", "Gegevensverstrekkingen");
    const first = sb.row;
    const sum = (m: number, kind: string, reported?: boolean) =>
      rows.filter((r) => r.month === m && r.kind === kind && (reported === undefined || r.reportedToAuthority === reported)).reduce((a, r) => a + r.count, 0);
    for (let m = 1; m <= n; m++) {
      sb.line(
        { v: MONTH_NAMES[m - 1] },
        { f: `SUMIFS(${C},${M},${m},${K},"Datalek")`, r: sum(m, "Datalek"), nf: FORMATS.count },
        { f: `SUMIFS(${C},${M},${m},${K},"Datalek",${R},"Ja")`, r: sum(m, "Datalek", true), nf: FORMATS.count },
        { f: `SUMIFS(${C},${M},${m},${K},"Gegevensverstrekking")`, r: sum(m, "Gegevensverstrekking"), nf: FORMATS.count },
      );
    }
    const last = sb.row - 1;
    const tot = (col: number, v: number) => ({ f: `SUM(${cellRef(first, col)}:${cellRef(last, col)})`, r: v, nf: FORMATS.count, s: "total" as const });
    const within = rows.filter((r) => r.month <= n);
    sb.line({ v: "Totaal", s: "total" },
      tot(2, within.filter((r) => r.kind === "Datalek").reduce((a, r) => a + r.count, 0)),
      tot(3, within.filter((r) => r.kind === "Datalek" && r.reportedToAuthority === true).reduce((a, r) => a + r.count, 0)),
      tot(4, within.filter((r) => r.kind === "Gegevensverstrekking").reduce((a, r) => a + r.count, 0)));
    const notes = within.filter((r) => r.note !== "");
    if (notes.length > 0) {
      sb.section("Toelichting per melding");
      sb.header("Maand", "Soort", "Aantal", "Gemeld bij AP", "Toelichting");
      for (const r of notes) {
        sb.line({ v: MONTH_NAMES[r.month - 1] }, { v: r.kind }, { v: r.count, nf: FORMATS.count },
          { v: r.reportedToAuthority === null ? "" : r.reportedToAuthority ? "Ja" : "Nee" }, { v: r.note, wrap: true });
      }
    }
  }
  notesSection(ctx, sb, "Ontwikkelingen informatiebeveiliging en privacy", ["Privacy"]);
  return sb;
}
