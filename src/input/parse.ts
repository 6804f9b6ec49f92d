/**
 * The workbook contract (docs/werkmapcontract.md): grids → typed Inputs + every Problem, in one pass.
 * Rows with a `fout` are left out of the inputs; `inputs` is null when any `fout` was found. Each input
 * sheet has its own reader in `sheets/`; the columns of each sheet are in `columns.ts`.
 */
import { SHEETS, type InputSheetKey } from "../domain/glossary";
import type { Inputs } from "../domain/types";
import { COLUMNS, LEDGER_EXPORT_COLUMNS } from "./columns";
import { a1, type Problem, type WorkbookGrids } from "./grid";
import { previousProblems } from "./previous";
import { readSettings, type SettingCells } from "./settings";
import { electionIndex, readElections, type ElectionIndex } from "./sheets/elections";
import { readFormation } from "./sheets/formation";
import { advisoryCoverageProblems, overheadShortProblems } from "./sheets/formation-checks";
import { Reconciler } from "./ledger-scope";
import { readLedger, type CaseIndex } from "./sheets/ledger";
import { readLedgerMap, type LedgerMapIndex } from "./sheets/ledger-map";
import { readOpeningHours } from "./sheets/opening-hours";
import { readPrivacy } from "./sheets/privacy";
import { readDuties } from "./sheets/duties";
import { readProducts } from "./sheets/products";
import { readQualitative } from "./sheets/qualitative";
import { checkSalaryCoverage, readSalaryTable } from "./sheets/salary-table";
import { readSelfEvaluation } from "./sheets/self-evaluation";
import { readServiceMonths } from "./sheets/service-months";
import { readSickLeave } from "./sheets/sick-leave";
import { findSheet, TableReader, type ColumnSpec, type FormMap, type SheetLayout } from "./table";

/** The contract's columns, also here for the modules that read them through parse.ts. */
export { COLUMNS, LEDGER_EXPORT_COLUMNS } from "./columns";

export interface InputLayout {
  /** settings chosen for this build instead of taken from Instellingen */
  chosen?: { reportMonth?: boolean };
  sheets: Partial<Record<InputSheetKey, SheetLayout>>;
  settingCells: SettingCells;
  forms: FormMap;
}

export interface ParseResult {
  inputs: Inputs | null;
  problems: Problem[];
  layout: InputLayout;
}

export interface ParseOptions {
  /**
   * A report month chosen for this build (task pane), instead of the one on Instellingen. The report then
   * shows it as a constant with its origin, and Instellingen stays as the user left it.
   */
  reportMonth?: number;
}

export function parseWorkbook(grids: WorkbookGrids, opts: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const forms: FormMap = new Map();
  const layout: InputLayout = { sheets: {}, settingCells: {}, forms };
  const open = (key: InputSheetKey, required: boolean) => {
    const specs: readonly ColumnSpec[] = key === "ledger"
      ? [...COLUMNS.ledger.map((c) => ({ ...c, required: false })), ...LEDGER_EXPORT_COLUMNS]
      : COLUMNS[key as keyof typeof COLUMNS];
    const t = TableReader.open(grids, key, specs, required, problems, forms);
    if (t) layout.sheets[key] = t.layout;
    return t;
  };

  const read = readSettings(grids, problems, forms);
  const { cells, known } = read;
  let { settings } = read;
  if (opts.reportMonth !== undefined && Number.isInteger(opts.reportMonth) && opts.reportMonth >= 1 && opts.reportMonth <= 12) {
    known.reportMonth = opts.reportMonth;
    if (settings) settings = { ...settings, reportMonth: opts.reportMonth };
    delete cells.reportMonth;
    layout.chosen = { reportMonth: true };
  }
  layout.settingCells = cells;
  // Jaar and Rapportagemaand as far as they are valid, also when another setting is wrong (one pass).
  const year = known.year ?? null;

  // Scales with a Salaristabel row that has a fout of its own: not also blamed for a gap in the table.
  const salaryScalesWithFout = new Set<string>();
  const salaryTable = readSalaryTable(open("salaryTable", true), salaryScalesWithFout);
  const formation = readFormation(open("formation", true));
  const sickLeaveReader = open("sickLeave", false);
  const sickLeaveRead = sickLeaveReader ? readSickLeave(sickLeaveReader, grids, problems) : null;
  const sickLeave = sickLeaveRead?.cases ?? null;
  const caseIndex: CaseIndex = sickLeaveRead
    ? { kind: "ids", ids: sickLeaveRead.ids }
    : findSheet(grids, SHEETS.sickLeave) ? { kind: "unreadable" } : { kind: "absent" };
  const ledgerMapReader = open("ledgerMap", false);
  const ledgerMap: LedgerMapIndex = ledgerMapReader
    ? readLedgerMap(ledgerMapReader)
    : findSheet(grids, SHEETS.ledgerMap) ? { kind: "unreadable" } : { kind: "absent" };
  const electionsReader = open("elections", false);
  const elections = maybe(electionsReader, readElections);
  const electionNames: ElectionIndex = electionsReader ? electionIndex(electionsReader) : findSheet(grids, SHEETS.elections) ? { kind: "unreadable" } : { kind: "absent" };
  const tally = new Reconciler(known.costCentres && known.costCentres.length > 0 ? known.costCentres : null);
  const ledger = readLedger(open("ledger", true), year, known.reportMonth, caseIndex, ledgerMap, problems, electionNames, known.costCentres, tally);
  const products = maybe(open("products", false), (t) => readProducts(t, year));
  const serviceMonths = maybe(open("serviceMonths", false), (t) => readServiceMonths(t, year));
  const openingHours = maybe(open("openingHours", false), readOpeningHours);
  const qualitative = maybe(open("qualitative", false), (t) => readQualitative(t, year));
  const selfEvaluation = maybe(open("selfEvaluation", false), readSelfEvaluation);
  const privacy = maybe(open("privacy", false), (t) => readPrivacy(t, year));
  const duties = maybe(open("duties", false), readDuties);

  if (year !== null && salaryTable && formation) checkSalaryCoverage(year, salaryTable, formation, layout.sheets.formation, problems, salaryScalesWithFout);
  // Empty means no data rows at all; rows that were dropped for a fout of their own have their problem.
  if (formation && layout.sheets.formation && layout.sheets.formation.dataRows.length === 0) {
    problems.push({ severity: "fout", code: "formation-empty", sheet: layout.sheets.formation.sheet, cell: a1(layout.sheets.formation.headerRow + 1, 1), message: "Formatie is leeg: vul minstens één functie in." });
  }

  problems.push(...previousProblems(grids, year));
  if (formation) problems.push(...advisoryCoverageProblems(read.slaVersion, formation, layout.sheets.formation));

  const hasError = problems.some((p) => p.severity === "fout");
  if (hasError || !settings || !salaryTable || !formation || !ledger) return { inputs: null, problems, layout };
  problems.push(...overheadShortProblems(settings, salaryTable, formation, layout.sheets.formation));
  return {
    inputs: {
      settings, salaryTable, formation, ledger, sickLeave, products, serviceMonths, openingHours, qualitative, selfEvaluation, elections, privacy, duties,
      ledgerReconciliation: tally.result(),
    },
    problems,
    layout,
  };
}

function maybe<T>(t: TableReader | null, f: (t: TableReader) => T[]): T[] | null {
  return t ? f(t) : null;
}
