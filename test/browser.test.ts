/**
 * The task pane end to end in headless Chromium (Debian's, driven by playwright-core): the production
 * build served on 127.0.0.1, Office.js served from the @microsoft/office-js package in place of the CDN.
 * Outside Excel the page works on a chosen file: check → dashboard → build → download, and the
 * downloaded report carries the worked example's figures (docs/rekenregels.md). Every request is watched: nothing but the page itself
 * and Office.js may be loaded. Screenshots of each step go to test/artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { main } from "../src/cli/main";
import { exampleWorkbook } from "../src/xlsx/example";
import { ensureProductionBuild } from "./support/build";
import { serve, launchChromium } from "./support/server";
import { needs } from "./support/tools";

const chromium = needs("the task pane browser test", ["chromium"]);

const ARTIFACTS = path.join(__dirname, "artifacts");
const OFFICE_DIST = path.join(__dirname, "..", "node_modules", "@microsoft", "office-js", "dist");

chromium.describe("task pane in headless Chromium (outside Excel, on a chosen file)", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  const foreign: string[] = [];
  const officeFiles: string[] = [];
  const pageErrors: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-browser-"));
  const input = path.join(dir, "voorbeeld-invoer-2025.xlsx");

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await exampleWorkbook().xlsx.writeFile(input);
    server = await serve(ensureProductionBuild());
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.protocol === "data:" || u.protocol === "blob:") return;
      if (`${u.protocol}//${u.host}/` === server.url) return;
      if (u.host === "appsforoffice.microsoft.com") return;
      foreign.push(r.url());
    });
    await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
      officeFiles.push(rel);
      const file = path.join(OFFICE_DIST, rel);
      if (existsSync(file)) await route.fulfill({ path: file, contentType: "text/javascript" });
      else await route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  test("outside Excel the page starts in file mode, in Dutch, with Office.js loaded from its package", async () => {
    expect(await page.getAttribute("body", "data-ready")).toBe("file");
    expect(await page.textContent("#host-status")).toContain("Buiten Excel");
    expect(officeFiles).toContain("office.js");
    await shot("1-start");
  });

  test("a file that is not a workbook gives one Dutch sentence", async () => {
    await page.setInputFiles("#file-picker", { name: "notities.xlsx", mimeType: "text/plain", buffer: Buffer.from("dit is geen werkmap\n") });
    await page.waitForSelector("#input-result.error");
    expect(await page.textContent("#input-result")).toMatch(/'notities\.xlsx' is geen Excel-werkmap \(\.xlsx\)/);
  });

  test("choose the example workbook and check it: the one warning is listed", async () => {
    await page.setInputFiles("#file-picker", input);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    await page.click("#tab-controleren");
    await page.click("#run-check");
    await page.waitForFunction(() => document.getElementById("check-summary")?.textContent?.includes("waarschuwing"));
    expect(await page.textContent("#check-summary")).toMatch(/^0 fouten, 1 waarschuwing\. \((\d+ ms|\d+,\d s)\)$/);
    expect(await page.textContent("#problem-list")).toContain("Realisatie!A8");
    await shot("2-controleren");
  });

  test("the dashboard shows the worked example's figures (docs/rekenregels.md) and the norms", async () => {
    await page.click("#tab-overzicht");
    await page.waitForSelector("#variance-chart", { state: "visible" });
    await page.waitForSelector("body[data-chart='drawn']"); // chart.js is loaded when Overzicht opens
    expect(await page.evaluate(() => (document.getElementById("variance-chart") as HTMLCanvasElement).height)).toBeGreaterThan(100);
    expect(await page.textContent("#kpi-room")).toBe("€ 43.219,35");
    expect(await page.textContent("#kpi-budget")).toBe("€ 786.432,83");
    expect(await page.textContent("#kpi-ceiling")).toBe("€ 649.519,35");
    expect(await page.textContent("#norm-list")).toContain("Zelfevaluatie Reisdocumenten: voldoet niet");
    await shot("3-overzicht");
  });

  test("the tabs work from the keyboard", async () => {
    await page.focus("#tab-overzicht");
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute("#tab-rapport", "aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-rapport");
  });

  test("build the report: progress shown, report downloaded with the figures as formulas", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#build-report")]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("voorbeeld-invoer-2025-rapport.xlsx");
    await page.waitForFunction(() => document.getElementById("build-result")?.textContent?.includes("Het rapport is klaar"));
    expect(await page.textContent("#build-steps")).toContain("Rapport schrijven");
    expect(await page.getAttribute("#build-bar", "value")).toBe("5");
    await shot("4-rapport");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Instellingen", "Formatie", "Addendum 2025", "6.5 Financieel", "Controle", "Berekening"]));
    const found: Record<string, number> = {};
    wb.getWorksheet("Addendum 2025")?.eachRow((row) => {
      const label = row.getCell(1).value;
      const v = row.getCell(2).value as ExcelJS.CellFormulaValue | null;
      if (typeof label === "string" && v && typeof v === "object" && "formula" in v) found[label] = v.result as number;
    });
    expect(found["Plafond formatieve kosten"]).toBe(649519.35);
    expect(found["Totaal budget P&C"]).toBe(786432.83);
  });

  test("sign the addendum: names recorded, the signed report downloaded, the status shown", async () => {
    await page.fill("#sign-accounthouder", "A. Jansen");
    await page.fill("#sign-regisseur", "J. de Vries");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#sign")]);
    const file = path.join(dir, "getekend.xlsx");
    await download.saveAs(file);
    await page.waitForFunction(() => document.getElementById("signoff-status")?.textContent?.includes("Ondertekend"));
    expect(await page.textContent("#signoff-status")).toMatch(/^Status: Ondertekend door J\. de Vries op \d{1,2}-\d{1,2}-\d{4} \(accounthouder A\. Jansen\)$/);
    expect(await page.isVisible("#signoff-changed")).toBe(false);
    expect(await page.isVisible("#reopen-box")).toBe(true);
    await shot("5-ondertekend");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("_dvo_ondertekening")?.state).toBe("veryHidden");
    let status: unknown;
    wb.getWorksheet("Addendum 2025")?.eachRow((row) => row.getCell(1).value === "Status" && (status = row.getCell(2).value));
    expect(status).toBe("Ondertekend");
    // the CLI recognises the signature made in the page
    const out: string[] = [];
    expect(await main(["check", file], { out: (x) => out.push(x), err: (x) => out.push(x) })).toBe(0);
    expect(out.join("\n")).not.toContain("Gewijzigd na ondertekening");
  });

  test("no request left the machine except for Office.js, and no script error", () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
