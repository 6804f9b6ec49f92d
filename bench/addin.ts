/**
 * The add-in side of the benchmark (issue 5, items 2 and 3; issue 10, item 3):
 * - Office.js host: round trips (context.sync) and the largest request/response of a first build and of a
 *   rebuild (which reads the snapshot, the Logboek and the meta sheet too), per size, with realistic ledger
 *   rows (dates and suppliers in the descriptions, dossier numbers), measured by the strict Excel double
 *   (test/support/excel-double, profile "Excel on the web": every request and response sized as the JSON
 *   it carries, and refused over 5 MB);
 * - task pane: production bundle size (raw and gzipped, without Office.js) and time to interactive in
 *   headless Chromium.
 * Run: npm run bench:addin (also called by npm run bench). Writes bench/addin-results.json.
 * `node dist-bench/bench/addin.js --syncs-only` measures the round trips only and keeps the bundle figures.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import type { WorkbookGrids } from "../src/input/grid";
import { readExcelWorkbook } from "../src/office/read";
import { MARGIN, RESPONSE_BUDGET } from "../src/office/slices";
import { writePlan } from "../src/office/write";
import { checkWorkbook } from "../src/job/check";
import { planBuild } from "../src/job/build";
import { ExcelDouble, type SyncRecord } from "../test/support/excel-double";
import { setupOf } from "../test/support/excel-double/grids";
import { addRow, exampleGrids } from "../test/grids";
import { ensureProductionBuild } from "../test/support/build";
import { serve } from "../test/support/server";

const ROOT = path.resolve(__dirname, "..", "..", existsSync(path.join(__dirname, "..", "..", "package.json")) ? "" : "..");
const MiB = 1024 * 1024;

export interface BuildFigures {
  readSyncs: number;
  writeSyncs: number;
  totalSyncs: number;
  /** bytes of JSON the reads brought back in all */
  readBytes: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** the read's round trips by its formula: 2 + ⌈(bytes after the first slice round) / (budget / 1.1)⌉ */
  readSyncBound: number;
  ms: number;
}

export interface SyncResult {
  formationRows: number;
  ledgerRows: number;
  cells: number;
  first: BuildFigures;
  rebuild: BuildFigures;
  /** kept for the main benchmark's table: first build */
  readSyncs: number;
  writeSyncs: number;
  totalSyncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
}

const SUPPLIERS = ["Randstad Publieke Sector", "YoungCapital", "Dimensions Detachering", "Gemeente Hellendoorn", "Centric", "PinkRoccade Local Government", "Nederlandse Vereniging voor Burgerzaken", "Oxilio", "Procura", "Staffing Overheid"];
const WHAT = ["inhuur balie", "inhuur backoffice BRP", "opleiding reisdocumenten", "licentie", "cursus burgerlijke stand", "vervanging bij ziekte", "overwerk verkiezingen", "reiskosten"];

/** Realistic ledger rows: the supplier, the invoice date and what for in the description, a dossier number. */
function gridsFor(formation: number, ledger: number): WorkbookGrids {
  const g = exampleGrids();
  for (let i = 0; i < formation - 9; i++) addRow(g, "Formatie", { Functie: `Medewerker publiekszaken ${i + 1}`, Pakket: ["Balie", "BRP", "Algemeen"][i % 3], Schaal: [7, 8, 9][i % 3], Fte: 0.5 });
  for (let i = 0; i < ledger - 15; i++) {
    const month = (i % 6) + 1;
    const day = 1 + ((i * 7) % 28);
    const category = ["Loonkosten", "Opleiding", "Overig"][i % 3];
    addRow(g, "Realisatie", {
      Maand: month, Categorie: category, Bedrag: Math.round((25 + ((i * 7919) % 250000) / 100) * 100) / 100,
      Omschrijving: `Factuur ${day}-${month}-2025 ${SUPPLIERS[i % SUPPLIERS.length]}: ${WHAT[i % WHAT.length]} (${String(100000 + i)})`,
      Dossier: `D-2025-${String(i % 9000).padStart(5, "0")}`,
    });
  }
  return g;
}

