/**
 * `dvo-addendum check invoer.xlsx [--vingerafdruk <hex> | --pdf getekend.pdf]`: every problem of the
 * inputs and the records (src/job/check.ts), and optionally whether the addendum's inputs are still the
 * signed ones, against a fingerprint kept outside the workbook.
 */
import { promises as fs } from "node:fs";
import type { Problem } from "../../input/grid";
import { REPORT_SHEETS } from "../../domain/glossary";
import { checkWorkbook, hasErrors } from "../../job/check";
import { changesSince, describeInputChanges, type InputChanges } from "../../records";
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
  // the signed version with this fingerprint, when the workbook keeps its inputs (records/versions.ts): then
  // the difference can be named, and a change of the Salaristabel only is a cao change, not other inputs
  const inputs = checked.parse.inputs;
  const signedVersion = expected ? checked.signOff?.versions?.find((v) => v.fingerprint === expected) : undefined;
  const changes: InputChanges | null = signedVersion && inputs && fingerprint !== expected ? changesSince(signedVersion, inputs) : null;
  const named = changes && inputs ? describeInputChanges(changes, inputs).join("; ") : "";
  const caoOnly = changes?.caoOnly === true;
  const amended = checked.signOff?.versions?.find((v) => v.fingerprint === fingerprint && v.number > (signedVersion?.number ?? -1));
  if (expected && fingerprint && inputs && fingerprint !== expected && caoOnly) {
    problems.push({
      severity: "waarschuwing", code: "cao-change-after-signing", sheet: REPORT_SHEETS.addendum(inputs.settings.year), cell: "A1",
      message: `Cao-aanpassing ten opzichte van de getekende invoer: de formatie en de instellingen zijn de getekende, alleen de Salaristabel verschilt (${named}). ${amended ? `De werkmap heeft deze aanpassing vastgelegd als de ${amended.number}e wijziging van het addendum (ondertekend op ${amended.date}).` : "Het getekende plafond blijft vastgesteld; stem de cao-aanpassing af met de opdrachtgever en leg haar vast met een wijziging van het addendum."}`,
    });
  } else if (expected && fingerprint && inputs && fingerprint !== expected) {
    const later = amended;
    const recomputed = later
      ? ` De werkmap heeft de ${later.number}e wijziging van het addendum (ondertekend op ${later.date}): controleer met het document van die wijziging.`
      : checked.signOff?.fingerprint === fingerprint ? " De vingerafdruk in het ondertekeningsblad van de werkmap is bijgewerkt tot de gewijzigde invoer: dat is niet door ondertekening gebeurd." : "";
    problems.push({
      severity: "fout", code: "not-the-signed-inputs", sheet: REPORT_SHEETS.addendum(inputs.settings.year), cell: "A1",
      message: `Niet de getekende invoer: de instellingen, de gebruikte salaristabel of de formatie verschillen van wat is ondertekend (getekend ${expected.slice(0, 12)}…, werkmap nu ${fingerprint.slice(0, 12)}…).${named ? ` Veranderd: ${named}.` : ""}${recomputed} Zet de wijziging terug, of heropen het addendum en laat het opnieuw ondertekenen.`,
    });
  }
  for (const p of problems) io.out(formatProblem(p));
  if (expected) {
    io.out(fingerprint === null
      ? `${input}: de vingerafdruk kan niet worden vergeleken zolang de invoer fouten heeft.`
      : fingerprint === expected
        ? `${input}: de invoer van het addendum is de getekende (vingerafdruk ${expected}).`
        : caoOnly
          ? `${input}: de invoer van het addendum is de getekende, op een cao-aanpassing in de Salaristabel na (af te stemmen met de opdrachtgever).`
          : `${input}: de invoer van het addendum is NIET de getekende.`);
  }
  io.out(problems.length === 0 ? `${input}: geen fouten of waarschuwingen.` : `${input}: ${summary(problems)}.`);
  return hasErrors(problems) || (expected !== null && fingerprint !== expected && !caoOnly) ? 1 : 0;
}
