/**
 * What a test can check of PDF/A-2b in a signing PDF (tests only).
 *
 * - `preflightErrors`: Apache PDFBox Preflight (Debian `libpdfbox2-java`, run with the JRE) validates
 *   PDF/A-1b, the older and in almost every rule stricter part. Its findings are returned except the two
 *   that are PDF/A-1 rules only: the identification's part number (ours is 2) and the CIDSet of a subset
 *   font (required by PDF/A-1, optional in PDF/A-2). veraPDF, which validates PDF/A-2 itself, is in neither
 *   the npm registry nor Debian.
 * - `pdfaFacts`: the parts of PDF/A-2b read here directly: the header, the XMP packet (parsed as XML with
 *   namespaces), the output intents with their ICC profiles, the catalog's /Lang, the trailer's /ID and
 *   /Encrypt, and pdffonts/pdfinfo (poppler-utils). The object lookup is written for pdfkit's output
 *   (plain objects, no object streams), which is what both renderers write.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { SaxesParser } from "saxes";

const JARS = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"].map((j) => `/usr/share/java/${j}.jar`);
/** The Debian packages Preflight needs (with a JRE, `default-jre-headless`, where `java` is missing). */
export const PREFLIGHT_PACKAGES = "libpdfbox2-java libactivation-java libjaxb-api-java";

