/**
 * Office.js host, reading side: the input sheets (and the add-in's own records) as grids.
 *
 * Excel's limits on one round trip ("Resource limits and performance optimization for Office Add-ins",
 * section Excel add-ins; docs/architecture.md, The hosts): Excel on the web refuses a request or a response
 * over 5 MB, and on every platform a range read is limited to 5,000,000 cells. So the ranges are read in row
 * slices. Round trips: one for the sheet list (names, ids, visibility), the tables and the workbook
 * protection; one that reads up to 2,000 rows of every range at once with each range's size — for an
 * ordinary workbook that is everything, so reading takes 2 round trips — and measures bytes per row; then
 * rounds that each fill the response budget (4/5 of the limit) with the rows that are left, each slice as
 * many rows as the budget holds at the most bytes per row seen so far plus 10 %, and never more than the cell
 * limit allows at the range's column count. Round trips = 2 + ⌈(bytes after the first round) / (budget / 1.1)⌉,
 * give or take one when rows grow longer further down (a refused round is retried with half the budget).
 * After every round the reader reports, for a range that takes more than one slice, how far it has got
 * ("Realisatie: rij 200.000 van 1.048.576 gelezen"), so the pane shows progress per slice.
 *
 * Read: the input sheets (SHEETS), the previous year's addendum record (`Vorig addendum`, for the
 * Verschilanalyse), the add-in's records and the previous 6.5 sheet.
 * Report sheets the add-in made (listed in the very hidden `_dvo_addendum` sheet, by name and sheet id)
 * are not read as input.
 */
import { SHEETS } from "../domain/glossary";
import { columnLetter, type CellValue, type SheetGrid, type WorkbookGrids } from "../input/grid";
import { isParkedSheet, LOG_SHEET, MARKER_SHEET, otherSheets, ownReportSheets, recordedReportSheets, SIGNOFF_SHEET, SNAPSHOT_SHEET } from "../records";
import { PREVIOUS_SHEET } from "../input/previous";
import { FIRST_ROWS, isRetryable, plannedBytes, RESPONSE_BUDGET, sliceRows } from "./slices";
import { norm } from "../input/table";

export interface ExcelSheetInfo {
  name: string;
  id: string;
  visibility: string;
}

export interface ExcelWorkbookState {
  grids: WorkbookGrids;
  /** every sheet, in order */
  sheets: ExcelSheetInfo[];
  /** every sheet name in the workbook, in order */
  sheetNames: string[];
  /** report sheets an earlier build made (from the meta sheet) that still exist */
  reportSheets: string[];
  /** their sheet ids, in the same order */
  reportSheetIds: string[];
  /** old report sheets a build that broke off half-way left parked (removed by the next build) */
  parkedSheets: string[];
  /** the sheets that are not ours: inputs and the user's own */
  otherSheets: string[];
  metaExists: boolean;
  /** the sign-off and snapshot sheets exist */
  signOffExists: boolean;
  snapshotExists: boolean;
  /** rows in use on the Logboek sheet (0 when it is empty, null when it does not exist) */
  logRows: number | null;
  /** workbook structure protected: sheets cannot be added or deleted */
  structureProtected: boolean;
  syncs: number;
  /** response size of each round trip, bytes of JSON (as measured here) */
  responses: number[];
}

export interface ReadOptions {
  /** largest response to ask for in one round trip, bytes (default RESPONSE_BUDGET) */
  responseBudget?: number;
  /** rows per range in the first slice round (default 2000) */
  firstRows?: number;
  /** after each round trip that read part of a range read in several slices: how far it got, in Dutch */
  onProgress?: (message: string) => void;
}

/** Excel's error values, as `values` gives them. */
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!"]);

/** The value type of a cell read without valueTypes (loading those would double the response). */
function typeOf(v: unknown): string {
  if (v === "" || v === null || v === undefined) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return typeof v === "string" && ERRORS.has(v) ? "Error" : "String";
}

