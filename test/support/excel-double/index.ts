/**
 * (Over 350 lines on purpose: the proxies share one batch machinery and one model, and each rule sits beside
 * the proxy it belongs to with its citation; the model, formulas and helpers are in their own files.)
 *
 * A strict Excel double for the Office.js API subset the add-in uses, written from Microsoft's Office.js
 * documentation (learn.microsoft.com: Excel.Range values/formulas/numberFormat, load/sync, PropertyNotLoaded,
 * OfficeExtension.ErrorCodes / Excel.ErrorCodes, WorksheetCollection.getItem / getItemOrNullObject, sheet
 * naming, protection, the 5 MB payload limit of Excel on the web, requirement sets per platform) — not from
 * the add-in's code. What it holds after a batch is an in-memory workbook a test inspects or exports.
 *
 * What it enforces:
 * - proxies: a property read before load + sync throws PropertyNotLoaded (at once, as office.js does);
 *   `isNullObject` is known only after the sync that resolved the object;
 * - queued operations run at `sync()`, in order, and the first that Excel would refuse fails the sync with
 *   its documented code. What Excel keeps of a failed batch is not documented, so the double has two
 *   models: `batch: "partial"` (operations before the failing one stay applied, the rest are dropped) and
 *   `batch: "atomic"` (nothing of the batch is applied); code under test must be right under both. Codes:
 *   ItemNotFound, ItemAlreadyExists, InvalidArgument (values, formulas, formulasR1C1 and numberFormat take a
 *   2-D array of the range's exact shape — the Range reference types them `any[][]`; the sentence that once
 *   allowed a single value for a whole range was removed from that page in 2020, so a scalar, or a 1×1
 *   array on a bigger range, is refused), AccessDenied (a protected sheet; a protected workbook structure),
 *   InvalidOperation (deleting a VeryHidden sheet: Worksheet.delete), ApiNotFound (an API above the
 *   profile's ExcelApi; the set per API as the reference page gives it, e.g. Worksheet.visibility: 1.1 to
 *   read, 1.2 to set), RangeExceedsLimit (a read of more than 5,000,000 cells: "Resource limits and
 *   performance optimization", Excel add-ins);
 * - `Excel.run` syncs what is still queued when its function resolves ("Application-specific API model":
 *   run functions call sync() implicitly);
 * - sheet ids: with `reuseIds` (Excel on Mac) a deleted sheet's id may be given to a new sheet ("Work with
 *   worksheets": the id of a deleted worksheet might be reassigned);
 * - calculation: a formula written while calculation is suspended (Application.suspendApiCalculationUntilNextSync:
 *   "it is the developer's responsibility to re-calc the workbook") is stale until `application.calculate`
 *   with "Full" or "FullRebuild" (which mark every cell dirty: CalculationType); the double computes no
 *   values, it only keeps count (`staleFormulas`);
 * - events: `context.runtime.enableEvents` (ExcelApi 1.8, "Work with events": events are switched on and off
 *   at the runtime level) and the worksheet collection's onChanged (1.9), onAdded and onDeleted (1.7); a
 *   change made while events are off raises nothing, and `userEdit` stands for a person typing in a cell;
 * - `null` in a 2-D values/formulas/numberFormat array leaves that cell as it is;
 * - sheet names: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe, unique
 *   case-insensitively, not "History";
 * - a leading apostrophe stores text (shown without it); other text is read as Excel reads typed input
 *   (numbers, TRUE/FALSE, dates, percentages; "=…" is a formula; text starting with + - @ that is not a
 *   number is refused here as a formula Excel cannot parse — strict on purpose: the host must quote text);
 * - formulas are kept as Excel shows them in A1; formulasR1C1 goes through the double's own conversion;
 *   renaming a sheet rewrites references to it, deleting it turns them into #REF!;
 * - request and response size per sync, measured as "Excel JavaScript API performance optimization",
 *   Payload size limit best practices, describes a request: the number of API calls, the number of objects
 *   (a Range, a Worksheet, …) and the length of the values set or got (see `measure` below; written from
 *   that page, not from the add-in's own estimate); on the web profile either one over 5 MB fails the sync
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). A response is measured as the JSON
 *   of everything the sync's loads bring back, and each sync also records the most cells one range load asked
 *   for (`SyncRecord.cellsRead`), the measure of the 5,000,000-cell limit, so a test can see both limits per
 *   round trip without trusting the code under test. A batch of loads changes nothing, so under the atomic
 *   model it has nothing to put back (the whole-workbook copy is skipped: a read of a 1,048,576-row sheet
 *   would otherwise copy every cell per round trip).
 *
 * Pages the rules above come from (Microsoft Learn, from OfficeDev/office-js-docs-reference and
 * OfficeDev/office-js-docs-pr):
 * - Range, Worksheet, WorksheetCollection, Application, CalculationType, Runtime reference:
 *   https://learn.microsoft.com/javascript/api/excel/excel.range (…/excel.worksheet, …/excel.worksheetcollection,
 *   …/excel.application, …/excel.calculationtype, …/excel.runtime)
 * - https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * - https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 * - https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * - https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets
 * - https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events
 *
 * Where the documentation is silent the double is stricter than Excel, never laxer: a method call or a
 * property set on a null object fails the sync (ItemNotFound).
 */
import { r1c1ToA1, renameSheetRefs, sheetRefs } from "./formula";
import {
  cols, colLetters, emptyCell, isBlank, key, newSheet, parseAddress, rectAddress, rows, usedRect,
  type CellModel, type CellStyle, type ChartModel, type Rect, type SheetModel, type TableModel,
} from "./model";

export * from "./model";
export { r1c1ToA1, renameSheetRefs } from "./formula";

/** Platforms and the highest ExcelApi requirement set each supports (learn.microsoft.com, "Excel JavaScript API requirement sets"). */
export const PROFILES = {
  /** Office 2019 (volume-licensed perpetual): up to ExcelApi 1.8 */
  excel2019: { maxApi: "1.8", payloadLimit: null as number | null, label: "Excel 2019" },
  /** Office 2021 (perpetual): up to ExcelApi 1.14 */
  excel2021: { maxApi: "1.14", payloadLimit: null as number | null, label: "Excel 2021" },
  /** Office 2024 (perpetual): up to ExcelApi 1.17 */
  excel2024: { maxApi: "1.17", payloadLimit: null as number | null, label: "Excel 2024" },
  /** Microsoft 365 on Windows / Mac: the latest numbered set (1.20 at the time of writing) */
  m365: { maxApi: "1.20", payloadLimit: null as number | null, label: "Microsoft 365" },
  /** Excel on the web: latest set, and a request or a response over 5 MB fails */
  web: { maxApi: "1.20", payloadLimit: (5 * 1024 * 1024) as number | null, label: "Excel op het web" },
} as const;

export type ProfileName = keyof typeof PROFILES;

const minorOf = (version: string | number): number => Number(String(version).split(".")[1] ?? 0);

/** The error office.js raises (OfficeExtension.Error): name, code, message, debugInfo. */
export class DoubleError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(readonly code: string, message: string, where?: string) {
    super(message);
    this.debugInfo = { code, message, errorLocation: where };
  }
}

interface Op {
  /** minor version of ExcelApi 1.x this needs */
  api: number;
  where: string;
  /** the request bytes of this call (see `measure`) */
  bytes: number;
  run: () => void | { payload: unknown; deliver: () => void };
}

export interface SyncRecord {
  request: number;
  response: number;
  ops: number;
  /** the most cells one range load asked for in this sync (values, formulas or numberFormat) */
  cellsRead: number;
  error?: string;
}

export interface SheetSetup {
  name: string;
  /** cell values from A1 (or from `origin`), stored as they are (text stays text); null = empty */
  rows?: Array<Array<string | number | boolean | null>>;
  /** formulas by A1 address, e.g. { B2: "=A1*2" } */
  formulas?: Record<string, string>;
  origin?: string;
  /** a table over the rows, with this name */
  table?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
}

export interface ExportedCell {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  style?: CellStyle;
}

export interface ExportedWorkbook {
  sheets: Array<{
    name: string;
    visibility: string;
    protected: boolean;
    cells: Record<string, ExportedCell>;
    merged: string[];
    columnWidths: Record<string, number>;
    freezeRows?: number;
  }>;
  tables: Array<{ name: string; sheet: string; address: string }>;
}

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/;
const size = (x: unknown): number => JSON.stringify(x ?? null).length;

/**
 * The request bytes of one queued call, from the three parts the payload best practices name: the call
 * itself (method or property and its place in the object path), an object it creates (Range, Worksheet, …),
 * and the length of the value it sets. The per-call and per-object figures are the double's own assumption
 * of what a serialized action costs; the value is measured as its JSON text.
 */
