/**
 * `dvo-addendum`: the command line host.
 *   dvo-addendum template --jaar 2026 -o invoer.xlsx
 *   dvo-addendum check invoer.xlsx
 *   dvo-addendum report invoer.xlsx -o rapport.xlsx
 *   dvo-addendum report                      (the bundled example, into out/)
 *   dvo-addendum pdf invoer.xlsx -o addendum-2026.pdf
 *   dvo-addendum check invoer.xlsx --vingerafdruk <hex> | --pdf getekend.pdf
 *   dvo-addendum review invoer.xlsx --controller "naam" [--opmerking "…" | --afkeuren "reden"] -o uit.xlsx
 * Exit codes: 0 done; 1 the input has errors (fout) or cannot be read, or the output cannot be written there
 * (a folder, a missing folder); 2 wrong use of the command (also: the output exists and --overschrijven is
 * not given).
 */
import { compareDates } from "../domain/dates";
import { parseCaoRaise, type CaoRaise } from "../domain/cao";
import { COMMAND_OPTIONS, parseCommandLine } from "./args";
import { check } from "./commands/check";
import { examplePdf, exampleReport } from "./commands/example";
import { nextYear } from "./commands/next-year";
import { overview } from "./commands/overview";
import { defaultPdfOutput, signingPdf } from "./commands/pdf";
import { defaultReportOutput, report } from "./commands/report";
import { review } from "./commands/review";
import { template } from "./commands/template";
import { stdio, type Out } from "./io";

export { formatProblem } from "./io";

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
  dvo-addendum review <invoer.xlsx> --controller "…" [--opmerking "…"] -o <gecontroleerd.xlsx>
                                                         leg vast dat de controller de invoer van het addendum heeft gecontroleerd
  dvo-addendum review <invoer.xlsx> --controller "…" --afkeuren "reden" -o <uit.xlsx>
                                                         keur het addendum af: terug naar Concept, met de reden in het Logboek
  dvo-addendum sign <invoer.xlsx> --accounthouder "…" --ter-ondertekening -o <uit.xlsx>
                                                         bied het addendum ter ondertekening aan
  dvo-addendum sign <invoer.xlsx> --regisseur "…" --accounthouder "…" -o <getekend.xlsx>
                                                         leg de ondertekening vast (met vingerafdruk) en beveilig het addendum
  dvo-addendum sign <getekend.xlsx> --regisseur "…" --accounthouder "…" --wijziging "reden" -o <uit.xlsx>
                                                         onderteken een wijziging van het addendum (1e, 2e … wijziging)
  dvo-addendum reopen <getekend.xlsx> --door "…" --reden "…" -o <uit.xlsx>
                                                         heropen een ondertekend addendum (terug naar Concept, vastgelegd in het Logboek)
  Een bestaand bestand wordt nooit overschreven, behalve met --overschrijven (template, report, review, sign, reopen, pdf);
  het voorbeeld (report zonder invoerbestand en zonder -o) vervangt alleen zijn eigen bestanden in out/.
`;

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
        return examplePdf(output, io, overwrite);
      }
      if (rest.length !== 1) break;
      return signingPdf(rest[0], output ?? defaultPdfOutput(rest[0]), overwrite, io);
    case "report":
      if (rest.length === 0) return exampleReport(output, io, overwrite);
      if (rest.length !== 1) break;
      return report(rest[0], output ?? defaultReportOutput(rest[0]), io, undefined, overwrite);
    case "sign":
      if (rest.length !== 1 || !output) break;
      return report(rest[0], output, io, parsed.values["ter-ondertekening"]
        ? { kind: "submit", accounthouder: accounthouder ?? "" }
        : { kind: "sign", regisseur: regisseur ?? "", accounthouder: accounthouder ?? "", ...(parsed.values.wijziging !== undefined ? { amendment: parsed.values.wijziging } : {}) }, overwrite);
    case "review":
      if (rest.length !== 1 || !output) break;
      return review(rest[0], output, { controller: parsed.values.controller, remark: parsed.values.opmerking, reject: parsed.values.afkeuren }, io, overwrite);
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
  if (!output) return `'${command}' heeft met -o de naam van het nieuwe bestand nodig, bijvoorbeeld -o ${command === "reopen" ? "heropend" : command === "review" ? "gecontroleerd" : "getekend"}.xlsx.`;
  return "Onbekende opdracht of verkeerd aantal argumenten.";
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
