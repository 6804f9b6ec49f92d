/** The Overzicht tab: key figures and a chart.js chart of budget against realised per line. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { MONTH_NAMES } from "../domain/dates";
import type { Results } from "../domain/compute";
import { selfEvaluationMeets } from "../domain/service";
import type { Inputs } from "../domain/types";

// Register only the parts used: keeps the bundle small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export const euro = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (x: number): string => `${(x * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;

let chart: Chart | null = null;

/** The chart is drawn while its tab may be hidden; size it again when the tab is shown. */
export function resizeDashboard(): void {
  chart?.resize();
}

function setText(id: string, text: string, tone?: "bad" | "good"): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = text;
  el.classList.remove("bad", "good");
  if (tone) el.classList.add(tone);
}

export function renderDashboard(inputs: Inputs, results: Results): void {
  document.getElementById("dashboard-empty")?.setAttribute("hidden", "");
  document.getElementById("dashboard")?.removeAttribute("hidden");
  const f = results.forecast;
  setText("kpi-room", euro(f.roomUnderCeiling), f.roomUnderCeiling < 0 ? "bad" : "good");
  setText("kpi-extra", euro(f.extraCostForClient), f.extraCostForClient > 0 ? "bad" : undefined);
  setText("kpi-budget", euro(results.ceiling.totalBudget));
  setText("kpi-ceiling", euro(results.ceiling.ceiling));
  setText("chart-title", `Begroot en gerealiseerd t/m ${MONTH_NAMES[inputs.settings.reportMonth - 1]}`);

  const lines = results.variance.filter((l) => l.name !== "Totaal");
  const canvas = document.getElementById("variance-chart") as HTMLCanvasElement | null;
  if (canvas) {
    chart?.destroy();
    chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: lines.map((l) => l.name),
        datasets: [
          { label: "Begroot", data: lines.map((l) => l.budgetToDate), backgroundColor: "#8ea9db" },
          { label: "Gerealiseerd", data: lines.map((l) => l.realisedToDate), backgroundColor: "#1f3864" },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: "y",
        plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${euro(Number(c.parsed.x))}` } } },
        scales: { x: { ticks: { callback: (v) => `€ ${Number(v).toLocaleString("nl-NL")}` } } },
      },
    });
    canvas.setAttribute("aria-label", lines.map((l) => `${l.name}: begroot ${euro(l.budgetToDate)}, gerealiseerd ${euro(l.realisedToDate)}`).join("; "));
  }

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
}
