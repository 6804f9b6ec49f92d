/** `Openingstijden`: opening hours per service and day. */
import type { OpeningHour } from "../../domain/types";
import { errorValueProblem, shown } from "../cells";
import { isCellError, type CellValue } from "../grid";
import type { TableReader } from "../table";

/** Van/Tot may be text (`8:30`) or a time cell (a fraction of a day). */
function timeText(v: CellValue): string | undefined {
  let fraction: number | undefined;
  if (typeof v === "number" && v >= 0 && v < 1) fraction = v;
  if (v instanceof Date && v.getUTCFullYear() <= 1900) fraction = (v.getUTCHours() * 60 + v.getUTCMinutes()) / 1440;
  if (fraction !== undefined) {
    const minutes = Math.round(fraction * 1440);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  }
  if (typeof v === "string" && /^\s*\d{1,2}[:.]\d{2}\s*$/.test(v)) return v.trim().replace(".", ":");
  return undefined;
}

export function readOpeningHours(t: TableReader): OpeningHour[] {
  return t.rows((row) => {
    const service = t.text(row, "service", true);
    const day = t.text(row, "day", true);
    const times = (["from", "to"] as const).map((k) => {
      const v = timeText(t.raw(row, k));
      const raw = t.raw(row, k);
      const label = k === "from" ? "Van" : "Tot";
      if (v === undefined) {
        t.problem(row, k, isCellError(raw) ? `${label}: ${errorValueProblem(raw)}` : `${label}: ${shown(raw)} is geen tijd: typ een tijd als 8:30.`);
      }
      return v;
    });
    if (service === undefined || day === undefined || times[0] === undefined || times[1] === undefined) return undefined;
    return { row, service, day, from: times[0], to: times[1] };
  });
}
