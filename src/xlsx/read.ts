/**
 * exceljs host, reading side: a .xlsx file (or its bytes) → WorkbookGrids for `input/`.
 *
 * Every input sheet becomes a SheetGrid whose origin is A1 and which runs to the last row and column
 * holding a value. Cell values are reduced to what the engine understands (numbers, text, booleans,
 * dates, error values); formulas give their cached result. The add-in's own metadata sheets and the
 * report sheets it wrote are skipped, so a report workbook can be read again as input.
 *
 * Failures never throw: they come back as one Dutch sentence the user can act on. This module does no
 * file I/O (it also runs in the browser); reading from disk is in file.ts.
 */
import ExcelJS from "exceljs";
import { SHEETS } from "../domain/glossary";
import { isBlank, type BlankReason, type CellValue, type SheetGrid, type WorkbookGrids } from "../input/grid";

export type ReadOutcome = { ok: true; grids: WorkbookGrids; workbook: ExcelJS.Workbook } | { ok: false; message: string };

/** Name of the very-hidden sheet where the add-in lists the sheets it made (column A kind, column B name). */
export const METADATA_SHEET = "_dvo_addendum";
/** Prefix of the add-in's own (very hidden) sheets. */
export const METADATA_PREFIX = "_dvo";
/** Column A value that marks a report sheet in the metadata sheet. */
export const REPORT_SHEET_KIND = "rapportblad";

/** Above this many cells a grid keeps rows only as long as their last value (no padding with nulls). */
const DENSE_CELL_BUDGET = 4_000_000;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // local file header
  [0x50, 0x4b, 0x05, 0x06], // empty archive
  [0x50, 0x4b, 0x07, 0x08], // spanned archive
];

/**
 * Read a workbook from its bytes (an upload, a test fixture). `name`, when given, is used in messages.
 * Never throws.
 */
export async function readWorkbookBuffer(buf: ArrayBuffer | Uint8Array, name?: string): Promise<ReadOutcome> {
  const label = name ? `Het bestand '${name}'` : "Het bestand";
  let bytes: Uint8Array;
  try {
    bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  } catch {
    return fail(`${label} kan niet worden gelezen: kies een Excel-werkmap (.xlsx).`);
  }
  return readBytes(bytes, label);
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].trim();
}

/** Whether `text` (ASCII) occurs in `bytes`: zip entry names are stored as plain bytes. */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - text.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** A rough look at the first bytes: does this look like text (CSV, HTML, XML) rather than a binary format? */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xef, 0xbb, 0xbf])) return true;
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  let printable = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  return printable / head.length > 0.95;
}

function notWorkbookMessage(label: string, bytes: Uint8Array): string {
  if (looksLikeText(bytes)) {
    return `${label} is geen Excel-werkmap (.xlsx): het lijkt een tekstbestand (bijvoorbeeld CSV of HTML); open het in Excel en sla het op als Excel-werkmap (.xlsx).`;
  }
  return `${label} is geen Excel-werkmap (.xlsx): het heeft een onbekende indeling; kies een bestand dat in Excel is opgeslagen als Excel-werkmap (.xlsx).`;
}

