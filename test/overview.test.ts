/**
 * `dvo-addendum overzicht` (issue 12 §5): several workbooks (reports and inputs, two DVO years, one broken,
 * one not a workbook at all) → one overview with a row per file, the broken ones listed with their problem,
 * and native charts of plafond and realised per year.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { main } from "../src/cli/main";
import { exampleWorkbook } from "../src/xlsx/example";
import { readCells } from "./support/recalc-compare";
import { setByHeader } from "./support/workbook";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-overzicht-"));

async function run(argv: string[]) {
  let out = "", err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}

describe("overzicht", () => {
  const files: string[] = [];
  let r: { code: number; out: string; err: string };
  const output = path.join(dir, "overzicht.xlsx");

  beforeAll(async () => {
    const f2025 = path.join(dir, "invoer-2025.xlsx");
    await exampleWorkbook().xlsx.writeFile(f2025);
    const rap2025 = path.join(dir, "rapport-2025.xlsx");
    expect((await run(["report", f2025, "-o", rap2025])).code).toBe(0);
    const f2026 = path.join(dir, "invoer-2026.xlsx");
    expect((await run(["next-year", f2025, "-o", f2026])).code).toBe(0);
    const broken = path.join(dir, "kapot-2024.xlsx");
    const wb = exampleWorkbook();
    setByHeader(wb, "Formatie", "Functie", "Coordinator verkiezingen", "Fte", "veel");
    await wb.xlsx.writeFile(broken);
    const notXlsx = path.join(dir, "notities.xlsx");
    writeFileSync(notXlsx, "dit is geen werkmap");
    // any order
    files.push(f2026, broken, rap2025, notXlsx);
    r = await run(["overzicht", ...files, "-o", output]);
  }, 120_000);

  test("progress per file, the bad ones named, exit 0", () => {
    expect(r.code).toBe(0);
    for (const [i, f] of files.entries()) expect(r.err).toContain(`[${i + 1}/4] ${f} …`);
    expect(r.err).toMatch(/kapot-2024\.xlsx: Formatie!D\d+: Fte/);
    expect(r.err).toMatch(/notities\.xlsx: /);
    expect(r.out).toContain("Overzicht van 4 werkmappen geschreven");
    expect(r.out).toContain("2 gelezen, 2 met een probleem");
  });

  test("a row per file: the good ones by year with the worked example's figures (docs/rekenregels.md), the bad ones below with their problem", () => {
    const cells = readCells(output)["Overzicht"];
    const header = Object.entries(cells).find(([, [, v]]) => v === "Bestand")!;
    const hr = Number(/\d+$/.exec(header[0])![0]);
    const row = (n: number) => "ABCDEFGHIJKLMNO".split("").map((c) => cells[`${c}${n}`]?.[1] ?? null);
    const r1 = row(hr + 1), r2 = row(hr + 2), r3 = row(hr + 3), r4 = row(hr + 4);
    expect(r1.slice(0, 3)).toEqual(["rapport-2025.xlsx", "Gemeente Ommen", 2025]);
    expect(r1.slice(5, 14)).toEqual([626908.24, 112843.48, 759751.72, expect.any(Number), expect.any(Number), 20608.24, 0, "Nee (Concept)", "Nee"]);
    expect(r2.slice(0, 3)).toEqual(["invoer-2026.xlsx", "Gemeente Ommen", 2026]);
    expect([r3[0], r4[0]]).toEqual(["kapot-2024.xlsx", "notities.xlsx"]);
    expect(r3[14]).toMatch(/^Formatie!D\d+: Fte/);
    expect(r4[14]).toEqual(expect.stringContaining("notities.xlsx"));
    expect(readCells(output)["Bestanden"]).toBeDefined();
  });

  test("two native charts on the overview sheet", async () => {
    const zip = await JSZip.loadAsync(readFileSync(output));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(2);
    const xml = await zip.file(charts[0])!.async("string");
    expect(xml).toMatch(/Overzicht/);
  });

  test("without files: wrong use (exit 2)", async () => {
    expect((await run(["overzicht", "-o", path.join(dir, "x.xlsx")])).code).toBe(2);
  });
});
