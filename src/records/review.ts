/**
 * The controller's review (docs/gebruikershandleiding.md, "Controle en ondertekening"): Concept →
 * Gecontroleerd → Ter ondertekening → Ondertekend. The review is kept beside the sign-off record, in the same
 * very hidden sheet, as keys of its own with a seal of its own, so a sign-off record written before the review
 * step reads and seals as it did. "Gecontroleerd" is a Concept (or Ter ondertekening) whose inputs the
 * controller approved: it holds while the inputs' fingerprint is the reviewed one, and a change voids it.
 * Rejecting sends the addendum back to Concept, with the reason in the Logboek.
 */
import { amsterdamDay } from "../domain/dates";
import type { Problem } from "../input/grid";
import { hex } from "./cells";
import type { SignOff } from "./signoff";

export type ReviewOutcome = "Gecontroleerd" | "Afgekeurd";

export interface Review {
  outcome: ReviewOutcome;
  controller: string;
  /** day of the review, d-m-jjjj */
  date: string;
  /** the controller's remark, or the reason of a rejection */
  remark: string;
  /** the addendum fingerprint that was reviewed */
  fingerprint: string;
  /** ISO timestamp of the review */
  recordedAt: string;
  /** hash of the Logboek row that recorded the review */
  logEntry?: string;
  /** SHA-256 over the fields above */
  seal?: string;
}

/** The review's keys in the sign-off sheet (column A), after the sign-off record's own. */
const KEYS: Record<keyof Review, string> = {
  outcome: "controle",
  controller: "controleur",
  date: "datum controle",
  remark: "controle opmerking",
  fingerprint: "controle vingerafdruk",
  recordedAt: "controle vastgelegd",
  logEntry: "controle logboek",
  seal: "controle zegel",
};

const OUTCOMES: readonly ReviewOutcome[] = ["Gecontroleerd", "Afgekeurd"];

export function reviewSealOf(r: Review): string {
  return hex(["dvo-controle/1", r.outcome, r.controller, r.date, r.remark, r.fingerprint, r.recordedAt, r.logEntry ?? ""]);
}

/** The review among the sign-off sheet's keys (lower case → value), or undefined when there is none. */
export function reviewFrom(map: ReadonlyMap<string, string>): Review | undefined {
  const outcome = OUTCOMES.find((o) => o.toLowerCase() === (map.get(KEYS.outcome) ?? "").toLowerCase());
  if (!outcome) return undefined;
  const r: Review = {
    outcome,
    controller: map.get(KEYS.controller) ?? "",
    date: map.get(KEYS.date) ?? "",
    remark: map.get(KEYS.remark) ?? "",
    fingerprint: map.get(KEYS.fingerprint) ?? "",
    recordedAt: map.get(KEYS.recordedAt) ?? "",
  };
  const logEntry = map.get(KEYS.logEntry);
  const seal = map.get(KEYS.seal);
  if (logEntry) r.logEntry = logEntry;
  if (seal) r.seal = seal;
  return r;
}

/** The review as rows of the sign-off sheet: [key, value]. */
export function reviewRows(r: Review | undefined): string[][] {
  if (!r) return [];
  return (Object.keys(KEYS) as (keyof Review)[]).filter((k) => r[k] !== undefined).map((k) => [KEYS[k], r[k] ?? ""]);
}

/** True when the controller approved exactly these inputs. */
export function reviewHolds(s: SignOff | null, fingerprint: string): boolean {
  return s?.review?.outcome === "Gecontroleerd" && s.review.fingerprint === fingerprint;
}

/** True when the controller approved the inputs, and they changed afterwards. */
export function reviewVoided(s: SignOff | null, fingerprint: string): boolean {
  return s?.review?.outcome === "Gecontroleerd" && s.review.fingerprint !== "" && s.review.fingerprint !== fingerprint;
}

/** The status as people see it: a Concept the controller approved is Gecontroleerd. */
export function shownStatus(s: SignOff | null, fingerprint: string): string {
  const status = s?.status ?? "Concept";
  return status === "Concept" && reviewHolds(s, fingerprint) ? "Gecontroleerd" : status;
}

