/** The bundled example (src/example/example.ts) as an input workbook, made with the template builder. */
import type ExcelJS from "exceljs";
import { exampleTemplate } from "../example/example";
import { buildInputWorkbook } from "./template";

export { EXAMPLE_YEAR } from "../example/example";

export function exampleWorkbook(): ExcelJS.Workbook {
  return buildInputWorkbook(exampleTemplate());
}
