/**
 * exceljs host: the input workbook template (WORKBOOK.md). All 12 input sheets in glossary order, each
 * with one Excel table named like the sheet, Dutch headers, drop-downs for the fixed lists, number and
 * date formats, column widths and a frozen header row. Salaristabel is pre-filled with the cao tables
 * that touch the year, Openingstijden with the SLA 2024 hours.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import cao from "../data/cao-gemeenten-salarisschalen.json";
import openingHours from "../data/openingstijden-sla2024.json";
import { SETTING_LABELS, SHEETS, type InputSheetKey } from "../domain/glossary";
import {
  COST_CATEGORIES, DECISIONS, ELECTION_PHASES, OCCUPANCY, PRIVACY_KINDS, QUALITATIVE_TOPICS, SERVICE_CODES, SICK_LEAVE_KINDS,
} from "../domain/types";
import { norm, type ColumnSpec } from "../input/table";
import { COLUMNS } from "../input/parse";
import { SETTING_SPECS, type SettingKey } from "../input/settings";

export type TemplateValue = string | number | Date | null;
export type TemplateRow = Record<string, TemplateValue>;

export interface TemplateOptions {
  year: number;
  /** data rows per sheet instead of the defaults; keys are the Dutch header names */
  rows?: Partial<Record<InputSheetKey, TemplateRow[]>>;
  /** Instellingen values instead of the defaults */
  settings?: Partial<Record<SettingKey, string | number>>;
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
const VALIDATION_LAST_ROW = 1000;

interface ColumnFormat {
  width: number;
  numFmt?: string;
  list?: readonly string[];
  wrap?: boolean;
}

const YES_NO = ["Ja", "Nee"] as const;
const TEXT = (width: number, wrap = false): ColumnFormat => ({ width, numFmt: FORMAT.text, wrap });
const LIST = (list: readonly string[], width: number): ColumnFormat => ({ width, list });
const MONTH: ColumnFormat = { width: 9 };
const COUNT = (width = 12): ColumnFormat => ({ width, numFmt: FORMAT.integer });
const DATE: ColumnFormat = { width: 13, numFmt: FORMAT.date };
const EURO: ColumnFormat = { width: 15, numFmt: FORMAT.euro };

type DataSheetKey = keyof typeof COLUMNS;

/** Per sheet, per column key (COLUMNS in input/parse.ts): width, format, drop-down list. */
const COLUMN_FORMATS: { [K in DataSheetKey]: Record<(typeof COLUMNS)[K][number]["key"], ColumnFormat> } = {
  salaryTable: { effective: DATE, scale: { width: 9 }, minimum: EURO, maximum: EURO },
  formation: {
    function: TEXT(42), service: LIST(SERVICE_CODES, 27), scale: { width: 9 }, fte: { width: 8, numFmt: FORMAT.fte },
    occupancy: LIST(OCCUPANCY, 12), note: TEXT(40, true),
  },
  ledger: { month: MONTH, category: LIST(COST_CATEGORIES, 28), amount: EURO, description: TEXT(40), caseId: TEXT(14) },
  sickLeave: {
    caseId: TEXT(14), service: LIST(SERVICE_CODES, 27), kind: LIST(SICK_LEAVE_KINDS, 9), start: DATE, end: DATE,
    fte: { width: 15, numFmt: FORMAT.fte }, expected: { width: 18, numFmt: FORMAT.euro }, decision: LIST(DECISIONS, 13),
    decisionDate: { ...DATE, width: 15 }, adviceRef: TEXT(20),
  },
  products: { month: MONTH, service: LIST(SERVICE_CODES, 27), product: TEXT(32), count: COUNT(10) },
  serviceMonths: {
    month: MONTH, slotsAvailable: COUNT(20), slotsOpen: COUNT(14), appointments: COUNT(11), walkIns: COUNT(13),
    callbacks: COUNT(19), callbacksOnTime: COUNT(26), requests: COUNT(11), requestsOnTime: COUNT(18), objections: COUNT(18), complaints: COUNT(10),
  },
  openingHours: { service: TEXT(34), day: TEXT(12), from: TEXT(8), to: TEXT(8) },
  qualitative: { topic: LIST(QUALITATIVE_TOPICS, 20), month: MONTH, text: TEXT(90, true) },
  selfEvaluation: { part: TEXT(24), score: { width: 9, numFmt: FORMAT.percent }, norm: { width: 9, numFmt: FORMAT.percent } },
  elections: {
    name: TEXT(30), date: DATE, phase: LIST(ELECTION_PHASES, 15), progress: TEXT(40, true), evaluation: TEXT(40, true),
    bottlenecks: TEXT(40, true), improvements: TEXT(40, true),
  },
  privacy: { month: MONTH, kind: LIST(PRIVACY_KINDS, 22), count: COUNT(9), reported: LIST(YES_NO, 15), note: TEXT(50, true) },
};

const SETTING_FORMATS: Record<string, string | undefined> = {
  integer: FORMAT.integer,
  fraction: FORMAT.percent2,
  euro: FORMAT.euro,
  text: undefined,
  sla: undefined,
};

interface CaoTable {
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

function defaultSalaryRows(year: number): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (const t of caoTablesForYear(year)) {
    for (const scale of cao.scales) {
      const max = t.maximum[scale];
      if (max === undefined) continue;
      rows.push({ Ingangsdatum: dateCell(t.effective), Schaal: scaleCell(scale), Minimum: t.minimum?.[scale] ?? null, Maximum: max });
    }
  }
  return rows;
}

function defaultOpeningHours(): TemplateRow[] {
  return openingHours.rows.map((r) => ({ Dienst: r.Dienst, Dag: r.Dag, Van: r.Van, Tot: r.Tot }));
}

