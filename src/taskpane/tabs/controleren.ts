/**
 * Controleren: read the workbook and check it — every problem with its severity and cell (a click selects
 * the cell inside Excel), the overview's figures, and the sign-off status. Reading and checking is shared
 * with the Rapport tab (the PDF and every build check first).
 */
import { MONTH_NAMES } from "../../domain/dates";
import type { Problem } from "../../input/grid";
import { clearDashboard, renderDashboard } from "../dashboard";
import type { Pane } from "../pane";
import { Cancelled, type CheckView } from "../runner";
import { $, clock, paint, seconds } from "../ui";

function chosenMonth(): number | undefined {
  const v = $<HTMLSelectElement>("report-month").value;
  return v === "" ? undefined : Number(v);
}

export function setupCheckTab(pane: Pane): void {
  const month = $<HTMLSelectElement>("report-month");
  month.append(new Option("volgens Instellingen", ""));
  MONTH_NAMES.forEach((m, i) => month.append(new Option(`t/m ${m} (${i + 1})`, String(i + 1))));
  month.addEventListener("change", () => pane.invalidate("U heeft een andere rapportagemaand gekozen; de cijfers hieronder horen bij de vorige keuze."));
  const run = () => runCheck(pane);
  $("run-check").addEventListener("click", run);
  $("recheck").addEventListener("click", run);
  pane.onRefresh(() => {
    const blocked = pane.state.busy || pane.state.host === null;
    $<HTMLButtonElement>("run-check").disabled = blocked;
    $<HTMLButtonElement>("recheck").disabled = blocked;
  });
}

async function runCheck(pane: Pane): Promise<void> {
  const summary = $("check-summary");
  const t0 = performance.now();
  await pane.busyWith("check-summary", async () => {
    await pane.cancellable("check-cancel", pane.requireHost(), "De controle is geannuleerd; er is niets gewijzigd. Klik op Controleren om opnieuw te controleren.", () =>
      readAndCheck(pane, async (_, text) => {
        summary.textContent = `${text}…`;
        await paint();
      }));
    summary.textContent += ` (${seconds(performance.now() - t0)})`;
    if (pane.state.errors) $("build-progress").hidden = true;
  });
}

/** The rapportagemaand chosen in the pane (undefined: as the workbook's Instellingen say). */
export { chosenMonth };

/**
 * Read the workbook and check it; show the findings, the overview and the status. A read that fails
 * clears the figures (an error message says why). `say` reports the stage (0 read, 1 check, 2 compute).
 */
export async function readAndCheck(pane: Pane, say: (stage: number, text: string) => Promise<void>): Promise<CheckView> {
  const host = pane.requireHost();
  const generation = pane.state.generation;
  let checked: CheckView;
  try {
    checked = await host.check(chosenMonth(), say);
  } catch (e) {
    if (!(e instanceof Cancelled)) pane.clearShown("Er zijn geen cijfers: de werkmap kon niet worden gelezen of gecontroleerd.");
    throw e;
  }
  showChecked(pane, checked, generation);
  return checked;
}

/** Show a check: its problems, the overview (or why there is none), the status; tied to `generation`. */
export function showChecked(pane: Pane, checked: CheckView, generation: number): void {
  const s = pane.state;
  s.checked = checked;
  s.signOff = checked.signOff;
  s.shownGeneration = generation; // a change that came in while reading leaves it stale
  s.shownSource = pane.requireHost().describe();
  showProblems(pane, checked.problems);
  const { inputs } = checked;
  if (inputs && checked.results && !s.errors) {
    renderDashboard(inputs, checked.results, `Cijfers van ${s.shownSource}, gecontroleerd om ${clock(new Date())}, t/m ${MONTH_NAMES[inputs.settings.reportMonth - 1]}.`);
  } else {
    clearDashboard("Er zijn geen cijfers: de invoer bevat fouten. Herstel ze (zie Controleren) en controleer opnieuw.");
    $("build-result").replaceChildren();
  }
  pane.refresh();
}

function showProblems(pane: Pane, problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === "fout").length;
  const warnings = problems.length - errors;
  $("check-summary").textContent = problems.length === 0
    ? "Geen fouten of waarschuwingen: de invoer is in orde."
    : `${errors} ${errors === 1 ? "fout" : "fouten"}, ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}.${errors > 0 ? " Herstel de fouten; daarna kan het rapport worden gemaakt." : ""}`;
  const list = $("problem-list");
  list.replaceChildren();
  const host = pane.state.host;
  for (const p of problems) {
    const li = document.createElement("li");
    li.className = p.severity;
    const badge = document.createElement("span");
    badge.className = `badge ${p.severity}`;
    badge.textContent = p.severity;
    const where = document.createElement(host?.select ? "button" : "span");
    where.className = "where";
    where.textContent = `${p.sheet}!${p.cell}`;
    if (host?.select && where instanceof HTMLButtonElement) {
      where.title = `Ga naar ${p.sheet}!${p.cell}`;
      where.addEventListener("click", () => pane.guard("check-summary", async () => host.select?.(p.sheet, p.cell)));
    }
    li.append(badge, where, " ", p.message);
    list.append(li);
  }
}
