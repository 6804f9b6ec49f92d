/** Building one sheet of the plan, row by row. */
import { a1 } from "../input/grid";
import { sheetRef } from "./a1";
import type { CellStyle, ChartPlan, ConditionalFormat, PlanCell, Scalar, SheetPlan } from "./plan";

export class SheetBuilder {
  readonly name: string;
  private readonly cells: (PlanCell | undefined)[][] = [];
  private readonly widths: number[] = [];
  private readonly merges: string[] = [];
  private readonly conditional: ConditionalFormat[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly editable: string[] = [];
  private freezeRows: number | undefined;
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

  /** A header row in the given style. */
  header(...labels: string[]): number {
    return this.line(...labels.map((v) => ({ v, s: "header" as CellStyle, wrap: true })));
  }

  section(title: string): number {
    if (this.row > 1) this.row++;
    return this.line({ v: title, s: "section" });
  }

  blank(n = 1): void {
    this.row += n;
  }

  /** Absolute reference to a cell of this sheet from another sheet. */
  ref(row: number, col: number): string {
    return sheetRef(this.name, row, col);
  }

  width(col: number, chars: number): void {
    this.widths[col - 1] = chars;
  }

  widthsFrom(chars: number[]): void {
    chars.forEach((w, i) => (this.widths[i] = w));
  }

  freeze(rows: number): void {
    this.freezeRows = rows;
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

  build(): SheetPlan {
    return {
      name: this.name,
      cells: this.cells,
      widths: this.widths.map((w) => w ?? 10),
      freezeRows: this.freezeRows,
      merges: this.merges,
      conditional: this.conditional,
      charts: this.charts,
      editable: this.editable,
    };
  }
}
