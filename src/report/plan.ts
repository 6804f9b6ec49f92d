/**
 * The host-neutral description of the report workbook: sheets, cells, formulas with their engine values,
 * formats, conditional formats and charts. Hosts (exceljs, Office.js) only translate this into their API.
 */

export type Scalar = string | number | boolean | null;

/** Named cell styles; each host maps them to its own formatting. */
export type CellStyle = "title" | "subtitle" | "section" | "header" | "label" | "total" | "note" | "warning" | "banner" | "input";

export interface PlanCell {
  /** a literal value; a string is always written as text, never as a formula */
  v?: Scalar;
  /** a formula, without the leading '=' (A1 references, functions known to Excel and LibreOffice 7.4) */
  f?: string;
  /** the engine's own value of the formula, stored as its cached result */
  r?: Scalar;
  /** number format, e.g. EURO */
  nf?: string;
  s?: CellStyle;
  /** wrap text */
  wrap?: boolean;
}

export interface ConditionalFormat {
  /** A1 range on the sheet, e.g. "G8:G13" */
  range: string;
  /** a formula relative to the top-left cell of `range` (no '=') */
  formula: string;
  style: "bad" | "good" | "attention";
}

export interface ChartSeries {
  name: string;
  /** A1 range on the same sheet */
  values: string;
}

export interface ChartPlan {
  kind: "column" | "line" | "bar";
  title: string;
  categories: string;
  series: ChartSeries[];
  /** top-left cell of the chart */
  anchor: string;
  width: number;
  height: number;
}

export interface SheetPlan {
  name: string;
  /** cells[r][c] is sheet cell (r+1, c+1) */
  cells: (PlanCell | undefined)[][];
  /** column widths in characters, index 0 = column A */
  widths: number[];
  /** number of frozen rows at the top */
  freezeRows?: number;
  merges: string[];
  conditional: ConditionalFormat[];
  charts: ChartPlan[];
  /** cells meant for people to type in (e.g. Toelichting): left unlocked */
  editable: string[];
  tabColor?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** recorded in the workbook so a later build recognises the sheets it made */
  marker: { product: "dvo-addendum"; version: string; fingerprint: string; builtAt: string; reportMonth: number };
}

export const FORMATS = {
  euro: "€ #,##0.00;[Red]-€ #,##0.00",
  percent: "0.00%",
  percent0: "0%",
  count: "#,##0",
  fte: "0.00",
  date: "d-m-yyyy",
  text: "@",
  number: "#,##0.00",
} as const;

export function cellCount(plan: WorkbookPlan): number {
  let n = 0;
  for (const s of plan.sheets) for (const row of s.cells) for (const c of row) if (c) n++;
  return n;
}
