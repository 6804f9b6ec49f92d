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

  /** Choose a file and check it, then show the Rapport tab (the status is read by the check). */
  async function chooseAndCheck(file: string): Promise<void> {
    await page.setInputFiles("#file-picker", file);
    await page.waitForFunction((name) => document.getElementById("file-name")?.textContent === `Gekozen: ${name}` && document.getElementById("input-result")?.textContent?.includes("gelezen"), path.basename(file));
    await page.click("#tab-controleren");
    await page.click("#run-check");
    // the summary ends with the time the check took once it is done
    const done = /waarschuwing(en)?\..*\((\d+ ms|\d+,\d s)\)$/;
    for (let t = 0; t < 300 && !done.test((await page.textContent("#check-summary")) ?? ""); t++) await page.waitForTimeout(100);
    expect(await page.textContent("#check-summary")).toMatch(done);
    await page.click("#tab-rapport");
  }

  const reviewed = path.join(dir, "gecontroleerd.xlsx");

  test("the controller reviews: Gecontroleerd, with name and date, in the pane and the workbook", async () => {
    expect(await page.textContent("#review-status")).toBe("Controle: Niet gecontroleerd");
    expect(await page.textContent("#review-hint")).toContain("Nog niet gecontroleerd: ondertekenen kan");
    await page.fill("#review-controller", "P. de Boer");
    await page.fill("#review-remark", "formatie nagelopen");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#review-approve")]);
    expect(download.suggestedFilename()).toBe("voorbeeld-invoer-2025-gecontroleerd.xlsx");
    await download.saveAs(reviewed);
    await page.waitForFunction(() => document.getElementById("signoff-status")?.textContent === "Status: Gecontroleerd");
    expect(await page.textContent("#review-status")).toMatch(/^Controle: Gecontroleerd door P\. de Boer op \d{1,2}-\d{1,2}-\d{4} \(formatie nagelopen\)$/);
    expect(await page.textContent("#review-hint")).toBe("");
    expect(await page.isVisible("#review-voided")).toBe(false);
    // the Rapport tab in the reviewed state, at the narrowest and a wide pane
    for (const width of [320, 800]) {
      await page.setViewportSize({ width, height: 1100 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(`5a-gecontroleerd-${width}`);
    }
    await page.setViewportSize({ width: 420, height: 900 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reviewed);
    const keys = new Map<unknown, unknown>();
    wb.getWorksheet("_dvo_ondertekening")?.eachRow((row) => keys.set(row.getCell(1).value, row.getCell(2).value));
    expect(keys.get("controle")).toBe("Gecontroleerd");
    expect(keys.get("controleur")).toBe("P. de Boer");
  });

  test("a formation change after the review voids it: the pane says so", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reviewed);
    wb.getWorksheet("Formatie")!.getCell("D3").value = 1.6;
    const changed = path.join(dir, "gewijzigd.xlsx");
    await wb.xlsx.writeFile(changed);
    await chooseAndCheck(changed);
    expect(await page.textContent("#problem-list")).toContain("Controle vervallen");
    await page.waitForSelector("#review-voided", { state: "visible" });
    expect(await page.textContent("#signoff-status")).toBe("Status: Concept");
    expect(await page.textContent("#review-status")).toMatch(/^Controle: Controle vervallen: gecontroleerd door P\. de Boer/);
  });

  test("a rejection returns the addendum to Concept with the reason in the Logboek", async () => {
    await chooseAndCheck(reviewed);
    await page.fill("#review-controller", "P. de Boer");
    await page.fill("#review-remark", "fte backoffice nog niet besloten");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#review-reject")]);
    const file = path.join(dir, "afgekeurd.xlsx");
    await download.saveAs(file);
    await page.waitForFunction(() => document.getElementById("review-status")?.textContent?.startsWith("Controle: Afgekeurd"));
    expect(await page.textContent("#signoff-status")).toBe("Status: Concept");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const log: unknown[][] = [];
    wb.getWorksheet("Logboek")?.eachRow((row) => log.push((row.values as unknown[]).slice(1)));
    const row = log.find((r) => r[1] === "Afgekeurd");
    expect(row?.[2]).toBe("P. de Boer");
    expect(String(row?.[9])).toBe("afgekeurd door P. de Boer (controller): fte backoffice nog niet besloten; terug naar Concept");
    // reviewed again, so the regisseur signs a reviewed addendum below
    await page.fill("#review-remark", "");
    await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#review-approve")]);
    await page.waitForFunction(() => document.getElementById("signoff-status")?.textContent === "Status: Gecontroleerd");
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
    expect(await page.textContent("#review-status")).toMatch(/^Controle: Gecontroleerd door P\. de Boer/);
    expect(await page.isVisible("#review-box")).toBe(false);
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
