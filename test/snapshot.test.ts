/**
 * The input snapshot kept for the Logboek: stored compactly (one sheet row per run of consecutive input
 * rows) and read back exactly, also from the one-row-per-input-row layout of the first version.
 */
import type { CellValue, WorkbookGrids } from "../src/input/grid";
import { diffSnapshots, readSnapshot, SNAPSHOT_SHEET, snapshotRows, takeSnapshot, type Snapshot } from "../src/records";
import { numberText } from "../src/records/snapshot";
import { RowHashes } from "../src/records/row-hashes";
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

describe("the snapshot's compact parts", () => {
  test("numberText prints every number as String() does (amounts in cents take a short path)", () => {
    const xs = [0, -0, 1, -1, 0.1, 0.29, -0.5, 1.005, 2268.82, -2434.63, 1e21, 123456789012.34, 9999999999999.99, 0.07, 5e-7, NaN, Infinity, -Infinity, 1 / 3];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 20_000; i++) {
      xs.push(Math.round((random() - 0.5) * 1e7) / 100, (random() - 0.5) * 10 ** Math.floor(random() * 30 - 10), Math.round(random() * 1e17) / 100);
    }
    const wrong = xs.filter((x) => numberText(x) !== String(x));
    expect(wrong.slice(0, 5).map((x) => [x, numberText(x)])).toEqual([]);
  });

  test("RowHashes reads like a Map: insertion order, a row set again keeps its place, any text kept", () => {
    const h = new RowHashes(2);
    const m = new Map<number, string>();
    const put = (row: number, hash: string) => {
      h.set(row, hash);
      m.set(row, hash);
    };
    put(5, "0123456789abcdef");
    put(9, "fedcba9876543210");
    put(2, "not a hash");
    put(5, "00000000000000ff");
    put(7, "0123456789ABCDEF"); // upper case is not what rowHash writes: kept as text
    put(9, "x");
    expect([...h]).toEqual([...m]);
    expect(h.size).toBe(m.size);
    expect([h.get(5), h.get(2), h.get(7), h.get(9), h.get(3)]).toEqual([m.get(5), m.get(2), m.get(7), m.get(9), undefined]);
    expect([h.has(2), h.has(4)]).toEqual([true, false]);
    const other = new RowHashes();
    for (const [row, hash] of m) other.set(row, hash);
    expect(other).toEqual(h);
    other.set(5, "00000000000000fe");
    expect(other).not.toEqual(h);
    expect([h.sameAs(5, other), h.sameAs(9, other)]).toEqual([false, true]);
  });
});