const CALL_BYTES = 40;
/** Calls that only get: loading properties and reaching an object (they change nothing in the workbook). */
const READS = /\.(load|getRange|getUsedRange|getUsedRangeOrNullObject|getIntersectionOrNullObject|getItem|getItemOrNullObject|getCell)$/;
const OBJECT_BYTES = 60;
const CREATES_OBJECT = /\.(getRange|getRanges|getItem|getItemOrNullObject|getItemAt|getActiveWorksheet|getUsedRange|getUsedRangeOrNullObject|getIntersectionOrNullObject|getCell|add)$/;
export function measure(where: string, args: unknown): number {
  return CALL_BYTES + (CREATES_OBJECT.test(where) ? OBJECT_BYTES : 0) + (args === undefined ? 0 : size(args));
}

/** The event an Excel change raises, as the worksheet collection's handlers receive it. */
export interface DoubleEvent {
  kind: "changed" | "added" | "deleted";
  worksheetId: string;
  address?: string;
  source: "Local" | "Remote";
  type: string;
}

export type BatchModel = "partial" | "atomic";

export class ExcelDouble {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  structureProtected = false;
  activeSheetId: string | null = null;
  readonly syncs: SyncRecord[] = [];
  calculationSuspended = 0;
  private queue: Op[] = [];
  private nextId = 1;
  readonly profile: ProfileName;
  readonly apiMinor: number;
  readonly batch: BatchModel;
  readonly reuseIds: boolean;
  private freedIds: string[] = [];
  /** Runtime.enableEvents of the add-in under test */
  enableEvents = true;
  readonly handlers: Record<DoubleEvent["kind"], Array<(e: DoubleEvent) => unknown>> = { changed: [], added: [], deleted: [] };
  /** events raised by the operations of the batch that is running (fired when it is kept) */
  private raised: DoubleEvent[] = [];
  /** every event fired to the handlers, in order */
  readonly fired: DoubleEvent[] = [];
  private delivering: Promise<unknown> = Promise.resolve();

  constructor(opts: { profile?: ProfileName; sheets?: SheetSetup[]; structureProtected?: boolean; batch?: BatchModel; reuseIds?: boolean; maxApi?: string } = {}) {
    this.profile = opts.profile ?? "web";
    // EXCEL_DOUBLE_BATCH=atomic runs every test that does not choose a model under the all-or-nothing one
    this.batch = opts.batch ?? (process.env.EXCEL_DOUBLE_BATCH === "atomic" ? "atomic" : "partial");
    this.reuseIds = opts.reuseIds ?? false;
    this.apiMinor = minorOf(opts.maxApi ?? PROFILES[this.profile].maxApi);
    for (const s of opts.sheets ?? []) this.setup(s);
    if (this.sheets.length === 0) this.setup({ name: "Blad1" });
    this.structureProtected = opts.structureProtected ?? false;
    this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
  }

  /** Office.context.requirements.isSetSupported("ExcelApi", version) for this profile. */
  supports = (version: string): boolean => Number(String(version).split(".")[0]) === 1 && minorOf(version) <= this.apiMinor;

  /** A fresh request context, as Excel.run hands one to its callback. */
  context(): Excel.RequestContext {
    const workbook = new WorkbookProxy(this);
    const ctx = {
      workbook,
      application: new ApplicationProxy(this),
      runtime: new RuntimeProxy(this),
      sync: () => this.sync(),
      trackedObjects: { add: () => undefined, remove: () => undefined },
    };
    return ctx as unknown as Excel.RequestContext;
  }

