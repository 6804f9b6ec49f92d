/**
 * The row hashes of one input sheet in the snapshot, kept compactly: a whole ledger export has a million
 * rows, and a Map of a million 16-character strings took some 150 bytes a row. Here a row number is 4 bytes
 * and a hash of 16 lowercase hex digits (what `rowHash` gives) 8 bytes, in typed arrays; any other text
 * (the first layout's stored entries may hold anything) is kept as it is beside them. It reads like a
 * `ReadonlyMap` from row number to hash text, in the order the rows were set, as the Map it replaces did.
 */

const HEX = "0123456789abcdef";
const HEX_CODES = Uint8Array.from(HEX, (c) => c.charCodeAt(0));
const latin1 = new TextDecoder("latin1");

/** The value of one lowercase hex digit, or -1. */
function hexDigit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
}

/** A RowHashes as plain arrays (`toParts`). */
export interface RowHashParts {
  rows: Int32Array;
  bytes: Uint8Array;
  other: Array<[number, string]>;
}

/**
 * A run of consecutive rows' hashes as one cell's text, made into ASCII bytes only where it is written
 * (`AsciiText` of the sheet writer): the snapshot of a whole ledger export is 17 MB of digits.
 */
export class HexRun {
  readonly length: number;

  constructor(private readonly hashes: RowHashes, private readonly from: number, private readonly to: number) {
    this.length = (to - from) * 16;
  }

  writeAscii(into: Uint8Array, at: number): void {
    this.hashes.writeHex(this.from, this.to, into, at);
  }

  toString(): string {
    return this.hashes.hexRun(this.from, this.to) ?? "";
  }
}

export class RowHashes implements ReadonlyMap<number, string> {
  /** row numbers in the order they were set */
  #rows: Int32Array;
  /** per entry 8 bytes of hash (the 16 hex digits), unless the entry is in #other */
  #bytes: Uint8Array;
  #size = 0;
  /** entries whose text is not 16 lowercase hex digits */
  readonly #other = new Map<number, string>();
  /** row number → entry index + 1 (built when first needed; 0: no entry) */
  #index: Int32Array | null = null;
  #maxRow = 0;

  constructor(capacity = 16) {
    this.#rows = new Int32Array(Math.max(1, capacity));
    this.#bytes = new Uint8Array(this.#rows.length * 8);
  }

