/**
 * exceljs host: renders the input workbook template (input/template.ts) — one Excel table per sheet named
 * like the sheet, drop-downs for the fixed lists, number and date formats, column widths, a frozen header.
 */
import ExcelJS from "exceljs";
import { columnLetters, templateSheets, type ColumnFormat, type TemplateOptions, type TemplateSheet, type TemplateValue } from "../input/template";
import { templatePrint } from "../input/template-print";

export type { TemplateOptions, TemplateRow, TemplateValue } from "../input/template";
export { caoTablesForYear, dateCell, FORMAT } from "../input/template";

type ValidationTarget = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

function addListValidation(ws: ExcelJS.Worksheet, range: string, list: readonly string[]): void {
  (ws as unknown as ValidationTarget).dataValidations.add(range, {
    type: "list",
    allowBlank: true,
    formulae: [`"${list.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Ongeldige waarde",
    error: `Kies een waarde uit de lijst: ${list.join(", ")}.`.slice(0, 255),
  });
}

function addInputTable(ws: ExcelJS.Worksheet, headers: readonly string[], rows: TemplateValue[][]): void {
  ws.addTable({
    // table names cannot hold spaces; the readers match "_" to " " (as src/office/template.ts)
    name: ws.name.replace(/\s+/g, "_"),
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    // The exceljs table API needs at least one data row.
    rows: rows.length > 0 ? rows : [headers.map(() => null)],
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  ws.getRow(1).font = { bold: true };
}

function formatColumns(ws: ExcelJS.Worksheet, formats: readonly ColumnFormat[], lastRow: number): void {
  formats.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    col.width = f.width;
    if (f.numFmt) col.numFmt = f.numFmt;
    if (f.wrap) col.alignment = { wrapText: true, vertical: "top" };
    if (f.list) addListValidation(ws, `${columnLetters(i + 1)}2:${columnLetters(i + 1)}${lastRow}`, f.list);
  });
  // The header row keeps the general format.
  ws.getRow(1).eachCell((cell) => {
    cell.numFmt = "General";
  });
}

function renderSheet(wb: ExcelJS.Workbook, t: TemplateSheet): void {
  const ws = wb.addWorksheet(t.name);
  addInputTable(ws, t.headers, t.rows);
  if (t.settingCells) {
    t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    ws.getColumn(2).alignment = { horizontal: "right" };
    t.settingCells.forEach((c, i) => {
      const cell = ws.getCell(i + 2, 2);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.list) addListValidation(ws, cell.address, c.list);
    });
  } else formatColumns(ws, t.columns, t.lastRow);
  if (t.note) addNote(ws, t.headers.length + 2, t.note);
  const print = templatePrint(t);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: print.fitWidth,
    fitToHeight: 0,
    printTitlesRow: print.repeatRows,
    firstPageNumber: 1,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: print.footer };
}

/** A visible note beside the table (outside it, so readers ignore it). */
function addNote(ws: ExcelJS.Worksheet, col: number, note: { title: string; text: string }): void {
  ws.getColumn(col).width = 60;
  const title = ws.getCell(1, col);
  title.value = note.title;
  title.font = { bold: true, color: { argb: "FF7F6000" } };
  ws.mergeCells(2, col, 16, col);
  const body = ws.getCell(2, col);
  body.value = note.text;
  body.alignment = { wrapText: true, vertical: "top" };
  body.font = { italic: true, color: { argb: "FF7F6000" } };
  body.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
}

/** The input workbook for `year`, optionally filled with `rows` and `settings`. */
export function buildInputWorkbook(opts: TemplateOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "dvo-addendum";
  wb.title = `DVO Publieksdienst Twenterand - Ommen: invoer ${opts.year}`;
  for (const t of templateSheets(opts)) renderSheet(wb, t);
  return wb;
}


