/**
 * The signing PDF names cao estimates as such (issue 12 §2): Salaristabel rows with Status `raming` (added
 * by `next-year --cao`) read as a raming, not as the user's own figures. Read back with pdftotext.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { exampleWorkbook } from "../src/xlsx/example";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-pdf-raming-"));
const quiet = { out: () => undefined, err: () => undefined };
let text = "";

beforeAll(async () => {
  const src = path.join(dir, "invoer-2025.xlsx");
  await exampleWorkbook().xlsx.writeFile(src);
  const next = path.join(dir, "invoer-2026.xlsx");
  expect(await main(["next-year", src, "-o", next, "--cao", "2026-10-01 +1,5%"], quiet)).toBe(0);
  const pdf = path.join(dir, "addendum-2026.pdf");
  expect(await main(["pdf", next, "-o", pdf], quiet)).toBe(0);
  text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
}, 120_000);

test("every 1-10-2026 row (the --cao estimate) reads as a raming, for each scale of the formation", () => {
  const estimate = [...text.matchAll(/^\s*(\d+[A-Z]?)\s+1-10-2026\s+€ [\d.]+,\d\d\s+(.+?)\s*$/gm)];
  expect(estimate.map((m) => m[1])).toEqual(["7", "8", "9", "11"]);
  for (const m of estimate) expect(m[2]).toBe("raming (verwachte cao-verhoging)");
});

test("no row reads as the user's own figure, and the tables before the estimate keep their status", () => {
  expect(text).not.toMatch(/eigen invoer/);
  expect(text).toMatch(/7\s+1-7-2026\s+€ 4\.065,00\s+afgeleid \(schatting\)/);
  // the estimate itself: 4,065 × 1.015 = 4,125.975, in whole euros as the cao tables are
  expect(text).toMatch(/7\s+1-10-2026\s+€ 4\.126,00\s+raming/);
});
