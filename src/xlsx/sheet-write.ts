/**
 * Worksheet XML for the sheets the add-in owns: the report sheets of a plan and the record sheets (the
 * metadata, sign-off and snapshot sheets, the Logboek). Child elements follow the order of CT_Worksheet
 * (ECMA-376 Part 1 §18.3.1.99): Excel refuses a sheet whose elements are out of sequence; a test holds
 * every sheet we write to that order.
 */
import { columnLetter } from "../input/grid";
import type { PlanCell, Scalar, SheetPlan } from "../report/plan";
import { escapeXml, NS, type PartWriter } from "./package";
import type { StyleBook } from "./styles";
import { Utf8Builder, type AsciiText } from "./utf8-builder";
import { isDateFormat } from "./workbook";

/**
 * Functions added to Excel after 2007 are stored with the `_xlfn.` prefix ("future functions"); without it
 * Excel shows #NAME?. The user sees them without the prefix.
 */
const FUTURE_FUNCTIONS = new Set([
  "MAXIFS", "MINIFS", "IFS", "SWITCH", "CONCAT", "TEXTJOIN", "IFNA", "XLOOKUP", "XMATCH", "DAYS", "ISOWEEKNUM",
  "AGGREGATE", "FORMULATEXT", "NUMBERVALUE", "SHEET", "SHEETS", "XOR", "FILTER", "SORT", "SORTBY", "UNIQUE",
  "SEQUENCE", "LET", "CEILING.MATH", "FLOOR.MATH", "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "MODE.SNGL",
  "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE.INC", "QUARTILE.EXC", "RANK.EQ", "RANK.AVG", "NETWORKDAYS.INTL",
  "WORKDAY.INTL",
]);

/** Any future function's name followed by '(', in any case, wherever it stands: what fileFormula must look at closer. */
const MAYBE_FUTURE = new RegExp(`(?:${[...FUTURE_FUNCTIONS].map((f) => f.replace(".", "\\.")).join("|")})\\(`, "i");

/** [A-Za-z_]: a name may start with it */
const nameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** [A-Za-z0-9_.]: a name may go on with it */
const nameChar = (c: number) => nameStart(c) || (c >= 48 && c <= 57) || c === 46;
/** A function name is looked for in the 40 characters from its start, its '(' included. */
const NAME_WINDOW = 40;

/**
 * A formula as stored in the file: no leading '=', future functions prefixed, strings and sheet names
 * untouched. A name directly followed by '(' (and not part of a longer name) is a function; the report writes
 * tens of thousands of formulas for a whole ledger export, so this walks the text once, copying slices.
 */
export function fileFormula(f: string): string {
  const src = f.startsWith("=") ? f.slice(1) : f;
  // no future function's name before a '(' anywhere (nor in a string or a longer name): nothing to prefix
  if (!MAYBE_FUTURE.test(src)) return src;
  const n = src.length;
  let out = "";
  let copied = 0;
  let i = 0;
  // whether the last character written is one a name goes on with
  let afterName = false;
  while (i < n) {
    const ch = src.charCodeAt(i);
    if (ch === 34 || ch === 39) {
      // a string literal or a quoted sheet name: copy to its closing quote (doubled quotes stay inside)
      let j = i + 1;
      while (j < n) {
        if (src.charCodeAt(j) === ch) {
          if (src.charCodeAt(j + 1) === ch) { j += 2; continue; }
          break;
        }
        j++;
      }
      i = Math.min(j + 1, n);
      afterName = nameChar(src.charCodeAt(i - 1));
      continue;
    }
    if (!nameStart(ch) || afterName) {
      afterName = nameChar(ch);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && nameChar(src.charCodeAt(j))) j++;
    if (j < n && src.charCodeAt(j) === 40 && j - i < NAME_WINDOW) {
      const name = src.slice(i, j);
      if (FUTURE_FUNCTIONS.has(name.toUpperCase())) {
        out += src.slice(copied, i) + "_xlfn.";
        copied = i;
      }
    }
    afterName = true;
    i = j;
  }
  return out === "" ? src : out + src.slice(copied);
}

