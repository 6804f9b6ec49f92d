/**
 * The CLI makes the records snapshot's row hashes of a whole ledger export in a worker thread while the
 * check runs (src/cli/snapshot-thread.ts). The worker gets the column store's parts and hands back arrays;
 * what takeSnapshot keeps must be the same as hashing on the main thread, and a worker that cannot run
 * must leave the build to hash on its own.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ColumnStore } from "../src/input/column-store";
import type { WorkbookGrids } from "../src/input/grid";
import { takeSnapshot } from "../src/records";
import { RowHashes } from "../src/records/row-hashes";
import { hashStoreRows, rowHashesOf } from "../src/records/snapshot";
import { hashRowsInWorker, WORKER_ROWS } from "../src/cli/snapshot-thread";

const SHARED = ["Rekening", "Kostenplaats", "Boekdatum", "Debet", "Omschrijving", "KP100", "KP200", "  ", "Koffie"];

/** A Realisatie sheet of `rows` data rows in a column store, as the file host keeps a whole export. */
function ledgerStore(rows: number): ColumnStore {
  const s = new ColumnStore(SHARED, rows + 1);
  s.startRow(1);
  for (let c = 1; c <= 5; c++) s.shared(c, c - 1);
  s.endRow();
  for (let r = 2; r <= rows + 1; r++) {
    s.startRow(r);
    s.number(1, 4000 + (r % 97));
    s.shared(2, r % 3 === 0 ? 6 : 5);
    s.date(3, Date.UTC(2025, r % 12, 1 + (r % 28)));
    s.number(4, Math.round(r * 13.37) / 100);
    if (r % 5 === 0) s.text(5, `Boeking ${r}`);
    else s.shared(5, r % 7 === 0 ? 7 : 8);
    s.endRow();
  }
  return s;
}

const gridsOf = (store: ColumnStore): WorkbookGrids => ({ sheets: [{ name: "Realisatie", rows: [], store }] });

test("a store made from another store's parts reads the same cells and hashes to the same rows", () => {
  const store = ledgerStore(3000);
  const copy = ColumnStore.fromParts(store.parts());
  for (const r of [1, 2, 5, 7, 1500, 3001]) {
    for (let c = 1; c <= 5; c++) {
      expect(copy.get(r, c)).toEqual(store.get(r, c));
      expect(copy.blankAt(r, c)).toBe(store.blankAt(r, c));
    }
  }
  expect([copy.lastRow, copy.lastCol]).toEqual([store.lastRow, store.lastCol]);
  expect(hashStoreRows(copy)).toEqual(takeSnapshot(gridsOf(store)).get("Realisatie"));
});

test("row hashes survive the trip through arrays, texts that are not hashes included", () => {
  const h = new RowHashes(4);
  h.set(2, "0123456789abcdef").set(3, "not a hash").set(9, "fedcba9876543210");
  const back = RowHashes.fromParts(h.toParts());
  expect([...back]).toEqual([...h]);
  expect([back.get(3), back.has(4), back.sameAs(9, h)]).toEqual(["not a hash", false, true]);
  back.set(12, "00000000000000ff");
  expect(back.get(12)).toBe("00000000000000ff");
});

// the worker runs compiled JavaScript: lib/ is built by `npm ci` (prepare) and by `npm run build:cli`
const compiled = path.resolve(__dirname, "..", "lib", "cli", "snapshot-worker.js");
(existsSync(compiled) ? test : test.skip)("the worker thread's row hashes are what the main thread makes, and takeSnapshot uses them", async () => {
  const store = ledgerStore(WORKER_ROWS + 10);
  const hashing = hashRowsInWorker(gridsOf(store), compiled);
  await hashing.ready();
  const made = rowHashesOf(store);
  expect(made).toBeDefined();
  expect(takeSnapshot(gridsOf(store)).get("Realisatie")).toBe(made);
  expect(made).toEqual(hashStoreRows(ledgerStore(WORKER_ROWS + 10)));
});

test("no worker file, a worker that fails, or a small sheet: ready() resolves, nothing is handed over, the snapshot is hashed as always", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-worker-"));
  const failing = path.join(dir, "fails.js");
  writeFileSync(failing, "throw new Error('kapot');\n");
  const expected = hashStoreRows(ledgerStore(WORKER_ROWS));
  for (const file of [path.join(dir, "missing.js"), failing]) {
    const store = ledgerStore(WORKER_ROWS);
    await hashRowsInWorker(gridsOf(store), file).ready();
    expect(rowHashesOf(store)).toBeUndefined();
    expect(takeSnapshot(gridsOf(store)).get("Realisatie")).toEqual(expected);
  }
  const small = ledgerStore(WORKER_ROWS - 2);
  await hashRowsInWorker(gridsOf(small), compiled).ready();
  expect(rowHashesOf(small)).toBeUndefined();
});
