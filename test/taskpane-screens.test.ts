/**
 * The task pane at 320 px and 800 px in headless Chromium (Debian's, driven by playwright-core), outside
 * Excel on chosen files: every tab, before a file is chosen, with a good workbook and with one that has
 * errors. Screenshots go to test/artifacts/taskpane-<state>-<tab>-<width>.png; the tests assert what the
 * pictures should show: nothing wider than the pane, the tab bar on one line with no label cut off, the
 * stale marker after choosing another file or month, figures cleared on errors or an unreadable file,
 * buttons per state (no Ondertekenen on a signed addendum, Heropenen only there), downloads named by what
 * they are, chart.js loaded only when Overzicht opens, and a small start bundle.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { exampleWorkbook } from "../src/xlsx/example";
import { ensureProductionBuild } from "./support/build";
import { serve, launchChromium, openTaskpane } from "./support/server";
import { needs } from "./support/tools";
import { setByHeader } from "./support/workbook";

const chromium = needs("the task pane screenshot tests", ["chromium"]);

const ARTIFACTS = path.join(__dirname, "artifacts");
const TABS = ["invoer", "controleren", "rapport", "overzicht"] as const;
const WIDTHS = [320, 800] as const;

async function exampleFile(file: string, mutate?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
  mutate?.(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

chromium.describe("task pane screens at 320 px and 800 px (outside Excel)", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let dist: string;
  const requested: string[] = [];
  const pageErrors: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-screens-"));
  const good = path.join(dir, "voorbeeld-2025.xlsx");
  const bad = path.join(dir, "met-fouten-2025.xlsx");

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await exampleFile(good);
    await exampleFile(bad, (wb) => {
      setByHeader(wb, "Instellingen", "Instelling", "Overheadpercentage", "Waarde", 18);
      setByHeader(wb, "Formatie", "Functie", "Medewerker burgerlijke stand", "Fte", "3,5");
    });
    dist = ensureProductionBuild();
    server = await serve(dist);
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 320, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await openTaskpane(page, server.url);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const chartRequested = () => requested.some((p) => /\/chart\.[0-9a-f]+\.js$/.test(p));

  /** The layout at the current width: nothing sideways, the tabs on one line, no tab label cut off. */
  async function layout(): Promise<{ scrollWidth: number; clientWidth: number; tabTops: number[]; cut: string[]; wide: string[] }> {
    return page.evaluate(() => {
      const doc = document.documentElement;
      const tabs = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'));
      const wide = Array.from(document.querySelectorAll<HTMLElement>("body *"))
        .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > doc.clientWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`);
      return {
        scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
        tabTops: tabs.map((t) => t.getBoundingClientRect().top),
        cut: tabs.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent ?? ""),
        wide,
      };
    });
  }

  /** Every tab at both widths: layout asserted, screenshot written. */
  async function shootAll(state: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const tab of TABS) {
        await page.click(`#tab-${tab}`);
        if (tab === "overzicht" && (await page.isVisible("#dashboard"))) await page.waitForSelector("body[data-chart='drawn']");
        await page.mouse.move(width - 1, 899); // no hover highlight in the picture
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        const l = await layout();
        expect({ tab, width, wide: l.wide, overflow: l.scrollWidth > l.clientWidth }).toEqual({ tab, width, wide: [], overflow: false });
        expect(new Set(l.tabTops).size).toBe(1);
        expect(l.cut).toEqual([]);
        await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${state}-${tab}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 320, height: 900 });
  }

  const visible = (sel: string) => page.isVisible(sel);
  const disabled = (sel: string) => page.isDisabled(sel);

  test("the start bundle stays small: chart.js, the report planner, the Excel host and the PDF library are separate chunks", () => {
    // measured 2026-11-29: 86 KB (was 315 KB with chart.js, the planner and the Excel host in it)
    const kb = statSync(path.join(dist, "taskpane.js")).size / 1024;
    expect(kb).toBeLessThan(120);
    expect(requested.some((p) => /\/(report|excel)\.[0-9a-f]+\.js$/.test(p))).toBe(false);
    expect(requested.some((p) => p.endsWith("/taskpane.js"))).toBe(true);
    expect(chartRequested()).toBe(false);
    expect(requested.some((p) => /pdfmake/.test(p))).toBe(false);
  });

  test("before a file is chosen: nothing to check, build or sign; every tab fits 320 px", async () => {
    expect(await disabled("#run-check")).toBe(true);
    expect(await disabled("#build-report")).toBe(true);
    expect(await disabled("#signing-pdf")).toBe(true);
    expect(await visible("#sign")).toBe(false);
    expect(await visible("#reopen")).toBe(false);
    expect(await visible("#stale-banner")).toBe(false);
    await shootAll("leeg");
  });

  test("a good workbook, checked: figures with their source; chart.js loaded only when Overzicht opens", async () => {
    await page.click("#tab-invoer");
    await page.setInputFiles("#file-picker", good);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    expect(await visible("#stale-banner")).toBe(false); // nothing was shown yet
    await page.click("#tab-controleren");
    await page.click("#run-check");
    await page.waitForFunction(() => /waarschuwing/.test(document.getElementById("check-summary")?.textContent ?? ""));
    expect(await page.textContent("#check-summary")).toMatch(/^0 fouten, 1 waarschuwing\./);
    expect(chartRequested()).toBe(false);
    expect(await page.textContent("#kpi-room")).toBe("€ 20.608,24");
    expect(await page.textContent("#figures-source")).toContain("'voorbeeld-2025.xlsx'");
    await page.click("#tab-overzicht");
    await page.waitForSelector("body[data-chart='drawn']");
    expect(chartRequested()).toBe(true);
    // concept: offer or sign, no reopen
    await page.click("#tab-rapport");
    expect(await page.textContent("#signoff-status")).toBe("Status: Concept");
    expect(await visible("#sign")).toBe(true);
    expect(await disabled("#sign")).toBe(false);
    expect(await visible("#submit-signoff")).toBe(true);
    expect(await visible("#reopen")).toBe(false);
    await shootAll("goed");
  });

  async function act(button: string, expectedName: string): Promise<void> {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click(button)]);
    expect(download.suggestedFilename()).toBe(expectedName);
    await download.saveAs(path.join(dir, expectedName));
    await page.waitForFunction(() => document.getElementById("build-bar")?.getAttribute("value") === "5" && !document.querySelector("#run-check:disabled"));
  }

  test("report, offer, sign, reopen: each download named by what it is, the buttons follow the status", async () => {
    await page.click("#tab-rapport");
    await act("#build-report", "voorbeeld-2025-rapport.xlsx");
    // every step shown with the time it took
    expect(await page.$$eval("#build-steps li.done .time", (els) => els.length)).toBe(5);
    expect(await page.textContent("#build-result")).toContain("Het rapport is klaar");

    await page.fill("#sign-accounthouder", "A. Jansen");
    await act("#submit-signoff", "voorbeeld-2025-ter-ondertekening.xlsx");
    expect(await page.textContent("#signoff-status")).toBe("Status: Ter ondertekening (accounthouder A. Jansen)");
    expect(await visible("#submit-signoff")).toBe(false);
    expect(await visible("#sign")).toBe(true);
    expect(await visible("#reopen")).toBe(false);

    await page.fill("#sign-regisseur", "J. de Vries");
    await act("#sign", "voorbeeld-2025-getekend.xlsx");
    expect(await page.textContent("#signoff-status")).toMatch(/^Status: Ondertekend door J\. de Vries op \d{1,2}-\d{1,2}-\d{4} \(accounthouder A\. Jansen\)$/);
    expect(await visible("#sign")).toBe(false);
    expect(await visible("#submit-signoff")).toBe(false);
    expect(await visible("#reopen")).toBe(true);
    await shootAll("getekend");

    await page.click("#tab-rapport");
    await page.fill("#reopen-by", "A. Jansen");
    await page.fill("#reopen-reason", "Formatie herzien");
    await act("#reopen", "voorbeeld-2025-heropend.xlsx");
    expect(await page.textContent("#signoff-status")).toBe("Status: Concept");
    expect(await visible("#sign")).toBe(true);
    expect(await visible("#reopen")).toBe(false);

    // the signed download really is signed
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "voorbeeld-2025-getekend.xlsx"));
    let status: unknown;
    wb.getWorksheet("Addendum 2025")?.eachRow((row) => row.getCell(1).value === "Status" && (status = row.getCell(2).value));
    expect(status).toBe("Ondertekend");
  });

  test("another rapportagemaand marks the figures stale until checked again", async () => {
    await page.click("#tab-rapport");
    await page.selectOption("#report-month", "6");
    expect(await visible("#stale-banner")).toBe(true);
    expect(await page.getAttribute("body", "data-stale")).toBe("true");
    expect(await page.textContent("#stale-text")).toContain("rapportagemaand");
    await page.click("#recheck");
    await page.waitForFunction(() => document.body.dataset.stale === "false");
    expect(await visible("#stale-banner")).toBe(false);
    expect(await page.textContent("#chart-title")).toBe("Begroot en gerealiseerd t/m juni");
    await page.selectOption("#report-month", "");
    await page.click("#recheck");
    await page.waitForFunction(() => document.body.dataset.stale === "false");
  });

  test("choosing another file marks what was shown stale; checking it (errors) clears the figures", async () => {
    await page.click("#tab-invoer");
    await page.setInputFiles("#file-picker", bad);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    expect(await visible("#stale-banner")).toBe(true);
    expect(await page.getAttribute("body", "data-stale")).toBe("true");
    expect(await page.textContent("#stale-text")).toContain("'met-fouten-2025.xlsx'");
    expect(await page.textContent("#stale-text")).toContain("'voorbeeld-2025.xlsx'");
    // the old figures are visibly marked: dimmed and struck through
    await page.click("#tab-overzicht");
    expect(await page.$eval("#kpi-room", (e) => getComputedStyle(e).textDecorationLine)).toBe("line-through");
    expect(await page.$eval("#dashboard", (e) => Number(getComputedStyle(e).opacity))).toBeLessThan(1);
    // no signing on what is stale
    await page.click("#tab-rapport");
    expect(await visible("#sign")).toBe(false);
    expect(await visible("#reopen")).toBe(false);
    await shootAll("verouderd");

    await page.click("#recheck");
    await page.waitForFunction(() => /fouten/.test(document.getElementById("check-summary")?.textContent ?? "") && document.body.dataset.stale === "false");
    expect(await page.textContent("#check-summary")).toMatch(/^2 fouten, 1 waarschuwing\./);
    expect(await page.textContent("#problem-list")).toContain("Formatie!D4");
    expect(await visible("#dashboard")).toBe(false);
    expect(await page.textContent("#kpi-room")).toBe("");
    expect(await page.textContent("#dashboard-empty")).toContain("de invoer bevat fouten");
    expect(await page.textContent("#build-result")).toBe("");
    expect(await disabled("#build-report")).toBe(true);
    expect(await disabled("#signing-pdf")).toBe(true);
    expect(await visible("#sign")).toBe(false);
    expect(await visible("#reopen")).toBe(false);
    expect(await page.textContent("#signoff-status")).toBe("Status: Concept"); // read from this file
    expect(await page.textContent("#signoff-hint")).toContain("geen fouten");
    await shootAll("fouten");
  });

  test("a file that is not a workbook clears everything: no workbook, no figures, nothing to run", async () => {
    await page.click("#tab-invoer");
    await page.setInputFiles("#file-picker", { name: "notities.xlsx", mimeType: "text/plain", buffer: Buffer.from("dit is geen werkmap\n") });
    await page.waitForSelector("#input-result.error");
    expect(await page.textContent("#input-result")).toMatch(/'notities\.xlsx' is geen Excel-werkmap/);
    expect(await page.textContent("#problem-list")).toBe("");
    expect(await page.textContent("#check-summary")).toBe("");
    expect(await visible("#stale-banner")).toBe(false);
    expect(await disabled("#run-check")).toBe(true);
    expect(await page.textContent("#dashboard-empty")).toContain("'notities.xlsx' kon niet worden gelezen");
  });

  test("no script error on the page; the Excel host was never loaded outside Excel, and the file worker did the builds", async () => {
    expect(pageErrors).toEqual([]);
    // outside Excel the job runs in the file worker (its own chunk); the page never loads the planner itself.
    // The worker may load a chunk it shares with the page's "report" chunk (webpack reuses that chunk when
    // their modules coincide), so the page's own chunks are read from its webpack chunk list, which the
    // worker does not share.
    expect(requested.some((p) => /\/dvo-werkmap\.[0-9a-f]+\.js$/.test(p))).toBe(true);
    const reportId = Number(/(\d+):"report"/.exec(readFileSync(path.join(dist, "taskpane.js"), "utf8"))?.[1]);
    expect(Number.isInteger(reportId)).toBe(true);
    const pageChunks = await page.evaluate(() => ((globalThis as unknown as { webpackChunkdvo_addendum?: Array<[Array<number | string>]> }).webpackChunkdvo_addendum ?? []).flatMap((c) => c[0]));
    expect(pageChunks.length).toBeGreaterThan(0);
    expect(pageChunks.map(Number)).not.toContain(reportId);
    expect(requested.some((p) => /\/excel\.[0-9a-f]+\.js$/.test(p))).toBe(false);
  });
});