function figures(syncs: SyncRecord[], readSyncs: number, ms: number): BuildFigures {
  const read = syncs.slice(0, readSyncs);
  const readBytes = read.reduce((n, s) => n + s.response, 0);
  return {
    readSyncs, writeSyncs: syncs.length - readSyncs, totalSyncs: syncs.length, readBytes,
    largestRequestBytes: Math.max(...syncs.map((s) => s.request)), largestResponseBytes: Math.max(...syncs.map((s) => s.response)),
    readSyncBound: 2 + Math.ceil(read.slice(2).reduce((n, s) => n + s.response, 0) / (RESPONSE_BUDGET / MARGIN)), ms: Math.round(ms),
  };
}

/** One build as the task pane runs it: read, check, plan (with the records), write. */
async function buildOnce(xl: ExcelDouble): Promise<{ figures: BuildFigures; cells: number }> {
  const from = xl.syncs.length;
  const t0 = performance.now();
  const state = await readExcelWorkbook(xl.context());
  const read = { grids: state.grids, otherSheets: state.otherSheets };
  const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets });
  if (!built.ok) throw new Error(built.message);
  const stats = await writePlan(xl.context(), built.plan, state, { supports: xl.supports, records: built.records });
  const syncs = xl.syncs.slice(from);
  const failed = syncs.find((s) => s.error);
  if (failed) throw new Error(`a round trip failed: ${failed.error}`);
  return { figures: figures(syncs, state.syncs, performance.now() - t0), cells: stats.cells };
}

export async function measureSyncs(): Promise<SyncResult[]> {
  const sizes: Array<[number, number]> = [[10, 1000], [10000, 1000], [10, 10000], [10, 100000], [10, 200000]];
  const out: SyncResult[] = [];
  for (const [formationRows, ledgerRows] of sizes) {
    const xl = new ExcelDouble({ profile: "web", sheets: setupOf(gridsFor(formationRows, ledgerRows)) });
    const first = await buildOnce(xl);
    const rebuild = await buildOnce(xl);
    const f = first.figures;
    out.push({
      formationRows, ledgerRows, cells: first.cells, first: f, rebuild: rebuild.figures,
      readSyncs: f.readSyncs, writeSyncs: f.writeSyncs, totalSyncs: f.totalSyncs, largestRequestBytes: Math.max(f.largestRequestBytes, rebuild.figures.largestRequestBytes),
      largestResponseBytes: Math.max(f.largestResponseBytes, rebuild.figures.largestResponseBytes),
    });
    const line = (b: BuildFigures) => `${b.totalSyncs} syncs (${b.readSyncs} read, bound ${b.readSyncBound}; ${b.writeSyncs} write), largest request ${(b.largestRequestBytes / MiB).toFixed(2)} MiB, largest response ${(b.largestResponseBytes / MiB).toFixed(2)} MiB, read ${(b.readBytes / MiB).toFixed(2)} MiB, ${b.ms} ms`;
    console.log(`office.js  formation ${formationRows}, ledger ${ledgerRows}: first build ${line(f)}; rebuild ${line(rebuild.figures)}`);
  }
  return out;
}

export interface BundleResult {
  initialRawBytes: number;
  initialGzipBytes: number;
  lazyRawBytes: number;
  lazyGzipBytes: number;
  files: Array<{ file: string; raw: number; gzip: number; initial: boolean }>;
}

