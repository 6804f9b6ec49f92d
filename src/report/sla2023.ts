/**
 * The sections of the SLA 2023 report model where it differs from SLA 2024 (docs/gebruikershandleiding.md, "Het
 * rapportagemodel van de SLA 2023"): objectives and service norms per product with waiting lists, appointments
 * and walk-ins during and outside opening hours, cooperation with Ommen, Hardenberg and the gastdames (each:
 * general, signals/improvements), and the result of an election's count. Built only when SLA-versie is 2023.
 * Figures are live formulas over the input cells; user text is written as text.
 */
import { MONTH_NAMES } from "../domain/dates";
import { SERVICE_CODES, type NoteKind, type ProductRow, type QualitativeTopic } from "../domain/types";
import { cellRef } from "./a1";
import { excelTrim, hasColumn, inputRef, trimmedRef, type BuildContext } from "./context";
import { noData } from "./notes";
import { FORMATS, type PlanCell } from "./plan";
import type { SheetBuilder } from "./sheet";

export function usesSla2023(ctx: BuildContext): boolean {
  return ctx.inputs.settings.slaVersion === 2023;
}

/** The sum of some input cells as a formula (0 as a constant when there are none). */
function sumOf(ctx: BuildContext, field: string, rows: readonly number[], value: number): PlanCell {
  if (rows.length === 0) return { v: 0, nf: FORMATS.count };
  return { f: `SUM(${rows.map((r) => inputRef(ctx, "products", field, r)).join(",")})`, r: value, nf: FORMATS.count };
}

/** 6.2: per product through the report month — requests, handled within the term, and the waiting list at the report month. */
export function serviceNormsSection(ctx: BuildContext, sb: SheetBuilder): void {
  const n = ctx.inputs.settings.reportMonth;
  sb.section(`Servicenormen per product t/m ${MONTH_NAMES[n - 1]} (SLA 2023: kwaliteitsniveaus, termijnen, wachtlijsten)`);
  const products = ctx.inputs.products;
  if (!products) return noData(sb, "Producten");
  const groups = new Map<string, { service: string; label: string; rows: ProductRow[] }>();
  for (const p of products) {
    if (p.month > n) continue;
    const label = excelTrim(p.product);
    const key = `${p.service}|${label.toLowerCase()}`;
    const g = groups.get(key) ?? { service: p.service, label, rows: [] };
    g.rows.push(p);
    groups.set(key, g);
  }
  if (groups.size === 0) {
    sb.line({ v: "geen gegevens", s: "note" });
    return;
  }
  const hasOnTime = hasColumn(ctx, "products", "onTime");
  const hasWaiting = hasColumn(ctx, "products", "waiting");
  sb.header("Pakket", "Product", "Aanvragen", "Binnen termijn", "Binnen termijn (%)", `Wachtlijst eind ${MONTH_NAMES[n - 1]}`);
  const ordered = [...groups.values()].sort((a, b) =>
    SERVICE_CODES.indexOf(a.service as never) - SERVICE_CODES.indexOf(b.service as never) || a.label.localeCompare(b.label, "nl"));
  for (const g of ordered) {
    const row = sb.line();
    const count = g.rows.reduce((a, p) => a + p.count, 0);
    const onTime = g.rows.reduce((a, p) => a + (p.onTime ?? 0), 0);
    const last = g.rows.filter((p) => p.month === n);
    const waiting = last.reduce((a, p) => a + (p.waiting ?? 0), 0);
    const cells: PlanCell[] = [
      { v: g.service }, { v: g.label },
      sumOf(ctx, "count", g.rows.map((p) => p.row), count),
      hasOnTime ? sumOf(ctx, "onTime", g.rows.map((p) => p.row), onTime) : { v: "niet opgegeven", s: "note" },
      hasOnTime ? { f: `IF(${cellRef(row, 3)}=0,"",${cellRef(row, 4)}/${cellRef(row, 3)})`, r: count === 0 ? "" : onTime / count, nf: FORMATS.percent } : { v: "" },
      hasWaiting ? sumOf(ctx, "waiting", last.map((p) => p.row), waiting) : { v: "niet opgegeven", s: "note" },
    ];
    cells.forEach((c, i) => sb.set(row, i + 1, c));
  }
  sb.line({ v: "Binnen termijn en Wachtlijst komen uit de kolommen van die naam op het blad Producten; de wachtlijst is de stand in de rapportagemaand.", s: "note" });
}

