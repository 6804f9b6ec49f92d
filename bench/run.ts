/**
 * `npm run bench` (issues 5 and 9): speed and memory at scale, side by side with two floors.
 *
 * One function per part of the issue:
 *   1. benchCliHost     the file host (`dvo-addendum report`), stage by stage, against exceljs alone (what a
 *                       user would otherwise script) and against the package floor (unzip, parse every
 *                       sheet's XML, zip the same parts back)
 *   2. benchOfficeSync  the Office.js host: syncs and largest request payload (not yet: placeholder)
 *   3. benchTaskpane    the task pane: bundle size and time to interactive (not yet: placeholder)
 * and `evaluateTargets` for the targets of item 4. Results go to bench/results.json and into the marked
 * section of BENCHMARKS.md (the text outside the markers is written by hand).
 *
 * Options: --runs N (every case), --cases id,id (a subset), --dry (print the tables, write nothing),
 * --wait-quiet (before each run, wait until other processes on the machine are idle), --render (only render
 * BENCHMARKS.md again from bench/results.json).
 */
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CaseSize } from "./generate";
import { renderMarkdown } from "./render";
import {
  STAGE_KEYS, type GenerateMeasure, type OursMeasure, type RunMeasure, type SheetCells, type StageKey,
} from "./types";

const ROOT = path.resolve(__dirname, "..", "..");
const TMP = path.join(ROOT, "bench", "tmp");
const CHILD = path.join(__dirname, "child.js");
const RESULTS = path.join(ROOT, "bench", "results.json");
const MARKDOWN = path.join(ROOT, "BENCHMARKS.md");
/** a child that takes longer than this is killed and the benchmark fails */
const CHILD_TIMEOUT_MS = 240_000;

// ---------------------------------------------------------------------------------------------------
// Cases: one series per dimension of the issue, each varying one size from a shared base
// (formation 100, ledger 1,000, products 1,000) instead of the full cross product.

export interface CaseDef {
  id: string;
  size: CaseSize;
  runs: number;
}

export interface SeriesDef {
  name: string;
  /** which size varies */
  dimension: keyof CaseSize;
  label: string;
  cases: string[];
}

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const caseId = (s: CaseSize) => `F${k(s.formation)}-L${k(s.ledger)}-P${k(s.products)}`;
const BASE: CaseSize = { formation: 100, ledger: 1000, products: 1000 };
const RUNS = 5;
/**
 * Runs of the cases with 100,000 ledger or product rows: an ours + floor pair takes about 26 s on the 2-core
 * machine, and five of each would push the whole `npm run bench`, with the add-in parts, past the
 * 10 minutes of issue 5.
 */
const RUNS_LARGEST = 3;
const LARGEST = 100_000;
/** 200,000 rows: one run each (the exceljs floor alone takes ~25 s and ~2 GB there) */
const RUNS_HUGE = 1;
const HUGE = 200_000;

function seriesOf(dimension: keyof CaseSize, label: string, sizes: number[]): { series: SeriesDef; sizes: CaseSize[] } {
  const all = sizes.map((n) => ({ ...BASE, [dimension]: n }));
  return { series: { name: dimension, dimension, label, cases: all.map(caseId) }, sizes: all };
}

const SERIES_SPEC = [
  seriesOf("formation", "Formatie rows", [10, 100, 1000, 10000]),
  seriesOf("ledger", "Realisatie rows", [1000, 10000, 100000, 200000]),
  seriesOf("products", "Producten rows", [1000, 10000, 100000]),
];

export const SERIES: SeriesDef[] = SERIES_SPEC.map((s) => s.series);

export const CASES: CaseDef[] = (() => {
  const seen = new Map<string, CaseDef>();
  for (const s of SERIES_SPEC) for (const size of s.sizes) if (!seen.has(caseId(size))) {
    seen.set(caseId(size), { id: caseId(size), size, runs: Math.max(size.ledger, size.products) >= HUGE ? RUNS_HUGE : Math.max(size.ledger, size.products) >= LARGEST ? RUNS_LARGEST : RUNS });
  }
  return [...seen.values()];
})();