/** Sizes of the production build without Office.js: the page's own files, and the chunks loaded on demand. */
export function measureBundle(): BundleResult {
  const dist = ensureProductionBuild();
  const initial = new Set(["taskpane.html", "taskpane.js", "taskpane.css"]);
  const files = readdirSync(dist).filter((f) => /\.(js|css|html)$/.test(f) && !f.startsWith("commands")).map((f) => {
    const buf = readFileSync(path.join(dist, f));
    return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial: initial.has(f) };
  });
  const sum = (xs: typeof files, k: "raw" | "gzip") => xs.reduce((a, f) => a + f[k], 0);
  return {
    initialRawBytes: sum(files.filter((f) => f.initial), "raw"), initialGzipBytes: sum(files.filter((f) => f.initial), "gzip"),
    lazyRawBytes: sum(files.filter((f) => !f.initial), "raw"), lazyGzipBytes: sum(files.filter((f) => !f.initial), "gzip"), files,
  };
}

/** Time from navigation to the task pane being ready for input, in headless Chromium (median of 5). */
export async function measureTimeToInteractive(): Promise<{ runs: number[]; medianMs: number } | null> {
  if (!existsSync("/usr/bin/chromium")) return null;
  const { chromium } = await import("playwright-core");
  const server = await serve(ensureProductionBuild());
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const officeDist = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
  const runs: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const page = await browser.newPage();
      await page.route("https://appsforoffice.microsoft.com/**", (route) => {
        const file = path.join(officeDist, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
        return existsSync(file) ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.fulfill({ status: 404, body: "" });
      });
      await page.goto(`${server.url}taskpane.html`);
      await page.waitForSelector("body[data-ready]");
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) runs.push(Math.round(ms)); // the first run warms the disk cache
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, medianMs: sorted[Math.floor(sorted.length / 2)] };
}

export interface AddinResults {
  machine: { cores: number; node: string; cpu: string };
  syncs: SyncResult[];
  bundle: BundleResult;
  timeToInteractive: { runs: number[]; medianMs: number } | null;
}

export async function measureAddin(syncsOnly = false): Promise<AddinResults> {
  const syncs = await measureSyncs();
  const kept = path.join(ROOT, "bench", "addin-results.json");
  if (syncsOnly && existsSync(kept)) {
    // the bundle and time to interactive of the last full run (they do not depend on the host's round trips)
    const last = JSON.parse(readFileSync(kept, "utf8")) as AddinResults;
    return { ...last, machine: { cores: os.cpus().length, node: process.version, cpu: os.cpus()[0]?.model ?? "" }, syncs };
  }
  const bundle = measureBundle();
  console.log(`task pane  initial ${(bundle.initialGzipBytes / 1024).toFixed(1)} KB gzipped (${(bundle.initialRawBytes / 1024).toFixed(1)} KB raw); on demand ${(bundle.lazyGzipBytes / 1024).toFixed(1)} KB gzipped`);
  const timeToInteractive = await measureTimeToInteractive();
  if (timeToInteractive) console.log(`task pane  time to interactive: median ${timeToInteractive.medianMs} ms (${timeToInteractive.runs.join(", ")})`);
  return { machine: { cores: os.cpus().length, node: process.version, cpu: os.cpus()[0]?.model ?? "" }, syncs, bundle, timeToInteractive };
}

