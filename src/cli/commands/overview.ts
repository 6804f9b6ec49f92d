/** `dvo-addendum overzicht a.xlsx b.xlsx … -o overzicht.xlsx`: the years side by side, with progress per file. */
import { outputAllowed, writing, type Out } from "../io";
import type * as OverviewBook from "./overview-book";

// exceljs loads only for the commands that make a new workbook
// eslint-disable-next-line @typescript-eslint/no-require-imports
const overviewOf = () => require("./overview-book") as typeof OverviewBook;

export async function overview(files: string[], output: string, io: Out, overwrite: boolean): Promise<number> {
  for (const input of files) {
    const refused = await outputAllowed(output, { input, overwrite, what: "Het overzicht" }, io);
    if (refused) return refused;
  }
  const t0 = performance.now();
  const { overviewRows, writeOverview } = overviewOf();
  const rows = await overviewRows(files, (i, f) => io.err(`[${i + 1}/${files.length}] ${f} …`));
  for (const r of rows) if (!r.ok) io.err(`  ${r.file}: ${r.problem}`);
  const written = await writing(output, io, () => writeOverview(files, rows, output));
  if (!written.ok) return written.code;
  const bad = rows.filter((r) => !r.ok).length;
  io.out(`Overzicht van ${rows.length} ${rows.length === 1 ? "werkmap" : "werkmappen"} geschreven naar ${output} (${rows.length - bad} gelezen${bad > 0 ? `, ${bad} met een probleem` : ""}; ${Math.round(performance.now() - t0)} ms).`);
  return 0;
}
