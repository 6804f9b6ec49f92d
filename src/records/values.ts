/**
 * Before and after in the Logboek (docs/architecture.md, "The records codec"): the snapshot keeps, beside
 * its row hashes, the values of what the addendum depends on — Instellingen, the Salaristabel and the
 * Formatie, as read by the contract, so every host stores the same text — and, for the data sheets, only
 * their totals per month. The next build names each change with its old and new value ("Formatie rij 3,
 * Fte: 1,50 → 1,60"; "Salaristabel 1-10-2026 schaal 8 toegevoegd"), and per data sheet the months whose
 * total moved. A ledger of a million rows adds twelve numbers, not a million values.
 *
 * The entries live under keys that start with '#', which the row diff skips; a snapshot written before
 * them has none, and the Logboek then says which rows changed, as it did.
 */
import { dutchDate, MONTH_NAMES } from "../domain/dates";
import { SETTING_LABELS, SHEETS } from "../domain/glossary";
import type { Inputs } from "../domain/types";
import { SETTING_SPECS, type SettingKey } from "../input/settings";
import { describeChanges, type SheetChanges, type Snapshot } from "./snapshot";

const VALUES = "#waarden:";
const MONTHS = "#maanden:";
/** A stored value starts with this, so it is never taken for a 16-digit row hash (snapshotRows runs those together). */
const TAG = "j:";

const nl = (n: number, min: number, max: number) => n.toLocaleString("nl-NL", { minimumFractionDigits: min, maximumFractionDigits: max });
const euro = (n: number) => `€ ${nl(n, 2, 2)}`;
const percent = (n: number) => `${nl(n * 100, 0, 4)}%`;
const fte = (n: number) => nl(n, 2, 4);
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

function encode(v: unknown): string {
  const s = TAG + JSON.stringify(v);
  return s.length === 16 ? `${TAG}${s}` : s;
}

function decode(s: string): unknown {
  if (!s.startsWith(TAG)) return null;
  try {
    return JSON.parse(s.replace(/^(j:)+/, ""));
  } catch {
    return null;
  }
}

/** A sheet's rows as stored: field names under key 0, then per sheet row [identity, ...values]. */
function table(headers: string[], rows: Array<{ row: number; id: string; values: string[] }>): Map<number, string> {
  const m = new Map<number, string>([[0, encode(headers)]]);
  for (const r of rows) m.set(r.row, encode([r.id, ...r.values]));
  return m;
}

function settingText(key: SettingKey, v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "number") return clip(String(v));
  const kind = SETTING_SPECS[key].kind;
  return kind === "fraction" ? percent(v) : kind === "euro" ? euro(v) : String(v);
}

/** Totals per month of a data sheet: month → total, rounded to cents. */
function perMonth(rows: ReadonlyArray<{ month: number }>, value: (r: never) => number): Map<number, string> {
  const t = new Map<number, number>();
  for (const r of rows) t.set(r.month, (t.get(r.month) ?? 0) + value(r as never));
  return new Map([...t].sort((a, b) => a[0] - b[0]).map(([m, x]) => [m, encode(Math.round(x * 100) / 100)]));
}

/** The value entries of the snapshot: what the addendum depends on, and the data sheets' totals per month. */
export function valueEntries(inputs: Inputs): Snapshot {
  const s: Snapshot = new Map();
  const settings = inputs.settings as unknown as Record<SettingKey, unknown>;
  s.set(VALUES + SHEETS.settings, table(["Waarde"], (Object.keys(SETTING_LABELS) as SettingKey[]).map((k, i) => ({ row: i + 1, id: SETTING_LABELS[k], values: [settingText(k, settings[k])] }))));
  s.set(VALUES + SHEETS.salaryTable, table(["Minimum", "Maximum", "Status"], inputs.salaryTable.map((r) => ({
    row: r.row, id: `${dutchDate(r.effective)} schaal ${r.scale}`, values: [r.minimum === null ? "" : euro(r.minimum), euro(r.maximum), r.status ?? ""],
  }))));
  s.set(VALUES + SHEETS.formation, table(["Functie", "Pakket", "Schaal", "Fte", "Bezetting"], inputs.formation.map((f) => ({
    row: f.row, id: `rij ${f.row}`, values: [clip(f.functionName), f.service, f.scale, fte(f.fte), f.occupancy ?? ""],
  }))));
  s.set(MONTHS + SHEETS.ledger, perMonth(inputs.ledger, (r: { amount: number }) => r.amount));
  if (inputs.products) s.set(MONTHS + SHEETS.products, perMonth(inputs.products, (r: { count: number }) => r.count));
  if (inputs.privacy) s.set(MONTHS + SHEETS.privacy, perMonth(inputs.privacy, (r: { count: number }) => r.count));
  return s;
}

/** The snapshot with the value entries added. */
export function withValues(snapshot: Snapshot, values: Snapshot): Snapshot {
  return new Map([...snapshot, ...values]);
}

interface Row { id: string; values: string[] }

