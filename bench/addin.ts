/**
 * The add-in side of the benchmark (issue 5, items 2 and 3):
 * - Office.js host: round trips (context.sync) and the largest request/response payload of a full build
 *   (read + write) per size, measured with a counting fake context that sizes every value sent;
 * - task pane: production bundle size (raw and gzipped, without Office.js) and time to interactive in
 *   headless Chromium.
 * Run: npm run bench:addin (also called by npm run bench). Writes bench/addin-results.json.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { computeResults } from "../src/domain/compute";
import { toExcelSerial } from "../src/domain/dates";
import type { CellValue, WorkbookGrids } from "../src/input/grid";
import { parseWorkbook } from "../src/input/parse";
import { readExcelWorkbook } from "../src/office/read";
import { writePlan } from "../src/office/write";
import { buildPlan } from "../src/report/build";
import { FakeSheet } from "../test/support/fake-sheets";
import { addRow, exampleGrids } from "../test/grids";
import { ensureProductionBuild } from "../test/support/build";
import { serve } from "../test/support/server";

const ROOT = path.resolve(__dirname, "..", "..", existsSync(path.join(__dirname, "..", "..", "package.json")) ? "" : "..");

export interface SyncResult {
  formationRows: number;
  ledgerRows: number;
  readSyncs: number;
  writeSyncs: number;
  totalSyncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  cells: number;
}

function gridsFor(formation: number, ledger: number): WorkbookGrids {
  const g = exampleGrids();
  for (let i = 0; i < formation - 9; i++) addRow(g, "Formatie", { Functie: `Functie ${i + 1}`, Pakket: ["Balie", "BRP", "Algemeen"][i % 3], Schaal: [7, 8, 9][i % 3], Fte: 0.5 });
  for (let i = 0; i < ledger - 19; i++) addRow(g, "Realisatie", { Maand: (i % 6) + 1, Categorie: ["Loonkosten", "Opleiding", "Overig"][i % 3], Bedrag: 10 + (i % 97), Omschrijving: `Boeking ${i + 1}` });
  return g;
}

/** A request context that answers what the reader loads and records what the writer sends, per sync. */
function countingContext(grids: WorkbookGrids) {
  const sheets = new Map<string, FakeSheet>();
  let requestBytes = 0;
  let responseBytes = 0;
  const requests: number[] = [];
  const responses: number[] = [];
  let syncs = 0;
  const measured = new WeakSet<object>();
  const sized = (v: unknown) => (v === undefined ? 0 : JSON.stringify(v).length);
  const usedRange = (rows: CellValue[][]) => {
    const values = rows.map((r) => r.map((v) => (v === null ? "" : v instanceof Date ? toExcelSerial({ year: v.getUTCFullYear(), month: v.getUTCMonth() + 1, day: v.getUTCDate() }) : typeof v === "object" ? v.error : v)));
    const valueTypes = rows.map((r) => r.map((v) => (v === null ? "Empty" : typeof v === "number" || v instanceof Date ? "Double" : typeof v === "boolean" ? "Boolean" : typeof v === "object" ? "Error" : "String")));
    const range = { isNullObject: false, values, valueTypes, rowIndex: 0, columnIndex: 0, rowCount: rows.length, load: (what: string) => { responseBytes += sized(values) + (what.includes("valueTypes") ? sized(valueTypes) : 0); return range; } };
    return range;
  };
  const sheetFor = (name: string) => {
    const grid = grids.sheets.find((s) => s.name === name);
    return { getUsedRangeOrNullObject: () => usedRange(grid?.rows ?? []), delete: () => undefined };
  };
  const names = grids.sheets.map((s) => s.name);
  const context = {
    workbook: {
      worksheets: {
        items: names.map((name) => ({ name })),
        load() { responseBytes += sized(names); return this; },
        add: (name: string) => { const s = new FakeSheet(name); sheets.set(name, s); return s; },
        getItem: (name: string) => [...sheets.values()].find((x) => x.name === name && !x.deleted) ?? sheetFor(name),
        getItemOrNullObject: (name: string) => sheets.get(name) ?? { delete: () => undefined },
      },
      tables: { items: [], load() { return this; } },
      protection: { protected: false, load() { return this; } },
    },
    application: { suspendApiCalculationUntilNextSync: () => undefined, suspendScreenUpdatingUntilNextSync: () => undefined },
    sync: async () => {
      syncs++;
      for (const s of sheets.values()) {
        for (const r of s.ranges) {
          if (measured.has(r)) continue;
          measured.add(r);
          const rec = r as unknown as Record<string, unknown>;
          requestBytes += 80 + sized(rec.numberFormat) + sized(rec.formulas) + sized(rec.values) + sized(rec.formulasR1C1);
        }
      }
      requests.push(requestBytes);
      responses.push(responseBytes);
      requestBytes = 0;
      responseBytes = 0;
    },
  };
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs, requests, responses };
}

