/** `dvo-addendum template --jaar 2026 -o invoer.xlsx [--cao "2027-07-01 +2,5%"]…`: an empty input workbook. */
import type { CaoRaise } from "../../domain/cao";
import { saveAtomically, writeTemplate } from "../../xlsx/file";
import type * as Template from "../../xlsx/template";
import { outputAllowed, writing, type Out } from "../io";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const templateOf = () => require("../../xlsx/template") as typeof Template;

export async function template(jaar: string | undefined, output: string | undefined, io: Out, overwrite = false, raises: readonly CaoRaise[] = []): Promise<number> {
  const year = Number(jaar);
  if (!jaar || !Number.isInteger(year) || year < 2000 || year > 2100) {
    io.err("Geef het jaar op met --jaar, bijvoorbeeld --jaar 2026.");
    return 2;
  }
  const target = output ?? `invoer-${year}.xlsx`;
  const refused = await outputAllowed(target, { overwrite, what: "De invoerwerkmap" }, io);
  if (refused) return refused;
  const written = await writing(target, io, () => raises.length === 0
    ? writeTemplate(target, year)
    : saveAtomically(templateOf().buildInputWorkbook({ year, caoRaises: [...raises] }), target));
  if (!written.ok) return written.code;
  io.out(`Invoerwerkmap voor ${year} geschreven naar ${target}.`);
  for (const r of raises) io.out(`Salaristabel: raming per ${r.label} toegevoegd (Status 'raming').`);
  return 0;
}