  /** Excel.run: one context per call; what is still queued when `fn` resolves is synced then. */
  async run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const result = await fn(this.context());
    if (this.queue.length > 0) await this.sync();
    return result;
  }

  /** Globals for code that calls Excel.run / Office.context.requirements directly. */
  install(): () => void {
    const g = globalThis as unknown as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: (fn: (c: Excel.RequestContext) => Promise<unknown>) => this.run(fn) };
    g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && this.supports(v) } } };
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  // ------------------------------------------------------------------ batch machinery

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Fault injection: the sync `n` syncs from now fails with `code` before Excel runs any of its operations. */
  failSync(n: number, code = "ConnectionFailure"): void {
    this.failAt = { sync: this.syncs.length + n, code };
  }
  private failAt: { sync: number; code: string } | null = null;

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    if (this.failAt && this.syncs.length === this.failAt.sync) {
      const code = this.failAt.code;
      this.failAt = null;
      this.syncs.push({ request: 0, response: 0, ops: ops.length, cellsRead: 0, error: code });
      throw new DoubleError(code, "The request could not be delivered (fault injected by the test).");
    }
    const request = 2 + ops.reduce((n, o) => n + o.bytes, 0);
    const record: SyncRecord = { request, response: 0, ops: ops.length, cellsRead: 0 };
    this.syncs.push(record);
    this.current = record;
    const limit = PROFILES[this.profile].payloadLimit;
    if (limit !== null && request > limit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new DoubleError("RequestPayloadSizeLimitExceeded", `The request payload size (${request} bytes) has exceeded the limit.`);
    }
    const deliveries: Array<() => void> = [];
    let response = 2;
    // a batch of reads changes nothing, so there is nothing to put back
    const restore = this.batch === "atomic" && ops.some((o) => !READS.test(o.where)) ? this.snapshot() : null;
    this.raised = [];
    try {
      for (const op of ops) {
        if (op.api > this.apiMinor) throw new DoubleError("ApiNotFound", `${op.where} needs ExcelApi 1.${op.api}; ${PROFILES[this.profile].label} has up to 1.${this.apiMinor}.`, op.where);
        const r = op.run();
        if (r) {
          response += size(r.payload);
          deliveries.push(r.deliver);
        }
      }
    } catch (e) {
      record.response = response;
      if (e instanceof DoubleError) record.error = e.code;
      if (restore) restore();
      else this.fire();
      throw e;
    } finally {
      this.calculationSuspended = 0;
    }
    this.fire();
    record.response = response;
    if (limit !== null && response > limit) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new DoubleError("ResponsePayloadSizeLimitExceeded", `The response payload size (${response} bytes) has exceeded the limit.`);
    }
    for (const d of deliveries) d();
  }

  private current: SyncRecord | null = null;

  /** A range load of `cells` cells ran in the sync now running. */
  noteRead(cells: number): void {
    if (this.current) this.current.cellsRead = Math.max(this.current.cellsRead, cells);
  }

  // ------------------------------------------------------------------ model helpers

  newId(): string {
    const reused = this.reuseIds ? this.freedIds.sort().shift() : undefined;
    return reused ?? `{00000000-0001-0000-${String(this.nextId++).padStart(4, "0")}-000000000000}`;
  }

  freeId(id: string): void {
    this.freedIds.push(id);
  }

  /** Everything a batch can change, to put back when an atomic batch fails. */
  private snapshot(): () => void {
    const sheets = [...this.sheets];
    const saved = sheets.map((s) => ({
      s,
      fields: { ...s, cells: new Map([...s.cells].map(([k, c]) => [k, { ...c, style: { ...c.style } }])), columnWidths: new Map(s.columnWidths), rowHeights: new Map(s.rowHeights), merged: s.merged.map((m) => ({ ...m })), protection: { ...s.protection }, pageLayout: { ...s.pageLayout }, conditionalFormats: s.conditionalFormats.map((c) => ({ ...c })), dataValidation: [...s.dataValidation], charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })) },
    }));
    const tables = this.tables.map((t) => ({ t, fields: { ...t, rect: { ...t.rect } } }));
    const state = { structureProtected: this.structureProtected, activeSheetId: this.activeSheetId, enableEvents: this.enableEvents, nextId: this.nextId, freedIds: [...this.freedIds] };
    const handlers = Object.fromEntries(Object.entries(this.handlers).map(([k, v]) => [k, [...v]]));
    return () => {
      this.sheets.splice(0, this.sheets.length, ...sheets);
      for (const { s, fields } of saved) Object.assign(s, fields);
      this.tables.splice(0, this.tables.length, ...tables.map((x) => Object.assign(x.t, x.fields)));
      Object.assign(this, state);
      for (const k of Object.keys(this.handlers) as Array<DoubleEvent["kind"]>) this.handlers[k].splice(0, this.handlers[k].length, ...handlers[k]);
      this.raised = [];
    };
  }

  /** Record an event of a change made in this batch (raised only while the add-in's events are on). */
  raise(kind: DoubleEvent["kind"], sheet: SheetModel, address?: string): void {
    if (!this.enableEvents) return;
    this.raised.push({ kind, worksheetId: sheet.id, address, source: "Local", type: kind === "changed" ? "RangeEdited" : kind === "added" ? "WorksheetAdded" : "WorksheetDeleted" });
  }

  /** Hand the events of the batch to the handlers, after the sync (handlers run asynchronously, as in Excel). */
  private fire(): void {
    const events = this.raised;
    this.raised = [];
    for (const e of events) {
      this.fired.push(e);
      for (const h of [...this.handlers[e.kind]]) this.delivering = this.delivering.then(() => h(e)).catch(() => undefined);
    }
  }

  /** Wait until every handler called so far has finished. */
  async settled(): Promise<void> {
    let last: Promise<unknown> | undefined;
    while (last !== this.delivering) {
      last = this.delivering;
      await last;
    }
  }

  /** A person types `value` in a cell: the cell changes and, while events are on, onChanged is raised. */
  userEdit(sheet: string, address: string, value: string | number): void {
    const s = this.sheet(sheet);
    const r = parseAddress(address);
    if (!r) throw new Error(`not an address: ${address}`);
    const cell = s.cells.get(key(r.r1, r.c1)) ?? emptyCell();
    cell.value = value;
    delete cell.formula;
    s.cells.set(key(r.r1, r.c1), cell);
    this.raised = [];
    this.raise("changed", s, address);
    this.fire();
  }

  /** Formulas written while calculation was suspended and not calculated since, as "Sheet!A1". */
  staleFormulas(): string[] {
    const out: string[] = [];
    for (const s of this.sheets) for (const [k, c] of s.cells) if (c.stale && c.formula !== undefined) {
      const [r, col] = k.split(",").map(Number);
      out.push(`${s.name}!${colLetters(col)}${r}`);
    }
    return out;
  }

  /** A full calculation: nothing is stale any more. */
  calculateAll(): void {
    for (const s of this.sheets) for (const c of s.cells.values()) delete c.stale;
  }

  find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  alive(s: SheetModel): boolean {
    return this.sheets.includes(s);
  }

  checkSheetName(name: unknown, except?: SheetModel): void {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new DoubleError("InvalidArgument", `The sheet name "${String(name)}" is not valid.`);
    }
    if (name.toLowerCase() === "history") throw new DoubleError("InvalidArgument", "\"History\" is a reserved sheet name.");
    const other = this.find(name);
    if (other && other !== except) throw new DoubleError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  checkStructure(what: string): void {
    if (this.structureProtected) throw new DoubleError("AccessDenied", `The workbook structure is protected: cannot ${what}.`);
  }

  visibleCount(): number {
    return this.sheets.filter((s) => s.visibility === "Visible").length;
  }

  /** Every formula in the workbook, to follow a renamed or deleted sheet. */
  rewriteRefs(from: string, to: string | null): void {
    for (const s of this.sheets) {
      for (const c of s.cells.values()) if (c.formula) c.formula = renameSheetRefs(c.formula, from, to);
    }
  }

  setup(s: SheetSetup): SheetModel {
    this.checkSheetName(s.name);
    const sheet = newSheet(this.newId(), s.name);
    this.sheets.push(sheet);
    const o = parseAddress(s.origin ?? "A1") ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
    (s.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        const cell = emptyCell();
        cell.value = v;
        sheet.cells.set(key(o.r1 + r, o.c1 + c), cell);
      }),
    );
    for (const [a, f] of Object.entries(s.formulas ?? {})) {
      const at = parseAddress(a);
      if (!at) throw new Error(`not an address: ${a}`);
      const cell = sheet.cells.get(key(at.r1, at.c1)) ?? emptyCell();
      cell.formula = f;
      sheet.cells.set(key(at.r1, at.c1), cell);
    }
    if (s.table) {
      const width = Math.max(1, ...(s.rows ?? []).map((r) => r.length));
      this.tables.push({ name: s.table, sheetId: sheet.id, rect: { r1: o.r1, c1: o.c1, r2: o.r1 + Math.max(1, (s.rows ?? []).length) - 1, c2: o.c1 + width - 1 } });
    }
    sheet.visibility = s.visibility ?? "Visible";
    sheet.protection.protected = s.protected ?? false;
    return sheet;
  }

  // ------------------------------------------------------------------ inspection and export

  sheet(name: string): SheetModel {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  cell(sheet: string, address: string): CellModel {
    const r = parseAddress(address);
    if (!r) throw new Error(`not an address: ${address}`);
    return this.sheet(sheet).cells.get(key(r.r1, r.c1)) ?? emptyCell();
  }

  /** The values of a rectangle as Office.js `values` would give them ("" for empty). */
  values(sheet: string, address: string): Array<Array<string | number | boolean>> {
    const r = parseAddress(address);
    if (!r) throw new Error(`not an address: ${address}`);
    return readGrid(this.sheet(sheet), r, (c) => shownValue(c));
  }

  /** Sheet order, per cell value / A1 formula / number format / style, visibility, protection. */
  exportWorkbook(): ExportedWorkbook {
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, ExportedCell> = {};
        const keys = [...s.cells.keys()].map((k) => k.split(",").map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        for (const [r, c] of keys) {
          const cell = s.cells.get(key(r, c));
          if (!cell || isBlank(cell)) continue;
          const out: ExportedCell = { value: cell.value, numberFormat: cell.numberFormat };
          if (cell.formula !== undefined) out.formula = cell.formula;
          if (Object.keys(cell.style).length > 0) out.style = { ...cell.style };
          cells[`${colLetters(c)}${r}`] = out;
        }
        return {
          name: s.name,
          visibility: s.visibility,
          protected: s.protection.protected,
          cells,
          merged: s.merged.map(rectAddress),
          columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [colLetters(c), w])),
          freezeRows: s.freezeRows,
        };
      }),
      tables: this.tables.map((t) => ({ name: t.name, sheet: this.sheets.find((s) => s.id === t.sheetId)?.name ?? "", address: rectAddress(t.rect) })),
    };
  }
}

// ==================================================================== cell semantics

function shownValue(c: CellModel | undefined): string | number | boolean {
  if (!c) return "";
  return c.value === null ? "" : c.value;
}

function readGrid<T>(sheet: SheetModel, r: Rect, f: (c: CellModel | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: T[] = [];
    for (let col = r.c1; col <= r.c2; col++) line.push(f(sheet.cells.get(key(row, col))));
    out.push(line);
  }
  return out;
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const DATE_MDY = /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})\s*$/;
const DATE_ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y < 100 ? 2000 + y : y, m - 1, d);
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A formula Excel could parse, as far as the double checks: balanced quotes and parentheses. */
function checkFormula(f: string): void {
  let depth = 0;
  let i = 1;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length && !(f[j] === ch && f[j + 1] !== ch)) j += f[j] === ch ? 2 : 1;
      if (j >= f.length) throw new DoubleError("InvalidArgument", `Unbalanced quote in formula ${f}`);
      i = j + 1;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")" && --depth < 0) throw new DoubleError("InvalidArgument", `Unbalanced parenthesis in formula ${f}`);
    i++;
  }
  if (depth !== 0 || f.length < 2) throw new DoubleError("InvalidArgument", `Not a formula Excel accepts: ${f}`);
}

type Entry = "values" | "formulas" | "formulasR1C1";

/** What Excel stores when `v` is entered in `cell` (at row, col) through values / formulas / formulasR1C1. */
function enter(cell: CellModel, v: unknown, how: Entry, row: number, col: number, d?: ExcelDouble): void {
  const clear = () => {
    cell.value = null;
    delete cell.formula;
    delete cell.quoted;
    delete cell.stale;
  };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new DoubleError("InvalidArgument", `Not a number Excel stores: ${v}`);
    clear();
    cell.value = v;
    return;
  }
  if (typeof v === "boolean") {
    clear();
    cell.value = v;
    return;
  }
  if (typeof v !== "string") throw new DoubleError("InvalidArgument", `Cannot enter a ${typeof v} in a cell.`);
  clear();
  if (v === "") return;
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    cell.quoted = true;
    return;
  }
  if (v.startsWith("=") ) {
    let a1 = how === "formulasR1C1" ? r1c1ToA1(v, row, col) : v;
    checkFormula(a1);
    // a reference to a sheet that does not exist (yet) is not kept: Excel would make it an external link
    // or #REF!; the double makes it #REF!, so a formula written before its sheet was added shows
    for (const name of d ? sheetRefs(a1) : []) if (!d?.find(name)) a1 = renameSheetRefs(a1, name, null);
    cell.formula = a1;
    cell.value = null;
    if (d && d.calculationSuspended > 0) cell.stale = true;
    return;
  }
  if (NUMBER.test(v)) {
    cell.value = Number(v);
    return;
  }
  if (PERCENT.test(v)) {
    cell.value = Number(v.replace("%", "")) / 100;
    if (cell.numberFormat === "General") cell.numberFormat = "0%";
    return;
  }
  if (/^\s*(true|false)\s*$/i.test(v)) {
    cell.value = v.trim().toLowerCase() === "true";
    return;
  }
  const iso = DATE_ISO.exec(v);
  const mdy = DATE_MDY.exec(v);
  const s = iso ? serial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : mdy ? serial(Number(mdy[3]), Number(mdy[1]), Number(mdy[2])) : null;
  if (s !== null) {
    cell.value = s;
    if (cell.numberFormat === "General") cell.numberFormat = "m/d/yyyy";
    return;
  }
  if (/^[+\-@]/.test(v)) throw new DoubleError("InvalidArgument", `Excel reads "${v}" as a formula it cannot parse (write text with a leading apostrophe).`);
  cell.value = v;
}

