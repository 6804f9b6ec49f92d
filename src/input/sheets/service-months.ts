/** `Dienstverlening`: agenda, callbacks, requests, objections and complaints per month. */
import type { ServiceMonth } from "../../domain/types";
import { isBlank } from "../grid";
import type { TableReader } from "../table";
import { COUNT } from "./limits";

export function readServiceMonths(t: TableReader, year: number | null): ServiceMonth[] {
  const seen = new Map<number, number>();
  return t.rows((row) => {
    const month = t.month(row, "month", year);
    // A count that could not be read has its own fout; it is not compared (no knock-on errors).
    const bad = new Set<string>();
    const n = (key: string) => {
      if (!t.has(key)) return 0;
      const v = t.number(row, key, { min: 0, integer: true, limit: COUNT });
      if (v === undefined && !isBlank(t.raw(row, key))) bad.add(key);
      return v ?? 0;
    };
    const rec = {
      row, month: month ?? 0,
      slotsAvailable: n("slotsAvailable"), slotsOpen: n("slotsOpen"), appointments: n("appointments"), walkIns: n("walkIns"),
      callbacks: n("callbacks"), callbacksOnTime: n("callbacksOnTime"), requests: n("requests"), requestsOnTime: n("requestsOnTime"),
      objections: n("objections"), complaints: n("complaints"),
    };
    const comparable = (a: string, b: string) => !bad.has(a) && !bad.has(b);
    if (comparable("callbacksOnTime", "callbacks") && rec.callbacksOnTime > rec.callbacks) t.problem(row, "callbacksOnTime", `Terugbelverzoeken op tijd (${rec.callbacksOnTime}) is meer dan het aantal terugbelverzoeken (${rec.callbacks}): controleer beide.`);
    if (comparable("requestsOnTime", "requests") && rec.requestsOnTime > rec.requests) t.problem(row, "requestsOnTime", `Verzoeken op tijd (${rec.requestsOnTime}) is meer dan het aantal verzoeken (${rec.requests}): controleer beide.`);
    if (comparable("slotsOpen", "slotsAvailable") && rec.slotsOpen > rec.slotsAvailable) t.problem(row, "slotsOpen", `Open plekken (${rec.slotsOpen}) is meer dan het aantal beschikbare plekken (${rec.slotsAvailable}): controleer beide.`);
    if (month === undefined) return undefined;
    const earlier = seen.get(month);
    if (earlier !== undefined) {
      t.problem(row, "month", `Maand ${month} staat twee keer in Dienstverlening (ook in rij ${earlier}): één regel per maand.`);
      return undefined;
    }
    seen.set(month, row);
    return rec;
  });
}
