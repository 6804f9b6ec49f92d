/**
 * The controller's step on the Rapport tab (docs/gebruikershandleiding.md, "Controle en ondertekening"):
 * who reviewed and when, the review voided by a change of the addendum's inputs, and the buttons
 * Gecontroleerd and Afkeuren — a build with the verdict, through the job like the sign-off actions
 * (records/review.ts decides what is allowed).
 */
import { reviewHolds, reviewLine, reviewVoided } from "../../records/review";
import type { Pane } from "../pane";
import { $ } from "../ui";
import { buildReport } from "./rapport";

export function setupReview(pane: Pane): void {
  const value = (id: string) => $<HTMLInputElement>(id).value;
  $("review-approve").addEventListener("click", () => buildReport(pane, { kind: "review", controller: value("review-controller"), remark: value("review-remark") }));
  $("review-reject").addEventListener("click", () => buildReport(pane, { kind: "reject", controller: value("review-controller"), reason: value("review-remark") }));
  pane.onRefresh(() => refreshReview(pane));
}

/** The review line, the voided warning, and the controller's buttons only where a verdict can be given. */
function refreshReview(pane: Pane): void {
  const s = pane.state;
  const statusKnown = s.fresh && s.checked !== null;
  const actionable = statusKnown && s.checked?.results != null && !s.errors;
  const fingerprint = s.checked?.results?.fingerprint;
  const shown = fingerprint !== undefined && (statusKnown || s.shownGeneration !== null);
  $("review-status").textContent = shown ? `Controle: ${reviewLine(s.signOff, fingerprint)}` : "";
  $("review-voided").hidden = !statusKnown || fingerprint === undefined || !reviewVoided(s.signOff, fingerprint);
  $("review-box").hidden = !actionable || s.signOff?.status === "Ondertekend";
  const blocked = s.busy || s.host === null || !actionable;
  $<HTMLButtonElement>("review-approve").disabled = blocked;
  $<HTMLButtonElement>("review-reject").disabled = blocked;
  // offering and signing need the review when the workbook says so ('Controle vereist' = ja)
  const required = s.checked?.inputs?.settings.reviewRequired === "ja";
  const reviewed = fingerprint !== undefined && reviewHolds(s.signOff, fingerprint);
  if (actionable && !reviewed && s.signOff?.status !== "Ondertekend") {
    if (required) {
      $<HTMLButtonElement>("submit-signoff").disabled = true;
      $<HTMLButtonElement>("sign").disabled = true;
    }
    $("review-hint").textContent = required
      ? "Controle vereist: aanbieden en ondertekenen kan pas als de controller deze invoer heeft gecontroleerd."
      : "Nog niet gecontroleerd: ondertekenen kan, maar dan staat op het addendum en in het Logboek dat de controle ontbrak.";
  } else $("review-hint").textContent = "";
}