// ---------------------------------------------------------------------------------------------------
// Results

export interface Stat {
  median: number;
  min: number;
  max: number;
}

export interface StageStat {
  ms: Stat;
  peakMb: Stat;
}

export interface SideResult {
  runs: number;
  totalMs: Stat;
  cpuMs: Stat;
  /** 1-minute load average at the start of the runs */
  load: Stat;
  /** CPU used by other processes during the runs, in cores */
  otherCores: Stat;
  processMs: Stat;
  maxRssMb: Stat;
  baseMb: Stat;
  stages: Partial<Record<StageKey, StageStat>>;
}

export interface CaseResult {
  id: string;
  size: CaseSize;
  input: GenerateMeasure;
  cells: { formulas: number; values: number; perSheet: SheetCells[] };
  outputBytes: number;
  warnings: number;
  ours: SideResult;
  floor: SideResult;
  /** the package floor: unzip, parse every sheet's XML, zip the same parts back */
  packageFloor: SideResult;
  ratio: { time: number; memory: number };
  /** ours / package floor */
  packageRatio: { time: number; memory: number };
}

export interface GrowthStep {
  from: string;
  to: string;
  sizeFactor: number;
  ours: { time: number; memory: number; exponent: number };
  floor: { time: number; memory: number; exponent: number };
}

export interface CliHostResult {
  cases: CaseResult[];
  series: Array<SeriesDef & { steps: GrowthStep[] }>;
  wallSeconds: number;
}

export type PendingPart = { status: "not yet"; note: string };

export interface TargetResult {
  target: string;
  status: "met" | "missed" | "not yet";
  measured: string;
  cause?: string;
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  exceljs: string;
  os: string;
  memoryGb: number;
  date: string;
}

export interface BenchResults {
  machine: Machine;
  method: Record<string, string>;
  cliHost: CliHostResult;
  officeSync: PendingPart;
  taskpane: PendingPart;
  targets: TargetResult[];
  totalSeconds: number;
}

// ---------------------------------------------------------------------------------------------------
// Child processes

interface Options {
  runs?: number;
  cases?: Set<string>;
  dry: boolean;
  /** only render BENCHMARKS.md again from bench/results.json (after editing render.ts or the method text) */
  render: boolean;
  /** before each measurement, wait (at most QUIET_WAIT_MS) until other processes use less than QUIET_CORES */
  waitQuiet: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { dry: false, waitQuiet: false, render: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--cases") o.cases = new Set(argv[++i].split(","));
    else if (a === "--dry") o.dry = true;
    else if (a === "--wait-quiet") o.waitQuiet = true;
    else if (a === "--render") o.render = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function log(s: string): void {
  process.stderr.write(s + "\n");
}

/** Busy CPU time of the whole machine so far, ms (Linux /proc/stat; 0 elsewhere). */
async function machineBusyMs(): Promise<number> {
  try {
    const line = (await fs.readFile("/proc/stat", "utf8")).split("\n")[0];
    // cpu user nice system idle iowait irq softirq steal ...
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] ?? 0);
    return busy * 10; // USER_HZ = 100
  } catch {
    return 0;
  }
}

const QUIET_CORES = 0.25;
const QUIET_WAIT_MS = 180_000;

/** CPU used by other processes over the next `ms`, in cores (this process is idle meanwhile). */
async function otherLoad(ms: number): Promise<number> {
  const b0 = await machineBusyMs();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  return (await machineBusyMs() - b0) / (performance.now() - t0);
}

/** Wait until the machine is quiet (other processes below QUIET_CORES), at most QUIET_WAIT_MS. */
async function waitForQuiet(): Promise<void> {
  const t0 = performance.now();
  let load = await otherLoad(1000);
  if (load < QUIET_CORES) return;
  log(`  waiting for a quiet machine (other processes use ${load.toFixed(2)} cores) …`);
  while (load >= QUIET_CORES && performance.now() - t0 < QUIET_WAIT_MS) load = await otherLoad(2000);
  if (load >= QUIET_CORES) log(`  still ${load.toFixed(2)} cores busy after ${QUIET_WAIT_MS / 1000} s: measuring anyway`);
}

