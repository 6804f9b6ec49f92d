/**
 * The input snapshot kept for the Logboek: stored compactly (one sheet row per run of consecutive input
 * rows) and read back exactly, also from the one-row-per-input-row layout of the first version.
 */
import type { CellValue, WorkbookGrids } from "../src/input/grid";
import { diffSnapshots, readSnapshot, SNAPSHOT_SHEET, snapshotRows, takeSnapshot, type Snapshot } from "../src/records";
import { exampleGrids, sheet } from "./grids";

function withRows(g: WorkbookGrids, name: string, from: number, count: number): WorkbookGrids {
  const s = sheet(g, name);
  const width = s.rows[0].length;
  for (let i = 0; i < count; i++) {
    const r: CellValue[] = new Array<CellValue>(width).fill(null);
    r[0] = (i % 9) + 1;
    r[1] = "Loonkosten";
    r[2] = 100 + i;
    s.rows[from - 1 + i] = r;
  }
  for (let i = 0; i < s.rows.length; i++) if (!s.rows[i]) s.rows[i] = [];
  return g;
}

const stored = (snap: Snapshot): WorkbookGrids => ({ sheets: [], meta: { [SNAPSHOT_SHEET]: snapshotRows(snap) } });

describe("input snapshot", () => {
  test("a ledger of 2,500 rows with a gap is stored in a few rows and read back exactly", () => {
    const g = withRows(withRows(exampleGrids(), "Realisatie", 30, 2500), "Realisatie", 2600, 3);
    const snap = takeSnapshot(g);
    const rows = snapshotRows(snap);
    const ledgerRows = rows.filter((r) => r[0] === "Realisatie");
    expect(snap.get("Realisatie")!.size).toBeGreaterThan(2500);
    // rows 2.. until the gap at 2530, in runs of at most 1,000, then the three rows after the gap
    expect(ledgerRows.length).toBeLessThanOrEqual(5);
    expect(ledgerRows.every((r) => typeof r[2] === "string" && (r[2] as string).length <= 16_000)).toBe(true);
    const back = readSnapshot(stored(snap));
    expect(back).toEqual(snap);
    expect(diffSnapshots(back, snap)).toEqual([]);
  });

  test("a change in one row shows as that row after a round trip through the stored form", () => {
    const g = withRows(exampleGrids(), "Realisatie", 30, 1500);
    const before = readSnapshot(stored(takeSnapshot(g)));
    sheet(g, "Realisatie").rows[1200 - 1][2] = 1;
    const changes = diffSnapshots(before, takeSnapshot(g));
    expect(changes).toEqual([{ sheet: "Realisatie", added: [], removed: [], changed: [1200] }]);
  });

  test("the first layout, one sheet row per input row, is still read", () => {
    const snap = takeSnapshot(exampleGrids());
    const old: CellValue[][] = [];
    for (const [name, rows] of snap) for (const [row, hash] of rows) old.push([name, row, hash]);
    expect(readSnapshot({ sheets: [], meta: { [SNAPSHOT_SHEET]: old } })).toEqual(snap);
  });
});
