/**
 * `npm run bench:overzicht` (issue 12 §6): `dvo-addendum overzicht` over 100 workbooks — synthetic inputs of
 * two sizes, the example's input and report, its next year, and one broken file — as the command runs it:
 * read and recompute each file in turn, then write the overview with its charts. Median of 3 runs in a fresh
 * process each; wall time per stage, time per file, and the peak RSS (getrusage). Results go to
 * bench/overview-results.json; BENCHMARKS.md quotes them by hand.
 *
 * Options: --runs N (default 3), --files N (default 100).
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { overviewRows, writeOverview } from "../src/cli/commands/overview-book";
import { exampleWorkbook } from "../src/xlsx/example";
import { caseWorkbook } from "./generate";

const ROOT = path.resolve(__dirname, "..", "..");
const TMP = path.join(ROOT, "bench", "tmp", "overzicht");
const RESULTS = path.join(ROOT, "bench", "overview-results.json");
const quiet = { out: () => undefined, err: () => undefined };

interface Kind { name: string; count: number; file: string }

async function prepare(files: number): Promise<string[]> {
  await fs.mkdir(TMP, { recursive: true });
  const base = async (name: string, make: () => Promise<void>) => {
    const f = path.join(TMP, `basis-${name}.xlsx`);
    await make();
    return f;
  };
  const p = (n: string) => path.join(TMP, `basis-${n}.xlsx`);
  const small = await base("F100-L1000-P1000", () => caseWorkbook({ formation: 100, ledger: 1000, products: 1000 }).xlsx.writeFile(p("F100-L1000-P1000")));
  const large = await base("F100-L10000-P1000", () => caseWorkbook({ formation: 100, ledger: 10000, products: 1000 }).xlsx.writeFile(p("F100-L10000-P1000")));
  const ex = await base("voorbeeld-invoer-2025", () => exampleWorkbook().xlsx.writeFile(p("voorbeeld-invoer-2025")));
  const rap = p("voorbeeld-rapport-2025");
  if ((await main(["report", ex, "-o", rap, "--overschrijven"], quiet)) !== 0) throw new Error("report");
  const next = p("voorbeeld-invoer-2026");
  if ((await main(["next-year", ex, "-o", next, "--overschrijven"], quiet)) !== 0) throw new Error("next-year");
  const broken = p("kapot");
  await fs.writeFile(broken, "geen werkmap");
  const scale = files / 100;
  const kinds: Kind[] = [
    { name: "synthetisch F100-L1000-P1000", count: Math.round(40 * scale), file: small },
    { name: "synthetisch F100-L10000-P1000", count: Math.round(10 * scale), file: large },
    { name: "voorbeeld invoer 2025", count: Math.round(20 * scale), file: ex },
    { name: "voorbeeld rapport 2025", count: Math.round(20 * scale), file: rap },
    { name: "voorbeeld invoer 2026 (next-year)", count: Math.round(9 * scale), file: next },
  ];
  const out: string[] = [];
  let i = 0;
  for (const k of kinds) {
    for (let j = 0; j < k.count; j++) {
      const f = path.join(TMP, `werkmap-${String(++i).padStart(3, "0")}.xlsx`);
      await fs.copyFile(k.file, f);
      out.push(f);
    }
  }
  const bad = path.join(TMP, `werkmap-${String(++i).padStart(3, "0")}.xlsx`);
  await fs.copyFile(broken, bad);
  out.push(bad);
  return out;
}

interface RunResult { files: number; bytes: number; readAndCompute: number; write: number; total: number; perFileMedian: number; peakRssMiB: number; bad: number }

/** One run, in this process (the child). */
async function child(list: string): Promise<void> {
  const files = JSON.parse(await fs.readFile(list, "utf8")) as string[];
  const t0 = performance.now();
  const per: number[] = [];
  let last = t0;
  const rows = await overviewRows(files, () => {
    const now = performance.now();
    if (now !== last) per.push(now - last);
    last = now;
  });
  per.push(performance.now() - last);
  const t1 = performance.now();
  await writeOverview(files, rows, path.join(TMP, "overzicht.xlsx"));
  const t2 = performance.now();
  let bytes = 0;
  for (const f of files) bytes += (await fs.stat(f)).size;
  per.shift();
  const sorted = [...per].sort((a, b) => a - b);
  const r: RunResult = {
    files: files.length, bytes, readAndCompute: (t1 - t0) / 1000, write: (t2 - t1) / 1000, total: (t2 - t0) / 1000,
    perFileMedian: sorted[Math.floor(sorted.length / 2)] / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024, bad: rows.filter((x) => !x.ok).length,
  };
  process.stdout.write(JSON.stringify(r));
}

async function parent(): Promise<void> {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : def;
  };
  const runs = arg("--runs", 3);
  const files = await prepare(arg("--files", 100));
  const list = path.join(TMP, "bestanden.json");
  await fs.writeFile(list, JSON.stringify(files));
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const p = spawnSync(process.execPath, [__filename, "--child", list], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (p.status !== 0) throw new Error(p.stderr);
    results.push(JSON.parse(p.stdout) as RunResult);
    process.stderr.write(`run ${i + 1}/${runs}: ${results[i].total.toFixed(2)} s\n`);
  }
  const med = (k: keyof RunResult) => [...results.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const summary = {
    date: new Date().toISOString().slice(0, 10), runs, files: results[0].files, inputMiB: results[0].bytes / 2 ** 20, bad: results[0].bad,
    median: { total: med("total"), readAndCompute: med("readAndCompute"), write: med("write"), perFile: med("perFileMedian"), peakRssMiB: med("peakRssMiB") },
    all: results,
  };
  await fs.writeFile(RESULTS, JSON.stringify(summary, null, 2) + "\n");
  const f = (x: number, d = 2) => x.toFixed(d);
  process.stdout.write([
    `| files | input | bad | total | read + recompute | write | per file (median) | peak RSS |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    `| ${summary.files} | ${f(summary.inputMiB, 1)} MiB | ${summary.bad} | ${f(summary.median.total)} s | ${f(summary.median.readAndCompute)} s | ${f(summary.median.write)} s | ${f(summary.median.perFile * 1000, 0)} ms | ${f(summary.median.peakRssMiB, 0)} MiB |`,
  ].join("\n") + "\n");
}

if (process.argv[2] === "--child") child(process.argv[3]).catch((e) => { console.error(e); process.exit(1); });
else parent().catch((e) => { console.error(e); process.exit(1); });
