/**
 * `dvo-addendum check invoer.xlsx [--vingerafdruk <hex> | --pdf getekend.pdf]`: every problem of the
 * inputs and the records (src/job/check.ts), and optionally whether the addendum's inputs are still the
 * signed ones, against a fingerprint kept outside the workbook.
 */
import { promises as fs } from "node:fs";
import type { Problem } from "../../input/grid";
import { REPORT_SHEETS } from "../../domain/glossary";
import { checkWorkbook, hasErrors } from "../../job/check";
import type * as PdfRead from "../../pdf/read";
import { readWorkbookFile } from "../../xlsx/file";
import { formatProblem, summary, type Out } from "../io";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfReadOf = () => require("../../pdf/read") as typeof PdfRead;

/** A fingerprint as typed or copied (spaces, capitals allowed) → 64 lower-case hex characters, or null. */
export function normaliseFingerprint(x: string): string | null {
  const fp = x.replace(/\s+/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(fp) ? fp : null;
}

/** The signed fingerprint given on the command line, or the exit code after printing why it cannot be read. */
async function signedFingerprint(signed: { fingerprint?: string; pdf?: string }, io: Out): Promise<string | null | 2> {
  if (signed.fingerprint !== undefined && signed.pdf !== undefined) {
    io.err("Geef --vingerafdruk of --pdf op, niet allebei.");
    return 2;
  }
  if (signed.fingerprint !== undefined) {
    const fp = normaliseFingerprint(signed.fingerprint);
    if (!fp) io.err(`'${signed.fingerprint}' is geen vingerafdruk: verwacht 64 tekens 0-9 en a-f, zoals onder 'Vingerafdruk van de invoer' op het getekende document.`);
    return fp ?? 2;
  }
  if (signed.pdf === undefined) return null;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(signed.pdf);
  } catch {
    io.err(`Het PDF-document '${signed.pdf}' kan niet worden gelezen: controleer de naam en de map.`);
    return 2;
  }
  const fp = pdfReadOf().fingerprintFromPdf(bytes);
  if (!fp) io.err(`In '${signed.pdf}' staat geen vingerafdruk in de documenteigenschappen: is het een addendum gemaakt met 'dvo-addendum pdf'? Geef de vingerafdruk anders op met --vingerafdruk.`);
  return fp ?? 2;
}

export async function check(input: string, io: Out, signed: { fingerprint?: string; pdf?: string } = {}): Promise<number> {
  const expected = await signedFingerprint(signed, io);
  if (expected === 2) return 2;
  const read = await readWorkbookFile(input);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  const checked = checkWorkbook(read.grids);
  const problems: Problem[] = [...checked.problems];
  const fingerprint = checked.results?.fingerprint ?? null;
  if (expected && fingerprint && checked.parse.inputs && fingerprint !== expected) {
    const recomputed = checked.signOff?.fingerprint === fingerprint ? " De vingerafdruk in het ondertekeningsblad van de werkmap is bijgewerkt tot de gewijzigde invoer: dat is niet door ondertekening gebeurd." : "";
    problems.push({
      severity: "fout", code: "not-the-signed-inputs", sheet: REPORT_SHEETS.addendum(checked.parse.inputs.settings.year), cell: "A1",
      message: `Niet de getekende invoer: de instellingen, de gebruikte salaristabel of de formatie verschillen van wat is ondertekend (getekend ${expected.slice(0, 12)}…, werkmap nu ${fingerprint.slice(0, 12)}…).${recomputed} Zet de wijziging terug, of heropen het addendum en laat het opnieuw ondertekenen.`,
    });
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
  return hasErrors(problems) || (expected !== null && fingerprint !== expected) ? 1 : 0;
}