// ==================================================================== proxies

const NOT_LOADED = (what: string, prop: string) =>
  new DoubleError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`, `${what}.${prop}`);

function props(what: string | string[] | undefined, all: string[]): string[] {
  if (what === undefined) return all;
  const list = Array.isArray(what) ? what : what.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  protected isNull: boolean | undefined;
  constructor(protected readonly d: ExcelDouble, protected readonly what: string) {}
  protected got<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw NOT_LOADED(this.what, prop);
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    if (this.isNull === undefined) throw NOT_LOADED(this.what, "isNullObject");
    return this.isNull;
  }
  protected op(api: number, where: string, args: unknown, run: Op["run"]): void {
    this.d.enqueue({ api, where: `${this.what}.${where}`, bytes: measure(`${this.what}.${where}`, args), run });
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly protection: WorkbookProtectionProxy;
  constructor(d: ExcelDouble) {
    super(d, "Workbook");
    this.worksheets = new WorksheetCollectionProxy(d);
    this.tables = new TableCollectionProxy(d, null);
    this.protection = new WorkbookProtectionProxy(d);
  }
}

class WorkbookProtectionProxy extends Proxy {
  constructor(d: ExcelDouble) {
    super(d, "WorkbookProtection");
  }
  get protected(): boolean {
    return this.got("protected");
  }
  load(_what?: string | string[]): this {
    this.op(7, "load", _what, () => {
      const v = this.d.structureProtected;
      return { payload: { protected: v }, deliver: () => void this.loaded.set("protected", v) };
    });
    return this;
  }
  protect(password?: string): void {
    this.op(7, "protect", password, () => void (this.d.structureProtected = true));
  }
  unprotect(password?: string): void {
    this.op(7, "unprotect", password, () => void (this.d.structureProtected = false));
  }
}

class ApplicationProxy extends Proxy {
  constructor(d: ExcelDouble) {
    super(d, "Application");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.op(6, "suspendApiCalculationUntilNextSync", null, () => void this.d.calculationSuspended++);
  }
  /**
   * Recalculate. The double computes no values (formulas keep the values a test gave them); a full
   * calculation ("Full", "FullRebuild": every cell marked dirty, CalculationType) ends the staleness of
   * formulas written under suspended calculation. Whether "Recalculate" reaches them is not documented, so
   * it does not here.
   */
  calculate(type: string): void {
    this.op(1, "calculate", type, () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(type)) throw new DoubleError("InvalidArgument", `Not a calculation type: ${type}`);
      if (type !== "Recalculate") this.d.calculateAll();
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.op(9, "suspendScreenUpdatingUntilNextSync", null, () => undefined);
  }
}

/** Runtime (ExcelApi 1.5): enableEvents (1.8) switches this add-in's events off and on. */
class RuntimeProxy extends Proxy {
  constructor(d: ExcelDouble) {
    super(d, "Runtime");
  }
  get enableEvents(): boolean {
    return this.got("enableEvents");
  }
  set enableEvents(v: boolean) {
    this.op(8, "enableEvents", v, () => {
      if (typeof v !== "boolean") throw new DoubleError("InvalidArgument", `enableEvents is a boolean, not ${JSON.stringify(v)}.`);
      this.d.enableEvents = v;
    });
  }
  load(what?: string | string[]): this {
    // Runtime is ExcelApi 1.5, its enableEvents 1.8
    this.op(8, "load", what, () => {
      const v = this.d.enableEvents;
      return { payload: { enableEvents: v }, deliver: () => void this.loaded.set("enableEvents", v) };
    });
    return this;
  }
}

class WorksheetCollectionProxy extends Proxy {
  private list: WorksheetProxy[] | undefined;
  readonly onChanged: { add: (h: (e: DoubleEvent) => unknown) => void };
  readonly onAdded: { add: (h: (e: DoubleEvent) => unknown) => void };
  readonly onDeleted: { add: (h: (e: DoubleEvent) => unknown) => void };
  constructor(d: ExcelDouble) {
    super(d, "WorksheetCollection");
    // WorksheetCollection.onChanged: ExcelApi 1.9; onAdded, onDeleted: 1.7. A handler is registered at the sync.
    const on = (kind: DoubleEvent["kind"], api: number) => ({
      add: (h: (e: DoubleEvent) => unknown) => this.op(api, `on${kind}.add`, null, () => void d.handlers[kind].push(h)),
    });
    this.onChanged = on("changed", 9);
    this.onAdded = on("added", 7);
    this.onDeleted = on("deleted", 7);
  }
  get items(): WorksheetProxy[] {
    if (!this.list) throw NOT_LOADED(this.what, "items");
    return this.list;
  }
  load(what?: string | string[]): this {
    const wanted = props(what, ["items/name", "items/id", "items/visibility"]).map((p) => p.replace(/^items\//, ""));
    this.op(1, "load", what, () => {
      const snapshot = this.d.sheets.map((s) => ({ model: s, values: Object.fromEntries(wanted.map((p) => [p, sheetProp(s, p)])) }));
      return {
        payload: snapshot.map((s) => s.values),
        deliver: () => {
          this.list = snapshot.map((s) => WorksheetProxy.resolved(this.d, s.model, s.values));
        },
      };
    });
    return this;
  }
  add(name?: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.d, false);
    this.op(1, "add", name, () => {
      this.d.checkStructure("add a sheet");
      let n = name;
      if (n === undefined) for (let i = 1; this.d.find(n ?? "Blad1") || n === undefined; i++) n = `Blad${i}`;
      this.d.checkSheetName(n);
      const s = newSheet(this.d.newId(), n as string);
      this.d.sheets.push(s);
      ws.bind(s);
      this.d.raise("added", s);
    });
    return ws;
  }
  getItem(key: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.d, false);
    this.op(1, "getItem", key, () => {
      const s = this.d.find(key) ?? this.d.sheets.find((x) => x.id === key);
      if (!s) throw new DoubleError("ItemNotFound", `The requested resource doesn't exist: worksheet "${key}".`, "WorksheetCollection.getItem");
      ws.bind(s);
    });
    return ws;
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.d, true);
    this.op(4, "getItemOrNullObject", key, () => {
      const s = this.d.find(key) ?? this.d.sheets.find((x) => x.id === key);
      ws.bind(s ?? null);
    });
    return ws;
  }
  getActiveWorksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.d, false);
    this.op(1, "getActiveWorksheet", null, () => {
      const s = this.d.sheets.find((x) => x.id === this.d.activeSheetId);
      if (!s) throw new DoubleError("ItemNotFound", "No active worksheet.");
      ws.bind(s);
    });
    return ws;
  }
}

function sheetProp(s: SheetModel, p: string): unknown {
  switch (p) {
    case "name":
      return s.name;
    case "id":
      return s.id;
    case "visibility":
      return s.visibility;
    case "showGridlines":
      return s.showGridlines;
    default:
      throw new DoubleError("InvalidArgument", `The double does not load Worksheet.${p}.`);
  }
}

