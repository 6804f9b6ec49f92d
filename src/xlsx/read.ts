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
import type { CellValue, SheetGrid, WorkbookGrids } from "../input/grid";
import { isHiddenRecordSheet, markerRowsOf, otherSheets, recordedReportSheets } from "../records/ownership";
import { Package } from "./package";
import { readSheetGrid, type CellContext } from "./sheet-read";
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
export async function readWorkbookBuffer(buf: ArrayBuffer | Uint8Array, name?: string): Promise<ReadOutcome> {
  const label = name ? `Het bestand '${name}'` : "Het bestand";
  return readBytes(buf instanceof Uint8Array ? buf : new Uint8Array(buf), label);
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

function packageMessage(label: string, e: unknown, pkg: Package | undefined): string {
  if (e instanceof DamagedPartError) return damagedMessage(label, e);
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

export async function readBytes(bytes: Uint8Array, label: string): Promise<ReadOutcome> {
  return readBytesSync(bytes, label);
}

/** The synchronous reader behind readBytes. Never throws. */
export function readBytesSync(bytes: Uint8Array, label: string): ReadOutcome {
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
  let current = "";
  try {
    // the parts read here and those the writer edits must be well-formed XML (sheets are checked as they are read)
    const stringsPart = info.sharedStringsPart;
    const strings = stringsPart ? scanPart(pkg, stringsPart, () => sharedStrings(pkg, stringsPart)) : [];
    requireWellFormed(pkg, info.stylesPart);
    requireWellFormed(pkg, "docProps/app.xml");
    const ctx: CellContext = { strings, dateStyle: dateStyles(pkg, info.stylesPart), date1904: info.date1904 };
    const book: ReadBook = { pkg, info, reportSheets: new Set() };
    const grids = gridsOfBook(book, ctx, (s) => (current = s));
    return { ok: true, grids, book };
  } catch (e) {
    if (e instanceof ZipError || e instanceof DamagedPartError) return fail(packageMessage(label, e, pkg));
    const where = current ? ` (werkblad '${current}')` : "";
    return fail(`${label} kan niet als Excel-werkmap worden gelezen: een onderdeel${where} is geen geldige Excel-XML; ${SAVE_AGAIN}.`);
  }
}

const isRecord = (s: SheetEntry): boolean => isHiddenRecordSheet(s.name, s.state);

/** Grids of every sheet a user may have filled: all but the add-in's metadata and report sheets. */
function gridsOfBook(book: ReadBook, ctx: CellContext, onSheet: (name: string) => void): WorkbookGrids {
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
  const sheets: SheetGrid[] = [];
  const previous: Record<string, CellValue[][]> = {};
  const visibility: NonNullable<WorkbookGrids["visibility"]> = {};
  for (const s of info.sheets) visibility[s.name] = s.state;
  for (const s of worksheets) {
    if (isRecord(s)) continue;
    onSheet(s.name);
    if (skip.has(s.name.toLowerCase())) {
      // only the editable report sheet is kept, for what people typed in it
      if (/^6\.5 /.test(s.name)) previous[s.name] = grid(s).rows;
      continue;
    }
    sheets.push(grid(s));
  }
  return { sheets, meta, previous, visibility };
}

/** Names of the sheets that are not ours: the input sheets and anything the user made. */
export function otherSheetNames(book: ReadBook): string[] {
  return otherSheets(book.info.sheets.map((s) => s.name), [...book.reportSheets]);
}
