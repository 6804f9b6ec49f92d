/** When the formulas can read an input sheet's columns as they are, with no normalised copy on Berekening. */
import type { InputSheetKey } from "../../domain/glossary";
import { rangeRef } from "../a1";
import { excelTrim, formOf, rawInput, type BuildContext } from "../context";
import type { RangeRef } from "../refs";
import type { SheetBuilder } from "../sheet";

export type DirectKind = "month" | "trimmed" | "number";

/**
 * When every row of an input table is already in the form the formulas need — months as numbers 1-12,
 * labels without stray spaces (text comparisons in Excel ignore case), amounts as numbers — the formulas
 * can use the input columns themselves, and the normalised copy of each row is not needed. Returns the
 * input ranges by field, or null when a copy is needed.
 */
export function directColumns<F extends string>(ctx: BuildContext, key: InputSheetKey, fields: Record<F, DirectKind>): Record<F, RangeRef> | null {
  const l = ctx.layout.sheets[key];
  if (!l || l.dataRows.length === 0) return null;
  const names = Object.keys(fields) as F[];
  for (const f of names) if (l.columns[f] === undefined) return null;
  for (const row of l.dataRows) {
    for (const f of names) {
      const kind = fields[f];
      const v = rawInput(ctx, key, f, row);
      if (kind === "month" && (typeof v !== "number" || formOf(ctx, key, f, row) !== "number")) return null;
      if (kind === "number" && v !== null && typeof v !== "number") return null;
      if (kind === "trimmed" && v !== null && (typeof v !== "string" || excelTrim(v) !== v || v.trim() !== v)) return null;
    }
  }
  const first = l.dataRows[0];
  const last = l.dataRows[l.dataRows.length - 1];
  const out = {} as Record<F, RangeRef>;
  for (const f of names) out[f] = rangeRef(l.sheet, l.columns[f], first, last);
  return out;
}

export function directNote(sb: SheetBuilder, sheet: string): void {
  sb.line({ v: `De formules rekenen rechtstreeks met de kolommen van het blad ${sheet}: de invoer staat daar al in de vorm die ze nodig hebben (maand als getal 1-12, waarden zonder extra spaties).`, s: "note" });
}
