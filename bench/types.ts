/** Shapes shared by the benchmark's parent process (run.ts) and its measuring child (child.ts). */
import type { CaseSize } from "./generate";

/** Pipeline stages as `reportFile` names them; the floor has only read and write. */
export const STAGE_KEYS = ["read", "check", "compute", "plan", "write"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

export interface StageMeasure {
  ms: number;
  /** peak resident set size during the stage, MB */
  peakMb: number;
}

/** Cells of one sheet our report run added to the workbook, as the floor must reproduce them. */
export interface SheetCells {
  name: string;
  rows: number;
  formulas: number;
  numbers: number;
  strings: number;
  /** distinct string values (they go to the shared-strings table) */
  distinctStrings: number;
  /** total length of the formula texts */
  formulaChars: number;
  /** formulas whose cached result is text (written inline, not shared) */
  textResults: number;
  /** total length of the string values */
  stringChars: number;
}

export interface RunMeasure {
  /** wall time inside the process from the start of reading to the file on disk, ms */
  totalMs: number;
  stages: Partial<Record<StageKey, StageMeasure>>;
  /** RSS after loading modules and a full GC, before the run, MB */
  baseMb: number;
  /** the kernel's peak RSS of the whole process (getrusage maxrss), MB */
  maxRssMb: number;
  /** CPU time (user + system, all threads) of the run, ms: less disturbed than wall time by other load */
  cpuMs: number;
  /** 1-minute load average when the run started */
  load: number;
  /** CPU time of the whole process since it started (node start-up included), ms */
  processCpuMs: number;
  /**
   * CPU used by other processes while this one ran, in cores (busy time of the machine from /proc/stat minus
   * this process's CPU time, over its wall time); set by the parent. Above ~0.2 the machine was not quiet.
   */
  otherCores?: number;
  /** wall time from the start of the process (node start-up, module loading) to the end of the run, ms */
  processMs: number;
}

export interface OursMeasure extends RunMeasure {
  /**
   * Cells of every sheet in the output that is not an input sheet: the report sheets and the add-in's own
   * records (sign-off, input snapshot, log, metadata). Counted from the saved file after the measured run,
   * and only when asked (the first run of a case).
   */
  cells?: SheetCells[];
  warnings: number;
  outputBytes: number;
}

export interface GenerateMeasure {
  size: CaseSize;
  /** rows per input sheet after parseWorkbook (no fout) */
  parsed: { formation: number; ledger: number; products: number };
  warnings: number;
  inputBytes: number;
  /** cells on the input sheets */
  inputCells: number;
  ms: number;
}
