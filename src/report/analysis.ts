/**
 * The Financiële analyse (docs/rekenregels.md): the P&C table as municipal annual accounts print it, on 6.5,
 * with its exact amounts in euros on Berekening. Rows Lasten, Baten, Saldo; columns Begroting primitief,
 * Begroting na wijziging, Realisatie (prognose jaar, t/m rapportagemaand), Verschil; in thousands of euros,
 * "- = voordeel, zonder teken = nadeel", each figure rounded from its exact amount (the total too).
 */
import { analysisAmounts, analysisRows, thousands } from "../domain/analysis";
import { MONTH_NAMES } from "../domain/dates";
import { round2 } from "../domain/money";
import type { BuildContext } from "./context";
import { FORMATS, type PlanCell } from "./plan";
import type { BudgetRefs, CellRef, FinanceCalculationRefs, ParamRefs } from "./refs";
import type { SheetBuilder } from "./sheet";

const E = FORMATS.euro;
/** Whole thousands, a minus for voordeel. */
const K = "#,##0;-#,##0;0";

/** The exact amounts on Berekening (null cells: no realisation yet). */
export interface AnalysisRefs {
  primitive: CellRef;
  amended: CellRef;
  costsYear: CellRef | null;
  costsToDate: CellRef | null;
  contributionYear: CellRef | null;
  contributionToDate: CellRef | null;
}

/** The budgets of the first and the last signed version; the budget in force when nothing is signed. */
function budgets(ctx: BuildContext): { primitive: number | null; amended: number | null } {
  const v = ctx.signOff?.versions ?? [];
  return { primitive: v[0]?.figures.totalBudget ?? null, amended: v[v.length - 1]?.figures.totalBudget ?? null };
}

/** Berekening's block *Financiële analyse (euro's)*. `ctx` is built with the budget in force. */
export function analysisCalculation(ctx: BuildContext, calc: SheetBuilder, refs: { params: ParamRefs; budget: BudgetRefs; finance: FinanceCalculationRefs }): AnalysisRefs {
  const { inputs, results } = ctx;
  const b = budgets(ctx);
  const c = results.ceiling.totalBudget;
  const n = refs.params.reportMonth;
  calc.section("Financiële analyse (bedragen in euro's; 6.5 rondt af op duizenden)");
  const line = (label: string, cell: PlanCell) => calc.ref(calc.line({ v: label, s: "label" }, { ...cell, nf: E }), 2);
  // a signed version's budget is a recorded figure, not a formula over today's inputs
  const primitive = line("Begroting primitief (totaal budget P&C, eerste ondertekende versie)", b.primitive === null ? { f: refs.budget.totalBudget, r: c } : { v: b.primitive });
  const amended = line("Begroting na wijziging (totaal budget P&C, laatste ondertekende versie)", b.amended === null ? { f: refs.budget.totalBudget, r: c } : { v: b.amended });
  const a = analysisAmounts(inputs, results, b.primitive ?? c, b.amended ?? c);
  const f = refs.finance.forecast;
  if (!a || !f) return { primitive, amended, costsYear: null, costsToDate: null, contributionYear: null, contributionToDate: null };
  const R = refs.finance.realised;
  const others = `${R.Opleiding}+${R["Aanvullende dienstverlening"]}+${R.Overig}`;
  return {
    primitive, amended,
    costsToDate: line("Lasten t/m rapportagemaand (gerealiseerd, overhead naar rato)", { f: `ROUND(ROUND(${R.Loonkosten}+${R.Vervanging},2)+${others}+${refs.finance.realisedOverhead},2)`, r: a.costsToDate }),
    costsYear: line("Lasten prognose jaar (formatieve kosten + overige categorieën lineair + overhead)", { f: `ROUND(${f.formation}+ROUND((${others})*12/${n},2)+${refs.budget.overhead},2)`, r: a.costsYear }),
    contributionToDate: line("Bijdrage opdrachtgever t/m rapportagemaand (begroting na wijziging naar rato)", { f: `ROUND(${amended}*${n}/12,2)`, r: a.contributionToDate }),
    contributionYear: line("Bijdrage opdrachtgever prognose jaar (begroting na wijziging + meerkosten)", { f: `ROUND(${amended}+${f.extra},2)`, r: a.contributionYear }),
  };
}

