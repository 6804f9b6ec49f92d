/**
 * A whole municipal ledger export as Realisatie (docs/werkmapcontract.md): which rows count for the DVO and
 * the tally a controller reconciles the export with. A row counts when its cost centre is one of the DVO's
 * (the setting `Kostenplaatsen`; without it every cost centre counts) and the Grootboek maps its account
 * to a category; an account mapped to `negeren` is left out on purpose. Rows outside the DVO's cost
 * centres are not checked beyond their amount: they are the rest of the municipality.
 */
import type { LedgerReconciliation, LedgerTally } from "../domain/types";
import { isBlank, isCellError, type CellValue } from "./grid";

/** The Grootboek's category for an account that is left out on purpose. */
export const IGNORE_CATEGORY = "negeren";

/** An account number or cost centre as a key: the text Excel's TRIM(cell&"") gives, in upper case (MATCH ignores case). */
export function ledgerKeyPart(v: CellValue): string {
  if (v === null || isCellError(v) || v instanceof Date) return "";
  // a number's text has no spaces
  if (typeof v === "number") return String(v).toUpperCase();
  const t = String(v);
  // a whole export repeats a few thousand accounts and cost centres a million times: each text is keyed once
  let key = keyCache.get(t);
  if (key === undefined) {
    key = t.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ").toUpperCase();
    if (keyCache.size >= KEY_CACHE) keyCache.clear();
    keyCache.set(t, key);
  }
  return key;
}

/** Texts keyed by ledgerKeyPart, kept for the next row (bounded: cleared when full). */
const keyCache = new Map<string, string>();
const KEY_CACHE = 1 << 16;

/** The setting's text as cost centres, as written: separated by commas or semicolons, blanks dropped. */
export function costCentreList(text: string): string[] {
  return text.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== "");
}

/** A cell's number for the tally (a booking's amount, debit or credit): a number as it stands, anything else 0 (its own fout says why). */
export const tallied = (v: CellValue): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

export type TallyKind = "counted" | "ignored" | "outside";

/** Counts and sums the rows of the export, per kind; every row read is one of the three. */
export class Reconciler {
  private readonly tallies: Record<TallyKind, { rows: number; total: number }> = {
    counted: { rows: 0, total: 0 }, ignored: { rows: 0, total: 0 }, outside: { rows: 0, total: 0 },
  };

  constructor(private readonly costCentres: string[] | null) {}

  add(kind: TallyKind, amount: number): void {
    const t = this.tallies[kind];
    t.rows++;
    t.total += amount;
  }

  result(): LedgerReconciliation {
    const cents = (t: { rows: number; total: number }): LedgerTally => ({ rows: t.rows, total: Math.round(t.total * 100) / 100 });
    const { counted, ignored, outside } = this.tallies;
    return {
      costCentres: this.costCentres,
      read: cents({ rows: counted.rows + ignored.rows + outside.rows, total: counted.total + ignored.total + outside.total }),
      counted: cents(counted), ignored: cents(ignored), outside: cents(outside),
    };
  }
}

/** The DVO's cost centres as keys (ledgerKeyPart), or null when every cost centre counts. */
export function scopeKeys(costCentres: string[] | null): Set<string> | null {
  return costCentres && costCentres.length > 0 ? new Set(costCentres.map(ledgerKeyPart)) : null;
}

/**
 * outsideScope for the rows of one export, remembering the answer per text (a whole export repeats a few
 * thousand cost centres a million times).
 */
export function scopeTest(scope: Set<string> | null): (costCentre: CellValue) => boolean {
  if (scope === null) return () => false;
  const known = new Map<string, boolean>();
  return (v) => {
    if (typeof v !== "string") return outsideScope(scope, v);
    let out = known.get(v);
    if (out === undefined) {
      out = outsideScope(scope, v);
      if (known.size < 1 << 16) known.set(v, out);
    }
    return out;
  };
}

/** Whether a row's cost centre is outside the DVO's (never when there is no setting). */
export function outsideScope(scope: Set<string> | null, costCentre: CellValue): boolean {
  return scope !== null && (isBlank(costCentre) || !scope.has(ledgerKeyPart(costCentre)));
}
