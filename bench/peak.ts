/**
 * Preloaded into a measured command (`node -r dist-bench/bench/peak.js bin/dvo-addendum.js …`): samples the
 * process's resident memory every 5 ms from a worker thread (the command's work is mostly synchronous, so a
 * timer on the main thread would not fire), and at exit writes the sampled peak, the kernel's peak
 * (getrusage maxrss) and the CPU time to the file named by DVO_PEAK_FILE.
 */
import { writeFileSync } from "node:fs";
import { isMainThread, Worker } from "node:worker_threads";

const out = process.env.DVO_PEAK_FILE;
// `-r` preloads into every worker thread too: only the main thread samples (else each sampler would start
// another, a chain of threads that multiplied the measured memory and CPU time)
if (out && isMainThread) {
  const shared = new SharedArrayBuffer(16);
  const peak = new Float64Array(shared);
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const peak = new Float64Array(workerData);
     const sample = () => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; peak[1]++; };
     sample();
     setInterval(sample, 5);`,
    { eval: true, workerData: shared },
  );
  worker.unref();
  const t0 = performance.now();
  process.on("exit", () => {
    const rss = process.memoryUsage.rss();
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({
      wallMs: Math.round(performance.now() - t0),
      cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      sampledPeakMb: Math.round(Math.max(peak[0], rss) / 1048576),
      samples: peak[1],
      maxRssMb: Math.round(usage.maxRSS / 1024),
    }));
  });
}
