/**
 * Office.js host: write one sheet of the plan into a worksheet — number formats and values/formulas as 2-D
 * arrays of the range's exact shape (per band of rows, and one n×1 array per column run), the report's looks
 * from the one palette (src/report/palette.ts), merges, heights, widths, conditional formats, charts and
 * print setup. `clearForRewrite` empties a report sheet of an earlier build so it can be written again in
 * place (same sheet, same name, so references to it from the user's sheets keep pointing at it).
 */
import { columnLetter } from "../input/grid";
import { CONDITIONAL_LOOKS, FONT_NAME, LOOKS, WRAP_VERTICAL, type Edge, type Look } from "../report/palette";
import type { ChartPlan, SheetPlan } from "../report/plan";
import { rowChunks, size, type Batch } from "./batch";
import { addressChunks, bands, compress, runArray, runsBy, styleRuns } from "./compress";

const CHART_TYPES: Record<ChartPlan["kind"], string> = { column: "ColumnClustered", line: "Line", bar: "BarClustered" };
const WEIGHT: Record<Edge["weight"], string> = { thin: "Thin", hair: "Hairline" };
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top" } as const;

function applyEdge(format: Excel.RangeFormat, side: "EdgeTop" | "EdgeBottom", edge: Edge | undefined): void {
  if (!edge) return;
  const b = format.borders.getItem(side);
  b.style = "Continuous" as Excel.BorderLineStyle;
  b.weight = WEIGHT[edge.weight] as Excel.BorderWeight;
  b.color = `#${edge.color}`;
}

/** Give a range one of the palette's looks. */
export function applyLook(format: Excel.RangeFormat, look: Look): void {
  format.font.name = FONT_NAME;
  format.font.size = look.font.size;
  if (look.font.bold) format.font.bold = true;
  if (look.font.italic) format.font.italic = true;
  if (look.font.color) format.font.color = `#${look.font.color}`;
  if (look.fill) format.fill.color = `#${look.fill}`;
  applyEdge(format, "EdgeTop", look.top);
  applyEdge(format, "EdgeBottom", look.bottom);
  if (look.wrap) {
    format.wrapText = true;
    format.verticalAlignment = VERTICAL[WRAP_VERTICAL] as Excel.VerticalAlignment;
  }
}

/** A format over comma-separated addresses: one RangeAreas (ExcelApi 1.9), else one Range per address. */
function formatsOf(ws: Excel.Worksheet, chunk: string, rangeAreas: boolean): Excel.RangeFormat[] {
  if (rangeAreas) return [ws.getRanges(chunk).format as unknown as Excel.RangeFormat];
  return chunk.split(",").map((a) => ws.getRange(a).format);
}

/**
 * Make a report sheet of an earlier build empty again: contents and formats cleared, cells unmerged,
 * conditional formats and the given charts removed, rows and columns back to the standard size. The sheet itself
 * (its id, name, place, and every reference to it) stays.
 */
export function clearForRewrite(ws: Excel.Worksheet, charts: Excel.Chart[]): void {
  const all = ws.getRange();
  all.unmerge();
  all.conditionalFormats.clearAll();
  all.clear("All" as Excel.ClearApplyTo);
  all.format.useStandardHeight = true;
  all.format.useStandardWidth = true;
  for (const c of charts) c.delete();
}

