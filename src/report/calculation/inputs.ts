/**
 * The visible `Berekening` sheet (docs/gebruikershandleiding.md): every intermediate value the report's
 * formulas need — the parameters, the salary in force per scale and month, each input row normalised
 * (month number from a date, trimmed labels), and the running ceiling total per sick-leave case — so that
 * every chain of formulas can be followed from a report figure back to the input cells.
 *
 * One file per block in this folder; each returns the references it defines (report/refs.ts). The sheet is
 * written in the order the report needs it (report/build.ts): `calculationInputs` first, then the Addendum
 * adds its January block (`formation.ts`) and the Verschilanalyse rows (`../comparison.ts`), then
 * `calculationFinance` (`finance.ts`), which needs the Addendum's budget.
 */
import type { BuildContext } from "../context";
import type { CalculationRefs } from "../refs";
import type { SheetBuilder } from "../sheet";
import { ledgerBlock } from "./ledger";
import { reconciliationBlock } from "./reconciliation";
import { privacyBlock, productsBlock, serviceBlock } from "./optional";
import { paramsBlock } from "./params";
import { salaryBlocks } from "./salary";

export function calculationInputs(ctx: BuildContext, sb: SheetBuilder): CalculationRefs {
  sb.line({ v: "Berekening", s: "title" });
  sb.line({ v: "Tussenstappen van de rapportformules. Dit blad wordt bij elke rapportage opnieuw gemaakt; wijzig de invoerbladen, niet dit blad.", s: "note" });
  sb.widthsFrom([20, ...new Array<number>(16).fill(10)]);
  const params = paramsBlock(ctx, sb);
  const { salary, scales, scaleMonthly, scalesJanuary } = salaryBlocks(ctx, sb, params);
  const ledger = ledgerBlock(ctx, sb);
  reconciliationBlock(ctx, sb, ledger);
  const products = productsBlock(ctx, sb);
  const service = serviceBlock(ctx, sb);
  const privacy = privacyBlock(ctx, sb);
  return { params, salary, scales, scaleMonthly, scalesJanuary, ledger, products, service, privacy };
}
