/**
 * The zip container of an .xlsx package, read and written by hand so that a part we do not change is
 * copied through with its compressed bytes as they are (byte for byte, and without inflating or deflating
 * it again). fflate does the deflate work for the parts we read or write; it has no way to hand over an
 * entry's raw compressed bytes, which is why the container (APPNOTE 6.3: local headers, central directory,
 * end record, Zip64 end record when present) is parsed here.
 */
import { deflateSync, Inflate, inflateSync } from "fflate";

export class ZipError extends Error {
  constructor(readonly kind: "damaged" | "encrypted" | "unsupported", message: string) {
    super(message);
  }
}

export interface ZipEntry {
  /** the entry name as stored (OPC part name without the leading '/') */
  name: string;
  /** the stored name bytes, written back unchanged when the entry is copied */
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  /** the compressed data as stored in the archive */
  raw: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

const utf8 = new TextDecoder("utf-8");

function decodeName(bytes: Uint8Array, flags: number): string {
  if (flags & 0x800) return utf8.decode(bytes);
  let s = "";
  for (const c of bytes) s += String.fromCharCode(c);
  return s;
}

function findEnd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) if (u32(b, i) === SIG_END) return i;
  throw new ZipError("damaged", "no end of central directory");
}

/** The entries of a zip archive in the order of its central directory. Throws ZipError. */
export function readZip(b: Uint8Array): ZipEntry[] {
  const end = findEnd(b);
  let count = u16(b, end + 10);
  let cdSize = u32(b, end + 12);
  let cdOffset = u32(b, end + 16);
  if (end >= 20 && u32(b, end - 20) === SIG_END64_LOCATOR) {
    const at = u64(b, end - 12);
    if (at + 56 <= b.length && u32(b, at) === SIG_END64) {
      count = u64(b, at + 32);
      cdSize = u64(b, at + 40);
      cdOffset = u64(b, at + 48);
    }
  }
  if (cdOffset + cdSize > b.length) throw new ZipError("damaged", "central directory outside the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw new ZipError("damaged", "bad central directory entry");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const dosTime = u16(b, p + 12);
    const dosDate = u16(b, p + 14);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let local = u32(b, p + 42);
    const nameBytes = b.slice(p + 46, p + 46 + nameLen);
    // Zip64 extended information: the fields that are 0xFFFFFFFF in the header, in this order
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) { size = u64(b, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(b, q); q += 8; }
        if (local === 0xffffffff) local = u64(b, q);
      }
      x += 4 + len;
    }
    if (flags & 0x1) throw new ZipError("encrypted", "encrypted entry");
    if (local + 30 > b.length || u32(b, local) !== SIG_LOCAL) throw new ZipError("damaged", "bad local header");
    const dataStart = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataStart + compressedSize > b.length) throw new ZipError("damaged", "entry data outside the file");
    entries.push({
      name: decodeName(nameBytes, flags), nameBytes, method, flags, crc, compressedSize, size, dosTime, dosDate,
      raw: b.subarray(dataStart, dataStart + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Raw DEFLATE (RFC 1951) both ways. fflate by default; a host with a native zlib plugs it in. */
export interface DeflateCodec {
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array, level: 1 | 6): Uint8Array;
  /** the uncompressed bytes piece by piece, so a large part is never whole in memory (optional) */
  inflateChunks?(raw: Uint8Array): AsyncIterable<Uint8Array>;
  /** the CRC-32 of the zip format, continued from `crc` (optional: the portable one below otherwise) */
  crc32?(data: Uint8Array, crc: number): number;
  /**
   * one piece of a stream deflated on its own and flushed to a byte boundary, not final (optional: else a
   * part made piece by piece is joined and deflated whole); FINAL_EMPTY_BLOCK ends such a stream
   */
  deflatePiece?(piece: Uint8Array, level: 1 | 6, literals?: boolean): Uint8Array;
}

/** A final, empty block with fixed codes (RFC 1951 §3.2.6): what a deflater writes to end a stream. */
const FINAL_EMPTY_BLOCK = Uint8Array.of(0x03, 0x00);

/** Compressed bytes handed to the inflater at a time when a part is read in chunks. */
const CHUNK_IN = 1 << 16;

/** fflate's streaming inflater: each piece of input gives the output it completes. */
async function* fflateChunks(raw: Uint8Array): AsyncIterable<Uint8Array> {
  let out: Uint8Array[] = [];
  const inflater = new Inflate((data) => out.push(data));
  for (let i = 0; i < raw.length || i === 0; i += CHUNK_IN) {
    inflater.push(raw.subarray(i, i + CHUNK_IN), i + CHUNK_IN >= raw.length);
    for (const o of out) yield o;
    out = [];
  }
}

let codec: DeflateCodec = {
  inflate: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
  deflate: (data, level) => deflateSync(data, { level }),
  inflateChunks: fflateChunks,
};

/** Replace the DEFLATE implementation (the CLI uses Node's zlib: the same streams, several times faster). */
export function useDeflateCodec(c: DeflateCodec): void {
  codec = c;
}

/** The uncompressed bytes of an entry. Throws ZipError for a damaged entry or an unknown method. */
export function entryBytes(e: ZipEntry): Uint8Array {
  let out: Uint8Array;
  if (e.method === 0) out = e.raw;
  else if (e.method === 8) {
    try {
      out = codec.inflate(e.raw, e.size);
    } catch {
      throw new ZipError("damaged", `cannot inflate ${e.name}`);
    }
  } else throw new ZipError("unsupported", `compression method ${e.method}`);
  if (out.length !== e.size) throw new ZipError("damaged", `size mismatch in ${e.name}`);
  return out;
}

/**
 * The uncompressed bytes of an entry piece by piece. Throws ZipError (while iterating) for a damaged entry
 * or an unknown method.
 */
export async function* entryChunks(e: ZipEntry): AsyncIterable<Uint8Array> {
  if (e.method === 0) {
    yield e.raw;
    return;
  }
  if (e.method !== 8) throw new ZipError("unsupported", `compression method ${e.method}`);
  let n = 0;
  try {
    for await (const chunk of (codec.inflateChunks ?? fflateChunks)(e.raw)) {
      n += chunk.length;
      yield chunk;
    }
  } catch {
    throw new ZipError("damaged", `cannot inflate ${e.name}`);
  }
  if (n !== e.size) throw new ZipError("damaged", `size mismatch in ${e.name}`);
}

let CRC_TABLE: Uint32Array | undefined;
export function crc32(data: Uint8Array, crc = 0): number {
  if (codec.crc32) return codec.crc32(data, crc);
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8e = new TextEncoder();

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A new entry from uncompressed bytes (deflated unless tiny). */
export function newEntry(name: string, data: Uint8Array, when = new Date()): ZipEntry {
  const deflate = data.length > 64;
  // large parts (the snapshot, a long Berekening) are deflated faster at a small cost in size
  const raw = deflate ? codec.deflate(data, data.length > 262_144 ? 1 : 6) : data;
  return madeEntry(name, deflate ? 8 : 0, crc32(data), data.length, raw, when);
}

function madeEntry(name: string, method: number, crc: number, size: number, raw: Uint8Array, when: Date): ZipEntry {
  const nameBytes = utf8e.encode(name);
  const { time, date } = dosDateTime(when);
  return { name, nameBytes, method, flags: nameBytes.length === name.length ? 0 : 0x800, crc, compressedSize: raw.length, size, dosTime: time, dosDate: date, raw };
}

/**
 * A new entry written piece by piece (a large part: always deflated, fast): each piece is deflated as it
 * comes, when the platform can, so only the compressed bytes are kept. A piece may be reused by the caller
 * after `push`.
 */
export class EntryWriter {
  private size = 0;
  private crc = 0;
  private readonly out: Uint8Array[] = [];

  /** `literals`: Huffman codes alone (text that hardly repeats: a third of level 1's time, and smaller) */
  constructor(private readonly literals = false) {}

  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.size += piece.length;
    this.crc = crc32(piece, this.crc);
    this.out.push(codec.deflatePiece ? codec.deflatePiece(piece, 1, this.literals) : piece.slice());
  }

  entry(name: string, when = new Date()): ZipEntry {
    // each piece flushed to a byte boundary, then a final empty block: one valid stream (RFC 1951 §3.2.3)
    const raw = codec.deflatePiece ? joinPieces([...this.out, FINAL_EMPTY_BLOCK]) : codec.deflate(joinPieces(this.out), 1);
    return madeEntry(name, 8, this.crc, this.size, raw, when);
  }
}

/** Pieces of bytes as one array. */
export function joinPieces(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of pieces) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The same entry with the time a new entry gets (a part deflated before the package is written). */
export function entryAt(e: ZipEntry, when = new Date()): ZipEntry {
  const { time, date } = dosDateTime(when);
  return { ...e, dosTime: time, dosDate: date };
}

/** Write entries as a zip archive. Entries copied from another archive keep their compressed bytes. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  return joinPieces(zipChunks(entries));
}

/**
 * The archive as pieces to write one after the other: each entry's local header, its compressed bytes as
 * they are (not copied), and the central directory, so a large output is never whole in memory.
 */
export function zipChunks(entries: ZipEntry[]): Uint8Array[] {
  let total = 22;
  for (const e of entries) total += 30 + e.nameBytes.length + e.raw.length + 46 + e.nameBytes.length;
  if (total > 0xfffffff0 || entries.length > 0xfffe) throw new ZipError("unsupported", "archive too large");
  const chunks: Uint8Array[] = [];
  let p = 0;
  const offsets: number[] = [];
  // data descriptors are not written: sizes and CRC are in the local header, so flag bit 3 is cleared
  const flagsOf = (e: ZipEntry) => e.flags & 0x800;
  for (const e of entries) {
    offsets.push(p);
    const head = new Uint8Array(30 + e.nameBytes.length);
    const dv = new DataView(head.buffer);
    dv.setUint32(0, SIG_LOCAL, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, flagsOf(e), true);
    dv.setUint16(8, e.method, true);
    dv.setUint16(10, e.dosTime, true);
    dv.setUint16(12, e.dosDate, true);
    dv.setUint32(14, e.crc, true);
    dv.setUint32(18, e.raw.length, true);
    dv.setUint32(22, e.size, true);
    dv.setUint16(26, e.nameBytes.length, true);
    dv.setUint16(28, 0, true);
    head.set(e.nameBytes, 30);
    chunks.push(head);
    if (e.raw.length > 0) chunks.push(e.raw);
    p += head.length + e.raw.length;
  }
  const cd = p;
  let cdSize = 22;
  for (const e of entries) cdSize += 46 + e.nameBytes.length;
  const dir = new Uint8Array(cdSize);
  const dv = new DataView(dir.buffer);
  let q = 0;
  entries.forEach((e, i) => {
    dv.setUint32(q, SIG_CENTRAL, true);
    dv.setUint16(q + 4, 20, true);
    dv.setUint16(q + 6, 20, true);
    dv.setUint16(q + 8, flagsOf(e), true);
    dv.setUint16(q + 10, e.method, true);
    dv.setUint16(q + 12, e.dosTime, true);
    dv.setUint16(q + 14, e.dosDate, true);
    dv.setUint32(q + 16, e.crc, true);
    dv.setUint32(q + 20, e.raw.length, true);
    dv.setUint32(q + 24, e.size, true);
    dv.setUint16(q + 28, e.nameBytes.length, true);
    dv.setUint32(q + 42, offsets[i], true);
    dir.set(e.nameBytes, q + 46);
    q += 46 + e.nameBytes.length;
  });
  dv.setUint32(q, SIG_END, true);
  dv.setUint16(q + 8, entries.length, true);
  dv.setUint16(q + 10, entries.length, true);
  dv.setUint32(q + 12, q, true);
  dv.setUint32(q + 16, cd, true);
  chunks.push(dir);
  return chunks;
}
