/**
 * The page outside Excel does its work in a Web Worker (issue 19 item 3; docs/architecture.md, "The task
 * pane"): while a 200,000-row ledger export is read and built, the pane answers clicks at once, shows rows read
 * of rows, and Annuleren stops a build — the worker is terminated, the pane says what happened, nothing is
 * downloaded — after which the next build starts afresh and delivers. The export is the benchmark's own
 * generator (bench/export-generate.ts).
 *
 * Responsiveness is measured inside the page, two ways. (1) A long-task observer: no task of the page may
 * hold the main thread for 100 ms (the bound) — a build on the main thread, as before the worker, is
 * tasks of seconds. (2) Real (CDP) clicks on a neutral heading every 50 ms: for each, the time from the input
 * event's creation (`event.timeStamp`) to its handler, i.e. how long the main thread kept it waiting (checked
 * by hand: a page that blocks its main thread for 1.5 s shows waits of about 1.5 s). Each click waits for the
 * page's answer before the next is sent, so a blocked page sees few clicks, each held long: the test bounds
 * the time clicks were held past 100 ms to a tenth of the phase. A single click held longer is tolerated
 * there, because on this shared 2-core machine (load often near 10) the operating system sometimes leaves
 * the renderer waiting a few hundred ms while the page itself runs no long task. The waits and long tasks
 * are printed. Screenshots at 320 and 800 px go to test/artifacts/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { exportWorkbook } from "../bench/export-generate";
import { ensureProductionBuild } from "./support/build";
import { launchChromium, openTaskpane, serve } from "./support/server";
import { needs } from "./support/tools";

const chromium = needs("the task pane's worker test", ["chromium"]);

const ARTIFACTS = path.join(__dirname, "artifacts");
const ROWS = 200_000;
/** the bound: the pane answers a click within 100 ms while the file builds */
const ANSWER_MS = 100;

declare global {
  interface Window {
    /** per answered click: ms from the input event's creation to its handler */
    __clickWaits: number[];
    /** the durations of the page's long tasks (over 50 ms) */
    __longTasks: number[];
  }
}

