/** `Kwalitatief`: the notes per topic (and month) for the qualitative sections. */
import { NOTE_KINDS, QUALITATIVE_TOPICS, SERVICE_CODES, type QualitativeNote } from "../../domain/types";
import type { TableReader } from "../table";

export function readQualitative(t: TableReader, year: number | null): QualitativeNote[] {
  return t.rows((row) => {
    const topic = t.choice(row, "topic", QUALITATIVE_TOPICS);
    const month = t.has("month") ? t.month(row, "month", year, false) : undefined;
    const text = t.text(row, "text", true);
    // SLA 2023 model (optional columns): the product of an objective, and general notes against signals/improvements
    const service = t.has("service") ? t.choice(row, "service", SERVICE_CODES, false) : undefined;
    const kind = t.has("kind") ? t.choice(row, "kind", NOTE_KINDS, false) : undefined;
    if (topic === undefined || text === undefined) return undefined;
    return { row, topic, month: month ?? null, text, ...(service ? { service } : {}), ...(kind && kind !== "Algemeen" ? { kind } : {}) };
  });
}
