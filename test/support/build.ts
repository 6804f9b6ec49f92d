/** Make sure the production build of the task pane in dist/ is there and newer than its sources. */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

/** The project root: the nearest folder above with a package.json (also when compiled elsewhere). */
function findRoot(from: string): string {
  for (let d = from; d !== path.dirname(d); d = path.dirname(d)) if (existsSync(path.join(d, "package.json"))) return d;
  return path.join(from, "..", "..");
}
const root = findRoot(__dirname);

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureProductionBuild(): string {
  const dist = path.join(root, "dist");
  const page = path.join(dist, "taskpane.html");
  const sources = Math.max(newest(path.join(root, "src")), newest(path.join(root, "assets")), statSync(path.join(root, "manifest.xml")).mtimeMs, statSync(path.join(root, "webpack.config.js")).mtimeMs);
  if (!existsSync(page) || statSync(page).mtimeMs < sources) {
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "pipe", timeout: 600_000 });
  }
  return dist;
}
