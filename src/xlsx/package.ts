/**
 * An OPC package (the parts of an .xlsx) over the zip container: parts by name (case-insensitively, as
 * OPC wants), relationships with targets resolved the way the standard says (absolute from the package
 * root, relative from the source part's folder), and the content types. Parts that are never replaced are
 * written back with their original compressed bytes.
 */
import { entryAt, entryBytes, EntryWriter, joinPieces, newEntry, readZip, writeZip, zipChunks, type ZipEntry } from "./zip";

/** A part written piece by piece: the bytes handed to `push` in order. */
/**
 * A part's content handed over piece by piece; `literals` says the text hardly repeats itself (the
 * snapshot's hex digits), so it is deflated with Huffman codes alone, without the search for repeats.
 */
export type PartWriter = ((push: (bytes: Uint8Array) => void) => void) & { literals?: boolean };

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
} as const;

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** the target as written */
  target: string;
  external: boolean;
  /** the part name it points to (no leading '/'), for internal targets */
  part: string;
}

const dec = new TextDecoder("utf-8");
const enc = new TextEncoder();

/** Text of an XML part: UTF-8, or UTF-16 with a byte order mark; the BOM is dropped. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const s = dec.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Whether `_xHHHH_` starts at `i` (Excel's escape of a character, which a literal must not be read as). */
function escapeAt(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== 120 || s.charCodeAt(i + 6) !== 95) return false;
  for (let k = i + 2; k < i + 6; k++) if (!isHex(s.charCodeAt(k))) return false;
  return true;
}

/** What escapeXml may change: the four entities' characters, those XML does not allow, and `_x` (a possible escape). */
// eslint-disable-next-line no-control-regex -- those characters are what it looks for
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_x/;

/**
 * Text for XML content or an attribute: `&<>"` as entities; characters XML 1.0 does not allow written the
 * way Excel escapes them (`_xHHHH_`), and a literal `_xHHHH_` kept literal (`_x005F_xHHHH_`). One pass that
 * copies the runs in between (a whole ledger export writes millions of cells).
 */
