/**
 * The input workbook template (docs/werkmapcontract.md), host-neutral: for each of the 13 input sheets its Dutch
 * headers, data rows, column widths, number formats and drop-down lists. Salaristabel is pre-filled with
 * the cao tables that touch the year, Openingstijden with the SLA 2024 hours. The exceljs host
 * (xlsx/template.ts) and the Office.js host (office/template.ts) render it.
 */
import cao from "../data/cao-gemeenten-salarisschalen.json";
import openingHours from "../data/openingstijden-sla2024.json";
import { SETTING_LABELS, SHEETS, type InputSheetKey } from "../domain/glossary";
import {
  ADVICE_NOTE_DECISIONS, COVERAGES, DECISIONS, DUTY_TASKS, LEDGER_CATEGORIES, NORM_KINDS, NOTE_KINDS, ELECTION_PHASES, OCCUPANCY, PRIVACY_KINDS, QUALITATIVE_TOPICS, SALARY_STATUSES, SERVICE_CODES, SICK_LEAVE_KINDS,
} from "../domain/types";
import { applyCaoRaises, type CaoRaise, type TableRow } from "../domain/cao";
import { isoDate } from "../domain/dates";
import { slaVersionForYear } from "../domain/sla";
import { COLUMNS, REESTIMATE } from "./columns";
import { SETTING_SPECS, type SettingKey } from "./settings";
import { norm, type ColumnSpec } from "./table";

export type TemplateValue = string | number | Date | null;
export type TemplateRow = Record<string, TemplateValue>;

export interface TemplateOptions {
  year: number;
  /** data rows per sheet instead of the defaults; keys are the Dutch header names */
  rows?: Partial<Record<InputSheetKey, TemplateRow[]>>;
  /** Instellingen values instead of the defaults */
  settings?: Partial<Record<SettingKey, string | number>>;
  /** expected cao raises: `raming` rows added to the default Salaristabel */
  caoRaises?: readonly CaoRaise[];
}

export const FORMAT = {
  date: "d-m-yyyy",
  euro: '"€" #,##0.00',
  percent: "0%",
  percent2: "0.00%",
  integer: "0",
  fte: "0.00",
  text: "@",
} as const;

/** Data validations and formats reach this row at least (tables grow when users type below them). */
export const VALIDATION_LAST_ROW = 1000;

export interface ColumnFormat {
  width: number;
  numFmt?: string;
  list?: readonly string[];
  wrap?: boolean;
}

export const YES_NO = ["Ja", "Nee"] as const;
const TEXT = (width: number, wrap = false): ColumnFormat => ({ width, numFmt: FORMAT.text, wrap });
const LIST = (list: readonly string[], width: number): ColumnFormat => ({ width, list });
const MONTH: ColumnFormat = { width: 9 };
const COUNT = (width = 12): ColumnFormat => ({ width, numFmt: FORMAT.integer });
const DATE: ColumnFormat = { width: 13, numFmt: FORMAT.date };
const EURO: ColumnFormat = { width: 15, numFmt: FORMAT.euro };

export type DataSheetKey = keyof typeof COLUMNS;

/** Per sheet, per column key (COLUMNS in input/columns.ts): width, format, drop-down list. */
export const COLUMN_FORMATS: { [K in DataSheetKey]: Record<(typeof COLUMNS)[K][number]["key"], ColumnFormat> } = {
  salaryTable: { effective: DATE, scale: { width: 9 }, minimum: EURO, maximum: EURO, status: LIST(SALARY_STATUSES, 11) },
  formation: {
    function: TEXT(42), service: LIST(SERVICE_CODES, 27), scale: { width: 9 }, fte: { width: 8, numFmt: FORMAT.fte },
    occupancy: LIST(OCCUPANCY, 12), note: TEXT(40, true), changeDate: { ...DATE, width: 15 }, fteAfterChange: { width: 17, numFmt: FORMAT.fte }, coverage: LIST(COVERAGES, 11),
  },
  ledger: { month: MONTH, category: LIST(LEDGER_CATEGORIES, 28), amount: EURO, description: TEXT(40), caseId: TEXT(14), election: TEXT(30) },
  sickLeave: {
    caseId: TEXT(14), service: LIST(SERVICE_CODES, 27), kind: LIST(SICK_LEAVE_KINDS, 9), start: DATE, end: DATE,
    fte: { width: 15, numFmt: FORMAT.fte }, expected: { width: 18, numFmt: FORMAT.euro }, decision: LIST(DECISIONS, 13),
    decisionDate: { ...DATE, width: 15 }, adviceRef: TEXT(20), alternatives: LIST(YES_NO, 13), noteDecision: LIST(ADVICE_NOTE_DECISIONS, 13), reestimate: LIST(REESTIMATE, 15),
  },
  products: { month: MONTH, service: LIST(SERVICE_CODES, 27), product: TEXT(32), count: COUNT(10), onTime: COUNT(15), waiting: COUNT(12) },
  serviceMonths: {
    month: MONTH, slotsAvailable: COUNT(20), slotsOpen: COUNT(14), appointments: COUNT(11), walkIns: COUNT(13),
    callbacks: COUNT(19), callbacksOnTime: COUNT(26), requests: COUNT(11), requestsOnTime: COUNT(18), objections: COUNT(18), complaints: COUNT(10),
    walkInsOutside: COUNT(20),
  },
  openingHours: { service: TEXT(34), day: TEXT(12), from: TEXT(8), to: TEXT(8) },
  qualitative: { topic: LIST(QUALITATIVE_TOPICS, 24), month: MONTH, text: TEXT(90, true), service: LIST(SERVICE_CODES, 27), kind: LIST(NOTE_KINDS, 26) },
  selfEvaluation: { part: TEXT(24), score: { width: 9, numFmt: FORMAT.percent }, norm: { width: 9, numFmt: FORMAT.percent } },
  elections: {
    name: TEXT(30), date: DATE, phase: LIST(ELECTION_PHASES, 15), progress: TEXT(40, true), evaluation: TEXT(40, true),
    bottlenecks: TEXT(40, true), improvements: TEXT(40, true), countCorrect: LIST(YES_NO, 15),
  },
  privacy: { month: MONTH, kind: LIST(PRIVACY_KINDS, 22), count: COUNT(9), reported: LIST(YES_NO, 15), note: TEXT(50, true) },
  duties: {
    task: LIST(DUTY_TASKS, 14), date: DATE, part: TEXT(24), result: { width: 11, numFmt: FORMAT.percent2 }, norm: { width: 11, numFmt: FORMAT.percent2 },
    normKind: LIST(NORM_KINDS, 11), done: LIST(YES_NO, 9), note: TEXT(40, true),
  },
  ledgerMap: { account: TEXT(14), costCentre: TEXT(14), category: LIST(LEDGER_CATEGORIES, 28), description: TEXT(40) },
};

