/** The generated section of BENCHMARKS.md: every figure of bench/results.json with the floor beside it. */
import type { BenchResults, CaseResult, SideResult, Stat } from "./run";
import { STAGE_KEYS, type StageKey } from "./types";

const s = (msv: number) => (msv / 1000).toFixed(2);
const n = (x: number) => x.toLocaleString("en");
const spread = (st: Stat, f: (x: number) => string) => `${f(st.median)} (${f(st.min)}–${f(st.max)})`;

/** Text columns are left-aligned, figures right-aligned. */
const TEXT_COLUMNS = new Set(["", "machine", "case", "step", "target", "status", "measured", "measured cause of a miss", "series"]);

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map((h) => (TEXT_COLUMNS.has(h) ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

function stageCell(o: SideResult, f: SideResult | undefined, key: StageKey, what: "ms" | "peakMb"): string {
  const ours = o.stages[key]?.[what].median;
  if (ours === undefined) return "–";
  const fmt = what === "ms" ? s : (x: number) => x.toFixed(0);
  const floor = f?.stages[key]?.[what].median;
  return floor === undefined ? fmt(ours) : `${fmt(ours)} / ${fmt(floor)}`;
}

function sizeCells(c: CaseResult): string[] {
  return [c.id, n(c.size.formation), n(c.size.ledger), n(c.size.products)];
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`## Results (${m.date})`);
  out.push("");
  out.push(table(["machine", ""], [
    ["cores", String(m.cores)], ["CPU", m.cpu], ["Node", m.node], ["exceljs", m.exceljs], ["OS", m.os], ["memory", `${m.memoryGb} GB`],
    ["date", m.date], ["whole benchmark", `${r.totalSeconds} s (exceljs host part ${r.cliHost.wallSeconds} s)`],
  ]));
  out.push("");

  out.push("### Targets (issue 9, item 5)");
  out.push("");
  out.push(table(["target", "status", "measured", "measured cause of a miss"], r.targets.map((t) => [
    t.target, t.status === "met" ? "**met**" : t.status === "missed" ? "**missed**" : "not yet", t.measured, t.cause ?? "",
  ])));
  out.push("");

  out.push("### File host: end to end, ours vs the two floors (median, seconds and MB)");
  out.push("");
  out.push("`ours` is `reportFile` (read, check, compute, plan, write); the exceljs floor is exceljs alone reading the same input and writing as many formula and value cells (what a user would otherwise script); the package floor unzips every part, parses every sheet's XML and zips the same parts back. Time is inside the process; *process* adds node start-up and module loading.");
  out.push("");
  out.push(table(
    ["case", "Formatie", "Realisatie", "Producten", "runs", "cells added (formulas + values)", "time ours s", "time exceljs floor s", "ratio", "time package floor s", "ratio", "peak ours MB", "peak exceljs floor MB", "ratio", "peak package floor MB", "process ours s", "process floor s", "CPU ours / floor s", "other load (cores)"],
    r.cliHost.cases.map((c) => [
      ...sizeCells(c), String(c.ours.runs), `${n(c.cells.formulas)} + ${n(c.cells.values)}`,
      spread(c.ours.totalMs, s), spread(c.floor.totalMs, s), `**${c.ratio.time}×**`, spread(c.packageFloor.totalMs, s), `${c.packageRatio.time}×`,
      c.ours.maxRssMb.median.toFixed(0), c.floor.maxRssMb.median.toFixed(0), `**${c.ratio.memory}×**`, c.packageFloor.maxRssMb.median.toFixed(0),
      s(c.ours.processMs.median), s(c.floor.processMs.median), `${s(c.ours.cpuMs.median)} / ${s(c.floor.cpuMs.median)}`,
      `${c.ours.otherCores.max.toFixed(2)} / ${c.floor.otherCores.max.toFixed(2)}`,
    ]),
  ));
  out.push("");
  out.push("Median (min–max) over the runs. CPU is the measured section's CPU time (all threads: GC helpers and the memory sampler included). *Other load* is the most CPU that other processes on the machine used during any run of the case (machine busy time from /proc/stat minus the measuring process), in cores of 2: near 0 means the figures were taken on a quiet machine.");
  out.push("");

  out.push("### File host: per stage, ours / floor (median)");
  out.push("");
  out.push("Wall time in seconds; the floor has only read (load the input) and write (add the cells, save). check, compute and plan are ours alone.");
  out.push("");
  out.push(table(["case", ...STAGE_KEYS.map((k) => `${k} s`), "total s"], r.cliHost.cases.map((c) => [
    c.id, ...STAGE_KEYS.map((k) => stageCell(c.ours, c.floor, k, "ms")), `${s(c.ours.totalMs.median)} / ${s(c.floor.totalMs.median)}`,
  ])));
  out.push("");
  out.push("Peak RSS during the stage in MB (baseline after start-up and a full GC in the last column).");
  out.push("");
  out.push(table(["case", ...STAGE_KEYS.map((k) => `${k} MB`), "peak MB", "baseline MB"], r.cliHost.cases.map((c) => [
    c.id, ...STAGE_KEYS.map((k) => stageCell(c.ours, c.floor, k, "peakMb")),
    `${c.ours.maxRssMb.median.toFixed(0)} / ${c.floor.maxRssMb.median.toFixed(0)}`, `${c.ours.baseMb.median.toFixed(0)} / ${c.floor.baseMb.median.toFixed(0)}`,
  ])));
  out.push("");

  out.push("### File host: growth per size step (median time and peak memory)");
  out.push("");
  out.push("Factor = value at the larger size / value at the smaller; exponent = log(time factor) / log(size factor): 1 is linear, 2 quadratic; fixed costs keep small steps below 1.");
  out.push("");
  const rows: string[][] = [];
  for (const se of r.cliHost.series) {
    for (const st of se.steps) {
      rows.push([se.label, `${st.from} → ${st.to}`, `${st.sizeFactor}×`, `${st.ours.time}× / ${st.floor.time}×`, `${st.ours.exponent} / ${st.floor.exponent}`, `${st.ours.memory}× / ${st.floor.memory}×`]);
    }
  }
  out.push(table(["series", "step", "size", "time ours / floor", "exponent ours / floor", "peak memory ours / floor"], rows));
  out.push("");

  out.push("### File host: inputs and outputs");
  out.push("");
  out.push(table(["case", "input cells", "input file KB", "generation s", "report file KB", "warnings"], r.cliHost.cases.map((c) => [
    c.id, n(c.input.inputCells), n(Math.round(c.input.inputBytes / 1024)), s(c.input.ms), n(Math.round(c.outputBytes / 1024)), String(c.warnings),
  ])));
  out.push("");

  out.push("### Office.js host: syncs and largest request payload");
  out.push("");
  out.push("Measured by the add-in benchmark (`bench/addin.ts`): see the add-in section below.");
  out.push("");
  out.push("### Task pane: bundle size and time to interactive");
  out.push("");
  out.push("Measured by the add-in benchmark (`bench/addin.ts`): see the add-in section below.");
  out.push("");
  out.push("### Method");
  out.push("");
  for (const [key, text] of Object.entries(r.method)) out.push(`- **${key}**: ${text}`);
  return out.join("\n");
}
