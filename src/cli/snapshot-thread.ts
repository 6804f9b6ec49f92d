/**
 * The records snapshot's row hashes of a whole ledger export (a million rows: about 0.6 s) made on the
 * machine's other core while the check and the report's plan run (docs/architecture.md, "The records
 * codec"). The file host's column stores keep their cells in shared memory, so the worker reads them
 * without a copy; it hands back each store's hashes, and takeSnapshot uses them instead of hashing the rows
 * itself. Whatever goes wrong with the worker (no compiled worker file, as under the tests' TypeScript
 * runner; an error in it), the build does not wait for it: takeSnapshot then hashes the rows as always.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { ColumnStore } from "../input/column-store";
import type { WorkbookGrids } from "../input/grid";
import { RowHashes, type RowHashParts } from "../records/row-hashes";
import { useRowHashesOf } from "../records/snapshot";

/** Below this many rows a store is hashed on the main thread (starting a worker costs about as much). */
export const WORKER_ROWS = 100_000;

export interface RowHashing {
  /** resolves when the worker's hashes are handed to takeSnapshot, or when there will be none */
  ready(): Promise<void>;
  /** end the worker (a build that stops early: input errors) */
  stop(): void;
}

const none: RowHashing = { ready: () => Promise.resolve(), stop: () => undefined };

export function hashRowsInWorker(grids: WorkbookGrids, workerFile = path.join(__dirname, "snapshot-worker.js")): RowHashing {
  const stores = grids.sheets.map((g) => g.store).filter((s): s is ColumnStore => s instanceof ColumnStore && s.lastRow >= WORKER_ROWS);
  if (stores.length === 0 || !existsSync(workerFile)) return none;
  let worker: Worker;
  try {
    worker = new Worker(workerFile, { workerData: stores.map((s) => s.parts()) });
  } catch {
    return none;
  }
  worker.unref();
  const done = new Promise<void>((resolve) => {
    worker.once("message", (made: RowHashParts[]) => {
      made.forEach((m, i) => useRowHashesOf(stores[i], RowHashes.fromParts(m)));
      resolve();
    });
    worker.once("error", () => resolve());
    worker.once("exit", () => resolve());
  });
  return { ready: () => done, stop: () => void worker.terminate() };
}
