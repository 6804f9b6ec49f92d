/**
 * A build from a file to a file: the job (src/job/run.ts) with the file host underneath. The CLI's
 * `report`, `sign` and `reopen`, the benchmark and the tests run builds through here.
 */
import * as path from "node:path";
import "./native";
import type { Results } from "../domain/compute";
import type { Inputs } from "../domain/types";
import type { Problem } from "../input/grid";
import type { AddendumAction } from "../job/build";
import { agreementOf, type Agreement, type SignOff } from "../records";
import { runBuild, STAGES, type StageTimes } from "../job/run";
import type { WorkbookPlan } from "../report/plan";
import { readWorkbookFile, writeFileAtomically } from "../xlsx/file";
import { hashRowsInWorker, type RowHashing } from "./snapshot-thread";
import { otherSheetNames, type ReadBook } from "../xlsx/read";
import { writeReportChunks } from "../xlsx/write";

export { STAGES, type StageTimes };

export type ReportOutcome =
  | {
    ok: true; problems: Problem[]; results: Results; plan: WorkbookPlan; times: StageTimes; renamed: Array<{ wanted: string; used: string }>;
    /** the sign-off record after the build, and the signed version in force as the check found it (records/agreement.ts) */
    signOff: SignOff | null; agreement: Agreement; inputs: Inputs;
  }
  | { ok: false; problems: Problem[]; message?: string; times: Partial<StageTimes> };

export interface ReportOptions {
  builtAt?: Date;
  /** an explicit change of the sign-off status, recorded in the workbook and the log */
  action?: AddendumAction;
  onStage?: (index: number, name: string) => void;
}

export async function reportFile(input: string, output: string, opts: ReportOptions = {}): Promise<ReportOutcome> {
  if (path.resolve(input) === path.resolve(output)) {
    return { ok: false, problems: [], message: "Het rapport mag het invoerbestand niet overschrijven: kies met -o een andere bestandsnaam.", times: {} };
  }
  const now = opts.builtAt ?? new Date();
  let book: ReadBook | null = null;
  let hashing: RowHashing | null = null;
  const outcome = await runBuild({
    read: async () => {
      const read = await readWorkbookFile(input);
      if (!read.ok) throw new Error(read.message);
      book = read.book;
      // a whole ledger export's row hashes for the records, on the other core while the check runs
      hashing = hashRowsInWorker(read.grids);
      return { grids: read.grids, otherSheets: otherSheetNames(read.book) };
    },
    beforePlan: async () => hashing?.ready(),
    write: async (plan, records) => {
      if (!book) throw new Error("no workbook read");
      await writeFileAtomically(output, writeReportChunks(book, plan, records, { now }));
      return output;
    },
  }, { action: opts.action, now, onStage: opts.onStage }).finally(() => (hashing as RowHashing | null)?.stop());
  if (!outcome.ok) {
    // input errors are the problems themselves; an unreadable file or a refused status change is one sentence
    return { ok: false, problems: outcome.problems, message: outcome.code === "input-errors" ? undefined : outcome.message, times: outcome.times };
  }
  const inputs = outcome.checked.parse.inputs;
  if (!inputs) throw new Error("a build without inputs");
  return {
    ok: true, problems: outcome.problems, results: outcome.results, plan: outcome.plan, times: outcome.times, renamed: outcome.renamed,
    // the agreement as it stands after this build (a signing changes the version in force)
    signOff: outcome.signOff, agreement: agreementOf(outcome.signOff, inputs, outcome.results), inputs,
  };
}
