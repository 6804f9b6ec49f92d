/**
 * Text collected as UTF-8 bytes in blocks: a large sheet the writer makes (the Berekening of a whole ledger
 * export is some 27 MB of XML) is never one string, nor a string and its bytes at once. Pieces are pushed
 * whole (an element or a row), so a character is never split between two pieces.
 */
const enc = new TextEncoder();
const BLOCK = 1 << 20;

export class Utf8Builder {
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(BLOCK);
  private used = 0;

  push(s: string): void {
    // a UTF-16 unit takes at most 3 bytes in UTF-8
    if (s.length * 3 > BLOCK - this.used) {
      this.flush();
      if (s.length * 3 > BLOCK) {
        this.blocks.push(enc.encode(s));
        return;
      }
    }
    this.used += enc.encodeInto(s, this.block.subarray(this.used)).written;
  }

  /** The bytes of `head`, the pieces pushed and `tail`, in one array. */
  bytes(head = "", tail = ""): Uint8Array {
    this.flush();
    const h = enc.encode(head), t = enc.encode(tail);
    let n = h.length + t.length;
    for (const b of this.blocks) n += b.length;
    const out = new Uint8Array(n);
    out.set(h, 0);
    let p = h.length;
    for (const b of this.blocks) {
      out.set(b, p);
      p += b.length;
    }
    out.set(t, p);
    this.blocks.length = 0;
    return out;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.blocks.push(this.block.slice(0, this.used));
    this.used = 0;
  }
}
