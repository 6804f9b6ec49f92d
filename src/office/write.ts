/**
 * Office.js host, writing side: put a WorkbookPlan into the open workbook in a constant number of
 * round trips (see writePlan). Values and formulas go as 2-D arrays per band of rows, formats per block,
 * calculation and screen updating are suspended while writing, and requests are split only when one would
 * pass the payload budget (4 MB; Excel on the web refuses requests over 5 MB).
 *
 * Only sheets the add-in made are replaced; input sheets and the user's own sheets are never written.
 * User text is written with a leading apostrophe, so '=…', '+…', '-…', '@…' and numbers-as-text stay text.
 */
import { columnLetter } from "../input/grid";
import type { CellStyle, ChartPlan, PlanCell, SheetPlan, WorkbookPlan } from "../report/plan";
import { isParkedSheet, LOG_HEADERS, LOG_SHEET, logRow, MARKER_SHEET, markerRows, PARKED_PREFIX, sheetInTheWay, SIGNOFF_SHEET, signOffRows, SNAPSHOT_SHEET, snapshotRows, type KeptRecords } from "../records";
import type { ExcelSheetInfo } from "./read";
import { toR1C1 } from "./r1c1";

export interface WriteOptions {
  /** ExcelApi requirement-set check, e.g. supports("1.9"); defaults to Office.context.requirements */
  supports?: (version: string) => boolean;
  /** split a batch before its estimated payload passes this many bytes (default 4 MB) */
  payloadBudget?: number;
  onProgress?: (message: string) => void;
}

export interface WriteStats {
  syncs: number;
  /** estimated payload per round trip, bytes */
  payloads: number[];
  cells: number;
}

interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  borderBottom?: boolean;
  borderTop?: boolean;
}

const STYLES: Record<CellStyle, StyleSpec> = {
  title: { bold: true, size: 15, color: "#1F3864" },
  subtitle: { size: 11, color: "#404040" },
  section: { bold: true, size: 12, color: "#1F3864" },
  header: { bold: true, size: 10, fill: "#D9E1F2", borderBottom: true },
  label: {},
  total: { bold: true, borderTop: true },
  note: { italic: true, size: 9, color: "#595959" },
  warning: { bold: true, color: "#9C0006" },
  banner: { bold: true, fill: "#FFEB9C" },
  input: { fill: "#FFF9E5" },
};

const CONDITIONAL = {
  bad: { fill: "#FFC7CE", font: "#9C0006" },
  good: { fill: "#C6EFCE", font: "#006100" },
  attention: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

const CHART_TYPES: Record<ChartPlan["kind"], string> = { column: "ColumnClustered", line: "Line", bar: "BarClustered" };

/** The text Excel stores for a plan cell, as the `formulas` property takes it. */
export function formulaCell(c: PlanCell | undefined): string | number | boolean {
  if (!c) return "";
  if (c.f !== undefined) return `=${c.f}`;
  const v = c.v;
  if (v === null || v === undefined) return "";
  // The apostrophe makes Excel keep the text as typed: never a formula, number or date.
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  return v;
}

function defaultSupports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Contiguous runs of cells per style in A1 notation, e.g. header → ["A7:H7", "A20:C20"]. */
export function styleRuns(plan: SheetPlan): Map<CellStyle, string[]> {
  return runsBy(plan, (c) => c?.s);
}

/** Contiguous runs along each row of cells with the same key (style, alignment, …), in A1 notation. */
export function runsBy<K>(plan: SheetPlan, keyOf: (c: PlanCell | undefined) => K | undefined): Map<K, string[]> {
  const runs = new Map<K, string[]>();
  plan.cells.forEach((row, r) => {
    if (!row) return;
    let start = -1;
    let style: K | undefined;
    const flush = (end: number) => {
      if (style !== undefined && start >= 0) {
        const a = `${columnLetter(start + 1)}${r + 1}`;
        const b = `${columnLetter(end + 1)}${r + 1}`;
        const list = runs.get(style) ?? [];
        list.push(a === b ? a : `${a}:${b}`);
        runs.set(style, list);
      }
    };
    for (let c = 0; c <= row.length; c++) {
      const s = c < row.length ? keyOf(row[c]) : undefined;
      if (s !== style) {
        flush(c - 1);
        style = s;
        start = c;
      }
    }
  });
  return runs;
}

/** Join addresses into comma lists that stay well under Excel's limit for a RangeAreas address. */
function addressChunks(addresses: string[], max = 2000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur.length + a.length + 1 > max && cur) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

function applyStyle(format: Excel.RangeFormat, s: StyleSpec): void {
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.size !== undefined) format.font.size = s.size;
  if (s.color !== undefined) format.font.color = s.color;
  if (s.fill !== undefined) format.fill.color = s.fill;
  if (s.borderBottom) format.borders.getItem("EdgeBottom").style = "Continuous";
  if (s.borderTop) format.borders.getItem("EdgeTop").style = "Continuous";
}

