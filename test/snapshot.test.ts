/**
 * The input snapshot kept for the Logboek: stored compactly (one sheet row per run of consecutive input
 * rows) and read back exactly, also from the one-row-per-input-row layout of the first version.
 */
import type { CellValue, WorkbookGrids } from "../src/input/grid";
import { diffSnapshots, readSnapshot, recordsForBuild, SNAPSHOT_SHEET, snapshotRows, takeSnapshot, type Snapshot } from "../src/records";
import { numberText, ROW_HASH_KEY, rowHashVersionOf } from "../src/records/snapshot";
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

/**
 * Row hashes of version 2 (docs/architecture.md, "The records codec"), written here from the description
 * alone: per cell two 32-bit lanes over the UTF-16 units of its JSON text, each step x = (x ^ unit) × M,
 * x ^= x >>> 15, then a finishing mix; the row the same over its cells' lanes and the number of cells.
 */
function referenceHash(cells: string[]): string {
  const M = [0x9e3779b1, 0x85ebca77];
  const step = (x: number, v: number, m: number) => {
    const y = Math.imul(x ^ v, m);
    return (y ^ (y >>> 15)) | 0;
  };
  const mix = (a: number, b: number): [number, number] => {
    const x = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
    const y = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return [x >>> 0, y >>> 0];
  };
  let row: [number, number] = [0x2f8a1b3d, 0x6c0e94a7];
  for (const text of cells) {
    let cell: [number, number] = [0x2f8a1b3d, 0x6c0e94a7];
    for (const unit of Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))) cell = [step(cell[0], unit, M[0]), step(cell[1], unit, M[1])];
    cell = mix(cell[0], cell[1]);
    row = [step(row[0], cell[0], M[0]), step(row[1], cell[1], M[1])];
  }
  row = [step(row[0], cells.length, M[0]), step(row[1], cells.length, M[1])];
  return mix(row[0], row[1]).map((x) => x.toString(16).padStart(8, "0")).join("");
}

describe("row hashes, version 2", () => {
  const ledger = (rows: CellValue[][]): WorkbookGrids => ({ sheets: [{ name: "Realisatie", rows: [["Rekening", "Kostenplaats", "Boekdatum", "Debet", "Omschrijving"], ...rows] }] });

  test("each row's hash is the described one of its cells' canonical texts (a date as its serial, trailing empty cells left off)", () => {
    const snap = takeSnapshot(ledger([
      [4711, "KP100", new Date(Date.UTC(2025, 0, 31)), 1234.5, "Koffie \"extra\""],
      ["", null, null, 0.1 + 0.2, ""],
      [null, null, null, null, ""],
    ]));
    expect(snap.get(ROW_HASH_KEY)).toEqual(new Map([[1, "2"]]));
    const rows = snap.get("Realisatie")!;
    expect(rows.get(1)).toBe(referenceHash(['"Rekening"', '"Kostenplaats"', '"Boekdatum"', '"Debet"', '"Omschrijving"']));
    expect(rows.get(2)).toBe(referenceHash(['"4711"', '"KP100"', '"45688"', '"1234.5"', '"Koffie \\"extra\\""']));
    // 15 significant digits, as Excel keeps a number
    expect(rows.get(3)).toBe(referenceHash(['""', '""', '""', '"0.3"']));
    expect(rows.has(4)).toBe(false);
  });

  test("a change of one character in one cell of 20,000 rows changes that row's hash; no two of the rows share one", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 20_000; i++) rows.push([4000 + (i % 50), `KP${100 + (i % 7)}`, 45658 + (i % 365), Math.round(i * 37.3) / 100, `Boeking ${i}`]);
    const before = takeSnapshot(ledger(rows));
    const hashes = new Set([...before.get("Realisatie")!.values()]);
    expect(hashes.size).toBe(20_001);
    const changed = rows.map((r) => [...r]);
    changed[12_344][4] = "Boeking 12345"; // row 12,346 of the sheet now reads as the row below it did
    changed[500][3] = (changed[500][3] as number) + 0.01;
    const after = takeSnapshot(ledger(changed));
    expect(diffSnapshots(before, after)).toEqual([{ sheet: "Realisatie", added: [], removed: [], changed: [502, 12_346] }]);
  });

  test("a snapshot stored by an earlier version (SHA-256 rows, no version key) is compared its own way: only the changed row is named", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 3000; i++) rows.push([4000 + (i % 50), "KP100", 45658, i + 0.25, `Boeking ${i}`]);
    const old = takeSnapshot(ledger(rows), 1);
    expect(old.has(ROW_HASH_KEY)).toBe(false);
    const g = ledger(rows.map((r) => [...r]));
    g.sheets[0].rows[1000][3] = 5;
    g.meta = { [SNAPSHOT_SHEET]: snapshotRows(old) };
    const built = recordsForBuild(g, figures, new Date("2026-12-03T10:00:00Z"));
    if (!built.ok) throw new Error(built.message);
    expect(built.records.log!.at(-1)!.note).toBe("Realisatie: 1 gewijzigd (rij 1001)");
    // and what this build keeps is version 2, which the next build compares with directly
    const kept = readSnapshot({ sheets: [], meta: { [SNAPSHOT_SHEET]: snapshotRows(built.records.snapshot!) } })!;
    expect(rowHashVersionOf(kept)).toBe(2);
    const next = recordsForBuild({ ...g, meta: { [SNAPSHOT_SHEET]: snapshotRows(built.records.snapshot!) } }, figures, new Date("2026-12-04T10:00:00Z"));
    if (!next.ok) throw new Error(next.message);
    expect(next.records.log!.at(-1)!.note).toBe("geen wijzigingen in de invoer sinds de vorige rapportage");
  });
});

const figures = { fingerprint: "ab".repeat(32), reportMonth: 6, ceiling: 649519.35, totalBudget: 786432.83, room: 43219.35, extra: 0 };

test("a stored run of hashes read back row by row: digits as bytes, anything else kept as text, the same as the Map it replaces", () => {
  const h = new RowHashes();
  const good = "0123456789abcdef", bad = "0123456789ABCDEF";
  h.setRun(10, good + bad + good.split("").reverse().join(""));
  expect([...h]).toEqual([[10, good], [11, bad], [12, "fedcba9876543210"]]);
  expect([h.isHexAt(0), h.isHexAt(1), h.isHexAt(2)]).toEqual([true, false, true]);
  // the same grids read twice give the same snapshot (a build reads it three times)
  const g: WorkbookGrids = { sheets: [], meta: { [SNAPSHOT_SHEET]: [["Realisatie", 10, good + bad]] } };
  expect(readSnapshot(g)).toBe(readSnapshot(g));
  expect(readSnapshot(g)!.get("Realisatie")!.get(11)).toBe(bad);
});
