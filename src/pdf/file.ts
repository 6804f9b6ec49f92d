/** Node: the signing document of an input workbook, written to a file (the CLI's `pdf` command). */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { computeResults, type Results } from "../domain/compute";
import type { Problem } from "../input/grid";
import { readSignOff } from "../records";
import { parseWorkbook } from "../input/parse";
import { readWorkbookFile } from "../xlsx/file";
import { signingDocument } from "./document";
import { renderPdf } from "./node";

export type PdfOutcome =
  | { ok: true; problems: Problem[]; results: Results; year: number; bytes: number }
  | { ok: false; problems: Problem[]; message?: string };

export interface PdfOptions {
  overwrite?: boolean;
  madeAt?: Date;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

export async function pdfFile(input: string, output: string, opts: PdfOptions = {}): Promise<PdfOutcome> {
  if (path.resolve(input) === path.resolve(output)) {
    return { ok: false, problems: [], message: "Het PDF-bestand mag het invoerbestand niet overschrijven: kies met -o een andere bestandsnaam." };
  }
  if (!opts.overwrite && (await exists(output))) {
    return { ok: false, problems: [], message: `'${output}' bestaat al en wordt niet overschreven: kies met -o een andere naam, of geef --overschrijven op.` };
  }
  const read = await readWorkbookFile(input);
  if (!read.ok) return { ok: false, problems: [], message: read.message };
  const parsed = parseWorkbook(read.grids);
  if (!parsed.inputs) return { ok: false, problems: parsed.problems };
  const results = computeResults(parsed.inputs);
  const buf = await renderPdf(signingDocument(parsed.inputs, results, { signOff: readSignOff(read.grids), madeAt: opts.madeAt }));
  const dir = path.dirname(path.resolve(output));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, buf);
    await fs.rename(tmp, output);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return { ok: true, problems: parsed.problems, results, year: parsed.inputs.settings.year, bytes: buf.length };
}