/** Run the measuring child; returns its JSON result and the other processes' load during it. */
async function child<T extends object>(args: string[], resultFile: string, waitQuiet = false): Promise<{ result: T; otherCores: number }> {
  await fs.rm(resultFile, { force: true });
  if (waitQuiet) await waitForQuiet();
  const busy0 = await machineBusyMs();
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn(process.execPath, ["--expose-gc", CHILD, ...args, resultFile], { stdio: ["ignore", "inherit", "pipe"] });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => p.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    p.on("error", reject);
    p.on("exit", (c, signal) => {
      clearTimeout(timer);
      if (c !== 0) reject(new Error(`child ${args[0]} failed (${signal ?? c}): ${err.trim().slice(0, 2000)}`));
      else resolve();
    });
  });
  const processMs = Math.round(performance.now() - t0);
  const busy = (await machineBusyMs()) - busy0;
  const result = JSON.parse(await fs.readFile(resultFile, "utf8")) as T;
  const own = "processCpuMs" in result && typeof result.processCpuMs === "number" ? result.processCpuMs : 0;
  const otherCores = Math.max(0, Math.round(((busy - own) / processMs) * 100) / 100);
  return { result, otherCores };
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(median), min: r(s[0]), max: r(s[s.length - 1]) };
}

function side(runs: RunMeasure[], keys: readonly StageKey[]): SideResult {
  const stages: SideResult["stages"] = {};
  for (const key of keys) {
    stages[key] = {
      ms: stat(runs.map((r) => r.stages[key]?.ms ?? 0)),
      peakMb: stat(runs.map((r) => r.stages[key]?.peakMb ?? 0)),
    };
  }
  return {
    runs: runs.length,
    totalMs: stat(runs.map((r) => r.totalMs)),
    cpuMs: stat(runs.map((r) => r.cpuMs)),
    load: stat(runs.map((r) => r.load)),
    otherCores: stat(runs.map((r) => r.otherCores ?? 0)),
    processMs: stat(runs.map((r) => r.processMs)),
    maxRssMb: stat(runs.map((r) => r.maxRssMb)),
    baseMb: stat(runs.map((r) => r.baseMb)),
    stages,
  };
}

