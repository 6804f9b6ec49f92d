/** The title block every report sheet starts with (docs/gebruikershandleiding.md). */
import { amsterdamTime, MONTH_NAMES } from "../domain/dates";
import type { BuildContext } from "./context";
import { staleNotice } from "./freshness";
import type { SheetBuilder } from "./sheet";

/** A moment as Dutch local time (Europe/Amsterdam, summer time included): 29-11-2026 16:20. */
export function formatBuildTime(d: Date): string {
  return amsterdamTime(d);
}

export interface TitleOptions {
  /** a periodic sheet (6.1 … 6.6): says plainly when there is nothing to report yet (no realisation) */
  periodic?: boolean;
}

export function titleBlock(ctx: BuildContext, sb: SheetBuilder, title: string, opts: TitleOptions = {}): void {
  const s = ctx.inputs.settings;
  sb.line({ v: title, s: "title" });
  sb.line({ v: `Opdrachtgever: ${s.client} · Opdrachtnemer: ${s.provider}`, s: "subtitle" });
  sb.line({ v: `Jaar ${s.year} · t/m ${MONTH_NAMES[s.reportMonth - 1]} (rapportagemaand ${s.reportMonth})`, s: "subtitle" });
  sb.line({ v: `Gemaakt op ${formatBuildTime(ctx.builtAt)} met dvo-addendum · vingerafdruk invoer ${ctx.results.fingerprint.slice(0, 16)}`, s: "note" });
  // empty while the input sheets have the rows of this build; says to rebuild when rows were added or removed
  sb.line(staleNotice(ctx));
  if (opts.periodic && !ctx.results.forecast.available) sb.spanToEnd(sb.line({ v: noRealisationNotice(ctx), s: "warning", wrap: true }), 1);
}

/** The plain notice of a year without realisation yet (RULES §5: no forecast of zero months). */
export function noRealisationNotice(ctx: BuildContext): string {
  const s = ctx.inputs.settings;
  return `Nog geen realisatie: Realisatie heeft geen boekingen t/m ${MONTH_NAMES[s.reportMonth - 1]} ${s.year}. Er is over deze periode nog niets te rapporteren; een prognose volgt zodra de eerste maand is geboekt.`;
}
