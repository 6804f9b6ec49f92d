/**
 * Reading one cell by the rules of docs/werkmapcontract.md ("Reading rules that hold everywhere"): numbers must be
 * numbers, dates are date cells, serials or d-m-jjjj / jjjj-mm-dd text, fixed lists are checked, and
 * every problem names the cell and says what to do.
 */
import { dutchDate, fromExcelSerial, isValidDate } from "../domain/dates";
import type { CalendarDate } from "../domain/types";
import { isBlank, isCellError, type CellError, type CellValue } from "./grid";

/** How a value was written in its cell; the report uses it to build the matching formula. */
export type ValueForm = "number" | "serial" | "text-dmy" | "text-ymd" | "text";

export type Read<T> = { ok: true; value: T; form: ValueForm } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** A number as a Dutch Excel shows it: decimal comma, no floating-point noise (0.1 + 0.2 → "0,3"), 1E+20 for huge ones. */
export function nl(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "geen getal" : n > 0 ? "oneindig" : "min oneindig";
  return String(Number(n.toPrecision(12))).replace(".", ",").replace("e", "E");
}

/** A whole number with Dutch thousands separators (1.000.000), for limits in messages. */
export function grouped(n: number): string {
  return n.toLocaleString("nl-NL", { maximumFractionDigits: 0 });
}

/** The most characters an Excel cell holds; longer text cannot be written back into a workbook. */
export const MAX_TEXT_LENGTH = 32767;

/**
 * Sane bounds per kind of number, far beyond any real value of this contract but well inside what sums of
 * 100,000 rows can carry without overflowing to infinity: a figure beyond one is a typing or export error.
 */
export const LIMITS = {
  /** an amount in euro (a booking, a budget, expected costs) */
  euro: 1e12,
  /** a monthly salary in euro (Salaristabel) */
  salary: 1e6,
  /** a count per month (products, requests, data breaches) */
  count: 1e7,
} as const;

/** The problem with a number beyond `limit` in size, or null. `what` names the kind of value ("een bedrag"). */
export function beyondLimit(x: number, limit: number, what: string, unit = ""): string | null {
  if (Math.abs(x) <= limit) return null;
  const bound = `${x > 0 ? "hoogstens " : "minstens -"}${grouped(limit)}${unit}`;
  return `${nl(x)} is onwaarschijnlijk ${x > 0 ? "groot" : "klein"}: ${what} is ${bound}. Controleer de cel (een te lange reeks cijfers, of een getal in wetenschappelijke notatie zoals 1E+308?).`;
}

/** The problem with text too long for an Excel cell, or null. */
export function tooLong(v: CellValue): string | null {
  if (typeof v !== "string" || v.length <= MAX_TEXT_LENGTH) return null;
  return `de tekst is ${grouped(v.length)} tekens lang; een Excel-cel bevat hoogstens ${grouped(MAX_TEXT_LENGTH)} tekens: kort de tekst in.`;
}

/** A cell value as a message quotes it: text in quotes (cut at 40 characters), numbers as Dutch Excel shows them. */
export function shown(v: CellValue): string {
  if (typeof v === "number") return nl(v);
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "een ongeldige datum" : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  return "een lege cel";
}

/** The problem with an error value (#REF!, #N/B, …) in an input cell. */
export function errorValueProblem(v: CellError): string {
  return `bevat de foutwaarde ${v.error}: herstel de formule of typ de waarde zelf in.`;
}

/** Problems common to every typed reader: error values and booleans. */
function commonProblem(v: CellValue, what: string): string | null {
  if (isCellError(v)) return errorValueProblem(v);
  const long = tooLong(v);
  if (long) return long;
  if (typeof v === "boolean") return `${v ? "WAAR" : "ONWAAR"} is geen ${what}: vul een ${what} in.`;
  return null;
}

export function readNumber(v: CellValue): Read<number> {
  const p = commonProblem(v, "getal");
  if (p) return fail(p);
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v, form: "number" } : fail("is geen geldig getal (oneindig of onbepaald): vul een getal in.");
  if (v instanceof Date) return fail(`${shown(v)} is een datum, geen getal: vul een getal in.`);
  return fail(`${shown(v)} is tekst, geen getal: typ het als getal (een cel die als tekst is opgemaakt telt niet mee).`);
}

export function readText(v: CellValue): Read<string> {
  if (isCellError(v)) return fail(`bevat de foutwaarde ${v.error}: herstel de formule of typ de tekst zelf in.`);
  const long = tooLong(v);
  if (long) return fail(long);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? fail("is geen geldige datum: typ de tekst zelf in.") : { ok: true, value: v.toISOString().slice(0, 10), form: "text" };
  if (v === null) return { ok: true, value: "", form: "text" };
  if (typeof v === "boolean") return { ok: true, value: v ? "WAAR" : "ONWAAR", form: "text" };
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: String(v), form: "text" } : fail("is geen geldig getal (oneindig of onbepaald): typ de tekst zelf in.");
  return { ok: true, value: v.trim(), form: "text" };
}

