/** A1 references for formulas. */
import { columnLetter } from "../input/grid";

/**
 * Quote a sheet name for use in a formula or a defined name when needed ('6.5 Financieel'!A1): the one
 * definition both hosts and the report use. A plain word stays bare unless it reads as a reference (AB12,
 * R1C1, R, C).
 */
export function quoteSheet(name: string): string {
  // a report names the same few sheets in every formula (a whole ledger export: some 200,000 times)
  let q = quoted.get(name);
  if (q === undefined) {
    const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*([Cc]\d*)?$|^[Cc]\d*$/.test(name);
    q = bare ? name : `'${name.replace(/'/g, "''")}'`;
    if (quoted.size > 1000) quoted.clear();
    quoted.set(name, q);
  }
  return q;
}

const quoted = new Map<string, string>();

export function cellRef(row: number, col: number, abs = false): string {
  return abs ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

export function sheetRef(sheet: string, row: number, col: number, abs = true): string {
  return `${quoteSheet(sheet)}!${cellRef(row, col, abs)}`;
}

/** An absolute column range on a sheet: Sheet!$B$5:$B$90 */
export function rangeRef(sheet: string, col: number, fromRow: number, toRow: number): string {
  return `${quoteSheet(sheet)}!${cellRef(fromRow, col, true)}:${cellRef(toRow, col, true)}`;
}

/** A string literal in a formula. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
