/** `6.3 Kwalitatief`: signals, self-evaluation against the norm, cooperation. */
import { selfEvaluationMeets } from "../domain/service";
import { cellRef } from "./a1";
import { hasColumn, inputRef, numberCell, type BuildContext } from "./context";
import { noData, notesSection } from "./notes";
import { FORMATS } from "./plan";
import { SheetBuilder } from "./sheet";
import { cooperationSections, objectivesSection, usesSla2023 } from "./sla2023";
import { titleBlock } from "./title";
import { dutiesSection } from "./duties";
import type { ParamRefs } from "./refs";

export function qualitativeSheet(ctx: BuildContext, params: ParamRefs): SheetBuilder {
  const sb = new SheetBuilder(ctx.names.qualitative);
  sb.widthsFrom([16, 10, 10, 12]);
  titleBlock(ctx, sb, "6.3 Kwalitatief", { periodic: true });
  if (usesSla2023(ctx)) objectivesSection(ctx, sb);
  notesSection(ctx, sb, "Signalen, actualiteiten en knelpunten", ["Signalen", "Overig"]);

  sb.section("Zelfevaluatie (norm: score ten minste de norm, standaard 90%)");
  const evals = ctx.inputs.selfEvaluation;
  if (!evals) noData(sb, "Zelfevaluatie");
  else if (evals.length === 0) sb.line({ v: "geen gegevens", s: "note" });
  else {
    sb.header("Onderdeel", "Score", "Norm", "Oordeel");
    const first = sb.row;
    for (const e of evals) {
      const row = sb.row;
      sb.line(
        { v: e.part },
        numberCell(ctx, "selfEvaluation", "score", e.row, e.score, FORMATS.percent0),
        hasColumn(ctx, "selfEvaluation", "norm")
          ? { f: `IF(ISBLANK(${inputRef(ctx, "selfEvaluation", "norm", e.row)}),0.9,${inputRef(ctx, "selfEvaluation", "norm", e.row)})`, r: e.norm, nf: FORMATS.percent0 }
          : { v: 0.9, nf: FORMATS.percent0 },
        { f: `IF(${cellRef(row, 2)}>=${cellRef(row, 3)},"voldoet","voldoet niet")`, r: selfEvaluationMeets(e) ? "voldoet" : "voldoet niet" },
      );
    }
    sb.highlight(`D${first}:D${sb.row - 1}`, `D${first}="voldoet niet"`, "bad");
  }
  notesSection(ctx, sb, "Toelichting zelfevaluatie", ["Zelfevaluatie"]);
  dutiesSection(ctx, sb, params);
  // SLA 2023 reports cooperation per partner (Ommen, Hardenberg, gastdames); SLA 2024 as one section
  if (usesSla2023(ctx)) cooperationSections(ctx, sb);
  else notesSection(ctx, sb, "Samenwerking met Ommen en derden", ["Samenwerking"]);
  return sb;
}