/** Write `plan` into `ws`; returns the number of plan cells written. */
export async function writeSheet(ws: Excel.Worksheet, batch: Batch, plan: SheetPlan, supports: (v: string) => boolean): Promise<number> {
  const rows = plan.cells.length;
  const cols = plan.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  if (rows === 0 || cols === 0) return 0;
  const { formulas, formats, runs, cells } = compress(plan, rows, cols);
  // In bands of rows, each as wide as its widest row, so a long narrow block (the ledger mirror) is not
  // padded to the width of the sheet; rows with nothing left after the runs are not sent at all.
  // A band bigger than a quarter of the budget goes in slices of rows, so no request passes the budget.
  const slices = bands(formulas, formats).flatMap((band) => {
    const f = formulas.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    return rowChunks(f, batch.budget / 4).map((c) => ({ from: band.from + c.from, to: band.from + c.to - 1, width: band.width }));
  });
  for (const band of slices) {
    const address = `A${band.from}:${columnLetter(band.width)}${band.to}`;
    const f = formulas.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    const n = formats.slice(band.from - 1, band.to).map((r) => r.slice(0, band.width));
    // Number formats first: a value then lands in a cell that already shows it right. null leaves a cell
    // as it is; the runs fill those cells below.
    if (n.some((r) => r.some((x) => x !== null))) {
      await batch.add(size(n) + address.length);
      ws.getRange(address).numberFormat = n;
    }
    if (f.some((r) => r.some((x) => x !== null))) {
      await batch.add(size(f) + address.length);
      ws.getRange(address).formulas = f;
    }
  }
  for (const run of runs) {
    const values = runArray(run);
    const col = columnLetter(run.col);
    for (const c of rowChunks(values, batch.budget / 4)) {
      const part = values.slice(c.from, c.to);
      await batch.add(size(part) + 20);
      const target = ws.getRange(`${col}${run.from + c.from}:${col}${run.from + c.to - 1}`);
      if (run.kind === "formulasR1C1") target.formulasR1C1 = part;
      else target.numberFormat = part;
    }
  }

  const rangeAreas = supports("1.9");
  for (const [style, addresses] of styleRuns(plan)) {
    for (const chunk of addressChunks(addresses)) {
      for (const format of formatsOf(ws, chunk, rangeAreas)) applyLook(format, LOOKS[style]);
      await batch.add(chunk.length + 400);
    }
  }
  const wrapped: string[] = [];
  plan.cells.forEach((row, r) => row?.forEach((c, i) => c?.wrap && wrapped.push(`${columnLetter(i + 1)}${r + 1}`)));
  for (const chunk of addressChunks(wrapped)) {
    for (const format of formatsOf(ws, chunk, rangeAreas)) {
      format.wrapText = true;
      format.verticalAlignment = VERTICAL[WRAP_VERTICAL] as Excel.VerticalAlignment;
    }
    await batch.add(chunk.length + 100);
  }
  for (const [align, addresses] of runsBy(plan, (c) => c?.align)) {
    for (const chunk of addressChunks(addresses)) {
      for (const format of formatsOf(ws, chunk, rangeAreas)) format.horizontalAlignment = ALIGN[align] as Excel.HorizontalAlignment;
      await batch.add(chunk.length + 60);
    }
  }
  for (const m of plan.merges) ws.getRange(m).merge(false);
  await batch.add(plan.merges.length * 100);
  // row heights: one request per stretch of rows with the same height
  const heights = plan.heights ?? [];
  for (let r = 0; r < heights.length; r++) {
    const h = heights[r];
    if (h === undefined) continue;
    let end = r;
    while (heights[end + 1] === h) end++;
    ws.getRange(`${r + 1}:${end + 1}`).format.rowHeight = h;
    r = end;
  }
  await batch.add(heights.filter((h) => h !== undefined).length * 40);
  for (const chunk of addressChunks(plan.editable)) {
    for (const format of formatsOf(ws, chunk, rangeAreas)) format.protection.locked = false;
    await batch.add(chunk.length + 60);
  }
  if (plan.tabColor && supports("1.7")) ws.tabColor = plan.tabColor;
  plan.widths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = Math.round(w * 6);
  });
  await batch.add(plan.widths.length * 80);
  ws.freezePanes.freezeRows(plan.freezeRows ?? 4);
  for (const cf of plan.conditional) {
    const c = ws.getRange(cf.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    c.custom.rule.formula = `=${cf.formula}`;
    c.custom.format.fill.color = `#${CONDITIONAL_LOOKS[cf.style].fill}`;
    c.custom.format.font.color = `#${CONDITIONAL_LOOKS[cf.style].font}`;
    await batch.add(cf.formula.length + 300);
  }
  for (const ch of plan.charts) {
    const chart = ws.charts.add(CHART_TYPES[ch.kind] as Excel.ChartType, ws.getRange(ch.series[0].values), "Auto" as Excel.ChartSeriesBy);
    chart.title.text = ch.title;
    chart.setPosition(ch.anchor);
    chart.width = ch.width * 0.75;
    chart.height = ch.height * 0.75;
    if (supports("1.7")) {
      const first = chart.series.getItemAt(0);
      first.name = ch.series[0].name;
      first.setXAxisValues(ws.getRange(ch.categories));
      for (const s of ch.series.slice(1)) {
        const added = chart.series.add(s.name);
        added.setValues(ws.getRange(s.values));
        added.setXAxisValues(ws.getRange(ch.categories));
      }
    }
    await batch.add(600);
  }
  if (supports("1.8")) ws.showGridlines = false;
  if (supports("1.9") && plan.print) {
    const p = plan.print;
    ws.pageLayout.orientation = (p.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
    ws.pageLayout.zoom = { horizontalFitToPages: p.fitWidth, verticalFitToPages: 0 };
    ws.pageLayout.setPrintArea(p.area);
    if (p.repeatRows) ws.pageLayout.setPrintTitleRows(p.repeatRows.split(":").map((x) => `$${x}`).join(":"));
    if (p.pageNumbers) {
      const footer = ws.pageLayout.headersFooters.defaultForAllPages;
      footer.leftFooter = "&A";
      footer.rightFooter = "Pagina &P"; // &N would count the whole print job when the pack is printed
    }
    await batch.add(p.area.length + 400);
  }
  return cells;
}