  /**
   * The entries as arrays another thread can take over (`fromParts` makes them a RowHashes again): views of
   * this one's own arrays, not copies, so transferring their buffers ends this one's use.
   */
  toParts(): RowHashParts {
    return { rows: this.#rows.subarray(0, this.#size), bytes: this.#bytes.subarray(0, this.#size * 8), other: [...this.#other] };
  }

  static fromParts(parts: RowHashParts): RowHashes {
    const h = new RowHashes(0);
    h.#rows = parts.rows.length > 0 ? parts.rows : new Int32Array(1);
    h.#bytes = parts.bytes.length > 0 ? parts.bytes : new Uint8Array(8);
    h.#size = parts.rows.length;
    for (let i = 0; i < h.#size; i++) if (parts.rows[i] > h.#maxRow) h.#maxRow = parts.rows[i];
    for (const [row, text] of parts.other) h.#other.set(row, text);
    return h;
  }

  get size(): number {
    return this.#size;
  }

  /** Set a row's hash from two 32-bit words, as the 16 hex digits of `a` then `b` would be. */
  setWords(row: number, a: number, b: number): this {
    const i = this.#slot(row) * 8;
    const bytes = this.#bytes;
    bytes[i] = a >>> 24;
    bytes[i + 1] = a >>> 16;
    bytes[i + 2] = a >>> 8;
    bytes[i + 3] = a;
    bytes[i + 4] = b >>> 24;
    bytes[i + 5] = b >>> 16;
    bytes[i + 6] = b >>> 8;
    bytes[i + 7] = b;
    if (this.#other.size > 0) this.#other.delete(row);
    return this;
  }

  set(row: number, hash: string): this {
    const i = this.#slot(row);
    if (hash.length === 16 && this.#putHex(i, hash, 0)) this.#other.delete(row);
    else this.#other.set(row, hash);
    return this;
  }

  /**
   * Set the hashes of rows `first`, `first` + 1, … from a run of 16-character hashes run together (a cell of
   * the stored snapshot), as `set` would for each, without a text per row.
   */
  setRun(first: number, run: string): this {
    for (let i = 0; i * 16 < run.length; i++) {
      const row = first + i;
      if (!this.#putHex(this.#slot(row), run, i * 16)) this.#other.set(row, run.slice(i * 16, i * 16 + 16));
      else if (this.#other.size > 0) this.#other.delete(row);
    }
    return this;
  }

  /** Entry `i`'s 8 bytes from the 16 lowercase hex digits of `text` at `from`; false when they are not that. */
  #putHex(i: number, text: string, from: number): boolean {
    const b = this.#bytes;
    for (let k = 0; k < 8; k++) {
      const hi = hexDigit(text.charCodeAt(from + 2 * k)), lo = hexDigit(text.charCodeAt(from + 2 * k + 1));
      if (hi < 0 || lo < 0) return false;
      b[i * 8 + k] = (hi << 4) | lo;
    }
    return true;
  }

  get(row: number): string | undefined {
    const i = this.#find(row);
    return i < 0 ? undefined : this.#text(i);
  }

  has(row: number): boolean {
    return this.#find(row) >= 0;
  }

  /** Whether `row` has the same hash here as in `other` (both holding it). */
  sameAs(row: number, other: RowHashes): boolean {
    const a = this.#find(row), b = other.#find(row);
    if (a < 0 || b < 0) return false;
    const oa = this.#other.get(row), ob = other.#other.get(row);
    if (oa !== undefined || ob !== undefined) return this.#text(a) === other.#text(b);
    for (let k = 0; k < 8; k++) if (this.#bytes[a * 8 + k] !== other.#bytes[b * 8 + k]) return false;
    return true;
  }

  /** The hashes of entries `from` to `to` (exclusive) run together, when all are 16 hex digits; else null. */
  hexRun(from: number, to: number): string | null {
    if (this.#other.size > 0) for (let i = from; i < to; i++) if (this.#other.has(this.#rows[i])) return null;
    // the digits as ASCII bytes, decoded once (a run of 1,000 rows is one 16,000-character text)
    const ascii = new Uint8Array((to - from) * 16);
    this.writeHex(from, to, ascii, 0);
    return latin1.decode(ascii);
  }

  /** The same run as ASCII digits into `into` at `at` (entries that are all 16 hex digits: see hexRun). */
  writeHex(from: number, to: number, into: Uint8Array, at: number): void {
    const b = this.#bytes;
    for (let i = from * 8, o = at; i < to * 8; i++, o += 2) {
      into[o] = HEX_CODES[b[i] >> 4];
      into[o + 1] = HEX_CODES[b[i] & 15];
    }
  }

  /** Row number of entry `i` (in the order set). */
  rowAt(i: number): number {
    return this.#rows[i];
  }

  /** Whether entry `i` is 16 hex digits (else its text is kept as it is). */
  isHexAt(i: number): boolean {
    return this.#other.size === 0 || !this.#other.has(this.#rows[i]);
  }

  textAt(i: number): string {
    return this.#text(i);
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.#size; i++) yield this.#rows[i];
  }

  *values(): MapIterator<string> {
    for (let i = 0; i < this.#size; i++) yield this.#text(i);
  }

  *entries(): MapIterator<[number, string]> {
    for (let i = 0; i < this.#size; i++) yield [this.#rows[i], this.#text(i)];
  }

  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }

  forEach(fn: (value: string, key: number, map: ReadonlyMap<number, string>) => void): void {
    for (let i = 0; i < this.#size; i++) fn(this.#text(i), this.#rows[i], this);
  }

  #hex(i: number): string {
    const b = this.#bytes;
    let s = "";
    for (let k = i * 8; k < i * 8 + 8; k++) s += HEX[b[k] >> 4] + HEX[b[k] & 15];
    return s;
  }

  #text(i: number): string {
    const other = this.#other.size > 0 ? this.#other.get(this.#rows[i]) : undefined;
    return other ?? this.#hex(i);
  }

  /** The entry index of `row`, or -1. */
  #find(row: number): number {
    if (!Number.isInteger(row) || row < 0 || row > this.#maxRow) return -1;
    if (!this.#index) {
      this.#index = new Int32Array(this.#maxRow + 1);
      for (let i = 0; i < this.#size; i++) this.#index[this.#rows[i]] = i + 1;
    }
    return this.#index[row] - 1;
  }

  /** The entry index for `row`: its own when it has one (a Map keeps the first place), else a new one. */
  #slot(row: number): number {
    if (!Number.isInteger(row) || row < 0 || row > 0x7fffffff) throw new RangeError(`row ${row}`);
    if (row > this.#maxRow) this.#maxRow = row; // rows set in ascending order (as a sheet is read) are new
    else {
      const i = this.#find(row);
      if (i >= 0) return i;
    }
    if (this.#size === this.#rows.length) {
      const rows = new Int32Array(this.#rows.length * 2);
      rows.set(this.#rows);
      const bytes = new Uint8Array(rows.length * 8);
      bytes.set(this.#bytes);
      this.#rows = rows;
      this.#bytes = bytes;
    }
    const i = this.#size++;
    this.#rows[i] = row;
    if (this.#index && row < this.#index.length) this.#index[row] = i + 1;
    else this.#index = null;
    return i;
  }
}