/** 6.2: appointments, walk-ins during and outside the counter's opening hours, per month. */
export function walkInSection(ctx: BuildContext, sb: SheetBuilder): void {
  const n = ctx.inputs.settings.reportMonth;
  sb.section("Op afspraak en vrije inloop per maand (SLA 2023)");
  const months = ctx.inputs.serviceMonths;
  if (!months) return noData(sb, "Dienstverlening");
  sb.header("Maand", "Op afspraak", "Vrije inloop tijdens balie-openingstijden", "Vrije inloop buiten balie-openingstijden", "Totaal");
  const cell = (field: "appointments" | "walkIns" | "walkInsOutside", m: number): PlanCell => {
    const rec = months.find((x) => x.month === m);
    if (!rec || !hasColumn(ctx, "serviceMonths", field)) return { v: 0, nf: FORMATS.count };
    return { f: `SUM(${inputRef(ctx, "serviceMonths", field, rec.row)})`, r: rec[field] ?? 0, nf: FORMATS.count };
  };
  for (let m = 1; m <= n; m++) {
    const row = sb.row;
    const rec = months.find((x) => x.month === m);
    const total = rec ? rec.appointments + rec.walkIns + (rec.walkInsOutside ?? 0) : 0;
    sb.line({ v: MONTH_NAMES[m - 1] }, cell("appointments", m), cell("walkIns", m), cell("walkInsOutside", m),
      { f: `SUM(${cellRef(row, 2)}:${cellRef(row, 4)})`, r: total, nf: FORMATS.count });
  }
}

/** Notes of `topics` (and kind), through the report month, as text. */
function notes(ctx: BuildContext, sb: SheetBuilder, title: string, topics: QualitativeTopic[], kind: NoteKind | null): void {
  sb.line({ v: title, s: "label" });
  const all = ctx.inputs.qualitative ?? [];
  const rows = all.filter((x) => topics.includes(x.topic) && (kind === null || (x.kind ?? "Algemeen") === kind) && (x.month === null || x.month <= ctx.inputs.settings.reportMonth));
  if (rows.length === 0) {
    sb.line({ v: "geen gegevens", s: "note" });
    return;
  }
  for (const x of rows) {
    const row = sb.line({ v: x.month === null ? "" : MONTH_NAMES[x.month - 1] }, { v: x.text, wrap: true });
    sb.spanToEnd(row, 2);
  }
}

/** 6.3: objectives per product. */
export function objectivesSection(ctx: BuildContext, sb: SheetBuilder): void {
  sb.section("Doelstellingen per product (SLA 2023)");
  const all = ctx.inputs.qualitative;
  if (!all) return noData(sb, "Kwalitatief");
  const rows = all.filter((x) => x.topic === "Doelstellingen" && (x.month === null || x.month <= ctx.inputs.settings.reportMonth));
  if (rows.length === 0) {
    sb.line({ v: "geen gegevens (onderwerp Doelstellingen op het blad Kwalitatief, met het Pakket)", s: "note" });
    return;
  }
  sb.header("Pakket", "Doelstelling");
  const order = (s: string | null | undefined) => (s ? SERVICE_CODES.indexOf(s as never) : SERVICE_CODES.length);
  for (const x of [...rows].sort((a, b) => order(a.service) - order(b.service) || a.row - b.row)) {
    const row = sb.line({ v: x.service ?? "(geen pakket)" }, { v: x.text, wrap: true });
    sb.spanToEnd(row, 2);
  }
}

/** 6.3: cooperation with Ommen, Hardenberg and the gastdames, each general and signals/improvements. */
export function cooperationSections(ctx: BuildContext, sb: SheetBuilder): void {
  const parts: Array<[string, QualitativeTopic[]]> = [
    ["Samenwerking burgerzaken met Ommen", ["Samenwerking Ommen", "Samenwerking"]],
    ["Samenwerking burgerzaken met Hardenberg", ["Samenwerking Hardenberg"]],
    ["Samenwerking burgerzaken en gastdames", ["Samenwerking gastdames"]],
  ];
  for (const [title, topics] of parts) {
    sb.section(`${title} (SLA 2023)`);
    if (!ctx.inputs.qualitative) {
      noData(sb, "Kwalitatief");
      continue;
    }
    notes(ctx, sb, "Algemeen", topics, "Algemeen");
    notes(ctx, sb, "Signalen en verbeterpunten", topics, "Signalen en verbeterpunten");
  }
}

/** 6.4: the result after the election (SLA 2023: a correct count or not), live from the Telling correct cell. */
export function countResultCell(ctx: BuildContext, row: number, value: boolean | null | undefined): PlanCell {
  const text = (v: boolean | null | undefined) => (v === true ? "goede telling" : v === false ? "geen goede telling" : "niet opgegeven");
  if (!hasColumn(ctx, "elections", "countCorrect")) return { v: text(null), s: "note" };
  const t = trimmedRef(ctx, "elections", "countCorrect", row);
  return { f: `IF(${t}="Ja","goede telling",IF(${t}="Nee","geen goede telling","niet opgegeven"))`, r: text(value) };
}