const MiBs = (b: number) => `${(b / MiB).toFixed(2)} MiB`;
const KB = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** The add-in targets of issue 5, item 4 and issue 10, item 3, each met or missed with its measurement. */
export function addinTargets(r: AddinResults): Array<{ target: string; status: "met" | "missed"; measured: string; cause?: string }> {
  const builds = r.syncs.flatMap((s) => [s.first, s.rebuild]);
  const writes = new Set(builds.map((b) => b.writeSyncs));
  const maxReq = Math.max(...builds.map((b) => b.largestRequestBytes));
  const maxResp = Math.max(...builds.map((b) => b.largestResponseBytes));
  const bounded = builds.every((b) => b.readSyncs <= b.readSyncBound);
  const big = r.syncs[r.syncs.length - 1];
  return [
    {
      target: "syncs constant (≤ 4) at every size",
      status: "missed",
      measured: r.syncs.map((s) => `F${s.formationRows}/L${s.ledgerRows}: ${s.first.totalSyncs} (${s.first.readSyncs} read + ${s.first.writeSyncs} write), rebuild ${s.rebuild.totalSyncs}`).join(", "),
      cause: `writing takes ${[...writes].join("/")} round trips at every size (one more than before: it re-reads the sheet list so the swap never touches a sheet that changed since the read); reading takes 2 + ⌈bytes / (4,000,000 B / 1.1)⌉ so that no response passes 4/5 of the 5 MB limit (issues 10, 19)`,
    },
    {
      target: "no request over 4 MB",
      status: maxReq <= 4 * MiB ? "met" : "missed",
      measured: `largest request ${MiBs(maxReq)}, largest response ${MiBs(maxResp)} (first build and rebuild, up to ${big.ledgerRows.toLocaleString("en")} ledger rows)`,
    },
    {
      target: "task pane ≤ 300 KB gzipped",
      status: r.bundle.initialGzipBytes <= 300 * 1024 ? "met" : "missed",
      measured: `${KB(r.bundle.initialGzipBytes)} gzipped (${KB(r.bundle.initialRawBytes)} raw) loaded at start; the on-demand chunks together (file layer, report planner, chart.js, exceljs for the template, pdfmake and its fonts for the PDF) ${KB(r.bundle.lazyGzipBytes)} gzipped, each loaded only when its feature is used`,
    },
    {
      target: "no response over 4 MiB, at 200,000 realistic ledger rows, first build and rebuild",
      status: maxResp <= 4 * MiB && big.ledgerRows >= 200_000 ? "met" : "missed",
      measured: `largest response ${MiBs(maxResp)}; at ${big.ledgerRows.toLocaleString("en")} rows the first build read ${MiBs(big.first.readBytes)} in ${big.first.readSyncs} round trips, the rebuild ${MiBs(big.rebuild.readBytes)} in ${big.rebuild.readSyncs}`,
    },
    {
      target: "read round trips = 2 + ⌈(bytes after the first round) / (4,000,000 B / 1.1)⌉",
      status: bounded ? "met" : "missed",
      measured: builds.map((b) => `${b.readSyncs} ≤ ${b.readSyncBound}`).join(", "),
    },
  ];
}

/** The add-in part of BENCHMARKS.md. */
export function renderAddin(r: AddinResults): string {
  const out: string[] = [];
  out.push("## The add-in (issue 5, items 2 and 3; issue 10, item 3)", "");
  out.push(`Machine: ${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node}.`, "");
  out.push("### Office.js host: round trips and payload of a first build and a rebuild (read + write)", "");
  out.push("Measured against the strict Excel double (`test/support/excel-double`, profile Excel on the web) by `bench/addin.ts`: each build reads the workbook, checks, plans with the records (snapshot, Logboek, meta) and writes, as the task pane does. A *request* is the JSON one `context.sync()` sends, a *response* the JSON it brings back; the double refuses either over 5 MB. Ledger rows are realistic: `Factuur 12-3-2025 Randstad Publieke Sector: inhuur balie (100123)`, an amount with cents, a dossier number. A rebuild also reads the snapshot, the Logboek and the previous report's toelichtingen.", "");
  out.push("Round trips: reading 2 + ⌈(bytes after the first slice round) / (4,000,000 B / 1.1)⌉ (the first round reads up to 2,000 rows of every range; later rounds are planned at 4/5 of the 5 MB limit with the most bytes per row seen so far plus 10 %, each slice under 5,000,000 cells); writing 3 (sheet list; park the old report and write the new; records and delete the parked sheets), plus one per 4 MiB of request beyond the first in each of the last two.", "");
  out.push("| Formatie | Realisatie | build | round trips (read + write) | read bound | bytes read | largest request | largest response | time |");
  out.push("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const s of r.syncs) {
    for (const [label, b] of [["first", s.first], ["rebuild", s.rebuild]] as const) {
      out.push(`| ${s.formationRows.toLocaleString("en")} | ${s.ledgerRows.toLocaleString("en")} | ${label} | ${b.totalSyncs} (${b.readSyncs} + ${b.writeSyncs}) | ${b.readSyncBound} | ${MiBs(b.readBytes)} | ${MiBs(b.largestRequestBytes)} | ${MiBs(b.largestResponseBytes)} | ${(b.ms / 1000).toFixed(1)} s |`);
    }
  }
  out.push("", "Time is the double's, on this machine: it shows how the work grows, not how long Excel takes.", "");
  out.push("### Task pane: production bundle (without Office.js) and time to interactive", "");
  out.push("| file | raw | gzipped | loaded |", "| --- | ---: | ---: | --- |");
  for (const f of r.bundle.files) out.push(`| ${f.file} | ${KB(f.raw)} | ${KB(f.gzip)} | ${f.initial ? "at start" : "on demand"} |`);
  out.push(`| **at start** | ${KB(r.bundle.initialRawBytes)} | **${KB(r.bundle.initialGzipBytes)}** | |`, "");
  out.push(r.timeToInteractive
    ? `Time to interactive in headless Chromium (navigation to the pane ready for input, Office.js served locally): median **${r.timeToInteractive.medianMs} ms** (runs: ${r.timeToInteractive.runs.join(", ")} ms).`
    : "Time to interactive: not measured (no Chromium on this machine).");
  out.push("", "| target | status | measured | cause |", "| --- | --- | --- | --- |");
  for (const t of addinTargets(r)) out.push(`| ${t.target} | **${t.status}** | ${t.measured} | ${t.cause ?? ""} |`);
  return out.join("\n") + "\n";
}