export async function readBytes(bytes: Uint8Array, label: string): Promise<ReadOutcome> {
  if (bytes.length === 0) return fail(`${label} is leeg: kies een Excel-werkmap (.xlsx).`);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return fail(`${label} is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord: open het in Excel en sla het op als Excel-werkmap (.xlsx) zonder wachtwoord.`);
  }
  if (!ZIP_SIGNATURES.some((s) => startsWith(bytes, s))) return fail(notWorkbookMessage(label, bytes));
  if (latin1(bytes.subarray(30, 100)).includes("opendocument.spreadsheet")) {
    return fail(`${label} is geen Excel-werkmap (.xlsx): het is een OpenDocument-rekenblad (.ods); sla het op als Excel-werkmap (.xlsx).`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const m = errorText(e);
    // jszip's and pako's messages for a damaged archive or a damaged part inside it
    if (/zip|central directory|end of data|corrupted|size mismatch|crc32|invalid (signature|distance|code|block|stored|bit length|literal)|too many length|incorrect (header|data) check|unexpected end/i.test(m)) {
      return fail(`${label} is beschadigd of onvolledig (het zip-archief is niet compleet): kopieer of download het opnieuw, of open het in Excel en sla het opnieuw op.`);
    }
    return fail(`${label} kan niet als Excel-werkmap worden gelezen (${m}): open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx).`);
  }
  if (workbook.worksheets.length === 0) {
    if (containsAscii(bytes, "xl/workbook.xml")) {
      return fail(`${label} is een Excel-werkmap zonder werkbladen: open het in Excel en voeg de invoerbladen toe, of maak een nieuwe invoerwerkmap met 'dvo-addendum template'.`);
    }
    return fail(`${label} is geen Excel-werkmap (.xlsx): het is een zip-archief zonder werkbladen (misschien een Word-document of een .xlsb-bestand); sla het op als Excel-werkmap (.xlsx).`);
  }
  try {
    repairLoadedTables(workbook);
    return { ok: true, grids: gridsOf(workbook), workbook };
  } catch (e) {
    return fail(`${label} kan niet als Excel-werkmap worden gelezen (${errorText(e)}): open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx).`);
  }
}

/** Grids of every sheet a user may have filled: all but the add-in's metadata and report sheets. */
export function gridsOf(workbook: ExcelJS.Workbook): WorkbookGrids {
  const skip = reportSheetNames(workbook);
  const sheets: SheetGrid[] = [];
  const meta: Record<string, CellValue[][]> = {};
  const previous: Record<string, CellValue[][]> = {};
  for (const ws of workbook.worksheets) {
    if (isMetadataSheet(ws)) {
      meta[ws.name] = sheetGrid(ws).rows;
      continue;
    }
    if (skip.has(ws.name.toLowerCase())) {
      // only the editable report sheet is kept, for what people typed in it
      if (/^6\.5 /.test(ws.name)) previous[ws.name] = sheetGrid(ws).rows;
      continue;
    }
    sheets.push(sheetGrid(ws));
  }
  return { sheets, meta, previous };
}

function isMetadataSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.state === "veryHidden" && ws.name.toLowerCase().startsWith(METADATA_PREFIX);
}

/**
 * Names (lower case) of the report sheets listed in the very-hidden metadata sheet. An input sheet name is
 * never skipped, whatever the metadata says.
 */
function reportSheetNames(workbook: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  const meta = workbook.worksheets.find((ws) => ws.name.toLowerCase() === METADATA_SHEET && ws.state === "veryHidden");
  if (!meta) return names;
  const inputs = new Set(Object.values(SHEETS).map((s) => s.toLowerCase()));
  meta.eachRow({ includeEmpty: false }, (row) => {
    const kind = toCellValue(row.getCell(1));
    const name = toCellValue(row.getCell(2));
    if (typeof kind === "string" && kind.trim().toLowerCase() === REPORT_SHEET_KIND && typeof name === "string" && name.trim() !== "") {
      const n = name.trim().toLowerCase();
      if (!inputs.has(n)) names.add(n);
    }
  });
  return names;
}

/** One worksheet as a grid from A1 to its last row and column with a value. */
export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const sparse: Array<{ row: number; values: CellValue[] }> = [];
  let lastRow = 0;
  let lastCol = 0;
  const blank: Record<string, BlankReason> = {};
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    let rowLast = 0;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = toCellValue(cell);
      const why = v === null ? blankReason(cell) : undefined;
      if (why) blank[cell.address] = why;
      if (v === null) return;
      values[colNumber - 1] = v;
      if (!isBlank(v)) rowLast = Math.max(rowLast, colNumber);
    });
    if (rowLast === 0) return;
    values.length = rowLast;
    sparse.push({ row: rowNumber, values });
    lastRow = Math.max(lastRow, rowNumber);
    lastCol = Math.max(lastCol, rowLast);
  });
  const dense = lastRow * lastCol <= DENSE_CELL_BUDGET;
  const rows: CellValue[][] = [];
  let next = 1;
  for (const { row, values } of sparse) {
    for (; next < row; next++) rows.push(dense ? new Array<CellValue>(lastCol).fill(null) : []);
    const full: CellValue[] = [];
    const width = dense ? lastCol : values.length;
    for (let c = 0; c < width; c++) full.push(values[c] ?? null);
    rows.push(full);
    next = row + 1;
  }
  const grid: SheetGrid = { name: ws.name, rows, origin: { row: 1, col: 1 } };
  const table = matchingTable(ws);
  if (table) grid.table = table;
  if (Object.keys(blank).length > 0) grid.blank = blank;
  return grid;
}

