/**
 * File host, reading side: a .xlsx file's bytes → WorkbookGrids for `input/`, straight from the package.
 *
 * Each worksheet the user may have filled is streamed from its XML into a SheetGrid (origin A1, up to the
 * last row and column holding a value); cell values are reduced to what the engine understands; formulas
 * give their cached result. The add-in's own metadata sheets are handed over as `meta`, and the report
 * sheets an earlier build made are skipped (but for the one people type in), so a report workbook can be
 * read again as input. Nothing else in the package is parsed: charts, pivot tables, comments, images,
 * external links and the like are left for the writer to copy through untouched.
 *
 * Failures never throw: they come back as one Dutch sentence the user can act on. This module does no
 * file I/O (it also runs in the browser); reading from disk is in file.ts.
 */
import { SHEETS } from "../domain/glossary";
import type { CellValue, SheetGrid, WorkbookGrids } from "../input/grid";
import { isHiddenRecordSheet, markerRowsOf, otherSheets, recordedReportSheets } from "../records/ownership";
import { Package } from "./package";
import { readSheetGrid, readSheetGridChunked, type CellContext } from "./sheet-read";
import { DamagedPartError, dateStyles, PackageError, requireWellFormed, scanPart, sharedStrings, workbookInfo, type SheetEntry, type WorkbookInfo } from "./workbook";
import { ZipError } from "./zip";

/** A workbook as the file host read it: the package (for the writer) and what was learnt from it. */
export interface ReadBook {
  pkg: Package;
  info: WorkbookInfo;
  /** report sheets of an earlier build (as listed in the marker sheet, records/ownership.ts), lower case */
  reportSheets: Set<string>;
}

