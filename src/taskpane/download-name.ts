/** The name of a download outside Excel: what the file is, after the chosen file's name. */
import type { BuildKind } from "../job/host";

const SUFFIX: Record<BuildKind, string> = { report: "rapport", submit: "ter-ondertekening", sign: "getekend", reopen: "heropend", review: "gecontroleerd", reject: "afgekeurd" };

/**
 * The download's name: the chosen file's name without .xlsx and without the suffix of an earlier download
 * (so a signed copy of 'invoer-rapport.xlsx' is 'invoer-getekend.xlsx'), then what this file is.
 */
export function downloadName(chosen: string, kind: BuildKind): string {
  const base = chosen.replace(/\.xlsx$/i, "").replace(/-(rapport|ter-ondertekening|getekend|heropend)$/i, "") || "werkmap";
  return `${base}-${SUFFIX[kind]}.xlsx`;
}
