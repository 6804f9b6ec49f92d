/**
 * The Overzicht tab: key figures, norms, and a chart of budget against realised per line. The figures are
 * set at once; the chart (chart.js, a separate chunk) is loaded and drawn only when Overzicht is open.
 */
import { MONTH_NAMES } from "../domain/dates";
import type { Results } from "../domain/compute";
import { selfEvaluationMeets } from "../domain/service";
import type { Inputs } from "../domain/types";
import type { ChartLine } from "./chart";

export const euro = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (x: number): string => `${(x * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;

/** the chart's data waiting to be drawn (null: nothing to draw) */
let pending: ChartLine[] | null = null;
let drawn: ChartLine[] | null = null;
let chartModule: Promise<typeof import("./chart")> | null = null;

function overviewOpen(): boolean {
  const panel = document.getElementById("panel-overzicht");
  return panel !== null && !panel.hidden;
}

function loadChart(): Promise<typeof import("./chart")> {
  chartModule ??= import(/* webpackChunkName: "chart" */ "./chart");
  return chartModule;
}

/** Draw (or resize) the chart when Overzicht is open; loads chart.js the first time. */
export async function showDashboard(): Promise<void> {
  if (!overviewOpen()) return;
  const canvas = document.getElementById("variance-chart") as HTMLCanvasElement | null;
  if (!canvas) return;
  if (pending === null) {
    if (drawn !== null) (await loadChart()).resizeChart();
    return;
  }
  const lines = pending;
  const mod = await loadChart();
  if (pending !== lines) return; // cleared or replaced while loading
  mod.drawChart(canvas, lines);
  drawn = lines;
  pending = null;
  document.body.dataset.chart = "drawn";
}

function setText(id: string, text: string, tone?: "bad" | "good"): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = text;
  el.classList.remove("bad", "good");
  if (tone) el.classList.add(tone);
}

/** Remove every figure of the overview; `message` says why there are none. */
export function clearDashboard(message: string): void {
  document.getElementById("dashboard")?.setAttribute("hidden", "");
  const empty = document.getElementById("dashboard-empty");
  if (empty) {
    empty.textContent = message;
    empty.removeAttribute("hidden");
  }
  for (const id of ["kpi-room", "kpi-extra", "kpi-budget", "kpi-ceiling", "figures-source"]) setText(id, "");
  document.getElementById("norm-list")?.replaceChildren();
  pending = null;
  drawn = null;
  delete document.body.dataset.chart;
  if (chartModule) void chartModule.then((m) => m.clearChart());
}

/** `source`: which workbook and when, shown above the figures. */
export function renderDashboard(inputs: Omit<Inputs, "ledger">, results: Results, source: string): void {
  document.getElementById("dashboard-empty")?.setAttribute("hidden", "");
  document.getElementById("dashboard")?.removeAttribute("hidden");
  setText("figures-source", source);
  const f = results.forecast;
  setText("kpi-room", euro(f.roomUnderCeiling), f.roomUnderCeiling < 0 ? "bad" : "good");
  setText("kpi-extra", euro(results.procedure.extraForClient), results.procedure.extraForClient > 0 ? "bad" : undefined);
  setText("kpi-budget", euro(results.ceiling.totalBudget));
  setText("kpi-ceiling", euro(results.ceiling.ceiling));
  setText("chart-title", `Begroot en gerealiseerd t/m ${MONTH_NAMES[inputs.settings.reportMonth - 1]}`);

  const lines = results.variance.filter((l) => l.name !== "Totaal");
  pending = lines.map((l) => ({ name: l.name, budget: l.budgetToDate, realised: l.realisedToDate }));
  delete document.body.dataset.chart;
  document.getElementById("variance-chart")?.setAttribute("aria-label", lines.map((l) => `${l.name}: begroot ${euro(l.budgetToDate)}, gerealiseerd ${euro(l.realisedToDate)}`).join("; "));

  const norms = document.getElementById("norm-list");
  if (norms) {
    norms.replaceChildren();
    const add = (label: string, ok: boolean | null, detail: string) => {
      const li = document.createElement("li");
      const mark = document.createElement("span");
      mark.className = ok === null ? "" : ok ? "ok" : "nok";
      mark.textContent = ok === null ? "geen gegevens" : ok ? "voldoet" : "voldoet niet";
      li.append(`${label}: `, mark, detail ? ` (${detail})` : "");
      norms.append(li);
    };
    const s = results.service;
    add("Terugbelverzoeken binnen 2 werkdagen", s?.callbackRate == null ? null : s.callbackRate >= 1, s?.callbackRate == null ? "" : pct(s.callbackRate));
    add("Verzoeken binnen 3 werkdagen", s?.requestRate == null ? null : s.requestRate >= 1, s?.requestRate == null ? "" : pct(s.requestRate));
    for (const e of inputs.selfEvaluation ?? []) add(`Zelfevaluatie ${e.part}`, selfEvaluationMeets(e), `${pct(e.score)}, norm ${pct(e.norm)}`);
    const missing = f.cases.filter((c) => c.adviceNoteMissing).map((c) => c.case.caseId);
    add("Adviesnota's verzuim", missing.length === 0, missing.length === 0 ? "" : `ontbreekt voor ${missing.join(", ")}`);
  }
  void showDashboard();
}
