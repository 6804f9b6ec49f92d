/** `Grootboek`: account (and cost centre) → category, for a Realisatie exported from the financial system. */
import { COST_CATEGORIES, type CostCategory } from "../../domain/types";
import { isCellError, type CellValue } from "../grid";
import type { TableReader } from "../table";

/** The Grootboek mapping: `${account}|${cost centre}` (trimmed, upper case; cost centre blank for "any") → category. */
export type LedgerMapIndex = { kind: "map"; map: Map<string, CostCategory> } | { kind: "absent" } | { kind: "unreadable" };

/** An account number or cost centre as a key: the text Excel's TRIM(cell&"") gives, in upper case (MATCH ignores case). */
export function ledgerKeyPart(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  const t = typeof v === "number" ? String(v) : v instanceof Date ? "" : String(v);
  return t.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ").toUpperCase();
}

export function readLedgerMap(t: TableReader): LedgerMapIndex {
  const map = new Map<string, CostCategory>();
  const seen = new Map<string, number>();
  let bad = false;
  t.rows((row) => {
    const account = t.text(row, "account", true);
    const costCentre = t.has("costCentre") ? t.text(row, "costCentre") : "";
    const category = t.choice(row, "category", COST_CATEGORIES);
    if (account === undefined || costCentre === undefined || category === undefined) {
      bad = true;
      return undefined;
    }
    const key = `${ledgerKeyPart(t.raw(row, "account"))}|${t.has("costCentre") ? ledgerKeyPart(t.raw(row, "costCentre")) : ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const cc = costCentre === "" ? "" : ` met kostenplaats ${costCentre}`;
      t.problem(row, "account", `Rekening ${account}${cc} staat twee keer in het Grootboek (ook in rij ${earlier}): verwijder een van beide.`);
      return undefined;
    }
    seen.set(key, row);
    map.set(key, category);
    return { row };
  });
  return bad ? { kind: "unreadable" } : { kind: "map", map };
}