/** One line on who reviewed and when, for the Addendum sheet, the PDF and the pane. */
export function reviewLine(s: SignOff | null, fingerprint: string): string {
  const r = s?.review;
  if (!r) return "Niet gecontroleerd";
  if (r.outcome === "Afgekeurd") return `Afgekeurd door ${r.controller} op ${r.date}: ${r.remark}`;
  const by = `gecontroleerd door ${r.controller} op ${r.date}${r.remark ? ` (${r.remark})` : ""}`;
  return r.fingerprint === fingerprint ? by[0].toUpperCase() + by.slice(1) : `Controle vervallen: ${by}, daarna is de invoer veranderd`;
}

/** The warning when a change to the addendum's inputs voided the review. */
export function reviewProblems(s: SignOff | null, fingerprint: string, addendumSheet: string): Problem[] {
  if (!s?.review || !reviewVoided(s, fingerprint)) return [];
  const r = s.review;
  return [{
    severity: "waarschuwing", code: "changed-after-review", sheet: addendumSheet, cell: "A1",
    message: `Controle vervallen: het addendum is gecontroleerd door ${r.controller || "de controller"} op ${r.date || "?"}, maar de instellingen, de gebruikte salaristabel of de formatie zijn daarna veranderd (vingerafdruk ${r.fingerprint.slice(0, 12)} → ${fingerprint.slice(0, 12)}). Laat de controller het addendum opnieuw controleren, of zet de wijziging terug.`,
  }];
}

/** What the review record says about itself: its seal. */
export function reviewIntegrityProblems(s: SignOff | null, addendumSheet: string): Problem[] {
  const r = s?.review;
  if (!r || r.seal === undefined || r.seal === reviewSealOf(r)) return [];
  return [{
    severity: "waarschuwing", code: "records-integrity", sheet: addendumSheet, cell: "A1",
    message: `De controle in het ondertekeningsblad is buiten de add-in om gewijzigd: de inhoud past niet meer bij haar zegel (nu '${r.outcome}'${r.controller ? ` door ${r.controller}` : ""}). Laat de controller het addendum opnieuw controleren.`,
  }];
}

export type ReviewAction =
  | { kind: "review"; controller: string; remark: string }
  | { kind: "reject"; controller: string; reason: string };

export function isReviewAction(a: { kind: string }): a is ReviewAction {
  return a.kind === "review" || a.kind === "reject";
}

/**
 * The sign-off record after the controller's verdict, or a Dutch sentence saying why it cannot be given.
 * Approving keeps the status (and the sign-off record's own fields and seal) and adds the review; rejecting
 * returns the addendum to Concept: a status change, so the caller links and seals the record to its Logboek row.
 */
export function applyReviewAction(current: SignOff | null, action: ReviewAction, fingerprint: string, now: Date):
  { ok: true; signOff: SignOff; note: string; statusChange: boolean } | { ok: false; message: string } {
  const controller = action.controller.trim();
  if (!controller) return { ok: false, message: "Vul de naam van de controller in." };
  if (current?.status === "Ondertekend") {
    return { ok: false, message: "Het addendum is al ondertekend: controleren of afkeuren kan pas weer als het is heropend (met een reden)." };
  }
  const at = now.toISOString();
  const review: Review = {
    outcome: action.kind === "review" ? "Gecontroleerd" : "Afgekeurd", controller, date: amsterdamDay(now),
    remark: (action.kind === "review" ? action.remark : action.reason).trim(), fingerprint, recordedAt: at,
  };
  if (action.kind === "review") {
    const base: SignOff = current ?? { status: "Concept", regisseur: "", accounthouder: "", date: "", fingerprint: "", recordedAt: at };
    return { ok: true, signOff: { ...base, review }, statusChange: false, note: `gecontroleerd door ${controller} (controller)${review.remark ? `: ${review.remark}` : ""}` };
  }
  if (!review.remark) return { ok: false, message: "Afkeuren vraagt een reden: die komt in het logboek, zodat de accounthouder weet wat er moet veranderen." };
  const was = current?.status ?? "Concept";
  return {
    ok: true, statusChange: true,
    signOff: { status: "Concept", regisseur: "", accounthouder: current?.accounthouder ?? "", date: "", fingerprint: "", recordedAt: at, review },
    note: `afgekeurd door ${controller} (controller): ${review.remark}${was !== "Concept" ? ` (was: ${was})` : ""}; terug naar Concept`,
  };
}
