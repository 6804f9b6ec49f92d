/**
 * The messages between the page and the file worker (./file-worker.ts; docs/architecture.md, "The task
 * pane"). The page starts one job at a time and numbers it; the worker answers with progress, then one
 * result or one error (a Dutch sentence). Bytes travel as transferred ArrayBuffers, never copied.
 * Cancelling is the page's side alone: it terminates the worker (a job stopped anywhere, also inside a
 * long synchronous step, leaves nothing half-written) and starts a new one for the next job.
 */
import type { CaoRaise } from "../../domain/cao";
import type { AddendumAction } from "../../job/build";
import type { BuiltView, CheckView, NextYearView } from "../runner";

/** What a job asks. */
export type JobRequest =
  /** read a workbook's bytes; the worker keeps it for the jobs after */
  | { kind: "open"; name: string; bytes: ArrayBuffer }
  | { kind: "check"; reportMonth?: number }
  | { kind: "build"; action?: AddendumAction; reportMonth?: number }
  | { kind: "next-year"; raises: CaoRaise[] };

/** What a job gives back. `built.bytes` is the new workbook (it becomes the one the next job starts from). */
export type JobResult =
  | { kind: "opened" }
  | { kind: "checked"; view: CheckView }
  | { kind: "built"; view: BuiltView; bytes: ArrayBuffer; name: string }
  | { kind: "next-year"; view: Omit<NextYearView, "bytes">; bytes: ArrayBuffer };

/** Progress inside a job. */
export type JobProgress =
  /** rows read of a sheet's rows, inside the reading step */
  | { kind: "rows"; sheet: string; row: number; of: number }
  /** a stage of the check or the build starts (src/job/run.ts STAGES), with a detail inside it */
  | { kind: "stage"; index: number; detail?: string }
  /** the build's check, shown before the report is planned */
  | { kind: "checked"; view: CheckView };

export type ToWorker = { type: "start"; id: number; job: JobRequest };

export type FromWorker =
  | { type: "progress"; id: number; progress: JobProgress }
  | { type: "result"; id: number; result: JobResult }
  | { type: "error"; id: number; message: string };
