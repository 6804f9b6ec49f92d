/**
 * The bundled example (`npm run report`, the quick start, run again and again): its own files in out/ are
 * replaced each time; an output chosen with -o is treated like any other (--overschrijven to replace it).
 */
import * as path from "node:path";
import { EXAMPLE_NEXT_YEAR_CAO, exampleNextYearChange, exampleNextYearRaises } from "../../example/next-year";
import type * as Example from "../../xlsx/example";
import { saveAtomically } from "../../xlsx/file";
import type { Out } from "../io";
import { nextYear } from "./next-year";
import { signingPdf } from "./pdf";
import { report } from "./report";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const exampleOf = () => require("../../xlsx/example") as typeof Example;

export const EXAMPLE_INPUT = path.join("out", "voorbeeld-invoer-2025.xlsx");

/** Write the example's input workbook into out/ (replacing the one there). */
export async function writeExampleInput(io: Out): Promise<string> {
  io.err(`Voorbeeldinvoer (het rekenvoorbeeld van docs/rekenregels.md) schrijven naar ${EXAMPLE_INPUT} …`);
  await saveAtomically(exampleOf().exampleWorkbook(), EXAMPLE_INPUT);
  return EXAMPLE_INPUT;
}

/** `report` without an input: the example's report, then its next year and that year's report (the Verschilanalyse). */
export async function exampleReport(output: string | undefined, io: Out, overwrite = false): Promise<number> {
  const input = await writeExampleInput(io);
  const code = await report(input, output ?? path.join("out", "voorbeeld-rapport-2025.xlsx"), io, undefined, output === undefined || overwrite);
  if (code !== 0 || output !== undefined) return code;
  const next = path.join("out", "voorbeeld-invoer-2026.xlsx");
  io.err(`Het voorbeeld van het volgende jaar (next-year, formatie +0,5 fte, cao-raming ${EXAMPLE_NEXT_YEAR_CAO}) schrijven naar ${next} …`);
  const made = await nextYear(input, next, { out: () => undefined, err: io.err }, true, exampleNextYearRaises(), exampleNextYearChange);
  if (made !== 0) return made;
  return report(next, path.join("out", "voorbeeld-rapport-2026.xlsx"), io, undefined, true);
}

/** `pdf` without an input: the example's signing document, into out/. */
export async function examplePdf(output: string | undefined, io: Out, overwrite: boolean): Promise<number> {
  const input = await writeExampleInput(io);
  return signingPdf(input, output ?? path.join("out", "voorbeeld-addendum-2025.pdf"), output === undefined || overwrite, io);
}
