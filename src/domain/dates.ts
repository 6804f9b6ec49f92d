import type { CalendarDate } from "./types";

/** Days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function lastDayOfMonth(year: number, month: number): CalendarDate {
  return { year, month, day: daysInMonth(year, month) };
}

export function isoDate(d: CalendarDate): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(d.year, 4)}-${p(d.month, 2)}-${p(d.day, 2)}`;
}

/** Dutch d-m-jjjj notation, as users type it. */
export function dutchDate(d: CalendarDate): string {
  return `${d.day}-${d.month}-${d.year}`;
}

/** Excel serial date number (1900 date system, with Excel's 1900 leap-year quirk). */
export function toExcelSerial(d: CalendarDate): number {
  const ms = Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(1899, 11, 30);
  return Math.round(ms / 86400000);
}

export function fromExcelSerial(serial: number): CalendarDate {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  const dt = new Date(ms);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

export const MONTH_NAMES = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
] as const;

/** Short month names, as column headers. */
export const MONTH_SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;

const AMSTERDAM = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam", day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
});

/** A moment as Dutch local time (Europe/Amsterdam, summer time included): 29-11-2026 16:20, or with seconds. */
export function amsterdamTime(d: Date, seconds = false): string {
  const parts = AMSTERDAM.formatToParts(d);
  const part = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? "";
  return `${part("day")}-${part("month")}-${part("year")} ${part("hour")}:${part("minute")}${seconds ? `:${part("second")}` : ""}`;
}

/** The calendar day of a moment in the Netherlands, d-m-jjjj. */
export function amsterdamDay(d: Date): string {
  return amsterdamTime(d).split(" ")[0];
}