/** 6.5's block *Financiële analyse*. */
export function analysisBlock(ctx: BuildContext, sb: SheetBuilder, refs: AnalysisRefs | undefined): void {
  if (!refs) return;
  const { inputs, results } = ctx;
  const s = inputs.settings;
  const perspective = s.perspective ?? "opdrachtnemer";
  const b = budgets(ctx);
  const c = results.ceiling.totalBudget;
  const a = analysisAmounts(inputs, results, b.primitive ?? c, b.amended ?? c);
  const rows = analysisRows(perspective, { primitive: b.primitive ?? c, amended: b.amended ?? c }, a);
  sb.section("Financiële analyse");
  sb.line({ v: "Bedragen x € 1.000 (- = voordeel, zonder teken = nadeel)", s: "note" });
  sb.header("", "Begroting primitief", "Begroting na wijziging", "Realisatie prognose jaar", `Realisatie t/m ${MONTH_NAMES[s.reportMonth - 1]}`, "Verschil (realisatie t.o.v. gewijzigde begroting)");
  const { primitive: P, amended: W, costsYear: CY, costsToDate: CN, contributionYear: BY, contributionToDate: BN } = refs;
  // the exact amount of each cell as a formula over Berekening, signed as the table is (baten negative)
  const exprs: Record<string, Array<string | null>> = perspective === "opdrachtgever"
    ? {
      Lasten: [P, W, BY, BN, BY && `${BY}-${W}`],
      Baten: ["0", "0", BY && "0", BN && "0", BY && "0"],
      Saldo: [P, W, BY, BN, BY && `${BY}-${W}`],
    }
    : {
      Lasten: [P, W, CY, CN, CY && `${CY}-${W}`],
      Baten: [`-${P}`, `-${W}`, BY && `-${BY}`, BN && `-${BN}`, BY && `${W}-${BY}`],
      Saldo: [`${P}-${P}`, `${W}-${W}`, CY && BY && `${CY}-${BY}`, CN && BN && `${CN}-${BN}`, CY && BY && `(${CY}-${W})+(${W}-${BY})`],
    };
  for (const row of rows) {
    const e = row.exact;
    const values = [e.primitive, e.amended, e.year, e.toDate, e.difference];
    const style = row.label === "Saldo" ? ("total" as const) : undefined;
    const cells: PlanCell[] = exprs[row.label].map((x, i) => {
      const v = values[i];
      return x === null || v === null ? { v: "", s: style } : { f: `ROUND((${x})/1000,0)`, r: thousands(round2(v)), nf: K, s: style };
    });
    sb.line({ v: row.label, s: style ?? "label" }, ...cells);
  }
  sb.line({ v: perspective === "opdrachtgever"
    ? "Perspectief opdrachtgever: lasten = de bijdrage aan de opdrachtnemer (begroting, of begroting na wijziging plus de meerkosten in de prognose); geen baten."
    : "Perspectief opdrachtnemer: lasten = de kosten van de dienstverlening (prognose: formatieve kosten, overige categorieën lineair, overhead); baten = de vergoeding van de opdrachtgever, inclusief de meerkosten.", s: "note" });
  sb.line({ v: "Elk bedrag is afzonderlijk afgerond op duizenden euro's, het saldo en het verschil ook: door afronding kan een totaal afwijken van de som van de regels. Instelling 'Perspectief' op Instellingen.", s: "note" });
  if (!a) sb.line({ v: "Nog geen realisatie: de kolommen Realisatie en Verschil volgen zodra de eerste maand is geboekt.", s: "note" });
}
