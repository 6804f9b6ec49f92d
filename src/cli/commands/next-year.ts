/**
 * `dvo-addendum next-year invoer-2025.xlsx -o invoer-2026.xlsx [--cao "2026-07-01 +2,5%"]…`: next year's
 * input workbook from this year's (src/input/next-year.ts says what it holds). A NEW workbook, made with the
 * template builder (src/xlsx/next-year-book.ts); the source is only read.
 */
import * as path from "node:path";
import type { CaoRaise } from "../../domain/cao";
import type { NextYearPlan } from "../../input/next-year";
import { PREVIOUS_SHEET } from "../../input/previous";
import { readWorkbookFile, saveAtomically } from "../../xlsx/file";
import type * as NextYearBook from "../../xlsx/next-year-book";
import { outputAllowed, printRefusal, writing, type Out } from "../io";

// exceljs loads only for the commands that make a new workbook (CommonJS require: the same under Node and jest)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const book = () => require("../../xlsx/next-year-book") as typeof NextYearBook;

/** The default output: the input's name with the year moved on (invoer-2025.xlsx → invoer-2026.xlsx), beside it. */
export function defaultNextYearOutput(input: string, fromYear: number): string {
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  const name = base.includes(String(fromYear)) ? base.split(String(fromYear)).join(String(fromYear + 1)) : `${base}-${fromYear + 1}`;
  return path.join(path.dirname(input), `${name}.xlsx`);
}

const WHAT = "De werkmap voor het nieuwe jaar";

/** Read, check, plan and write next year's workbook; `adjust` changes the plan first (the bundled example's formation change). */
export async function nextYear(input: string, output: string | undefined, io: Out, overwrite: boolean, raises: readonly CaoRaise[], adjust?: (plan: NextYearPlan) => void): Promise<number> {
  if (output !== undefined) {
    const refused = await outputAllowed(output, { input, overwrite, what: WHAT }, io);
    if (refused) return refused;
  }
  io.err(`Werkmap lezen: ${input} …`);
  const read = await readWorkbookFile(input);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  const r = book().nextYearFromGrids(read.grids, raises, adjust);
  if (!r.ok) {
    printRefusal(io, r.problems, undefined, "Geen werkmap voor het nieuwe jaar gemaakt");
    return 1;
  }
  const target = output ?? defaultNextYearOutput(input, r.plan.year - 1);
  if (output === undefined) {
    const refused = await outputAllowed(target, { input, overwrite, what: WHAT }, io);
    if (refused) return refused;
  }
  const written = await writing(target, io, () => saveAtomically(r.workbook, target));
  if (!written.ok) return written.code;
  const p = r.plan;
  io.out(`Werkmap voor ${p.year} geschreven naar ${target}.`);
  io.out(`  Overgenomen: Instellingen, Formatie, Openingstijden${(p.options.rows?.ledgerMap ?? []).length > 0 ? ", Grootboek" : ""}; Rapportagemaand 1.`);
  io.out(`  Salaristabel: ${p.salary.own} eigen regels, ${p.salary.bundled} uit de meegeleverde cao-tabellen, ${p.salary.estimated} geraamd (Status 'raming').`);
  io.out(p.carriedCases.length > 0
    ? `  Verzuim: ${p.carriedCases.length} open ${p.carriedCases.length === 1 ? "dossier" : "dossiers"} overgenomen (${p.carriedCases.join(", ")}) met wat er van de verwachte kosten over is: raam ze voor ${p.year} opnieuw en maak daarna op Verzuim de cel 'Opnieuw ramen' leeg.`
    : "  Verzuim: geen open dossiers.");
  io.out(`  Het addendum ${p.year - 1} staat als vastgelegd record op het blad '${PREVIOUS_SHEET}'; het rapport ${p.year} vergelijkt ermee (verschilanalyse).`);
  return 0;
}
