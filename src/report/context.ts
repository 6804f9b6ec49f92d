/**
 * What every report-sheet module gets: inputs, results, where each input lives. The references one sheet
 * reads from another are not here: they are typed arguments (report/refs.ts).
 */
import { toExcelSerial } from "../domain/dates";
import type { Results } from "../domain/compute";
import type { InputSheetKey } from "../domain/glossary";
import type { CalendarDate, Inputs } from "../domain/types";
import type { ValueForm } from "../input/cells";
import { cellAt, type CellValue, type Problem, type WorkbookGrids } from "../input/grid";
import type { Agreement, SignOff } from "../records";
import type { InputLayout } from "../input/parse";
import { findSheet, formAt } from "../input/table";
import { quoteSheet, cellRef } from "./a1";
import type { PlanCell } from "./plan";

export type ReportSheetKey = "addendum" | "formation" | "quantitative" | "qualitative" | "elections" | "finance" | "privacy" | "control" | "calculation";
export type SheetNames = Record<ReportSheetKey, string>;

export interface BuildContext {
  inputs: Inputs;
  results: Results;
  layout: InputLayout;
  grids: WorkbookGrids;
  problems: Problem[];
  names: SheetNames;
  /** local build time, as shown in the title blocks */
  builtAt: Date;
  /** the sign-off record kept in the workbook, if any */
  signOff: SignOff | null;
  /** what people typed in the previous report (toelichtingen), by `${sheet}|${row label}|${column}` */
  carried: Map<string, string>;
  /** the signed version in force and how the inputs stand against it (records/agreement.ts) */
  agreement?: Agreement;
}

export function inputSheetName(ctx: BuildContext, key: InputSheetKey): string {
  const l = ctx.layout.sheets[key];
  if (!l) throw new Error(`report: input sheet ${key} not read`);
  return l.sheet;
}

export function hasColumn(ctx: BuildContext, key: InputSheetKey, field: string): boolean {
  return ctx.layout.sheets[key]?.columns[field] !== undefined;
}

/** Reference to an input cell: Formatie!D5 */
export function inputRef(ctx: BuildContext, key: InputSheetKey, field: string, row: number): string {
  const l = ctx.layout.sheets[key];
  const col = l?.columns[field];
  if (!l || col === undefined) throw new Error(`report: no column ${field} on ${key}`);
  return `${quoteSheet(l.sheet)}!${cellRef(row, col)}`;
}

export function rawInput(ctx: BuildContext, key: InputSheetKey, field: string, row: number): CellValue {
  const l = ctx.layout.sheets[key];
  const col = l?.columns[field];
  if (!l || col === undefined) return null;
  const g = findSheet(ctx.grids, l.sheet);
  return g ? cellAt(g, row, col) : null;
}

export function formOf(ctx: BuildContext, key: InputSheetKey, field: string, row: number): ValueForm | undefined {
  return formAt(ctx.layout.forms, key, field, row);
}

/** Excel's TRIM: strips spaces at both ends and folds inner runs of spaces into one. */
export function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

function asText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return String(toExcelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() }));
  if (typeof v === "object") return v.error;
  return String(v);
}

/** `TRIM(ref&"")`: an input cell as trimmed text in a formula (the column must be there). */
export function trimmedRef(ctx: BuildContext, key: InputSheetKey, field: string, row: number): string {
  return `TRIM(${inputRef(ctx, key, field, row)}&"")`;
}

/** =TRIM(ref&"") (optionally UPPER), with its value. Missing column: an empty text constant. */
export function trimmedText(ctx: BuildContext, key: InputSheetKey, field: string, row: number, upper = false): PlanCell {
  if (!hasColumn(ctx, key, field)) return { v: "" };
  const expr = trimmedRef(ctx, key, field, row);
  const value = excelTrim(asText(rawInput(ctx, key, field, row)));
  return upper ? { f: `UPPER(${expr})`, r: value.toUpperCase() } : { f: expr, r: value };
}

/** Formula text that turns a date cell of the given form into a date serial. */
function dateExpr(r: string, form: ValueForm | undefined): string {
  const t = `TRIM(${r})`;
  switch (form) {
    case "text-dmy":
      return `DATE(VALUE(RIGHT(${t},4)),VALUE(MID(${t},FIND("-",${t})+1,FIND("-",${t},FIND("-",${t})+1)-FIND("-",${t})-1)),VALUE(LEFT(${t},FIND("-",${t})-1)))`;
    case "text-ymd":
      return `DATE(VALUE(LEFT(${t},4)),VALUE(MID(${t},6,2)),VALUE(RIGHT(${t},2)))`;
    default:
      return r;
  }
}

/** A date from an input cell as a live formula (serial), whatever form the user typed it in. */
export function dateCell(ctx: BuildContext, key: InputSheetKey, field: string, row: number, value: CalendarDate): PlanCell {
  const r = inputRef(ctx, key, field, row);
  const form = formOf(ctx, key, field, row);
  return { f: form === "text-dmy" || form === "text-ymd" ? dateExpr(r, form) : `${r}+0`, r: toExcelSerial(value), nf: "d-m-yyyy" };
}

/** A month number 1-12 from a `Maand` cell (1-12 or a date), as a live formula. */
export function monthCell(ctx: BuildContext, key: InputSheetKey, field: string, row: number, month: number): PlanCell {
  const r = inputRef(ctx, key, field, row);
  const form = formOf(ctx, key, field, row);
  const f = form === "number" ? `${r}+0` : `MONTH(${dateExpr(r, form)})`;
  return { f, r: month, nf: "0" };
}

/** A number from an input cell: =ref (a blank cell reads as 0). */
export function numberCell(ctx: BuildContext, key: InputSheetKey, field: string, row: number, value: number, nf?: string): PlanCell {
  if (!hasColumn(ctx, key, field)) return { v: value, nf };
  return { f: inputRef(ctx, key, field, row), r: value, nf };
}
