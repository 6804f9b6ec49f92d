/** `Zelfevaluatie`: a score per part against its norm. */
import type { SelfEvaluation } from "../../domain/types";
import type { TableReader } from "../table";

export function readSelfEvaluation(t: TableReader): SelfEvaluation[] {
  return t.rows((row) => {
    const part = t.text(row, "part", true);
    const score = t.fraction(row, "score", true);
    const norm = t.has("norm") ? t.fraction(row, "norm") : undefined;
    if (part === undefined || score === undefined) return undefined;
    return { row, part, score, norm: norm ?? 0.9 };
  });
}
