/** `6.2 Kwantitatief`: opening hours, requests per product and pakket per month, agenda, norms. */
import { MONTH_NAMES, MONTH_SHORT as SHORT } from "../domain/dates";
import { SERVICE_CODES } from "../domain/types";
import { cellRef, str } from "./a1";
import { excelTrim, type BuildContext } from "./context";
import { noData } from "./notes";
import { FORMATS, type PlanCell } from "./plan";
import type { CalculationRefs, ServiceField } from "./refs";
import { SheetBuilder } from "./sheet";
import { titleBlock } from "./title";


/** `refs`: Berekening's parameters and the Producten and Dienstverlening blocks. */
export function quantitativeSheet(ctx: BuildContext, refs: Pick<CalculationRefs, "params" | "products" | "service">): SheetBuilder {
  const { inputs } = ctx;
  const n = inputs.settings.reportMonth;
  const sb = new SheetBuilder(ctx.names.quantitative);
  sb.widthsFrom([14, 24, ...new Array(13).fill(9)]);
  titleBlock(ctx, sb, "6.2 Kwantitatief burgerzaken", { periodic: true });

  sb.section("Publieksopeningstijden");
  if (!inputs.openingHours) noData(sb, "Openingstijden");
  else if (inputs.openingHours.length === 0) sb.line({ v: "geen gegevens", s: "note" });
  else {
    sb.header("Dienst", "Dag", "Van", "Tot");
    for (const o of inputs.openingHours) sb.line({ v: o.service }, { v: o.day }, { v: o.from }, { v: o.to });
  }

  sb.section(`Aanvragen per product per maand t/m ${MONTH_NAMES[n - 1]}`);
  const N = refs.params.reportMonth;
  if (!inputs.products || !refs.products) noData(sb, "Producten");
  else {
    const products = inputs.products;
    const { month: pM, service: pS, product: pP, count: pC } = refs.products;
    // Group case-insensitively on the trimmed product name, as the formulas' '=' compares text.
    const groups = new Map<string, { service: string; label: string; byMonth: number[] }>();
    for (const p of products) {
      const label = excelTrim(p.product);
      const key = `${p.service}|${label.toLowerCase()}`;
      const g = groups.get(key) ?? { service: p.service, label, byMonth: new Array<number>(12).fill(0) };
      g.byMonth[p.month - 1] += p.count;
      groups.set(key, g);
    }
    const ordered = [...groups.values()].sort((a, b) =>
      SERVICE_CODES.indexOf(a.service as never) - SERVICE_CODES.indexOf(b.service as never) || a.label.localeCompare(b.label, "nl"));
    sb.header("Pakket", "Product", ...SHORT.slice(0, n), "Totaal");
    const first = sb.row;
    for (const g of ordered) {
      const row = sb.row;
      const cells: PlanCell[] = [{ v: g.service }, { v: g.label }];
      for (let m = 1; m <= n; m++) {
        cells.push({ f: `SUMPRODUCT((${pS}=${cellRef(row, 1)})*(${pP}=${cellRef(row, 2)})*(${pM}=${m})*${pC})`, r: g.byMonth[m - 1], nf: FORMATS.count });
      }
      cells.push({ f: `SUM(${cellRef(row, 3)}:${cellRef(row, n + 2)})`, r: g.byMonth.slice(0, n).reduce((a, b) => a + b, 0), nf: FORMATS.count });
      sb.line(...cells);
    }
    const totals: PlanCell[] = [{ v: "Totaal", s: "total" }, { v: "" }];
    const monthTotals: number[] = [];
    for (let m = 1; m <= n; m++) {
      const t = products.filter((p) => p.month === m).reduce((a, p) => a + p.count, 0);
      monthTotals.push(t);
      totals.push({ f: `SUMIFS(${pC},${pM},${m})`, r: t, nf: FORMATS.count, s: "total" });
    }
    const totRow = sb.row;
    totals.push({ f: `SUM(${cellRef(totRow, 3)}:${cellRef(totRow, n + 2)})`, r: monthTotals.reduce((a, b) => a + b, 0), nf: FORMATS.count, s: "total" });
    sb.line(...totals);
    void first;
    sb.chart({
      kind: "column", title: "Aanvragen per maand", categories: `C${totRow - ordered.length - 1}:${cellRef(totRow - ordered.length - 1, n + 2)}`,
      series: [{ name: "Aanvragen", values: `C${totRow}:${cellRef(totRow, n + 2)}` }], anchor: `A${totRow + 2}`, width: 520, height: 260,
    });
    sb.blank(15);

    sb.section("Aanvragen per pakket per maand");
    sb.header("Pakket", "", ...SHORT.slice(0, n), "Totaal");
    for (const svc of SERVICE_CODES) {
      const rows = products.filter((p) => p.service === svc);
      if (rows.length === 0) continue;
      const row = sb.row;
      const cells: PlanCell[] = [{ v: svc }, { v: "" }];
      let total = 0;
      for (let m = 1; m <= n; m++) {
        const t = rows.filter((p) => p.month === m).reduce((a, p) => a + p.count, 0);
        total += t;
        cells.push({ f: `SUMIFS(${pC},${pS},${str(svc)},${pM},${m})`, r: t, nf: FORMATS.count });
      }
      cells.push({ f: `SUM(${cellRef(row, 3)}:${cellRef(row, n + 2)})`, r: total, nf: FORMATS.count });
      sb.line(...cells);
    }
  }

  sb.section("Agenda, bezwaarschriften en klachten per maand");
  const sm = inputs.serviceMonths;
  const service = ctx.results.service;
  const serviceRefs = refs.service;
  if (!sm || !service || !serviceRefs) noData(sb, "Dienstverlening");
  else {
    const R = (k: ServiceField | "month") => serviceRefs[k];
    const M = R("month");
    sb.header("Maand", "Beschikbare plekken", "Open plekken", "Open (%)", "Afspraken", "Vrije inloop", "Terugbelverzoeken", "Op tijd", "Verzoeken", "Op tijd", "Bezwaarschriften", "Klachten");
    const keys = ["slotsAvailable", "slotsOpen", null, "appointments", "walkIns", "callbacks", "callbacksOnTime", "requests", "requestsOnTime", "objections", "complaints"] as const;
    for (let m = 1; m <= n; m++) {
      const row = sb.row;
      const rows = sm.filter((x) => x.month === m);
      const sum = (k: Exclude<(typeof keys)[number], null>) => rows.reduce((a, x) => a + x[k], 0);
      const cells: PlanCell[] = [{ v: MONTH_NAMES[m - 1] }];
      for (const k of keys) {
        if (k === null) {
          const a = sum("slotsAvailable");
          cells.push({ f: `IF(${cellRef(row, 2)}=0,"",${cellRef(row, 3)}/${cellRef(row, 2)})`, r: a === 0 ? "" : sum("slotsOpen") / a, nf: FORMATS.percent });
        } else cells.push({ f: `SUMIFS(${R(k)},${M},${m})`, r: sum(k), nf: FORMATS.count });
      }
      sb.line(...cells);
    }

    sb.section(`Normen t/m ${MONTH_NAMES[n - 1]} (SLA: terugbellen binnen 2 werkdagen, verzoeken binnen 3 werkdagen)`);
    sb.header("Norm", "Op tijd", "Totaal", "Percentage", "Norm", "Oordeel");
    const norms: Array<[string, ServiceField, ServiceField, number, number, number | null]> = [
      ["Terugbelverzoeken binnen 2 werkdagen", "callbacksOnTime", "callbacks", service.callbacksOnTime, service.callbacks, service.callbackRate],
      ["Verzoeken binnen 3 werkdagen", "requestsOnTime", "requests", service.requestsOnTime, service.requests, service.requestRate],
    ];
    const nFirst = sb.row;
    for (const [label, onTime, total, vOn, vTot, rate] of norms) {
      const row = sb.row;
      sb.line(
        { v: label },
        { f: `SUMIFS(${R(onTime)},${M},"<="&${N})`, r: vOn, nf: FORMATS.count },
        { f: `SUMIFS(${R(total)},${M},"<="&${N})`, r: vTot, nf: FORMATS.count },
        { f: `IF(${cellRef(row, 3)}=0,"",${cellRef(row, 2)}/${cellRef(row, 3)})`, r: rate ?? "", nf: FORMATS.percent },
        { v: 1, nf: FORMATS.percent0 },
        { f: `IF(${cellRef(row, 3)}=0,"geen gegevens",IF(${cellRef(row, 4)}>=${cellRef(row, 5)},"voldoet","voldoet niet"))`, r: rate === null ? "geen gegevens" : rate >= 1 ? "voldoet" : "voldoet niet" },
      );
    }
    sb.highlight(`F${nFirst}:F${sb.row - 1}`, `F${nFirst}="voldoet niet"`, "bad");
  }
  return sb;
}
