/**
 * Rapport: build the report (through the job, src/job/run.ts, with each stage marked as it starts), the
 * sign-off controls (aanbieden, ondertekenen, heropenen — only those that fit the status), and the signing
 * PDF as a download.
 */
import { MONTH_NAMES } from "../../domain/dates";
import { shownStatus } from "../../records/review";
import { changedSinceSigning, type SignOff } from "../../records/signoff";
import { versionLabel } from "../../records/versions";
import type { AddendumAction } from "../../job/build";
import { euro } from "../dashboard";
import { download } from "../file-host";
import type { Pane } from "../pane";
import { Cancelled } from "../runner";
import { $, paint, seconds } from "../ui";
import { chosenMonth, readAndCheck, showChecked } from "./controleren";

const STEPS = ["Werkmap lezen", "Invoer controleren", "Berekenen", "Rapport opbouwen", "Rapport schrijven"];

export function setupReportTab(pane: Pane): void {
  const value = (id: string) => $<HTMLInputElement>(id).value;
  $("build-report").addEventListener("click", () => buildReport(pane));
  $("submit-signoff").addEventListener("click", () => buildReport(pane, { kind: "submit", accounthouder: value("sign-accounthouder") }));
  $("sign").addEventListener("click", () => buildReport(pane, { kind: "sign", regisseur: value("sign-regisseur"), accounthouder: value("sign-accounthouder") }));
  $("reopen").addEventListener("click", () => buildReport(pane, { kind: "reopen", by: value("reopen-by"), reason: value("reopen-reason") }));
  // a wijziging van het addendum: a new signed version, with its reason (docs/gebruikershandleiding.md)
  $("amend").addEventListener("click", () => buildReport(pane, { kind: "sign", regisseur: value("amend-regisseur"), accounthouder: value("amend-accounthouder"), amendment: value("amend-reason") }));
  $("signing-pdf").addEventListener("click", () => signingPdf(pane));
  pane.onRefresh(() => refreshReport(pane));
}

function statusText(so: SignOff | null, fingerprint: string | undefined): string {
  // a wijziging names its version; the first signing is simply Ondertekend
  const last = so?.versions?.[so.versions.length - 1];
  const amended = last !== undefined && last.number > 0 ? last : undefined;
  return so === null || so.status === "Concept"
    ? `Status: ${fingerprint === undefined ? "Concept" : shownStatus(so, fingerprint)}`
    : `Status: ${so.status}${so.status === "Ondertekend" ? ` door ${so.regisseur} op ${so.date}${amended ? ` (${versionLabel(amended.number)})` : ""}` : ""} (accounthouder ${so.accounthouder})`;
}

