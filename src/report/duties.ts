/**
 * `6.3 Kwalitatief`, the SLA's recurring duties (docs/rekenregels.md §13): K2B deliveries by date with a gap
 * of more than 6 weeks flagged (SLA 2024 §1.9), B102 and BBN2 against the legal norm, ENSIA done or not
 * (§1.7). Called from qualitative.ts; every figure a live formula over the SLA taken sheet.
 */
import { K2B_MAX_GAP_DAYS } from "../domain/duties";
import { SHEETS } from "../domain/glossary";
import { toExcelSerial } from "../domain/dates";
import { cellRef, rangeRef } from "./a1";
import type { DutiesResult } from "../domain/duties";
import { dateCell, hasColumn, numberCell, trimmedRef, trimmedText, type BuildContext } from "./context";
import { noData } from "./notes";
import { FORMATS } from "./plan";
import type { ParamRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

export function dutiesSection(ctx: BuildContext, sb: SheetBuilder, params: ParamRefs): void {
  const d = ctx.results.duties;
  sb.section("Terugkerende taken uit de SLA");
  if (!d || !ctx.inputs.duties) {
    noData(sb, SHEETS.duties);
    return;
  }
  k2b(ctx, sb, params, d);
  sb.blank();
  quality(ctx, sb, d);
  sb.blank();
  ensia(ctx, sb, d);
}

/** A part's note, then — when nothing is filled in for it — a note that says so; true when there are rows. */
function intro(sb: SheetBuilder, note: string, rows: number, none: string): boolean {
  sb.line({ v: note, s: "note" });
  if (rows === 0) sb.line({ v: none, s: "note" });
  return rows > 0;
}

function k2b(ctx: BuildContext, sb: SheetBuilder, params: ParamRefs, d: DutiesResult): void {
  const note = `K2B: bestand voor facturering 1x in de 6 weken (SLA 2024, pakket 8); een tussenpoos van meer dan ${K2B_MAX_GAP_DAYS} dagen krijgt een signaal.`;
  if (!intro(sb, note, d.k2b.length, "geen K2B-leveringen ingevuld")) return;
  sb.header("Levering", "Datum", "Vorige levering", "Dagen sinds vorige", "Meer dan 6 weken");
  const first = sb.row;
  const last = first + d.k2b.length - 1;
  const dates = rangeRef(sb.name, 2, first, last);
  for (const k of d.k2b) {
    const row = sb.row;
    const C = (c: number) => cellRef(row, c);
    sb.line(
      { v: k.duty.part || "K2B-levering" },
      dateCell(ctx, "duties", "date", k.duty.row, k.date),
      { f: `IF(COUNTIFS(${dates},"<"&${C(2)})=0,"",_xlfn.MAXIFS(${dates},${dates},"<"&${C(2)}))`, r: k.previous ? toExcelSerial(k.previous) : "", nf: FORMATS.date },
      { f: `IF(${C(3)}="","",${C(2)}-${C(3)})`, r: k.gapDays ?? "", nf: "0" },
      { f: `IF(${C(4)}="","",IF(${C(4)}>${K2B_MAX_GAP_DAYS},"Ja","Nee"))`, r: k.gapDays === null ? "" : k.flagged ? "Ja" : "Nee" },
    );
  }
  sb.highlight(`E${first}:E${last}`, `E${first}="Ja"`, "bad");
  const end = `(DATE(${params.year},${params.reportMonth}+1,1)-1)`;
  const since = sb.line(
    { v: "Dagen sinds de laatste levering, t/m de rapportagemaand", s: "label" },
    undefined, undefined,
    { f: `IF(COUNTIFS(${dates},"<="&${end})=0,"",${end}-_xlfn.MAXIFS(${dates},${dates},"<="&${end}))`, r: d.daysSinceLast ?? "", nf: "0" },
    { f: `IF(${cellRef(sb.row, 4)}="","",IF(${cellRef(sb.row, 4)}>${K2B_MAX_GAP_DAYS},"Ja","Nee"))`, r: d.daysSinceLast === null ? "" : d.overdue ? "Ja" : "Nee" },
  );
  sb.highlight(`E${since}`, `E${since}="Ja"`, "bad");
}

function quality(ctx: BuildContext, sb: SheetBuilder, d: DutiesResult): void {
  if (!intro(sb, "Kwaliteit BRP: B102 en BBN2 tegen de wettelijke norm (SLA 2024, pakket 6).", d.quality.length, "geen resultaten B102 of BBN2 ingevuld")) return;
  sb.header("Onderdeel", "Datum", "Resultaat", "Wettelijke norm", "Normsoort", "Oordeel");
  const first = sb.row;
  for (const q of d.quality) {
    const row = sb.row;
    const r = q.duty;
    const C = (c: number) => cellRef(row, c);
    const kind = hasColumn(ctx, "duties", "normKind")
      ? (() => {
          const t = trimmedText(ctx, "duties", "normKind", r.row);
          return { f: `IF(${t.f as string}="","minimaal",${t.f as string})`, r: r.normKind };
        })()
      : { v: "minimaal" };
    sb.line(
      { v: r.part ? `${r.task} ${r.part}` : r.task },
      r.date ? dateCell(ctx, "duties", "date", r.row, r.date) : { v: "" },
      numberCell(ctx, "duties", "result", r.row, r.result ?? 0, FORMATS.number),
      numberCell(ctx, "duties", "norm", r.row, r.norm ?? 0, FORMATS.number),
      kind,
      { f: `IF(${C(5)}="maximaal",IF(${C(3)}<=${C(4)},"voldoet","voldoet niet"),IF(${C(3)}>=${C(4)},"voldoet","voldoet niet"))`, r: q.meets ? "voldoet" : "voldoet niet" },
    );
  }
  sb.highlight(`F${first}:F${sb.row - 1}`, `F${first}="voldoet niet"`, "bad");
}

function ensia(ctx: BuildContext, sb: SheetBuilder, d: DutiesResult): void {
  if (!intro(sb, "ENSIA: de onderdelen van de zelfevaluatie, samen met de privacy officer (SLA 2024, pakket 6).", d.ensia.length, "geen ENSIA-onderdelen ingevuld")) return;
  sb.header("Onderdeel", "Datum", "Gereed");
  const first = sb.row;
  for (const r of d.ensia) {
    const done = hasColumn(ctx, "duties", "done") ? trimmedRef(ctx, "duties", "done", r.row) : null;
    sb.line(
      { v: r.part || "ENSIA" },
      r.date ? dateCell(ctx, "duties", "date", r.row, r.date) : { v: "" },
      done ? { f: `IF(${done}="Ja","gereed","niet gereed")`, r: r.done ? "gereed" : "niet gereed" } : { v: "niet gereed" },
    );
  }
  sb.highlight(`C${first}:C${sb.row - 1}`, `C${first}="niet gereed"`, "attention");
}
