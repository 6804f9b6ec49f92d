/** `Grootboek`: account (and cost centre) → category, for a Realisatie exported from the financial system. */
import { LEDGER_CATEGORIES, type LedgerCategory } from "../../domain/types";
import { IGNORE_CATEGORY, ledgerKeyPart } from "../ledger-scope";
import type { TableReader } from "../table";

/** What the Grootboek may map an account to: a category, or `negeren` (left out on purpose). */
export type MappedTo = LedgerCategory | typeof IGNORE_CATEGORY;
const MAPPED_TO: readonly MappedTo[] = [...LEDGER_CATEGORIES, IGNORE_CATEGORY];

/** The Grootboek mapping: `${account}|${cost centre}` (trimmed, upper case; cost centre blank for "any") → category or negeren. */
export type LedgerMapIndex = { kind: "map"; map: Map<string, MappedTo> } | { kind: "absent" } | { kind: "unreadable" };

export { ledgerKeyPart };

export function readLedgerMap(t: TableReader): LedgerMapIndex {
  const map = new Map<string, MappedTo>();
  const seen = new Map<string, number>();
  let bad = false;
  t.rows((row) => {
    const account = t.text(row, "account", true);
    const costCentre = t.has("costCentre") ? t.text(row, "costCentre") : "";
    const category = t.choice(row, "category", MAPPED_TO);
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