export function escapeXml(s: string): string {
  // most texts need nothing (the snapshot's 17 MB of hex digits): the regular expression finds that faster
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = "";
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 34) rep = "&quot;";
    else if (c === 95) {
      if (!escapeAt(s, i)) continue;
      out += s.slice(copied, i) + "_x005F_";
      // the escape's own characters follow as they are (the search goes on after them)
      out += s.slice(i + 1, i + 7);
      copied = i + 7;
      i += 6;
      continue;
    } else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) {
      rep = `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
    } else continue;
    out += s.slice(copied, i) + rep;
    copied = i + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Attributes of one start tag's text (`name="…"` pairs), values unescaped; keys as written (with prefix). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** The value of the attribute with this local name, whatever its prefix. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const k of Object.keys(attrs)) if (k.endsWith(`:${local}`) && !k.startsWith("xmlns")) return attrs[k];
  return undefined;
}

/** Start tags (or empty-element tags) whose local name is `local`, with their text and position. */
export function findTags(xml: string, local: string): Array<{ text: string; index: number; attrs: Record<string, string> }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, "g");
  const out: Array<{ text: string; index: number; attrs: Record<string, string> }> = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ text: m[0], index: m.index, attrs: attributes(m[0]) });
  return out;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; package: `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against its source part (OPC): absolute from the root, else relative. */
export function resolveTarget(source: string, target: string): string {
  let t = target.trim();
  try {
    t = decodeURI(t);
  } catch {
    /* keep as written */
  }
  t = t.replace(/\\/g, "/").split("#")[0];
  const joined = t.startsWith("/") ? t.slice(1) : dirOf(source) + t;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** A relative target from `source` to `part`, the way Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

interface Part {
  entry?: ZipEntry;
  /** replaced or new content */
  data?: Uint8Array;
  /** `entry` was made here from new content (deflated when it was set; its time is set when written) */
  fresh?: boolean;
}

/**
 * New content larger than this is deflated as it is set, so only its compressed bytes are held (a whole
 * ledger export's report has a Berekening of some 27 MB and a snapshot of 17 MB).
 */
const DEFLATE_WHEN_SET = 1 << 20;

export class Package {
  /** part name (as stored) → part, in archive order */
  private readonly parts = new Map<string, Part>();
  /** lower-cased name → stored name */
  private readonly names = new Map<string, string>();
  private readonly cache = new Map<string, string>();

  static fromBytes(bytes: Uint8Array): Package {
    const p = new Package();
    for (const e of readZip(bytes)) {
      if (e.name.endsWith("/")) continue; // folder entries
      p.parts.set(e.name, { entry: e });
      p.names.set(e.name.toLowerCase(), e.name);
    }
    return p;
  }

  /** The stored name of a part, matched case-insensitively (OPC part names are). */
  resolve(name: string): string | undefined {
    return this.names.get(name.replace(/^\//, "").toLowerCase());
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  partNames(): string[] {
    return [...this.parts.keys()];
  }

  bytes(name: string): Uint8Array | undefined {
    const n = this.resolve(name);
    if (n === undefined) return undefined;
    const part = this.parts.get(n)!;
    return part.data ?? entryBytes(part.entry!);
  }

  /**
   * The zip entry of a part (for reading it in chunks): as read from the file, or as deflated when large
   * new content was set; undefined when the part is not there or holds new content not yet deflated.
   */
  entry(name: string): ZipEntry | undefined {
    const n = this.resolve(name);
    const part = n === undefined ? undefined : this.parts.get(n);
    return part && !part.data ? part.entry : undefined;
  }

  text(name: string): string | undefined {
    const n = this.resolve(name);
    if (n === undefined) return undefined;
    const hit = this.cache.get(n);
    if (hit !== undefined) return hit;
    const b = this.bytes(n)!;
    const s = xmlText(b);
    // keep small parts (workbook, rels, content types, styles) decoded; sheet XML is read once
    if (b.length < 1_000_000) this.cache.set(n, s);
    return s;
  }

  /**
   * New content of a part: text, bytes, bytes in pieces (joined only when small), or a writer that hands
   * over its bytes piece by piece (deflated as they come: a large sheet).
   */
  set(name: string, content: string | Uint8Array | Uint8Array[] | PartWriter): void {
    let writer: EntryWriter | null = null;
    if (typeof content === "function" || (Array.isArray(content) && content.reduce((n, c) => n + c.length, 0) > DEFLATE_WHEN_SET)) {
      writer = new EntryWriter(typeof content === "function" && content.literals === true);
      const w = writer;
      if (typeof content === "function") content((b) => w.push(b));
      else for (const b of content) w.push(b);
    }
    const data = writer ? null : typeof content === "string" ? enc.encode(content) : Array.isArray(content) ? joinPieces(content) : (content as Uint8Array);
    const n = this.resolve(name) ?? name.replace(/^\//, "");
    let part = this.parts.get(n);
    if (!part) {
      part = {};
      this.parts.set(n, part);
      this.names.set(n.toLowerCase(), n);
    }
    if (data && data.length <= DEFLATE_WHEN_SET) part.data = data;
    else {
      part.entry = writer ? writer.entry(n) : newEntry(n, data ?? new Uint8Array(0));
      part.data = undefined;
      part.fresh = true;
    }
    this.cache.delete(n);
  }

  delete(name: string): void {
    const n = this.resolve(name);
    if (n === undefined) return;
    this.parts.delete(n);
    this.names.delete(n.toLowerCase());
    this.cache.delete(n);
  }

  /** A part name not yet in use: `xl/worksheets/sheet{n}.xml` with the lowest free n ≥ 1. */
  freeName(prefix: string, suffix: string): string {
    for (let i = 1; ; i++) if (!this.has(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
  }

  relationships(source: string): Relationship[] {
    const xml = this.text(source === "" ? "_rels/.rels" : relsPathOf(source));
    if (!xml) return [];
    return findTags(xml, "Relationship").map(({ attrs }) => {
      const external = (attrs.TargetMode ?? "").toLowerCase() === "external";
      const target = attrs.Target ?? "";
      return { id: attrs.Id ?? "", type: attrs.Type ?? "", target, external, part: external ? "" : resolveTarget(source, target) };
    });
  }

  /** The content type of a part (Override, else Default by extension). */
  contentType(part: string): string | undefined {
    const xml = this.text("[Content_Types].xml") ?? "";
    const name = `/${part}`.toLowerCase();
    for (const o of findTags(xml, "Override")) if ((o.attrs.PartName ?? "").toLowerCase() === name) return o.attrs.ContentType;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const d of findTags(xml, "Default")) if ((d.attrs.Extension ?? "").toLowerCase() === ext) return d.attrs.ContentType;
    return undefined;
  }

  /** The archive: unchanged parts with their original compressed bytes, in their original order. */
  toBytes(when?: Date): Uint8Array {
    return writeZip(this.entries(when));
  }

  /** The archive in pieces (zipChunks): for writing to a file without the whole archive in memory. */
  toChunks(when?: Date): Uint8Array[] {
    return zipChunks(this.entries(when));
  }

  private entries(when?: Date): ZipEntry[] {
    const entries: ZipEntry[] = [];
    const ct = this.resolve("[Content_Types].xml");
    const order = [...this.parts.keys()];
    // [Content_Types].xml first, as Excel writes it
    if (ct) order.sort((a, b) => (a === ct ? -1 : b === ct ? 1 : 0));
    for (const n of order) {
      const part = this.parts.get(n)!;
      if (part.data === undefined && part.entry) entries.push(part.fresh ? entryAt(part.entry, when) : part.entry);
      else entries.push(newEntry(n, part.data!, when));
    }
    return entries;
  }
}
