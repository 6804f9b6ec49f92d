#!/usr/bin/env node
/*
 * The user guide's screenshots, made from the real page and the real report so they stay current:
 *   docs/img/taskpane-<tab>.png     the task pane at 800 px on the bundled example (invoer, controleren,
 *                                   rapport, overzicht), after choosing and checking the file
 *   docs/img/rapport-addendum.png   the first printed page of the report's addendum sheet, and
 *   docs/img/rapport-financieel.png of the 6.5 Financieel sheet: the example's report printed by
 *                                   LibreOffice to PDF (each sheet's own print setup; the page found by
 *                                   the sheet name in its footer) and rendered with pdftoppm
 * Run: npm run screenshots   (needs Debian's chromium, libreoffice-calc-nogui and poppler-utils; builds the
 * CLI and, when the sources are newer than dist/, the task pane first)
 */
/* global document */
const { execFileSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const { URL } = require("url");

const root = path.join(__dirname, "..");
const out = path.join(root, "docs", "img");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].find((p) => fs.existsSync(p));
const input = path.join(root, "out", "voorbeeld-invoer-2025.xlsx");
const report = path.join(root, "out", "voorbeeld-rapport-2025.xlsx");

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"], timeout: 900_000, ...opts });
}

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuild() {
  const page = path.join(root, "dist", "taskpane.html");
  const sources = Math.max(newest(path.join(root, "src")), newest(path.join(root, "assets")), fs.statSync(path.join(root, "webpack.config.js")).mtimeMs);
  if (!fs.existsSync(page) || fs.statSync(page).mtimeMs < sources) {
    console.log("Task pane bouwen (webpack)…");
    run("npx", ["webpack", "--mode", "production"]);
  }
}

function serve(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

async function taskPane() {
  const { chromium } = require("playwright-core");
  const server = await serve(path.join(root, "dist"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 760 } });
    const officeDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
    await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
      const file = path.join(officeDist, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
      if (fs.existsSync(file)) await route.fulfill({ path: file, contentType: "text/javascript" });
      else await route.fulfill({ status: 404, body: "" });
    });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
    await page.setInputFiles("#file-picker", input);
    await page.waitForFunction(() => document.getElementById("input-result")?.textContent?.includes("gelezen"));
    await page.click("#tab-controleren");
    await page.click("#run-check");
    await page.waitForFunction(() => /fout/.test(document.getElementById("check-summary")?.textContent ?? "") && !document.querySelector("#run-check:disabled"));
    for (const tab of ["invoer", "controleren", "rapport", "overzicht"]) {
      await page.click(`#tab-${tab}`);
      await page.mouse.move(799, 759); // no hover highlight in the picture
      if (tab === "overzicht") await page.waitForSelector("body[data-chart='drawn']");
      const file = path.join(out, `taskpane-${tab}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(root, file));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

/** The page of `pdf` (1-based) whose footer starts with the sheet's name: each report sheet prints its name there. */
function pageOf(pdf, sheet) {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f");
  const index = pages.findIndex((page) => {
    const lines = page.split("\n").filter((l) => l.trim() !== "");
    const footer = (lines[lines.length - 1] ?? "").trim();
    return footer.startsWith(`${sheet} `) && /Pagina 1\b/.test(footer);
  });
  if (index < 0) throw new Error(`Geen pagina van het blad '${sheet}' gevonden in ${pdf}.`);
  return index + 1;
}

function reportSheets() {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) ontbreekt: apt-get install libreoffice-calc-nogui");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "dvo-shots-"));
  const home = path.join(work, "home");
  fs.mkdirSync(home, { recursive: true });
  // the whole report printed as a pack, with each sheet's own print setup (print area, orientation, scaling)
  run(SOFFICE, [`-env:UserInstallation=file://${work}/profile`, "--headless", "--norestore", "--nologo", "--nolockcheck",
    "--convert-to", "pdf", "--outdir", work, report], { env: { ...process.env, HOME: home } });
  const pdf = path.join(work, `${path.basename(report, ".xlsx")}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice schreef ${pdf} niet.`);
  for (const [sheet, name] of [["Addendum 2025", "rapport-addendum"], ["6.5 Financieel", "rapport-financieel"]]) {
    const page = String(pageOf(pdf, sheet));
    run("pdftoppm", ["-png", "-r", "110", "-f", page, "-l", page, "-singlefile", pdf, path.join(out, name)]);
    console.log(`${path.relative(root, path.join(out, `${name}.png`))} (blad '${sheet}', pagina ${page} van de afdruk)`);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  console.log("Voorbeeld en rapport maken (npm run report)…");
  run("npm", ["run", "--silent", "report"]);
  ensureBuild();
  await taskPane();
  reportSheets();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
