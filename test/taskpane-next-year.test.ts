/**
 * "Volgend jaar" in the task pane (issue 12 §1–2), outside Excel in headless Chromium on the production
 * build: choose the example, check it, add cao estimates (a wrong one shows its Dutch error beside the
 * field and blocks the build), press "Werkmap volgend jaar maken", and read the download with the file
 * host's reader: Jaar + 1, the raming rows, the 'Vorig addendum' record — the same grids as the command
 * line's `next-year` with the same --cao. Screenshots at 320 px in test/artifacts/taskpane-volgend-jaar-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { main } from "../src/cli/main";
import { isoDate } from "../src/domain/dates";
import { exampleWorkbook } from "../src/xlsx/example";
import { parseWorkbook } from "../src/input/parse";
import { readPrevious } from "../src/input/previous";
import { readWorkbookBuffer } from "../src/xlsx/read";
import { ensureProductionBuild } from "./support/build";
import { serve, launchChromium, openTaskpane } from "./support/server";
import { needs } from "./support/tools";
import { setByHeader } from "./support/workbook";

const chromium = needs("the task pane next-year test", ["chromium"]);

const ARTIFACTS = path.join(__dirname, "artifacts");

chromium.describe("task pane: Volgend jaar (outside Excel)", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  const pageErrors: string[] = [];
  const requested: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-pane-next-"));
  const input = path.join(dir, "voorbeeld-2025.xlsx");

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(input, Buffer.from((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer));
    const dist = ensureProductionBuild();
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

  /** Nothing wider than the pane. */
  async function wide(): Promise<string[]> {
    return page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const out = Array.from(document.querySelectorAll<HTMLElement>("body *"))
        .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > w + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`);
      if (document.documentElement.scrollWidth > w) out.push(`scrollWidth ${document.documentElement.scrollWidth} > ${w}`);
      return out;
    });
  }

  async function shoot(name: string): Promise<void> {
    await page.mouse.move(319, 899);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(await wide()).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-volgend-jaar-${name}-320.png`), fullPage: true });
  }

  const row = (n: number) => `#cao-list li.cao-row:nth-child(${n})`;

  test("before a file is chosen and before a check: the button is disabled, with the reason", async () => {
    expect(await page.isVisible("#next-year")).toBe(true);
    expect(await page.isDisabled("#next-year-build")).toBe(true);
    expect(await page.textContent("#next-year-hint")).toContain("Kies eerst een werkmap");
    await page.setInputFiles("#file-picker", input);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    expect(await page.isDisabled("#next-year-build")).toBe(true);
    expect(await page.textContent("#next-year-hint")).toContain("Controleer eerst de invoer");
    await page.click("#tab-controleren");
    await page.click("#run-check");
    await page.waitForFunction(() => /waarschuwing/.test(document.getElementById("check-summary")?.textContent ?? ""));
    expect(await page.textContent("#check-summary")).toMatch(/^0 fouten/);
    await page.click("#tab-invoer");
    expect(await page.isDisabled("#next-year-build")).toBe(false);
    expect(await page.textContent("#next-year-hint")).toBe("");
  });

  test("a wrong estimate shows its Dutch error beside the field and blocks the build", async () => {
    await page.click("#add-cao");
    await page.fill(`${row(1)} input.cao-date`, "2026-10-01");
    await page.fill(`${row(1)} input.cao-raise`, "+2%");
    await page.click("#add-cao");
    await page.fill(`${row(2)} input.cao-date`, "2026-07-01");
    await page.fill(`${row(2)} input.cao-raise`, "twee procent");
    await page.press(`${row(2)} input.cao-raise`, "Tab"); // leaving the field shows the error
    expect(await page.textContent(`${row(2)} .field-error`)).toBe("'twee procent' is geen verhoging: schrijf een percentage (+2,5%) of een bedrag per maand (+€35).");
    expect(await page.getAttribute(`${row(2)} input.cao-raise`, "aria-invalid")).toBe("true");
    expect(await page.textContent(`${row(1)} .field-error`)).toBe("");
    await page.fill(`${row(2)} input.cao-raise`, "+30%");
    await page.press(`${row(2)} input.cao-raise`, "Tab");
    expect(await page.textContent(`${row(2)} .field-error`)).toContain("meer dan 25%");
    // the same date twice
    await page.fill(`${row(2)} input.cao-date`, "2026-10-01");
    await page.fill(`${row(2)} input.cao-raise`, "+€35");
    await page.press(`${row(2)} input.cao-raise`, "Tab");
    expect(await page.textContent(`${row(2)} .field-error`)).toBe("Er is al een raming met ingangsdatum 1-10-2026: geef per datum één verhoging op.");
    await shoot("fout");
    // pressing the button with a wrong estimate: no download, a message why
    let downloaded = false;
    page.once("download", () => (downloaded = true));
    await page.click("#next-year-build");
    expect(await page.textContent("#next-year-result")).toContain("Geen werkmap gemaakt: een cao-raming is niet in orde");
    await page.waitForTimeout(500);
    expect(downloaded).toBe(false);
    // removed: the error goes with it
    await page.click(`${row(2)} button.cao-remove`);
    expect(await page.$$eval("#cao-list li.cao-row", (els) => els.length)).toBe(1);
    expect(await page.$$eval("#cao-list .field-error", (els) => els.map((e) => e.textContent))).toEqual([""]);
  });

  test("the button downloads invoer-2026.xlsx: Jaar + 1, the raming rows, the 'Vorig addendum' record; the same as the CLI", async () => {
    const chunkBefore = requested.some((p) => /\/next-year\.[0-9a-f]+\.js$/.test(p));
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#next-year-build")]);
    expect(chunkBefore).toBe(false); // loaded on demand, not at the start
    expect(requested.some((p) => /\/next-year\.[0-9a-f]+\.js$/.test(p))).toBe(true);
    expect(download.suggestedFilename()).toBe("invoer-2026.xlsx");
    const file = path.join(dir, "invoer-2026.xlsx");
    await download.saveAs(file);
    await page.waitForFunction(() => /downloads/.test(document.getElementById("next-year-result")?.textContent ?? ""));
    const text = await page.textContent("#next-year-result");
    expect(text).toContain("'invoer-2026.xlsx' staat in uw downloads. Het gekozen bestand zelf is niet gewijzigd.");
    expect(text).toContain("1-10-2026 +2%");
    await shoot("klaar");

    const read = await readWorkbookBuffer(readFileSync(file), "invoer-2026.xlsx");
    if (!read.ok) throw new Error(read.message);
    const parsed = parseWorkbook(read.grids);
    expect(parsed.problems.filter((p) => p.severity === "fout")).toEqual([]);
    expect(parsed.inputs?.settings.year).toBe(2026);
    expect(parsed.inputs?.settings.reportMonth).toBe(1);
    const salary = parsed.inputs?.salaryTable ?? [];
    const raming = salary.filter((r) => r.status === "raming");
    const scales = [...new Set(salary.map((r) => r.scale))].sort();
    // one estimated row per scale, on the estimate's date, 2% on the row in force the day before, whole euros
    expect(raming.map((r) => r.scale).sort()).toEqual(scales);
    for (const r of raming) {
      expect(isoDate(r.effective)).toBe("2026-10-01");
      const before = salary.filter((b) => b.scale === r.scale && b.status !== "raming" && isoDate(b.effective) < "2026-10-01")
        .sort((a, b) => isoDate(a.effective).localeCompare(isoDate(b.effective))).pop();
      expect(r.maximum).toBe(Math.round((before?.maximum ?? NaN) * 1.02));
    }
    // the old year's addendum as a record, with the plafond the pane showed for 2025
    const prev = readPrevious(read.grids);
    expect(prev.problems).toEqual([]);
    expect(prev.record?.year.value).toBe(2025);
    await page.click("#tab-overzicht");
    const shown = (await page.textContent("#kpi-ceiling")) ?? "";
    expect(shown).toMatch(/^€ [\d.]+,\d\d$/);
    const ceiling = prev.record?.totals.ceiling.value ?? NaN;
    expect(`€ ${ceiling.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`).toBe(shown);
    await page.click("#tab-invoer");

    // the command line, same input and estimate: the same workbook as read by the file host
    const cliOut = path.join(dir, "cli-2026.xlsx");
    const code = await main(["next-year", input, "-o", cliOut, "--cao", "2026-10-01 +2%"], { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    const cli = await readWorkbookBuffer(readFileSync(cliOut), "cli-2026.xlsx");
    if (!cli.ok) throw new Error(cli.message);
    expect(read.grids.sheets.map((s) => s.name)).toEqual(cli.grids.sheets.map((s) => s.name));
    expect(read.grids.sheets).toEqual(cli.grids.sheets);
  });

  test("another file marks the check stale, and a file with errors keeps the button disabled, each with the reason", async () => {
    const bad = path.join(dir, "met-fouten-2025.xlsx");
    const wb = exampleWorkbook();
    setByHeader(wb, "Formatie", "Functie", "Medewerker burgerlijke stand", "Fte", "3,5");
    writeFileSync(bad, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    await page.setInputFiles("#file-picker", bad);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    expect(await page.textContent("#next-year-result")).toBe(""); // it spoke of the file chosen before
    expect(await page.isDisabled("#next-year-build")).toBe(true);
    expect(await page.textContent("#next-year-hint")).toBe("Controleer opnieuw: er is iets veranderd na de laatste controle (zie de melding bovenaan).");
    await page.click("#recheck");
    await page.waitForFunction(() => /fout/.test(document.getElementById("check-summary")?.textContent ?? "") && document.body.dataset.stale === "false");
    expect(await page.isDisabled("#next-year-build")).toBe(true);
    expect(await page.textContent("#next-year-hint")).toBe("De invoer bevat fouten: herstel ze (zie Controleren) en controleer opnieuw.");
    await page.click("#tab-invoer");
    await shoot("fouten");
  });

  test("no script error on the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
