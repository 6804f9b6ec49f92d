/**
 * Stage 2 and 3 of a build (docs/architecture.md, "The data flow of a build"): check the grids against the
 * workbook contract, compute every figure, and read what the records say (sign-off, integrity). Every front
 * end — the CLI's `check`, `report`, `pdf` and `next-year`, the task pane, the benchmark — checks through
 * here, so the records findings are computed once per check and never twice.
 */
import { computeResults, type Results } from "../domain/compute";
import { REPORT_SHEETS } from "../domain/glossary";
import type { Inputs } from "../domain/types";
import type { Problem, WorkbookGrids } from "../input/grid";
import { agreementOf, agreementProblems, integrityProblems, readSignOff, reviewIntegrityProblems, reviewProblems, type Agreement, type SignOff } from "../records";
import { parseWorkbook, type InputLayout, type ParseResult } from "../input/parse";

export interface CheckOptions {
  /** a rapportagemaand chosen outside the workbook (the pane's month picker) */
  reportMonth?: number;
}

export interface Checked {
  grids: WorkbookGrids;
  parse: ParseResult;
  /** null when the inputs have a fout */
  results: Results | null;
  /** the sign-off record stored in the workbook */
  signOff: SignOff | null;
  /** what the records say about themselves and the inputs: gewijzigd na ondertekening, integrity findings */
  recordProblems: Problem[];
  /** every problem: the contract's, then the records' */
  problems: Problem[];
  /** the signed version in force and how the inputs stand against it (records/agreement.ts) */
  agreement: Agreement;
}

/** The checked inputs with their results, when there is no fout. */
export interface Valid {
  inputs: Inputs;
  results: Results;
  layout: InputLayout;
}

export function valid(c: Checked): Valid | null {
  return c.parse.inputs && c.results ? { inputs: c.parse.inputs, results: c.results, layout: c.parse.layout } : null;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "fout");
}

export function checkWorkbook(grids: WorkbookGrids, opts: CheckOptions = {}): Checked {
  return computeChecked(grids, parseWorkbook(grids, { reportMonth: opts.reportMonth }));
}

/** The same in two steps, with `between` after the contract check (the pane shows progress there). */
export async function checkWorkbookInSteps(grids: WorkbookGrids, opts: CheckOptions, between: () => Promise<void>): Promise<Checked> {
  const parse = parseWorkbook(grids, { reportMonth: opts.reportMonth });
  await between();
  return computeChecked(grids, parse);
}

function computeChecked(grids: WorkbookGrids, parse: ParseResult): Checked {
  const results = parse.inputs ? computeResults(parse.inputs) : null;
  const signOff = readSignOff(grids);
  const recordProblems: Problem[] = [];
  let agreement: Agreement = { kind: "none" };
  if (parse.inputs && results) {
    const addendum = REPORT_SHEETS.addendum(parse.inputs.settings.year);
    agreement = agreementOf(signOff, parse.inputs, results);
    recordProblems.push(...agreementProblems(signOff, parse.inputs, results, addendum), ...reviewProblems(signOff, results.fingerprint, addendum),
      ...integrityProblems(grids, addendum), ...reviewIntegrityProblems(signOff, addendum));
  }
  return { grids, parse, results, signOff, recordProblems, problems: [...parse.problems, ...recordProblems], agreement };
}
