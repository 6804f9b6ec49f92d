/**
 * The bundled example's inputs (src/example/example.ts) as plain JSON, so that foreign writers (openpyxl,
 * exceljs from scratch, a direct XML injection into a workbook Excel saved) can write the same inputs.
 * Per sheet: the header row and the data rows of the input table, each cell a number, a text, a date
 * (`{ date: "2025-04-01" }`) or null. Notes beside a table are not inputs and are left out.
 */
import type ExcelJS from "exceljs";
import { exampleWorkbook } from "../../src/xlsx/example";

export type ExampleCell = number | string | boolean | { date: string } | null;

export interface ExampleSheet {
  name: string;
  headers: string[];
  rows: ExampleCell[][];
  /** number format per column (from the example workbook), if any */
  formats: Array<string | null>;
}

export interface ExampleInputs {
  year: number;
  sheets: ExampleSheet[];
}

function cell(v: ExcelJS.CellValue): ExampleCell {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  throw new Error(`unexpected cell value in the example: ${JSON.stringify(v)}`);
}

/** The example's input sheets, in workbook order. */
export function exampleInputs(): ExampleInputs {
  const wb = exampleWorkbook();
  const sheets: ExampleSheet[] = [];
  for (const ws of wb.worksheets) {
    const headers: string[] = [];
    for (let c = 1; ; c++) {
      const h = ws.getRow(1).getCell(c).value;
      if (typeof h !== "string" || h === "") break;
      headers.push(h);
    }
    const rows: ExampleCell[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = headers.map((_, i) => cell(ws.getRow(r).getCell(i + 1).value));
      if (row.every((v) => v === null)) continue;
      rows.push(row);
    }
    const formats = headers.map((_, i) => {
      const f = ws.getRow(2).getCell(i + 1).numFmt;
      return typeof f === "string" && f !== "" && f !== "General" ? f : null;
    });
    sheets.push({ name: ws.name, headers, rows, formats });
  }
  return { year: 2025, sheets };
}
