/** Cao estimates (issue 12 §2): `--cao "2027-07-01 +2,5%"` / `+€35` → `raming` rows on the Salaristabel. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import cao from "../src/data/cao-gemeenten-salarisschalen.json";
import { main } from "../src/cli/main";
import { applyCaoRaises, parseCaoRaise, type TableRow } from "../src/domain/cao";
import { parseWorkbook } from "../src/input/parse";
import { readWorkbookFile } from "../src/xlsx/file";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-cao-"));

async function run(argv: string[]) {
  let out = "", err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n") });
  return { code, out, err };
}

describe("reading --cao", () => {
  test.each([
    ["2027-07-01 +2,5%", { kind: "percent", value: 0.025, label: "1-7-2027 +2,5%" }],
    ["1-7-2027 +2.5 %", { kind: "percent", value: 0.025, label: "1-7-2027 +2,5%" }],
    ["2027-07-01 +€35", { kind: "amount", value: 35, label: "1-7-2027 +€ 35" }],
    ["2027-07-01 + € 35,50", { kind: "amount", value: 35.5, label: "1-7-2027 +€ 35,5" }],
    ["2027-07-01 +35 euro", { kind: "amount", value: 35, label: "1-7-2027 +€ 35" }],
  ])("%s", (text, want) => {
    const r = parseCaoRaise(text);
    expect(r).toEqual({ ok: true, raise: { effective: { year: 2027, month: 7, day: 1 }, ...want } });
  });
  test.each([
    ["2027-07-01 2,5%", /geen cao-raming/],
    ["2027-13-01 +2%", /geen datum/],
    ["2027-07-01 +2", /percentage .* of als bedrag/],
    ["2027-07-01 +40%", /onwaarschijnlijk/],
    ["2027-07-01 +0%", /groter dan 0/],
  ])("%s is refused in Dutch", (text, why) => {
    const r = parseCaoRaise(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(why);
  });
});

describe("applying raises", () => {
  const d = (y: number, m: number, day: number) => ({ year: y, month: m, day });
  const rows: TableRow[] = [
    { effective: d(2026, 1, 1), scale: "8", minimum: 3000, maximum: 4000, status: "afgeleid" },
    { effective: d(2027, 1, 1), scale: "8", minimum: 3100, maximum: 4100, status: "afgeleid" },
    { effective: d(2027, 1, 1), scale: "9", minimum: null, maximum: 4555, status: "officieel" },
    { effective: d(2027, 7, 1), scale: "9", minimum: null, maximum: 5000, status: "officieel" },
  ];
  test("from the latest row before the date, per scale; a percentage rounded to whole euros; an existing row wins", () => {
    const [a, b] = [parseCaoRaise("2027-07-01 +2,5%"), parseCaoRaise("2028-01-01 +€35")];
    if (!a.ok || !b.ok) throw new Error("parse");
    expect(applyCaoRaises(rows, [b.raise, a.raise])).toEqual([
      { effective: d(2027, 7, 1), scale: "8", minimum: 3178, maximum: 4203, status: "raming" }, // 4100 × 1,025 = 4202,5 → 4203
      { effective: d(2028, 1, 1), scale: "8", minimum: 3213, maximum: 4238, status: "raming" }, // on top of the estimate
      { effective: d(2028, 1, 1), scale: "9", minimum: null, maximum: 5035, status: "raming" },
    ]);
  });
});

describe("template --cao", () => {
  test("adds raming rows after the bundled tables, each with its Status, and check reads them", async () => {
    const file = path.join(dir, "invoer-2027.xlsx");
    const r = await run(["template", "--jaar", "2027", "--cao", "2027-07-01 +2,5%", "--cao", "2027-10-01 +€35", "-o", file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("raming per 1-7-2027 +2,5%");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Salaristabel")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1, 6);
    expect(header).toEqual(["Ingangsdatum", "Schaal", "Minimum", "Maximum", "Status"]);
    const byKey = new Map<string, [number, string]>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const e = row.getCell(1).value as Date;
      byKey.set(`${e.toISOString().slice(0, 10)}|${row.getCell(2).value}`, [row.getCell(4).value as number, row.getCell(5).value as string]);
    });
    const jan = (cao.tables as Array<{ effective: string; maximum: Record<string, number> }>).find((t) => t.effective === "2027-01-01")!;
    expect(byKey.get("2027-01-01|8")).toEqual([jan.maximum["8"], "afgeleid"]);
    expect(byKey.get("2027-07-01|8")).toEqual([Math.round(jan.maximum["8"] * 1.025), "raming"]);
    expect(byKey.get("2027-10-01|8")).toEqual([Math.round(jan.maximum["8"] * 1.025) + 35, "raming"]);
    expect(byKey.get("2027-07-01|10A")?.[1]).toBe("raming");
    expect(byKey.get("2019-10-01|8")).toBeUndefined();
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.message);
    const parsed = parseWorkbook(read.grids);
    const statusProblems = parsed.problems.filter((p) => p.sheet === "Salaristabel");
    expect(statusProblems).toEqual([]);
  });

  test("a --cao that cannot be read: exit 2, one Dutch sentence, nothing written", async () => {
    const file = path.join(dir, "nee.xlsx");
    const r = await run(["template", "--jaar", "2027", "--cao", "1-13-2027 +2%", "-o", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/geen datum/);
    const again = await run(["template", "--jaar", "2027", "--cao", "2027-07-01 +2%", "--cao", "1-7-2027 +€5", "-o", file]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/dezelfde ingangsdatum/);
  });
});
