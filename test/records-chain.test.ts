/**
 * The records codec on grids, without a host: the Logboek chain as logRow writes it and checkLog reads it,
 * and a host that does not hand over the Logboek's rows (Office.js today) still continues the chain.
 */
import type { CellValue, WorkbookGrids } from "../src/input/grid";
import { chainEntries, checkLog, LOG_HEADERS, LOG_SHEET, logRow, recordsForBuild, SNAPSHOT_SHEET, snapshotRows, type LogEntry } from "../src/records";

const entry = (action: LogEntry["action"], n: number): LogEntry => ({
  at: `2026-0${n}-01T10:00:00.000Z`, action, name: action === "Rapportage" ? "" : "J. de Vries", fingerprint: "ab".repeat(32),
  reportMonth: n, ceiling: 649519.35, totalBudget: 786432.83, room: 43219.35, extra: 0, note: `bouw ${n}`,
});
const figures = { fingerprint: "ab".repeat(32), reportMonth: 6, ceiling: 649519.35, totalBudget: 786432.83, room: 43219.35, extra: 0 };

function logGrid(entries: LogEntry[]): CellValue[][] {
  return [LOG_HEADERS, ...entries.map(logRow)];
}

describe("the Logboek chain", () => {
  test("rows linked by chainEntries check clean; each row names the hash of the row above", () => {
    const rows = chainEntries([entry("Rapportage", 1), entry("Ondertekend", 2), entry("Rapportage", 3)], "");
    expect(rows[0].prevHash).toBe("");
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].prevHash).toBe(rows[1].hash);
    const c = checkLog({ name: LOG_SHEET, rows: logGrid(rows) });
    expect(c.findings).toEqual([]);
    expect(c.head).toBe(rows[2].hash);
    expect(c.status).toBe("Ondertekend");
  });

  test("a number read back with float noise or as text of the same value still fits; a changed amount does not", () => {
    const rows = chainEntries([entry("Rapportage", 1)], "");
    const grid = logGrid(rows);
    grid[1][5] = 649519.35 + 1e-10; // as a host may read back a value an engine recomputed
    expect(checkLog({ name: LOG_SHEET, rows: grid }).findings).toEqual([]);
    grid[1][5] = "649519.35";
    expect(checkLog({ name: LOG_SHEET, rows: grid }).findings).toEqual([]);
    grid[1][5] = 649519.36;
    expect(checkLog({ name: LOG_SHEET, rows: grid }).findings.map((f) => f.row)).toEqual([2]);
  });

  test("without the Logboek's rows, a build continues from the head kept in the snapshot", () => {
    const first = recordsForBuild({ sheets: [] }, figures, new Date("2026-06-01T10:00:00Z"));
    if (!first.ok) throw new Error(first.message);
    const head = first.records.log![0].hash!;
    const grids: WorkbookGrids = { sheets: [], meta: { [SNAPSHOT_SHEET]: snapshotRows(first.records.snapshot!) } };
    const second = recordsForBuild(grids, figures, new Date("2026-07-01T10:00:00Z"));
    if (!second.ok) throw new Error(second.message);
    expect(second.records.log![0].prevHash).toBe(head);
    // and the two builds' rows together check clean
    const c = checkLog({ name: LOG_SHEET, rows: logGrid([...first.records.log!, ...second.records.log!]) });
    expect(c.findings).toEqual([]);
  });
});

test("older rows without hashes, then a chain that a host began from nothing: no finding; rows after it are still checked", () => {
  const old = [entry("Rapportage", 1), entry("Ondertekend", 2)].map((e) => logRow(e).slice(0, 10));
  const chained = chainEntries([entry("Rapportage", 3), entry("Rapportage", 4)], "");
  const rows: CellValue[][] = [LOG_HEADERS, ...old, ...chained.map(logRow)];
  expect(checkLog({ name: LOG_SHEET, rows }).findings).toEqual([]);
  rows[4][9] = "iets anders";
  expect(checkLog({ name: LOG_SHEET, rows }).findings.map((f) => f.row)).toEqual([5]);
});
