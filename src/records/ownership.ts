/**
 * Which sheets of a workbook are the add-in's, decided once for both hosts (office/ and xlsx/, which only
 * move rows in and out of sheets): the names of the record sheets, the marker sheet `_dvo_addendum` that
 * lists the report sheets a build made (its rows as data, and reading them back), the names old report
 * sheets are parked under while a build runs, and what a rebuild may replace. Anything else is the user's
 * and is never written (docs/werkmapcontract.md, "Bladen van de add-in zelf").
 */
import { SHEETS } from "../domain/glossary";
import type { CellValue, WorkbookGrids } from "../input/grid";
import { norm } from "../input/table";

/** The very hidden marker sheet: what made the report, and which report sheets are ours. */
export const MARKER_SHEET = "_dvo_addendum";
/** The very hidden sign-off record (records/signoff.ts). */
export const SIGNOFF_SHEET = "_dvo_ondertekening";
/** The very hidden snapshot of the input rows (records/snapshot.ts). */
export const SNAPSHOT_SHEET = "_dvo_momentopname";
/** The hidden audit log (records/log.ts). */
export const LOG_SHEET = "Logboek";
/** Prefix of every sheet name the add-in keeps for itself (the hidden records, parked sheets). */
export const OWN_PREFIX = "_dvo";
/** Old report sheets are parked under this prefix (`_dvo_oud_1`, …) while a build puts the new ones in place. */
export const PARKED_PREFIX = "_dvo_oud_";
/** A report sheet being written by the Excel host before it replaces the old one in place (src/office/write.ts). */
export const STAGING_PREFIX = "_dvo_nieuw_";
/** Column A of a marker row that names a report sheet. */
export const REPORT_SHEET_KIND = "rapportblad";

/** The very hidden record sheets a host reads as `meta`. */
export const HIDDEN_RECORD_SHEETS = [MARKER_SHEET, SIGNOFF_SHEET, SNAPSHOT_SHEET] as const;

const lower = (s: string) => s.toLowerCase();
const INPUT_NAMES = new Set(Object.values(SHEETS).map(norm));

/** What made the report, as the plan states it (report/plan.ts, `WorkbookPlan.marker`). */
export interface ReportMarker {
  product: string;
  version: string;
  fingerprint: string;
  builtAt: string;
  reportMonth: number;
}

/** A report sheet as the marker records it: its name and, where the host has one (Excel), its sheet id. */
export interface RecordedSheet {
  name: string;
  id: string;
}

/** The marker sheet's rows: what made the report, then one `rapportblad` row per report sheet (with its id when given). */
export function markerRows(marker: ReportMarker, sheets: ReadonlyArray<{ name: string; id?: string }>): (string | number)[][] {
  return [
    ["product", marker.product],
    ["versie", marker.version],
    ["vingerafdruk", marker.fingerprint],
    ["gemaakt", marker.builtAt],
    ["rapportagemaand", marker.reportMonth],
    ...sheets.map((s) => (s.id === undefined ? [REPORT_SHEET_KIND, s.name] : [REPORT_SHEET_KIND, s.name, s.id])),
  ];
}

/** The marker sheet's rows among the record sheets a host read (`meta`), by name in any case. */
export function markerRowsOf(meta: Record<string, CellValue[][]> | undefined): CellValue[][] | undefined {
  return Object.entries(meta ?? {}).find(([n]) => lower(n) === MARKER_SHEET)?.[1];
}

/**
 * The report sheets the marker lists. An input sheet's name is never one of them, whatever the marker says:
 * an input sheet is never replaced.
 */
export function recordedReportSheets(rows: CellValue[][] | undefined): RecordedSheet[] {
  const out: RecordedSheet[] = [];
  for (const [kind, name, id] of rows ?? []) {
    if (typeof kind !== "string" || lower(kind.trim()) !== REPORT_SHEET_KIND || typeof name !== "string" || name.trim() === "") continue;
    if (INPUT_NAMES.has(norm(name))) continue;
    out.push({ name: name.trim(), id: typeof id === "string" ? id : "" });
  }
  return out;
}

/**
 * The sheets of `sheets` that are the report sheets the marker recorded: by name and by sheet id. When no
 * recorded id matches any sheet (a marker the file host wrote, or ids that did not survive), the name alone
 * decides, as before ids were recorded.
 */
export function ownReportSheets<T extends { name: string; id?: string }>(recorded: readonly RecordedSheet[], sheets: readonly T[]): T[] {
  const idsMatch = recorded.some((r) => r.id !== "" && sheets.some((s) => s.id === r.id));
  return sheets.filter((s) => !INPUT_NAMES.has(norm(s.name)) && recorded.some((r) => lower(r.name) === lower(s.name) && (!idsMatch || r.id === s.id)));
}

/** A very hidden sheet with the add-in's prefix: one of its records, handed to the engine as `meta`, never read as input. */
export function isHiddenRecordSheet(name: string, state: string): boolean {
  return state === "veryHidden" && lower(name).startsWith(OWN_PREFIX);
}

/** A sheet the add-in keeps for itself besides the report: its records, the Logboek, a parked sheet. */
export function isRecordSheet(name: string): boolean {
  const n = lower(name);
  return n.startsWith(OWN_PREFIX) || n === lower(LOG_SHEET);
}

/** An old report sheet parked by a build (removed by the next build if one that broke off left it). */
export function isParkedSheet(name: string): boolean {
  return lower(name).startsWith(PARKED_PREFIX);
}

/** A sheet a build that broke off left behind: parked, or staged by the Excel host (removed by the next build). */
export function isLeftoverSheet(name: string): boolean {
  return isParkedSheet(name) || lower(name).startsWith(STAGING_PREFIX);
}

/** The names of the sheets that are not ours: the inputs and the user's own (`reportSheets`: the recorded report sheets). */
export function otherSheets(names: readonly string[], reportSheets: readonly string[]): string[] {
  const report = new Set(reportSheets.map(lower));
  return names.filter((n) => !isRecordSheet(n) && !report.has(lower(n)));
}

/**
 * The sheet that stands in the way of writing a report sheet named `name`: one of that name (in any case)
 * that is not ours. A rebuild replaces only what `isOurs` says is ours; it never overwrites anything else.
 */
export function sheetInTheWay<T extends { name: string }>(name: string, sheets: readonly T[], isOurs: (s: T) => boolean): T | undefined {
  return sheets.find((s) => lower(s.name) === lower(name) && !isOurs(s));
}

/**
 * Rows of one of the add-in's record sheets: from `meta` (very hidden, as it should be) or, if someone made it
 * visible or hidden, from `sheets`.
 */
export function recordRows(grids: WorkbookGrids, name: string): { rows: CellValue[][]; name: string; inMeta: boolean } | null {
  const n = lower(name);
  const m = Object.entries(grids.meta ?? {}).find(([k]) => lower(k) === n);
  if (m) return { rows: m[1], name: m[0], inMeta: true };
  const g = grids.sheets.find((x) => lower(x.name) === n);
  return g ? { rows: g.rows, name: g.name, inMeta: false } : null;
}
