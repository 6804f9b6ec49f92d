/**
 * Office.js host: the records a build keeps beside the report (src/records decides them; this only
 * moves rows into sheets): the meta sheet with the report sheets' names and ids, the sign-off record and the
 * snapshot (very hidden, replaced whole), and the Logboek (hidden, append-only).
 */
import { columnLetter } from "../input/grid";
import { LOG_HEADERS, LOG_SHEET, logRow, MARKER_SHEET, markerRows, SIGNOFF_SHEET, signOffRows, SNAPSHOT_SHEET, snapshotRows, type KeptRecords } from "../records";
import { LOOKS } from "../report/palette";
import type { WorkbookPlan } from "../report/plan";
import { rowChunks, size, type Batch } from "./batch";
import type { ExcelSheetInfo } from "./read";
import { applyLook } from "./sheet-write";

/** Write `rows` (text gets its apostrophe) from row `first` on, in slices that stay under the budget. */
async function writeRows(ws: Excel.Worksheet, batch: Batch, first: number, rows: (string | number)[][], width: number): Promise<void> {
  const body = rows.map((r) => Array.from({ length: width }, (_, i) => {
    const v = r[i];
    return v === undefined || v === "" ? "" : typeof v === "string" ? `'${v}` : v;
  }));
  for (const c of rowChunks(body, batch.budget / 4)) {
    const part = body.slice(c.from, c.to);
    await batch.add(size(part));
    ws.getRange(`A${first + c.from}:${columnLetter(width)}${first + c.to - 1}`).values = part;
  }
}

/** Write `rows` into a (very) hidden sheet of ours, replacing what was there. */
async function replaceHidden(sheets: Excel.WorksheetCollection, batch: Batch, name: string, existing: ExcelSheetInfo | undefined, rows: (string | number)[][], visibility: "VeryHidden" | "Hidden"): Promise<void> {
  const ws = existing ? sheets.getItem(existing.id) : sheets.add(name);
  if (existing) ws.getRange().clear();
  if (rows.length > 0) await writeRows(ws, batch, 1, rows, rows.reduce((w, r) => Math.max(w, r.length), 0));
  ws.visibility = visibility as Excel.SheetVisibility;
  await batch.add(100);
}

/** Queue the records of this build: `report` are the report sheets as they now are (name and id). */
export async function queueRecords(
  sheets: Excel.WorksheetCollection,
  batch: Batch,
  plan: WorkbookPlan,
  report: Array<{ name: string; id: string }>,
  find: (name: string) => ExcelSheetInfo | undefined,
  records: KeptRecords,
  logRows: number | null | undefined,
): Promise<void> {
  await replaceHidden(sheets, batch, MARKER_SHEET, find(MARKER_SHEET), markerRows(plan.marker, report), "VeryHidden");
  if (records.signOff) await replaceHidden(sheets, batch, SIGNOFF_SHEET, find(SIGNOFF_SHEET), signOffRows(records.signOff), "VeryHidden");
  if (records.snapshot) await replaceHidden(sheets, batch, SNAPSHOT_SHEET, find(SNAPSHOT_SHEET), snapshotRows(records.snapshot), "VeryHidden");
  if (records.log && records.log.length > 0) {
    // append-only: new rows go below the last row in use; nothing above is written
    const existing = find(LOG_SHEET);
    const log = existing ? sheets.getItem(existing.id) : sheets.add(LOG_SHEET);
    let first = (existing ? logRows ?? 0 : 0) + 1;
    const width = LOG_HEADERS.length;
    if (first === 1) {
      await writeRows(log, batch, 1, [LOG_HEADERS], width);
      // the header row in the report's header look, as the file host writes it
      applyLook(log.getRange(`A1:${columnLetter(width)}1`).format, LOOKS.header);
      first = 2;
    }
    await writeRows(log, batch, first, records.log.map(logRow), width);
    if (!existing) log.visibility = "Hidden" as Excel.SheetVisibility;
    await batch.add(200);
  }
}