/** Office.js values (+ valueTypes, when loaded) → the engine's cell values. */
export function toCellValues(values: unknown[][], types?: string[][]): CellValue[][] {
  return values.map((row, r) =>
    row.map((v, c): CellValue => {
      switch (types ? types[r]?.[c] : typeOf(v)) {
        case "Empty":
          return null;
        case "Error":
          return { error: String(v) };
        case "Boolean":
          return Boolean(v);
        case "Double":
        case "Integer":
          return typeof v === "number" ? v : Number(v);
        default:
          return v === "" || v === null || v === undefined ? null : typeof v === "number" || typeof v === "boolean" ? v : String(v);
      }
    }),
  );
}

const VISIBILITY: Record<string, "visible" | "hidden" | "veryHidden"> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** A range read in slices of sheet rows. */
interface Wanted {
  key: string;
  sheet: string;
  /** table name, when the range is an Excel table's */
  table?: string;
  tableProxy?: Excel.Table;
  full?: Excel.Range;
  /** 0-based sheet row and column of the range; rows in it */
  rowIndex?: number;
  columnIndex?: number;
  rowCount?: number;
  isNull?: boolean;
  /** what was read: blocks of values with their 0-based sheet row and column */
  parts: Array<{ rowIndex: number; columnIndex: number; values: unknown[][] }>;
  columnCount?: number;
  /** next sheet row (1-based) to read */
  next: number;
  bytesPerRow: number;
}

const json = (x: unknown) => JSON.stringify(x).length;
const nl = (n: number) => n.toLocaleString("nl-NL");

/** The slices of a range put together: each value in its place, "" where a slice had nothing. */
function assemble(w: Wanted): unknown[][] {
  const r0 = w.rowIndex ?? 0;
  const c0 = w.columnIndex ?? 0;
  const width = w.columnCount ?? 0;
  const out: unknown[][] = Array.from({ length: w.rowCount ?? 0 }, () => new Array(width).fill(""));
  for (const p of w.parts) {
    p.values.forEach((row, i) => {
      const target = out[p.rowIndex - r0 + i];
      if (target) row.forEach((v, j) => {
        const c = p.columnIndex - c0 + j;
        if (c >= 0 && c < width) target[c] = v;
      });
    });
  }
  return out;
}

