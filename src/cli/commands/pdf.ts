/**
 * `dvo-addendum pdf invoer.xlsx -o addendum-2026.pdf`: the signing document (src/pdf/document.ts) of the
 * checked inputs, rendered in Node (src/pdf/node.ts) and written atomically.
 */
import * as path from "node:path";
import { checkWorkbook, valid } from "../../job/check";
import type * as PdfDocument from "../../pdf/document";
import type * as PdfNode from "../../pdf/node";
import { readWorkbookFile, writeFileAtomically } from "../../xlsx/file";
import { euro, formatProblem, outputAllowed, printRefusal, writing, type Out } from "../io";

/* eslint-disable @typescript-eslint/no-require-imports */
const documentOf = () => require("../../pdf/document") as typeof PdfDocument;
const rendererOf = () => require("../../pdf/node") as typeof PdfNode;
/* eslint-enable @typescript-eslint/no-require-imports */

export function defaultPdfOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-addendum.pdf`);
}

export async function signingPdf(input: string, output: string, overwrite: boolean, io: Out, madeAt?: Date): Promise<number> {
  const refused = await outputAllowed(output, { input, overwrite, what: "Het PDF-document" }, io);
  if (refused) return refused;
  const read = await readWorkbookFile(input);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  const checked = checkWorkbook(read.grids);
  const v = valid(checked);
  if (!v) {
    printRefusal(io, checked.parse.problems, undefined, "Geen PDF gemaakt");
    return 1;
  }
  const bytes = await rendererOf().renderPdf(documentOf().signingDocument(v.inputs, v.results, { signOff: checked.signOff, madeAt }));
  const written = await writing(output, io, () => writeFileAtomically(output, bytes));
  if (!written.ok) return written.code;
  for (const p of checked.parse.problems) io.err(formatProblem(p));
  io.out(`Addendum ${v.inputs.settings.year} als PDF geschreven naar ${output} (${Math.round(bytes.length / 1024)} kB).`);
  io.out(`  Plafond formatieve kosten  ${euro(v.results.ceiling.ceiling)}`);
  io.out(`  Totaal budget P&C          ${euro(v.results.ceiling.totalBudget)}`);
  io.out(`  Vingerafdruk               ${v.results.fingerprint}`);
  return 0;
}
