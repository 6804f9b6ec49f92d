/**
 * `dvo-addendum`: the command line host.
 *   dvo-addendum template --jaar 2026 -o invoer.xlsx
 *   dvo-addendum check invoer.xlsx
 *   dvo-addendum report invoer.xlsx -o rapport.xlsx
 *   dvo-addendum report                      (the bundled example, into out/)
 *   dvo-addendum pdf invoer.xlsx -o addendum-2026.pdf
 *   dvo-addendum check invoer.xlsx --vingerafdruk <hex> | --pdf getekend.pdf
 * Exit codes: 0 done; 1 the input has errors (fout) or cannot be read, or the output cannot be written there
 * (a folder, a missing folder); 2 wrong use of the command (also: the output exists and --overschrijven is
 * not given).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { MONTH_NAMES } from "../domain/dates";
import type { Problem } from "../input/grid";
import { addendumFingerprint } from "../domain/fingerprint";
import { REPORT_SHEETS } from "../domain/glossary";
import { integrityProblems, readSignOff, signOffProblems, type SignAction } from "../records";
import { parseWorkbook } from "../input/parse";
import { EXAMPLE_NEXT_YEAR_CAO, exampleNextYearChange, exampleNextYearRaises } from "../example/next-year";
import { parseCaoRaise, type CaoRaise } from "../domain/cao";
import { compareDates } from "../domain/dates";
import { PREVIOUS_SHEET } from "../input/previous";

import type * as ExampleModule from "../example/example";
import type * as TemplateModule from "../xlsx/template";
import type * as NextYearModule from "./next-year";
import type * as OverviewModule from "./overview";
import type * as PdfFileModule from "../pdf/file";
import type * as PdfReadModule from "../pdf/read";
import { readWorkbookFile, saveAtomically, writeTemplate } from "../xlsx/file";
// exceljs (template, example, next year, overzicht) and pdfmake load only for the commands that use them:
// `report` and `check` stay lean (CommonJS require, so the same code runs under Node and jest)
/* eslint-disable @typescript-eslint/no-require-imports */
const exampleOf = async () => require("../example/example") as typeof ExampleModule;
const templateOf = async () => require("../xlsx/template") as typeof TemplateModule;
const nextYearOf = async () => require("./next-year") as typeof NextYearModule;
const overviewOf = async () => require("./overview") as typeof OverviewModule;
const pdfOf = async () => require("../pdf/file") as typeof PdfFileModule;
const pdfReadOf = async () => require("../pdf/read") as typeof PdfReadModule;
/* eslint-enable @typescript-eslint/no-require-imports */
import { reportFile, STAGES } from "./pipeline";
import { COMMAND_OPTIONS, parseCommandLine } from "./args";
import { checkOutput, writeErrorMessage } from "./output";