export async function readExcelWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<ExcelWorkbookState> {
  const budget = opts.responseBudget ?? RESPONSE_BUDGET;
  let firstRows = opts.firstRows ?? FIRST_ROWS;
  const wb = context.workbook;
  const responses: number[] = [];
  let syncs = 0;
  const sync = async (bytes: number) => {
    await context.sync();
    syncs++;
    responses.push(bytes);
  };

  // 1. the sheet list, tables and protection
  const sheetList = wb.worksheets.load("items/name,items/id,items/visibility");
  const tables = wb.tables.load("items/name,items/worksheet/name");
  const protection = wb.protection.load("protected");
  await sync(0);
  const sheets: ExcelSheetInfo[] = sheetList.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility }));
  responses[0] = json(sheets) + json(tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })));
  const sheetNames = sheets.map((s) => s.name);
  const has = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())?.name ?? null;
  const inputNames = new Set(Object.values(SHEETS).map(norm));
  // read like the inputs: the input sheets and the previous year's addendum as agreed (the comparison's record)
  const readNames = new Set([...inputNames, norm(PREVIOUS_SHEET)]);

  const wanted: Wanted[] = [];
  const want = (key: string, sheet: string | null, extra: Partial<Wanted> = {}) => {
    if (sheet) wanted.push({ key, sheet, parts: [], next: 1, bytesPerRow: 0, ...extra });
  };
  for (const name of sheetNames) {
    if (!readNames.has(norm(name))) continue;
    const table = tables.items.find((t) => t.worksheet.name === name && norm(t.name.replace(/_/g, " ")) === norm(name));
    want(`input:${name}`, name, { table: table?.name, tableProxy: table });
  }
  want("meta", has(MARKER_SHEET));
  want("signoff", has(SIGNOFF_SHEET));
  want("snapshot", has(SNAPSHOT_SHEET));
  want("log", has(LOG_SHEET));
  // the previous financial sheet, for the controller's toelichtingen (only kept if it turns out to be ours)
  for (const n of sheetNames.filter((x) => /^6\.5 /.test(x))) want(`previous:${n}`, n);

  // 2. the first slice of every range, with the range's size
  const rangeOf = (w: Wanted): Excel.Range => {
    if (w.tableProxy) return w.tableProxy.getRange();
    return wb.worksheets.getItem(w.sheet).getUsedRangeOrNullObject(true);
  };
  // The first slice is the used part of the first rows: never a method on an object that may be null.
  const slice = (w: Wanted, from: number, to: number) => {
    const part = w.tableProxy
      ? w.tableProxy.getRange().getIntersectionOrNullObject(`${from}:${to}`)
      : wb.worksheets.getItem(w.sheet).getRange(`${from}:${to}`).getUsedRangeOrNullObject(true);
    part.load("values,rowIndex,columnIndex");
    return { w, part, from, to, nullable: true };
  };
  // A later slice is rows `from`..`to` across the range's columns, known from the first round: an address,
  // so its size in cells is what the plan says.
  const rows = (w: Wanted, from: number, to: number) => {
    const c0 = w.columnIndex ?? 0;
    const address = `${columnLetter(c0 + 1)}${from}:${columnLetter(c0 + (w.columnCount ?? 1))}${to}`;
    const part = wb.worksheets.getItem(w.sheet).getRange(address);
    part.load("values,rowIndex,columnIndex");
    return { w, part, from, to, nullable: false };
  };
  const end = (w: Wanted) => (w.rowIndex ?? 0) + (w.rowCount ?? 0);
  const tell = (ws: Wanted[]) => {
    const big = ws.filter((w) => !w.isNull && (w.rowCount ?? 0) > firstRows).sort((a, b) => (b.rowCount ?? 0) - (a.rowCount ?? 0))[0];
    if (big) opts.onProgress?.(`${big.sheet}: rij ${nl(Math.min(big.next - 1, end(big)))} van ${nl(end(big))} gelezen`);
  };
  const take = (s: ReturnType<typeof slice>): number => {
    if (s.nullable && s.part.isNullObject) return 0;
    const values = s.part.values;
    s.w.parts.push({ rowIndex: s.part.rowIndex, columnIndex: s.part.columnIndex, values });
    const b = json(values);
    s.w.bytesPerRow = Math.max(s.w.bytesPerRow, b / Math.max(1, values.length));
    return b;
  };
  for (;;) {
    for (const w of wanted) {
      w.full = rangeOf(w);
      w.full.load("rowIndex,columnIndex,rowCount,columnCount");
    }
    const first = wanted.map((w) => slice(w, 1, firstRows));
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a retry with smaller slices, only when Excel refused the round as too big (response bytes or cells)
      await context.sync();
    } catch (e) {
      if (isRetryable(e) && firstRows > 50) {
        firstRows = Math.floor(firstRows / 4);
        continue;
      }
      throw e;
    }
    syncs++;
    let bytes = 0;
    for (const w of wanted) {
      const full = w.full as Excel.Range;
      w.isNull = full.isNullObject;
      if (w.isNull) continue;
      w.rowIndex = full.rowIndex;
      w.columnIndex = full.columnIndex;
      w.rowCount = full.rowCount;
      w.columnCount = full.columnCount;
      w.next = Math.max(firstRows + 1, full.rowIndex + 1);
      w.bytesPerRow = 8;
    }
    for (const s of first) bytes += take(s);
    for (const w of wanted) if (w.parts.length === 0 && !w.isNull) w.bytesPerRow = (w.columnCount ?? 1) * 24 + 4;
    responses.push(bytes);
    tell(wanted);
    break;
  }

  // 3. what is left, in rounds that each stay under the budget and every slice under the cell limit
  const left = () => wanted.filter((w) => !w.isNull && w.next <= end(w));
  let roundBudget = budget;
  while (left().length > 0) {
    const round: Array<ReturnType<typeof slice>> = [];
    let room = roundBudget;
    for (const w of left()) {
      const n = Math.min(end(w) - w.next + 1, sliceRows(w.columnCount ?? 1, w.bytesPerRow, room));
      if (n <= 0) continue;
      round.push(rows(w, w.next, w.next + n - 1));
      room -= plannedBytes(w.bytesPerRow, n);
    }
    if (round.length === 0) {
      // one row is bigger than the budget: read it alone
      const w = left()[0];
      round.push(rows(w, w.next, w.next));
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round per 4,000,000 bytes still to read: the slicing that keeps every response and range read under Excel's documented limits
      await context.sync();
    } catch (e) {
      if (isRetryable(e) && roundBudget > 64 * 1024) {
        roundBudget = Math.floor(roundBudget / 2);
        continue;
      }
      throw e;
    }
    syncs++;
    let bytes = 0;
    for (const s of round) {
      s.w.next = s.to + 1;
      bytes += take(s);
    }
    responses.push(bytes);
    tell(round.map((s) => s.w));
  }

  const byKey = (k: string) => wanted.find((w) => w.key === k);
  const rowsOf = (w: Wanted | undefined) => (w && !w.isNull ? toCellValues(assemble(w)) : null);

  // ours: the report sheets the marker recorded, by name and sheet id (records/ownership.ts)
  const report = ownReportSheets(recordedReportSheets(rowsOf(byKey("meta")) ?? undefined), sheets);
  const reportSheets = report.map((s) => s.name);
  const parkedSheets = sheetNames.filter(isParkedSheet);

  const grids: SheetGrid[] = [];
  for (const w of wanted) {
    // the input sheets, and the Logboek (its hash chain is checked like an input)
    if (!w.key.startsWith("input:") && w.key !== "log") continue;
    if (w.isNull) {
      grids.push({ name: w.sheet, rows: [] });
      continue;
    }
    const origin = { row: (w.rowIndex ?? 0) + 1, col: (w.columnIndex ?? 0) + 1 };
    grids.push({ name: w.sheet, rows: toCellValues(assemble(w)), origin, table: w.table ? { name: w.table, ...origin } : undefined });
  }
  const metaGrids: Record<string, CellValue[][]> = {};
  const so = rowsOf(byKey("signoff"));
  if (so) metaGrids[SIGNOFF_SHEET] = so;
  const sn = rowsOf(byKey("snapshot"));
  if (sn) metaGrids[SNAPSHOT_SHEET] = sn;
  const mt = rowsOf(byKey("meta"));
  if (mt) metaGrids[MARKER_SHEET] = mt;
  const previous: Record<string, CellValue[][]> = {};
  for (const w of wanted.filter((x) => x.key.startsWith("previous:"))) {
    const rows = rowsOf(w);
    if (rows && reportSheets.includes(w.sheet)) previous[w.sheet] = rows;
  }
  const log = byKey("log");
  const visibility: Record<string, "visible" | "hidden" | "veryHidden"> = {};
  for (const s of sheets) visibility[s.name] = VISIBILITY[s.visibility] ?? "visible";
  return {
    grids: { sheets: grids, meta: metaGrids, previous, visibility },
    sheets,
    sheetNames,
    reportSheets,
    reportSheetIds: report.map((s) => s.id),
    parkedSheets,
    otherSheets: otherSheets(sheetNames, reportSheets),
    metaExists: has(MARKER_SHEET) !== null,
    signOffExists: has(SIGNOFF_SHEET) !== null,
    snapshotExists: has(SNAPSHOT_SHEET) !== null,
    logRows: log ? (log.isNull ? 0 : end(log)) : null,
    structureProtected: protection.protected,
    syncs,
    responses,
  };
}
