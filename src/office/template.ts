/**
 * Office.js host: create the input sheets of the template that the workbook does not have yet. Existing
 * sheets are never touched. One read and one write round trip.
 */
import { toExcelSerial } from "../domain/dates";
import { columnLetter } from "../input/grid";
import { norm } from "../input/table";
import { templateSheets, type TemplateSheet, type TemplateValue } from "../input/template";

function cellValue(v: TemplateValue): string | number {
  if (v === null) return "";
  if (v instanceof Date) return toExcelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() });
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  return v;
}

/** A one-column 2-D array of `rows` times the same value. */
const column = (rows: number, v: string): string[][] => Array.from({ length: rows }, () => [v]);

function renderSheet(context: Excel.RequestContext, t: TemplateSheet, supports: (v: string) => boolean): void {
  const ws = context.workbook.worksheets.add(t.name);
  const cols = t.headers.length;
  const last = columnLetter(cols);
  const rows = t.rows.length > 0 ? t.rows : [t.headers.map(() => null)];
  const body = [t.headers.map((h) => `'${h}`), ...rows.map((r) => r.map(cellValue))];
  // formats first, so that values land in cells that already show them right
  t.columns.forEach((c, i) => {
    const col = columnLetter(i + 1);
    ws.getRange(`${col}:${col}`).format.columnWidth = Math.round(c.width * 6);
    // one format per cell: a 2-D array the size of the range (a 1×1 array on a bigger range is refused)
    if (c.numFmt && !t.settingCells) ws.getRange(`${col}2:${col}${t.lastRow}`).numberFormat = column(t.lastRow - 1, c.numFmt);
    if (c.list && supports("1.8")) {
      ws.getRange(`${col}2:${col}${t.lastRow}`).dataValidation.rule = { list: { inCellDropDown: true, source: c.list.join(",") } };
    }
  });
  t.settingCells?.forEach((c, i) => {
    const cell = ws.getRange(`B${i + 2}`);
    if (c.numFmt) cell.numberFormat = [[c.numFmt]];
    if (c.list && supports("1.8")) cell.dataValidation.rule = { list: { inCellDropDown: true, source: c.list.join(",") } };
  });
  ws.getRange(`A1:${last}${body.length}`).values = body;
  const table = ws.tables.add(`A1:${last}${body.length}`, true);
  // table names cannot hold spaces; the reader matches "_" to " "
  table.name = t.name.replace(/\s+/g, "_");
  table.style = "TableStyleMedium2";
  ws.freezePanes.freezeRows(1);
  if (t.note) {
    const col = columnLetter(cols + 2);
    ws.getRange(`${col}:${col}`).format.columnWidth = 360;
    ws.getRange(`${col}1`).values = [[`'${t.note.title}`]];
    ws.getRange(`${col}1`).format.font.bold = true;
    ws.getRange(`${col}2`).values = [[`'${t.note.text}`]];
    const note = ws.getRange(`${col}2:${col}16`);
    note.merge(false);
    note.format.wrapText = true;
    note.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    note.format.fill.color = "#FFF2CC";
    note.format.font.italic = true;
  }
}

/** Create the template sheets that are missing; returns the names created. */
export async function createMissingInputSheets(context: Excel.RequestContext, year: number, supports: (v: string) => boolean): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const existing = new Set(sheets.items.map((s) => norm(s.name)));
  const missing = templateSheets({ year }).filter((t) => !existing.has(norm(t.name)));
  for (const t of missing) renderSheet(context, t, supports);
  if (missing.length > 0) {
    context.workbook.worksheets.getItem(missing[0].name).activate();
    await context.sync();
  }
  return missing.map((t) => t.name);
}