const USAGE = `Gebruik:
  dvo-addendum template --jaar <jaar> -o <invoer.xlsx> [--cao "2027-07-01 +2,5%"]…
                                                         lege invoerwerkmap volgens het werkmapcontract; --cao (herhaalbaar) voegt
                                                         een geraamde cao-verhoging toe aan de Salaristabel (Status 'raming')
  dvo-addendum next-year <invoer-2025.xlsx> [-o <invoer-2026.xlsx>] [--cao "2026-07-01 +2,5%"]…
                                                         de werkmap voor het volgende jaar: instellingen, formatie en open
                                                         verzuim overgenomen, salaristabellen bijgewerkt, het addendum als record
  dvo-addendum overzicht <a.xlsx> <b.xlsx> … [-o <overzicht.xlsx>]
                                                         de jaren naast elkaar: per werkmap de kerncijfers, met grafieken
  dvo-addendum check <invoer.xlsx>                       controleer de invoer; toont elke fout en waarschuwing
  dvo-addendum check <invoer.xlsx> --vingerafdruk <hex>  controleer ook of de invoer van het addendum nog de getekende is
  dvo-addendum check <invoer.xlsx> --pdf <getekend.pdf>  idem, met de vingerafdruk uit het getekende PDF-document
  dvo-addendum pdf <invoer.xlsx> [-o <addendum.pdf>] [--overschrijven]
                                                         het addendum als PDF-document (A4) om te ondertekenen
  dvo-addendum pdf                                       idem voor het meegeleverde voorbeeld (2025), naar out/
  dvo-addendum report <invoer.xlsx> [-o <rapport.xlsx>]  invoerbladen plus de rapportbladen (DVO art. 6)
  dvo-addendum report                                    het meegeleverde voorbeeld (2025) naar out/
  dvo-addendum sign <invoer.xlsx> --accounthouder "…" --ter-ondertekening -o <uit.xlsx>
                                                         bied het addendum ter ondertekening aan
  dvo-addendum sign <invoer.xlsx> --regisseur "…" --accounthouder "…" -o <getekend.xlsx>
                                                         leg de ondertekening vast (met vingerafdruk) en beveilig het addendum
  dvo-addendum reopen <getekend.xlsx> --door "…" --reden "…" -o <uit.xlsx>
                                                         heropen een ondertekend addendum (terug naar Concept, vastgelegd in het Logboek)
  Een bestaand bestand wordt nooit overschreven, behalve met --overschrijven (template, report, sign, reopen, pdf);
  het voorbeeld (report zonder invoerbestand en zonder -o) vervangt alleen zijn eigen bestanden in out/.
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
  // The options themselves are in ./args (OPTIONS, and COMMAND_OPTIONS: which command takes which).
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const overwrite = parsed.values.overschrijven ?? false;
  const [command, ...rest] = parsed.positionals;
  const { output, jaar, help, regisseur, accounthouder, door, reden } = parsed.values;
  if (help || command === undefined || command === "help") {
    io.out(USAGE);
    return command === undefined && !help ? 2 : 0;
  }
  switch (command) {
    case "overzicht":
      if (rest.length === 0) break;
      return overview(rest, output ?? "overzicht.xlsx", io, overwrite);
    case "next-year": {
      if (rest.length !== 1) break;
      const raises = caoRaises(parsed.values.cao, io);
      if (!raises) return 2;
      return nextYear(rest[0], output, io, overwrite, raises);
    }
    case "template": {
      const raises = caoRaises(parsed.values.cao, io);
      if (!raises) return 2;
      return template(jaar, output, io, overwrite, raises);
    }
    case "check":
      if (rest.length !== 1) break;
      return check(rest[0], io, { fingerprint: parsed.values.vingerafdruk, pdf: parsed.values.pdf });
    case "pdf":
      if (rest.length === 0) {
        // the bundled example, into out/ (its own files there are replaced, as with `report`)
        const input = path.join("out", "voorbeeld-invoer-2025.xlsx");
        io.err(`Voorbeeldinvoer (rekenvoorbeeld uit docs/rekenregels.md) schrijven naar ${input} …`);
        await saveAtomically((await exampleOf()).exampleWorkbook(), input);
        return signingPdf(input, output ?? path.join("out", "voorbeeld-addendum-2025.pdf"), output === undefined || (parsed.values.overschrijven ?? false), io);
      }
      if (rest.length !== 1) break;
      return signingPdf(rest[0], output ?? defaultPdfOutput(rest[0]), parsed.values.overschrijven ?? false, io);
    case "report":
      if (rest.length === 0) return example(output, io, overwrite);
      if (rest.length !== 1) break;
      return report(rest[0], output ?? defaultOutput(rest[0]), io, undefined, overwrite);
    case "sign":
      if (rest.length !== 1 || !output) break;
      return report(rest[0], output, io, parsed.values["ter-ondertekening"]
        ? { kind: "submit", accounthouder: accounthouder ?? "" }
        : { kind: "sign", regisseur: regisseur ?? "", accounthouder: accounthouder ?? "" }, overwrite);
    case "reopen":
      if (rest.length !== 1 || !output) break;
      return report(rest[0], output, io, { kind: "reopen", by: door ?? "", reason: reden ?? "" }, overwrite);
  }
  io.err(`${wrongUse(command, rest.length, output)}\n\n${USAGE}`);
  return 2;
}

/** Why a known command cannot run with these arguments, or that the command is unknown. */
function wrongUse(command: string, inputs: number, output: string | undefined): string {
  if (!(command in COMMAND_OPTIONS)) {
    const all = Object.keys(COMMAND_OPTIONS);
    return `Onbekende opdracht '${command}': kies ${all.slice(0, -1).join(", ")} of ${all[all.length - 1]}.`;
  }
  if (inputs === 0) return `'${command}' heeft een invoerbestand nodig, bijvoorbeeld: dvo-addendum ${command} invoer.xlsx.`;
  if (inputs > 1) return `'${command}' neemt één invoerbestand, niet ${inputs}: zet een naam met spaties tussen aanhalingstekens.`;
  if (!output) return `'${command}' heeft met -o de naam van het nieuwe bestand nodig, bijvoorbeeld -o ${command === "reopen" ? "heropend" : "getekend"}.xlsx.`;
  return "Onbekende opdracht of verkeerd aantal argumenten.";
}

async function overview(files: string[], output: string, io: Out, overwrite: boolean): Promise<number> {
  for (const input of files) {
    const where = await checkOutput(output, { input, overwrite, what: "Het overzicht" });
    if (!where.ok) {
      io.err(where.message);
      return where.code;
    }
  }
  const t0 = performance.now();
  const { overviewRows, writeOverview } = await overviewOf();
  const rows = await overviewRows(files, (i, f) => io.err(`[${i + 1}/${files.length}] ${f} …`));
  for (const r of rows) if (!r.ok) io.err(`  ${r.file}: ${r.problem}`);
  try {
    await writeOverview(files, rows, output);
  } catch (e) {
    const m = writeErrorMessage(output, e);
    if (m === null) throw e;
    io.err(m);
    return 1;
  }
  const bad = rows.filter((r) => !r.ok).length;
  io.out(`Overzicht van ${rows.length} ${rows.length === 1 ? "werkmap" : "werkmappen"} geschreven naar ${output} (${rows.length - bad} gelezen${bad > 0 ? `, ${bad} met een probleem` : ""}; ${Math.round(performance.now() - t0)} ms).`);
  return 0;
}

async function nextYear(input: string, output: string | undefined, io: Out, overwrite: boolean, raises: CaoRaise[]): Promise<number> {
  if (output !== undefined) {
    const early = await checkOutput(output, { input, overwrite, what: "De werkmap voor het nieuwe jaar" });
    if (!early.ok) {
      io.err(early.message);
      return early.code;
    }
  }
  io.err(`Werkmap lezen: ${input} …`);
  const { nextYearWorkbook, defaultNextYearOutput, saveNextYear } = await nextYearOf();
  const r = await nextYearWorkbook(input, raises);
  if (!r.ok) {
    if (r.message) io.err(r.message);
    for (const p of r.problems) io.err(formatProblem(p));
    if (r.problems.length > 0) io.err(`Geen werkmap voor het nieuwe jaar gemaakt: ${summary(r.problems)}. Herstel de fouten en probeer het opnieuw.`);
    return 1;
  }
  const target = output ?? defaultNextYearOutput(input, r.plan.year - 1);
  if (output === undefined) {
    const where = await checkOutput(target, { input, overwrite, what: "De werkmap voor het nieuwe jaar" });
    if (!where.ok) {
      io.err(where.message);
      return where.code;
    }
  }
  try {
    await saveNextYear(r.workbook, target);
  } catch (e) {
    const m = writeErrorMessage(target, e);
    if (m === null) throw e;
    io.err(m);
    return 1;
  }
  const p = r.plan;
  io.out(`Werkmap voor ${p.year} geschreven naar ${target}.`);
  io.out(`  Overgenomen: Instellingen, Formatie, Openingstijden${(p.options.rows?.ledgerMap ?? []).length > 0 ? ", Grootboek" : ""}; Rapportagemaand 1.`);
  io.out(`  Salaristabel: ${p.salary.own} eigen regels, ${p.salary.bundled} uit de meegeleverde cao-tabellen, ${p.salary.estimated} geraamd (Status 'raming').`);
  io.out(p.carriedCases.length > 0
    ? `  Verzuim: ${p.carriedCases.length} open ${p.carriedCases.length === 1 ? "dossier" : "dossiers"} overgenomen (${p.carriedCases.join(", ")}): raam de verwachte kosten voor ${p.year} opnieuw.`
    : "  Verzuim: geen open dossiers.");
  io.out(`  Het addendum ${p.year - 1} staat als vastgelegd record op het blad '${PREVIOUS_SHEET}'; het rapport ${p.year} vergelijkt ermee (verschilanalyse).`);
  return 0;
}

/** The `--cao` values read, or null after printing why one cannot be read. */
function caoRaises(values: string[] | undefined, io: Out): CaoRaise[] | null {
  const out: CaoRaise[] = [];
  for (const v of values ?? []) {
    const r = parseCaoRaise(v);
    if (!r.ok) {
      io.err(r.message);
      return null;
    }
    if (out.some((o) => compareDates(o.effective, r.raise.effective) === 0)) {
      io.err(`Twee cao-ramingen met dezelfde ingangsdatum (${r.raise.label}): geef per datum één verhoging op.`);
      return null;
    }
    out.push(r.raise);
  }
  return out;
}

async function template(jaar: string | undefined, output: string | undefined, io: Out, overwrite = false, raises: CaoRaise[] = []): Promise<number> {
  const year = Number(jaar);
  if (!jaar || !Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err("Geef het jaar op met --jaar, bijvoorbeeld --jaar 2026.");
    return 2;
  }
  const target = output ?? `invoer-${year}.xlsx`;
  const where = await checkOutput(target, { overwrite, what: "De invoerwerkmap" });
  if (!where.ok) {
    io.err(where.message);
    return where.code;
  }
  try {
    if (raises.length === 0) await writeTemplate(target, year);
    else await saveAtomically((await templateOf()).buildInputWorkbook({ year, caoRaises: raises }), target);
  } catch (e) {
    const m = writeErrorMessage(target, e);
    if (m === null) throw e;
    io.err(m);
    return 1;
  }
  io.out(`Invoerwerkmap voor ${year} geschreven naar ${target}.`);
  for (const r of raises) io.out(`Salaristabel: raming per ${r.label} toegevoegd (Status 'raming').`);
  return 0;
}

/** A fingerprint as typed or copied (spaces, capitals allowed) → 64 lower-case hex characters, or null. */
function normaliseFingerprint(x: string): string | null {
  const fp = x.replace(/\s+/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(fp) ? fp : null;
}

async function check(input: string, io: Out, signed: { fingerprint?: string; pdf?: string } = {}): Promise<number> {
  let expected: string | null = null;
  if (signed.fingerprint !== undefined && signed.pdf !== undefined) {
    io.err("Geef --vingerafdruk of --pdf op, niet allebei.");
    return 2;
  }
  if (signed.fingerprint !== undefined) {
    expected = normaliseFingerprint(signed.fingerprint);
    if (!expected) {
      io.err(`'${signed.fingerprint}' is geen vingerafdruk: verwacht 64 tekens 0-9 en a-f, zoals onder 'Vingerafdruk van de invoer' op het getekende document.`);
      return 2;
    }
  }
  if (signed.pdf !== undefined) {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(signed.pdf);
    } catch {
      io.err(`Het PDF-document '${signed.pdf}' kan niet worden gelezen: controleer de naam en de map.`);
      return 2;
    }
    expected = (await pdfReadOf()).fingerprintFromPdf(bytes);
    if (!expected) {
      io.err(`In '${signed.pdf}' staat geen vingerafdruk in de documenteigenschappen: is het een addendum gemaakt met 'dvo-addendum pdf'? Geef de vingerafdruk anders op met --vingerafdruk.`);
      return 2;
    }
  }
  const read = await readWorkbookFile(input);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  const parsed = parseWorkbook(read.grids);
  const problems = [...parsed.problems];
  let fingerprint: string | null = null;
  if (parsed.inputs) {
    fingerprint = addendumFingerprint(parsed.inputs);
    const addendum = REPORT_SHEETS.addendum(parsed.inputs.settings.year);
    const signOff = readSignOff(read.grids);
    problems.push(...signOffProblems(signOff, fingerprint, addendum));
    problems.push(...integrityProblems(read.grids, addendum));
    if (expected && fingerprint !== expected) {
      const recomputed = signOff?.fingerprint === fingerprint ? " De vingerafdruk in het ondertekeningsblad van de werkmap is bijgewerkt tot de gewijzigde invoer: dat is niet door ondertekening gebeurd." : "";
      problems.push({
        severity: "fout", code: "not-the-signed-inputs",
        sheet: addendum,
        cell: "A1",
        message: `Niet de getekende invoer: de instellingen, de gebruikte salaristabel of de formatie verschillen van wat is ondertekend (getekend ${expected.slice(0, 12)}…, werkmap nu ${fingerprint.slice(0, 12)}…).${recomputed} Zet de wijziging terug, of heropen het addendum en laat het opnieuw ondertekenen.`,
      });
    }
  }
  for (const p of problems) io.out(formatProblem(p));
  if (expected) {
    io.out(fingerprint === null
      ? `${input}: de vingerafdruk kan niet worden vergeleken zolang de invoer fouten heeft.`
      : fingerprint === expected
        ? `${input}: de invoer van het addendum is de getekende (vingerafdruk ${expected}).`
        : `${input}: de invoer van het addendum is NIET de getekende.`);
  }
  io.out(problems.length === 0 ? `${input}: geen fouten of waarschuwingen.` : `${input}: ${summary(problems)}.`);
  return problems.some((p) => p.severity === "fout") || (expected !== null && fingerprint !== expected) ? 1 : 0;
}

function defaultPdfOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-addendum.pdf`);
}

