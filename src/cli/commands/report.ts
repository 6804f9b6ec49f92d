/**
 * `dvo-addendum report invoer.xlsx -o rapport.xlsx`, and `sign` / `reopen` (the same build with a change of
 * the sign-off status): the job on a file (../pipeline.ts), with progress per stage and the key figures.
 */
import * as path from "node:path";
import { MONTH_NAMES } from "../../domain/dates";
import type { SignAction } from "../../records";
import { reportFile, STAGES } from "../pipeline";
import { euro, formatProblem, outputAllowed, printRefusal, writing, type Out } from "../io";

export function defaultReportOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-rapport.xlsx`);
}

const STATUS_AFTER = { submit: "Ter ondertekening", sign: "Ondertekend", reopen: "Concept" } as const;

export async function report(input: string, output: string, io: Out, action?: SignAction, overwrite = false): Promise<number> {
  const t0 = performance.now();
  const refused = await outputAllowed(output, { input, overwrite }, io);
  if (refused) return refused;
  const written = await writing(output, io, () => reportFile(input, output, {
    action,
    onStage: (i, name) => io.err(`[${i + 1}/${STAGES.length}] ${name}${i === 0 ? `: ${input}` : i === 4 ? `: ${output}` : ""} …`),
  }));
  if (!written.ok) return written.code;
  const outcome = written.value;
  if (!outcome.ok) {
    printRefusal(io, outcome.problems, outcome.message, "Geen rapport gemaakt");
    return 1;
  }
  for (const p of outcome.problems) io.err(formatProblem(p));
  const r = outcome.results;
  const n = r.variance.length > 0 ? outcome.plan.marker.reportMonth : 0;
  io.out(`Rapport geschreven naar ${output} (${outcome.plan.sheets.length} rapportbladen, t/m ${MONTH_NAMES[n - 1]}, ${Math.round(performance.now() - t0)} ms).`);
  io.out(`  Plafond formatieve kosten  ${euro(r.ceiling.ceiling)}`);
  io.out(`  Totaal budget P&C          ${euro(r.ceiling.totalBudget)}`);
  io.out(`  Cao-effect                 ${euro(r.ceiling.caoEffect)}`);
  // a year without realisation yet has no forecast (docs/rekenregels.md §5): say so rather than print zeros
  io.out(`  Ruimte onder plafond       ${r.forecast.available ? euro(r.forecast.roomUnderCeiling) : "nog geen realisatie"}`);
  io.out(`  Meerkosten opdrachtgever   ${r.forecast.available ? euro(r.forecast.extraCostForClient) : "nog geen realisatie"}`);
  if (action) io.out(`  Status addendum            ${outcome.plan.sheets[0] ? STATUS_AFTER[action.kind] : ""}`);
  const missing = r.forecast.cases.filter((c) => c.adviceNoteMissing).map((c) => c.case.caseId);
  if (missing.length > 0) io.out(`  Adviesnota ontbreekt voor ${missing.join(", ")}`);
  return 0;
}