/** Put the add-in section into BENCHMARKS.md between its own markers (the rest of the file is left alone). */
export function writeAddinSection(r: AddinResults): void {
  const file = path.join(ROOT, "BENCHMARKS.md");
  const begin = "<!-- addin:begin (generated by npm run bench) -->";
  const end = "<!-- addin:end -->";
  const section = `${begin}\n${renderAddin(r)}${end}\n`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\n";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  writeFileSync(file, a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + end.length + 1) : `${text.trimEnd()}\n\n${section}`);
}

/**
 * Fill in the add-in rows of the main benchmark's target table and results (written by bench/run.ts with
 * "not yet" placeholders for what this part measures).
 */
export function patchMainResults(r: AddinResults): void {
  const targets = addinTargets(r);
  const md = path.join(ROOT, "BENCHMARKS.md");
  if (existsSync(md)) {
    const lines = readFileSync(md, "utf8").split("\n").map((line) => {
      const t = targets.find((x) => line.startsWith(`| ${x.target} |`));
      return t ? `| ${t.target} | **${t.status}** | ${t.measured} | ${t.cause ?? ""} |` : line;
    });
    writeFileSync(md, lines.join("\n"));
  }
  const json = path.join(ROOT, "bench", "results.json");
  if (existsSync(json)) {
    const main = JSON.parse(readFileSync(json, "utf8")) as { officeSync?: unknown; taskpane?: unknown; targets?: Array<{ target: string; status: string; measured: string }> };
    main.officeSync = { status: targets[0].status, syncs: r.syncs };
    main.taskpane = { status: targets[2].status, bundle: r.bundle, timeToInteractive: r.timeToInteractive };
    for (const t of main.targets ?? []) {
      const m = targets.find((x) => x.target === t.target);
      if (m) Object.assign(t, { status: m.status, measured: m.measured });
    }
    writeFileSync(json, JSON.stringify(main, null, 2) + "\n");
  }
}

if (require.main === module) {
  measureAddin(process.argv.includes("--syncs-only")).then((r) => {
    writeFileSync(path.join(ROOT, "bench", "addin-results.json"), JSON.stringify(r, null, 2) + "\n");
    patchMainResults(r);
    writeAddinSection(r); // after the patch, so its own target table keeps its three columns
    for (const t of addinTargets(r)) console.log(`target: ${t.target}: ${t.status}`);
    console.log("written bench/addin-results.json and the add-in section of BENCHMARKS.md");
  }, (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
