/**
 * The check as the task pane runs it: read the inputs, compute, and the sign-off and records findings.
 * Kept apart from the report planner (engine.ts), which the pane loads only when a report is built.
 */
import { computeResults, type Results } from "../domain/compute";
import { parseWorkbook, type ParseResult } from "../input/parse";
import { REPORT_SHEETS } from "../domain/glossary";
import { integrityProblems, readSignOff, signOffProblems, type SignOff } from "../records";
import type { HostRead } from "./host";

export interface Checked {
  parse: ParseResult;
  results: Results | null;
}

export function check(read: HostRead, reportMonth?: number): Checked {
  return computeChecked(read, parseWorkbook(read.grids, { reportMonth }));
}

/** The same as check, in two steps with `between` after reading the inputs (to show progress). */
export async function checkInSteps(read: HostRead, reportMonth: number | undefined, between: () => Promise<void>): Promise<Checked> {
  const parse = parseWorkbook(read.grids, { reportMonth });
  await between();
  return computeChecked(read, parse);
}

function computeChecked(read: HostRead, parse: ParseResult): Checked {
  const results = parse.inputs ? computeResults(parse.inputs) : null;
  if (parse.inputs && results) {
    const addendum = REPORT_SHEETS.addendum(parse.inputs.settings.year);
    parse.problems.push(...signOffProblems(readSignOff(read.grids), results.fingerprint, addendum), ...integrityProblems(read.grids, addendum));
  }
  return { parse, results };
}

export function signOffOf(read: HostRead): SignOff | null {
  return readSignOff(read.grids);
}

