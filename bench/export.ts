/**
 * `npm run bench`, the whole-export part (issue 19): a municipality's whole ledger export as Realisatie, from
 * 1,000 rows to Excel's last row (1,048,575), timed against the decompression floor in the same run.
 *
 * Per case and run, interleaved: `unzip -p input.xlsx > /dev/null` (the floor: no reader can be faster than
 * inflating the package), `dvo-addendum check` and `dvo-addendum report` as the installed command runs them
 * (`node bin/dvo-addendum.js`, a fresh process each), their memory sampled every 5 ms (bench/peak.ts).
 * The medians go to bench/export-results.json and into BENCHMARKS.md between the export markers.
 *
 * Options: --cases 1k,1m (a subset), --runs N, --dry (print, write nothing).
 */
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { ExportCounts } from "./export-generate";

const ROOT = path.resolve(__dirname, "..", "..");
const TMP = path.join(ROOT, "bench", "tmp", "export");
const RESULTS = path.join(ROOT, "bench", "export-results.json");
const MARKDOWN = path.join(ROOT, "BENCHMARKS.md");
const CLI = path.join(ROOT, "bin", "dvo-addendum.js");
const PEAK = path.join(__dirname, "peak.js");
const MAKE = path.join(__dirname, "export-make.js");

/** Excel's last row less the header row. */
export const LAST_ROW = 1_048_575;
const CASES: Array<{ id: string; rows: number; runs: number }> = [
  { id: "1k", rows: 1_000, runs: 5 },
  { id: "10k", rows: 10_000, runs: 5 },
  { id: "100k", rows: 100_000, runs: 3 },
  { id: "1m", rows: LAST_ROW, runs: 3 },
];

/** The targets of issue 19 at 1,048,575 rows. */
export const TARGETS = { report: { ratio: 4, mb: 400 }, check: { ratio: 3, mb: 300 } };

interface Measure {
  wallMs: number;
  cpuMs: number;
  sampledPeakMb: number;
  maxRssMb: number;
}

export interface ExportCase {
  id: string;
  rows: number;
  runs: number;
  inputBytes: number;
  counts: ExportCounts;
  /** medians */
  floorMs: number;
  check: Measure & { ratio: number };
  report: Measure & { ratio: number };
  /** every run, for the record */
  raw: Array<{ floorMs: number; check: Measure; report: Measure }>;
}

function log(s: string): void {
  process.stderr.write(s + "\n");
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; ms: number; err: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("exit", (code) => resolve({ code: code ?? -1, ms: Math.round(performance.now() - t0), err }));
  });
}

async function measured(args: string[], file: string, okCodes: number[]): Promise<Measure> {
  await fs.rm(file, { force: true });
  const r = await run(process.execPath, ["-r", PEAK, CLI, ...args], { ...process.env, DVO_PEAK_FILE: file });
  if (!okCodes.includes(r.code)) throw new Error(`dvo-addendum ${args[0]} failed (${r.code}): ${r.err.slice(0, 1000)}`);
  const m = JSON.parse(await fs.readFile(file, "utf8")) as Measure;
  return { wallMs: r.ms, cpuMs: m.cpuMs, sampledPeakMb: m.sampledPeakMb, maxRssMb: m.maxRssMb };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};
const med = (ms: Measure[]): Measure => ({
  wallMs: median(ms.map((m) => m.wallMs)), cpuMs: median(ms.map((m) => m.cpuMs)),
  sampledPeakMb: median(ms.map((m) => m.sampledPeakMb)), maxRssMb: median(ms.map((m) => m.maxRssMb)),
});

async function measureCase(c: (typeof CASES)[number], runs: number): Promise<ExportCase> {
  const dir = path.join(TMP, c.id);
  await fs.mkdir(dir, { recursive: true });
  const input = path.join(dir, "input.xlsx");
  log(`export ${c.id}: generating ${c.rows.toLocaleString("en")} ledger rows …`);
  const g = await run(process.execPath, [MAKE, String(c.rows), input]);
  if (g.code !== 0) throw new Error(`generating ${c.id} failed: ${g.err}`);
  const counts = JSON.parse(await fs.readFile(`${input}.counts.json`, "utf8")) as ExportCounts;
  const raw: ExportCase["raw"] = [];
  for (let i = 0; i < runs; i++) {
    const floor = await run("unzip", ["-p", input]);
    if (floor.code !== 0) throw new Error(`unzip failed: ${floor.err}`);
    // a fout fails the case: every generated export must check clean
    const check = await measured(["check", input], path.join(dir, "check.json"), [0]);
    const report = await measured(["report", input, "-o", path.join(dir, "output.xlsx"), "--overschrijven"], path.join(dir, "report.json"), [0]);
    raw.push({ floorMs: floor.ms, check, report });
    log(`export ${c.id}: run ${i + 1}/${runs}: unzip ${floor.ms} ms; check ${check.wallMs} ms, ${check.sampledPeakMb} MiB; report ${report.wallMs} ms, ${report.sampledPeakMb} MiB`);
  }
  const floorMs = median(raw.map((r) => r.floorMs));
  const check = med(raw.map((r) => r.check)), report = med(raw.map((r) => r.report));
  const ratio = (m: Measure) => Math.round((m.wallMs / floorMs) * 100) / 100;
  return {
    id: c.id, rows: c.rows, runs, inputBytes: (await fs.stat(input)).size, counts, floorMs,
    check: { ...check, ratio: ratio(check) }, report: { ...report, ratio: ratio(report) }, raw,
  };
}

