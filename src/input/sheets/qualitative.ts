/** `Kwalitatief`: the notes per topic (and month) for the qualitative sections. */
import { QUALITATIVE_TOPICS, type QualitativeNote } from "../../domain/types";
import type { TableReader } from "../table";

export function readQualitative(t: TableReader, year: number | null): QualitativeNote[] {
  return t.rows((row) => {
    const topic = t.choice(row, "topic", QUALITATIVE_TOPICS);
    const month = t.has("month") ? t.month(row, "month", year, false) : undefined;
    const text = t.text(row, "text", true);
    if (topic === undefined || text === undefined) return undefined;
    return { row, topic, month: month ?? null, text };
  });
}
