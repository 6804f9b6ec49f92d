/**
 * Outside Excel: the page's side of the file worker (./worker/file-worker.ts). Every job — reading the
 * chosen file, checking, building, next year's workbook — runs in the worker, so the pane stays responsive
 * on a whole ledger export; the page only shows progress and results, and offers a download when a job is
 * done. Annuleren terminates the worker: whatever it was doing stops at once and nothing is written or
 * offered. The page keeps the workbook's bytes as a Blob (the chosen file, or the last build's workbook); the
 * job after a cancel or a build reads them into a new worker first.
 */
import type { CaoRaise } from "../domain/cao";
import type { AddendumAction } from "../job/build";
import { download, XLSX_TYPE } from "./file-host";
import { Cancelled, type BuildHooks, type BuiltView, type CheckView, type NextYearView, type Runner } from "./runner";
import type { FromWorker, JobProgress, JobRequest, JobResult } from "./worker/protocol";

type OnRows = (sheet: string, row: number, of: number) => void;

const STAGE_TEXT = ["Werkmap lezen", "Invoer controleren", "Berekenen"];

/** rows read of rows, as the pane says it */
export const rowsText = (sheet: string, row: number, of: number): string =>
  `blad ${sheet}, rij ${row.toLocaleString("nl-NL")} van ${of.toLocaleString("nl-NL")}`;

interface Running {
  id: number;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
  onProgress: (p: JobProgress) => void;
}

export class WorkerRunner implements Runner {
  readonly kind = "file" as const;
  private worker: Worker | null = null;
  /** whether the worker holds `source` (not after a cancel, nor before the first read) */
  private holds = false;
  private running: Running | null = null;
  /** a job runs now (Annuleren has something to stop) */
  private busy = false;
  private stopped = false;
  private nextId = 1;

  private readonly name: string;
  private source: Blob;

  constructor(file: File) {
    this.name = file.name;
    this.source = file;
  }

  /** Read the chosen file in a new worker; throws its Dutch sentence, or Cancelled. */
  async open(onRows: OnRows): Promise<void> {
    try {
      await this.job(() => this.load(onRows));
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  describe(): string {
    return `'${this.name}'`;
  }

  check(reportMonth: number | undefined, say: (stage: number, text: string) => Promise<void>): Promise<CheckView> {
    return this.job(() => this.runCheck(reportMonth, say));
  }

  build(action: AddendumAction | undefined, reportMonth: number | undefined, hooks: BuildHooks): Promise<BuiltView> {
    return this.job(() => this.runBuild(action, reportMonth, hooks));
  }

  nextYear(raises: readonly CaoRaise[]): Promise<NextYearView> {
    return this.job(async () => {
      await this.load(() => undefined);
      const r = await this.start({ kind: "next-year", raises: [...raises] }, [], () => undefined);
      if (r.kind !== "next-year") throw new Error(`file worker: ${r.kind} for next year`);
      return { ...r.view, bytes: new Uint8Array(r.bytes) };
    });
  }

  /** Stop the job that runs now: the worker is terminated, the job ends with Cancelled. */
  cancel(): boolean {
    if (!this.busy) return false;
    this.stopped = true;
    const running = this.running;
    this.dispose();
    running?.reject(new Cancelled());
    return true;
  }

  /** the worker is no longer needed (another file was chosen) */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.holds = false;
    this.running = null;
  }

  private async job<T>(task: () => Promise<T>): Promise<T> {
    this.stopped = false;
    this.busy = true;
    try {
      return await task();
    } finally {
      this.busy = false;
    }
  }

  private async runCheck(reportMonth: number | undefined, say: (stage: number, text: string) => Promise<void>): Promise<CheckView> {
    void say(0, STAGE_TEXT[0]);
    await this.load((sheet, row, of) => void say(0, `${STAGE_TEXT[0]}: ${rowsText(sheet, row, of)}`));
    const r = await this.start({ kind: "check", reportMonth }, [], (p) => {
      if (p.kind === "stage") void say(p.index, STAGE_TEXT[p.index] ?? "");
    });
    if (r.kind !== "checked") throw new Error(`file worker: ${r.kind} for a check`);
    return r.view;
  }

  private async runBuild(action: AddendumAction | undefined, reportMonth: number | undefined, hooks: BuildHooks): Promise<BuiltView> {
    void hooks.onStage(0);
    await this.load((sheet, row, of) => void hooks.onStage(0, rowsText(sheet, row, of))).catch((e: unknown) => {
      if (!(e instanceof Cancelled)) hooks.onUnreadable();
      throw e;
    });
    const r = await this.start({ kind: "build", action, reportMonth }, [], (p) => {
      if (p.kind === "stage") void hooks.onStage(p.index, p.detail);
      else if (p.kind === "checked") hooks.onChecked(p.view);
    });
    if (r.kind !== "built") throw new Error(`file worker: ${r.kind} for a build`);
    // the build is done: now, and only now, the workbook is offered; it is also what the next job starts from,
    // read in a new worker (this one held the old workbook and the build: ending it frees them at once)
    const blob = new Blob([r.bytes], { type: XLSX_TYPE });
    this.source = blob;
    this.dispose();
    download(blob, r.name);
    return r.view;
  }

  /** Make sure the worker holds the workbook: read it (again, after a cancel) from the bytes kept here. */
  private async load(onRows: OnRows): Promise<void> {
    if (this.holds && this.worker) return;
    const bytes = await this.source.arrayBuffer();
    await this.start({ kind: "open", name: this.name, bytes }, [bytes], (p) => {
      if (p.kind === "rows") onRows(p.sheet, p.row, p.of);
    });
    this.holds = true;
  }

  private start(job: JobRequest, transfer: Transferable[], onProgress: (p: JobProgress) => void): Promise<JobResult> {
    if (this.stopped) return Promise.reject(new Cancelled());
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<JobResult>((resolve, reject) => {
      this.running = { id, resolve, reject, onProgress };
      worker.postMessage({ type: "start", id, job }, transfer);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./worker/file-worker.ts", import.meta.url), { name: "dvo-werkmap" });
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      // the worker itself failed (a script that did not load, memory): this job ends, the next starts a new one
      e.preventDefault();
      const running = this.running;
      this.dispose();
      running?.reject(new Error(`De werkmap kon niet worden verwerkt: de verwerking is onverwacht gestopt${e.message ? ` (${e.message})` : ""}. Probeer het opnieuw; lukt het niet, sluit dan andere tabbladen of programma's en probeer het nog eens.`));
    };
    this.worker = worker;
    return worker;
  }

  private receive(m: FromWorker): void {
    const running = this.running;
    if (!running || m.id !== running.id) return;
    if (m.type === "progress") {
      running.onProgress(m.progress);
      return;
    }
    this.running = null;
    if (m.type === "result") running.resolve(m.result);
    else running.reject(new Error(m.message));
  }
}
