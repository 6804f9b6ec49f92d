/** Small helpers for editing test workbooks by header text. */
import type ExcelJS from "exceljs";

function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (typeof c.value === "string" && c.value.trim().toLowerCase() === header.toLowerCase()) col = n;
  });
  if (!col) throw new Error(`no column '${header}' on ${ws.name}`);
  return col;
}

/** Set `target` in the row whose `keyHeader` cell equals `key`. */
export function setByHeader(wb: ExcelJS.Workbook, sheet: string, keyHeader: string, key: string, target: string, value: ExcelJS.CellValue): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const kc = columnOf(ws, keyHeader);
  const tc = columnOf(ws, target);
  let done = false;
  ws.eachRow((row, r) => {
    if (r > 1 && !done && row.getCell(kc).value === key) {
      row.getCell(tc).value = value;
      done = true;
    }
  });
  if (!done) throw new Error(`no row with ${keyHeader} = ${key} on ${sheet}`);
}
