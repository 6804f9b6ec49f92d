/** `Privacy`: data breaches and data disclosures per month. */
import { PRIVACY_KINDS, type PrivacyRow } from "../../domain/types";
import type { TableReader } from "../table";
import { COUNT } from "./limits";

export function readPrivacy(t: TableReader, year: number | null): PrivacyRow[] {
  return t.rows((row) => {
    const month = t.month(row, "month", year);
    const kind = t.choice(row, "kind", PRIVACY_KINDS);
    const count = t.number(row, "count", { required: true, min: 0, integer: true, limit: COUNT });
    const reported = t.has("reported") ? t.choice(row, "reported", ["Ja", "Nee"] as const, false) : undefined;
    const note = t.has("note") ? t.text(row, "note") ?? "" : "";
    if (kind === "Gegevensverstrekking" && reported !== undefined) {
      t.problem(row, "reported", "'Gemeld bij AP' geldt alleen voor datalekken: laat deze cel leeg bij een gegevensverstrekking.", "waarschuwing");
    }
    if (month === undefined || kind === undefined || count === undefined) return undefined;
    return { row, month, kind, count, reportedToAuthority: kind === "Datalek" && reported !== undefined ? reported === "Ja" : null, note };
  });
}
