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
  /** horizontal alignment; absent = the spreadsheet's default (text left, numbers right) */
  align?: "left" | "center" | "right";
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
  /**
   * row heights in points, index 0 = row 1, chosen from the content (wrapped text, larger fonts);
   * absent or undefined = the default height
   */
  heights?: (number | undefined)[];
  /** number of frozen rows at the top */
  freezeRows?: number;
  merges: string[];
  conditional: ConditionalFormat[];
  charts: ChartPlan[];
  /** cells meant for people to type in (e.g. Toelichting): left unlocked */
  editable: string[];
  tabColor?: string;
  /** how the sheet prints; the report sheets print as one pack, each sheet numbering its own pages */
  print?: PrintSetup;
}

export interface PrintSetup {
  /** print area, e.g. "A1:I60" (the used range with the charts) */
  area: string;
  landscape: boolean;
  /** fit to this many pages wide (height: as many pages as needed) */
  fitWidth: number;
  /** rows repeated at the top of every page, e.g. "1:4" (the title block) */
  repeatRows?: string;
  /** footer: sheet name left, "Pagina &P van &N" right, page numbers starting at 1 on every sheet */
  pageNumbers: boolean;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** recorded in the workbook so a later build recognises the sheets it made */
  marker: { product: "dvo-addendum"; version: string; fingerprint: string; builtAt: string; reportMonth: number };
}

export const FORMATS = {
  /** no colour in the format: red and green come from conditional formats that know nadeel and voordeel */
  euro: "€ #,##0.00;-€ #,##0.00",
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
