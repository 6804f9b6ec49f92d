/**
 * Text collected as UTF-8 bytes in blocks: a large sheet the writer makes (the Berekening of a whole ledger
 * export is some 27 MB of XML) is never one string, nor a string and its bytes at once. Pieces are pushed
 * whole (an element or a row), so a character is never split between two pieces.
 */
const enc = new TextEncoder();

/**
 * Text of ASCII characters that need no XML escaping, which can write itself as bytes (the snapshot's hex
 * digits: `HexRun` of src/records/row-hashes.ts); `toString` gives it as text where a string is needed.
 */
export interface AsciiText {
  readonly length: number;
  writeAscii(into: Uint8Array, at: number): void;
  toString(): string;
}
const BLOCK = 1 << 20;

export class Utf8Builder {
  private readonly blocks: Uint8Array[] = [];
  private readonly block = new Uint8Array(BLOCK);
  private used = 0;

  /** `onBlock`, when given, takes each full block as it is made (the block is reused after it returns) */
  constructor(private readonly onBlock?: (block: Uint8Array) => void) {}

  push(s: string): void {
    // a UTF-16 unit takes at most 3 bytes in UTF-8
    if (!this.room(s.length * 3)) this.alone(enc.encode(s));
    else this.used += enc.encodeInto(s, this.block.subarray(this.used)).written;
  }

  /** ASCII text written straight as bytes (no string made: the snapshot's runs of hex digits). */
  pushAscii(t: AsciiText): void {
    if (!this.room(t.length)) {
      const b = new Uint8Array(t.length);
      t.writeAscii(b, 0);
      this.alone(b);
    } else {
      t.writeAscii(this.block, this.used);
      this.used += t.length;
    }
  }

  /** Room in the block for `bytes` more (the block handed over first if need be); false when a block is too small. */
  private room(bytes: number): boolean {
    if (bytes <= BLOCK - this.used) return true;
    this.flush();
    return bytes <= BLOCK;
  }

  /** Bytes too many for a block, handed over as a block of their own. */
  private alone(b: Uint8Array): void {
    if (this.onBlock) this.onBlock(b);
    else this.blocks.push(b);
  }

  /** The bytes of `head`, the pieces pushed and `tail`, as blocks of about 1 MiB (not joined). */
  pieces(head = "", tail = ""): Uint8Array[] {
    this.flush();
    const out = [enc.encode(head), ...this.blocks, enc.encode(tail)];
    this.blocks.length = 0;
    return out;
  }

  /** Hand over what was pushed so far (to `onBlock`, or kept for `pieces`). */
  flush(): void {
    if (this.used === 0) return;
    if (this.onBlock) this.onBlock(this.block.subarray(0, this.used));
    else this.blocks.push(this.block.slice(0, this.used));
    this.used = 0;
  }
}
