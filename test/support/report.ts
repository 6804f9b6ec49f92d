/** A variant of a bundled workbook built into a report through the file pipeline (src/cli/pipeline.ts). */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportFile } from "../../src/cli/pipeline";

/**
 * A copy of `source` changed by `edit`, saved as `<name>-invoer.xlsx` in `dir` and built into `<name>.xlsx`
 * there. Throws with the problems when no report is made.
 */
export async function reportVariant(source: ExcelJS.Workbook, edit: (wb: ExcelJS.Workbook) => void, dir: string, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await source.xlsx.writeBuffer()) as ArrayBuffer);
  edit(wb);
  const input = path.join(dir, `${name}-invoer.xlsx`);
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, `${name}.xlsx`);
  const r = await reportFile(input, out);
  if (!r.ok) throw new Error(`${name}: ${r.message ?? ""} ${JSON.stringify(r.problems)}`);
  return { out, results: r.results };
}