/**
 * Why a cell that reads as blank shows something in Excel: it is covered by a merged range, or it is a
 * formula without a saved result (empty text, or a file saved without recalculation).
 */
function blankReason(cell: ExcelJS.Cell): BlankReason | undefined {
  if (cell.type === ExcelJS.ValueType.Merge) {
    const master = cell.master;
    return master && master.address !== cell.address ? { mergedInto: master.address } : undefined;
  }
  const v = cell.value;
  if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    if (f.result === undefined || f.result === null) return { formula: cell.formula ?? f.formula ?? "" };
  }
  return undefined;
}

/** Normalise a sheet or table name for comparison: case-insensitive, `_` and spaces alike. */
function nameKey(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, " ");
}

interface LoadedTableModel {
  name?: string;
  /** full range, set for loaded tables and for tables added in this session */
  tableRef?: string;
  /** top-left cell, set for tables added in this session */
  ref?: string;
}

interface LoadedTable {
  model?: LoadedTableModel & { headerRow?: boolean; columns?: Array<{ name?: string }> };
}

function tablesOf(ws: ExcelJS.Worksheet): LoadedTable[] {
  return Object.values((ws as unknown as { tables?: Record<string, LoadedTable> }).tables ?? {});
}

/**
 * exceljs 4.4 reads a table's header row only from an explicit `headerRowCount="1"`, but Excel omits the
 * attribute (its default is 1). Saving such a workbook again would write `headerRowCount="0"` and break
 * the user's tables. A loaded table whose first row holds exactly its column names has a header row.
 */
function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    for (const t of tablesOf(ws)) {
      const m = t.model;
      const ref = m?.tableRef ?? m?.ref;
      if (!m || m.headerRow || !ref || !m.columns || m.columns.length === 0) continue;
      const tl = parseA1(ref.split(":")[0]);
      if (!tl) continue;
      const row = ws.findRow(tl.row);
      if (!row) continue;
      const isHeader = m.columns.every((c, i) => {
        const v = toCellValue(row.getCell(tl.col + i));
        return c.name !== undefined && v !== null && String(v).trim() === c.name.trim();
      });
      if (isHeader) m.headerRow = true;
    }
  }
}

/** The Excel table whose name is the sheet's name, with its top-left (header) cell. */
function matchingTable(ws: ExcelJS.Worksheet): SheetGrid["table"] | undefined {
  const want = nameKey(ws.name);
  for (const t of tablesOf(ws)) {
    const m = t.model;
    const name = m?.name;
    const ref = m?.tableRef ?? m?.ref;
    if (!name || !ref || nameKey(name) !== want) continue;
    const tl = parseA1(ref.split(":")[0]);
    if (tl) return { name, row: tl.row, col: tl.col };
  }
  return undefined;
}

function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** exceljs cell → host-neutral cell value. Merged non-master cells are null. */
export function toCellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value);
}

function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v) return richTextOf(v);
  if ("formula" in v || "sharedFormula" in v) {
    const r = (v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue).result;
    if (r === undefined || r === null) return null;
    return plainValue(r as ExcelJS.CellValue);
  }
  if ("hyperlink" in v) {
    const text: unknown = v.text;
    if (typeof text === "string") return text;
    if (typeof text === "object" && text !== null && "richText" in text) return richTextOf(text as ExcelJS.CellRichTextValue);
    return text === undefined || text === null ? null : String(text);
  }
  return null;
}

function richTextOf(v: ExcelJS.CellRichTextValue): string {
  return (v.richText ?? []).map((r) => r.text ?? "").join("");
}