/** A stretch of one column that gets one value: the same R1C1 formula, or the same number format. */
export interface Run {
  col: number;
  from: number;
  to: number;
  kind: "formulasR1C1" | "numberFormat";
  value: string;
}

/** Runs shorter than this are cheaper as part of the 2-D arrays. */
const MIN_RUN = 4;

/**
 * The sheet as 2-D arrays of formulas and number formats, with the cells that belong to a run left
 * null (Office.js leaves a cell alone for null), plus the runs.
 */
export function compress(plan: SheetPlan, rows: number, cols: number): { formulas: (string | number | boolean | null)[][]; formats: (string | null)[][]; runs: Run[]; cells: number } {
  const formulas: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  let cells = 0;
  for (let r = 0; r < rows; r++) {
    const row = plan.cells[r] ?? [];
    const f: (string | number | boolean | null)[] = new Array(cols).fill(null);
    const n: (string | null)[] = new Array(cols).fill(null);
    for (let c = 0; c < cols; c++) {
      const cell = row[c];
      if (!cell) continue;
      cells++;
      f[c] = formulaCell(cell);
      n[c] = cell.nf ?? null;
    }
    formulas.push(f);
    formats.push(n);
  }
  const runs: Run[] = [];
  for (let c = 0; c < cols; c++) {
    // formulas that are the same in R1C1 form, down the column
    let start = 0;
    let key: string | null = null;
    const close = (end: number, kind: Run["kind"]) => {
      if (key !== null && end - start >= MIN_RUN) {
        runs.push({ col: c + 1, from: start + 1, to: end, kind, value: kind === "formulasR1C1" ? `=${key}` : key });
        for (let r = start; r < end; r++) (kind === "formulasR1C1" ? formulas : formats)[r][c] = null;
      }
    };
    for (let r = 0; r <= rows; r++) {
      const cell = r < rows ? plan.cells[r]?.[c] : undefined;
      const k = cell?.f !== undefined ? toR1C1(cell.f, r + 1, c + 1) : null;
      if (k !== key) {
        close(r, "formulasR1C1");
        key = k;
        start = r;
      }
    }
    key = null;
    start = 0;
    for (let r = 0; r <= rows; r++) {
      const k = r < rows ? plan.cells[r]?.[c]?.nf ?? null : null;
      if (k !== key) {
        close(r, "numberFormat");
        key = k;
        start = r;
      }
    }
  }
  return { formulas, formats, runs, cells };
}

/** Width of a row: up to its last cell that still has a formula/value or a number format to send. */
function rowWidth(f: unknown[], n: unknown[]): number {
  let w = Math.max(f.length, n.length);
  while (w > 0 && (f[w - 1] ?? null) === null && (n[w - 1] ?? null) === null) w--;
  return w;
}

/** Consecutive rows of the same width; rows with nothing to send are left out. */
export function bands(formulas: unknown[][], formats: unknown[][]): Array<{ from: number; to: number; width: number }> {
  const out: Array<{ from: number; to: number; width: number }> = [];
  for (let r = 0; r < formulas.length; r++) {
    const w = rowWidth(formulas[r], formats[r]);
    const last = out[out.length - 1];
    if (w === 0) continue;
    if (last && last.to === r && last.width === w) last.to = r + 1;
    else out.push({ from: r + 1, to: r + 1, width: w });
  }
  return out;
}