function rowsOf(m: ReadonlyMap<number, string> | undefined): { headers: string[]; rows: Row[] } | null {
  const headers = decode(m?.get(0) ?? "");
  if (!m || !Array.isArray(headers)) return null;
  const rows: Row[] = [];
  for (const [k, v] of m) {
    const d = decode(v);
    if (k === 0 || !Array.isArray(d)) continue;
    rows.push({ id: String(d[0]), values: d.slice(1).map(String) });
  }
  return { headers: headers.map(String), rows };
}

const shown = (v: string) => (v === "" ? "(leeg)" : v);

/** Each change of a value sheet, old and new value named; rows that only moved are no change. */
function valueChanges(sheet: string, before: { headers: string[]; rows: Row[] }, after: { headers: string[]; rows: Row[] }): string[] {
  const byRow = sheet === SHEETS.formation;
  let a = before.rows;
  let b = after.rows;
  if (byRow) {
    // a row inserted above others moves them: rows with the same values somewhere else are not changed
    const left = new Map<string, number>();
    for (const r of a) left.set(r.values.join("\u0000"), (left.get(r.values.join("\u0000")) ?? 0) + 1);
    const same = new Map<string, number>();
    b = b.filter((r) => {
      const k = r.values.join("\u0000");
      if ((left.get(k) ?? 0) === 0) return true;
      left.set(k, (left.get(k) ?? 0) - 1);
      same.set(k, (same.get(k) ?? 0) + 1);
      return false;
    });
    a = a.filter((r) => {
      const k = r.values.join("\u0000");
      if ((same.get(k) ?? 0) === 0) return true;
      same.set(k, (same.get(k) ?? 0) - 1);
      return false;
    });
  }
  const old = new Map(a.map((r) => [r.id, r]));
  const now = new Map(b.map((r) => [r.id, r]));
  const out: string[] = [];
  const fields = (r: Row) => r.values.map((v, i) => (v === "" ? "" : `${after.headers[i] ?? before.headers[i]} ${v}`)).filter(Boolean).join(", ");
  const single = after.headers.length === 1;
  for (const r of b) {
    const o = old.get(r.id);
    if (!o) {
      out.push(`${sheet} ${r.id} toegevoegd${byRow ? ` (${fields(r)})` : ""}`);
      continue;
    }
    r.values.forEach((v, i) => {
      if (v !== (o.values[i] ?? "")) out.push(`${sheet} ${r.id}${single ? "" : `, ${after.headers[i]}`}: ${shown(o.values[i] ?? "")} → ${shown(v)}`);
    });
  }
  for (const o of a) if (!now.has(o.id)) out.push(`${sheet} ${o.id} verwijderd${byRow ? ` (${fields(o)})` : ""}`);
  return out;
}

/** The months whose total of a data sheet changed, before → after. */
function monthChanges(sheet: string, before: ReadonlyMap<number, string>, after: ReadonlyMap<number, string>): string {
  const money = sheet === SHEETS.ledger;
  const parts: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const x = Number(decode(before.get(m) ?? "") ?? 0);
    const y = Number(decode(after.get(m) ?? "") ?? 0);
    if (x !== y) parts.push(`${MONTH_NAMES[m - 1]} ${money ? euro(x) : nl(x, 0, 2)} → ${money ? euro(y) : nl(y, 0, 2)}`);
  }
  return parts.length === 0 ? "" : `totaal per maand: ${parts.join(", ")}`;
}

/** Changes listed in one Logboek cell at most; the rest is counted. */
const MAX_LISTED = 40;

/**
 * What changed since the last build, for the Logboek: per value sheet each change with its old and new
 * value, per data sheet the rows and the months whose total moved; the row numbers (describeChanges) where
 * the last snapshot kept no values. `addendum` is the part about the addendum's own inputs.
 */
export function describeBuildChanges(before: Snapshot | null, after: Snapshot, changes: SheetChanges[]): { all: string; addendum: string } {
  if (before === null) return { all: describeChanges(before, changes), addendum: "" };
  const items: string[] = [];
  const addendum: string[] = [];
  const done = new Set<string>();
  for (const sheet of [SHEETS.settings, SHEETS.salaryTable, SHEETS.formation]) {
    const a = rowsOf(before.get(VALUES + sheet));
    const b = rowsOf(after.get(VALUES + sheet));
    if (!a || !b) continue;
    const listed = valueChanges(sheet, a, b);
    if (listed.length === 0) continue;
    done.add(sheet);
    addendum.push(...listed);
  }
  const list = (xs: string[]) => (xs.length > MAX_LISTED ? [...xs.slice(0, MAX_LISTED), `… en ${xs.length - MAX_LISTED} andere wijzigingen`] : xs);
  items.push(...list(addendum));
  for (const c of changes) {
    if (done.has(c.sheet)) continue;
    const rowsText = describeChanges(before, [c]);
    const a = before.get(MONTHS + c.sheet);
    const b = after.get(MONTHS + c.sheet);
    const months = a && b ? monthChanges(c.sheet, a, b) : "";
    items.push(months ? `${rowsText}; ${months}` : rowsText);
  }
  return { all: items.length === 0 ? describeChanges(before, []) : items.join("; "), addendum: list(addendum).join("; ") };
}
