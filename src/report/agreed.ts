/**
 * What was agreed stays agreed (docs/rekenregels.md, "Vastgesteld en herrekend"): on the Addendum the signed
 * figures (vastgesteld) beside the figures the inputs give now (herrekend, live) and the difference to agree
 * with the client (cao-aanpassing), per pakket too, and the list of signed versions with their effect; on 6.5
 * the same three figures. The vastgesteld figures are the record's values, written as numbers: they were
 * agreed, they are not computed from the inputs any more.
 */
import { caoAdjustment, figuresOfCeiling, type AgreedFigures } from "../domain/agreed";
import { round2 } from "../domain/money";
import { versionLabel, type Agreement, type SignedVersion } from "../records";
import { cellRef } from "./a1";
import type { BuildContext } from "./context";
import { FORMATS } from "./plan";
import type { AgreedRefs, BudgetRefs, CellRef } from "./refs";
import type { SheetBuilder } from "./sheet";

const E = FORMATS.euro;

/** The signed version in force, when there is one. */
export function versionInForce(a: Agreement | undefined): SignedVersion | null {
  return a && a.kind !== "none" ? a.version : null;
}

const AGREED_NOTE: Record<Exclude<Agreement["kind"], "none">, string> = {
  unchanged: "De invoer is die van de ondertekende versie: herrekend is gelijk aan vastgesteld.",
  cao: "Alleen de Salaristabel is na ondertekening veranderd: een cao-aanpassing, geen wijziging van het addendum. Het budget (hier en op 6.5) blijft het vastgestelde. Stem de cao-aanpassing af met de opdrachtgever (SLA, Addendum) en leg de afspraak vast met een wijziging van het addendum.",
  changed: "De formatie of de parameters zijn na ondertekening veranderd: het addendum is gewijzigd na ondertekening (zie Controle). Zet de wijziging terug, of laat haar ondertekenen als wijziging van het addendum.",
};

/**
 * The Addendum's section *Vastgesteld en herrekend*, after its Budget P&C. `budget` are the live (herrekend)
 * cells, `byService` the live plafond per pakket. Null when nothing is signed with vastgesteld figures.
 */
export function agreedSection(ctx: BuildContext, sb: SheetBuilder, budget: BudgetRefs, byService: Map<string, CellRef>): AgreedRefs | null {
  const version = versionInForce(ctx.agreement);
  if (!version || !ctx.agreement || ctx.agreement.kind === "none") return null;
  const now = figuresOfCeiling(ctx.results.ceiling);
  const a = version.figures;
  sb.section(`Vastgesteld en herrekend (${version.number === 0 ? "het addendum" : `de ${versionLabel(version.number)}`}, ondertekend op ${version.date})`);
  sb.header("Regel", "Vastgesteld", "Herrekend", "Cao-aanpassing, af te stemmen met de opdrachtgever");
  const row = (label: string, agreed: number, ref: CellRef, value: number, total = false) => {
    const s = total ? ("total" as const) : undefined;
    const r = sb.line({ v: label, s: s ?? "label" }, { v: agreed, nf: E, s }, { f: ref, r: value, nf: E, s },
      { f: `ROUND(${cellRef(sb.row, 3)}-${cellRef(sb.row, 2)},2)`, r: round2(value - agreed), nf: E, s });
    sb.highlight(`D${r}`, `ROUND(D${r},2)<>0`, "attention");
    return { agreed: sb.ref(r, 2), recomputed: sb.ref(r, 3), difference: sb.ref(r, 4) };
  };
  const ceiling = row("Plafond formatieve kosten", a.ceiling, budget.ceiling, now.ceiling);
  const overhead = row("Overhead", a.overhead, budget.overhead, now.overhead);
  const training = row("Opleidingskosten", a.training, budget.training, now.training);
  const additional = row("Budget aanvullende dienstverlening", a.additional, budget.additional, now.additional);
  const total = row("Totaal budget P&C", a.totalBudget, budget.totalBudget, now.totalBudget, true);
  sb.line({ v: "Plafond per pakket", s: "label" });
  const services: AgreedRefs["byService"] = [];
  for (const l of caoAdjustment(a, now).byService) {
    const ref = byService.get(l.label);
    if (ref) services.push({ service: l.label, ...row(l.label, l.agreed, ref, l.recomputed) });
    else {
      // a pakket that was signed and has no formation line now: nothing to refer to
      const r = sb.line({ v: l.label }, { v: l.agreed, nf: E }, { v: 0, nf: E }, { f: `ROUND(${cellRef(sb.row, 3)}-${cellRef(sb.row, 2)},2)`, r: round2(-l.agreed), nf: E });
      services.push({ service: l.label, agreed: sb.ref(r, 2), recomputed: sb.ref(r, 3), difference: sb.ref(r, 4) });
    }
  }
  sb.spanToEnd(sb.line({ v: AGREED_NOTE[ctx.agreement.kind], s: ctx.agreement.kind === "unchanged" ? "note" : "warning", wrap: true }), 1);
  return {
    agreed: { ceiling: ceiling.agreed, overhead: overhead.agreed, training: training.agreed, additional: additional.agreed, totalBudget: total.agreed },
    ceiling, byService: services,
  };
}