class Batch {
  syncs = 0;
  payloads: number[] = [];
  private pending = 0;
  /** queued again after every round trip (e.g. suspending calculation, which lasts until the next sync) */
  onFlushed: (() => void) | null = null;
  constructor(private readonly context: Excel.RequestContext, readonly budget: number) {}
  /** Account for a request of about `bytes`; sync first when it would not fit in this batch. */
  async add(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes + 120;
  }
  async flush(): Promise<void> {
    this.payloads.push(this.pending);
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
    this.onFlushed?.();
  }
}

const size = (x: unknown) => JSON.stringify(x).length;

/** Rows [from, to) of a 2-D array in chunks of at most `max` bytes of JSON each (at least one row per chunk). */
export function rowChunks(rows: unknown[][], max: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let from = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const b = size(rows[i]) + 1;
    if (i > from && bytes + b > max) {
      out.push({ from, to: i });
      from = i;
      bytes = 2;
    }
    bytes += b;
  }
  if (from < rows.length) out.push({ from, to: rows.length });
  return out;
}

async function writeSheet(ws: Excel.Worksheet, batch: Batch, plan: SheetPlan, supports: (v: string) => boolean): Promise<number> {
  const rows = plan.cells.length;
  const cols = plan.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  if (rows === 0 || cols === 0) return 0;
  const { formulas, formats, runs, cells } = compress(plan, rows, cols);
  // In bands of rows, each as wide as its widest row, so a long narrow block (the ledger mirror) is not
  // padded to the width of the sheet; rows with nothing left after the runs are not sent at all.
  // A band bigger than a quarter of the budget goes in slices of rows, so no request passes the budget.
  const slices = bands(formulas, formats).flatMap((band) => {
    const f = formulas.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    return rowChunks(f, batch.budget / 4).map((c) => ({ from: band.from + c.from, to: band.from + c.to - 1, width: band.width }));
  });
  for (const band of slices) {
    const range = ws.getRange(`A${band.from}:${columnLetter(band.width)}${band.to}`);
    const f = formulas.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    const n = formats.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    // Number formats first: a value then lands in a cell that already shows it right. null leaves a cell
    // as it is; the runs fill those cells below, one value for a whole stretch of a column.
    if (n.some((r) => r.some((x) => x !== null))) {
      await batch.add(size(n));
      range.numberFormat = n;
    }
    if (f.some((r) => r.some((x) => x !== null))) {
      await batch.add(size(f));
      range.formulas = f;
    }
  }
  for (const run of runs) {
    const target = ws.getRange(`${columnLetter(run.col)}${run.from}:${columnLetter(run.col)}${run.to}`) as unknown as Record<string, unknown>;
    target[run.kind] = run.value;
    await batch.add(run.value.length + 80);
  }

  const rangeAreas = supports("1.9");
  for (const [style, addresses] of styleRuns(plan)) {
    for (const chunk of addressChunks(addresses)) {
      if (rangeAreas) applyStyle(ws.getRanges(chunk).format as unknown as Excel.RangeFormat, STYLES[style]);
      else for (const a of chunk.split(",")) applyStyle(ws.getRange(a).format, STYLES[style]);
      await batch.add(chunk.length + 200);
    }
  }
  const wrapped: string[] = [];
  plan.cells.forEach((row, r) => row?.forEach((c, i) => c?.wrap && wrapped.push(`${columnLetter(i + 1)}${r + 1}`)));
  for (const chunk of addressChunks(wrapped)) {
    if (rangeAreas) ws.getRanges(chunk).format.wrapText = true;
    else for (const a of chunk.split(",")) ws.getRange(a).format.wrapText = true;
    await batch.add(chunk.length + 60);
  }
  const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
  for (const [align, addresses] of runsBy(plan, (c) => c?.align)) {
    for (const chunk of addressChunks(addresses)) {
      const value = ALIGN[align] as Excel.HorizontalAlignment;
      if (rangeAreas) ws.getRanges(chunk).format.horizontalAlignment = value;
      else for (const a of chunk.split(",")) ws.getRange(a).format.horizontalAlignment = value;
      await batch.add(chunk.length + 60);
    }
  }
  for (const m of plan.merges) ws.getRange(m).merge(false);
  // each merge, row-height stretch and column width is two operations (getRange, then the call or property)
  await batch.add(plan.merges.length * 200);
  // row heights: one request per stretch of rows with the same height
  const heights = plan.heights ?? [];
  let stretches = 0;
  for (let r = 0; r < heights.length; r++) {
    const h = heights[r];
    if (h === undefined) continue;
    let end = r;
    while (heights[end + 1] === h) end++;
    ws.getRange(`${r + 1}:${end + 1}`).format.rowHeight = h;
    stretches++;
    r = end;
  }
  await batch.add(stretches * 180);
  for (const chunk of addressChunks(plan.editable)) {
    if (rangeAreas) ws.getRanges(chunk).format.protection.locked = false;
    else for (const a of chunk.split(",")) ws.getRange(a).format.protection.locked = false;
    await batch.add(chunk.length + 60);
  }
  if (plan.tabColor && supports("1.7")) ws.tabColor = plan.tabColor;
  plan.widths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = Math.round(w * 6);
  });
  await batch.add(plan.widths.length * 180);
  ws.freezePanes.freezeRows(plan.freezeRows ?? 4);
  for (const cf of plan.conditional) {
    const c = ws.getRange(cf.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    c.custom.rule.formula = `=${cf.formula}`;
    c.custom.format.fill.color = CONDITIONAL[cf.style].fill;
    c.custom.format.font.color = CONDITIONAL[cf.style].font;
    await batch.add(cf.formula.length + 300);
  }
  for (const ch of plan.charts) {
    const chart = ws.charts.add(CHART_TYPES[ch.kind] as Excel.ChartType, ws.getRange(ch.series[0].values), "Auto" as Excel.ChartSeriesBy);
    chart.title.text = ch.title;
    chart.setPosition(ch.anchor);
    chart.width = ch.width * 0.75;
    chart.height = ch.height * 0.75;
    if (supports("1.7")) {
      const first = chart.series.getItemAt(0);
      first.name = ch.series[0].name;
      first.setXAxisValues(ws.getRange(ch.categories));
      for (const s of ch.series.slice(1)) {
        const added = chart.series.add(s.name);
        added.setValues(ws.getRange(s.values));
        added.setXAxisValues(ws.getRange(ch.categories));
      }
    }
    await batch.add(600);
  }
  if (supports("1.8")) ws.showGridlines = false;
  if (supports("1.9") && plan.print) {
    const p = plan.print;
    ws.pageLayout.orientation = (p.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
    ws.pageLayout.zoom = { horizontalFitToPages: p.fitWidth, verticalFitToPages: 0 };
    ws.pageLayout.setPrintArea(p.area);
    if (p.repeatRows) ws.pageLayout.setPrintTitleRows(p.repeatRows.split(":").map((x) => `$${x}`).join(":"));
    if (p.pageNumbers) {
      const footer = ws.pageLayout.headersFooters.defaultForAllPages;
      footer.leftFooter = "&A";
      footer.rightFooter = "Pagina &P"; // &N would count the whole print job when the pack is printed
    }
    await batch.add(p.area.length + 400);
  }
  return cells;
}

export type OfficeRecords = KeptRecords;

/** What the writer needs from the read at the start of the build. */
export interface PreviousState {
  /** sheet ids of the report sheets an earlier build made (only these are ever replaced) */
  reportSheetIds: string[];
  /** rows in use on Logboek; null when the sheet did not exist */
  logRows?: number | null;
}

export class WorkbookChanged extends Error {}

/** Write `rows` (text gets its apostrophe) from row `first` on, in slices that stay under the budget. */
async function writeRows(ws: Excel.Worksheet, batch: Batch, first: number, rows: (string | number)[][], width: number): Promise<void> {
  const body = rows.map((r) => Array.from({ length: width }, (_, i) => {
    const v = r[i];
    return v === undefined || v === "" ? "" : typeof v === "string" ? `'${v}` : v;
  }));
  for (const c of rowChunks(body, batch.budget / 4)) {
    const part = body.slice(c.from, c.to);
    await batch.add(size(part));
    ws.getRange(`A${first + c.from}:${columnLetter(width)}${first + c.to - 1}`).values = part;
  }
}

/** Write `rows` into a (very) hidden sheet of ours, replacing what was there. */
async function replaceHidden(sheets: Excel.WorksheetCollection, batch: Batch, name: string, existing: ExcelSheetInfo | undefined, rows: (string | number)[][], visibility: "VeryHidden" | "Hidden"): Promise<void> {
  const ws = existing ? sheets.getItem(existing.id) : sheets.add(name);
  if (existing) ws.getRange().clear();
  if (rows.length > 0) await writeRows(ws, batch, 1, rows, rows.reduce((w, r) => Math.max(w, r.length), 0));
  ws.visibility = visibility as Excel.SheetVisibility;
  await batch.add(100);
}

const lower = (s: string) => s.toLowerCase();

/**
 * Put the report in place without ever touching a sheet that is not ours, in three steps:
 *
 * 0. one round trip for the sheet list as it is now (the user may have changed sheets since the read): the
 *    old report sheets are the ones an earlier build recorded, by sheet id; a sheet with a name the new
 *    report needs that is not one of them stops the build before anything is changed;
 * 1. the old report sheets are parked under temporary names (`_dvo_oud_1`, …) and the new ones are written
 *    under their own names (all added first, so formulas that refer to a later sheet find it). If this
 *    fails, the sheets this build added (by id) are deleted and the parked ones get their names back;
 * 2. the records (meta sheet with names and ids, sign-off, snapshot, Logboek) are written, the signed
 *    addendum protected, and only then the parked sheets (by id) deleted. A parked sheet the user removed
 *    meanwhile is no error; one left behind by a broken-off build is removed by the next.
 *
 * Round trips: 3, plus one per 4 MB of request beyond the first in steps 1 and 2.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  previous: PreviousState,
  opts: WriteOptions & { records?: OfficeRecords } = {},
): Promise<WriteStats> {
  const supports = opts.supports ?? defaultSupports;
  const batch = new Batch(context, opts.payloadBudget ?? 4 * 1024 * 1024);
  const sheets = context.workbook.worksheets;

  // 0. the sheets as they are now
  const list = sheets.load("items/name,items/id,items/visibility");
  await batch.flush();
  const now: ExcelSheetInfo[] = list.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility }));
  const oldReport = now.filter((s) => previous.reportSheetIds.includes(s.id));
  const leftovers = now.filter((s) => isParkedSheet(s.name));
  const ourOld = new Set([...oldReport, ...leftovers].map((s) => s.id));
  for (const p of plan.sheets) {
    const clash = sheetInTheWay(p.name, now, (s) => ourOld.has(s.id));
    if (clash) throw new WorkbookChanged(`Er staat intussen een eigen werkblad '${clash.name}' in de werkmap, met de naam van een rapportblad. Klik op Controleren om de werkmap opnieuw in te lezen; het rapportblad krijgt dan een andere naam.`);
  }
  const taken = new Set([...now.map((s) => lower(s.name)), ...plan.sheets.map((s) => lower(s.name))]);
  let k = 1;
  const parked = oldReport.map((s) => {
    while (taken.has(`${PARKED_PREFIX}${k}`)) k++;
    taken.add(`${PARKED_PREFIX}${k}`);
    return { ...s, parkedAs: `${PARKED_PREFIX}${k++}` };
  });
  const calc = () => {
    if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
  };
  const find = (name: string) => now.find((s) => lower(s.name) === lower(name));

  // 1. park the old report, write the new one under its own names
  const added: Array<{ plan: SheetPlan; ws: Excel.Worksheet }> = [];
  let cells = 0;
  try {
    calc();
    if (supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
    batch.onFlushed = calc;
    for (const p of parked) sheets.getItem(p.id).name = p.parkedAs;
    await batch.add(parked.length * 120);
    for (const s of plan.sheets) added.push({ plan: s, ws: sheets.add(s.name) });
    // the new report takes the old one's place among the sheets (as the file host writes it in place)
    const at = now.findIndex((s) => oldReport.some((o) => o.id === s.id));
    if (at >= 0) added.forEach((a, i) => void (a.ws.position = at + i));
    await batch.add(plan.sheets.length * 160);
    for (const [i, a] of added.entries()) {
      opts.onProgress?.(`Blad ${i + 1} van ${plan.sheets.length}: ${a.plan.name}`);
      cells += await writeSheet(a.ws, batch, a.plan, supports);
    }
    for (const a of added) a.ws.load("id");
    await batch.flush();
  } catch (e) {
    batch.onFlushed = null;
    await rollback(context, now, plan, parked);
    throw e;
  }
  batch.onFlushed = null;

  // 2. the records, then the old report goes
  const metaRows = markerRows(plan.marker, added.map((a) => ({ name: a.plan.name, id: a.ws.id })));
  await replaceHidden(sheets, batch, MARKER_SHEET, find(MARKER_SHEET), metaRows, "VeryHidden");
  const r = opts.records ?? {};
  if (r.signOff) await replaceHidden(sheets, batch, SIGNOFF_SHEET, find(SIGNOFF_SHEET), signOffRows(r.signOff), "VeryHidden");
  if (r.snapshot) await replaceHidden(sheets, batch, SNAPSHOT_SHEET, find(SNAPSHOT_SHEET), snapshotRows(r.snapshot), "VeryHidden");
  if (r.log && r.log.length > 0) {
    // append-only: new rows go below the last row in use; nothing above is written
    const existing = find(LOG_SHEET);
    const log = existing ? sheets.getItem(existing.id) : sheets.add(LOG_SHEET);
    let first = (existing ? previous.logRows ?? 0 : 0) + 1;
    const width = LOG_HEADERS.length;
    if (first === 1) {
      await writeRows(log, batch, 1, [LOG_HEADERS], width);
      log.getRange(`A1:${columnLetter(width)}1`).format.font.bold = true;
      first = 2;
    }
    await writeRows(log, batch, first, r.log.map(logRow), width);
    if (!existing) log.visibility = "Hidden" as Excel.SheetVisibility;
    await batch.add(200);
  }
  const toProtect = r.protect ? added.find((a) => lower(a.plan.name) === lower(r.protect ?? "")) : undefined;
  // a fresh sheet is never protected yet: protect the signed addendum against accidental edits (no password)
  if (toProtect) toProtect.ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  if (added[0]) added[0].ws.activate();
  await batch.add(400);
  for (const s of [...parked, ...leftovers]) sheets.getItem(s.id).delete();
  await batch.add((parked.length + leftovers.length) * 100);
  try {
    await batch.flush();
  } catch (e) {
    // the deletes come last: a parked sheet the user removed meanwhile stops only the deletes after it
    if ((e as { code?: unknown }).code !== "ItemNotFound") throw e;
  }
  return { syncs: batch.syncs, payloads: batch.payloads, cells };
}

/** Undo step 1: delete the sheets this build added (by id), give the parked sheets their names back. */
async function rollback(context: Excel.RequestContext, before: ExcelSheetInfo[], plan: WorkbookPlan, parked: Array<ExcelSheetInfo & { parkedAs: string }>): Promise<void> {
  try {
    const list = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    const existed = new Set(before.map((s) => s.id));
    const planned = new Set(plan.sheets.map((s) => lower(s.name)));
    for (const s of list.items) if (!existed.has(s.id) && planned.has(lower(s.name))) context.workbook.worksheets.getItem(s.id).delete();
    for (const p of parked) {
      const cur = list.items.find((s) => s.id === p.id);
      if (cur && cur.name !== p.name) context.workbook.worksheets.getItem(p.id).name = p.name;
    }
    await context.sync();
  } catch {
    /* the original error is the one to report; parked sheets left behind are removed by the next build */
  }
}
