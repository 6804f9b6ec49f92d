/** Building one sheet of the plan, row by row; the layout (widths, merges, wrap, heights) follows the content. */
import { a1, columnLetter } from "../input/grid";
import { sheetRef } from "./a1";
import { cellText, lineHeight, STYLE_FONT, widthFor, wrappedLineCount } from "./measure";
import type { CellStyle, ChartPlan, ConditionalFormat, PlanCell, PrintSetup, Scalar, SheetPlan } from "./plan";

/** A text column grows to fit its longest line up to this width; longer text wraps. */
const MAX_TEXT_WIDTH = 60;
/** Wrapped text that runs to the end of the sheet gets at least this width. */
const MIN_SPAN_WIDTH = 45;
const MIN_WIDTH = 6;
/** A free line up to this width widens the sheet's last column rather than wrap (a title reads best on one line). */
const MAX_FREE_WIDTH = 100;
/** Styles of lines that stand alone (title block, section titles, notes): they may run over empty columns. */
const FREE_STYLES = new Set<CellStyle | undefined>(["title", "subtitle", "section", "note", "warning"]);

export class SheetBuilder {
  readonly name: string;
  private readonly cells: (PlanCell | undefined)[][] = [];
  private readonly widths: number[] = [];
  private readonly merges: string[] = [];
  private readonly conditional: ConditionalFormat[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly editable: string[] = [];
  private readonly headerRows = new Set<number>();
  /** cells whose text runs to the last column of the sheet (merged there), by "row,col" */
  private readonly spans = new Set<string>();
  private freezeRows: number | undefined;
  private readonly minHeights = new Map<number, number>();
  private repeatRows: string | undefined;
  /** the next row to write (1-based) */
  row = 1;

  constructor(name: string) {
    this.name = name;
  }

  set(row: number, col: number, cell: PlanCell): void {
    while (this.cells.length < row) this.cells.push([]);
    this.cells[row - 1][col - 1] = cell;
  }

  /** Write cells from column 1 in the current row and move to the next row. Returns the row written. */
  line(...cells: (PlanCell | Scalar | undefined)[]): number {
    const r = this.row;
    cells.forEach((c, i) => {
      if (c === undefined || c === null) return;
      this.set(r, i + 1, typeof c === "object" ? c : { v: c });
    });
    this.row++;
    return r;
  }

  /** A header row; each header is aligned like the figures below it. */
  header(...labels: string[]): number {
    const r = this.line(...labels.map((v) => ({ v, s: "header" as CellStyle, wrap: true })));
    this.headerRows.add(r);
    return r;
  }

  section(title: string): number {
    if (this.row > 1) this.row++;
    return this.line({ v: title, s: "section" });
  }

  blank(n = 1): void {
    this.row += n;
  }

  /** Let the text of a cell run (merged, wrapped) from its column to the last column of the sheet. */
  spanToEnd(row: number, col: number): void {
    this.spans.add(`${row},${col}`);
  }

  /** Absolute reference to a cell of this sheet from another sheet. */
  ref(row: number, col: number): string {
    return sheetRef(this.name, row, col);
  }

  /** A minimum width for a column (the content may make it wider). */
  width(col: number, chars: number): void {
    this.widths[col - 1] = chars;
  }

  widthsFrom(chars: number[]): void {
    chars.forEach((w, i) => (this.widths[i] = w));
  }

  freeze(rows: number): void {
    this.freezeRows = rows;
  }

  /** A row at least this high (points), e.g. room for a signature. */
  minHeight(row: number, points: number): void {
    this.minHeights.set(row, points);
  }

  /** Rows repeated at the top of each printed page, e.g. "1:4". */
  printTitles(rows: string): void {
    this.repeatRows = rows;
  }

  merge(range: string): void {
    this.merges.push(range);
  }

  highlight(range: string, formula: string, style: ConditionalFormat["style"]): void {
    this.conditional.push({ range, formula, style });
  }

  chart(c: ChartPlan): void {
    this.charts.push(c);
  }

  allowEditing(row: number, col: number): void {
    this.editable.push(a1(row, col));
  }

  /** Is the cell alone on its row from its column on (nothing to its right)? */
  private aloneToTheRight(r: number, c: number): boolean {
    const row = this.cells[r] ?? [];
    for (let i = c + 1; i < row.length; i++) if (row[i]) return false;
    return true;
  }

  private isFree(r: number, c: number, cell: PlanCell): boolean {
    return (this.spans.size > 0 && this.spans.has(`${r + 1},${c + 1}`)) || (c === 0 && FREE_STYLES.has(cell.s) && this.aloneToTheRight(r, c));
  }

  /** Align each header like the first figure under it: numbers right, centred codes centred. */
  private alignHeaders(): void {
    for (const hr of this.headerRows) {
      const header = this.cells[hr - 1] ?? [];
      header.forEach((h, c) => {
        if (!h || h.align) return;
        for (let r = hr; r < this.cells.length; r++) {
          const below = this.cells[r]?.[c];
          if (!below) {
            if ((this.cells[r] ?? []).every((x) => !x)) break;
            continue;
          }
          if (below.s === "header" || below.s === "section") break;
          const value = below.f !== undefined ? below.r : below.v;
          if (below.align) h.align = below.align;
          else if (typeof value === "number" || (below.f !== undefined && value === "" && below.nf !== undefined)) h.align = "right";
          break;
        }
      });
    }
  }

  /**
   * A short text right after a figure (Ja/Nee, OK, Teamleider) is centred, so that it does not run into the
   * right-aligned figure before it.
   */
  private centreShortTextAfterFigures(): void {
    this.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell || c === 0 || cell.align || cell.s === "header" || this.isFree(r, c, cell)) return;
      const value = cell.f !== undefined ? cell.r : cell.v;
      const before = row[c - 1];
      const prev = before ? (before.f !== undefined ? before.r : before.v) : undefined;
      // a figure before: a number, or a formula with a number format whose value is empty here ("" for 0 %)
      const figure = typeof prev === "number" || (before?.f !== undefined && before.nf !== undefined && before.nf !== "@");
      if (typeof value === "string" && value !== "" && value.length <= 16 && figure && before?.align !== "center") cell.align = "center";
    }));
  }

  build(): SheetPlan {
    this.centreShortTextAfterFigures();
    this.alignHeaders();
    // (a loop, not a spread: a Berekening may have a million rows)
    const cols = this.cells.reduce((n, r) => Math.max(n, r.length), Math.max(this.widths.length, 1));
    const widths = Array.from({ length: cols }, (_, i) => this.widths[i] ?? MIN_WIDTH);

    // 1. Column widths from the cells that stay in their column.
    this.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell || this.isFree(r, c, cell)) return;
      const text = cellText(cell);
      if (text === "") return;
      if (cell.s === "header") {
        // a header wraps, but every word fits on its line
        const longest = Math.max(...text.split(/\s+/).map((w) => widthFor(w, "header")));
        widths[c] = Math.max(widths[c], longest);
        return;
      }
      if (cell.wrap) {
        // text the sheet wraps on purpose keeps its column's width; only its longest word must fit
        widths[c] = Math.max(widths[c], ...text.split(/\s+/).map((w) => widthFor(w, cell.s)));
        return;
      }
      const need = Math.max(...text.split("\n").map((t) => widthFor(t, cell.s)));
      if (typeof (cell.f !== undefined ? cell.r : cell.v) !== "string") widths[c] = Math.max(widths[c], need);
      else if (need <= Math.max(MAX_TEXT_WIDTH, widths[c])) widths[c] = Math.max(widths[c], need);
      else {
        cell.wrap = true;
        widths[c] = Math.max(widths[c], MAX_TEXT_WIDTH);
      }
    }));
    const round = (w: number) => Math.ceil(w * 2) / 2;
    for (let i = 0; i < widths.length; i++) widths[i] = round(widths[i]);

    // 2. Free lines: merged up to the last column when they need the room, wrapped when even that is short.
    const total = (from: number) => widths.slice(from).reduce((a, b) => a + b, 0);
    const available: Array<Array<number | undefined>> = this.cells.map(() => []);
    this.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell || !this.isFree(r, c, cell)) return;
      const text = cellText(cell);
      const spanned = this.spans.has(`${r + 1},${c + 1}`);
      if (!spanned && widthFor(text, cell.s) <= widths[c]) return;
      if (spanned && total(c) < MIN_SPAN_WIDTH) widths[cols - 1] += MIN_SPAN_WIDTH - total(c);
      const need = widthFor(text, cell.s);
      if (!cell.wrap && need > total(c) && need <= MAX_FREE_WIDTH) widths[cols - 1] = round(widths[cols - 1] + need - total(c));
      if (c < cols - 1) this.merges.push(`${columnLetter(c + 1)}${r + 1}:${columnLetter(cols)}${r + 1}`);
      available[r][c] = total(c);
      if (need > total(c)) cell.wrap = true;
    }));

    // 3. Row heights for wrapped text and larger fonts; a row with wrapped text reads from the top.
    const heights: (number | undefined)[] = this.cells.map((row, r) => {
      let h = 0;
      let multi = false;
      row.forEach((cell, c) => {
        if (!cell) return;
        const text = cell.wrap ? cellText(cell) : "";
        const lines = text !== "" ? wrappedLineCount(text, available[r][c] ?? widths[c], cell.s) : 1;
        const size = STYLE_FONT[cell.s ?? "default"].size;
        if (cell.wrap) multi = true;
        // a row with wrapped text always gets its height from here, so that no host guesses one
        if (cell.wrap || lines > 1 || size > 11) h = Math.max(h, lines * lineHeight(cell.s) + 4);
      });
      if (multi) row.forEach((cell) => { if (cell) cell.wrap = true; });
      h = Math.max(h, this.minHeights.get(r + 1) ?? 0);
      return h > 0 ? Math.min(409, Math.max(15, Math.ceil(h))) : undefined;
    });

    const lastRow = Math.max(this.cells.length, ...this.charts.map((ch) => Number(/\d+$/.exec(ch.anchor)?.[0] ?? 1) + Math.ceil(ch.height / 20)));
    const lastCol = Math.max(cols, ...this.charts.map((ch) => colIndex(ch.anchor) + Math.ceil(ch.width / 64)));
    const print: PrintSetup = {
      area: `A1:${columnLetter(lastCol)}${lastRow}`,
      landscape: true,
      fitWidth: 1,
      repeatRows: this.repeatRows,
      pageNumbers: true,
    };
    return {
      name: this.name,
      cells: this.cells,
      widths,
      heights,
      freezeRows: this.freezeRows,
      merges: this.merges,
      conditional: this.conditional,
      charts: this.charts,
      editable: this.editable,
      print,
    };
  }
}

function colIndex(anchor: string): number {
  const letters = /^[A-Z]+/.exec(anchor)?.[0] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
