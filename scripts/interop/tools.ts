/**
 * The foreign tools of the interop corpus, found on the machine and run asynchronously (so LibreOffice
 * and Gnumeric can work at the same time on a two-core machine).
 * Debian packages: python3-openpyxl (/usr/bin/python3), libreoffice-calc-nogui (soffice), gnumeric (ssconvert).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";

export interface Tools {
  /** /usr/bin/python3 when it can import openpyxl */
  python: string | null;
  soffice: string | null;
  ssconvert: string | null;
}

function first(paths: string[]): string | null {
  return paths.find((p) => existsSync(p)) ?? null;
}

export async function findTools(): Promise<Tools> {
  let python: string | null = null;
  if (existsSync("/usr/bin/python3")) {
    try {
      await run("/usr/bin/python3", ["-c", "import openpyxl"]);
      python = "/usr/bin/python3";
    } catch {
      python = null;
    }
  }
  return {
    python,
    soffice: first(["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]),
    ssconvert: first(["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"]),
  };
}

export interface RunResult { stdout: string; stderr: string }

/** Run a program; reject with its stderr on a non-zero exit or a timeout. */
export function run(file: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env: opts.env ?? process.env, timeout: opts.timeout ?? 300_000, cwd: opts.cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.slice(0, 3).join(" ")} …: ${err.message}\n${String(stderr).slice(-3000)}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const XCU_RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Convert `files` with one LibreOffice start (a private profile, HOME in a temp dir) to `filter`
 * (e.g. `xlsx:Calc MS Excel 2007 XML`, `csv`). With `recalc`, LibreOffice recalculates every formula on
 * load (OOXMLRecalcMode 0) instead of keeping the cached values. Returns the written paths, in order of
 * `files`, named `<prefix><basename>.<ext>` in `outDir`, or null for a file LibreOffice could not load
 * (it goes on with the others). Input basenames must be unique.
 */
export async function convertWithLibreOffice(soffice: string, files: string[], outDir: string, opts: { filter: string; ext: string; recalc: boolean; prefix?: string }): Promise<Array<string | null>> {
  const work = mkdtempSync(path.join(tmpdir(), "dvo-interop-lo-"));
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  if (opts.recalc) writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU_RECALC);
  const home = path.join(work, "home");
  mkdirSync(home);
  const tmpOut = path.join(work, "out");
  mkdirSync(tmpOut);
  mkdirSync(outDir, { recursive: true });
  await run(soffice, [
    `-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nologo", "--nolockcheck",
    "--convert-to", opts.filter, "--outdir", tmpOut, ...files,
  ], { env: { ...process.env, HOME: home }, timeout: 600_000 });
  const out: Array<string | null> = [];
  for (const f of files) {
    const base = path.basename(f, path.extname(f));
    const written = path.join(tmpOut, `${base}.${opts.ext}`);
    if (!existsSync(written)) {
      out.push(null);
      continue;
    }
    const target = path.join(outDir, `${opts.prefix ?? ""}${base}.${opts.ext}`);
    await rename(written, target);
    out.push(target);
  }
  return out;
}

/** Convert one file with Gnumeric's ssconvert (e.g. to xlsx with `Gnumeric_Excel:xlsx2`). */
export async function convertWithGnumeric(ssconvert: string, input: string, output: string, exportType = "Gnumeric_Excel:xlsx2"): Promise<RunResult> {
  const r = await run(ssconvert, ["-T", exportType, input, output], { timeout: 120_000 });
  if (!existsSync(output)) throw new Error(`Gnumeric did not write ${output}: ${r.stderr.slice(0, 500)}`);
  return r;
}
