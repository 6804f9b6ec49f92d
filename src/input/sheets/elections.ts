/** `Verkiezingen`: each election's phase and progress. */
import { ELECTION_PHASES, type Election } from "../../domain/types";
import type { TableReader } from "../table";

export function readElections(t: TableReader): Election[] {
  return t.rows((row) => {
    const name = t.text(row, "name", true);
    const date = t.has("date") ? t.date(row, "date") : undefined;
    const phase = t.choice(row, "phase", ELECTION_PHASES);
    const txt = (k: string) => (t.has(k) ? t.text(row, k) ?? "" : "");
    if (name === undefined || phase === undefined) return undefined;
    return { row, name, date: date ?? null, phase, progress: txt("progress"), evaluation: txt("evaluation"), bottlenecks: txt("bottlenecks"), improvements: txt("improvements") };
  });
}
