/**
 * Cao estimates (issue 12 §2): before the official Cao Gemeenten tables of a year exist, the budget is made
 * with an expected raise — `2027-07-01 +2,5%` or `2027-07-01 +€35` — applied to the latest table before
 * that date. The rows it gives are marked `raming` on the Salaristabel, beside `officieel` and `afgeleid`.
 */
import { compareDates, dutchDate, isValidDate } from "./dates";
import { round2, sig15 } from "./money";
import type { CalendarDate, SalaryStatus } from "./types";

export interface CaoRaise {
  effective: CalendarDate;
  kind: "percent" | "amount";
  /** a fraction (0.025) for percent, euros for amount */
  value: number;
  /** as the user wrote it, normalised: `1-7-2027 +2,5%` */
  label: string;
}

export interface TableRow {
  effective: CalendarDate;
  scale: string;
  minimum: number | null;
  maximum: number;
  /** null: the user's own figure, origin unknown */
  status: SalaryStatus | null;
}

function dateOf(s: string): CalendarDate | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m && isValidDate(+m[1], +m[2], +m[3])) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s);
  if (m && isValidDate(+m[3], +m[2], +m[1])) return { year: +m[3], month: +m[2], day: +m[1] };
  return null;
}

const nlNumber = (x: number) => String(Number(x.toPrecision(12))).replace(".", ",");

/**
 * Read `2027-07-01 +2,5%`, `1-7-2027 +2.5%`, `2027-07-01 +€35`, `2027-07-01 +35 euro`. A Dutch sentence when
 * it cannot be read.
 */
export function parseCaoRaise(text: string): { ok: true; raise: CaoRaise } | { ok: false; message: string } {
  const example = `schrijf bijvoorbeeld --cao "2027-07-01 +2,5%" of --cao "2027-07-01 +€35"`;
  const m = /^\s*(\S+)\s+\+\s*(€\s*)?(\d+(?:[.,]\d+)?)\s*(%|euro)?\s*$/i.exec(text);
  if (!m) return { ok: false, message: `'${text}' is geen cao-raming: ${example}.` };
  const effective = dateOf(m[1]);
  if (!effective) return { ok: false, message: `'${m[1]}' in '${text}' is geen datum: schrijf de ingangsdatum als jjjj-mm-dd of d-m-jjjj.` };
  const euro = m[2] !== undefined || (m[4] ?? "").toLowerCase() === "euro";
  const percent = m[4] === "%";
  if (euro === percent) return { ok: false, message: `'${text}': geef de verhoging als percentage (+2,5%) of als bedrag per maand (+€35), niet allebei en niet geen van beide.` };
  const n = Number(m[3].replace(",", "."));
  if (!Number.isFinite(n) || n <= 0) return { ok: false, message: `'${text}': de verhoging moet groter dan 0 zijn.` };
  if (percent && n > 25) return { ok: false, message: `'${text}': een cao-verhoging van meer dan 25% is onwaarschijnlijk; controleer het percentage.` };
  if (euro && n > 2000) return { ok: false, message: `'${text}': een verhoging van meer dan € 2.000 per maand is onwaarschijnlijk; controleer het bedrag.` };
  const label = `${dutchDate(effective)} +${percent ? `${nlNumber(n)}%` : `€ ${nlNumber(n)}`}`;
  return { ok: true, raise: { effective, kind: percent ? "percent" : "amount", value: percent ? n / 100 : n, label } };
}

/**
 * Apply one raise: per scale, the row in force the day before the raise (the latest Ingangsdatum before it)
 * raised — a percentage rounded to whole euros, as the derived tables are; an amount added as it is. A
 * scale that already has a row on that date is left alone (the user's or the official table wins).
 */
export function applyCaoRaise(rows: readonly TableRow[], raise: CaoRaise): TableRow[] {
  const latest = new Map<string, TableRow>();
  const taken = new Set<string>();
  for (const r of rows) {
    const c = compareDates(r.effective, raise.effective);
    if (c === 0) taken.add(r.scale);
    if (c >= 0) continue;
    const best = latest.get(r.scale);
    if (!best || compareDates(r.effective, best.effective) > 0) latest.set(r.scale, r);
  }
  // half away from zero on the value a spreadsheet shows (3.100 × 1,025 = 3.177,5 → 3.178, not 3.177,4999…)
  const up = (x: number) => (raise.kind === "percent" ? Math.round(sig15(x * (1 + raise.value))) : round2(x + raise.value));
  const out: TableRow[] = [];
  for (const [scale, r] of latest) {
    if (taken.has(scale)) continue;
    out.push({ effective: raise.effective, scale, minimum: r.minimum === null ? null : up(r.minimum), maximum: up(r.maximum), status: "raming" });
  }
  return out;
}

/** Every raise in date order, each on top of the rows before it (an estimate can build on an estimate). */
export function applyCaoRaises(rows: readonly TableRow[], raises: readonly CaoRaise[]): TableRow[] {
  let all = [...rows];
  const added: TableRow[] = [];
  for (const r of [...raises].sort((a, b) => compareDates(a.effective, b.effective))) {
    const more = applyCaoRaise(all, r);
    added.push(...more);
    all = [...all, ...more];
  }
  return added;
}
