/**
 * The Overzicht chart: budget against realised per line, with chart.js. This module is its own chunk,
 * loaded the first time Overzicht is opened with figures to show (chart.js is most of its weight).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

// Register only the parts used: keeps the chunk small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartLine {
  name: string;
  budget: number;
  realised: number;
}

const euro = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

let chart: Chart | null = null;

/** A long label on lines of about 12 characters (chart.js draws an array as lines): no label cut off at 320 px. */
function wrap(label: string): string | string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= 12) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length === 1 ? lines[0] : lines;
}

export function drawChart(canvas: HTMLCanvasElement, lines: ChartLine[]): void {
  chart?.destroy();
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: lines.map((l) => wrap(l.name)),
      datasets: [
        { label: "Begroot", data: lines.map((l) => l.budget), backgroundColor: "#96c6fa" },
        { label: "Gerealiseerd", data: lines.map((l) => l.realised), backgroundColor: "#0f6cbd" },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: "y",
      plugins: { legend: { position: "bottom" }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${euro(Number(c.parsed.x))}` } } },
      scales: { x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: canvas.clientWidth < 400 ? 4 : 8, callback: (v) => `€ ${(Number(v) / 1000).toLocaleString("nl-NL")}k` } } },
    },
  });
}

export function clearChart(): void {
  chart?.destroy();
  chart = null;
}

export function resizeChart(): void {
  chart?.resize();
}
