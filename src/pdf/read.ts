/**
 * Reads the addendum fingerprint back from a signing document (PDF): from the document information
 * dictionary (`/Vingerafdruk`, written by `signingDocument`), also when a later tool (a signing program)
 * wrote the dictionary as a hex string, or moved it into a compressed object stream. Host-neutral.
 */
import { unzlibSync } from "fflate";
import { PDF_FINGERPRINT_KEY } from "./document";

const HEX64 = /^[0-9a-f]{64}$/;

/** A PDF string literal `( … )` or hex string `< … >` → its text (UTF-16BE with BOM, or PDFDocEncoding ≈ Latin-1). */
function pdfString(raw: string): string {
  let bytes: number[];
  if (raw.startsWith("<")) {
    const hex = raw.slice(1, -1).replace(/\s+/g, "");
    bytes = [];
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  } else {
    const body = raw.slice(1, -1);
    bytes = [];
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch !== "\\") {
        bytes.push(body.charCodeAt(i) & 0xff);
        continue;
      }
      const n = body[++i];
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
      if (n in esc) bytes.push(esc[n]);
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? "")) oct += body[++i];
        bytes.push(parseInt(oct, 8) & 0xff);
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return s;
  }
  return String.fromCharCode(...bytes);
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

const STRING = "\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>";

/** The fingerprint under its key in `text`: a direct string, or an indirect object `n g R` defined in `whole`. */
function findIn(text: string, whole: string): string | null {
  const re = new RegExp(`/${PDF_FINGERPRINT_KEY}\\s*(${STRING}|(\\d+)\\s+(\\d+)\\s+R)`, "g");
  let found: string | null = null;
  for (const m of text.matchAll(re)) {
    let raw: string | undefined = m[1];
    if (m[2] !== undefined) {
      const obj = new RegExp(`(?:^|[\\r\\n\\s])${m[2]}\\s+${m[3]}\\s+obj\\s*(${STRING})`, "g");
      raw = [...whole.matchAll(obj)].pop()?.[1];
    }
    const v = raw ? pdfString(raw).trim().toLowerCase() : "";
    if (HEX64.test(v)) found = v; // the last one wins: an incremental update appends a newer dictionary
  }
  return found;
}

/** The fingerprint in the PDF's metadata, or null when it has none. */
export function fingerprintFromPdf(bytes: Uint8Array): string | null {
  const text = latin1(bytes);
  if (!text.startsWith("%PDF-")) return null;
  const direct = findIn(text, text);
  if (direct) return direct;
  // compressed object streams (PDF 1.5+): inflate each Flate stream and look inside
  const streams = /stream\r?\n/g;
  for (const m of text.matchAll(streams)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    try {
      const found = findIn(latin1(unzlibSync(bytes.subarray(start, end))), text);
      if (found) return found;
    } catch {
      // not a Flate stream, or an image: skip
    }
  }
  return null;
}
