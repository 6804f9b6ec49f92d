/** `6.4 Verkiezingen`: progress during preparation; evaluation, bottlenecks and improvements afterwards. */
import { dateCell, type BuildContext } from "./context";
import { electionCostsSection } from "./election-costs";
import type { ElectionCostRefs } from "./refs";
import { noData, notesSection } from "./notes";
import { SheetBuilder } from "./sheet";
import { countResultCell, usesSla2023 } from "./sla2023";
import { titleBlock } from "./title";

export function electionsSheet(ctx: BuildContext, costs: ElectionCostRefs): SheetBuilder {
  const sb = new SheetBuilder(ctx.names.elections);
  sb.widthsFrom([20, 10, 12, 36, 36, 36, 36]);
  titleBlock(ctx, sb, "6.4 Verkiezingen", { periodic: true });
  const list = ctx.inputs.elections;
  sb.section("Verkiezingen");
  if (!list) noData(sb, "Verkiezingen");
  else if (list.length === 0) sb.line({ v: "geen gegevens", s: "note" });
  else {
    // SLA 2023: after the election, its result (a correct count or not)
    const sla2023 = usesSla2023(ctx);
    sb.header("Verkiezing", "Datum", "Fase", "Voortgang (voorbereiding)", "Evaluatie (na afloop)", "Knelpunten", "Verbeterpunten", ...(sla2023 ? ["Resultaat (telling)"] : []));
    for (const e of list) {
      sb.line(
        { v: e.name },
        e.date ? dateCell(ctx, "elections", "date", e.row, e.date) : { v: "" },
        { v: e.phase },
        { v: e.phase === "Voorbereiding" ? e.progress : "", wrap: true },
        { v: e.phase === "Afgerond" ? e.evaluation : "", wrap: true },
        { v: e.bottlenecks, wrap: true },
        { v: e.improvements, wrap: true },
        sla2023 ? (e.phase === "Afgerond" ? countResultCell(ctx, e.row, e.countCorrect) : { v: "" }) : undefined,
      );
    }
  }
  electionCostsSection(ctx, sb, costs);
  notesSection(ctx, sb, "Toelichting", ["Verkiezingen"]);
  return sb;
}
