/**
 * `next-year` (issue 12 §1), host-neutral: from this year's workbook, what next year's workbook holds —
 * Jaar + 1; Instellingen, Formatie, Openingstijden and Grootboek carried; a Salaristabel with every table in
 * force in the old or the new year (the workbook's own rows first, then the bundled tables for the dates
 * and scales it lacks, then any cao estimates), each with its Status; the open Verzuim cases with what remains of their estimate, marked `Opnieuw ramen`;
 * the other data sheets empty; and the old addendum as agreed, as the `Vorig addendum` record.
 */
import cao from "../data/cao-gemeenten-salarisschalen.json";
import { applyCaoRaises, type CaoRaise, type TableRow } from "../domain/cao";
import type { Results } from "../domain/compute";
import { isoDate, toExcelSerial } from "../domain/dates";
import { SETTING_LABELS } from "../domain/glossary";
import { replacementBooked } from "../domain/forecast";
import { round2 } from "../domain/money";
import { rowInForce } from "../domain/salary";
import type { Inputs, SalaryRow } from "../domain/types";
import { cellAt, type WorkbookGrids } from "./grid";
import type { SignOff } from "../records/signoff";
import type { InputLayout } from "./parse";
import { previousRecordRows } from "./previous";
import type { SettingKey } from "./settings";
import { findSheet } from "./table";
import { bundledTableRows, dateCell, salaryTemplateRows, type CaoTable, type TemplateOptions, type TemplateRow } from "./template";

export interface NextYearPlan {
  year: number;
  options: TemplateOptions;
  /** the `Vorig addendum` record, headers first */
  record: (string | number | null)[][];
  /** Verzuim cases carried (case numbers), marked `Opnieuw ramen` = ja: to be estimated again */
  carriedCases: string[];
  /** Salaristabel: how many rows of each origin */
  salary: { own: number; bundled: number; estimated: number };
}

const jsDate = (d: { year: number; month: number; day: number }): Date => dateCell(isoDate(d));

/**
 * The Salaristabel of next year: rows in force in some month of `year` or `year + 1`, the workbook's own
 * first, the bundled tables for dates the workbook does not have, then the estimates.
 */
export function nextYearSalaryRows(own: readonly SalaryRow[], year: number, raises: readonly CaoRaise[]): { rows: TableRow[]; own: number; bundled: number; estimated: number } {
  const bundledAll = bundledTableRows(cao.tables as CaoTable[]);
  // per date and scale: a user who typed some scales of a table still gets the bundled figures of the others
  const ownKeys = new Set(own.map((r) => `${isoDate(r.effective)}|${r.scale}`));
  const status = (r: SalaryRow): TableRow["status"] => {
    if (r.status) return r.status;
    // the user's row is the bundled figure: it has the bundled status; another figure has no known origin
    const b = bundledAll.find((x) => x.scale === r.scale && isoDate(x.effective) === isoDate(r.effective));
    return b && Math.abs(b.maximum - r.maximum) < 0.005 ? b.status : null;
  };
  const candidates: Array<TableRow & { own: boolean }> = [
    ...own.map((r) => ({ effective: r.effective, scale: r.scale, minimum: r.minimum, maximum: r.maximum, status: status(r), own: true })),
    ...bundledAll.filter((r) => !ownKeys.has(`${isoDate(r.effective)}|${r.scale}`)).map((r) => ({ ...r, own: false })),
  ];
  // in force in some month of either year
  const asSalary: SalaryRow[] = candidates.map((c, i) => ({ row: i, effective: c.effective, scale: c.scale, minimum: c.minimum, maximum: c.maximum }));
  const keep = new Set<number>();
  for (const scale of new Set(candidates.map((c) => c.scale))) {
    for (const y of [year, year + 1]) for (let m = 1; m <= 12; m++) {
      const r = rowInForce(asSalary, scale, y, m);
      if (r) keep.add(r.row);
    }
  }
  const kept = candidates.filter((_, i) => keep.has(i));
  const base: TableRow[] = kept.map(({ own: _own, ...r }) => r);
  const estimated = applyCaoRaises(base, raises);
  return { rows: [...base, ...estimated], own: kept.filter((k) => k.own).length, bundled: kept.filter((k) => !k.own).length, estimated: estimated.length };
}

