/** The title block every report sheet starts with (REPORT.md). */
import { amsterdamTime, MONTH_NAMES } from "../domain/dates";
import type { BuildContext } from "./context";
import { staleNotice } from "./freshness";
import type { SheetBuilder } from "./sheet";

/** A moment as Dutch local time (Europe/Amsterdam, summer time included): 29-11-2026 16:20. */
export function formatBuildTime(d: Date): string {
  return amsterdamTime(d);
}

export function titleBlock(ctx: BuildContext, sb: SheetBuilder, title: string): void {
  const s = ctx.inputs.settings;
  sb.line({ v: title, s: "title" });
  sb.line({ v: `Opdrachtgever: ${s.client} · Opdrachtnemer: ${s.provider}`, s: "subtitle" });
  sb.line({ v: `Jaar ${s.year} · t/m ${MONTH_NAMES[s.reportMonth - 1]} (rapportagemaand ${s.reportMonth})`, s: "subtitle" });
  sb.line({ v: `Gemaakt op ${formatBuildTime(ctx.builtAt)} met dvo-addendum · vingerafdruk invoer ${ctx.results.fingerprint.slice(0, 16)}`, s: "note" });
  // empty while the input sheets have the rows of this build; says to rebuild when rows were added or removed
  sb.line(staleNotice(ctx));
}
