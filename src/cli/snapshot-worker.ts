/**
 * Worker thread (src/cli/snapshot-thread.ts): the records snapshot's row hashes of large column stores,
 * made while the main thread checks the inputs and plans the report. Receives the stores' parts (their
 * arrays shared, not copied), answers with each store's row hashes as arrays.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ColumnStore, type StoreParts } from "../input/column-store";
import { hashStoreRows } from "../records/snapshot";

const made = (workerData as StoreParts[]).map((p) => hashStoreRows(ColumnStore.fromParts(p)).toParts());
parentPort?.postMessage(made, made.flatMap((m) => [m.rows.buffer as ArrayBuffer, m.bytes.buffer as ArrayBuffer]));
