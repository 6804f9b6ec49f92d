/**
 * docs/rekenregels.md §12: election costs billed afterwards (SLA 2024 §1.8). Bookings of the category
 * Nacalculatie verkiezingen through the report month, per election of the Verkiezingen sheet; outside the
 * ceiling and the budget lines, so never an overrun.
 */
import { round2 } from "./money";
import { ELECTION_COSTS, type Election, type LedgerRow } from "./types";

export interface ElectionCost {
  election: Election;
  /** Σ Bedrag through month n, round2 */
  amount: number;
  /** bookings through month n */
  bookings: number;
}

export interface ElectionCostsResult {
  perElection: ElectionCost[];
  /** Nacalculatie aan opdrachtgever: every such booking through month n, round2 */
  total: number;
  /** bookings through month n */
  bookings: number;
}

/** As the report's SUMIFS compares text: trimmed, inner spaces folded, any case. */
const key = (s: string) => s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ").toLowerCase();

export function computeElectionCosts(ledger: readonly LedgerRow[], elections: readonly Election[] | null, n: number): ElectionCostsResult {
  const rows = ledger.filter((r) => r.category === ELECTION_COSTS && r.month <= n);
  const perElection = (elections ?? []).map((e): ElectionCost => {
    const mine = rows.filter((r) => key(r.election) === key(e.name));
    return { election: e, amount: round2(mine.reduce((s, r) => s + r.amount, 0)), bookings: mine.length };
  });
  return { perElection, total: round2(rows.reduce((s, r) => s + r.amount, 0)), bookings: rows.length };
}
