/**
 * The Excel host reading a large Realisatie sheet (issue 19, item 4) against the strict Excel double, profile
 * Excel on the web, under both batch models: the read is sliced so that no round trip brings back more than
 * Excel's documented limits ("Resource limits and performance optimization for Office Add-ins": a response of
 * at most 5 MB, a range read of at most 5,000,000 cells), the pane hears after every slice how far it got,
 * and the figures read are the sheet's; a build through `runBuild` hands that progress to the pane's callback. The limits are the documented ones written here by hand, checked
 * from what the double measured (never from the reader's own plan). Here at 60,000 rows with long
 * descriptions, which takes several slices; the full 1,048,575-row case runs in the benchmark
 * (`npm run bench:excel-read`, BENCHMARKS.md), too slow and too big for the suite.
 */
import { readExcelWorkbook } from "../src/office/read";
import { ExcelHost } from "../src/office/host";
import { sliceRows } from "../src/office/slices";
import { checkWorkbook } from "../src/job/check";
import { runBuild } from "../src/job/run";
import { ExcelDouble } from "./support/excel-double";
import { setupOf } from "./support/excel-double/grids";
import { addRow, exampleGrids } from "./grids";

/** "5MB" read the strict way, and the cell limit, as the documentation states them. */
const DOCUMENTED_RESPONSE_LIMIT = 5_000_000;
const DOCUMENTED_CELL_LIMIT = 5_000_000;
const GENERATED = 60_000;
/** Sheet rows in use: the header, the example's 15 ledger rows, the generated ones. */
const LAST_ROW = 1 + 15 + GENERATED;

/** The example plus GENERATED rows of Overig in December at 12.34, 0.66 and 7.00 in turn: 20.00 per three rows. */
function largeLedger(): ReturnType<typeof setupOf> {
  const g = exampleGrids();
  const text = "inhuur baliemedewerker publiekszaken via raamovereenkomst, incl. reiskosten en toeslagen; ".repeat(3);
  for (let i = 0; i < GENERATED; i++) {
    addRow(g, "Realisatie", [12, "Overig", [12.34, 0.66, 7][i % 3], `Factuur ${100000 + i} ${text}`, `D-2025-${String(i % 9000).padStart(5, "0")}`]);
  }
  return setupOf(g);
}

describe("the Excel host reads a large ledger in slices under Excel's limits", () => {
  const sheets = largeLedger();

  test.each(["partial", "atomic"] as const)("batch model %s: every round trip under 5 MB and 5,000,000 cells, progress per slice, the hand total", async (batch) => {
    const xl = new ExcelDouble({ profile: "web", batch, sheets });
    const progress: string[] = [];
    const state = await readExcelWorkbook(xl.context(), { onProgress: (m) => progress.push(m) });

    expect(xl.syncs.filter((s) => s.error)).toEqual([]);
    for (const s of xl.syncs) {
      expect(s.response).toBeLessThanOrEqual(DOCUMENTED_RESPONSE_LIMIT);
      expect(s.cellsRead).toBeLessThanOrEqual(DOCUMENTED_CELL_LIMIT);
    }
    // some 19 MB of rows, more than three full responses: the sheet list, the first slice round, 4+ slices
    expect(xl.syncs.reduce((n, s) => n + s.response, 0)).toBeGreaterThan(3 * DOCUMENTED_RESPONSE_LIMIT);
    expect(xl.syncs.length).toBeGreaterThanOrEqual(6);

    // one message per round trip after the sheet list, the row reached growing to the last
    expect(progress).toHaveLength(xl.syncs.length - 1);
    const reached = progress.map((m) => /^Realisatie: rij ([\d.]+) van 60\.016 gelezen$/.exec(m)?.[1]);
    expect(reached.every((r) => r !== undefined)).toBe(true);
    const numbers = reached.map((r) => Number(String(r).replace(/\./g, "")));
    expect(numbers[0]).toBe(2000);
    expect(numbers.every((n, i) => i === 0 || n > numbers[i - 1])).toBe(true);
    expect(progress[progress.length - 1]).toBe("Realisatie: rij 60.016 van 60.016 gelezen");

    const ledger = state.grids.sheets.find((s) => s.name === "Realisatie");
    expect(ledger?.rows.length).toBe(LAST_ROW);
    expect(ledger?.rows[LAST_ROW - 1]?.[0]).toBe(12);
    expect(ledger?.rows[LAST_ROW - 1]?.[3]).toMatch(/^Factuur 159999 inhuur/);
    const results = checkWorkbook(state.grids).results;
    // 60,000 / 3 × 20.00; the example has no Overig in December, and its January salaries stay 47,250
    expect(results?.realisedByMonth.Overig[11]).toBeCloseTo(400_000, 2);
    expect(results?.realisedByMonth.Loonkosten[0]).toBe(47_250);
  });

  test("the task pane's Excel host passes the reader's progress on", async () => {
    const xl = new ExcelDouble({ profile: "web", sheets });
    const restore = xl.install();
    const progress: string[] = [];
    try {
      const read = await new ExcelHost().read((m) => progress.push(m));
      expect(read.grids.sheets.find((s) => s.name === "Realisatie")?.rows.length).toBe(LAST_ROW);
    } finally {
      restore();
    }
    expect(progress[0]).toBe("Realisatie: rij 2.000 van 60.016 gelezen");
    expect(progress[progress.length - 1]).toBe("Realisatie: rij 60.016 van 60.016 gelezen");
  });
});