async function measureCase(c: CaseDef, runs: number, progress: string, waitQuiet: boolean): Promise<CaseResult> {
  const dir = path.join(TMP, c.id);
  await fs.mkdir(dir, { recursive: true });
  const sizeFile = path.join(dir, "size.json");
  const input = path.join(dir, "input.xlsx");
  const cellsFile = path.join(dir, "cells.json");
  await fs.writeFile(sizeFile, JSON.stringify(c.size));
  log(`${progress} ${c.id}: generating the input workbook …`);
  const gen = await child<GenerateMeasure>(["generate", sizeFile, input], path.join(dir, "generate.json"));
  const ours: OursMeasure[] = [];
  const floor: RunMeasure[] = [];
  const pkgFloor: RunMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    // the first run also counts the cells it added (after its measurement), for the floor to reproduce
    const count = i === 0 ? [cellsFile] : [];
    const o = await child<OursMeasure>(["ours", input, path.join(dir, "ours.xlsx"), ...count], path.join(dir, `ours-${i}.json`), waitQuiet);
    ours.push({ ...o.result, otherCores: o.otherCores });
    const f = await child<RunMeasure>(["floor", input, path.join(dir, "floor.xlsx"), cellsFile], path.join(dir, `floor-${i}.json`), waitQuiet);
    floor.push({ ...f.result, otherCores: f.otherCores });
    const p = await child<RunMeasure>(["pkgfloor", input, path.join(dir, "pkgfloor.xlsx")], path.join(dir, `pkgfloor-${i}.json`), waitQuiet);
    pkgFloor.push({ ...p.result, otherCores: p.otherCores });
    log(`${progress} ${c.id}: run ${i + 1}/${runs}: ours ${o.result.totalMs} ms (cpu ${o.result.cpuMs}), ${o.result.maxRssMb} MB; floor ${f.result.totalMs} ms (cpu ${f.result.cpuMs}), ${f.result.maxRssMb} MB; package floor ${p.result.totalMs} ms, ${p.result.maxRssMb} MB; other processes ${o.otherCores} / ${f.otherCores} cores`);
  }
  const first = ours[0];
  const cells = JSON.parse(await fs.readFile(cellsFile, "utf8")) as SheetCells[];
  const oursSide = side(ours, STAGE_KEYS);
  const floorSide = side(floor, ["read", "write"]);
  const pkgSide = side(pkgFloor, ["read", "write"]);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    id: c.id,
    size: c.size,
    input: gen.result,
    cells: {
      formulas: cells.reduce((a, s) => a + s.formulas, 0),
      values: cells.reduce((a, s) => a + s.numbers + s.strings, 0),
      perSheet: cells,
    },
    outputBytes: first.outputBytes,
    warnings: first.warnings,
    ours: oursSide,
    floor: floorSide,
    packageFloor: pkgSide,
    ratio: { time: round2(oursSide.totalMs.median / floorSide.totalMs.median), memory: round2(oursSide.maxRssMb.median / floorSide.maxRssMb.median) },
    packageRatio: { time: round2(oursSide.totalMs.median / pkgSide.totalMs.median), memory: round2(oursSide.maxRssMb.median / pkgSide.maxRssMb.median) },
  };
}