/** The buttons and the sign-off controls, from the state. */
function refreshReport(pane: Pane): void {
  const s = pane.state;
  const noHost = s.host === null;
  const blocked = s.busy || noHost;
  const freshErrors = s.fresh && s.errors;
  $<HTMLButtonElement>("build-report").disabled = blocked || freshErrors;
  $<HTMLButtonElement>("signing-pdf").disabled = blocked || freshErrors;
  $("build-hint").textContent = noHost
    ? (pane.opts.excel ? "" : "Kies eerst een werkmap op het tabblad Invoer.")
    : freshErrors ? "De invoer bevat fouten: herstel ze (zie Controleren) en controleer opnieuw." : "";

  // sign-off: the status as read by the last check; actions only on a fresh check without errors, and
  // only those that fit the status (no Ondertekenen on a signed addendum, Heropenen only there)
  const statusKnown = s.fresh && s.checked !== null;
  const actionable = statusKnown && s.checked?.results != null && !s.errors;
  const status = statusKnown ? (s.signOff?.status ?? "Concept") : null;
  const fingerprint = statusKnown ? s.checked?.results?.fingerprint : undefined;
  const changed = fingerprint !== undefined && changedSinceSigning(s.signOff, fingerprint);
  $("sign-box").hidden = !actionable || status === "Ondertekend";
  $("reopen-box").hidden = !actionable || status !== "Ondertekend";
  $("submit-signoff").hidden = status === "Ter ondertekening" && !changed;
  $("submit-signoff").textContent = status === "Ter ondertekening" ? "Opnieuw ter ondertekening aanbieden" : "Ter ondertekening aanbieden";
  $<HTMLButtonElement>("submit-signoff").disabled = blocked || !actionable;
  $<HTMLButtonElement>("sign").disabled = blocked || !actionable || (status === "Ter ondertekening" && changed);
  $<HTMLButtonElement>("reopen").disabled = blocked || !actionable;
  // a signed addendum whose inputs changed can be amended; a change of the Salaristabel only is a cao change
  $("amend-box").hidden = !actionable || status !== "Ondertekend" || !changed;
  $<HTMLButtonElement>("amend").disabled = blocked || !actionable;
  $("signoff-changed").hidden = !changed;
  $("signoff-changed").textContent = s.checked?.agreement.kind === "cao"
    ? "Cao-aanpassing na ondertekening: alleen de Salaristabel is veranderd. Het vastgestelde budget blijft; stem het verschil af met de opdrachtgever en onderteken het als wijziging van het addendum."
    : "Gewijzigd na ondertekening: de invoer van het addendum is veranderd sinds het werd ondertekend of ter ondertekening aangeboden. Zet de wijziging terug, heropen het addendum, of onderteken een wijziging.";
  $("signoff-status").textContent = statusKnown || (s.shownGeneration !== null && s.checked !== null)
    ? statusText(s.signOff, s.checked?.results?.fingerprint) // when stale: the old status, dimmed with the other figures
    : "Status: onbekend — controleer eerst de invoer.";
  $("signoff-hint").textContent = noHost ? ""
    : !statusKnown ? "Controleer eerst de invoer; dan kunt u het addendum aanbieden of ondertekenen."
      : !actionable ? "Aanbieden, ondertekenen en heropenen kan pas als de invoer geen fouten bevat."
        : status === "Ondertekend" ? "Het addendum is ondertekend. Moet het opnieuw worden ondertekend? Heropen het dan met uw naam en een reden."
          : status === "Ter ondertekening" ? "Het addendum is ter ondertekening aangeboden; de regisseur kan het nu ondertekenen." : "";
}

/** "PDF om te ondertekenen": the signing document of the inputs as they are now, as a download. */
async function signingPdf(pane: Pane): Promise<void> {
  const result = $("signing-pdf-result");
  await pane.busyWith("signing-pdf-result", async () => {
    const checked = await readAndCheck(pane, async (_, text) => {
      result.textContent = `${text}…`;
      await paint();
    });
    const v = checked.inputs && checked.results ? { inputs: checked.inputs, results: checked.results } : null;
    if (!v || pane.state.errors) throw new Error("Geen PDF gemaakt: de invoer bevat fouten. Zie het tabblad Controleren.");
    result.textContent = "De PDF wordt gemaakt (de opmaak en de lettertypen worden geladen)…";
    await paint();
    const [{ signingDocument }, { renderPdfBlob }] = await Promise.all([import("../../pdf/document"), import("../../pdf/browser")]);
    const blob = await renderPdfBlob(signingDocument(v.inputs, v.results, { signOff: pane.state.signOff }));
    const name = `addendum-${v.inputs.settings.year}.pdf`;
    download(blob, name);
    result.textContent = `'${name}' staat in uw downloads (vingerafdruk ${v.results.fingerprint.slice(0, 12)}…). Laat dit document ondertekenen en bewaar het: met de vingerafdruk erop is later na te gaan of de werkmap nog het getekende addendum bevat.`;
  });
}

/**
 * The build's stages as a list, each marked when it really starts, with the time the finished ones took and,
 * once a second, the time the running one has taken so far (outside Excel the page is free while the worker
 * works, so a long step visibly goes on); `mark(i, detail)` marks stage i (5: all done), `cancelled()` the one
 * that was stopped, `stop()` ends the clock.
 */
