/**
 * How wide text is in a cell, in Excel column-width units, so that the plan can choose column widths,
 * merges, wrapping and row heights from its content instead of guessing them per sheet.
 *
 * Advance widths of Calibri (the workbook's font; measured on its metric-compatible twin Carlito) for
 * ASCII 32-126, in hundredths of an em. A column of width w is w × 7 + 5 pixels wide at 96 dpi (7 px =
 * the width of '0' in Calibri 11); a cell keeps about 5 px of that for its padding.
 */
import { FORMATS, type CellStyle, type PlanCell, type Scalar } from "./plan";

const REGULAR = [23, 33, 40, 50, 51, 71, 68, 22, 30, 30, 50, 50, 25, 31, 25, 39, 51, 51, 51, 51, 51, 51, 51, 51, 51, 51, 27, 27, 50, 50, 50, 46, 89, 58, 54, 53, 62, 49, 46, 63, 62, 25, 32, 52, 42, 85, 65, 66, 52, 67, 54, 46, 49, 64, 57, 89, 52, 49, 47, 31, 39, 31, 50, 50, 29, 48, 53, 42, 53, 50, 31, 47, 53, 23, 24, 45, 23, 80, 53, 53, 53, 53, 35, 39, 33, 53, 45, 71, 43, 45, 40, 31, 46, 31, 50];
const BOLD = [23, 33, 44, 50, 51, 73, 70, 23, 31, 31, 50, 50, 26, 31, 27, 43, 51, 51, 51, 51, 51, 51, 51, 51, 51, 51, 28, 28, 50, 50, 50, 46, 90, 61, 56, 53, 63, 49, 46, 64, 63, 27, 33, 55, 42, 87, 66, 68, 53, 69, 56, 47, 50, 65, 59, 91, 55, 52, 48, 32, 43, 32, 50, 50, 30, 49, 54, 42, 54, 50, 32, 47, 54, 25, 26, 48, 25, 81, 54, 54, 54, 54, 36, 40, 35, 54, 47, 75, 46, 47, 40, 34, 48, 34, 50];
const OTHER: Record<string, number> = { "€": 51, "—": 91, "–": 50, "·": 25, "Σ": 46, "ï": 23, "í": 23, "ì": 23 };

/** Font size (pt) and weight of each named style: the looks both hosts give them. */
export const STYLE_FONT: Record<CellStyle | "default", { size: number; bold: boolean }> = {
  default: { size: 11, bold: false },
  title: { size: 15, bold: true },
  subtitle: { size: 11, bold: false },
  section: { size: 12, bold: true },
  header: { size: 10, bold: true },
  label: { size: 10, bold: false },
  total: { size: 10, bold: true },
  note: { size: 9, bold: false },
  warning: { size: 10, bold: true },
  banner: { size: 11, bold: true },
  input: { size: 10, bold: false },
};

/** Pixels of `text` in Calibri at `size` pt. */
export function textPixels(text: string, size: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 32;
    em += c >= 32 && c <= 126 ? table[c - 32] : OTHER[ch] ?? 52;
  }
  return (em / 100) * size * (96 / 72);
}

/** Column width (Excel units) a single line of `text` needs, padding included. */
export function widthFor(text: string, style?: CellStyle): number {
  const f = STYLE_FONT[style ?? "default"];
  return (textPixels(text, f.size, f.bold) + 8) / 7;
}

/** Line height in points for a style. */
export function lineHeight(style?: CellStyle): number {
  return Math.ceil(STYLE_FONT[style ?? "default"].size * 1.32);
}

/** Lines that `text` takes when wrapped at `width` (Excel units), breaking at spaces like Excel does. */
export function wrappedLineCount(text: string, width: number, style?: CellStyle): number {
  const f = STYLE_FONT[style ?? "default"];
  const avail = Math.max(1, width * 7 - 3);
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let n = 1;
    const space = textPixels(" ", f.size, f.bold);
    for (const word of para.split(" ")) {
      const w = textPixels(word, f.size, f.bold);
      if (line === 0) line = w;
      else if (line + space + w <= avail) line += space + w;
      else {
        n++;
        line = w;
      }
      // a word wider than the cell is broken over lines too
      while (line > avail) {
        n++;
        line -= avail;
      }
    }
    lines += n;
  }
  return lines;
}

function group(n: number): string {
  return Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** The text a value shows with a number format (Dutch separators), close enough to size a column. */
export function shownText(v: Scalar | undefined, nf: string | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return "";
  const sign = v < 0 ? "-" : "";
  const cents = (x: number) => `${group(Math.trunc(Math.abs(x)))},${Math.round((Math.abs(x) % 1) * 100).toString().padStart(2, "0")}`;
  switch (nf) {
    case FORMATS.euro: return `${sign}€ ${cents(v)}`;
    case FORMATS.percent: return `${sign}${(Math.abs(v) * 100).toFixed(2).replace(".", ",")}%`;
    case FORMATS.percent0: return `${sign}${Math.round(Math.abs(v) * 100)}%`;
    case FORMATS.fte: return `${sign}${Math.abs(v).toFixed(2).replace(".", ",")}`;
    case FORMATS.number: return `${sign}${cents(v)}`;
    case FORMATS.count: return `${sign}${group(v)}`;
    case FORMATS.date: return "30-12-2025";
    default: return String(v).replace(".", ",");
  }
}

/** The text a plan cell shows (its value, or for a formula the engine's value). */
export function cellText(c: PlanCell): string {
  return shownText(c.f !== undefined ? c.r : c.v, c.nf);
}