function growth(series: SeriesDef, cases: CaseResult[]): GrowthStep[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const steps: GrowthStep[] = [];
  const present = series.cases.map((id) => byId.get(id)).filter((c): c is CaseResult => c !== undefined);
  for (let i = 1; i < present.length; i++) {
    const a = present[i - 1], b = present[i];
    const sizeFactor = b.size[series.dimension] / a.size[series.dimension];
    const f = (x: number, y: number) => Math.round((y / x) * 100) / 100;
    const e = (x: number, y: number) => Math.round((Math.log(y / x) / Math.log(sizeFactor)) * 100) / 100;
    steps.push({
      from: a.id, to: b.id, sizeFactor,
      ours: { time: f(a.ours.totalMs.median, b.ours.totalMs.median), memory: f(a.ours.maxRssMb.median, b.ours.maxRssMb.median), exponent: e(a.ours.totalMs.median, b.ours.totalMs.median) },
      floor: { time: f(a.floor.totalMs.median, b.floor.totalMs.median), memory: f(a.floor.maxRssMb.median, b.floor.maxRssMb.median), exponent: e(a.floor.totalMs.median, b.floor.totalMs.median) },
    });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------
// Part 1: the file host (command line)

export async function benchCliHost(opts: Options): Promise<CliHostResult> {
  const t0 = performance.now();
  const cases = CASES.filter((c) => !opts.cases || opts.cases.has(c.id));
  const results: CaseResult[] = [];
  for (const [i, c] of cases.entries()) results.push(await measureCase(c, opts.runs ?? c.runs, `[${i + 1}/${cases.length}]`, opts.waitQuiet));
  return {
    cases: results,
    series: SERIES.map((s) => ({ ...s, steps: growth(s, results) })),
    wallSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}

// ---------------------------------------------------------------------------------------------------
// Part 2: the Office.js host. To be measured by the add-in benchmark (a counting fake context): per size
// the number of context.sync() calls and the largest request payload of a full build.

export const NOT_YET = "measured by the add-in benchmark (bench/addin.ts): see the add-in section below";

export async function benchOfficeSync(_opts: Options): Promise<PendingPart> {
  return { status: "not yet", note: NOT_YET };
}

// ---------------------------------------------------------------------------------------------------
// Part 3: the task pane. To be measured by the add-in benchmark: production bundle size (raw and
// gzipped, without Office.js) and time to interactive in headless Chromium.

export async function benchTaskpane(_opts: Options): Promise<PendingPart> {
  return { status: "not yet", note: NOT_YET };
}

// ---------------------------------------------------------------------------------------------------
// Item 4: targets

/** issue 9: at 100,000 ledger rows, end to end at most this fraction of the exceljs floor in the same run */
const RATIO_LIMIT = 0.25;
/** a step is linear when time grows no faster than size^1.1 (fixed costs keep small steps well below 1) */
const LINEAR_EXPONENT = 1.1;
const PEAK_MIB = 250;
const LARGE_LEDGER = 100_000;

function stageExcess(c: CaseResult): string {
  const o = c.ours.stages, f = c.floor.stages;
  const s = (k: StageKey) => o[k]?.ms.median ?? 0;
  const own = s("check") + s("compute") + s("plan");
  const parts = [
    `read ${fmtS(s("read"))} vs ${fmtS(f.read?.ms.median ?? 0)}`,
    `check+compute+plan ${fmtS(own)} (no floor counterpart)`,
    `write ${fmtS(s("write"))} vs ${fmtS(f.write?.ms.median ?? 0)}`,
  ];
  return parts.join("; ");
}

const fmtS = (msv: number) => `${(msv / 1000).toFixed(2)} s`;

export function evaluateTargets(cli: CliHostResult, office: PendingPart, taskpane: PendingPart): TargetResult[] {
  const t: TargetResult[] = [];
  const large = cli.cases.find((c) => c.size.ledger === LARGE_LEDGER && c.size.products < LARGE_LEDGER);
  if (large) {
    t.push({
      target: `${LARGE_LEDGER.toLocaleString("en")} ledger rows: end to end ≤ ${RATIO_LIMIT}× the exceljs floor in the same run (${large.id})`,
      status: large.ratio.time <= RATIO_LIMIT ? "met" : "missed",
      measured: `${large.ratio.time}× (ours ${fmtS(large.ours.totalMs.median)}, exceljs floor ${fmtS(large.floor.totalMs.median)}, package floor ${fmtS(large.packageFloor.totalMs.median)})`,
      cause: large.ratio.time <= RATIO_LIMIT ? undefined : stageExcess(large),
    });
    t.push({
      target: `${LARGE_LEDGER.toLocaleString("en")} ledger rows: peak RSS ≤ ${PEAK_MIB} MiB (${large.id})`,
      status: large.ours.maxRssMb.median <= PEAK_MIB ? "met" : "missed",
      measured: `${large.ours.maxRssMb.median} MiB (of which ${large.ours.baseMb.median} MiB node and modules after start-up; exceljs floor ${large.floor.maxRssMb.median} MiB, package floor ${large.packageFloor.maxRssMb.median} MiB)`,
      cause: large.ours.maxRssMb.median <= PEAK_MIB ? undefined : `largest stage peak ${largestStage(large)}`,
    });
  }
  const steep = cli.series.flatMap((s) => s.steps.filter((st) => st.ours.exponent > LINEAR_EXPONENT).map((st) => ({ s, st })));
  t.push({
    target: `linear growth (time grows at most as size^${LINEAR_EXPONENT} per step; ledger 1k to 200k)`,
    status: steep.length === 0 ? "met" : "missed",
    measured: cli.series.map((s) => `${s.name}: ${s.steps.map((st) => st.ours.exponent).join(", ")}`).join("; "),
    cause: steep.length === 0 ? undefined : steep.map(({ s, st }) => `${s.name} ${st.from}→${st.to}: exponent ${st.ours.exponent} (floor ${st.floor.exponent})`).join(" | "),
  });
  t.push({ target: "syncs constant (≤ 4) at every size", status: office.status, measured: office.note });
  t.push({ target: "no request over 4 MB", status: office.status, measured: office.note });
  t.push({ target: "task pane ≤ 300 KB gzipped", status: taskpane.status, measured: taskpane.note });
  return t;
}

function largestStage(c: CaseResult): string {
  let best: [string, number] = ["", 0];
  for (const key of STAGE_KEYS) {
    const p = c.ours.stages[key]?.peakMb.median ?? 0;
    if (p > best[1]) best = [key, p];
  }
  return `${best[0]} ${best[1]} MB`;
}

// ---------------------------------------------------------------------------------------------------

function machine(): Machine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exceljs = (require(path.join(ROOT, "node_modules", "exceljs", "package.json")) as { version: string }).version;
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    exceljs,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3 * 10) / 10,
    date: new Date().toISOString().slice(0, 10),
  };
}

