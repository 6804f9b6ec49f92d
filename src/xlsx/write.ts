/**
 * File host, writing side: the output package is the input package with every part we do not own kept
 * byte for byte. We edit only what must change — the workbook's sheet list and defined names, its
 * relationships, the content types, the style sheet (by appending ours) and docProps/app.xml's sheet titles —
 * and replace our own sheets (the report sheets recorded in `_dvo_addendum`, the record sheets) whole, with
 * their drawings and charts. The Logboek only ever gets rows appended.
 */
import { quoteSheet } from "../report/a1";
import { LOG_HEADERS, LOG_SHEET, logRow, MARKER_SHEET, markerRows, sheetInTheWay, SIGNOFF_SHEET, signOffRows, SNAPSHOT_SHEET, eachSnapshotRow, type KeptRecords } from "../records";
import type { SheetPlan, WorkbookPlan } from "../report/plan";
import { chartXml, drawingXml } from "./chart";
import { CONTENT_TYPE, REL, type Package } from "./package";
import type { ReadBook } from "./read";
import { appendRowsXml, planSheetBytes, planSheetWriter, rowsSheetBytes, rowsSheetWriter } from "./sheet-write";
import { StyleBook } from "./styles";
import { absolute, PackageEditor, type NewSheet, type PrintName } from "./package-editor";
import type { SheetEntry } from "./workbook";

/** A report sheet longer than this is written into the package as it is made (planSheetWriter). */
const STREAM_ROWS = 20_000;

const LOG_WIDTHS = [20, 18, 24, 66, 16, 20, 20, 20, 20, 100];

export interface WriteOptions {
  /** the time written into new zip entries */
  now?: Date;
}

/**
 * The output package: the input with the plan's report sheets in place of the earlier build's, the
 * records updated, and every other part as it was. Returns the bytes of the new .xlsx.
 */
export function writeReport(book: ReadBook, plan: WorkbookPlan, records: KeptRecords, opts: WriteOptions = {}): Uint8Array {
  return putReport(book, plan, records).toBytes(opts.now);
}

/** The same as pieces to write one after the other (Package.toChunks): the CLI's output is never whole in memory. */
export function writeReportChunks(book: ReadBook, plan: WorkbookPlan, records: KeptRecords, opts: WriteOptions = {}): Uint8Array[] {
  return putReport(book, plan, records).toChunks(opts.now);
}

/** The report and the records put into the book's package. */
function putReport(book: ReadBook, plan: WorkbookPlan, records: KeptRecords): Package {
  const ed = new PackageEditor(book);
  const pkg = book.pkg;
  const styles = new StyleBook(book.info.stylesPart ? pkg.text(book.info.stylesPart) : undefined);
  const planNames = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  // report sheets of the earlier build that this plan does not write again
  for (const old of book.reportSheets) if (!planNames.has(old)) ed.removeSheet(old);
  // the old report's drawings and charts go first, so the new ones take their names
  for (const s of plan.sheets) if (book.reportSheets.has(s.name.toLowerCase())) ed.clearChildren(s.name);
  const taken = new Set<string>();
  const ours = (x: SheetEntry) => book.reportSheets.has(x.name.toLowerCase());
  for (const s of plan.sheets) {
    if (sheetInTheWay(s.name, book.info.sheets, ours)) continue; // never overwrite a sheet that is not ours (the planner chose another name)
    const children: NewSheet["children"] = [];
    if (s.charts.length > 0) {
      const drawing = ed.freeName(`${ed.xlFolder}drawings/drawing`, ".xml", taken);
      children.push({
        part: drawing, xml: drawingXml(s.charts), contentType: CONTENT_TYPE.drawing, relType: REL.drawing,
        grandchildren: s.charts.map((c) => ({ part: ed.freeName(`${ed.xlFolder}charts/chart`, ".xml", taken), xml: chartXml(s, c), contentType: CONTENT_TYPE.chart, relType: REL.chart })),
      });
    }
    const opts = { protect: records.protect !== undefined && records.protect === s.name, drawingRId: children.length ? "rId1" : undefined, date1904: book.info.date1904 };
    // a long sheet (the Berekening of a whole ledger export) goes into the package as it is made
    const xml = s.cells.length > STREAM_ROWS ? planSheetWriter(s, styles, opts) : planSheetBytes(s, styles, opts);
    ed.putSheet({ name: s.name, state: "visible", xml, children });
  }
  const printNames: PrintName[] = [];
  for (const s of plan.sheets) {
    const print = s.print;
    if (!print) continue;
    printNames.push({ sheet: s.name, name: "_xlnm.Print_Area", ref: `${quoteSheet(s.name)}!${absolute(print.area)}` });
    if (print.repeatRows) printNames.push({ sheet: s.name, name: "_xlnm.Print_Titles", ref: `${quoteSheet(s.name)}!${absolute(print.repeatRows)}` });
  }
  ed.putSheet({ name: MARKER_SHEET, state: "veryHidden", xml: rowsSheetBytes(markerRows(plan.marker, plan.sheets.map((x) => ({ name: x.name })))) });
  if (records.signOff) ed.putSheet({ name: SIGNOFF_SHEET, state: "veryHidden", xml: rowsSheetBytes(signOffRows(records.signOff)) });
  const snapshot = records.snapshot;
  // the snapshot is mostly hex digits, which Huffman codes alone compress as well as a search for repeats would
  if (snapshot) ed.putSheet({ name: SNAPSHOT_SHEET, state: "veryHidden", xml: Object.assign(rowsSheetWriter((fn) => eachSnapshotRow(snapshot, fn, { ascii: true })), { literals: true }) });
  if (records.log && records.log.length > 0) {
    const rows = records.log.map(logRow);
    const part = ed.partOf(LOG_SHEET);
    if (part) {
      const xml = pkg.text(part) ?? "";
      const last = Math.max(0, ...[...xml.matchAll(/<(?:[\w.-]+:)?row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1])));
      pkg.set(part, appendRowsXml(xml, last + 1, rows));
    } else {
      ed.putSheet({ name: LOG_SHEET, state: "hidden", xml: rowsSheetBytes([LOG_HEADERS, ...rows], { headerXf: styles.xf({ s: "header" }), widths: LOG_WIDTHS }) });
    }
  }
  ed.finish(plan.sheets[0]?.name, styles, book.info.stylesPart, printNames);
  return pkg;
}

/** A sheet to put into a package as it is, for `writeSheets`. */
export interface SheetToWrite {
  plan: SheetPlan;
  state: SheetEntry["state"];
  protect?: boolean;
}

/**
 * Put whole sheets into the package (a sheet of the same name is replaced in place, others are appended),
 * keeping every other part as it is. The report build uses writeReport; this is for saving a workbook that
 * another host holds in memory (the Excel double of the tests) through the same writer.
 */
export function writeSheets(book: ReadBook, sheets: SheetToWrite[], opts: WriteOptions = {}): Uint8Array {
  const ed = new PackageEditor(book);
  const styles = new StyleBook(book.info.stylesPart ? book.pkg.text(book.info.stylesPart) : undefined);
  for (const s of sheets) {
    ed.putSheet({ name: s.plan.name, state: s.state, xml: planSheetBytes(s.plan, styles, { protect: s.protect, date1904: book.info.date1904 }) });
  }
  ed.finish(undefined, styles, book.info.stylesPart);
  return book.pkg.toBytes(opts.now);
}

