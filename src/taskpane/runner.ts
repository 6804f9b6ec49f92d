/**
 * Where the pane's work runs: the jobs the tabs start (check, build, next year's workbook), behind one
 * interface. Inside Excel the work runs here in the page (`ExcelRunner`: Office.js cannot run in a worker);
 * outside Excel it runs in a Web Worker (`WorkerRunner`, ./worker-runner.ts), so a large file never freezes
 * the pane. The pane sees views: what it shows, never the grids (which stay where the work runs).
 */
import type { CaoRaise } from "../domain/cao";
import type { Results } from "../domain/compute";
import type { Inputs } from "../domain/types";
import type { Problem } from "../input/grid";
import type { AddendumAction } from "../job/build";
import type { Checked } from "../job/check";
import type { HostRead, WorkbookHost } from "../job/host";
import type { Agreement, SignOff } from "../records";

/** The inputs as the pane shows them: everything but the ledger's rows (the results carry their sums). */
export type ShownInputs = Omit<Inputs, "ledger">;

/** A check as the pane shows it. */
export interface CheckView {
  problems: Problem[];
  /** null when there is a fout */
  inputs: ShownInputs | null;
  results: Results | null;
  signOff: SignOff | null;
  agreement: Agreement;
}

export function viewOf(c: Checked): CheckView {
  const all = c.parse.inputs;
  let inputs: ShownInputs | null = null;
  if (all) {
    const { ledger: _ledger, ...rest } = all;
    inputs = rest;
  }
  return { problems: c.problems, inputs, results: c.results, signOff: c.signOff, agreement: c.agreement };
}

/** A finished build, as the pane shows it. */
export interface BuiltView {
  /** the host's sentence: what was written, and where */
  message: string;
  signOff: SignOff | null;
  results: Results;
  reportMonth: number;
  sheets: string[];
}

/** Next year's workbook: its bytes, and what the pane says about it. */
export interface NextYearView {
  bytes: Uint8Array;
  year: number;
  ledgerMap: boolean;
  salary: { own: number; bundled: number; estimated: number };
  carriedCases: string[];
}

export interface BuildHooks {
  /** a stage starts (0-based, src/job/run.ts STAGES), with a detail inside it (rows read of rows, the write's steps) */
  onStage: (index: number, detail?: string) => void | Promise<void>;
  /** the check inside the build, before planning */
  onChecked: (view: CheckView) => void;
  /** the workbook could not be read (nothing of it may stay on screen) */
  onUnreadable: () => void;
}

export interface Runner {
  readonly kind: "excel" | "file";
  /** e.g. "deze werkmap" or the file name */
  describe(): string;
  /** read and check; `say` reports each stage (0 read, 1 check, 2 compute) with a detail inside it */
  check(reportMonth: number | undefined, say: (stage: number, text: string) => Promise<void>): Promise<CheckView>;
  /** a build; throws a Dutch sentence when there is no report */
  build(action: AddendumAction | undefined, reportMonth: number | undefined, hooks: BuildHooks): Promise<BuiltView>;
  /** next year's workbook from the last check's grids; throws a Dutch sentence when it cannot be made */
  nextYear(raises: readonly CaoRaise[]): Promise<NextYearView>;
  /** stop the job that runs now (outside Excel only); true when there was one */
  cancel?(): boolean;
  /** let go of what holds the workbook (outside Excel: the worker), when another file is chosen */
  dispose?(): void;
  /** select a cell of an input sheet (Excel only) */
  select?(sheet: string, cell: string): Promise<void>;
}

/** A job stopped by the user's Annuleren: nothing was written or offered. The message says so, in Dutch. */
export class Cancelled extends Error {
  constructor(message = "Geannuleerd: er is niets gewijzigd.") {
    super(message);
  }
}

export const NO_REPORT_INPUT_ERRORS = "Geen rapport gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.";
export const NO_NEXT_YEAR_INPUT_ERRORS = "Geen werkmap gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.";

/** Inside Excel: the job runs here in the page, on the Office.js host. */
export class ExcelRunner implements Runner {
  readonly kind = "excel" as const;
  /** the grids of the last read (next year's workbook is made from them) */
  private last: HostRead | null = null;

  constructor(private readonly host: WorkbookHost) {}

  describe(): string {
    return this.host.describe();
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.host.select?.(sheet, cell) ?? Promise.resolve();
  }

  async check(reportMonth: number | undefined, say: (stage: number, text: string) => Promise<void>): Promise<CheckView> {
    await say(0, "Werkmap lezen");
    // a large sheet is read in slices (src/office/read.ts): rows read of rows, per slice
    this.last = await this.host.read((m) => void say(0, m));
    await say(1, "Invoer controleren");
    // the contract, the engine and the records are their own chunk: loaded at the first check, not at the start
    const { checkWorkbookInSteps } = await import(/* webpackChunkName: "check" */ "../job/check");
    return viewOf(await checkWorkbookInSteps(this.last.grids, { reportMonth }, () => say(2, "Berekenen")));
  }

  async build(action: AddendumAction | undefined, reportMonth: number | undefined, hooks: BuildHooks): Promise<BuiltView> {
    // the job and the report planner are their own chunk: loaded on the first build, not at the start
    const { runBuild } = await import(/* webpackChunkName: "report" */ "../job/run");
    const outcome = await runBuild({
      read: async (progress) => (this.last = await this.host.read(progress).catch((e: unknown) => {
        hooks.onUnreadable();
        throw e;
      })),
      write: (plan, records, progress, opts) => this.host.write(plan, records, progress, opts),
    }, {
      action, reportMonth,
      onStage: (i) => hooks.onStage(i),
      onReadProgress: (m) => void hooks.onStage(0, m),
      onProgress: (m) => void hooks.onStage(4, m),
      onChecked: (checked) => hooks.onChecked(viewOf(checked)),
    });
    if (!outcome.ok) throw new Error(outcome.code === "input-errors" ? NO_REPORT_INPUT_ERRORS : outcome.message);
    return { message: outcome.message, signOff: outcome.signOff, results: outcome.results, reportMonth: outcome.plan.marker.reportMonth, sheets: outcome.plan.sheets.map((s) => s.name) };
  }

  async nextYear(raises: readonly CaoRaise[]): Promise<NextYearView> {
    if (!this.last) throw new Error("Controleer eerst de invoer (tabblad Controleren); de invoer mag geen fouten bevatten.");
    // exceljs and the next-year planner are their own chunk: loaded on the first use
    const { nextYearBytes } = await import(/* webpackChunkName: "next-year" */ "../xlsx/next-year-book");
    return nextYearView(await nextYearBytes(this.last.grids, raises));
  }
}

/** The pane's view of next year's workbook, or the Dutch sentence when there is none. */
export function nextYearView(built: Awaited<ReturnType<typeof import("../xlsx/next-year-book").nextYearBytes>>): NextYearView {
  if (!built.ok) throw new Error(NO_NEXT_YEAR_INPUT_ERRORS);
  const p = built.plan;
  return { bytes: built.bytes, year: p.year, ledgerMap: (p.options.rows?.ledgerMap ?? []).length > 0, salary: p.salary, carriedCases: p.carriedCases };
}
