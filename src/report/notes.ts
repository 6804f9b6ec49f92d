/** Free-text notes from Kwalitatief, written as text (never as formulas). */
import { MONTH_NAMES } from "../domain/dates";
import type { QualitativeTopic } from "../domain/types";
import type { BuildContext } from "./context";
import type { SheetBuilder } from "./sheet";

export function notesSection(ctx: BuildContext, sb: SheetBuilder, title: string, topics: QualitativeTopic[]): void {
  sb.section(title);
  const notes = ctx.inputs.qualitative;
  if (notes === null) {
    sb.line({ v: "geen gegevens (blad Kwalitatief ontbreekt)", s: "note" });
    return;
  }
  const rows = notes.filter((n) => topics.includes(n.topic) && (n.month === null || n.month <= ctx.inputs.settings.reportMonth));
  if (rows.length === 0) {
    sb.line({ v: "geen gegevens", s: "note" });
    return;
  }
  sb.header("Onderwerp", "Maand", "Tekst");
  for (const n of rows) {
    const row = sb.line({ v: n.topic }, { v: n.month === null ? "" : MONTH_NAMES[n.month - 1] }, { v: n.text, wrap: true });
    // the text runs over the columns to its right (merged), wrapped, with the row as high as it needs
    sb.spanToEnd(row, 3);
  }
}

/** "geen gegevens" for an optional sheet that is absent. */
export function noData(sb: SheetBuilder, sheet: string): void {
  sb.line({ v: `geen gegevens (blad ${sheet} ontbreekt)`, s: "note" });
}
