/**
 * `dvo-addendum overzicht a.xlsx b.xlsx … -o overzicht.xlsx`: the years side by side (report/overview.ts).
 * A new workbook: a `Bestanden` sheet made with exceljs (the files, their full path and problem), then the
 * `Overzicht` sheet with its native charts written by the file host from the plan.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { PLAN_VERSION } from "../../report/build";
import { overviewRow, overviewSheet, type OverviewRow } from "../../report/overview";
import { readWorkbookBuffer } from "../../xlsx/read";
import { readWorkbookFile, writeFileAtomically } from "../../xlsx/file";
import { writeReport } from "../../xlsx/write";

/** Read every file, one at a time (`onFile` before each); a file that fails is a row with its problem. */
export async function overviewRows(files: readonly string[], onFile?: (index: number, file: string) => void): Promise<OverviewRow[]> {
  const rows: OverviewRow[] = [];
  for (const [i, file] of files.entries()) {
    onFile?.(i, file);
    try {
      const read = await readWorkbookFile(file);
      rows.push(read.ok ? overviewRow(path.basename(file), read.grids) : { file: path.basename(file), ok: false, problem: read.message });
    } catch (e) {
      rows.push({ file: path.basename(file), ok: false, problem: `De werkmap kan niet worden gelezen (${e instanceof Error ? e.message : String(e)}).` });
    }
  }
  return rows;
}

/** The overview workbook's bytes. */
export async function overviewBytes(files: readonly string[], rows: readonly OverviewRow[], now: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bestanden");
  ws.columns = [{ header: "Bestand", width: 40 }, { header: "Pad", width: 70 }, { header: "Gelezen", width: 10 }, { header: "Probleem", width: 90 }];
  ws.getRow(1).font = { bold: true };
  rows.forEach((r, i) => ws.addRow([r.file, path.resolve(files[i]), r.ok ? "Ja" : "Nee", r.ok ? null : r.problem]));
  const base = await wb.xlsx.writeBuffer();
  const read = await readWorkbookBuffer(new Uint8Array(base as ArrayBuffer), "overzicht");
  if (!read.ok) throw new Error(read.message);
  const sheet = overviewSheet(rows, now);
  return writeReport(read.book, {
    sheets: [sheet],
    marker: { product: "dvo-addendum", version: PLAN_VERSION, fingerprint: "", builtAt: now.toISOString(), reportMonth: 0 },
  }, {}, { now });
}

export async function writeOverview(files: readonly string[], rows: readonly OverviewRow[], output: string, now = new Date()): Promise<void> {
  await writeFileAtomically(output, await overviewBytes(files, rows, now));
}