async function signingPdf(input: string, output: string, overwrite: boolean, io: Out): Promise<number> {
  const where = await checkOutput(output, { input, overwrite, what: "Het PDF-document" });
  if (!where.ok) {
    io.err(where.message);
    return where.code;
  }
  let outcome;
  try {
    outcome = await (await pdfOf()).pdfFile(input, output, { overwrite });
  } catch (e) {
    const m = writeErrorMessage(output, e);
    if (m === null) throw e;
    io.err(m);
    return 1;
  }
  if (!outcome.ok) {
    if (outcome.message) io.err(outcome.message);
    for (const p of outcome.problems) io.err(formatProblem(p));
    if (outcome.problems.length > 0) io.err(`Geen PDF gemaakt: ${summary(outcome.problems)}. Herstel de fouten en probeer het opnieuw.`);
    return outcome.message?.includes("bestaat al") ? 2 : 1;
  }
  for (const p of outcome.problems) io.err(formatProblem(p));
  const c = outcome.results.ceiling;
  io.out(`Addendum ${outcome.year} als PDF geschreven naar ${output} (${Math.round(outcome.bytes / 1024)} kB).`);
  io.out(`  Plafond formatieve kosten  ${euro(c.ceiling)}`);
  io.out(`  Totaal budget P&C          ${euro(c.totalBudget)}`);
  io.out(`  Vingerafdruk               ${outcome.results.fingerprint}`);
  return 0;
}

