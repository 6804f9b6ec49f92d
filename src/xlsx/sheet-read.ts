/**
 * One worksheet part streamed into a SheetGrid: cell values reduced to what the engine understands
 * (numbers, text, booleans, dates, error values; a formula gives its cached result), the Excel table whose
 * name is the sheet's, and why some blank-looking cells are blank (covered by a merge, or a formula whose
 * result was not saved). Nothing else in the sheet (drawings, comments, validations…) is looked at.
 */
import type { BlankReason, CellValue, SheetGrid } from "../input/grid";
import { findTags, Package } from "./package";
import { RowSink, StoreSink } from "./sheet-sink";
import { attrByLocal, attrValue, scanXml, XmlScanner, type XmlHandler } from "./xml-scan";
import { decodeEscapes } from "./workbook";
import { entryChunks } from "./zip";
import { SheetByteScanner } from "./sheet-bytes";

export interface CellContext {
  strings: string[];
  dateStyle: boolean[];
  date1904: boolean;
}

/** Merged ranges larger than this are not expanded into per-cell blank reasons. */
const MERGE_EXPAND_LIMIT = 10_000;

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 in the 1900 system) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904_SHIFT = 1_462;

/** A date serial as a Date at UTC (dates at UTC midnight of their calendar day, as the input layer wants). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(serialToTime(serial, date1904));
}

/** The same as a time value (ms since 1970). */
export function serialToTime(serial: number, date1904: boolean): number {
  return Math.round((serial + (date1904 ? EPOCH_1904_SHIFT : 0) - EPOCH_1900) * MS_PER_DAY);
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

export function cellValue(type: string, raw: string, inline: string, style: number, ctx: CellContext): CellValue {
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

/** Where the cells of a sheet go as they are read: row arrays, or a compact store (sheet-sink.ts). */
export interface CellSink {
  startRow(row: number): void;
  /** one `<c>`: its column, type, `<v>` text, inline-string text and style index */
  cell(col: number, type: string, raw: string, inline: string, style: number): void;
  /** the same for the two kinds most cells are, already parsed: a shared string by index, a number */
  shared(col: number, index: number): void;
  numeric(col: number, n: number, style: number): void;
  endRow(): void;
}

export interface SheetScan {
  blank: Record<string, BlankReason>;
  merges: string[];
  tableRIds: string[];
  /** the last row of the sheet's declared dimension (0 when it has none) */
  dimensionRows: number;
  /** the sheet row being read */
  row: number;
  /** the column of the cell being read */
  col: number;
}

/** An XML handler that reads a worksheet's cells into `sink` and notes the rest in `found`. */
export function sheetHandler(sink: CellSink, ctx: CellContext, found: SheetScan): { handler: XmlHandler; wantText: () => boolean } {
  const { blank, merges, tableRIds } = found;
  // the cell being read
  let type = "";
  let style = 0;
  let raw = "";
  let inline = "";
  let formula: string | null = null;
  let text: "v" | "f" | "t" | "" = "";
  let inIs = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    open(n, a) {
      switch (n) {
        case "row": {
          const r = Number(attrValue(a, "r"));
          found.row = Number.isInteger(r) && r > 0 ? r : found.row + 1;
          found.col = 0;
          sink.startRow(found.row);
          break;
        }
        case "c": {
          const r = attrValue(a, "r");
          const at = r ? parseRef(r) : null;
          found.col = at ? at.col : found.col + 1;
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
        case "dimension": { const to = parseRef((attrValue(a, "ref") ?? "").split(":").pop() ?? ""); found.dimensionRows = to?.row ?? 0; break; }
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
          if (formula !== null) {
            // why a formula cell reads as blank: its result was not saved (or is empty text)
            const v = cellValue(type, raw, inline, style, ctx);
            if (v === null || v === "") blank[`${colLetters(found.col)}${found.row}`] = { formula };
            if (v === null) return;
          }
          sink.cell(found.col, type, raw, inline, style);
          break;
        }
        case "row": sink.endRow(); break;
      }
    },
  };
  return { handler, wantText: () => text !== "" };
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

export interface SheetReadOptions {
  /** keep the cells in a compact column store (src/input/column-store.ts) instead of row arrays */
  store?: boolean;
  /**
   * Progress, now and then: the sheet row reached and the sheet's last row as its dimension declares it
   * (estimated from the bytes read when the sheet declares none).
   */
  onRows?: (row: number, of: number) => void | Promise<void>;
}

function newSink(ctx: CellContext, store: boolean, found: SheetScan): { sink: CellSink; finish(): Pick<SheetGrid, "rows" | "store"> } {
  if (!store) {
    const rows = new RowSink(ctx);
    return { sink: rows, finish: () => ({ rows: rows.rows() }) };
  }
  const sink = new StoreSink(ctx, () => found.dimensionRows);
  return { sink, finish: () => ({ rows: [], store: sink.store }) };
}

function finishGrid(pkg: Package, part: string, name: string, cells: Pick<SheetGrid, "rows" | "store">, found: SheetScan): SheetGrid {
  expandMerges(found.merges, found.blank);
  const grid: SheetGrid = { name, rows: cells.rows, origin: { row: 1, col: 1 } };
  if (cells.store) grid.store = cells.store;
  const table = matchingTable(pkg, part, name, found.tableRIds);
  if (table) grid.table = table;
  if (Object.keys(found.blank).length > 0) grid.blank = found.blank;
  return grid;
}

const emptyScan = (): SheetScan => ({ blank: {}, merges: [], tableRIds: [], dimensionRows: 0, row: 0, col: 0 });

/** A worksheet part as a grid from A1 to its last row and column with a value. Throws on malformed XML. */
export function readSheetGrid(pkg: Package, part: string, name: string, ctx: CellContext, opts: SheetReadOptions = {}): SheetGrid {
  const bytes = pkg.bytes(part) ?? new Uint8Array(0);
  const found = emptyScan();
  const { sink, finish } = newSink(ctx, opts.store ?? false, found);
  const { handler, wantText } = sheetHandler(sink, ctx, found);
  if (utf16(bytes)) scanXml(pkg.text(part) ?? "", handler, wantText);
  else {
    const fast = new SheetByteScanner(sink, found, new XmlScanner(handler, wantText));
    fast.feed(bytes);
    fast.end();
  }
  return finishGrid(pkg, part, name, finish(), found);
}

/** Whether a part starts with a UTF-16 byte order mark (xmlText in package.ts); else it is UTF-8. */
function utf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
}

/**
 * The same, read in chunks as the part inflates: the sheet's XML is never whole in memory. Throws
 * (ZipError, XmlError) like readSheetGrid.
 */
export async function readSheetGridChunked(pkg: Package, part: string, name: string, ctx: CellContext, opts: SheetReadOptions = {}): Promise<SheetGrid> {
  const entry = pkg.entry(part);
  if (!entry) return readSheetGrid(pkg, part, name, ctx, opts);
  return readSheetChunks(pkg, part, name, ctx, entryChunks(entry), entry.size, opts);
}

/** A worksheet from its uncompressed bytes in pieces (`size` bytes in all, for progress). */
export async function readSheetChunks(
  pkg: Package, part: string, name: string, ctx: CellContext, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, size: number, opts: SheetReadOptions = {},
): Promise<SheetGrid> {
  const found = emptyScan();
  const { sink, finish } = newSink(ctx, opts.store ?? false, found);
  const { handler, wantText } = sheetHandler(sink, ctx, found);
  const general = new XmlScanner(handler, wantText);
  let fast: SheetByteScanner | undefined;
  let decoder: { decode(b?: Uint8Array, o?: { stream?: boolean }): string } | undefined;
  let done = 0;
  let reported = 0;
  for await (const chunk of chunks) {
    if (done === 0) {
      const u16 = utf16(chunk);
      if (u16) decoder = new TextDecoder(u16);
      else fast = new SheetByteScanner(sink, found, general);
    }
    if (fast) fast.feed(chunk);
    else general.feed(decoder?.decode(chunk, { stream: true }) ?? "");
    done += chunk.length;
    if (opts.onRows && done - reported >= PROGRESS_BYTES) {
      reported = done;
      const of = found.dimensionRows >= found.row ? found.dimensionRows : Math.round(found.row * (size / done));
      await opts.onRows(found.row, of);
    }
  }
  if (fast) fast.end();
  else {
    general.feed(decoder?.decode() ?? "");
    general.end();
  }
  opts.onRows?.(found.row, found.row);
  return finishGrid(pkg, part, name, finish(), found);
}

/** Progress is told after about this many bytes of sheet XML. */
const PROGRESS_BYTES = 4 << 20;