const METHOD: Record<string, string> = {
  cases: "one series per size dimension, each varying one size from the base formation 100, ledger 1,000, products 1,000 (not the full cross product)",
  inputs: "synthetic workbooks from buildInputWorkbook (the template), year 2025, Rapportagemaand 9, 12 sick-leave cases; every row passes parseWorkbook without a fout (checked before measuring)",
  ours: "reportFile (src/cli/pipeline.ts) in a fresh `node --expose-gc` process per run: read, check, compute, plan, write; time per stage from reportFile, peak RSS per stage from a sampling worker thread (every 4 ms)",
  packageFloor: "fflate and our XML scanner in a fresh process: unzip every part of the same input, parse every worksheet's XML, zip all parts back at deflate level 6 (the least a tool that reads every sheet and writes the package again must do)",
  floor: "exceljs alone in a fresh process: load the same input file, add per sheet that our run added (report sheets and the add-in's records: metadata, input snapshot, log) the same number of rows, formula cells (each with a cached result, as many of them text), number cells and string cells (as many distinct), save; its formulas are references to input cells padded to our formulas' mean length, its strings padded to our strings' mean length",
  statistic: "median of the runs per case; ours and floor runs interleaved (one run at 200,000 rows)",
  memory: "peak resident set size of the whole process (getrusage maxrss), node and exceljs included",
  processTime: "from the start of the measuring process to the end of the run (node start-up and module loading included)",
  contention: "per run, the CPU used by other processes (machine busy time from /proc/stat minus the measuring process's own CPU time); with --wait-quiet each run waits (up to 3 minutes) until other processes use less than 0.25 cores",
};

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.render) {
    const saved = JSON.parse(await fs.readFile(RESULTS, "utf8")) as BenchResults;
    await updateMarkdown(renderMarkdown({ ...saved, method: METHOD }));
    log(`rendered ${path.relative(ROOT, MARKDOWN)} from ${path.relative(ROOT, RESULTS)}`);
    return;
  }
  const t0 = performance.now();
  await fs.mkdir(TMP, { recursive: true });
  const m = machine();
  log(`dvo-addendum benchmark: ${m.cores} cores, ${m.cpu}, Node ${m.node}`);
  const cliHost = await benchCliHost(opts);
  const officeSync = await benchOfficeSync(opts);
  const taskpane = await benchTaskpane(opts);
  const results: BenchResults = {
    machine: m,
    method: METHOD,
    cliHost,
    officeSync,
    taskpane,
    targets: evaluateTargets(cliHost, officeSync, taskpane),
    totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  const markdown = renderMarkdown(results);
  if (opts.dry) {
    process.stdout.write(markdown + "\n");
    return;
  }
  await fs.writeFile(RESULTS, JSON.stringify(results, null, 2) + "\n");
  await updateMarkdown(markdown);
  log(`wrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, MARKDOWN)} (${results.totalSeconds} s)`);
}

const BEGIN = "<!-- bench:begin (generated by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:end -->";

async function updateMarkdown(generated: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(MARKDOWN, "utf8");
  } catch {
    text = `# Benchmarks\n\n${BEGIN}\n${END}\n`;
  }
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  const block = `${BEGIN}\n${generated}\n${END}`;
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  await fs.writeFile(MARKDOWN, text);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    log(e instanceof Error ? e.stack ?? e.message : String(e));
    process.exitCode = 1;
  });
}
