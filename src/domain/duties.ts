/**
 * docs/rekenregels.md §13: the SLA's recurring duties. K2B: the file for invoicing is delivered once every
 * 6 weeks (SLA 2024 §1.9), so a gap of more than 42 days between deliveries, or since the last delivery at
 * the end of the report month, is flagged. B102 and BBN2: the result against the legal norm (§1.7). ENSIA:
 * each part done or not, with its date.
 */
import { compareDates, lastDayOfMonth, toExcelSerial } from "./dates";
import type { CalendarDate, DutyRow } from "./types";

/** "1x in de 6 weken": more days than this between two deliveries is too long. */
export const K2B_MAX_GAP_DAYS = 42;

export interface K2bDelivery {
  duty: DutyRow;
  date: CalendarDate;
  /** the latest delivery strictly before this one; null for the first */
  previous: CalendarDate | null;
  /** days since `previous` */
  gapDays: number | null;
  flagged: boolean;
}

export interface QualityResult {
  duty: DutyRow;
  meets: boolean;
}

export interface DutiesResult {
  /** by date */
  k2b: K2bDelivery[];
  /** days from the last delivery on or before the end of the report month to that day; null without one */
  daysSinceLast: number | null;
  overdue: boolean;
  quality: QualityResult[];
  ensia: DutyRow[];
}

const serial = (d: CalendarDate) => toExcelSerial(d);

export function computeDuties(rows: readonly DutyRow[], year: number, reportMonth: number): DutiesResult {
  const deliveries = rows.filter((r): r is DutyRow & { date: CalendarDate } => r.task === "K2B-levering" && r.date !== null)
    .sort((a, b) => compareDates(a.date, b.date) || a.row - b.row);
  const k2b = deliveries.map((d): K2bDelivery => {
    const earlier = deliveries.filter((e) => compareDates(e.date, d.date) < 0);
    const previous = earlier.length > 0 ? earlier[earlier.length - 1].date : null;
    const gapDays = previous ? serial(d.date) - serial(previous) : null;
    return { duty: d, date: d.date, previous, gapDays, flagged: gapDays !== null && gapDays > K2B_MAX_GAP_DAYS };
  });
  const end = serial(lastDayOfMonth(year, reportMonth));
  const upTo = deliveries.filter((d) => serial(d.date) <= end);
  const daysSinceLast = upTo.length > 0 ? end - serial(upTo[upTo.length - 1].date) : null;
  const quality = rows.filter((r) => (r.task === "B102" || r.task === "BBN2") && r.result !== null && r.norm !== null).map((r): QualityResult => {
    const result = r.result as number;
    const norm = r.norm as number;
    return { duty: r, meets: r.normKind === "maximaal" ? result <= norm : result >= norm };
  });
  return { k2b, daysSinceLast, overdue: daysSinceLast !== null && daysSinceLast > K2B_MAX_GAP_DAYS, quality, ensia: rows.filter((r) => r.task === "ENSIA") };
}
