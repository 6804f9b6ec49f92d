/**
 * `dvo-addendum review invoer.xlsx --controller "naam" [--opmerking "…"] -o uit.xlsx`: the controller
 * approves the addendum's inputs as they are (Gecontroleerd); with `--afkeuren "reden"` the controller
 * rejects them and the addendum returns to Concept. Both are a build with the verdict recorded in the
 * sign-off sheet and the Logboek (src/records/review.ts), written to a new file as `sign` is.
 */
import type { Out } from "../io";
import { report } from "./report";

export interface ReviewOptions {
  controller?: string;
  remark?: string;
  reject?: string;
}

export async function review(input: string, output: string, opts: ReviewOptions, io: Out, overwrite = false): Promise<number> {
  if (opts.reject !== undefined && opts.remark !== undefined) {
    io.err("Geef --opmerking of --afkeuren op, niet allebei: bij afkeuren is de reden de opmerking.");
    return 2;
  }
  const controller = opts.controller ?? "";
  return report(input, output, io, opts.reject !== undefined
    ? { kind: "reject", controller, reason: opts.reject }
    : { kind: "review", controller, remark: opts.remark ?? "" }, overwrite);
}