class WorksheetProxy extends Proxy {
  private model: SheetModel | null | undefined;
  readonly protection: WorksheetProtectionProxy;
  readonly freezePanes: { freezeRows: (n?: number) => void; unfreeze: () => void };
  readonly tables: TableCollectionProxy;
  readonly charts: { add: (type: string, source: RangeProxy, seriesBy?: string) => ChartProxy; load: (what?: string) => unknown; readonly items: ChartProxy[] };
  readonly pageLayout: { orientation: string; zoom: unknown; setPrintArea: (a: string) => void; setPrintTitleRows: (r: string) => void; headersFooters: { defaultForAllPages: object } };
  constructor(d: ExcelDouble, private readonly nullable: boolean) {
    super(d, "Worksheet");
    this.protection = new WorksheetProtectionProxy(d, this);
    this.tables = new TableCollectionProxy(d, this);
    this.freezePanes = {
      freezeRows: (n = 1) => this.op(7, "freezePanes.freezeRows", n, () => void (this.sheet().freezeRows = n)),
      unfreeze: () => this.op(7, "freezePanes.unfreeze", null, () => void (this.sheet().freezeRows = undefined)),
    };
    let loadedCharts: ChartProxy[] | undefined;
    this.charts = {
      get items(): ChartProxy[] {
        if (!loadedCharts) throw NOT_LOADED("ChartCollection", "items");
        return loadedCharts;
      },
      load: (what?: string) => {
        this.op(1, "charts.load", what, () => {
          const list = this.sheet().charts.map((m) => ({ m, p: new ChartProxy(d, this) }));
          return { payload: list.map((x) => ({ name: x.m.title ?? "" })), deliver: () => void (loadedCharts = list.map((x) => Object.assign(x.p, { model: x.m }))) };
        });
        return this.charts;
      },
      add: (type, source, seriesBy) => {
        const chart = new ChartProxy(d, this);
        this.op(1, "charts.add", { type, seriesBy }, () => {
          const s = this.sheet();
          const src = source.target();
          const model: ChartModel = { type, source: rectAddress(src.rect), series: [{ values: rectAddress(src.rect) }] };
          s.charts.push(model);
          chart.model = model;
        });
        return chart;
      },
    };
    const page = { orientation: "", zoom: undefined as unknown };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors of plain objects queue on this proxy
    const self = this;
    const footer = (which: string) => ({
      set: (v: string) => self.op(9, `pageLayout.headersFooters.${which}`, v, () => void (self.sheet().pageLayout[which] = v)),
      get: () => { throw NOT_LOADED("HeaderFooter", which); },
    });
    const defaultForAllPages = {};
    Object.defineProperty(defaultForAllPages, "leftFooter", footer("leftFooter"));
    Object.defineProperty(defaultForAllPages, "rightFooter", footer("rightFooter"));
    this.pageLayout = {
      setPrintArea: (area: string) => self.op(9, "pageLayout.setPrintArea", area, () => {
        if (!parseAddress(area)) throw new DoubleError("InvalidArgument", `Not a print area: ${area}`);
        self.sheet().pageLayout.printArea = area;
      }),
      setPrintTitleRows: (rows: string) => self.op(9, "pageLayout.setPrintTitleRows", rows, () => {
        if (!parseAddress(rows)) throw new DoubleError("InvalidArgument", `Not print title rows: ${rows}`);
        self.sheet().pageLayout.titleRows = rows;
      }),
      headersFooters: { defaultForAllPages },
      get orientation() {
        return page.orientation;
      },
      set orientation(v: string) {
        self.op(9, "pageLayout.orientation", v, () => void (self.sheet().pageLayout.orientation = v));
      },
      get zoom() {
        return page.zoom;
      },
      set zoom(v: unknown) {
        self.op(9, "pageLayout.zoom", v, () => void (self.sheet().pageLayout.zoom = v));
      },
    };
  }

  static resolved(d: ExcelDouble, s: SheetModel, loaded: Record<string, unknown>): WorksheetProxy {
    const ws = new WorksheetProxy(d, false);
    ws.bind(s);
    for (const [k, v] of Object.entries(loaded)) ws.loaded.set(k, v);
    return ws;
  }

  bind(s: SheetModel | null): void {
    this.model = s;
    this.isNull = s === null;
  }

  /** The sheet this proxy stands for, at the point of the batch where an operation runs. */
  sheet(): SheetModel {
    if (this.model === null) throw new DoubleError("ItemNotFound", "An operation on a null object (the worksheet does not exist).", "Worksheet");
    if (this.model === undefined || !this.d.alive(this.model)) throw new DoubleError("ItemNotFound", "The worksheet does not exist (any more).", "Worksheet");
    return this.model;
  }

  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.op(1, "name", v, () => {
      const s = this.sheet();
      this.d.checkStructure("rename a sheet");
      this.d.checkSheetName(v, s);
      const old = s.name;
      s.name = v;
      if (old !== v) this.d.rewriteRefs(old, v);
    });
  }
  get id(): string {
    return this.got("id");
  }
  get visibility(): string {
    return this.got("visibility");
  }
  /** Worksheet.visibility: ExcelApi 1.1 to read, 1.2 to set. */
  set visibility(v: string) {
    this.op(2, "visibility", v, () => {
      const s = this.sheet();
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new DoubleError("InvalidArgument", `Not a sheet visibility: ${v}`);
      this.d.checkStructure("hide or show a sheet");
      if (v !== "Visible" && s.visibility === "Visible" && this.d.visibleCount() === 1) throw new DoubleError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.visibility = v as SheetModel["visibility"];
    });
  }
  /** The zero-based position in the workbook; setting it moves the sheet. */
  set position(v: number) {
    this.op(1, "position", v, () => {
      const s = this.sheet();
      this.d.checkStructure("move a sheet");
      if (!Number.isInteger(v) || v < 0 || v >= this.d.sheets.length) throw new DoubleError("InvalidArgument", `Not a sheet position: ${v}`);
      this.d.sheets.splice(this.d.sheets.indexOf(s), 1);
      this.d.sheets.splice(v, 0, s);
    });
  }
  set tabColor(v: string) {
    this.op(7, "tabColor", v, () => void (this.sheet().tabColor = v));
  }
  set showGridlines(v: boolean) {
    this.op(8, "showGridlines", v, () => void (this.sheet().showGridlines = v));
  }
  load(what?: string | string[]): this {
    const wanted = props(what, ["name", "id", "visibility"]);
    this.op(1, "load", what, () => {
      if (this.model === null) return { payload: { isNullObject: true }, deliver: () => undefined };
      const s = this.sheet();
      const values = Object.fromEntries(wanted.map((p) => [p, sheetProp(s, p)]));
      return { payload: values, deliver: () => Object.entries(values).forEach(([k, v]) => this.loaded.set(k, v)) };
    });
    return this;
  }
  delete(): void {
    this.op(1, "delete", null, () => {
      const s = this.sheet();
      this.d.checkStructure("delete a sheet");
      // Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail
      // with an InvalidOperation exception"
      if (s.visibility === "VeryHidden") throw new DoubleError("InvalidOperation", `The sheet "${s.name}" is very hidden: make it hidden or visible before deleting it.`);
      if (s.visibility === "Visible" && this.d.visibleCount() === 1) throw new DoubleError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      const i = this.d.sheets.indexOf(s);
      this.d.sheets.splice(i, 1);
      for (let t = this.d.tables.length - 1; t >= 0; t--) if (this.d.tables[t].sheetId === s.id) this.d.tables.splice(t, 1);
      this.d.rewriteRefs(s.name, null);
      this.d.freeId(s.id);
      this.d.raise("deleted", s);
      if (this.d.activeSheetId === s.id) this.d.activeSheetId = this.d.sheets.find((x) => x.visibility === "Visible")?.id ?? null;
    });
  }
  activate(): void {
    this.op(1, "activate", null, () => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new DoubleError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.d.activeSheetId = s.id;
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.d, this, false, "getRange", address ?? null, (s) => {
      if (address === undefined) return { r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 };
      const r = parseAddress(address);
      if (!r) throw new DoubleError("InvalidArgument", `Not a range address: ${address}`, "Worksheet.getRange");
      void s;
      return r;
    });
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.d, this, address);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.d, this, false, "getUsedRange", valuesOnly, (s) => usedRect(s, valuesOnly) ?? { r1: 1, c1: 1, r2: 1, c2: 1 }, 1);
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.d, this, true, "getUsedRangeOrNullObject", valuesOnly, (s) => usedRect(s, valuesOnly), 4);
  }
}

class WorksheetProtectionProxy extends Proxy {
  constructor(d: ExcelDouble, private readonly ws: WorksheetProxy) {
    super(d, "WorksheetProtection");
  }
  get protected(): boolean {
    return this.got("protected");
  }
  load(what?: string | string[]): this {
    this.op(2, "load", what, () => {
      const v = this.ws.sheet().protection.protected;
      return { payload: { protected: v }, deliver: () => void this.loaded.set("protected", v) };
    });
    return this;
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.op(2, "protect", { options, password }, () => {
      const s = this.ws.sheet();
      if (s.protection.protected) throw new DoubleError("InvalidOperation", "The sheet is already protected.");
      s.protection = { protected: true, options };
    });
  }
  unprotect(password?: string): void {
    this.op(2, "unprotect", password, () => void (this.ws.sheet().protection = { protected: false }));
  }
}

