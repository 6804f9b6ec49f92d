/**
 * Peak resident memory per stage, sampled from a worker thread. The report stages are mostly synchronous,
 * so a timer on the main thread would never fire during them; a worker runs beside the main thread and
 * reads the process-wide RSS every few milliseconds. The main thread only writes the current stage index
 * into shared memory.
 */
import { Worker } from "node:worker_threads";

const WORKER = `
const { workerData } = require("node:worker_threads");
const stage = new Int32Array(workerData.stage);
const peaks = new Float64Array(workerData.peaks);
const sample = () => {
  const s = Atomics.load(stage, 0);
  const rss = process.memoryUsage.rss();
  if (rss > peaks[s]) peaks[s] = rss;
};
sample();
setInterval(() => {
  sample();
  if (Atomics.load(stage, 1) === 1) process.exit(0);
}, workerData.intervalMs);
`;

export interface Sampler {
  /** Attribute the following samples to stage `index` (0 = before the first stage). */
  stage(index: number): void;
  /** Stop sampling; per stage the peak RSS in bytes (0 when the stage saw no sample). */
  stop(): Promise<number[]>;
}

export async function startSampler(stages: number, intervalMs = 4): Promise<Sampler> {
  const stageBuf = new SharedArrayBuffer(8);
  const peakBuf = new SharedArrayBuffer(8 * stages);
  const stage = new Int32Array(stageBuf);
  const peaks = new Float64Array(peakBuf);
  /** the main thread's own samples at stage boundaries (it cannot write the shared peaks without a race) */
  const edges = new Array<number>(stages).fill(0);
  const worker = new Worker(WORKER, { eval: true, workerData: { stage: stageBuf, peaks: peakBuf, intervalMs } });
  await new Promise<void>((resolve, reject) => {
    worker.once("online", () => resolve());
    worker.once("error", reject);
  });
  const edge = () => {
    const s = Atomics.load(stage, 0);
    edges[s] = Math.max(edges[s], process.memoryUsage.rss());
  };
  return {
    stage(index: number) {
      edge();
      Atomics.store(stage, 0, index);
      edge();
    },
    async stop() {
      edge();
      Atomics.store(stage, 1, 1);
      await new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      return Array.from(peaks, (p, i) => Math.max(p, edges[i]));
    },
  };
}
