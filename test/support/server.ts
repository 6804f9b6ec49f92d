/** A static file server on 127.0.0.1 for the built task pane (tests only). */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM } from "./paths";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".png": "image/png", ".xml": "application/xml", ".json": "application/json", ".txt": "text/plain",
};

export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(root, rel || "taskpane.html");
    if (!file.startsWith(path.resolve(root)) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

const OFFICE_DIST = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist");

/** Headless Chromium with the flags this closed network needs (no background connections). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Open the task pane from the test server, with Office.js served from its npm package instead of the CDN. */
export async function openTaskpane(page: Page, url: string): Promise<void> {
  await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
    const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
    if (existsSync(file)) await route.fulfill({ path: file, contentType: "text/javascript" });
    else await route.fulfill({ status: 404, body: "" });
  });
  await page.goto(`${url}taskpane.html`);
  await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
}
