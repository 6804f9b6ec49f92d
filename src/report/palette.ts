/**
 * The report's look, defined once for both hosts: per named cell style the font, fill, borders and wrap, and
 * the colours of the conditional formats. The file host turns these into styles.xml entries
 * (src/xlsx/styles.ts), the Office.js host into RangeFormat settings (src/office/sheet-write.ts); host parity
 * (test/host-parity.test.ts) compares what each leaves in the workbook. Colours are RRGGBB hex, no '#'.
 */
import type { CellStyle, ConditionalFormat } from "./plan";

/** The font of every styled report cell (text widths are measured in it: src/report/measure.ts). */
export const FONT_NAME = "Calibri";

export interface Edge {
  /** a thin line, or Excel's hairline */
  weight: "thin" | "hair";
  color: string;
}

export interface Look {
  font: { size: number; bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  top?: Edge;
  bottom?: Edge;
  /** the style wraps its text (as a cell with `wrap` does) */
  wrap?: boolean;
}

export const LOOKS: Record<CellStyle, Look> = {
  title: { font: { size: 15, bold: true, color: "1F3864" } },
  subtitle: { font: { size: 11, color: "404040" } },
  section: { font: { size: 12, bold: true, color: "1F3864" } },
  header: { font: { size: 10, bold: true }, fill: "D9E1F2", bottom: { weight: "thin", color: "8EA9DB" }, wrap: true },
  label: { font: { size: 10 } },
  total: { font: { size: 10, bold: true }, top: { weight: "thin", color: "000000" } },
  note: { font: { size: 9, italic: true, color: "595959" } },
  warning: { font: { size: 10, bold: true, color: "9C0006" } },
  banner: { font: { size: 11, bold: true }, fill: "FFEB9C" },
  input: { font: { size: 10 }, fill: "FFF9E5", bottom: { weight: "hair", color: "BFBFBF" } },
};

/** Wrapped text is aligned to the top of its cell, in both hosts. */
export const WRAP_VERTICAL = "top";

export const CONDITIONAL_LOOKS: Record<ConditionalFormat["style"], { fill: string; font: string }> = {
  bad: { fill: "FFC7CE", font: "9C0006" },
  good: { fill: "C6EFCE", font: "006100" },
  attention: { fill: "FFEB9C", font: "9C5700" },
};