function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-rapport.xlsx`);
}

async function report(input: string, output: string, io: Out, action?: SignAction, overwrite = false): Promise<number> {
  const t0 = performance.now();
  const where = await checkOutput(output, { input, overwrite });
  if (!where.ok) {
    io.err(where.message);
    return where.code;
  }
  let outcome;
  try {
    outcome = await reportFile(input, output, {
      action,
      onStage: (i, name) => io.err(`[${i + 1}/${STAGES.length}] ${name}${i === 0 ? `: ${input}` : i === 4 ? `: ${output}` : ""} …`),
    });
  } catch (e) {
    // A file-system failure while writing (disk full, the folder removed meanwhile): one Dutch sentence.
    const m = writeErrorMessage(output, e);
    if (m === null) throw e;
    io.err(m);
    return 1;
  }
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
  // a year without realisation yet has no forecast (RULES §5): say so rather than print zeros
  io.out(`  Ruimte onder plafond       ${r.forecast.available ? euro(r.forecast.roomUnderCeiling) : "nog geen realisatie"}`);
  io.out(`  Meerkosten opdrachtgever   ${r.forecast.available ? euro(r.forecast.extraCostForClient) : "nog geen realisatie"}`);
  if (action) io.out(`  Status addendum            ${outcome.plan.sheets[0] ? ({ submit: "Ter ondertekening", sign: "Ondertekend", reopen: "Concept" } as const)[action.kind] : ""}`);
  const missing = r.forecast.cases.filter((c) => c.adviceNoteMissing).map((c) => c.case.caseId);
  if (missing.length > 0) io.out(`  Adviesnota ontbreekt voor ${missing.join(", ")}`);
  return 0;
}

/**
 * The bundled example (`npm run report`, the quick start, run again and again): its own files in out/ are
 * replaced each time; an output chosen with -o is treated like any other (--overschrijven to replace it).
 */
async function example(output: string | undefined, io: Out, overwrite = false): Promise<number> {
  const input = path.join("out", "voorbeeld-invoer-2025.xlsx");
  io.err(`Voorbeeldinvoer (rekenvoorbeeld uit docs/rekenregels.md) schrijven naar ${input} …`);
  await saveAtomically((await exampleOf()).exampleWorkbook(), input);
  const code = await report(input, output ?? path.join("out", "voorbeeld-rapport-2025.xlsx"), io, undefined, output === undefined || overwrite);
  if (code !== 0 || output !== undefined) return code;
  // the example's next year: a formation change and a cao estimate, so the Verschilanalyse shows in out/
  const next = path.join("out", "voorbeeld-invoer-2026.xlsx");
  io.err(`Het voorbeeld van het volgende jaar (next-year, formatie +0,5 fte, cao-raming ${EXAMPLE_NEXT_YEAR_CAO}) schrijven naar ${next} …`);
  const { nextYearWorkbook, saveNextYear } = await nextYearOf();
  const ny = await nextYearWorkbook(input, exampleNextYearRaises(), exampleNextYearChange);
  if (!ny.ok) throw new Error(`het voorbeeld van 2026: ${ny.message ?? ny.problems.map(formatProblem).join("\n")}`);
  await saveNextYear(ny.workbook, next);
  return report(next, path.join("out", "voorbeeld-rapport-2026.xlsx"), io, undefined, true);
}
