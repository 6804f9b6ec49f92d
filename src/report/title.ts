/** The title block every report sheet starts with (REPORT.md). */
import { MONTH_NAMES } from "../domain/dates";
import type { BuildContext } from "./context";
import type { SheetBuilder } from "./sheet";

const AMSTERDAM = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam", day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** A moment as Dutch local time (Europe/Amsterdam, summer time included): 29-11-2026 16:20. */
export function formatBuildTime(d: Date): string {
  const part = (t: Intl.DateTimeFormatPartTypes) => AMSTERDAM.formatToParts(d).find((p) => p.type === t)?.value ?? "";
  return `${part("day")}-${part("month")}-${part("year")} ${part("hour")}:${part("minute")}`;
}

export function titleBlock(ctx: BuildContext, sb: SheetBuilder, title: string): void {
  const s = ctx.inputs.settings;
  sb.line({ v: title, s: "title" });
  sb.line({ v: `Opdrachtgever: ${s.client} · Opdrachtnemer: ${s.provider}`, s: "subtitle" });
  sb.line({ v: `Jaar ${s.year} · t/m ${MONTH_NAMES[s.reportMonth - 1]} (rapportagemaand ${s.reportMonth})`, s: "subtitle" });
  sb.line({ v: `Gemaakt op ${formatBuildTime(ctx.builtAt)} met dvo-addendum · vingerafdruk invoer ${ctx.results.fingerprint.slice(0, 16)}`, s: "note" });
  sb.blank();
}
