/**
 * Inside Excel: tell the task pane when the workbook changes after it was checked, so the figures shown
 * can be marked stale. Listens to the worksheet collection (ExcelApi 1.9; the add-in needs 1.14): a cell
 * edited, a sheet added or deleted. Changes to the add-in's own sheets (report, Logboek, hidden records)
 * are not input changes and are left out here.
 */
import { REPORT_SHEETS } from "../domain/glossary";

const OWN = new Set<string>(Object.values(REPORT_SHEETS).flatMap((v) => (typeof v === "string" ? [v.toLowerCase()] : [])));

/** Is this sheet one the add-in writes itself (never an input)? */
export function isOwnSheet(name: string): boolean {
  const n = name.toLowerCase();
  return OWN.has(n) || /^addendum \d{4}/.test(n) || n === "logboek" || n.startsWith("_dvo");
}

/** Calls `onChange(sheetName)` for every change to a sheet that is not the add-in's own. */
export async function watchWorkbook(onChange: (sheet: string) => void): Promise<void> {
  const nameOf = (id: string) => Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(id);
    ws.load("name");
    await context.sync();
    return ws.isNullObject ? "" : ws.name;
  });
  const report = async (id: string | null) => {
    const name = id === null ? "" : await nameOf(id).catch(() => "");
    if (!isOwnSheet(name)) onChange(name);
  };
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.onChanged.add(async (e) => report(e.worksheetId));
    sheets.onAdded.add(async (e) => report(e.worksheetId));
    sheets.onDeleted.add(async () => report(null));
    await context.sync();
  });
}
