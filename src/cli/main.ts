/**
 * `dvo-addendum`: the command line host.
 *   dvo-addendum template --jaar 2026 -o invoer.xlsx
 *   dvo-addendum check invoer.xlsx
 *   dvo-addendum report invoer.xlsx -o rapport.xlsx
 *   dvo-addendum report                      (the bundled example, into out/)
 * Exit codes: 0 done; 1 the input has errors (fout) or cannot be read; 2 wrong use of the command.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { MONTH_NAMES } from "../domain/dates";
import type { Problem } from "../input/grid";
import { addendumFingerprint } from "../domain/fingerprint";
import { REPORT_SHEETS } from "../domain/glossary";
import { readSignOff, signOffProblems, type SignAction } from "../input/meta";
import { parseWorkbook } from "../input/parse";
import { exampleWorkbook } from "../example/example";

import { readWorkbookFile, saveAtomically, writeTemplate } from "../xlsx/file";
import { reportFile, STAGES } from "./pipeline";

const USAGE = `Gebruik:
  dvo-addendum template --jaar <jaar> -o <invoer.xlsx>   lege invoerwerkmap volgens het werkmapcontract
  dvo-addendum check <invoer.xlsx>                       controleer de invoer; toont elke fout en waarschuwing
  dvo-addendum report <invoer.xlsx> [-o <rapport.xlsx>]  invoerbladen plus de rapportbladen (DVO art. 6)
  dvo-addendum report                                    het meegeleverde voorbeeld (2025) naar out/
  dvo-addendum sign <invoer.xlsx> --accounthouder "…" --ter-ondertekening -o <uit.xlsx>
                                                         bied het addendum ter ondertekening aan
  dvo-addendum sign <invoer.xlsx> --regisseur "…" --accounthouder "…" -o <getekend.xlsx>
                                                         leg de ondertekening vast (met vingerafdruk) en beveilig het addendum
  dvo-addendum reopen <getekend.xlsx> --door "…" --reden "…" -o <uit.xlsx>
                                                         heropen een ondertekend addendum (terug naar Concept, vastgelegd in het Logboek)
`;

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") };

export function formatProblem(p: Problem): string {
  return `${p.severity.padEnd(12)} ${`${p.sheet}!${p.cell}`.padEnd(22)} ${p.message}`;
}

function summary(problems: Problem[]): string {
  const e = problems.filter((p) => p.severity === "fout").length;
  const w = problems.length - e;
  return `${e} ${e === 1 ? "fout" : "fouten"}, ${w} ${w === 1 ? "waarschuwing" : "waarschuwingen"}`;
}

function euro(x: number): string {
  return `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export async function main(argv: string[], io: Out = stdio): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" }, jaar: { type: "string" }, help: { type: "boolean", short: "h" },
        regisseur: { type: "string" }, accounthouder: { type: "string" }, "ter-ondertekening": { type: "boolean" },
        door: { type: "string" }, reden: { type: "string" },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { output, jaar, help, regisseur, accounthouder, door, reden } = parsed.values;
  if (help || command === undefined || command === "help") {
    io.out(USAGE);
    return command === undefined && !help ? 2 : 0;
  }
  switch (command) {
    case "template":
      return template(jaar, output, io);
    case "check":
      if (rest.length !== 1) break;
      return check(rest[0], io);
    case "report":
      if (rest.length === 0) return example(output, io);
      if (rest.length !== 1) break;
      return report(rest[0], output ?? defaultOutput(rest[0]), io);
    case "sign":
      if (rest.length !== 1 || !output) break;
      return report(rest[0], output, io, parsed.values["ter-ondertekening"]
        ? { kind: "submit", accounthouder: accounthouder ?? "" }
        : { kind: "sign", regisseur: regisseur ?? "", accounthouder: accounthouder ?? "" });
    case "reopen":
      if (rest.length !== 1 || !output) break;
      return report(rest[0], output, io, { kind: "reopen", by: door ?? "", reason: reden ?? "" });
  }
  io.err(`Onbekende opdracht of verkeerd aantal argumenten.\n\n${USAGE}`);
  return 2;
}

async function template(jaar: string | undefined, output: string | undefined, io: Out): Promise<number> {
  const year = Number(jaar);
  if (!jaar || !Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err("Geef het jaar op met --jaar, bijvoorbeeld --jaar 2026.");
    return 2;
  }
  const target = output ?? `invoer-${year}.xlsx`;
  if (await exists(target)) {
    io.err(`'${target}' bestaat al en wordt niet overschreven: kies met -o een andere naam.`);
    return 2;
  }
  await writeTemplate(target, year);
  io.out(`Invoerwerkmap voor ${year} geschreven naar ${target}.`);
  return 0;
}

async function check(input: string, io: Out): Promise<number> {
  const read = await readWorkbookFile(input);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  const parsed = parseWorkbook(read.grids);
  const problems = [...parsed.problems];
  if (parsed.inputs) {
    const fingerprint = addendumFingerprint(parsed.inputs);
    problems.push(...signOffProblems(readSignOff(read.grids), fingerprint, REPORT_SHEETS.addendum(parsed.inputs.settings.year)));
  }
  for (const p of problems) io.out(formatProblem(p));
  io.out(problems.length === 0 ? `${input}: geen fouten of waarschuwingen.` : `${input}: ${summary(problems)}.`);
  return problems.some((p) => p.severity === "fout") ? 1 : 0;
}

function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-rapport.xlsx`);
}

async function report(input: string, output: string, io: Out, action?: SignAction): Promise<number> {
  const t0 = performance.now();
  const outcome = await reportFile(input, output, {
    action,
    onStage: (i, name) => io.err(`[${i + 1}/${STAGES.length}] ${name}${i === 0 ? `: ${input}` : i === 4 ? `: ${output}` : ""} …`),
  });
  if (!outcome.ok) {
    if (outcome.message) io.err(outcome.message);
    for (const p of outcome.problems) io.err(formatProblem(p));
    if (outcome.problems.length > 0) io.err(`Geen rapport gemaakt: ${summary(outcome.problems)}. Herstel de fouten en probeer het opnieuw.`);
    return 1;
  }
  for (const p of outcome.problems) io.err(formatProblem(p));
  const r = outcome.results;
  const n = r.variance.length > 0 ? outcome.plan.marker.reportMonth : 0;
  io.out(`Rapport geschreven naar ${output} (${outcome.plan.sheets.length} rapportbladen, t/m ${MONTH_NAMES[n - 1]}, ${Math.round(performance.now() - t0)} ms).`);
  io.out(`  Plafond formatieve kosten  ${euro(r.ceiling.ceiling)}`);
  io.out(`  Totaal budget P&C          ${euro(r.ceiling.totalBudget)}`);
  io.out(`  Cao-effect                 ${euro(r.ceiling.caoEffect)}`);
  io.out(`  Ruimte onder plafond       ${euro(r.forecast.roomUnderCeiling)}`);
  io.out(`  Meerkosten opdrachtgever   ${euro(r.forecast.extraCostForClient)}`);
  if (action) io.out(`  Status addendum            ${outcome.plan.sheets[0] ? ({ submit: "Ter ondertekening", sign: "Ondertekend", reopen: "Concept" } as const)[action.kind] : ""}`);
  const missing = r.forecast.cases.filter((c) => c.adviceNoteMissing).map((c) => c.case.caseId);
  if (missing.length > 0) io.out(`  Adviesnota ontbreekt voor ${missing.join(", ")}`);
  return 0;
}

async function example(output: string | undefined, io: Out): Promise<number> {
  const input = path.join("out", "voorbeeld-invoer-2025.xlsx");
  io.err(`Voorbeeldinvoer (rekenvoorbeeld uit RULES.md) schrijven naar ${input} …`);
  await saveAtomically(exampleWorkbook(), input);
  return report(input, output ?? path.join("out", "voorbeeld-rapport-2025.xlsx"), io);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}