export type ReadOutcome = { ok: true; grids: WorkbookGrids; book: ReadBook } | { ok: false; message: string };

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
export async function readWorkbookBuffer(buf: ArrayBuffer | Uint8Array, name?: string, opts: ReadOptions = {}): Promise<ReadOutcome> {
  const label = name ? `Het bestand '${name}'` : "Het bestand";
  return readBytes(buf instanceof Uint8Array ? buf : new Uint8Array(buf), label, opts);
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

const SAVE_AGAIN = "open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx)";

/** A part that is not well-formed XML: the file is damaged (nothing is read from it, nothing written). */
function damagedMessage(label: string, e: DamagedPartError): string {
  const sheet = e.sheet ? ` (werkblad '${e.sheet}')` : "";
  return `${label} is beschadigd: het onderdeel ${e.part}${sheet} is geen geldige XML; open het in Excel, laat Excel het herstellen en sla het op als nieuwe Excel-werkmap (.xlsx).`;
}

function inflateFails(pkg: Package, part: string): boolean {
  try {
    pkg.bytes(part);
    return false;
  } catch (x) {
    return x instanceof ZipError;
  }
}

function packageMessage(label: string, e: unknown, pkg: Package | undefined): string {
  if (e instanceof DamagedPartError) {
    // read as it inflates, a part whose compressed bytes are broken can fail as XML before the inflater
    // notices: inflate it whole once more, and a zip error then is the truer message
    if (!pkg || !inflateFails(pkg, e.part)) return damagedMessage(label, e);
    e = new ZipError("damaged", e.message);
  }
  if (e instanceof ZipError) {
    if (e.kind === "encrypted") return `${label} is met een wachtwoord versleuteld: open het in Excel, haal het wachtwoord weg en sla het op als Excel-werkmap (.xlsx).`;
    if (e.kind === "unsupported") return `${label} gebruikt een zip-indeling die niet wordt ondersteund: ${SAVE_AGAIN}.`;
    return `${label} is beschadigd of onvolledig (het zip-archief is niet compleet): kopieer of download het opnieuw, of open het in Excel en sla het opnieuw op.`;
  }
  if (e instanceof PackageError) {
    switch (e.kind) {
      case "macro":
        return `${label} is een werkmap met macro's (.xlsm): sla een kopie op als Excel-werkmap (.xlsx) en kies die; de macro's zijn voor het addendum niet nodig.`;
      case "binary":
        return `${label} is een binaire Excel-werkmap (.xlsb): sla het in Excel op als Excel-werkmap (.xlsx).`;
      case "template":
        return `${label} is een Excel-sjabloon (.xltx): maak er in Excel een werkmap van en sla die op als Excel-werkmap (.xlsx).`;
      default:
        if (pkg && pkg.partNames().some((n) => /^word\//i.test(n))) return `${label} is geen Excel-werkmap (.xlsx): het is een Word-document; kies de Excel-werkmap.`;
        if (pkg && pkg.partNames().some((n) => /^ppt\//i.test(n))) return `${label} is geen Excel-werkmap (.xlsx): het is een PowerPoint-presentatie; kies de Excel-werkmap.`;
        return `${label} is geen Excel-werkmap (.xlsx): het is een zip-archief zonder werkbladen; kies een bestand dat in Excel is opgeslagen als Excel-werkmap (.xlsx).`;
    }
  }
  return `${label} kan niet als Excel-werkmap worden gelezen (een onderdeel is onleesbaar): ${SAVE_AGAIN}.`;
}

/**
 * An input sheet whose XML is larger than this keeps its cells in a compact column store
 * (src/input/column-store.ts) instead of row arrays: about 40,000 ledger rows.
 */
export const STORE_ABOVE_BYTES = 8 << 20;

export interface ReadOptions {
  /** the part size above which an input sheet goes into a column store (default STORE_ABOVE_BYTES) */
  storeAbove?: number;
  /** progress inside a large sheet: rows read of its rows (awaited: the page paints there) */
  onRows?: (sheet: string, row: number, of: number) => void | Promise<void>;
}

/**
 * Read a workbook from its bytes, each worksheet inflated and scanned in chunks (so a large sheet's XML is
 * never whole in memory). Never throws.
 */
export async function readBytes(bytes: Uint8Array, label: string, opts: ReadOptions = {}): Promise<ReadOutcome> {
  const opened = openBook(bytes, label);
  if (!opened.ok) return opened;
  const { book, ctx } = opened;
  let current = "";
  try {
    const { grids, wanted } = planBook(book, ctx, opts, (n) => (current = n));
    for (const { s, store } of wanted) {
      current = s.name;
      const onRows = opts.onRows ? (row: number, of: number) => opts.onRows?.(s.name, row, of) : undefined;
      grids.sheets.push(await scanPartAsync(book.pkg, s, () => readSheetGridChunked(book.pkg, s.part, s.name, ctx, { store, onRows })));
    }
    return { ok: true, grids, book };
  } catch (e) {
    return readFailure(label, e, book.pkg, current);
  }
}

/** The synchronous reader (each sheet's XML whole in memory). Never throws. */
export function readBytesSync(bytes: Uint8Array, label: string, opts: ReadOptions = {}): ReadOutcome {
  const opened = openBook(bytes, label);
  if (!opened.ok) return opened;
  const { book, ctx } = opened;
  let current = "";
  try {
    const { grids, wanted } = planBook(book, ctx, opts, (n) => (current = n));
    for (const { s, store } of wanted) {
      current = s.name;
      grids.sheets.push(scanPart(book.pkg, s.part, () => readSheetGrid(book.pkg, s.part, s.name, ctx, { store }), s.name));
    }
    return { ok: true, grids, book };
  } catch (e) {
    return readFailure(label, e, book.pkg, current);
  }
}

/** scanPart for a sheet read in chunks. */
async function scanPartAsync(pkg: Package, s: SheetEntry, read: () => Promise<SheetGrid>): Promise<SheetGrid> {
  try {
    return await read();
  } catch (e) {
    return scanPart(pkg, s.part, () => {
      throw e;
    }, s.name);
  }
}

function readFailure(label: string, e: unknown, pkg: Package, current: string): { ok: false; message: string } {
  if (e instanceof ZipError || e instanceof DamagedPartError) return fail(packageMessage(label, e, pkg));
  const where = current ? ` (werkblad '${current}')` : "";
  return fail(`${label} kan niet als Excel-werkmap worden gelezen: een onderdeel${where} is geen geldige Excel-XML; ${SAVE_AGAIN}.`);
}

type Opened = { ok: true; book: ReadBook; ctx: CellContext } | { ok: false; message: string };

/** The package, its workbook part, shared strings and styles; or why it is not a workbook. Never throws. */
function openBook(bytes: Uint8Array, label: string): Opened {
  if (bytes.length === 0) return fail(`${label} is leeg: kies een Excel-werkmap (.xlsx).`);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return fail(`${label} is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord: open het in Excel en sla het op als Excel-werkmap (.xlsx) zonder wachtwoord.`);
  }
  if (!ZIP_SIGNATURES.some((s) => startsWith(bytes, s))) return fail(notWorkbookMessage(label, bytes));
  if (latin1(bytes.subarray(30, 100)).includes("opendocument.spreadsheet")) {
    return fail(`${label} is geen Excel-werkmap (.xlsx): het is een OpenDocument-rekenblad (.ods); sla het op als Excel-werkmap (.xlsx).`);
  }
  let pkg: Package | undefined;
  let info: WorkbookInfo;
  try {
    pkg = Package.fromBytes(bytes);
    if (pkg.has("content.xml") && pkg.has("META-INF/manifest.xml")) {
      return fail(`${label} is geen Excel-werkmap (.xlsx): het is een OpenDocument-bestand (.ods); sla het op als Excel-werkmap (.xlsx).`);
    }
    info = workbookInfo(pkg);
  } catch (e) {
    return fail(packageMessage(label, e, pkg));
  }
  const worksheets = info.sheets.filter((s) => s.part !== "");
  if (worksheets.length === 0) {
    return fail(`${label} is een Excel-werkmap zonder werkbladen: open het in Excel en voeg de invoerbladen toe, of maak een nieuwe invoerwerkmap met 'dvo-addendum template'.`);
  }
  try {
    // the parts read here and those the writer edits must be well-formed XML (sheets are checked as they are read)
    const stringsPart = info.sharedStringsPart;
    const strings = stringsPart ? scanPart(pkg, stringsPart, () => sharedStrings(pkg, stringsPart)) : [];
    requireWellFormed(pkg, info.stylesPart);
    requireWellFormed(pkg, "docProps/app.xml");
    const ctx: CellContext = { strings, dateStyle: dateStyles(pkg, info.stylesPart), date1904: info.date1904 };
    return { ok: true, book: { pkg, info, reportSheets: new Set() }, ctx };
  } catch (e) {
    return readFailure(label, e, pkg, "");
  }
}

const isRecord = (s: SheetEntry): boolean => isHiddenRecordSheet(s.name, s.state);

interface BookPlan {
  grids: WorkbookGrids;
  /** the sheets to read into `grids.sheets`, in order, and whether each goes into a column store */
  wanted: Array<{ s: SheetEntry; store: boolean }>;
}

/**
 * What to read of a workbook: the add-in's record sheets (read here: they are small) and the previous
 * report's editable sheet; then every sheet a user may have filled (all but the record and report sheets),
 * left for the caller to read.
 */
function planBook(book: ReadBook, ctx: CellContext, opts: ReadOptions, onSheet: (name: string) => void): BookPlan {
  const { pkg, info } = book;
  const meta: Record<string, CellValue[][]> = {};
  const grid = (s: SheetEntry): SheetGrid => scanPart(pkg, s.part, () => readSheetGrid(pkg, s.part, s.name, ctx), s.name);
  const worksheets = info.sheets.filter((s) => s.part !== "");
  for (const s of worksheets.filter(isRecord)) {
    onSheet(s.name);
    meta[s.name] = grid(s).rows;
  }
  const skip = new Set(recordedReportSheets(markerRowsOf(meta)).map((r) => r.name.toLowerCase()));
  book.reportSheets = skip;
  const previous: Record<string, CellValue[][]> = {};
  const visibility: NonNullable<WorkbookGrids["visibility"]> = {};
  for (const s of info.sheets) visibility[s.name] = s.state;
  const inputs = new Set(Object.values(SHEETS).map((n) => n.toLowerCase()));
  const storeAbove = opts.storeAbove ?? STORE_ABOVE_BYTES;
  const wanted: BookPlan["wanted"] = [];
  for (const s of worksheets) {
    if (isRecord(s)) continue;
    if (skip.has(s.name.toLowerCase())) {
      // only the editable report sheet is kept, for what people typed in it
      if (/^6\.5 /.test(s.name)) {
        onSheet(s.name);
        previous[s.name] = grid(s).rows;
      }
      continue;
    }
    wanted.push({ s, store: inputs.has(s.name.trim().toLowerCase()) && (pkg.entry(s.part)?.size ?? 0) > storeAbove });
  }
  return { grids: { sheets: [], meta, previous, visibility }, wanted };
}

/** Names of the sheets that are not ours: the input sheets and anything the user made. */
export function otherSheetNames(book: ReadBook): string[] {
  return otherSheets(book.info.sheets.map((s) => s.name), [...book.reportSheets]);
}