function hasJava(): boolean {
  try {
    execFileSync("java", ["-version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}
export const PREFLIGHT_AVAILABLE = JARS.every(existsSync) && hasJava();

/** The PDF/A-1-only findings that a PDF/A-2b file is expected to give (see above). */
export const PDFA1_ONLY = [/^7\.11\.2 : Error on MetaData, part must be 1$/, /^3\.1\.11 : .*The CIDSet entry is missing/];

/** Preflight's findings ("code : text"), without the PDF/A-1-only ones; [] when the file passes. */
export function preflightErrors(file: string): string[] {
  let out: string;
  try {
    out = execFileSync("java", ["-cp", JARS.join(":"), "org.apache.pdfbox.preflight.Validator_A1b", file], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? e);
  }
  if (/is a valid PDF\/A-1b file/.test(out)) return [];
  if (!/is not a valid PDF\/A-1b file/.test(out)) throw new Error(`Preflight gave no verdict: ${out}`);
  const lines = out.split("\n").map((l) => l.trim()).filter((l) => /^\d+(\.\d+)* : /.test(l));
  return [...new Set(lines)].filter((l) => !PDFA1_ONLY.some((re) => re.test(l)));
}

export interface PdfaFacts {
  /** the first line, e.g. "%PDF-1.7" */
  header: string;
  /** the second line is a comment of at least four bytes above 127 (marks the file as binary) */
  binaryComment: boolean;
  /** the XMP packet's text, and the properties read from it (rdf:li text for dc:title and dc:description) */
  xmpPacket: string;
  xmp: Record<"part" | "conformance" | "title" | "description" | "keywords" | "creatorTool" | "producer" | "createDate", string>;
  outputIntents: Array<{ subtype: string; identifier: string; components: number; profile: Buffer }>;
  lang: string | null;
  /** the trailer's /ID pair, as hex */
  id: string[];
  encrypted: boolean;
  /** pdffonts: name, type, embedded */
  fonts: Array<{ name: string; type: string; embedded: boolean }>;
  /** pdfinfo: the document information dictionary as poppler reads it */
  info: Record<string, string>;
}

/** The dictionary (and stream head) of object `ref 0 obj`, and where that object starts. */
function objectAt(pdf: string, ref: string): { text: string; at: number } {
  const m = new RegExp(`\\n${ref} 0 obj\\n`).exec(pdf);
  if (!m) throw new Error(`object ${ref} not found`);
  const at = m.index + m[0].length;
  const end = pdf.indexOf("\nendobj", at);
  return { text: pdf.slice(at, end), at };
}
const objectText = (pdf: string, ref: string) => objectAt(pdf, ref).text;

function streamBytes(bytes: Buffer, pdf: string, ref: string): Buffer {
  const { text, at } = objectAt(pdf, ref);
  const start = at + text.indexOf(">>\nstream\n") + ">>\nstream\n".length;
  const length = Number(/\/Length (\d+)\n/.exec(text)?.[1]);
  const raw = bytes.subarray(start, start + length);
  return /\/Filter \/FlateDecode/.test(text) ? inflateSync(raw) : raw;
}

const NS = {
  pdfaid: "http://www.aiim.org/pdfa/ns/id/",
  dc: "http://purl.org/dc/elements/1.1/",
  pdf: "http://ns.adobe.com/pdf/1.3/",
  xmp: "http://ns.adobe.com/xap/1.0/",
};
const PROPS: Record<string, keyof PdfaFacts["xmp"]> = {
  [`${NS.pdfaid}part`]: "part",
  [`${NS.pdfaid}conformance`]: "conformance",
  [`${NS.dc}title`]: "title",
  [`${NS.dc}description`]: "description",
  [`${NS.pdf}Keywords`]: "keywords",
  [`${NS.pdf}Producer`]: "producer",
  [`${NS.xmp}CreatorTool`]: "creatorTool",
  [`${NS.xmp}CreateDate`]: "createDate",
};

/** The XMP properties; throws when the packet is not well-formed XML with namespaces. */
export function readXmp(packet: string): PdfaFacts["xmp"] {
  const xmp: PdfaFacts["xmp"] = { part: "", conformance: "", title: "", description: "", keywords: "", creatorTool: "", producer: "", createDate: "" };
  const open: Array<keyof PdfaFacts["xmp"] | undefined> = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (t) => open.push(PROPS[`${t.uri}${t.local}`]));
  parser.on("closetag", () => void open.pop());
  parser.on("text", (s) => {
    const key = [...open].reverse().find((k) => k !== undefined);
    if (key) xmp[key] += s.trim();
  });
  parser.write(packet).close();
  return xmp;
}

export function pdfaFacts(file: string): PdfaFacts {
  const bytes = readFileSync(file);
  const pdf = bytes.toString("latin1");
  const [header, second] = pdf.split("\n", 2);
  const trailer = pdf.slice(pdf.lastIndexOf("trailer"));
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  if (!root) throw new Error("no /Root in the trailer");
  const catalog = objectText(pdf, root);
  const metadataRef = /\/Metadata (\d+) 0 R/.exec(catalog)?.[1];
  const xmpPacket = metadataRef ? streamBytes(bytes, pdf, metadataRef).toString("utf8") : "";
  const intentRefs = [.../\/OutputIntents \[([^\]]*)\]/.exec(catalog)?.[1].matchAll(/(\d+) 0 R/g) ?? []].map((m) => m[1]);
  const outputIntents = intentRefs.map((ref) => {
    const intent = objectText(pdf, ref);
    const profileRef = /\/DestOutputProfile (\d+) 0 R/.exec(intent)?.[1] ?? "";
    return {
      subtype: /\/S \/(\w+)/.exec(intent)?.[1] ?? "",
      identifier: /\/OutputConditionIdentifier \(([^)]*)\)/.exec(intent)?.[1] ?? "",
      components: Number(/\/N (\d+)/.exec(objectText(pdf, profileRef))?.[1]),
      profile: streamBytes(bytes, pdf, profileRef),
    };
  });
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2).map((l) => {
    const m = /^(\S+)\s+(.+?)\s+\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l);
    if (!m) throw new Error(`pdffonts row not understood: ${l}`);
    return { name: m[1], type: m[2], embedded: m[3] === "yes" };
  });
  const info: Record<string, string> = {};
  for (const l of execFileSync("pdfinfo", [file], { encoding: "utf8" }).split("\n")) {
    const m = /^([^:]+):\s+(.*)$/.exec(l);
    if (m) info[m[1]] = m[2];
  }
  return {
    header,
    binaryComment: second.startsWith("%") && [...second.slice(1, 5)].every((c) => c.charCodeAt(0) > 127),
    xmpPacket,
    xmp: xmpPacket ? readXmp(xmpPacket) : readXmp("<empty/>"),
    outputIntents,
    lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null,
    id: [.../\/ID \[\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\]/.exec(trailer)?.slice(1) ?? []],
    encrypted: /\/Encrypt\b/.test(trailer),
    fonts,
    info,
  };
}

/** An ICC profile's header fields: size, device class, colour space, connection space, and its 'desc' text. */
export function iccHeader(p: Buffer): { size: number; signature: string; deviceClass: string; colourSpace: string; pcs: string; description: string } {
  const tagCount = p.readUInt32BE(128);
  let description = "";
  for (let i = 0; i < tagCount; i++) {
    const at = 132 + 12 * i;
    if (p.toString("latin1", at, at + 4) !== "desc") continue;
    const off = p.readUInt32BE(at + 4);
    const len = p.readUInt32BE(off + 8); // textDescriptionType: ASCII count, then the text with its NUL
    description = p.toString("latin1", off + 12, off + 12 + len - 1);
  }
  return {
    size: p.readUInt32BE(0),
    signature: p.toString("latin1", 36, 40),
    deviceClass: p.toString("latin1", 12, 16),
    colourSpace: p.toString("latin1", 16, 20),
    pcs: p.toString("latin1", 20, 24),
    description,
  };
}
