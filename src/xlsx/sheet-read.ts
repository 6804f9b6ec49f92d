/**
 * One worksheet part streamed into a SheetGrid: cell values reduced to what the engine understands
 * (numbers, text, booleans, dates, error values; a formula gives its cached result), the Excel table whose
 * name is the sheet's, and why some blank-looking cells are blank (covered by a merge, or a formula whose
 * result was not saved). Nothing else in the sheet (drawings, comments, validations…) is looked at.
 */
import { isBlank, type BlankReason, type CellValue, type SheetGrid } from "../input/grid";
import { findTags, Package } from "./package";
import { attrByLocal, attrValue, scanXml } from "./xml-scan";
import { decodeEscapes } from "./workbook";

export interface CellContext {
  strings: string[];
  dateStyle: boolean[];
  date1904: boolean;
}

/** Above this many cells a grid keeps rows only as long as their last value (no padding with nulls). */
const DENSE_CELL_BUDGET = 4_000_000;
/** Merged ranges larger than this are not expanded into per-cell blank reasons. */
const MERGE_EXPAND_LIMIT = 10_000;

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 in the 1900 system) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904_SHIFT = 1_462;

/** A date serial as a Date at UTC (dates at UTC midnight of their calendar day, as the input layer wants). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? EPOCH_1904_SHIFT : 0) - EPOCH_1900;
  return new Date(Math.round(days * MS_PER_DAY));
}

/** "AB12" → {row: 12, col: 28}; null when not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  const s = ref.trim().replace(/\$/g, "");
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3) return null;
  const row = Number(s.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { row, col };
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function isoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const d = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Math.floor(Number(m[6] ?? 0)));
  return Number.isNaN(d) ? null : new Date(d);
}

function cellValue(type: string, raw: string, inline: string, style: number, ctx: CellContext): CellValue {
  switch (type) {
    case "s": {
      const i = Number(raw);
      return Number.isInteger(i) && i >= 0 && i < ctx.strings.length ? ctx.strings[i] : null;
    }
    case "inlineStr":
      return decodeEscapes(inline);
    case "str":
      return decodeEscapes(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: raw.trim() };
    case "d":
      return isoDate(raw);
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw.trim();
      return ctx.dateStyle[style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

interface SheetScan {
  sparse: Array<{ row: number; values: CellValue[] }>;
  blank: Record<string, BlankReason>;
  merges: string[];
  tableRIds: string[];
}

function scan(xml: string, ctx: CellContext): SheetScan {
  const sparse: SheetScan["sparse"] = [];
  const blank: Record<string, BlankReason> = {};
  const merges: string[] = [];
  const tableRIds: string[] = [];
  let rowNum = 0;
  let values: CellValue[] = [];
  let rowLast = 0;
  let col = 0;
  // the cell being read
  let type = "";
  let style = 0;
  let raw = "";
  let inline = "";
  let formula: string | null = null;
  let text: "v" | "f" | "t" | "" = "";
  let inIs = false;
  let phonetic = 0;
  scanXml(xml, {
    open(n, a) {
      switch (n) {
        case "row": {
          const r = Number(attrValue(a, "r"));
          rowNum = Number.isInteger(r) && r > 0 ? r : rowNum + 1;
          values = [];
          rowLast = 0;
          col = 0;
          break;
        }
        case "c": {
          const r = attrValue(a, "r");
          const at = r ? parseRef(r) : null;
          col = at ? at.col : col + 1;
          type = attrValue(a, "t") ?? "n";
          const st = attrValue(a, "s");
          style = st ? Number(st) : 0;
            raw = "";
          inline = "";
          formula = null;
          break;
        }
        case "v": text = "v"; break;
        case "f": text = "f"; formula = formula ?? ""; break;
        case "is": inIs = true; break;
        case "rPh": phonetic++; break;
        case "t": if (inIs && phonetic === 0) text = "t"; break;
        case "mergeCell": { const m = attrValue(a, "ref"); if (m) merges.push(m); break; }
        case "tablePart": { const id = attrByLocal(a, "id"); if (id) tableRIds.push(id); break; }
      }
    },
    text(s) {
      if (text === "v") raw += s;
      else if (text === "t") inline += s;
      else if (text === "f") formula += s;
    },
    close(n) {
      switch (n) {
        case "v": case "f": case "t": text = ""; break;
        case "is": inIs = false; break;
        case "rPh": phonetic--; break;
        case "c": {
          const v = cellValue(type, raw, inline, style, ctx);
          if (v === null) {
            if (formula !== null) blank[`${colLetters(col)}${rowNum}`] = { formula };
            return;
          }
          values[col - 1] = v;
          if (!isBlank(v)) rowLast = Math.max(rowLast, col);
          if (formula !== null && typeof v === "string" && v === "") blank[`${colLetters(col)}${rowNum}`] = { formula };
          break;
        }
        case "row":
          if (rowLast > 0) {
            values.length = rowLast;
            sparse.push({ row: rowNum, values });
          }
          break;
      }
    },
  }, () => text !== "");
  return { sparse, blank, merges, tableRIds };
}

function nameKey(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, " ");
}

/** The table on the sheet whose name (or display name) is the sheet's name. */
function matchingTable(pkg: Package, sheetPart: string, sheetName: string, rIds: string[]): SheetGrid["table"] | undefined {
  if (rIds.length === 0) return undefined;
  const rels = pkg.relationships(sheetPart);
  const want = nameKey(sheetName);
  for (const id of rIds) {
    const rel = rels.find((r) => r.id === id && r.type.endsWith("/table"));
    if (!rel || rel.external) continue;
    const xml = pkg.text(rel.part);
    if (!xml) continue;
    const t = findTags(xml, "table")[0]?.attrs;
    if (!t?.ref) continue;
    const names = [t.name, t.displayName].filter((x): x is string => !!x);
    if (!names.some((n) => nameKey(n) === want)) continue;
    const [tl, br] = t.ref.split(":");
    const from = parseRef(tl);
    const to = parseRef(br ?? tl);
    if (!from || !to) continue;
    const totals = Number(t.totalsRowCount ?? 0);
    return { name: t.displayName ?? t.name ?? sheetName, row: from.row, col: from.col, lastRow: to.row, totalsRows: Number.isInteger(totals) && totals > 0 ? totals : 0 };
  }
  return undefined;
}

