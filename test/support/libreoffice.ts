/**
 * Recalculate .xlsx files in LibreOffice headless, a real and independent spreadsheet engine.
 * LibreOffice keeps the cached values of xlsx formulas by default, which would check nothing; a private
 * profile sets OOXMLRecalcMode = 0 ("always recalculate") and HOME points at a temp dir.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export function findSoffice(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"]) {
    if (existsSync(p)) return p;
  }
  return null;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Recalculate `files` (one soffice call) and return the paths of the recalculated copies. */
export function recalculate(soffice: string, files: string[]): string[] {
  const work = mkdtempSync(path.join(tmpdir(), "dvo-lo-"));
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU);
  const home = path.join(work, "home");
  mkdirSync(home);
  const outDir = path.join(work, "out");
  mkdirSync(outDir);
  execFileSync(soffice, [
    `-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nologo", "--nolockcheck",
    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...files,
  ], { env: { ...process.env, HOME: home }, stdio: "pipe", timeout: 300_000 });
  return files.map((f) => {
    const out = path.join(outDir, path.basename(f));
    if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
    return out;
  });
}
