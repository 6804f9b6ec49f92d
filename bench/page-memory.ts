/**
 * The page's peak memory on a whole ledger export of 1,048,575 rows (issue 19 item 3): the production task
 * pane in headless Chromium (outside Excel, the work in its file worker) reads the export and builds the
 * report, while this script samples every 100 ms
 * - the resident memory (RSS, from /proc) of Chromium's renderer processes — the page and its worker live in
 *   the renderer — and of all of Chromium's processes together;
 * - the page's own JavaScript heap (CDP Performance.getMetrics, JSHeapUsedSize: the main thread only);
 * - the file worker's JavaScript heap with its ArrayBuffers' backing stores (the column store, the file's
 *   bytes; CDP Runtime.getHeapUsage usedSize + backingStorageSize, sent to the worker's target).
 * Run: `tsc -p bench/tsconfig.json && node dist-bench/bench/page-memory.js [rows]` (heavy: run it only when
 * the page's reading or building changed). Writes bench/page-memory-results.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { exportWorkbook } from "./export-generate";
import { ensureProductionBuild } from "../test/support/build";
import type { CDPSession } from "playwright-core";
import { launchChromium, openTaskpane, serve } from "../test/support/server";

const ROOT = path.resolve(__dirname, "..", "..", existsSync(path.join(__dirname, "..", "..", "package.json")) ? "" : "..");
const TMP = path.join(ROOT, "bench", "tmp", "page");
const RESULTS = path.join(ROOT, "bench", "page-memory-results.json");
const MiB = 1024 * 1024;
const PAGE_SIZE = 4096;

interface Proc {
  pid: number;
  ppid: number;
  rss: number;
  renderer: boolean;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8");
      out.push({ pid: Number(name), ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE, renderer: cmd.includes("--type=renderer") });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** RSS of this script's descendants (Chromium), and of its renderers. */
function chromiumRss(): { all: number; renderer: number } {
  const procs = processes();
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let all = 0;
  let renderer = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      all += c.rss;
      if (c.renderer) renderer += c.rss;
      walk(c.pid);
    }
  };
  walk(process.pid);
  return { all, renderer };
}

/** what the wait below uses of the page's global */
interface PageGlobal {
  document: { getElementById(id: string): { textContent: string | null; className: string } | null };
}

interface Peak {
  ms: number;
  rendererMb: number;
  allMb: number;
  pageHeapMb: number;
  workerHeapMb: number;
}

/** The file worker's used JS heap, through the browser's CDP session (0 while no worker runs). */
class WorkerHeap {
  private target: { targetId: string; sessionId: string } | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (used: number) => void>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on("Target.receivedMessageFromTarget", (e: { sessionId: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number; backingStorageSize?: number } };
      if (m.id !== undefined) this.waiting.get(m.id)?.((m.result?.usedSize ?? 0) + (m.result?.backingStorageSize ?? 0));
    });
  }

  async used(): Promise<number> {
    const { targetInfos } = await this.cdp.send("Target.getTargets");
    const worker = targetInfos.find((t) => t.type === "worker");
    if (!worker) return 0;
    if (this.target?.targetId !== worker.targetId) {
      const { sessionId } = await this.cdp.send("Target.attachToTarget", { targetId: worker.targetId, flatten: false });
      this.target = { targetId: worker.targetId, sessionId };
    }
    const id = this.nextId++;
    const answer = new Promise<number>((resolve) => {
      this.waiting.set(id, resolve);
      setTimeout(() => resolve(0), 1000);
    });
    await this.cdp.send("Target.sendMessageToTarget", { sessionId: this.target.sessionId, message: JSON.stringify({ id, method: "Runtime.getHeapUsage" }) }).catch(() => undefined);
    return answer.finally(() => this.waiting.delete(id));
  }
}

void (async () => {
  const rows = Number(process.argv[2] ?? 1_048_575);
  mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `export-${rows}.xlsx`);
  if (!existsSync(file)) writeFileSync(file, (await exportWorkbook(rows)).bytes);
  const server = await serve(ensureProductionBuild());
  const browser = await launchChromium();
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const workerHeap = new WorkerHeap(await browser.newBrowserCDPSession());
  await openTaskpane(page, server.url);
  const idle = chromiumRss();

  const none = (): Peak => ({ ms: 0, rendererMb: 0, allMb: 0, pageHeapMb: 0, workerHeapMb: 0 });
  let peak = none();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const rss = chromiumRss();
      const { metrics } = await cdp.send("Performance.getMetrics");
      const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
      const worker = await workerHeap.used().catch(() => 0);
      peak = {
        ms: peak.ms, rendererMb: Math.max(peak.rendererMb, rss.renderer / MiB), allMb: Math.max(peak.allMb, rss.all / MiB),
        pageHeapMb: Math.max(peak.pageHeapMb, heap / MiB), workerHeapMb: Math.max(peak.workerHeapMb, worker / MiB),
      };
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const phase = async (what: string, task: () => Promise<unknown>): Promise<Peak> => {
    peak = none();
    const t0 = performance.now();
    await task();
    const p = { ...peak, ms: Math.round(performance.now() - t0) };
    process.stderr.write(`${what}: ${(p.ms / 1000).toFixed(1)} s, renderer peak ${p.rendererMb.toFixed(0)} MiB, Chromium peak ${p.allMb.toFixed(0)} MiB, page heap peak ${p.pageHeapMb.toFixed(0)} MiB, worker heap peak ${p.workerHeapMb.toFixed(0)} MiB\n`);
    return p;
  };

  const read = await phase("read", async () => {
    await page.setInputFiles("#file-picker", file);
    await page.waitForFunction(() => {
      // bench/ compiles without the DOM library (and the page's CSP refuses a string to evaluate)
      const el = (globalThis as unknown as PageGlobal).document.getElementById("input-result");
      return /gelezen \(/.test(el?.textContent ?? "") || /error/.test(el?.className ?? "");
    }, null, { timeout: 1_800_000, polling: 500 });
  });
  const inputResult = await page.textContent("#input-result");
  if (!/gelezen/.test(inputResult ?? "")) throw new Error(`reading failed: ${inputResult}`);
  await page.click("#tab-rapport");
  const build = await phase("build", async () => {
    await Promise.all([page.waitForEvent("download", { timeout: 1_800_000 }), page.click("#build-report")]);
  });
  const steps = await page.textContent("#build-steps");
  sampling = false;
  await sampler;
  await browser.close();
  await server.close();
  const result = {
    measuredAt: new Date().toISOString(), rows, inputBytes: readFileSync(file).length,
    idle: { rendererMb: Math.round(idle.renderer / MiB), allMb: Math.round(idle.all / MiB) },
    read, build, steps,
  };
  writeFileSync(RESULTS, JSON.stringify(result, null, 1) + "\n");
  process.stderr.write(`${JSON.stringify(result)}\n`);
})().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