function dateFromDateObject(d: Date): CalendarDate {
  // Hosts give date cells as Date objects at UTC midnight of the calendar day.
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DMY = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date in this contract can fall in: those Jaar allows (docs/werkmapcontract.md). A date outside them is
 * nearly always a number typed into a date column (2025 as an Excel date is 17-7-1905), never a real date.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function outsideYears(d: CalendarDate, v: CellValue): string | null {
  if (d.year >= FIRST_YEAR && d.year <= LAST_YEAR) return null;
  if (typeof v === "number") {
    return `${shown(v)} is een getal, geen datum (als Excel-datum is het ${dutchDate(d)}): typ een datum als 1-4-2025 of 2025-04-01.`;
  }
  if (v instanceof Date) {
    return `${dutchDate(d)} ligt niet tussen ${FIRST_YEAR} en ${LAST_YEAR}: typ de volledige datum, zoals 1-4-2025 (een getal als 2025 in een datumcel wordt gelezen als een datum rond 1900).`;
  }
  return `${shown(v)} ligt niet tussen ${FIRST_YEAR} en ${LAST_YEAR}: controleer het jaar.`;
}

function inYears(d: CalendarDate, v: CellValue, form: ValueForm): Read<CalendarDate> {
  const p = outsideYears(d, v);
  return p === null ? { ok: true, value: d, form } : fail(p);
}

export function readDate(v: CellValue): Read<CalendarDate> {
  const p = commonProblem(v, "datum");
  if (p) return fail(p);
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail("is geen geldige datum.");
    return inYears(dateFromDateObject(v), v, "serial");
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v > 2958465) return fail(`${shown(v)} is geen datum: typ een datum als 1-4-2025 of 2025-04-01.`);
    return inYears(fromExcelSerial(v), v, "serial");
  }
  const t = String(v).trim();
  let m = DMY.exec(t);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidDate(y, mo, d)) return inYears({ year: y, month: mo, day: d }, v, "text-dmy");
    return fail(`${shown(v)} is geen bestaande datum: controleer dag en maand.`);
  }
  m = YMD.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidDate(y, mo, d)) return inYears({ year: y, month: mo, day: d }, v, "text-ymd");
    return fail(`${shown(v)} is geen bestaande datum: controleer dag en maand.`);
  }
  return fail(`${shown(v)} is geen datum: typ een datum als 1-4-2025 of 2025-04-01 (of gebruik een datumcel).`);
}

/**
 * `Maand`: 1–12, or a date in `year`. `year` is null when Jaar itself could not be read: month numbers
 * are still checked, but a date is not blamed for lying in another year (Jaar already has its own fout).
 */
export function readMonth(v: CellValue, year: number | null): Read<number> {
  const p = commonProblem(v, "maand");
  if (p) return fail(p);
  const inYear = year === null ? "het jaar van deze werkmap" : String(year);
  if (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 12) return { ok: true, value: v, form: "number" };
  if (typeof v === "number" && v > 12 && v < 367) return fail(`${nl(v)} is geen maand: vul 1 tot en met 12 in, of een datum in ${inYear}.`);
  if (typeof v === "number" && !Number.isInteger(v) && v < 367) return fail(`${nl(v)} is geen maand: vul een heel getal van 1 tot en met 12 in.`);
  if (typeof v === "number" && v < 1) return fail(`${nl(v)} is geen maand: vul 1 tot en met 12 in, of een datum in ${inYear}.`);
  if (typeof v === "string" && /^\s*\d{1,2}\s*$/.test(v)) {
    return fail(`${shown(v)} is tekst, geen getal: typ de maand als getal (1 tot en met 12).`);
  }
  const d = readDate(v);
  if (!d.ok) return fail(`${shown(v)} is geen maand: vul 1 tot en met 12 in, of een datum in ${inYear}.`);
  if (year !== null && d.value.year !== year) {
    return fail(`${shown(v)} ligt niet in ${year}, het jaar van deze werkmap: vul een datum in ${year} in, of het maandnummer (1 tot en met 12).`);
  }
  return { ok: true, value: d.value.month, form: d.form };
}

/** One of a fixed list, case- and whitespace-insensitive; returns the canonical spelling. */
export function readChoice<T extends string>(v: CellValue, allowed: readonly T[]): Read<T> {
  const p = commonProblem(v, "waarde uit de lijst");
  if (p) return fail(p);
  const t = String(v instanceof Date ? "" : v).trim().replace(/\s+/g, " ").toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === t);
  if (hit) return { ok: true, value: hit, form: "text" };
  return fail(`${shown(v)} is geen toegestane waarde: kies uit ${allowed.map((a) => `'${a}'`).join(", ")}.`);
}

/** A fraction 0 ≤ x ≤ 1 (a percentage cell); a whole number above 1 gets the hint it was meant as %. */
export function readFraction(v: CellValue): Read<number> {
  const n = readNumber(v);
  if (!n.ok) {
    if (typeof v === "string" && /^\s*-?\d+([.,]\d+)?\s*%\s*$/.test(v)) {
      return fail(`${shown(v)} is tekst, geen percentage: typ het als getal met %-opmaak (bijvoorbeeld 18%).`);
    }
    return n;
  }
  const x = n.value;
  if (x > 1) return fail(`${nl(x)} is meer dan 100%: bedoelt u ${nl(x)}%? Typ ${nl(x)}% (of ${nl(x / 100)}).`);
  if (x < 0) return fail(`${nl(x)} is negatief: vul een percentage tussen 0% en 100% in.`);
  return n;
}

export function isEmpty(v: CellValue): boolean {
  return isBlank(v);
}