export function renderExport(cases: ExportCase[]): string {
  const rows = cases.map((c) =>
    `| ${c.rows.toLocaleString("en")} | ${(c.inputBytes / 1048576).toFixed(1)} MB | ${c.floorMs} | ${c.check.wallMs} (${c.check.ratio}×) | ${c.check.sampledPeakMb} | ${c.report.wallMs} (${c.report.ratio}×) | ${c.report.sampledPeakMb} | ${c.counts.counted.rows.toLocaleString("en")} / ${c.counts.ignored.rows.toLocaleString("en")} / ${c.counts.outside.rows.toLocaleString("en")} |`);
  const last = cases.find((c) => c.rows === LAST_ROW);
  const verdict = (what: "check" | "report") => {
    if (!last) return `${what}: the 1,048,575-row case was not run`;
    const t = TARGETS[what], m = last[what];
    const met = m.ratio <= t.ratio && m.sampledPeakMb <= t.mb;
    return `${what} at 1,048,575 rows: ${m.ratio}× the floor (target ≤ ${t.ratio}×), ${m.sampledPeakMb} MiB (target ≤ ${t.mb} MiB): **${met ? "met" : "missed"}**`;
  };
  const first = cases[0], end = cases[cases.length - 1];
  const exponent = (a: number, b: number) => (Math.log(b / a) / Math.log(end.rows / first.rows)).toFixed(2);
  return [
    "| ledger rows | file | unzip -p (ms) | check ms (× floor) | check peak MiB | report ms (× floor) | report peak MiB | rows counted / negeren / outside the DVO |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    `- ${verdict("check")}`,
    `- ${verdict("report")}`,
    cases.length > 1 ? `- growth ${first.rows.toLocaleString("en")} → ${end.rows.toLocaleString("en")} rows: time exponent check ${exponent(first.check.wallMs, end.check.wallMs)}, report ${exponent(first.report.wallMs, end.report.wallMs)} (1 = linear; start-up dominates the small cases)` : "",
    "- time: wall clock of a fresh `node bin/dvo-addendum.js` process (start-up included), median of the runs, interleaved with the floor; memory: peak resident set size sampled every 5 ms by a worker thread in the same process (bench/peak.ts; the sampler adds a few MiB)",
  ].filter((l) => l !== "").join("\n");
}

const BEGIN = "<!-- export:begin (generated by npm run bench) -->";
const END = "<!-- export:end -->";

async function updateMarkdown(generated: string): Promise<void> {
  let text = await fs.readFile(MARKDOWN, "utf8");
  const a = text.indexOf(BEGIN), b = text.indexOf(END);
  const block = `${BEGIN}\n${generated}\n${END}`;
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n## A whole ledger export (issue 19)\n\n${block}\n`;
  await fs.writeFile(MARKDOWN, text);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = opt("--cases")?.split(",");
  const runs = opt("--runs") ? Number(opt("--runs")) : undefined;
  const cases: ExportCase[] = [];
  for (const c of CASES.filter((x) => !only || only.includes(x.id))) cases.push(await measureCase(c, runs ?? c.runs));
  const markdown = renderExport(cases);
  if (argv.includes("--dry")) {
    process.stdout.write(markdown + "\n");
    return;
  }
  await fs.writeFile(RESULTS, JSON.stringify({ date: new Date().toISOString(), cases }, null, 2) + "\n");
  await updateMarkdown(markdown);
  log("wrote bench/export-results.json and the export section of BENCHMARKS.md");
}

if (require.main === module) {
  main().catch((e: unknown) => {
    log(e instanceof Error ? e.stack ?? e.message : String(e));
    process.exitCode = 1;
  });
}