function valueXml(ref: string, s: number, v: Scalar | undefined): string {
  const st = s ? ` s="${s}"` : "";
  if (v === null || v === undefined || v === "") return st ? `<c r="${ref}"${st}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : st ? `<c r="${ref}"${st}/>` : "";
  if (typeof v === "boolean") return `<c r="${ref}"${st} t="b"><v>${v ? 1 : 0}</v></c>`;
  // text is always an inline string: it can never become a formula, and the shared strings stay the user's
  return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

function formulaXml(ref: string, s: number, f: string, r: Scalar | undefined): string {
  const st = s ? ` s="${s}"` : "";
  const fx = `<f>${escapeXml(fileFormula(f))}</f>`;
  if (typeof r === "number" && Number.isFinite(r)) return `<c r="${ref}"${st}>${fx}<v>${r}</v></c>`;
  if (typeof r === "boolean") return `<c r="${ref}"${st} t="b">${fx}<v>${r ? 1 : 0}</v></c>`;
  if (typeof r === "string") return `<c r="${ref}"${st} t="str">${fx}<v>${escapeXml(r)}</v></c>`;
  return `<c r="${ref}"${st}>${fx}</c>`;
}

/** Rows with wrapped text get the height their longest cell needs (hosts do not autofit on open). */
function wrappedLines(row: (PlanCell | undefined)[], widths: number[]): number {
  let lines = 1;
  row.forEach((c, i) => {
    if (!c?.wrap || typeof c.v !== "string" || c.v === "") return;
    const chars = Math.max(4, (widths[i] ?? 10) * 1.15);
    const n = c.v.split("\n").reduce((a, part) => a + Math.max(1, Math.ceil(part.length / chars)), 0);
    lines = Math.max(lines, n);
  });
  return lines;
}

function colsXml(widths: number[]): string {
  if (widths.length === 0) return "";
  return `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
}

function dimension(rows: number, cols: number): string {
  return rows > 0 && cols > 0 ? `<dimension ref="A1:${columnLetter(cols)}${rows}"/>` : `<dimension ref="A1"/>`;
}

function footer(): string {
  // &A is the sheet's own name, so the footer stays right when a sheet is renamed
  // &N would count the pages of the whole print job when the report is printed as one pack
  return `<headerFooter><oddFooter>${escapeXml("&L&A&RPagina &P")}</oddFooter></headerFooter>`;
}

export interface SheetXmlOptions {
  protect?: boolean;
  /** relationship id of the sheet's drawing (its charts) */
  drawingRId?: string;
  /** the sheet is the one the workbook opens on */
  selected?: boolean;
  /** the workbook counts dates from 1904: date serials of the plan (1900 system) are moved by 1,462 days */
  date1904?: boolean;
}

/** Days between the 1900 and the 1904 date systems. */
const DAYS_1904 = 1462;

/** A date serial of the 1900 system in the 1904 system. */
const moved = (x: Scalar | undefined): Scalar | undefined => (typeof x === "number" && x > DAYS_1904 ? x - DAYS_1904 : x);

/** Where a sheet's rows go: a list of strings (planSheetXml) or UTF-8 bytes (planSheetBytes). */
interface Pieces {
  push(s: string): void;
  pushAscii?(t: AsciiText): void;
}

const isAscii = (v: unknown): v is AsciiText => typeof v === "object" && v !== null && "writeAscii" in v;

/** A report sheet of the plan as worksheet XML. */
export function planSheetXml(plan: SheetPlan, styles: StyleBook, opts: SheetXmlOptions = {}): string {
  const parts: string[] = [];
  const [head, tail] = planSheet(plan, styles, opts, parts);
  return head + parts.join("") + tail;
}

/** The same as UTF-8 bytes in pieces, the rows encoded as they are made (a large sheet is never one string, nor one array). */
export function planSheetBytes(plan: SheetPlan, styles: StyleBook, opts: SheetXmlOptions = {}): Uint8Array[] {
  const body = new Utf8Builder();
  const [head, tail] = planSheet(plan, styles, opts, body);
  return body.pieces(head, tail);
}

/**
 * The same, written straight into the package's deflater as it is made (a sheet of tens of thousands of
 * rows: neither its text nor its bytes are ever whole in memory). The columns are counted first, so the
 * `<dimension>` before the rows is right; styles are taken in the same order as by planSheetXml.
 */
export function planSheetWriter(plan: SheetPlan, styles: StyleBook, opts: SheetXmlOptions = {}): PartWriter {
  return (push) => {
    const editable = new Set(plan.editable);
    let maxCol = 0;
    plan.cells.forEach((row, r) => row?.forEach((c, col) => {
      if (!c) return;
      // every cell's style, in order (a new style takes the next index)
      const st = styles.xf(c, editable.size > 0 && editable.has(`${columnLetter(col + 1)}${r + 1}`));
      if (c.f !== undefined || st !== 0 || hasValue(c.v)) maxCol = Math.max(maxCol, col + 1);
    }));
    const body = new Utf8Builder(push);
    body.push(sheetHead(plan, opts, maxCol));
    const tail = planSheet(plan, styles, opts, body);
    body.push(tail[1]);
    body.flush();
  };
}