interface Target {
  sheet: SheetModel;
  rect: Rect;
}

/** Refuse a change to the cells of a protected sheet; column widths pass when formatting columns is allowed. */
function guard(sheet: SheetModel, what: "cells" | "columns"): void {
  if (!sheet.protection.protected) return;
  if (what === "columns" && sheet.protection.options?.allowFormatColumns) return;
  throw new DoubleError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
}

function cellAt(sheet: SheetModel, r: number, c: number): CellModel {
  const k = key(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(k, cell);
  }
  return cell;
}

function tidy(sheet: SheetModel, r: number, c: number): void {
  const cell = sheet.cells.get(key(r, c));
  if (cell && isBlank(cell)) sheet.cells.delete(key(r, c));
}

/** Apply a values / formulas / numberFormat assignment with Office.js's documented forms. */
function assign(t: Target, v: unknown, apply: (cell: CellModel, x: unknown, row: number, col: number) => void): void {
  guard(t.sheet, "cells");
  const nr = rows(t.rect);
  const nc = cols(t.rect);
  if (!Array.isArray(v)) {
    // Range reference (values, formulas, formulasR1C1, numberFormat: `any[][]`): a single value for a range
    // is not a documented form any more (the sentence allowing it was removed from the page in 2020)
    throw new DoubleError("InvalidArgument", `Office.js takes a 2-D array of the range's shape (${nr}×${nc}), not a single value.`);
  }
  if (v.length !== nr || v.some((row) => !Array.isArray(row) || row.length !== nc)) {
    const got = `${v.length}×${Array.isArray(v[0]) ? v[0].length : "?"}`;
    throw new DoubleError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${nr}×${nc} range, ${got} array).`);
  }
  v.forEach((row: unknown[], i) =>
    row.forEach((x, j) => {
      if (x === null || x === undefined) return; // documented: null leaves the cell as it is
      const r = t.rect.r1 + i;
      const c = t.rect.c1 + j;
      apply(cellAt(t.sheet, r, c), x, r, c);
      tidy(t.sheet, r, c);
    }),
  );
}

const RANGE_PROPS = ["values", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"];

class RangeProxy extends Proxy {
  private resolvedTarget: Target | null | undefined;
  readonly format: RangeFormatProxy;
  readonly dataValidation: { rule: unknown };
  readonly conditionalFormats: { add: (type: string) => ConditionalFormatProxy; clearAll: () => void };
  constructor(
    d: ExcelDouble,
    private readonly ws: WorksheetProxy | null,
    nullable: boolean,
    how: string,
    arg: unknown,
    locate: (s: SheetModel) => Rect | null,
    api = 1,
    fixedSheet?: () => SheetModel,
  ) {
    super(d, "Range");
    void nullable;
    this.op(api, how, arg, () => {
      const sheet = fixedSheet ? fixedSheet() : (this.ws as WorksheetProxy).sheet();
      const rect = locate(sheet);
      this.resolvedTarget = rect ? { sheet, rect } : null;
      this.isNull = rect === null;
    });
    this.format = new RangeFormatProxy(d, () => [this.target()]);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors of plain objects queue on this proxy
    const self = this;
    this.dataValidation = {
      get rule() {
        throw NOT_LOADED("DataValidation", "rule");
      },
      set rule(v: unknown) {
        self.op(8, "dataValidation.rule", v, () => {
          const t = self.target();
          guard(t.sheet, "cells");
          t.sheet.dataValidation.push({ address: rectAddress(t.rect), rule: v });
        });
      },
    };
    this.conditionalFormats = {
      clearAll: () => this.op(6, "conditionalFormats.clearAll", null, () => {
        const t = this.target();
        guard(t.sheet, "cells");
        t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => {
          const r = parseAddress(cf.address) as Rect;
          return !(r.r1 >= t.rect.r1 && r.r2 <= t.rect.r2 && r.c1 >= t.rect.c1 && r.c2 <= t.rect.c2);
        });
      }),
      add: (type: string) => {
        const cf = new ConditionalFormatProxy(d, type);
        this.op(6, "conditionalFormats.add", type, () => {
          const t = this.target();
          cf.model = { address: rectAddress(t.rect), type };
          t.sheet.conditionalFormats.push(cf.model);
        });
        return cf;
      },
    };
  }

  target(): Target {
    if (this.resolvedTarget === null) throw new DoubleError("ItemNotFound", "An operation on a null object (no used range).", "Range");
    if (!this.resolvedTarget) throw new DoubleError("GeneralException", "The range was not resolved.");
    if (!this.d.alive(this.resolvedTarget.sheet)) throw new DoubleError("ItemNotFound", "The worksheet of this range does not exist any more.");
    return this.resolvedTarget;
  }

  get values(): unknown[][] {
    return this.got("values");
  }
  set values(v: unknown) {
    this.op(1, "values", v, () => this.edit(v, "values"));
  }
  get formulas(): unknown[][] {
    return this.got("formulas");
  }
  set formulas(v: unknown) {
    this.op(1, "formulas", v, () => this.edit(v, "formulas"));
  }
  set formulasR1C1(v: unknown) {
    this.op(2, "formulasR1C1", v, () => this.edit(v, "formulasR1C1"));
  }
  private edit(v: unknown, how: Entry): void {
    const t = this.target();
    assign(t, v, (cell, x, r, c) => enter(cell, x, how, r, c, this.d));
    this.d.raise("changed", t.sheet, rectAddress(t.rect));
  }
  get numberFormat(): unknown[][] {
    return this.got("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.op(1, "numberFormat", v, () =>
      assign(this.target(), v, (cell, x) => {
        if (typeof x !== "string") throw new DoubleError("InvalidArgument", `A number format is text, not ${JSON.stringify(x)}.`);
        cell.numberFormat = x === "" ? "General" : x;
      }),
    );
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get address(): string {
    return this.got("address");
  }

  load(what?: string | string[]): this {
    const wanted = props(what, RANGE_PROPS);
    this.op(1, "load", what, () => {
      if (this.resolvedTarget === null) return { payload: { isNullObject: true }, deliver: () => undefined };
      const t = this.target();
      const n = rows(t.rect) * cols(t.rect);
      // "Resource limits and performance optimization": a read is limited to 5,000,000 cells; past it Excel
      // returns null or throws — the double throws, the stricter of the two
      if (wanted.some((p) => ["values", "formulas", "numberFormat"].includes(p))) {
        this.d.noteRead(n);
        if (n > 5_000_000) throw new DoubleError("RangeExceedsLimit", `The cell count in the range (${n}) has exceeded the maximum supported number.`);
      }
      const out: Record<string, unknown> = {};
      for (const p of wanted) {
        switch (p) {
          case "values":
            out.values = readGrid(t.sheet, t.rect, shownValue);
            break;
          case "formulas":
            out.formulas = readGrid(t.sheet, t.rect, (c) => (c?.formula ?? shownValue(c)));
            break;
          case "numberFormat":
            out.numberFormat = readGrid(t.sheet, t.rect, (c) => c?.numberFormat ?? "General");
            break;
          case "rowIndex":
            out.rowIndex = t.rect.r1 - 1;
            break;
          case "columnIndex":
            out.columnIndex = t.rect.c1 - 1;
            break;
          case "rowCount":
            out.rowCount = rows(t.rect);
            break;
          case "columnCount":
            out.columnCount = cols(t.rect);
            break;
          case "address":
            out.address = `${t.sheet.name}!${rectAddress(t.rect)}`;
            break;
          default:
            throw new DoubleError("InvalidArgument", `The double does not load Range.${p}.`);
        }
      }
      return { payload: out, deliver: () => Object.entries(out).forEach(([k, v]) => this.loaded.set(k, v)) };
    });
    return this;
  }

  clear(applyTo?: string): void {
    this.op(1, "clear", applyTo, () => {
      const t = this.target();
      guard(t.sheet, "cells");
      for (const k of [...t.sheet.cells.keys()]) {
        const [r, c] = k.split(",").map(Number);
        if (r < t.rect.r1 || r > t.rect.r2 || c < t.rect.c1 || c > t.rect.c2) continue;
        const cell = t.sheet.cells.get(k) as CellModel;
        if (applyTo === undefined || applyTo === "All" || applyTo === "Contents") {
          cell.value = null;
          delete cell.formula;
          delete cell.quoted;
          delete cell.stale;
        }
        if (applyTo === undefined || applyTo === "All" || applyTo === "Formats") {
          cell.numberFormat = "General";
          cell.style = {};
        }
        tidy(t.sheet, r, c);
      }
      if (applyTo !== "Formats") this.d.raise("changed", t.sheet, rectAddress(t.rect));
    });
  }

  /** Split the merged areas that lie within this range (ExcelApi 1.2). */
  unmerge(): void {
    this.op(2, "unmerge", null, () => {
      const t = this.target();
      guard(t.sheet, "cells");
      t.sheet.merged = t.sheet.merged.filter((m) => !(m.r1 >= t.rect.r1 && m.r2 <= t.rect.r2 && m.c1 >= t.rect.c1 && m.c2 <= t.rect.c2));
    });
  }

  merge(across = false): void {
    this.op(2, "merge", across, () => {
      const t = this.target();
      guard(t.sheet, "cells");
      if (t.sheet.merged.some((m) => m.r1 <= t.rect.r2 && t.rect.r1 <= m.r2 && m.c1 <= t.rect.c2 && t.rect.c1 <= m.c2)) {
        throw new DoubleError("MergedRangeConflict", "The range overlaps a merged range.");
      }
      t.sheet.merged.push({ ...t.rect });
    });
  }

  select(): void {
    this.op(1, "select", null, () => {
      const t = this.target();
      if (t.sheet.id !== this.d.activeSheetId) throw new DoubleError("InvalidSelection", "Select a range on the active sheet.");
    });
  }

  /** The used cells within this range (ExcelApi 1.4); a null object when there are none. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.d, this.ws, true, "getUsedRangeOrNullObject", valuesOnly, () => {
      const t = this.target();
      let r: Rect | null = null;
      for (const [k, c] of t.sheet.cells) {
        if (valuesOnly ? c.value === null && c.formula === undefined : isBlank(c)) continue;
        const [row, col] = k.split(",").map(Number);
        if (row < t.rect.r1 || row > t.rect.r2 || col < t.rect.c1 || col > t.rect.c2) continue;
        r = r ? { r1: Math.min(r.r1, row), c1: Math.min(r.c1, col), r2: Math.max(r.r2, row), c2: Math.max(r.c2, col) } : { r1: row, c1: col, r2: row, c2: col };
      }
      return r;
    }, 4, () => this.target().sheet);
  }

  /** The overlap with another range or an address on the same sheet (ExcelApi 1.4); a null object when none. */
  getIntersectionOrNullObject(other: string | RangeProxy): RangeProxy {
    return new RangeProxy(this.d, this.ws, true, "getIntersectionOrNullObject", typeof other === "string" ? other : null, () => {
      const t = this.target();
      const o = typeof other === "string" ? parseAddress(other) : other.target().rect;
      if (!o) throw new DoubleError("InvalidArgument", `Not a range address: ${String(other)}`);
      const r = { r1: Math.max(t.rect.r1, o.r1), c1: Math.max(t.rect.c1, o.c1), r2: Math.min(t.rect.r2, o.r2), c2: Math.min(t.rect.c2, o.c2) };
      return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
    }, 4, () => this.target().sheet);
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.d, this.ws, false, "getCell", [row, column], () => {
      const t = this.target();
      return { r1: t.rect.r1 + row, c1: t.rect.c1 + column, r2: t.rect.r1 + row, c2: t.rect.c1 + column };
    }, 1, () => this.target().sheet);
  }
}

class RangeAreasProxy extends Proxy {
  readonly format: RangeFormatProxy;
  private targets: Target[] = [];
  constructor(d: ExcelDouble, ws: WorksheetProxy, address: string) {
    super(d, "RangeAreas");
    this.op(9, "getRanges", address, () => {
      const sheet = ws.sheet();
      this.targets = address.split(",").map((a) => {
        const rect = parseAddress(a);
        if (!rect) throw new DoubleError("InvalidArgument", `Not a range address: ${a}`, "Worksheet.getRanges");
        return { sheet, rect };
      });
    });
    this.format = new RangeFormatProxy(d, () => this.targets, 9);
  }
}

/** Range / RangeAreas format: each setter becomes one queued operation over the cells of its targets. */
class RangeFormatProxy extends Proxy {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem: (edge: string) => Record<string, unknown> };
  constructor(d: ExcelDouble, targets: () => Target[], private readonly api = 1) {
    super(d, "RangeFormat");
    const style = (where: string, apply: (s: CellStyle, v: unknown) => void) => (v: unknown) =>
      this.op(api, where, v, () => {
        for (const t of targets()) {
          guard(t.sheet, "cells");
          if (rows(t.rect) * cols(t.rect) > 1_000_000) throw new DoubleError("InvalidArgument", "The double does not style whole columns or rows.");
          for (let r = t.rect.r1; r <= t.rect.r2; r++) for (let c = t.rect.c1; c <= t.rect.c2; c++) apply(cellAt(t.sheet, r, c).style, v);
        }
      });
    const bag = (name: string, setters: Record<string, (s: CellStyle, v: unknown) => void>) => {
      const o: Record<string, unknown> = {};
      for (const [prop, apply] of Object.entries(setters)) {
        const set = style(`${name}.${prop}`, apply);
        Object.defineProperty(o, prop, { get: () => { throw NOT_LOADED(name, prop); }, set, enumerable: true });
      }
      return o;
    };
    this.font = bag("font", {
      bold: (s, v) => void (s.bold = Boolean(v)),
      italic: (s, v) => void (s.italic = Boolean(v)),
      size: (s, v) => void (s.size = Number(v)),
      color: (s, v) => void (s.color = String(v).toUpperCase()),
      name: (s, v) => void (s.fontName = String(v)),
    });
    this.fill = bag("fill", { color: (s, v) => void (s.fill = String(v).toUpperCase()) });
    const edges: Record<string, "borderTop" | "borderBottom"> = { EdgeTop: "borderTop", EdgeBottom: "borderBottom" };
    const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
    this.borders = {
      getItem: (edge: string) => {
        const field = edges[edge];
        if (!field) throw new DoubleError("InvalidArgument", `The double models only EdgeTop and EdgeBottom, not ${edge}.`);
        const set = (suffix: string, check?: (v: string) => void) => (st: CellStyle, v: unknown) => {
          check?.(String(v));
          (st as Record<string, unknown>)[field + suffix] = suffix === "Color" ? String(v).toUpperCase() : String(v);
        };
        return bag(`borders.${edge}`, {
          style: set(""),
          weight: set("Weight", (v) => { if (!WEIGHTS.includes(v)) throw new DoubleError("InvalidArgument", `Not a border weight: ${v}`); }),
          color: set("Color"),
        });
      },
    };
    this.targets = targets;
  }
  private readonly targets: () => Target[];
  set wrapText(v: boolean) {
    this.setStyle("wrapText", (s) => void (s.wrap = v), v);
  }
  set verticalAlignment(v: string) {
    this.setStyle("verticalAlignment", (s) => void (s.verticalAlignment = v), v);
  }
  set horizontalAlignment(v: string) {
    if (!["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v)) throw new DoubleError("InvalidArgument", `Not a horizontal alignment: ${v}`);
    this.setStyle("horizontalAlignment", (s) => void (s.horizontalAlignment = v), v);
  }
  get protection(): { locked: boolean } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the accessor queues on this format
    const self = this;
    return {
      get locked(): boolean { throw NOT_LOADED("FormatProtection", "locked"); },
      set locked(v: boolean) { self.setStyle("protection.locked", (s) => void (s.locked = v), v, 2); },
    };
  }
  set rowHeight(v: number) {
    this.op(Math.max(this.api, 2), "rowHeight", v, () => {
      for (const t of this.targets()) {
        if (t.sheet.protection.protected && !t.sheet.protection.options?.allowFormatRows) guard(t.sheet, "cells");
        for (let r = t.rect.r1; r <= t.rect.r2; r++) t.sheet.rowHeights.set(r, v);
      }
    });
  }
  /** Rows back to the standard height (ExcelApi 1.7). */
  set useStandardHeight(v: boolean) {
    this.op(Math.max(this.api, 7), "useStandardHeight", v, () => {
      if (v !== true) throw new DoubleError("InvalidArgument", "useStandardHeight can only be set to true.");
      for (const t of this.targets()) {
        guard(t.sheet, "cells");
        for (const r of [...t.sheet.rowHeights.keys()]) if (r >= t.rect.r1 && r <= t.rect.r2) t.sheet.rowHeights.delete(r);
      }
    });
  }
  /** Columns back to the standard width (ExcelApi 1.7). */
  set useStandardWidth(v: boolean) {
    this.op(Math.max(this.api, 7), "useStandardWidth", v, () => {
      if (v !== true) throw new DoubleError("InvalidArgument", "useStandardWidth can only be set to true.");
      for (const t of this.targets()) {
        guard(t.sheet, "columns");
        for (const c of [...t.sheet.columnWidths.keys()]) if (c >= t.rect.c1 && c <= t.rect.c2) t.sheet.columnWidths.delete(c);
      }
    });
  }
  set columnWidth(v: number) {
    this.op(Math.max(this.api, 2), "columnWidth", v, () => {
      for (const t of this.targets()) {
        guard(t.sheet, "columns");
        for (let c = t.rect.c1; c <= t.rect.c2; c++) t.sheet.columnWidths.set(c, v);
      }
    });
  }
  private setStyle(where: string, apply: (s: CellStyle) => void, v: unknown, api = 1): void {
    this.op(Math.max(this.api, api), where, v, () => {
      for (const t of this.targets()) {
        guard(t.sheet, "cells");
        if (rows(t.rect) * cols(t.rect) > 1_000_000) throw new DoubleError("InvalidArgument", "The double does not style whole columns or rows.");
        for (let r = t.rect.r1; r <= t.rect.r2; r++) for (let c = t.rect.c1; c <= t.rect.c2; c++) apply(cellAt(t.sheet, r, c).style);
      }
    });
  }
}

class ConditionalFormatProxy extends Proxy {
  model: SheetModel["conditionalFormats"][number] | undefined;
  readonly custom: { rule: Record<string, unknown>; format: { fill: Record<string, unknown>; font: Record<string, unknown> } };
  constructor(d: ExcelDouble, type: string) {
    super(d, "ConditionalFormat");
    const set = (where: string, f: (m: NonNullable<ConditionalFormatProxy["model"]>, v: string) => void) => ({
      set: (v: string) => this.op(6, where, v, () => {
        if (type !== "Custom") throw new DoubleError("InvalidArgument", `custom on a ${type} conditional format`);
        f(this.model as NonNullable<ConditionalFormatProxy["model"]>, v);
      }),
      get: () => { throw NOT_LOADED("ConditionalFormat", where); },
    });
    const rule = {};
    Object.defineProperty(rule, "formula", set("custom.rule.formula", (m, v) => { checkFormula(v); m.formula = v; }));
    const fill = {};
    Object.defineProperty(fill, "color", set("custom.format.fill.color", (m, v) => void (m.fill = v)));
    const font = {};
    Object.defineProperty(font, "color", set("custom.format.font.color", (m, v) => void (m.font = v)));
    this.custom = { rule, format: { fill, font } };
  }
}

class ChartProxy extends Proxy {
  model: ChartModel | undefined;
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => SeriesProxy; add: (name?: string) => SeriesProxy };
  constructor(d: ExcelDouble, private readonly ws: WorksheetProxy) {
    super(d, "Chart");
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessors of plain objects queue on this proxy
    const self = this;
    this.title = {
      get text(): string { throw NOT_LOADED("ChartTitle", "text"); },
      set text(v: string) { self.op(1, "title.text", v, () => void (self.chart().title = v)); },
    };
    this.series = {
      getItemAt: (i: number) => {
        const s = new SeriesProxy(d);
        this.op(1, "series.getItemAt", i, () => {
          const m = this.chart().series[i];
          if (!m) throw new DoubleError("ItemNotFound", `No series ${i}.`);
          s.model = m;
        });
        return s;
      },
      add: (name?: string) => {
        const s = new SeriesProxy(d);
        this.op(7, "series.add", name, () => {
          const m = { name };
          this.chart().series.push(m);
          s.model = m;
        });
        return s;
      },
    };
  }
  chart(): ChartModel {
    if (!this.model) throw new DoubleError("ItemNotFound", "The chart does not exist.");
    return this.model;
  }
  delete(): void {
    this.op(1, "delete", null, () => {
      const m = this.chart();
      const s = this.ws.sheet();
      guard(s, "cells");
      s.charts = s.charts.filter((c) => c !== m);
      this.model = undefined;
    });
  }
  setPosition(start: string, end?: string): void {
    this.op(1, "setPosition", [start, end], () => void (this.chart().position = end ? `${start}:${end}` : start));
  }
  set width(v: number) {
    this.op(1, "width", v, () => void (this.chart().width = v));
  }
  set height(v: number) {
    this.op(1, "height", v, () => void (this.chart().height = v));
  }
}

class SeriesProxy extends Proxy {
  model: ChartModel["series"][number] | undefined;
  constructor(d: ExcelDouble) {
    super(d, "ChartSeries");
  }
  private s(): ChartModel["series"][number] {
    if (!this.model) throw new DoubleError("ItemNotFound", "The series does not exist.");
    return this.model;
  }
  set name(v: string) {
    this.op(1, "name", v, () => void (this.s().name = v));
  }
  setValues(range: RangeProxy): void {
    this.op(7, "setValues", null, () => void (this.s().values = rectAddress(range.target().rect)));
  }
  setXAxisValues(range: RangeProxy): void {
    this.op(7, "setXAxisValues", null, () => void (this.s().categories = rectAddress(range.target().rect)));
  }
}

class TableCollectionProxy extends Proxy {
  private list: TableProxy[] | undefined;
  constructor(d: ExcelDouble, private readonly ws: WorksheetProxy | null) {
    super(d, "TableCollection");
  }
  get items(): TableProxy[] {
    if (!this.list) throw NOT_LOADED(this.what, "items");
    return this.list;
  }
  load(what?: string | string[]): this {
    const wanted = props(what, ["items/name"]).map((p) => p.replace(/^items\//, ""));
    this.op(1, "load", what, () => {
      const sheetId = this.ws ? this.ws.sheet().id : null;
      const list = this.d.tables.filter((t) => sheetId === null || t.sheetId === sheetId).map((t) => {
        const sheet = this.d.sheets.find((s) => s.id === t.sheetId) as SheetModel;
        const values: Record<string, unknown> = {};
        for (const p of wanted) {
          if (p === "name") values.name = t.name;
          else if (p === "worksheet/name") values.worksheet = { name: sheet.name };
          else throw new DoubleError("InvalidArgument", `The double does not load Table.${p}.`);
        }
        return { t, values };
      });
      return { payload: list.map((x) => x.values), deliver: () => void (this.list = list.map((x) => TableProxy.resolved(this.d, x.t, x.values))) };
    });
    return this;
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    const table = new TableProxy(this.d);
    this.op(1, "add", { address, hasHeaders }, () => {
      if (!this.ws) throw new DoubleError("InvalidArgument", "The double adds tables through a worksheet's collection only.");
      const sheet = this.ws.sheet();
      guard(sheet, "cells");
      const rect = parseAddress(address);
      if (!rect) throw new DoubleError("InvalidArgument", `Not a range address: ${address}`);
      for (const t of this.d.tables) {
        if (t.sheetId === sheet.id && t.rect.r1 <= rect.r2 && rect.r1 <= t.rect.r2 && t.rect.c1 <= rect.c2 && rect.c1 <= t.rect.c2) {
          throw new DoubleError("InvalidArgument", "A table cannot overlap another table.");
        }
      }
      let n = 1;
      while (this.d.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const model: TableModel = { name: `Table${n}`, sheetId: sheet.id, rect };
      this.d.tables.push(model);
      table.model = model;
    });
    return table;
  }
}

class TableProxy extends Proxy {
  model: TableModel | undefined;
  constructor(d: ExcelDouble) {
    super(d, "Table");
  }
  static resolved(d: ExcelDouble, t: TableModel, loaded: Record<string, unknown>): TableProxy {
    const p = new TableProxy(d);
    p.model = t;
    for (const [k, v] of Object.entries(loaded)) p.loaded.set(k, v);
    return p;
  }
  private t(): TableModel {
    if (!this.model || !this.d.tables.includes(this.model)) throw new DoubleError("ItemNotFound", "The table does not exist.");
    return this.model;
  }
  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.op(1, "name", v, () => {
      const t = this.t();
      // Excel's rules for names: a letter, _ or \ first; no spaces; not a cell reference; unique
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(v) || v.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(v) || /^[RrCc]$/.test(v)) {
        throw new DoubleError("InvalidArgument", `The table name "${v}" is not valid.`);
      }
      if (this.d.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) throw new DoubleError("ItemAlreadyExists", `A table named ${v} already exists.`);
      t.name = v;
    });
  }
  set style(v: string) {
    this.op(1, "style", v, () => void (this.t().style = v));
  }
  get worksheet(): { name: string } {
    return this.got("worksheet");
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.d, null, false, "getRange", null, () => this.t().rect, 1, () => this.d.sheets.find((s) => s.id === this.t().sheetId) as SheetModel);
  }
}
