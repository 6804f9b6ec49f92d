/**
 * The in-memory workbook behind the strict Excel double: what Excel would hold after a batch, and what a
 * test inspects or exports. Written from the Office.js documentation, not from the add-in's code.
 */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  fontName?: string;
  /** border line style, weight and colour per edge, as RangeBorder takes them */
  borderTop?: string;
  borderTopWeight?: string;
  borderTopColor?: string;
  borderBottom?: string;
  borderBottomWeight?: string;
  borderBottomColor?: string;
  wrap?: boolean;
  verticalAlignment?: string;
  horizontalAlignment?: string;
  /** false: the cell stays editable on a protected sheet */
  locked?: boolean;
}

export interface CellModel {
  /** the value Excel shows: number, boolean, text; a formula's value only when a test set one */
  value: string | number | boolean | null;
  /** A1 formula with its "=", as Excel shows it in the formula bar */
  formula?: string;
  /** the text was typed with a leading apostrophe (Excel keeps it as text and hides the apostrophe) */
  quoted?: boolean;
  /** a formula written while calculation was suspended, not calculated since (see ExcelDouble.staleFormulas) */
  stale?: boolean;
  numberFormat: string;
  style: CellStyle;
}

export interface TableModel {
  name: string;
  sheetId: string;
  rect: Rect;
  style?: string;
}

export interface ChartModel {
  type: string;
  source: string;
  title?: string;
  position?: string;
  width?: number;
  height?: number;
  series: Array<{ name?: string; values?: string; categories?: string }>;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protection: { protected: boolean; options?: Record<string, unknown> };
  cells: Map<string, CellModel>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  tabColor?: string;
  merged: Rect[];
  freezeRows?: number;
  showGridlines: boolean;
  pageLayout: Record<string, unknown>;
  conditionalFormats: Array<{ address: string; type: string; formula?: string; fill?: string; font?: string }>;
  dataValidation: Array<{ address: string; rule: unknown }>;
  charts: ChartModel[];
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export const key = (r: number, c: number): string => `${r},${c}`;

export function colLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3", "A1:C4", "A:A", "C:E", "1:3" → a rectangle (1-based, inclusive); null when not an address. */
export function parseAddress(address: string): Rect | null {
  const a = address.replace(/\$/g, "").trim();
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? colNumber(m[3]) : c1;
    return valid({ r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c1 = colNumber(m[1]);
    const c2 = colNumber(m[2]);
    return valid({ r1: 1, c1: Math.min(c1, c2), r2: MAX_ROWS, c2: Math.max(c1, c2) });
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r1 = Number(m[1]);
    const r2 = Number(m[2]);
    return valid({ r1: Math.min(r1, r2), c1: 1, r2: Math.max(r1, r2), c2: MAX_COLS });
  }
  return null;
}

function valid(r: Rect): Rect | null {
  return r.r1 >= 1 && r.c1 >= 1 && r.r2 <= MAX_ROWS && r.c2 <= MAX_COLS ? r : null;
}

export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.c1)}${r.r1}`;
  const b = `${colLetters(r.c2)}${r.r2}`;
  return a === b ? a : `${a}:${b}`;
}

export const rows = (r: Rect): number => r.r2 - r.r1 + 1;
export const cols = (r: Rect): number => r.c2 - r.c1 + 1;

export function newSheet(id: string, name: string): SheetModel {
  return {
    id,
    name,
    visibility: "Visible",
    protection: { protected: false },
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merged: [],
    showGridlines: true,
    pageLayout: {},
    conditionalFormats: [],
    dataValidation: [],
    charts: [],
  };
}

export function emptyCell(): CellModel {
  return { value: null, numberFormat: "General", style: {} };
}

/** Is the cell still at its defaults (then it is not kept)? */
export function isBlank(c: CellModel): boolean {
  return c.value === null && c.formula === undefined && c.numberFormat === "General" && Object.keys(c.style).length === 0;
}

/** Rows and columns in use: cells with a value or formula (valuesOnly), or with anything at all. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of sheet.cells) {
    if (valuesOnly ? c.value === null && c.formula === undefined : isBlank(c)) continue;
    const [row, col] = k.split(",").map(Number);
    if (!r) r = { r1: row, c1: col, r2: row, c2: col };
    else {
      r.r1 = Math.min(r.r1, row);
      r.c1 = Math.min(r.c1, col);
      r.r2 = Math.max(r.r2, row);
      r.c2 = Math.max(r.c2, col);
    }
  }
  return r;
}
