/**
 * Compare every formula cell of a report we wrote (its cached value is the engine's) with the same cell
 * in a copy recalculated by another spreadsheet engine (LibreOffice, Gnumeric). Both files are read with
 * openpyxl (Debian python3-openpyxl), which also resolves the shared-string results Gnumeric writes.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { PYTHON } from "./paths";

export type Value = string | number | null | { error: string };
export type Cells = Record<string, Record<string, [string | null, Value]>>;

/** Every cell of an .xlsx as [formula or null, cached value], by sheet and address. */
export function readCells(file: string, valuesOnly = false): Cells {
  const out = execFileSync(PYTHON, [path.join(__dirname, "xlsx-cells.py"), file, ...(valuesOnly ? ["--values"] : [])], { maxBuffer: 512 * 1024 * 1024, timeout: 120_000 });
  return JSON.parse(out.toString("utf8")) as Cells;
}

export interface Mismatch { sheet: string; cell: string; formula: string; engine: Value; other: Value }

export function compareRecalculated(ours: string, theirs: string): { compared: number; mismatches: Mismatch[]; errors: Mismatch[] } {
  const a = readCells(ours);
  const b = readCells(theirs, true);
  let compared = 0;
  const mismatches: Mismatch[] = [];
  const errors: Mismatch[] = [];
  for (const [sheet, cells] of Object.entries(a)) {
    const other = b[sheet];
    if (!other) throw new Error(`sheet ${sheet} missing in the recalculated copy`);
    for (const [cell, [formula, engine]] of Object.entries(cells)) {
      if (formula === null) continue;
      compared++;
      const got = other[cell]?.[1] ?? null;
      const m = { sheet, cell, formula, engine, other: got };
      if (got !== null && typeof got === "object") {
        errors.push(m);
        continue;
      }
      // an empty text result may read back as no value
      if ((engine === "" || engine === null) && (got === "" || got === null)) continue;
      if (typeof engine === "number" && typeof got === "number") {
        if (Math.abs(engine - got) > 1e-6 * Math.max(1, Math.abs(engine))) mismatches.push(m);
      } else if (engine !== got) mismatches.push(m);
    }
  }
  return { compared, mismatches, errors };
}