/** The Addendum's section *Versies van het addendum*: every signed version, with its effect on the budget. */
export function versionsSection(ctx: BuildContext, sb: SheetBuilder): void {
  const versions = ctx.signOff?.versions ?? [];
  if (versions.length === 0) return;
  sb.section("Versies van het addendum");
  sb.header("Versie", "Ondertekend op", "Regisseur", "Reden", "Plafond formatieve kosten", "Totaal budget P&C", "Effect op het totaal budget");
  let prev: AgreedFigures | null = null;
  for (const v of versions) {
    const r = sb.row;
    sb.line({ v: versionLabel(v.number) }, { v: v.date, align: "center" }, { v: v.regisseur }, { v: v.reason, wrap: true },
      { v: v.figures.ceiling, nf: E }, { v: v.figures.totalBudget, nf: E },
      prev ? { f: `ROUND(${cellRef(r, 6)}-${cellRef(r - 1, 6)},2)`, r: round2(v.figures.totalBudget - prev.totalBudget), nf: E } : { v: "begroting primitief", s: "note" });
    prev = v.figures;
  }
}

/** 6.5's block: vastgesteld plafond, herrekend plafond and the cao-aanpassing, per pakket too (references to the Addendum). */
export function agreedFinanceBlock(ctx: BuildContext, sb: SheetBuilder, refs: AgreedRefs | null | undefined): void {
  const a = ctx.agreement;
  if (!refs || !a || a.kind === "none") return;
  // 6.5 is built with the budget in force: the recomputed figures come from the agreement, not from its results
  const now = a.kind === "cao" ? a.recomputed : figuresOfCeiling(ctx.results.ceiling);
  const adj = caoAdjustment(a.version.figures, now);
  sb.section("Vastgesteld en herrekend plafond");
  sb.header("Regel", "Vastgesteld plafond", "Herrekend plafond", "Cao-aanpassing, af te stemmen met de opdrachtgever");
  const line = (label: string, r: { agreed: CellRef; recomputed: CellRef; difference: CellRef }, v: { agreed: number; recomputed: number; difference: number }, total = false) => {
    const s = total ? ("total" as const) : undefined;
    sb.line({ v: label, s: s ?? "label" }, { f: r.agreed, r: v.agreed, nf: E, s }, { f: r.recomputed, r: v.recomputed, nf: E, s }, { f: r.difference, r: v.difference, nf: E, s });
  };
  for (const s of refs.byService) {
    const v = adj.byService.find((x) => x.label === s.service);
    if (v) line(s.service, s, v);
  }
  line("Plafond formatieve kosten", refs.ceiling, adj.total[0], true);
  sb.spanToEnd(sb.line({
    v: a.kind === "cao"
      ? "Het budget hierboven is het vastgestelde. De cao-aanpassing is nog niet afgesproken: stem haar af met de opdrachtgever (SLA, Addendum)."
      : a.kind === "unchanged" ? "Herrekend is gelijk aan vastgesteld."
        : "Het addendum is gewijzigd na ondertekening (zie Controle): het budget hierboven volgt de gewijzigde invoer.",
    s: "note", wrap: true,
  }), 1);
}