export async function measureSyncs(): Promise<SyncResult[]> {
  const sizes: Array<[number, number]> = [[10, 1000], [100, 1000], [1000, 1000], [10000, 1000], [10, 10000], [10, 100000]];
  const out: SyncResult[] = [];
  for (const [formationRows, ledgerRows] of sizes) {
    const grids = gridsFor(formationRows, ledgerRows);
    const fake = countingContext(grids);
    const state = await readExcelWorkbook(fake.context);
    const readSyncs = fake.syncs();
    const parsed = parseWorkbook(state.grids);
    if (!parsed.inputs) throw new Error(`bench grid ${formationRows}/${ledgerRows} does not parse`);
    const plan = buildPlan(parsed.inputs, computeResults(parsed.inputs), parsed.layout, state.grids, parsed.problems, { namePrefix: "~", otherSheets: state.otherSheets }).plan;
    const stats = await writePlan(fake.context, plan, state, { supports: () => true, namePrefix: "~" });
    out.push({
      formationRows, ledgerRows, readSyncs, writeSyncs: fake.syncs() - readSyncs, totalSyncs: fake.syncs(),
      largestRequestBytes: Math.max(...fake.requests), largestResponseBytes: Math.max(...fake.responses), cells: stats.cells,
    });
    console.log(`office.js  formation ${formationRows}, ledger ${ledgerRows}: ${fake.syncs()} syncs, largest request ${(Math.max(...fake.requests) / 1e6).toFixed(2)} MB, largest response ${(Math.max(...fake.responses) / 1e6).toFixed(2)} MB`);
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

export async function measureAddin(): Promise<AddinResults> {
  const syncs = await measureSyncs();
  const bundle = measureBundle();
  console.log(`task pane  initial ${(bundle.initialGzipBytes / 1024).toFixed(1)} KB gzipped (${(bundle.initialRawBytes / 1024).toFixed(1)} KB raw); on demand ${(bundle.lazyGzipBytes / 1024).toFixed(1)} KB gzipped`);
  const timeToInteractive = await measureTimeToInteractive();
  if (timeToInteractive) console.log(`task pane  time to interactive: median ${timeToInteractive.medianMs} ms (${timeToInteractive.runs.join(", ")})`);
  return { machine: { cores: os.cpus().length, node: process.version, cpu: os.cpus()[0]?.model ?? "" }, syncs, bundle, timeToInteractive };
}

const MB = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
const KB = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** The add-in targets of issue 5, item 4, each met or missed with its measurement. */
export function addinTargets(r: AddinResults): Array<{ target: string; status: "met" | "missed"; measured: string; cause?: string }> {
  const syncs = new Set(r.syncs.map((s) => s.totalSyncs));
  const maxSync = Math.max(...r.syncs.map((s) => s.totalSyncs));
  const maxReq = Math.max(...r.syncs.map((s) => s.largestRequestBytes));
  const maxResp = Math.max(...r.syncs.map((s) => s.largestResponseBytes));
  return [
    {
      target: "syncs constant (≤ 4) at every size",
      status: syncs.size === 1 && maxSync <= 4 ? "met" : "missed",
      measured: r.syncs.map((s) => `F${s.formationRows}/L${s.ledgerRows}: ${s.totalSyncs} (${s.readSyncs} read + ${s.writeSyncs} write)`).join(", "),
    },
    {
      target: "no request over 4 MB",
      status: maxReq <= 4 * 1024 * 1024 ? "met" : "missed",
      measured: `largest request ${MB(maxReq)}; largest response (reading the inputs) ${MB(maxResp)}`,
    },
    {
      target: "task pane ≤ 300 KB gzipped",
      status: r.bundle.initialGzipBytes <= 300 * 1024 ? "met" : "missed",
      measured: `${KB(r.bundle.initialGzipBytes)} gzipped (${KB(r.bundle.initialRawBytes)} raw) loaded at start; exceljs for the outside-Excel mode ${KB(r.bundle.lazyGzipBytes)} gzipped, loaded only when a file is chosen`,
    },
  ];
}

/** The add-in part of BENCHMARKS.md. */
export function renderAddin(r: AddinResults): string {
  const out: string[] = [];
  out.push("## The add-in (issue 5, items 2 and 3)", "");
  out.push(`Machine: ${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node}.`, "");
  out.push("### Office.js host: round trips and payload of a full build (read + write)", "");
  out.push("Measured with a counting fake context (`bench/addin.ts`) that answers the reader's loads and sizes every value the writer sends; a *request* is what one `context.sync()` sends, a *response* what it brings back.", "");
  out.push("| Formatie | Realisatie | syncs (read + write) | largest request | largest response | report cells |");
  out.push("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const s of r.syncs) out.push(`| ${s.formationRows.toLocaleString("en")} | ${s.ledgerRows.toLocaleString("en")} | ${s.totalSyncs} (${s.readSyncs} + ${s.writeSyncs}) | ${MB(s.largestRequestBytes)} | ${MB(s.largestResponseBytes)} | ${s.cells.toLocaleString("en")} |`);
  out.push("", "### Task pane: production bundle (without Office.js) and time to interactive", "");
  out.push("| file | raw | gzipped | loaded |", "| --- | ---: | ---: | --- |");
  for (const f of r.bundle.files) out.push(`| ${f.file} | ${KB(f.raw)} | ${KB(f.gzip)} | ${f.initial ? "at start" : "on demand"} |`);
  out.push(`| **at start** | ${KB(r.bundle.initialRawBytes)} | **${KB(r.bundle.initialGzipBytes)}** | |`, "");
  out.push(r.timeToInteractive
    ? `Time to interactive in headless Chromium (navigation to the pane ready for input, Office.js served locally): median **${r.timeToInteractive.medianMs} ms** (runs: ${r.timeToInteractive.runs.join(", ")} ms).`
    : "Time to interactive: not measured (no Chromium on this machine).");
  out.push("", "| target | status | measured |", "| --- | --- | --- |");
  for (const t of addinTargets(r)) out.push(`| ${t.target} | **${t.status}** | ${t.measured} |`);
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
  measureAddin().then((r) => {
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
