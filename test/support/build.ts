/**
 * Make sure the production build of the task pane in dist/ is there and newer than its sources. Every
 * browser test (and bench/addin.ts) serves this one build; jest workers that find it stale at the same time
 * take turns through a lock folder, so the suite builds at most once.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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

const BUILD_TIMEOUT_MS = 600_000;

function isFresh(page: string): boolean {
  const sources = Math.max(newest(path.join(root, "src")), newest(path.join(root, "assets")), statSync(path.join(root, "manifest.xml")).mtimeMs, statSync(path.join(root, "webpack.config.js")).mtimeMs);
  // webpack leaves an output file it would write unchanged as it is (old mtime): the newest file of the build counts
  return existsSync(page) && newest(path.dirname(page)) >= sources;
}

/** Sleep without returning to the event loop (ensureProductionBuild is synchronous). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureProductionBuild(): string {
  const dist = path.join(root, "dist");
  const page = path.join(dist, "taskpane.html");
  const lock = path.join(tmpdir(), `dvo-build-${createHash("sha256").update(root).digest("hex").slice(0, 12)}.lock`);
  while (!isFresh(page)) {
    try {
      mkdirSync(lock);
    } catch {
      // another worker is building: wait for it (a lock older than the build's own timeout is left over)
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > BUILD_TIMEOUT_MS + 60_000) rmSync(lock, { recursive: true, force: true });
      pause(1000);
      continue;
    }
    try {
      if (isFresh(page)) break;
      execFileSync("npx", ["webpack", "--mode", "production"], { cwd: root, stdio: "pipe", timeout: BUILD_TIMEOUT_MS });
      if (!isFresh(page)) throw new Error(`webpack ran, but ${page} is still older than the sources`);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dist;
}
