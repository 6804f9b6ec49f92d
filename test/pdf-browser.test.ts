/**
 * The signing document from the task pane, outside Excel, in headless Chromium: choose the example
 * workbook, press "PDF om te ondertekenen", and the downloaded PDF holds the worked example's figures
 * (docs/rekenregels.md) and the fingerprint, with fonts embedded, and is PDF/A-2b as the CLI's PDF is
 * (test/support/pdfa.ts). pdfmake and its fonts are loaded only when the button is pressed, from the page's own origin. A signed workbook edited with openpyxl is named in Controleren, as by the CLI.
 * The page is the production build in dist/ that every browser test shares (test/support/build.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { main } from "../src/cli/main";
import { exampleWorkbook } from "../src/xlsx/example";
import { ensureProductionBuild } from "./support/build";
import { PYTHON } from "./support/paths";
import { pdfaFacts, PREFLIGHT_AVAILABLE, preflightErrors, type PdfaFacts } from "./support/pdfa";
import { serve, launchChromium, openTaskpane } from "./support/server";
import { needs } from "./support/tools";

const tools = needs("the signing PDF from the task pane", ["chromium", "poppler", "openpyxl"]);

tools.describe("the signing PDF from the task pane (outside Excel)", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  const requests: string[] = [];
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-pdf-browser-"));
  const input = path.join(dir, "voorbeeld-invoer-2025.xlsx");
  let dist: string;

  beforeAll(async () => {
    await exampleWorkbook().xlsx.writeFile(input);
    dist = ensureProductionBuild();
    server = await serve(dist);
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 420, height: 900 } });
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.protocol === "data:" || u.protocol === "blob:") return;
      if (`${u.protocol}//${u.host}/` === server.url) return void requests.push(u.pathname);
      if (u.host !== "appsforoffice.microsoft.com") foreign.push(r.url());
    });
    await openTaskpane(page, server.url);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("pdfmake is a separate chunk, not loaded at start", () => {
    const chunks = readdirSync(dist).filter((f) => /^pdfmake.*\.js$/.test(f));
    expect(chunks.length).toBe(2);
    for (const c of chunks) expect(statSync(path.join(dist, c)).size).toBeGreaterThan(500_000);
    expect(requests.filter((r) => r.includes("pdfmake"))).toEqual([]);
  });

  test("the button downloads the signing document with every addendum figure and the fingerprint", async () => {
    await page.setInputFiles("#file-picker", input);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    await page.click("#tab-rapport");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.click("#signing-pdf")]);
    expect(download.suggestedFilename()).toBe("addendum-2025.pdf");
    const file = path.join(dir, "addendum-2025.pdf");
    await download.saveAs(file);
    await page.waitForFunction(() => document.getElementById("signing-pdf-result")?.textContent?.includes("staat in uw downloads"));
    await page.screenshot({ path: path.join(dir, "rapport-pdf.png"), fullPage: true });
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    // worked example (docs/rekenregels.md)
    for (const figure of ["€ 649.519,35", "€ 116.913,48", "€ 786.432,83", "€ 12.568,22", "€ 636.951,13", "€ 214.009,42", "€ 8.000,00", "€ 12.000,00"]) expect(text).toContain(figure);
    expect(text).toMatch(/Opdrachtgever\s+Gemeente Ommen/);
    const fp = /vingerafdruk ([0-9a-f]{12})…/.exec((await page.textContent("#signing-pdf-result")) ?? "")?.[1];
    expect(fp).toBeDefined();
    expect(text).toMatch(new RegExp(`^${fp}[0-9a-f]{52}$`, "m"));
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
    expect(requests.filter((r) => r.includes("pdfmake")).length).toBe(2);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test("the downloaded PDF is PDF/A-2b as the CLI's is: identification, output intent and profile, fonts, language", async () => {
    const cli = path.join(dir, "cli.pdf");
    expect(await main(["pdf", input, "-o", cli], { out: () => undefined, err: () => undefined })).toBe(0);
    // what conformance rests on, the same in both files (dates, IDs and font subsets may differ)
    const conformance = (f: PdfaFacts) => ({
      header: f.header, binary: f.binaryComment, part: f.xmp.part, conformance: f.xmp.conformance, title: f.xmp.title, description: f.xmp.description,
      intents: f.outputIntents.map((i) => ({ ...i, profile: i.profile.toString("base64") })),
      lang: f.lang, id: f.id.length, encrypted: f.encrypted, fonts: f.fonts.map((x) => ({ type: x.type, embedded: x.embedded })),
    });
    const browserFacts = conformance(pdfaFacts(path.join(dir, "addendum-2025.pdf")));
    expect(browserFacts).toMatchObject({ part: "2", conformance: "B", lang: "nl-NL", encrypted: false, id: 2 });
    expect(browserFacts.intents.map((i) => i.subtype)).toEqual(["GTS_PDFA1"]);
    expect(browserFacts.fonts.every((x) => x.embedded)).toBe(true);
    expect(browserFacts).toEqual(conformance(pdfaFacts(cli)));
    if (PREFLIGHT_AVAILABLE) expect(preflightErrors(path.join(dir, "addendum-2025.pdf"))).toEqual([]);
  });

  test("a signed workbook whose status was set back to Concept with openpyxl: Controleren names it", async () => {
    const signed = path.join(dir, "getekend.xlsx");
    const r = await main(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed], { out: () => undefined, err: () => undefined });
    expect(r).toBe(0);
    const tampered = path.join(dir, "getekend-concept.xlsx");
    execFileSync(PYTHON, ["-c", `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["_dvo_ondertekening"]
for r in range(1, ws.max_row + 1):
    if ws.cell(r, 1).value == "status":
        ws.cell(r, 2).value = "Concept"
wb.save(sys.argv[2])`, signed, tampered]);
    await page.click("#tab-invoer");
    await page.setInputFiles("#file-picker", tampered);
    await page.waitForFunction(() => document.getElementById("file-name")?.textContent?.includes("getekend-concept.xlsx"));
    await page.click("#tab-controleren");
    await page.click("#run-check");
    await page.waitForFunction(() => document.getElementById("problem-list")?.textContent?.includes("ondertekeningsblad"));
    const list = (await page.textContent("#problem-list")) ?? "";
    expect(list).toContain("de inhoud past niet meer bij het zegel (status nu 'Concept'");
    expect(list).toContain("buiten 'heropenen' om veranderd");
    expect(pageErrors).toEqual([]);
  });
});
