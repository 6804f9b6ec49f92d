/** `Verkiezingen`: each election's phase and progress. */
import { ELECTION_PHASES, type Election } from "../../domain/types";
import type { TableReader } from "../table";

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