chromium.describe("task pane outside Excel: the work runs in a worker", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-worker-"));
  const input = path.join(dir, "grootboek-200k.xlsx");
  const downloads: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(input, (await exportWorkbook(ROWS)).bytes);
    server = await serve(ensureProductionBuild());
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    await openTaskpane(page, server.url);
    await page.evaluate(() => {
      window.__clickWaits = [];
      window.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: "longtask" });
      // only the probe clicks on the neutral headings, not the test's own clicks on buttons and tabs
      document.addEventListener("click", (e) => {
        if (e.target instanceof HTMLElement && e.target.matches("h2, #host-status")) window.__clickWaits.push(performance.now() - e.timeStamp);
      }, true);
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  interface Phase<T> {
    value: T;
    /** ms each click waited for its handler */
    waits: number[];
    sent: number;
    ms: number;
    /** the page's long tasks meanwhile (ms) */
    longTasks: number[];
  }

  /** Click a neutral heading every 50 ms until `until` settles; the waits of the clicks and the page's long tasks meanwhile. */
  async function clicksWhile<T>(selector: string, until: Promise<T>): Promise<Phase<T>> {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`${selector} is not visible`);
    const [clicksBefore, tasksBefore] = await page.evaluate(() => [window.__clickWaits.length, window.__longTasks.length]);
    const t0 = performance.now();
    let done = false;
    const value = until.finally(() => (done = true));
    let sent = 0;
    while (!done) {
      await page.mouse.click(box.x + 5, box.y + box.height / 2);
      sent += 1;
      await page.waitForTimeout(50);
    }
    const ms = performance.now() - t0;
    const [waits, longTasks] = await page.evaluate(([c, t]) => [window.__clickWaits.slice(c), window.__longTasks.slice(t)], [clicksBefore, tasksBefore]);
    return { value: await value, waits, sent, ms, longTasks };
  }

  test(`while a ${ROWS.toLocaleString("en")}-row export is read and built, the pane answers clicks within ${ANSWER_MS} ms and shows rows read of rows`, async () => {
    const seen = new Set<string>();
    // reading: the progress line is sampled from the page while the worker reads
    const read = page.setInputFiles("#file-picker", input).then(() =>
      page.waitForFunction(() => /gelezen \(/.test(document.getElementById("input-result")?.textContent ?? ""), null, { timeout: 300_000 }));
    const sampler = (async () => {
      for (let i = 0; i < 6000 && !/gelezen \(/.test([...seen].pop() ?? ""); i++) {
        seen.add((await page.textContent("#input-result")) ?? "");
        await page.waitForTimeout(20);
      }
    })();
    const reading = await clicksWhile("#host-status", read);
    await sampler;
    const progress = [...seen].filter((t) => /blad Realisatie, rij [\d.]+ van [\d.]+…$/.test(t));
    expect(progress.length).toBeGreaterThan(0);
    const [row, of] = progress[0].match(/rij ([\d.]+) van ([\d.]+)/)!.slice(1).map((n) => Number(n.replace(/\./g, "")));
    expect(row).toBeLessThan(of);
    expect(of).toBeGreaterThanOrEqual(ROWS);

    // building: every stage in the worker, the download offered at the end
    await page.click("#tab-rapport");
    const built = page.waitForFunction(() => /Het rapport is klaar/.test(document.getElementById("build-result")?.textContent ?? ""), null, { timeout: 600_000 });
    const offered = page.waitForEvent("download", { timeout: 600_000 });
    await page.click("#build-report");
    const building = await clicksWhile("#panel-rapport h2 >> nth=0", Promise.all([built, offered]));
    expect(downloads).toEqual(["grootboek-200k-rapport.xlsx"]);

    for (const [what, m] of [["reading", reading], ["building", building]] as const) {
      const sorted = [...m.waits].sort((a, b) => a - b);
      const held = m.waits.filter((w) => w >= ANSWER_MS).reduce((a, w) => a + w, 0);
      process.stdout.write(`${what} (${(m.ms / 1000).toFixed(1)} s): ${m.sent} clicks, waits median ${sorted[sorted.length >> 1].toFixed(1)} ms, ` +
        `longest ${sorted[sorted.length - 1].toFixed(1)} ms, held past ${ANSWER_MS} ms ${held.toFixed(0)} ms in all; long tasks ${JSON.stringify(m.longTasks.map(Math.round))}\n`);
      // each click was answered, and a phase of seconds saw many of them
      expect(m.waits.length).toBe(m.sent);
      expect(m.sent).toBeGreaterThan(3);
      // the page's own work never holds the main thread for 100 ms
      expect(Math.max(0, ...m.longTasks)).toBeLessThan(ANSWER_MS);
      // and the clicks were answered at once but for moments: held past 100 ms for under a tenth of the phase
      expect(held).toBeLessThan(m.ms / 10);
    }
  }, 900_000);

  test("Annuleren stops a build: the worker ends, the pane says so, nothing is downloaded; the next build delivers", async () => {
    const before = downloads.length;
    // a build's result ended its worker; the next build starts a new one, which reads the kept workbook
    for (let i = 0; i < 100 && page.workers().length > 0; i++) await page.waitForTimeout(50);
    expect(page.workers()).toHaveLength(0);
    const started = page.waitForEvent("worker");
    await page.click("#build-report");
    const worker = await started;
    const closed = new Promise<void>((resolve) => worker.once("close", () => resolve()));
    // stopped inside a long synchronous step of the worker (planning), not between steps
    await page.waitForFunction(() => /^Rapport opbouwen/.test(document.querySelector("#build-steps li.active")?.textContent ?? ""), null, { timeout: 300_000 });
    await page.waitForSelector("#build-cancel", { state: "visible" });
    expect(await page.locator("#build-result").textContent()).toBe("");
    await page.click("#build-cancel");
    await closed;
    await page.waitForSelector("#build-result.cancelled");
    expect(await page.textContent("#build-result")).toBe("Geannuleerd: er is geen rapport gemaakt en niets gedownload. Het gekozen bestand is niet gewijzigd.");
    expect(await page.textContent("#build-steps li.cancelled")).toBe("Rapport opbouwen: geannuleerd");
    expect(await page.isHidden("#build-cancel")).toBe(true);
    expect(await page.isDisabled("#build-report")).toBe(false);
    for (const width of [320, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await shot(`werker-geannuleerd-${width}`);
    }
    // nothing offered, also not late
    await page.waitForTimeout(2000);
    expect(downloads.length).toBe(before);

    // after Annuleren the next build reads the kept workbook into a new worker, with rows read of rows, and delivers
    const again = Promise.all([
      page.waitForFunction(() => /Het rapport is klaar/.test(document.getElementById("build-result")?.textContent ?? ""), null, { timeout: 600_000 }),
      page.waitForEvent("download", { timeout: 600_000 }),
    ]);
    await page.click("#build-report");
    await page.waitForFunction(() => /Werkmap lezen: blad Realisatie, rij [\d.]+ van [\d.]+/.test(document.getElementById("build-steps")?.textContent ?? ""), null, { timeout: 300_000 });
    for (const width of [320, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await shot(`werker-bezig-${width}`);
    }
    await again;
    expect(downloads.slice(before)).toEqual(["grootboek-200k-rapport.xlsx"]);
  }, 900_000);

  test("Annuleren while a file is read: no workbook is open, and the pane says so", async () => {
    await page.click("#tab-invoer");
    await page.setInputFiles("#file-picker", input);
    await page.waitForFunction(() => /rij [\d.]+ van [\d.]+…$/.test(document.getElementById("input-result")?.textContent ?? ""), null, { timeout: 300_000 });
    await page.click("#read-cancel");
    await page.waitForSelector("#input-result.cancelled");
    expect(await page.textContent("#input-result")).toBe("Het lezen van 'grootboek-200k.xlsx' is geannuleerd. Er is geen werkmap geopend: kies opnieuw een werkmap.");
    expect(await page.textContent("#file-name")).toBe("");
    expect(await page.isHidden("#read-cancel")).toBe(true);
    expect(await page.isDisabled("#run-check")).toBe(true);
    expect(await page.isDisabled("#build-report")).toBe(true);
    for (let i = 0; i < 100 && page.workers().length > 0; i++) await page.waitForTimeout(50);
    expect(page.workers()).toHaveLength(0);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
