/**
 * Save what the Excel double holds as .xlsx through the project's own file writer: the input package the
 * double was set up from, with every sheet the Office.js host added or changed written into it.
 */
import type { CellStyle, PlanCell, SheetPlan } from "../../../src/report/plan";
import { readBytesSync } from "../../../src/xlsx/read";
import { writeSheets } from "../../../src/xlsx/write";
import type { ExportedWorkbook } from "./index";

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Office.js column widths are in points; a width in characters of Calibri 11 is about 7 points wide. */
const POINTS_PER_CHAR = 7;

export function saveDouble(inputBytes: Uint8Array, workbook: ExportedWorkbook, inputSheets: string[]): Uint8Array {
  const book = readBytesSync(inputBytes, "invoer");
  if (!book.ok) throw new Error(book.message);
  const inputs = new Set(inputSheets.map((n) => n.toLowerCase()));
  const sheets = workbook.sheets.filter((s) => !inputs.has(s.name.toLowerCase())).map((s) => {
    const cells: (PlanCell | undefined)[][] = [];
    for (const [addr, c] of Object.entries(s.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(addr);
      if (!m) continue;
      const r = Number(m[2]) - 1;
      const col = colNumber(m[1]) - 1;
      while (cells.length <= r) cells.push([]);
      const nf = c.numberFormat && c.numberFormat !== "General" ? c.numberFormat : undefined;
      cells[r][col] = c.formula !== undefined
        ? { f: c.formula.replace(/^=/, ""), r: c.value, nf }
        : { v: c.value, nf, s: undefined as CellStyle | undefined };
    }
    const widths: number[] = [];
    for (const [letters, w] of Object.entries(s.columnWidths)) widths[colNumber(letters) - 1] = Math.round((w / POINTS_PER_CHAR) * 10) / 10;
    const plan: SheetPlan = {
      name: s.name, cells, widths: Array.from(widths, (w) => w ?? 10), freezeRows: s.freezeRows ?? 0, merges: s.merged,
      conditional: [], charts: [], editable: [],
    };
    return { plan, state: s.visibility === "VeryHidden" ? "veryHidden" as const : s.visibility === "Hidden" ? "hidden" as const : "visible" as const, protect: s.protected };
  });
  return writeSheets(book.book, sheets);
}