function expandMerges(merges: string[], blank: Record<string, BlankReason>): void {
  for (const m of merges) {
    const [a, b] = m.split(":");
    const from = parseRef(a);
    const to = parseRef(b ?? a);
    if (!from || !to) continue;
    if ((to.row - from.row + 1) * (to.col - from.col + 1) > MERGE_EXPAND_LIMIT) continue;
    const master = `${colLetters(from.col)}${from.row}`;
    for (let r = from.row; r <= to.row; r++) {
      for (let c = from.col; c <= to.col; c++) {
        const addr = `${colLetters(c)}${r}`;
        if (addr !== master) blank[addr] = { mergedInto: master };
      }
    }
  }
}

/** A worksheet part as a grid from A1 to its last row and column with a value. Throws on malformed XML. */
export function readSheetGrid(pkg: Package, part: string, name: string, ctx: CellContext): SheetGrid {
  const xml = pkg.text(part) ?? "";
  const { sparse, blank, merges, tableRIds } = scan(xml, ctx);
  expandMerges(merges, blank);
  let lastRow = 0;
  let lastCol = 0;
  for (const r of sparse) {
    lastRow = Math.max(lastRow, r.row);
    lastCol = Math.max(lastCol, r.values.length);
  }
  sparse.sort((a, b) => a.row - b.row);
  const dense = lastRow * lastCol <= DENSE_CELL_BUDGET;
  const rows: CellValue[][] = [];
  let next = 1;
  for (const { row, values } of sparse) {
    if (row < next) continue; // a row written twice: the first one counts
    for (; next < row; next++) rows.push(dense ? new Array<CellValue>(lastCol).fill(null) : []);
    // pad the row read in place (holes become null) rather than copy it
    const width = dense ? lastCol : values.length;
    for (let c = 0; c < width; c++) if (values[c] === undefined) values[c] = null;
    rows.push(values);
    next = row + 1;
  }
  const grid: SheetGrid = { name, rows, origin: { row: 1, col: 1 } };
  const table = matchingTable(pkg, part, name, tableRIds);
  if (table) grid.table = table;
  if (Object.keys(blank).length > 0) grid.blank = blank;
  return grid;
}
