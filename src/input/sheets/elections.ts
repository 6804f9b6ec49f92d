/** `Verkiezingen`: each election's phase and progress. */
import { ELECTION_PHASES, type Election } from "../../domain/types";
import type { TableReader } from "../table";

/**
 * The election names a Realisatie booking may name (every row, also rows with a fout of their own), or why
 * there are none. Names compare as the report's SUMIFS compares them: trimmed, inner spaces folded, any case.
 */
export type ElectionIndex = { kind: "names"; names: Set<string> } | { kind: "absent" } | { kind: "unreadable" };

export function electionKey(name: string): string {
  return name.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ").toLowerCase();
}

export function electionIndex(t: TableReader): ElectionIndex {
  const names = new Set<string>();
  for (const row of t.layout.dataRows) {
    const v = t.raw(row, "name");
    if (typeof v === "string" || typeof v === "number") names.add(electionKey(String(v)));
  }
  return { kind: "names", names };
}

export function readElections(t: TableReader): Election[] {
  return t.rows((row) => {
    const name = t.text(row, "name", true);
    const date = t.has("date") ? t.date(row, "date") : undefined;
    const phase = t.choice(row, "phase", ELECTION_PHASES);
    const txt = (k: string) => (t.has(k) ? t.text(row, k) ?? "" : "");
    // SLA 2023: the result of the count (optional column, Ja/Nee)
    const count = t.has("countCorrect") ? t.choice(row, "countCorrect", ["Ja", "Nee"] as const, false) : undefined;
    if (name === undefined || phase === undefined) return undefined;
    return {
      row, name, date: date ?? null, phase, progress: txt("progress"), evaluation: txt("evaluation"), bottlenecks: txt("bottlenecks"), improvements: txt("improvements"),
      ...(count !== undefined ? { countCorrect: count === "Ja" } : {}),
    };
  });
}
