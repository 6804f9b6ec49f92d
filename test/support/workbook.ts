/** Small helpers for reading and editing test workbooks (exceljs) by header text or label. */
import ExcelJS from "exceljs";
import * as path from "node:path";
import { parseWorkbook } from "../../src/input/parse";
import { LOG_SHEET } from "../../src/records";
import { readWorkbookFile } from "../../src/xlsx/file";

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

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Column B of the (last) row whose column A is `label`. */
export function labelValue(ws: ExcelJS.Worksheet | undefined, label: string): unknown {
  let v: unknown;
  ws?.eachRow((row) => {
    if (row.getCell(1).value === label) v = row.getCell(2).value;
  });
  return v;
}

/** The Logboek's rows as value arrays (column A first). */
export function logRows(wb: ExcelJS.Workbook): unknown[][] {
  const rows: unknown[][] = [];
  wb.getWorksheet(LOG_SHEET)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Save `wb` as `name` in `dir`, read it back with the product's file reader and parse it. */
export async function parseSaved(wb: ExcelJS.Workbook, dir: string, name: string) {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(read.message);
  return { file, parsed: parseWorkbook(read.grids) };
}
