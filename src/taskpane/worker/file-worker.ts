/**
 * The file worker: outside Excel, the pane's reading, checking, building and writing run here, off the
 * page's main thread (docs/architecture.md, "The task pane"). It holds the workbook a file host read, and
 * answers the page's jobs (./protocol.ts) one at a time. It never touches the user's file: a build's bytes go
 * back to the page (transferred), which offers them as a download only when the build is done and ends this
 * worker; the next job reads them in a new one.
 */
import { runBuild } from "../../job/run";
import { checkWorkbookInSteps } from "../../job/check";
import { NO_REPORT_INPUT_ERRORS, nextYearView, viewOf } from "../runner";
import { BookHost } from "./book-host";
import type { FromWorker, JobProgress, JobRequest, JobResult, ToWorker } from "./protocol";

/** The worker's global scope, as far as this file uses it (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let book: BookHost | null = null;

/** `bytes` as a buffer of their own, to transfer (a view on part of a larger buffer is copied first). */
const own = (bytes: Uint8Array): ArrayBuffer =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;

async function run(job: JobRequest, progress: (p: JobProgress) => void): Promise<{ result: JobResult; transfer: Transferable[] }> {
  if (job.kind === "open") {
    book = null;
    book = await BookHost.open(new Uint8Array(job.bytes), job.name, (sheet, row, of) => progress({ kind: "rows", sheet, row, of }));
    return { result: { kind: "opened" }, transfer: [] };
  }
  const host = book;
  if (!host) throw new Error("Kies eerst een werkmap op het tabblad Invoer.");
  if (job.kind === "check") {
    progress({ kind: "stage", index: 0 });
    const read = await host.read();
    progress({ kind: "stage", index: 1 });
    const checked = await checkWorkbookInSteps(read.grids, { reportMonth: job.reportMonth }, async () => progress({ kind: "stage", index: 2 }));
    return { result: { kind: "checked", view: viewOf(checked) }, transfer: [] };
  }
  if (job.kind === "next-year") {
    // exceljs and the next-year planner are their own chunk, loaded on the first use
    const { nextYearBytes } = await import(/* webpackChunkName: "next-year" */ "../../xlsx/next-year-book");
    const { bytes, ...view } = nextYearView(await nextYearBytes((await host.read()).grids, job.raises));
    const buffer = own(bytes);
    return { result: { kind: "next-year", view, bytes: buffer }, transfer: [buffer] };
  }
  const outcome = await runBuild(host, {
    action: job.action, reportMonth: job.reportMonth,
    onStage: (index) => progress({ kind: "stage", index }),
    onProgress: (detail) => progress({ kind: "stage", index: 4, detail }),
    onChecked: (checked) => progress({ kind: "checked", view: viewOf(checked) }),
  });
  if (!outcome.ok) throw new Error(outcome.code === "input-errors" ? NO_REPORT_INPUT_ERRORS : outcome.message);
  // the written workbook goes to the page, which keeps it for the next job; this worker is done with it
  const written = host.lastWritten();
  book = null;
  const buffer = own(written.bytes);
  const view = { message: outcome.message, signOff: outcome.signOff, results: outcome.results, reportMonth: outcome.plan.marker.reportMonth, sheets: outcome.plan.sheets.map((s) => s.name) };
  return { result: { kind: "built", view, bytes: buffer, name: written.name }, transfer: [buffer] };
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const { id, job } = e.data;
  const progress = (p: JobProgress) => scope.postMessage({ type: "progress", id, progress: p });
  run(job, progress).then(
    ({ result, transfer }) => scope.postMessage({ type: "result", id, result }, transfer),
    (err: unknown) => scope.postMessage({ type: "error", id, message: err instanceof Error ? err.message : String(err) }),
  );
};