export const SETTING_FORMATS: Record<string, string | undefined> = {
  integer: FORMAT.integer,
  fraction: FORMAT.percent2,
  euro: FORMAT.euro,
  text: undefined,
  sla: undefined,
  choice: undefined,
};

export interface CaoTable {
  effective: string;
  status: string;
  maximum: Record<string, number>;
  minimum?: Record<string, number | null>;
}

/** A calendar date as a date cell value: UTC midnight of that day. */
export function dateCell(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A scale label as users type it: digits as a number, `10A` as text. */
function scaleCell(label: string): string | number {
  return /^\d+$/.test(label) ? Number(label) : label;
}

/** Tables of the cao json that touch `year`: every one effective in the year, and the last one before it. */
export function caoTablesForYear(year: number): CaoTable[] {
  const tables = (cao.tables as CaoTable[]).slice().sort((a, b) => a.effective.localeCompare(b.effective));
  const start = `${year}-01-01`;
  const before = tables.filter((t) => t.effective < start);
  const within = tables.filter((t) => t.effective >= start && t.effective <= `${year}-12-31`);
  return [...before.slice(-1), ...within];
}

/** The Status of a bundled table as the Salaristabel shows it. */
export function bundledStatus(t: { status: string }): "officieel" | "afgeleid" {
  return t.status === "official" ? "officieel" : "afgeleid";
}

/** Salaristabel rows as template rows, in date then scale order (scales in the bundled order). */
export function salaryTemplateRows(rows: readonly TableRow[]): TemplateRow[] {
  const order = new Map(cao.scales.map((s, i) => [s, i]));
  return [...rows]
    .sort((a, b) => isoDate(a.effective).localeCompare(isoDate(b.effective)) || (order.get(a.scale) ?? 99) - (order.get(b.scale) ?? 99) || a.scale.localeCompare(b.scale))
    .map((r) => ({ Ingangsdatum: dateCell(isoDate(r.effective)), Schaal: scaleCell(r.scale), Minimum: r.minimum, Maximum: r.maximum, Status: r.status }));
}

/** The bundled tables as rows with their status. */
export function bundledTableRows(tables: readonly CaoTable[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const t of tables) {
    const [y, m, d] = t.effective.split("-").map(Number);
    for (const scale of cao.scales) {
      const max = t.maximum[scale];
      if (max === undefined) continue;
      rows.push({ effective: { year: y, month: m, day: d }, scale, minimum: t.minimum?.[scale] ?? null, maximum: max, status: bundledStatus(t) });
    }
  }
  return rows;
}

export function defaultSalaryRows(year: number, raises: readonly CaoRaise[] = []): TemplateRow[] {
  const rows = bundledTableRows(caoTablesForYear(year));
  return salaryTemplateRows([...rows, ...applyCaoRaises(rows, raises)]);
}

export function defaultOpeningHours(): TemplateRow[] {
  return openingHours.rows.map((r) => ({ Dienst: r.Dienst, Dag: r.Dag, Van: r.Van, Tot: r.Tot }));
}

function settingValue(key: SettingKey, opts: TemplateOptions): string | number | null {
  const given = opts.settings?.[key];
  if (given !== undefined) return Array.isArray(given) ? given.join(", ") || null : given;
  if (key === "year") return opts.year;
  if (key === "slaVersion") return slaVersionForYear(opts.year);
  const d = SETTING_SPECS[key].default;
  return d === undefined || d === "" ? null : d;
}

export function defaultSettingRows(opts: TemplateOptions): TemplateRow[] {
  return (Object.keys(SETTING_LABELS) as SettingKey[]).map((key) => ({ Instelling: SETTING_LABELS[key], Waarde: settingValue(key, opts) }));
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Order the given rows' values by the headers; an unknown key is a programming error. */
export function tableRows(sheet: string, headers: readonly string[], rows: readonly TemplateRow[]): TemplateValue[][] {
  const index = new Map(headers.map((h, i) => [norm(h), i]));
  return rows.map((r) => {
    const out: TemplateValue[] = headers.map(() => null);
    for (const [k, v] of Object.entries(r)) {
      const i = index.get(norm(k));
      if (i === undefined) throw new Error(`buildInputWorkbook: unknown column '${k}' for sheet ${sheet} (known: ${headers.join(", ")})`);
      out[i] = v;
    }
    return out;
  });
}

export function salaryNote(year: number): string {
  const tables = caoTablesForYear(year);
  const derived = tables.filter((t) => t.status !== "official").map((t) => dutchIso(t.effective));
  const official = tables.filter((t) => t.status === "official").map((t) => dutchIso(t.effective));
  const parts = [
    `Let op: deze salaristabellen (maximum en minimum per maand, voltijd, zonder IKB) zijn vooraf ingevuld en mogen worden aangepast.`,
    derived.length > 0
      ? `De tabellen per ${derived.join(", ")} zijn afgeleid, niet officieel: de officiële tabel per 1-7-2020 (CAR-UWO bijlage IIa) met elke cao-verhoging daarna toegepast en afgerond op hele euro's; verschillen van € 1 à € 2 met de officiële tabellen (Cao Gemeenten art. 3.3) zijn mogelijk, en de minima van de schalen 1–4 zijn onbetrouwbaar.`
      : "",
    official.length > 0 ? `Officieel (CAR-UWO bijlage IIa): ${official.join(", ")}.` : "",
    `Controleer de bedragen met de geldende cao en pas ze zo nodig aan; voeg een regel toe voor elke schaal per ingangsdatum.`,
  ];
  return parts.filter((p) => p !== "").join(" ");
}

function dutchIso(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}-${m}-${y}`;
}


export interface TemplateSheet {
  key: InputSheetKey;
  name: string;
  headers: string[];
  rows: TemplateValue[][];
  columns: ColumnFormat[];
  /** Instellingen only: per data row, the number format and drop-down list of its Waarde cell */
  settingCells?: Array<{ numFmt?: string; list?: readonly string[] }>;
  /** a visible note beside the table (outside it, so readers ignore it) */
  note?: { title: string; text: string };
  /** last row that drop-downs and formats reach */
  lastRow: number;
}

function settingsSheet(opts: TemplateOptions): TemplateSheet {
  const headers = ["Instelling", "Waarde"];
  const rows = opts.rows?.settings ?? defaultSettingRows(opts);
  const byLabel = new Map((Object.keys(SETTING_LABELS) as SettingKey[]).map((k) => [norm(SETTING_LABELS[k]), k]));
  const settingCells = rows.map((r) => {
    const label = Object.entries(r).find(([k]) => norm(k) === "instelling")?.[1];
    const key = typeof label === "string" ? byLabel.get(norm(label)) : undefined;
    if (!key) return {};
    const kind = SETTING_SPECS[key].kind;
    return { numFmt: kind === "text" ? FORMAT.text : SETTING_FORMATS[kind], list: kind === "sla" ? ["2023", "2024"] : SETTING_SPECS[key].options };
  });
  return {
    key: "settings", name: SHEETS.settings, headers, rows: tableRows(SHEETS.settings, headers, rows),
    columns: [{ width: 36 }, { width: 24 }], settingCells, lastRow: rows.length + 1,
  };
}

function dataSheet(key: DataSheetKey, opts: TemplateOptions): TemplateSheet {
  const name = SHEETS[key];
  const specs: readonly ColumnSpec[] = COLUMNS[key];
  const headers = specs.map((s) => s.header);
  const given = opts.rows?.[key];
  const rows = given ?? (key === "salaryTable" ? defaultSalaryRows(opts.year, opts.caoRaises) : key === "openingHours" ? defaultOpeningHours() : []);
  const data = tableRows(name, headers, rows);
  const formats = COLUMN_FORMATS[key] as Record<string, ColumnFormat>;
  return {
    key, name, headers, rows: data,
    columns: specs.map((s) => formats[s.key] ?? { width: 14 }),
    note: key === "salaryTable" && given === undefined ? { title: "Let op: afgeleide salaristabellen", text: salaryNote(opts.year) } : undefined,
    lastRow: Math.max(VALIDATION_LAST_ROW, data.length + 501),
  };
}

/** All 13 input sheets in glossary order. */
export function templateSheets(opts: TemplateOptions): TemplateSheet[] {
  return (Object.keys(SHEETS) as InputSheetKey[]).map((key) => (key === "settings" ? settingsSheet(opts) : dataSheet(key as DataSheetKey, opts)));
}
