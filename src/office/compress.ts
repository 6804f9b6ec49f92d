/**
 * Office.js host: a sheet plan as the arrays Office.js takes. Every property is set with a 2-D array of the
 * range's exact shape (the Range reference types values, formulas, formulasR1C1 and numberFormat as
 * `any[][]`; a single value on a multi-cell range is not a documented form). Cells down a column whose
 * formula is the same in R1C1 form, or whose number format is the same, are taken out of the row bands and
 * written as one n×1 array per run; the bands then only carry what is left.
 */
import { columnLetter } from "../input/grid";
import type { CellStyle, PlanCell, SheetPlan } from "../report/plan";
import { toR1C1 } from "./r1c1";

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
export function addressChunks(addresses: string[], max = 2000): string[] {
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

/** A stretch of one column that gets the same R1C1 formula, or the same number format, in every cell. */
export interface Run {
  col: number;
  from: number;
  to: number;
  kind: "formulasR1C1" | "numberFormat";
  value: string;
}

/** The run as Office.js takes it: an n×1 array, one row per cell of the column range. */
export function runArray(run: Run): string[][] {
  return Array.from({ length: run.to - run.from + 1 }, () => [run.value]);
}

/** Runs shorter than this are left in the row bands. */
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
    let start = 0;
    let key: string | null = null;
    const close = (end: number, kind: Run["kind"]) => {
      if (key !== null && end - start >= MIN_RUN) {
        runs.push({ col: c + 1, from: start + 1, to: end, kind, value: kind === "formulasR1C1" ? `=${key}` : key });
        for (let r = start; r < end; r++) (kind === "formulasR1C1" ? formulas : formats)[r][c] = null;
      }
    };
    // formulas that are the same in R1C1 form, down the column
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
