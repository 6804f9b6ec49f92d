/**
 * Native Excel charts for the file host: a ChartPlan becomes a DrawingML chart part (c:chartSpace) and an
 * anchor in the sheet's drawing part. The series refer to the report sheet's own cells and carry their
 * current values as a cache, so the chart shows before any recalculation, in Excel, LibreOffice and Gnumeric.
 */
import { quoteSheet } from "../report/a1";
import type { ChartPlan, PlanCell, Scalar, SheetPlan } from "../report/plan";
import { escapeXml, NS } from "./package";
import { parseRef } from "./sheet-read";

const EMU_PER_PX = 9525;

function absRange(range: string): string {
  return range.split(":").map((r) => r.replace(/^([A-Za-z]+)(\d+)$/, "$$$1$$$2")).join(":");
}

/** The plan cells of an A1 range on the sheet, in reading order. */
function rangeCells(sheet: SheetPlan, range: string): Scalar[] {
  const [a, b] = range.split(":");
  const from = parseRef(a);
  const to = parseRef(b ?? a);
  if (!from || !to) return [];
  const out: Scalar[] = [];
  for (let r = from.row; r <= to.row; r++) {
    for (let c = from.col; c <= to.col; c++) {
      const cell: PlanCell | undefined = sheet.cells[r - 1]?.[c - 1];
      out.push(cell ? (cell.f !== undefined ? cell.r ?? null : cell.v ?? null) : null);
    }
  }
  return out;
}

function strCache(values: Scalar[]): string {
  const pts = values.map((v, i) => (v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: Scalar[]): string {
  const pts = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function rich(text: string, size: number, bold: boolean): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="nl-NL" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;
}

/** The chart part (c:chartSpace) for one chart of a sheet. */
export function chartXml(sheet: SheetPlan, chart: ChartPlan): string {
  const ref = (r: string) => `${escapeXml(quoteSheet(sheet.name))}!${absRange(r)}`;
  const categories = rangeCells(sheet, chart.categories);
  const line = chart.kind === "line";
  const series = chart.series.map((s, i) => {
    const cat = `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f>${strCache(categories)}</c:strRef></c:cat>`;
    const val = `<c:val><c:numRef><c:f>${ref(s.values)}</c:f>${numCache(rangeCells(sheet, s.values))}</c:numRef></c:val>`;
    const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
    return line
      ? `<c:ser>${head}<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`
      : `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  }).join("");
  const axes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const horizontal = chart.kind === "bar";
  const catAx = `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}"><c:lang val="nl-NL"/><c:roundedCorners val="0"/><c:chart><c:title><c:tx>${rich(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/** The drawing part of a sheet: one anchored graphic frame per chart, chart i related as rId{i+1}. */
export function drawingXml(charts: ChartPlan[]): string {
  const anchors = charts.map((ch, i) => {
    const at = parseRef(ch.anchor) ?? { row: 1, col: 1 };
    return `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${ch.width * EMU_PER_PX}" cy="${ch.height * EMU_PER_PX}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Grafiek ${i + 1}`)}" descr="${escapeXml(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">${anchors}</xdr:wsDr>`;
}