describe("a build in the pane hears the read's progress", () => {
  test("runBuild with the Excel host hands every slice's message to onReadProgress, before the check starts", async () => {
    const g = exampleGrids();
    for (let i = 0; i < 5000; i++) addRow(g, "Realisatie", [12, "Overig", [12.34, 0.66, 7][i % 3], `Factuur ${i}`, null]);
    const xl = new ExcelDouble({ profile: "web", sheets: setupOf(g) });
    const restore = xl.install();
    const heard: string[] = [];
    try {
      const host = new ExcelHost();
      const outcome = await runBuild({ read: (p) => host.read(p), write: (plan, records, p) => host.write(plan, records, p) }, {
        onStage: (i) => void heard.push(`stage ${i}`),
        onReadProgress: (m) => heard.push(m),
      });
      expect(outcome.ok).toBe(true);
    } finally {
      restore();
    }
    // 5,016 sheet rows: the first round's 2,000, then the rest in one slice
    expect(heard.slice(0, 4)).toEqual(["stage 0", "Realisatie: rij 2.000 van 5.016 gelezen", "Realisatie: rij 5.016 van 5.016 gelezen", "stage 1"]);
  });
});

describe("a slice's rows come from the limits and the column count", () => {
  test("a sheet 3,000 columns wide: a first round over 5,000,000 cells is refused and read again smaller, then every slice stays under the cell limit", async () => {
    // values in column A and in column 3,000 (DKJ) of 2,400 rows: 7,200,000 cells in the used range
    const rows = Array.from({ length: 2400 }, (_, i) => {
      const row: Array<string | number | null> = new Array(3000).fill(null);
      row[0] = i + 1;
      row[2999] = `einde ${i + 1}`;
      return row;
    });
    const xl = new ExcelDouble({ profile: "web", sheets: [{ name: "Realisatie", rows }] });
    const state = await readExcelWorkbook(xl.context());
    // 2,000 rows × 3,000 columns = 6,000,000 cells: refused; then 500 rows (1,500,000 cells) and slices
    expect(xl.syncs.map((s) => s.error ?? "ok").slice(0, 3)).toEqual(["ok", "RangeExceedsLimit", "ok"]);
    for (const s of xl.syncs.filter((x) => !x.error)) {
      expect(s.cellsRead).toBeLessThanOrEqual(DOCUMENTED_CELL_LIMIT);
      expect(s.response).toBeLessThanOrEqual(DOCUMENTED_RESPONSE_LIMIT);
    }
    const grid = state.grids.sheets.find((g) => g.name === "Realisatie");
    expect(grid?.rows.length).toBe(2400);
    expect([grid?.rows[0]?.[0], grid?.rows[2399]?.[0], grid?.rows[2399]?.[2999], grid?.rows[1234]?.[1500]]).toEqual([1, 2400, "einde 2400", null]);
  });

  test.each([
    // (4,000,000 − 64) / (⌈100 × 1.1⌉ + 2) = 35,713.7
    [5, 100, 4_000_000, 35_713],
    // very wide, long rows: the bytes bind, (4,000,000 − 64) / 44,002 = 90.9
    [16_384, 40_000, 4_000_000, 90],
    // very wide, short rows with room to spare: the cell limit binds, 5,000,000 / 16,384 = 305.2
    [16_384, 10, 500_000_000, 305],
    // no room left
    [5, 100, 50, 0],
  ])("%d columns, %d bytes a row, %d bytes of room: %d rows", (columns, bytesPerRow, room, rows) => {
    expect(sliceRows(columns, bytesPerRow, room)).toBe(rows);
  });
});