/** Whether valueXml writes a value (else only a style, or nothing). */
const hasValue = (v: Scalar | undefined) => v !== null && v !== undefined && v !== "" && (typeof v !== "number" || Number.isFinite(v));

/** The rows into `out`; returns the XML before and after them (styles are taken in the order of the rows, then the rest). */
function planSheet(plan: SheetPlan, styles: StyleBook, opts: SheetXmlOptions, out: Pieces): [string, string] {
  const editable = new Set(plan.editable);
  let maxCol = 0;
  // column letters made once per column (a long sheet writes them for every cell)
  const letters: string[] = [];
  plan.cells.forEach((row, r) => {
    if (!row || row.length === 0) return;
    const cells: string[] = [];
    row.forEach((c, col) => {
      if (!c) return;
      const ref = (letters[col] ??= columnLetter(col + 1)) + String(r + 1);
      const s = styles.xf(c, editable.size > 0 && editable.has(ref));
      const shift = opts.date1904 === true && c.nf !== undefined && isDateFormat(c.nf);
      const x = c.f !== undefined ? formulaXml(ref, s, c.f, shift ? moved(c.r) : c.r) : valueXml(ref, s, shift ? moved(c.v) : c.v);
      if (x) {
        cells.push(x);
        maxCol = Math.max(maxCol, col + 1);
      }
    });
    if (cells.length === 0) return;
    // the planner's height when it chose one from the content, else enough lines for the wrapped text
    const lines = wrappedLines(row, plan.widths);
    const chosen = plan.heights?.[r];
    const height = chosen !== undefined ? chosen : lines > 1 ? 13.5 * lines + 2 : undefined;
    const ht = height !== undefined ? ` ht="${Math.min(409, height)}" customHeight="1"` : "";
    out.push(`<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
  });
  const cf = plan.conditional.map((c, i) =>
    `<conditionalFormatting sqref="${escapeXml(c.range)}"><cfRule type="expression" dxfId="${styles.dxf(c.style)}" priority="${i + 1}"><formula>${escapeXml(fileFormula(c.formula))}</formula></cfRule></conditionalFormatting>`).join("");
  const merges = plan.merges.length ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join("")}</mergeCells>` : "";
  const print = plan.print;
  const setup = `<pageSetup paperSize="9" orientation="${print && !print.landscape ? "portrait" : "landscape"}" fitToWidth="${print?.fitWidth ?? 1}" fitToHeight="0"${print?.pageNumbers ? ' useFirstPageNumber="1" firstPageNumber="1"' : ""}/>`;
  const protection = opts.protect ? `<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>` : "";
  return [
    sheetHead(plan, opts, maxCol),
    `</sheetData>${protection}${merges}${cf}<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>${setup}${footer()}${opts.drawingRId ? `<drawing r:id="${opts.drawingRId}"/>` : ""}</worksheet>`,
  ];
}

/** A report sheet's XML up to `<sheetData>`. */
function sheetHead(plan: SheetPlan, opts: SheetXmlOptions, maxCol: number): string {
  const freeze = plan.freezeRows ?? 4;
  const pane = freeze > 0
    ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>`
    : "";
  const tab = plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.replace(/^#/, "").slice(-6).toUpperCase()}"/>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheetPr>${tab}<pageSetUpPr fitToPage="1"/></sheetPr>${dimension(plan.cells.length, maxCol)}<sheetViews><sheetView showGridLines="0"${opts.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${colsXml(plan.widths)}<sheetData>`;
}

type RowsOptions = { headerXf?: number; widths?: number[] };
/** A record sheet's cell: a value, or ASCII text that needs no escaping, written as bytes where it can be. */
type Row = (Scalar | AsciiText | undefined)[];
/** Rows handed over one at a time, in order (each call hands them all again). */
export type EachRow = (fn: (row: Row) => void) => void;

/** Rows of plain values (the record sheets), optionally with a bold header row and column widths. */
export function rowsSheetXml(rows: Row[], opts: RowsOptions = {}): string {
  const parts: string[] = [];
  const [head, tail] = rowsSheet((fn) => rows.forEach((r) => fn(r)), opts, parts);
  return head + parts.join("") + tail;
}

/** The same as UTF-8 bytes in pieces. */
export function rowsSheetBytes(rows: Row[], opts: RowsOptions = {}): Uint8Array[] {
  const body = new Utf8Builder();
  const [head, tail] = rowsSheet((fn) => rows.forEach((r) => fn(r)), opts, body);
  return body.pieces(head, tail);
}

/**
 * The same, written straight into the package's deflater (see planSheetWriter), from rows made one at a
 * time (the snapshot of a whole ledger export: 17 MB of text never held at once). The rows are gone through
 * twice: first to count them and their columns for `<dimension>`.
 */
export function rowsSheetWriter(each: EachRow, opts: RowsOptions = {}): PartWriter {
  return (push) => {
    let maxCol = 0, count = 0;
    each((r) => {
      const i = count++;
      r.forEach((v, c) => {
        if ((i === 0 && opts.headerXf) || (isAscii(v) ? v.length > 0 : hasValue(v))) maxCol = Math.max(maxCol, c + 1);
      });
    });
    const body = new Utf8Builder(push);
    body.push(rowsHead(count, maxCol, opts));
    const [, tail] = rowsSheet(each, opts, body);
    body.push(tail);
    body.flush();
  };
}

function rowsHead(rows: number, maxCol: number, opts: RowsOptions): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">${dimension(rows, maxCol)}<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${colsXml(opts.widths ?? [])}<sheetData>`;
}

function rowsSheet(each: EachRow, opts: RowsOptions, out: Pieces): [string, string] {
  let maxCol = 0, i = 0;
  each((r) => {
    const ascii = r.findIndex((v) => isAscii(v) && v.length > 0);
    const xml = (from: number, to: number) => r.slice(from, to).map((v, k) => {
      const c = from + k;
      const x = valueXml(`${columnLetter(c + 1)}${i + 1}`, i === 0 && opts.headerXf ? opts.headerXf : 0, isAscii(v) ? "" : v);
      if (x) maxCol = Math.max(maxCol, c + 1);
      return x;
    }).join("");
    if (ascii < 0) {
      const cells = xml(0, r.length);
      if (cells) out.push(`<row r="${i + 1}">${cells}</row>`);
    } else {
      // one cell of ASCII text (a run of hashes) in a row: written as valueXml writes a text, as bytes
      const t = r[ascii] as AsciiText;
      maxCol = Math.max(maxCol, ascii + 1);
      const st = i === 0 && opts.headerXf ? ` s="${opts.headerXf}"` : "";
      const head = `<row r="${i + 1}">${xml(0, ascii)}<c r="${columnLetter(ascii + 1)}${i + 1}"${st} t="inlineStr"><is><t xml:space="preserve">`;
      const tail = `</t></is></c>${xml(ascii + 1, r.length)}</row>`;
      if (out.pushAscii) {
        out.push(head);
        out.pushAscii(t);
        out.push(tail);
      } else out.push(head + t.toString() + tail);
    }
    i++;
  });
  return [
    rowsHead(i, maxCol, opts),
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  ];
}

/** Append rows below the last row of an existing record sheet (the Logboek), leaving its rows as they are. */
export function appendRowsXml(xml: string, firstRow: number, rows: (Scalar | undefined)[][]): string {
  const body = rows.map((r, i) => {
    const n = firstRow + i;
    const cells = r.map((v, c) => valueXml(`${columnLetter(c + 1)}${n}`, 0, v)).join("");
    return cells ? `<row r="${n}">${cells}</row>` : "";
  }).join("");
  const close = /<\/([\w.-]+:)?sheetData>/.exec(xml);
  if (close) {
    // a prefixed sheet (x:worksheet) gets prefixed rows
    const p = close[1] ?? "";
    const text = p ? body.replace(/<(\/?)(row|c|v|is|t)([\s>/])/g, `<$1${p}$2$3`) : body;
    return xml.slice(0, close.index) + text + xml.slice(close.index);
  }
  const empty = /<([\w.-]+:)?sheetData\s*\/>/.exec(xml);
  if (empty) {
    const p = empty[1] ?? "";
    const text = p ? body.replace(/<(\/?)(row|c|v|is|t)([\s>/])/g, `<$1${p}$2$3`) : body;
    return xml.slice(0, empty.index) + `<${p}sheetData>${text}</${p}sheetData>` + xml.slice(empty.index + empty[0].length);
  }
  return xml;
}
