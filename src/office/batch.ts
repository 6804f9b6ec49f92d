/**
 * Office.js host: a batch of queued commands and its round trips. Excel on the web refuses a request over
 * 5 MB (docs: "Resource limits and performance optimization", Excel add-ins); the writer estimates what it
 * queues and syncs before a request would pass its budget (4 MB by default). Nothing here relies on what
 * Excel does with the commands before a failing one in the same sync: the caller decides, per sync, what a
 * failure means.
 */
export const size = (x: unknown): number => JSON.stringify(x).length;

/** Rows [from, to) of a 2-D array in chunks of at most `max` bytes of JSON each (at least one row per chunk). */
export function rowChunks(rows: unknown[][], max: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let from = 0;
  let bytes = 2;
  for (let i = 0; i < rows.length; i++) {
    const b = size(rows[i]) + 1;
    if (i > from && bytes + b > max) {
      out.push({ from, to: i });
      from = i;
      bytes = 2;
    }
    bytes += b;
  }
  if (from < rows.length) out.push({ from, to: rows.length });
  return out;
}

export class Batch {
  syncs = 0;
  payloads: number[] = [];
  private pending = 0;
  /** queued again after every round trip (e.g. suspending calculation, which lasts until the next sync) */
  onFlushed: (() => void) | null = null;
  constructor(private readonly context: Excel.RequestContext, readonly budget: number) {}
  /** Account for a request of about `bytes`; sync first when it would not fit in this batch. */
  async add(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes + 120;
  }
  async flush(): Promise<void> {
    this.payloads.push(this.pending);
    this.pending = 0;
    this.syncs++;
    await this.context.sync();
    this.onFlushed?.();
  }
}
