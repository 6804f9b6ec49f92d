/** Recalculate .xlsx files with Gnumeric (`ssconvert --recalc`), a second independent spreadsheet engine. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export function findSsconvert(): string | null {
  for (const p of ["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"]) if (existsSync(p)) return p;
  return null;
}

/** True when a missing Gnumeric must fail the run instead of skipping (CI, or asked for). */
export function gnumericRequired(): boolean {
  return process.env.CI === "true" || process.env.DVO_REQUIRE_GNUMERIC === "1";
}

/** Recalculate one file and return the path of Gnumeric's xlsx copy (values are Gnumeric's own). */
export function recalculateGnumeric(ssconvert: string, file: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "dvo-gnm-")), path.basename(file));
  execFileSync(ssconvert, ["--recalc", "--export-type=Gnumeric_Excel:xlsx2", file, out], { stdio: "pipe", timeout: 120_000 });
  if (!existsSync(out)) throw new Error(`Gnumeric did not write ${out}`);
  return out;
}
