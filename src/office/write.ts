/**
 * Office.js host, writing side: put a WorkbookPlan into the open workbook in a constant number of
 * round trips. Values and formulas go as one 2-D array per sheet, formats per block, calculation and
 * screen updating are suspended while writing, and requests are split only when one would pass the
 * payload budget (Excel on the web refuses requests over 5 MB).
 *
 * Only sheets the add-in made are replaced; input sheets and the user's own sheets are never written.
 * User text is written with a leading apostrophe, so '=…', '+…', '-…', '@…' and numbers-as-text stay text.
 */
import { columnLetter } from "../input/grid";
import type { CellStyle, ChartPlan, PlanCell, SheetPlan, WorkbookPlan } from "../report/plan";
import { LOG_HEADERS, LOG_SHEET, logRow, SIGNOFF_SHEET, signOffRows, SNAPSHOT_SHEET, snapshotRows, type KeptRecords } from "../input/meta";
import { META_SHEET } from "./read";
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
  const runs = new Map<CellStyle, string[]>();
  plan.cells.forEach((row, r) => {
    if (!row) return;
    let start = -1;
    let style: CellStyle | undefined;
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
      const s = c < row.length ? row[c]?.s : undefined;
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
  constructor(private readonly context: Excel.RequestContext, private readonly budget: number) {}
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
  }
}

const size = (x: unknown) => JSON.stringify(x).length;