function stageList(): { mark: (i: number, detail?: string) => Promise<void>; cancelled: () => void; stop: () => void } {
  const steps = $("build-steps");
  const bar = $<HTMLProgressElement>("build-bar");
  const started: number[] = [];
  let current = 0;
  let currentDetail = "";
  steps.replaceChildren(...STEPS.map((s) => Object.assign(document.createElement("li"), { textContent: s })));
  const render = () => {
    const now = performance.now();
    Array.from(steps.children).forEach((li, j) => {
      li.className = j < current ? "done" : j === current ? "active" : "";
      const running = j === current && started[j] !== undefined && now - started[j] >= 1000;
      const took = j < current && started[j] !== undefined ? ` — ${seconds((started[j + 1] ?? now) - started[j])}`
        : running ? ` — ${Math.floor((now - started[j]) / 1000)} s` : "";
      li.textContent = `${STEPS[j]}${j === current && currentDetail ? `: ${currentDetail}` : ""}`;
      if (took) li.append(Object.assign(document.createElement("span"), { className: "time", textContent: took }));
    });
  };
  const clock = setInterval(() => current < STEPS.length && render(), 1000);
  const mark = async (i: number, detail = "") => {
    if (started[i] === undefined) started[i] = performance.now();
    current = i;
    currentDetail = detail;
    bar.value = i;
    render();
    await paint();
  };
  const stop = () => clearInterval(clock);
  const cancelled = () => {
    stop();
    const li = steps.children[current];
    if (!li) return;
    li.className = "cancelled";
    li.textContent = `${STEPS[current]}: geannuleerd`;
  };
  return { mark, cancelled, stop };
}

export async function buildReport(pane: Pane, action?: AddendumAction): Promise<void> {
  const result = $("build-result");
  const t0 = performance.now();
  $("build-progress").hidden = false;
  const { mark, cancelled, stop } = stageList();
  result.replaceChildren();
  try {
    await buildWith(pane, action, mark, cancelled, t0);
  } finally {
    stop();
  }
}

async function buildWith(pane: Pane, action: AddendumAction | undefined, mark: (i: number, detail?: string) => Promise<void>, cancelled: () => void, t0: number): Promise<void> {
  const result = $("build-result");
  await pane.busyWith("build-result", async () => {
    const host = pane.requireHost();
    const generation = pane.state.generation;
    const built = await pane.cancellable("build-cancel", host, "Geannuleerd: er is geen rapport gemaakt en niets gedownload. Het gekozen bestand is niet gewijzigd.", () =>
      host.build(action, chosenMonth(), {
        onStage: (i, detail) => mark(i, detail),
        onChecked: (checked) => showChecked(pane, checked, generation),
        onUnreadable: () => pane.clearShown("Er zijn geen cijfers: de werkmap kon niet worden gelezen."),
      })).catch((e: unknown) => {
      if (e instanceof Cancelled) cancelled();
      throw e;
    });
    pane.state.signOff = built.signOff;
    await mark(5);
    const { results } = built;
    const table = document.createElement("table");
    table.className = "summary-table";
    for (const [label, value] of [
      ["Plafond formatieve kosten", results.ceiling.ceiling],
      ["Totaal budget P&C", results.ceiling.totalBudget],
      ["Ruimte onder plafond", results.forecast.roomUnderCeiling],
      ["Meerkosten opdrachtgever", results.procedure.extraForClient],
    ] as const) {
      const tr = table.insertRow();
      tr.insertCell().textContent = label;
      const td = tr.insertCell();
      td.className = "num";
      td.textContent = euro(value);
    }
    const p = document.createElement("p");
    p.textContent = `${built.message} Rapportbladen t/m ${MONTH_NAMES[built.reportMonth - 1]}: ${built.sheets.join(", ")}.`;
    const total = document.createElement("p");
    total.className = "muted";
    total.textContent = `Klaar in ${seconds(performance.now() - t0)}.`;
    result.replaceChildren(p, table, total);
  });
}
