/**
 * `dvo-addendum report invoer.xlsx -o rapport.xlsx`, and `sign` / `reopen` (the same build with a change of
 * the sign-off status): the job on a file (../pipeline.ts), with progress per stage and the key figures.
 */
import * as path from "node:path";
import { MONTH_NAMES } from "../../domain/dates";
import { withAgreedBudget } from "../../domain/agreed";
import type { AddendumAction } from "../../job/build";
import { reviewHolds, reviewLine, shownStatus, versionLabel } from "../../records";
import { reportFile, STAGES } from "../pipeline";
import { euro, formatProblem, outputAllowed, printRefusal, writing, type Out } from "../io";

export function defaultReportOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-rapport.xlsx`);
}

export async function report(input: string, output: string, io: Out, action?: AddendumAction, overwrite = false): Promise<number> {
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
  const cao = outcome.agreement.kind === "cao" ? outcome.agreement : null;
  // while a cao change is to be agreed, the budget in force is the vastgesteld one (docs/rekenregels.md)
  const r = cao ? withAgreedBudget(outcome.inputs, outcome.results, cao.version.figures) : outcome.results;
  const n = r.variance.length > 0 ? outcome.plan.marker.reportMonth : 0;
  io.out(`Rapport geschreven naar ${output} (${outcome.plan.sheets.length} rapportbladen, t/m ${MONTH_NAMES[n - 1]}, ${Math.round(performance.now() - t0)} ms).`);
  if (cao) {
    io.out(`  Vastgesteld plafond        ${euro(cao.version.figures.ceiling)}`);
    io.out(`  Herrekend plafond          ${euro(cao.recomputed.ceiling)}`);
    io.out(`  Cao-aanpassing, af te stemmen met de opdrachtgever  ${euro(Math.round((cao.recomputed.ceiling - cao.version.figures.ceiling) * 100) / 100)}`);
  } else io.out(`  Plafond formatieve kosten  ${euro(r.ceiling.ceiling)}`);
  io.out(`  Totaal budget P&C          ${euro(r.ceiling.totalBudget)}`);
  io.out(`  Cao-effect                 ${euro(r.ceiling.caoEffect)}`);
  // a year without realisation yet has no forecast (docs/rekenregels.md §5): say so rather than print zeros
  io.out(`  Ruimte onder plafond       ${r.forecast.available ? euro(r.forecast.roomUnderCeiling) : "nog geen realisatie"}`);
  io.out(`  Meerkosten opdrachtgever   ${r.forecast.available ? euro(r.forecast.extraCostForClient) : "nog geen realisatie"}`);
  if (action) {
    const last = outcome.signOff?.versions?.[outcome.signOff.versions.length - 1];
    io.out(`  Status addendum            ${shownStatus(outcome.signOff, r.fingerprint)}${action.kind === "sign" && last ? ` (${versionLabel(last.number)})` : ""}`);
    io.out(`  Controle                   ${reviewLine(outcome.signOff, r.fingerprint)}`);
    // signing without the controller's approval is allowed (unless 'Controle vereist'), and said out loud
    if ((action.kind === "sign" || action.kind === "submit") && !reviewHolds(outcome.signOff, r.fingerprint)) {
      io.err("Let op: het addendum is niet gecontroleerd door de controller (dvo-addendum review); dat staat in het Logboek en op het addendum.");
    }
  }
  const missing = r.forecast.cases.filter((c) => c.adviceNoteMissing).map((c) => c.case.caseId);
  if (missing.length > 0) io.out(`  Adviesnota ontbreekt voor ${missing.join(", ")}`);
  return 0;
}