async function writeSheet(context: Excel.RequestContext, batch: Batch, plan: SheetPlan, supports: (v: string) => boolean): Promise<number> {
  const ws = context.workbook.worksheets.add(plan.name);
  await batch.add(plan.name.length);
  const rows = plan.cells.length;
  const cols = plan.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  if (rows === 0 || cols === 0) return 0;
  const { formulas, formats, runs, cells } = compress(plan, rows, cols);
  // In bands of rows, each as wide as its widest row, so a long narrow block (the ledger mirror) is not
  // padded to the width of the sheet; rows with nothing left after the runs are not sent at all.
  for (const band of bands(formulas, formats)) {
    const range = ws.getRange(`A${band.from}:${columnLetter(band.width)}${band.to}`);
    const f = formulas.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    const n = formats.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    // Number formats first: a value then lands in a cell that already shows it right. null leaves a cell
    // as it is; the runs fill those cells below, one value for a whole stretch of a column.
    if (n.some((r) => r.some((x) => x !== null))) {
      range.numberFormat = n;
      await batch.add(size(n));
    }
    if (f.some((r) => r.some((x) => x !== null))) {
      range.formulas = f;
      await batch.add(size(f));
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
  plan.widths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = Math.round(w * 6);
  });
  await batch.add(plan.widths.length * 80);
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
  if (supports("1.9")) {
    ws.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  return cells;
}

export type OfficeRecords = KeptRecords;

export interface PreviousState {
  reportSheets: string[];
  metaExists: boolean;
  signOffExists?: boolean;
  snapshotExists?: boolean;
  /** rows in use on Logboek; null when the sheet does not exist */
  logRows?: number | null;
}

/** Write `rows` into a (very) hidden sheet of ours, replacing what was there. */
function replaceHidden(sheets: Excel.WorksheetCollection, name: string, exists: boolean, rows: (string | number)[][], visibility: "VeryHidden" | "Hidden"): number {
  const ws = exists ? sheets.getItem(name) : sheets.add(name);
  if (exists) ws.getRange("A:Z").clear();
  if (rows.length > 0) {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const body = rows.map((r) => Array.from({ length: width }, (_, i) => { const v = r[i]; return v === undefined || v === "" ? "" : typeof v === "string" ? `'${v}` : v; }));
    ws.getRange(`A1:${columnLetter(width)}${rows.length}`).values = body;
  }
  ws.visibility = visibility as Excel.SheetVisibility;
  return size(rows);
}

/**
 * Build the new report sheets beside the old ones (under the plan's temporary names, e.g. "~6.5
 * Financieel"), and only when all of that has gone through, delete the old ones and give the new ones
 * their names — Excel updates the formulas that refer to them. A build that fails half-way leaves the
 * earlier report as it was. Two round trips for the whole write.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  previous: PreviousState,
  opts: WriteOptions & { namePrefix?: string; records?: OfficeRecords } = {},
): Promise<WriteStats> {
  const supports = opts.supports ?? defaultSupports;
  const prefix = opts.namePrefix ?? "";
  const finalName = (n: string) => (prefix && n.startsWith(prefix) ? n.slice(prefix.length) : n);
  const batch = new Batch(context, opts.payloadBudget ?? 4 * 1024 * 1024);
  context.application.suspendApiCalculationUntilNextSync();
  if (supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  const sheets = context.workbook.worksheets;

  // Without a prefix the new sheets cannot stand beside the old ones: delete those first (no swap).
  if (!prefix) {
    for (const name of previous.reportSheets) sheets.getItem(name).delete();
    await batch.add(previous.reportSheets.length * 100);
  }
  const oldSheets = prefix ? previous.reportSheets : [];

  // 1. the new sheets, beside the old
  let cells = 0;
  let protection: Excel.WorksheetProtection | null = null;
  try {
    for (const [i, s] of plan.sheets.entries()) {
      opts.onProgress?.(`Blad ${i + 1} van ${plan.sheets.length}: ${finalName(s.name)}`);
      cells += await writeSheet(context, batch, s, supports);
    }
    const toProtect = opts.records?.protect ? plan.sheets.find((s) => finalName(s.name) === opts.records?.protect) : undefined;
    protection = toProtect ? sheets.getItem(toProtect.name).protection.load("protected") : null;
    await batch.flush();
  } catch (e) {
    // leave the workbook as it was: remove what was added of the new report, keep the old one
    try {
      for (const s of plan.sheets) sheets.getItemOrNullObject(s.name).delete();
      await context.sync();
    } catch {
      /* the original error is the one to report */
    }
    throw e;
  }

  // 2. swap: delete the old report, rename the new, record what was made
  for (const name of oldSheets) sheets.getItem(name).delete();
  await batch.add(oldSheets.length * 100);
  if (prefix) for (const s of plan.sheets) sheets.getItem(s.name).name = finalName(s.name);
  await batch.add(plan.sheets.length * 120);
  const metaRows: (string | number)[][] = [
    ["product", plan.marker.product],
    ["versie", plan.marker.version],
    ["vingerafdruk", plan.marker.fingerprint],
    ["gemaakt", plan.marker.builtAt],
    ["rapportagemaand", plan.marker.reportMonth],
    ...plan.sheets.map((s) => ["rapportblad", finalName(s.name)]),
  ];
  await batch.add(replaceHidden(sheets, META_SHEET, previous.metaExists, metaRows, "VeryHidden"));
  const r = opts.records ?? {};
  if (r.signOff) await batch.add(replaceHidden(sheets, SIGNOFF_SHEET, previous.signOffExists ?? false, signOffRows(r.signOff), "VeryHidden"));
  if (r.snapshot) await batch.add(replaceHidden(sheets, SNAPSHOT_SHEET, previous.snapshotExists ?? false, snapshotRows(r.snapshot), "VeryHidden"));
  if (r.log && r.log.length > 0) {
    // append-only: new rows go below the last row in use; nothing above is written
    const exists = previous.logRows !== null && previous.logRows !== undefined;
    const log = exists ? sheets.getItem(LOG_SHEET) : sheets.add(LOG_SHEET);
    let first = (previous.logRows ?? 0) + 1;
    if (!exists || previous.logRows === 0) {
      log.getRange(`A1:${columnLetter(LOG_HEADERS.length)}1`).values = [LOG_HEADERS.map((h) => `'${h}`)];
      log.getRange("A1:J1").format.font.bold = true;
      first = 2;
    }
    const rows = r.log.map((e) => logRow(e).map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v)));
    log.getRange(`A${first}:${columnLetter(LOG_HEADERS.length)}${first + rows.length - 1}`).values = rows;
    log.visibility = "Hidden" as Excel.SheetVisibility;
    await batch.add(size(rows));
  }
  if (r.protect && protection && !protection.protected) {
    // checked before protecting: protect the signed addendum against accidental edits (no password)
    sheets.getItem(r.protect).protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    await batch.add(200);
  }
  if (plan.sheets[0]) sheets.getItem(finalName(plan.sheets[0].name)).activate();
  await batch.flush();
  return { syncs: batch.syncs, payloads: batch.payloads, cells };
}
