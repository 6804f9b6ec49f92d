/** Berekening: the optional sheets the report counts over — Producten, Dienstverlening, Privacy. */
import { rangeRef } from "../a1";
import { monthCell, numberCell, trimmedText, type BuildContext } from "../context";
import { FORMATS } from "../plan";
import { SERVICE_FIELDS, type PrivacyRefs, type ProductRefs, type ServiceRefs } from "../refs";
import type { SheetBuilder } from "../sheet";
import { directColumns, directNote } from "./direct";

/** The ranges of columns 2, 3, … of the rows first..last, by field. */
function columns<F extends string>(sb: SheetBuilder, fields: readonly F[], first: number, last: number): Record<F, string> {
  const out = {} as Record<F, string>;
  fields.forEach((f, i) => (out[f] = rangeRef(sb.name, i + 2, first, last)));
  return out;
}

export function productsBlock(ctx: BuildContext, sb: SheetBuilder): ProductRefs | null {
  const products = ctx.inputs.products;
  if (!products) return null;
  const direct = directColumns(ctx, "products", { month: "month", service: "trimmed", product: "trimmed", count: "number" });
  if (direct) {
    sb.section("Producten");
    directNote(sb, ctx.layout.sheets.products?.sheet ?? "Producten");
    return direct;
  }
  sb.section("Producten (genormaliseerd)");
  sb.header("Bronrij", "Maand", "Pakket", "Product", "Aantal");
  const first = sb.row;
  for (const p of products) {
    sb.line({ v: p.row }, monthCell(ctx, "products", "month", p.row, p.month), trimmedText(ctx, "products", "service", p.row),
      trimmedText(ctx, "products", "product", p.row), numberCell(ctx, "products", "count", p.row, p.count, FORMATS.count));
  }
  if (products.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: 0 }, { v: "" }, { v: "" }, { v: 0 });
  return columns(sb, ["month", "service", "product", "count"], first, sb.row - 1);
}

export function serviceBlock(ctx: BuildContext, sb: SheetBuilder): ServiceRefs | null {
  const months = ctx.inputs.serviceMonths;
  if (!months) return null;
  sb.section("Dienstverlening (genormaliseerd)");
  sb.header("Bronrij", "Maand", "Beschikbare plekken", "Open plekken", "Afspraken", "Vrije inloop", "Terugbelverzoeken", "Terugbelverzoeken op tijd", "Verzoeken", "Verzoeken op tijd", "Bezwaarschriften", "Klachten");
  const first = sb.row;
  for (const m of months) {
    sb.line({ v: m.row }, monthCell(ctx, "serviceMonths", "month", m.row, m.month), ...SERVICE_FIELDS.map((f) => numberCell(ctx, "serviceMonths", f, m.row, m[f], FORMATS.count)));
  }
  if (months.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: 0 }, ...SERVICE_FIELDS.map(() => ({ v: 0 })));
  return columns(sb, ["month", ...SERVICE_FIELDS], first, sb.row - 1);
}

export function privacyBlock(ctx: BuildContext, sb: SheetBuilder): PrivacyRefs | null {
  const rows = ctx.inputs.privacy;
  if (!rows) return null;
  sb.section("Privacy (genormaliseerd)");
  sb.header("Bronrij", "Maand", "Soort", "Aantal", "Gemeld bij AP");
  const first = sb.row;
  for (const p of rows) {
    sb.line({ v: p.row }, monthCell(ctx, "privacy", "month", p.row, p.month), trimmedText(ctx, "privacy", "kind", p.row),
      numberCell(ctx, "privacy", "count", p.row, p.count, FORMATS.count), trimmedText(ctx, "privacy", "reported", p.row));
  }
  if (rows.length === 0) sb.line({ v: "(geen regels)", s: "note" }, { v: 0 }, { v: "" }, { v: 0 }, { v: "" });
  return columns(sb, ["month", "kind", "count", "reported"], first, sb.row - 1);
}