function settingValue(key: SettingKey, opts: TemplateOptions): string | number | null {
  const given = opts.settings?.[key];
  if (given !== undefined) return given;
  if (key === "year") return opts.year;
  const d = SETTING_SPECS[key].default;
  return d === undefined ? null : d;
}

function defaultSettingRows(opts: TemplateOptions): TemplateRow[] {
  return (Object.keys(SETTING_LABELS) as SettingKey[]).map((key) => ({ Instelling: SETTING_LABELS[key], Waarde: settingValue(key, opts) }));
}

type ValidationTarget = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addListValidation(ws: ExcelJS.Worksheet, range: string, list: readonly string[]): void {
  (ws as unknown as ValidationTarget).dataValidations.add(range, {
    type: "list",
    allowBlank: true,
    formulae: [`"${list.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Ongeldige waarde",
    error: `Kies een waarde uit de lijst: ${list.join(", ")}.`.slice(0, 255),
  });
}

function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Order the given rows' values by the headers; an unknown key is a programming error. */
function tableRows(sheet: string, headers: readonly string[], rows: readonly TemplateRow[]): TemplateValue[][] {
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

function addInputTable(ws: ExcelJS.Worksheet, headers: readonly string[], rows: TemplateValue[][]): void {
  ws.addTable({
    name: ws.name,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    // The exceljs table API needs at least one data row.
    rows: rows.length > 0 ? rows : [headers.map(() => null)],
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.getRow(1).font = { bold: true };
}

function formatColumns(ws: ExcelJS.Worksheet, formats: readonly ColumnFormat[], lastRow: number): void {
  formats.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = f.width;
    if (f.numFmt) col.numFmt = f.numFmt;
    if (f.wrap) col.alignment = { wrapText: true, vertical: "top" };
    if (f.list) addListValidation(ws, `${columnLetters(i + 1)}2:${columnLetters(i + 1)}${lastRow}`, f.list);
  });
  // The header row keeps the general format.
  ws.getRow(1).eachCell((cell) => {
    cell.numFmt = "General";
  });
}

function buildSettingsSheet(wb: ExcelJS.Workbook, opts: TemplateOptions): void {
  const ws = wb.addWorksheet(SHEETS.settings);
  const headers = ["Instelling", "Waarde"];
  const rows = opts.rows?.settings ?? defaultSettingRows(opts);
  addInputTable(ws, headers, tableRows(SHEETS.settings, headers, rows));
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 24;
  ws.getColumn(2).alignment = { horizontal: "right" };
  const byLabel = new Map((Object.keys(SETTING_LABELS) as SettingKey[]).map((k) => [norm(SETTING_LABELS[k]), k]));
  rows.forEach((r, i) => {
    const label = Object.entries(r).find(([k]) => norm(k) === "instelling")?.[1];
    const key = typeof label === "string" ? byLabel.get(norm(label)) : undefined;
    if (!key) return;
    const cell = ws.getCell(i + 2, 2);
    const kind = SETTING_SPECS[key].kind;
    const fmt = SETTING_FORMATS[kind];
    if (fmt) cell.numFmt = fmt;
    if (kind === "text") cell.numFmt = FORMAT.text;
    if (kind === "sla") addListValidation(ws, cell.address, ["2023", "2024"]);
  });
}

function salaryNote(year: number): string {
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

function buildDataSheet(wb: ExcelJS.Workbook, key: DataSheetKey, opts: TemplateOptions): void {
  const name = SHEETS[key];
  const ws = wb.addWorksheet(name);
  const specs: readonly ColumnSpec[] = COLUMNS[key];
  const headers = specs.map((s) => s.header);
  const given = opts.rows?.[key];
  const rows = given ?? (key === "salaryTable" ? defaultSalaryRows(opts.year) : key === "openingHours" ? defaultOpeningHours() : []);
  const data = tableRows(name, headers, rows);
  addInputTable(ws, headers, data);
  const formats = COLUMN_FORMATS[key] as Record<string, ColumnFormat>;
  formatColumns(ws, specs.map((s) => formats[s.key] ?? { width: 14 }), Math.max(VALIDATION_LAST_ROW, data.length + 501));
  if (key === "salaryTable" && given === undefined) addSalaryNote(ws, headers.length + 2, opts.year);
}

/** A visible note beside the Salaristabel table (outside it, so readers ignore it). */
function addSalaryNote(ws: ExcelJS.Worksheet, col: number, year: number): void {
  ws.getColumn(col).width = 60;
  const title = ws.getCell(1, col);
  title.value = "Let op: afgeleide salaristabellen";
  title.font = { bold: true, color: { argb: "FF7F6000" } };
  ws.mergeCells(2, col, 16, col);
  const body = ws.getCell(2, col);
  body.value = salaryNote(year);
  body.alignment = { wrapText: true, vertical: "top" };
  body.font = { italic: true, color: { argb: "FF7F6000" } };
  body.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
}

/** The input workbook for `year`, optionally filled with `rows` and `settings`. */
export function buildInputWorkbook(opts: TemplateOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dvo-addendum";
  wb.title = `DVO Publieksdienst Twenterand - Ommen: invoer ${opts.year}`;
  for (const key of Object.keys(SHEETS) as InputSheetKey[]) {
    if (key === "settings") buildSettingsSheet(wb, opts);
    else buildDataSheet(wb, key, opts);
  }
  return wb;
}

/** Write the empty template for `year` to `path` (created or replaced). */
export async function writeTemplate(path: string, year: number): Promise<void> {
  const buf = await buildInputWorkbook({ year }).xlsx.writeBuffer();
  await fs.writeFile(path, Buffer.from(buf as ArrayBuffer));
}
