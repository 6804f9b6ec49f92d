/**
 * exceljs host: what the add-in keeps in the workbook besides the report — the sign-off record and the
 * input snapshot (very hidden sheets) and the audit log (a hidden sheet `Logboek`, append-only: rows are
 * only ever added below the last one). Also protects the addendum sheet once it is signed.
 */
import type ExcelJS from "exceljs";
import { LOG_HEADERS, LOG_SHEET, logRow, SIGNOFF_SHEET, signOffRows, SNAPSHOT_SHEET, snapshotRows, type KeptRecords } from "../input/meta";

export type Records = KeptRecords;

function replaceVeryHidden(wb: ExcelJS.Workbook, name: string, rows: (string | number)[][]): void {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { state: "veryHidden" });
  for (const r of rows) ws.addRow(r);
}

export function applyRecords(wb: ExcelJS.Workbook, r: Records): void {
  if (r.signOff) replaceVeryHidden(wb, SIGNOFF_SHEET, signOffRows(r.signOff));
  if (r.snapshot) replaceVeryHidden(wb, SNAPSHOT_SHEET, snapshotRows(r.snapshot));
  if (r.log && r.log.length > 0) {
    let log = wb.getWorksheet(LOG_SHEET);
    if (!log) {
      log = wb.addWorksheet(LOG_SHEET, { state: "hidden" });
      log.addRow(LOG_HEADERS).font = { bold: true };
      [20, 18, 24, 66, 16, 20, 20, 20, 20, 100].forEach((w, i) => (log!.getColumn(i + 1).width = w));
    }
    for (const e of r.log) log.addRow(logRow(e));
  }
  if (r.protect) {
    const ws = wb.getWorksheet(r.protect);
    // no password: it guards against accidental edits; the record of who signed is the fingerprint
    // (exceljs sets the protection synchronously when no password is given)
    if (ws) void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: false, formatRows: false });
  }
}
