/**
 * exceljs host, writing side: put a WorkbookPlan into a workbook beside its input sheets, and save it
 * atomically. Input sheets and the user's own sheets are never touched; report sheets made by an earlier
 * build (listed in the very hidden `_dvo_addendum` sheet) are replaced whole.
 */
import type ExcelJS from "exceljs";
import type { CellStyle, ConditionalFormat, PlanCell, SheetPlan, WorkbookPlan } from "../report/plan";

export const META_SHEET = "_dvo_addendum";

const FONT = "Calibri";
const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 15, bold: true, color: { argb: "FF1F3864" } } },
  subtitle: { font: { name: FONT, size: 11, color: { argb: "FF404040" } } },
  section: { font: { name: FONT, size: 12, bold: true, color: { argb: "FF1F3864" } } },
  header: {
    font: { name: FONT, size: 10, bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
    border: { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } },
    alignment: { wrapText: true, vertical: "top" },
  },
  label: { font: { name: FONT, size: 10 } },
  total: { font: { name: FONT, size: 10, bold: true }, border: { top: { style: "thin" } } },
  note: { font: { name: FONT, size: 9, italic: true, color: { argb: "FF595959" } } },
  warning: { font: { name: FONT, size: 10, bold: true, color: { argb: "FF9C0006" } } },
  banner: { font: { name: FONT, size: 11, bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } } },
  input: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E5" } }, border: { bottom: { style: "hair", color: { argb: "FFBFBFBF" } } } },
};

const CONDITIONAL: Record<ConditionalFormat["style"], Partial<ExcelJS.Style>> = {
  bad: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } },
  good: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } }, font: { color: { argb: "FF006100" } } },
  attention: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } }, font: { color: { argb: "FF9C5700" } } },
};

/** Names of the report sheets an earlier build recorded in the meta sheet. */
export function recordedReportSheets(wb: ExcelJS.Workbook): string[] {
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta) return [];
  const names: string[] = [];
  meta.eachRow((row) => {
    if (row.getCell(1).value === "rapportblad" && typeof row.getCell(2).value === "string") names.push(row.getCell(2).value as string);
  });
  return names;
}

/** Sheets that are not ours: the input sheets and anything the user made. */
export function otherSheetNames(wb: ExcelJS.Workbook): string[] {
  const ours = new Set(recordedReportSheets(wb));
  return wb.worksheets.map((w) => w.name).filter((n) => n !== META_SHEET && !ours.has(n));
}

function cellValue(c: PlanCell): ExcelJS.CellValue {
  if (c.f !== undefined) {
    const result = c.r === null || c.r === undefined ? undefined : c.r;
    return { formula: c.f, result } as ExcelJS.CellFormulaValue;
  }
  // A string is written as a string cell: exceljs never turns it into a formula, whatever it starts with.
  return c.v === undefined ? null : c.v;
}

/**
 * One style object per combination of named style, number format and wrap, shared by every cell that has
 * it. exceljs recognises a style object it has seen before (a WeakMap from object to style id) and renders
 * a new one to XML to look it up, so a fresh object per cell costs an XML rendering per cell. The objects
 * are never mutated after they are made.
 */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  of(c: PlanCell): Partial<ExcelJS.Style> {
    const key = `${c.s ?? ""}|${c.nf ?? ""}|${c.wrap ? 1 : 0}`;
    let style = this.styles.get(key);
    if (!style) {
      style = c.s ? { ...STYLES[c.s] } : {};
      if (c.nf) style.numFmt = c.nf;
      if (c.wrap) style.alignment = { ...(style.alignment ?? {}), wrapText: true, vertical: "top" };
      this.styles.set(key, style);
    }
    return style;
  }
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan, styles: StyleCache): void {
  const ws = wb.addWorksheet(plan.name, {
    views: [{ state: "frozen", ySplit: plan.freezeRows ?? 4, showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: `&L${plan.name}&RPagina &P van &N` },
  });
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.cells.forEach((row, r) => {
    if (!row) return;
    const xRow = ws.getRow(r + 1);
    const lines = wrappedLines(row, plan.widths);
    if (lines > 1) xRow.height = Math.min(409, 13.5 * lines + 2);
    row.forEach((c, col) => {
      if (!c) return;
      const cell = xRow.getCell(col + 1);
      cell.value = cellValue(c);
      cell.style = styles.of(c);
    });
  });
  for (const m of plan.merges) ws.mergeCells(m);
  plan.conditional.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: "expression", priority: i + 1, formulae: [cf.formula], style: CONDITIONAL[cf.style] }],
    });
  });
}

/** Rows with wrapped text get the height their longest cell needs (hosts do not autofit on open). */
function wrappedLines(row: (PlanCell | undefined)[], widths: number[]): number {
  let lines = 1;
  row.forEach((c, i) => {
    if (!c?.wrap || typeof c.v !== "string" || c.v === "") return;
    const chars = Math.max(4, (widths[i] ?? 10) * 1.15);
    const n = c.v.split("\n").reduce((a, part) => a + Math.max(1, Math.ceil(part.length / chars)), 0);
    lines = Math.max(lines, n);
  });
  return lines;
}

function writeMeta(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const existing = wb.getWorksheet(META_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const meta = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.addRow(["product", plan.marker.product]);
  meta.addRow(["versie", plan.marker.version]);
  meta.addRow(["vingerafdruk", plan.marker.fingerprint]);
  meta.addRow(["gemaakt", plan.marker.builtAt]);
  meta.addRow(["rapportagemaand", plan.marker.reportMonth]);
  for (const s of plan.sheets) meta.addRow(["rapportblad", s.name]);
}

/** Replace the report sheets of an earlier build by the plan's; leave every other sheet as it is. */
export function applyPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  for (const name of recordedReportSheets(wb)) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const styles = new StyleCache();
  for (const s of plan.sheets) writeSheet(wb, s, styles);
  writeMeta(wb, plan);
  const first = wb.worksheets.findIndex((w) => w.name === plan.sheets[0]?.name);
  if (first >= 0) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: first, visibility: "visible" }];
}