/**
 * A carried case's `Verwachte kosten` for the new year (issue 18 item 2): this year's estimate less what was
 * booked on the case this year (Vervanging, every month — also after the report month), never below 0.
 */
export function carriedExpectedCosts(inputs: Pick<Inputs, "sickLeave" | "ledger">): Map<string, number> {
  const booked = replacementBooked(inputs.ledger, 12);
  return new Map((inputs.sickLeave ?? []).map((c) => [c.caseId, round2(Math.max(0, c.expectedCost - (booked.get(c.caseId) ?? 0)))]));
}

export function planNextYear(
  grids: WorkbookGrids, inputs: Inputs, results: Results, layout: InputLayout, signOff: SignOff | null, raises: readonly CaoRaise[] = [],
): NextYearPlan {
  const s = inputs.settings;
  const year = s.year + 1;
  const settings: Partial<Record<SettingKey, string | number>> = {};
  for (const key of Object.keys(SETTING_LABELS) as SettingKey[]) {
    if (key === "year" || key === "reportMonth") continue;
    const v: unknown = s[key as keyof typeof s];
    if (typeof v === "number" || typeof v === "string") settings[key] = v;
  }
  // A new year starts with its first month; there is nothing realised yet.
  settings.reportMonth = 1;

  const salary = nextYearSalaryRows(inputs.salaryTable, s.year, raises);
  const formation: TemplateRow[] = inputs.formation.map((f) => ({
    Functie: f.functionName, Pakket: f.service, Schaal: /^\d+$/.test(f.scale) ? Number(f.scale) : f.scale, Fte: f.fte, Bezetting: f.occupancy, Toelichting: f.note || null,
  }));
  const open = (inputs.sickLeave ?? []).filter((c) => c.end === null || c.end.year >= year);
  const remaining = carriedExpectedCosts(inputs);
  const sickLeave: TemplateRow[] = open.map((c) => ({
    Dossier: c.caseId, Pakket: c.service, Soort: c.kind, Startdatum: jsDate(c.start), Einddatum: c.end ? jsDate(c.end) : null,
    "Vervanging fte": c.replacementFte, "Verwachte kosten": remaining.get(c.caseId) ?? c.expectedCost, Besluit: c.decision, "Datum besluit": c.decisionDate ? jsDate(c.decisionDate) : null,
    "Kenmerk adviesnota": c.adviceNoteRef || null, "Opnieuw ramen": "ja",
  }));
  const rows: TemplateOptions["rows"] = {
    salaryTable: salaryTemplateRows(salary.rows),
    formation,
    sickLeave,
  };
  if (inputs.openingHours) rows.openingHours = inputs.openingHours.map((o) => ({ Dienst: o.service, Dag: o.day, Van: o.from, Tot: o.to }));
  const map = layout.sheets.ledgerMap;
  const mapGrid = map ? findSheet(grids, map.sheet) : undefined;
  if (map && mapGrid) {
    const headers: Record<string, string> = { account: "Rekening", costCentre: "Kostenplaats", category: "Categorie", description: "Omschrijving" };
    rows.ledgerMap = map.dataRows.map((r) => {
      const out: TemplateRow = {};
      for (const [key, header] of Object.entries(headers)) {
        const c = map.columns[key];
        const v = c === undefined ? null : cellAt(mapGrid, r, c);
        out[header] = typeof v === "string" || typeof v === "number" ? v : v instanceof Date ? toExcelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() }) : null;
      }
      return out;
    });
  }
  return {
    year,
    options: { year, settings, rows },
    record: previousRecordRows(inputs, results, signOff),
    carriedCases: open.map((c) => c.caseId),
    salary: { own: salary.own, bundled: salary.bundled, estimated: salary.estimated },
  };
}
