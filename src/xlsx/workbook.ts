/**
 * What the file host needs to know of a workbook package before it reads any cell: where the workbook part
 * is, its sheets (name, state, part), the date system, the shared strings and which cell styles show dates.
 */
import { checkWellFormed, scanXml, XmlError } from "./xml-scan";
import { attr, findTags, Package, REL, relsPathOf, type Relationship } from "./package";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  sheetId: number;
  state: SheetState;
  /** relationship id in the workbook's relationships */
  rId: string;
  /** the worksheet part, or "" when the relationship is missing or is not a worksheet (a chart sheet) */
  part: string;
  /** "worksheet", "chartsheet", "dialogsheet", … (last segment of the relationship type) */
  kind: string;
}

export interface WorkbookInfo {
  /** the workbook part, e.g. xl/workbook.xml */
  part: string;
  sheets: SheetEntry[];
  date1904: boolean;
  rels: Relationship[];
  sharedStringsPart?: string;
  stylesPart?: string;
}

export class PackageError extends Error {
  constructor(readonly kind: "not-workbook" | "macro" | "binary" | "template", message: string) {
    super(message);
  }
}

/** A part the file host reads or edits that is not well-formed XML: the file is damaged. */
export class DamagedPartError extends Error {
  constructor(readonly part: string, readonly sheet: string | undefined, cause: string) {
    super(`${part}: ${cause}`);
  }
}

/** Run `scan` over a part (or just check the part), turning an XmlError into a DamagedPartError. */
export function scanPart<T>(pkg: Package, part: string, scan: () => T, sheet?: string): T {
  try {
    return scan();
  } catch (e) {
    if (e instanceof XmlError) throw new DamagedPartError(pkg.resolve(part) ?? part, sheet, e.message);
    throw e;
  }
}

/** Throw a DamagedPartError when `part` is in the package and is not well-formed XML. */
export function requireWellFormed(pkg: Package, part: string | undefined): void {
  const xml = part === undefined ? undefined : pkg.text(part);
  if (part !== undefined && xml !== undefined) scanPart(pkg, part, () => checkWellFormed(xml));
}

/**
 * Where the workbook is, its sheets, date system, shared strings and styles. The package's content types,
 * its relationships and the workbook part with its relationships must be well-formed XML (DamagedPartError):
 * they are read here and edited by the writer.
 */
export function workbookInfo(pkg: Package): WorkbookInfo {
  requireWellFormed(pkg, "[Content_Types].xml");
  requireWellFormed(pkg, "_rels/.rels");
  const root = pkg.relationships("");
  const doc = root.find((r) => r.type.endsWith("/officeDocument") && !r.external);
  const part = doc?.part && pkg.has(doc.part) ? pkg.resolve(doc.part)! : pkg.resolve("xl/workbook.xml");
  if (!part) throw new PackageError("not-workbook", "no workbook part");
  const type = pkg.contentType(part) ?? "";
  if (/macroEnabled\.main\+xml$/i.test(type)) throw new PackageError("macro", type);
  if (/binary/i.test(type) || part.toLowerCase().endsWith(".bin")) throw new PackageError("binary", type);
  if (/template\.main/i.test(type)) throw new PackageError("template", type);
  requireWellFormed(pkg, part);
  requireWellFormed(pkg, relsPathOf(part));
  const xml = pkg.text(part) ?? "";
  if (!/<(?:[\w.-]+:)?workbook[\s>]/.test(xml)) throw new PackageError("not-workbook", "no workbook element");
  const rels = pkg.relationships(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = findTags(xml, "sheet").map(({ attrs }) => {
    const rId = attr(attrs, "id") ?? "";
    const rel = byId.get(rId);
    const kind = rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "";
    const state = (attrs.state ?? "visible") as SheetState;
    return {
      name: attrs.name ?? "", sheetId: Number(attrs.sheetId ?? 0), rId,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      part: rel && !rel.external && kind === "worksheet" ? pkg.resolve(rel.part) ?? "" : "", kind,
    };
  });
  const pr = findTags(xml, "workbookPr")[0]?.attrs ?? {};
  const date1904 = pr.date1904 === "1" || pr.date1904 === "true";
  const find = (t: string) => {
    const r = rels.find((x) => x.type === t || x.type.endsWith(t.slice(t.lastIndexOf("/"))));
    return r && !r.external ? pkg.resolve(r.part) : undefined;
  };
  return { part, sheets, date1904, rels, sharedStringsPart: find(REL.sharedStrings), stylesPart: find(REL.styles) };
}

/** The shared strings: rich-text runs joined, phonetic runs (rPh) left out. */
export function sharedStrings(pkg: Package, part: string | undefined): string[] {
  const xml = part ? pkg.text(part) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  scanXml(xml, {
    open(n) {
      if (n === "si") { inSi = true; cur = ""; }
      else if (n === "rPh") phonetic++;
      else if (n === "t" && inSi && phonetic === 0) inT = true;
    },
    text(s) { cur += s; },
    close(n) {
      if (n === "t") inT = false;
      else if (n === "rPh") phonetic--;
      else if (n === "si") { out.push(decodeEscapes(cur)); inSi = false; }
    },
  }, () => inT);
  return out;
}

/** Excel's escape for characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` a literal `_`. */
export function decodeEscapes(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30, plus the East Asian date ids). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format code shows a date or a time. */
export function isDateFormat(code: string): boolean {
  const first = code.split(";")[0];
  const stripped = first
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  if (/general/i.test(stripped)) return false;
  // outside quotes, escapes and brackets these letters only occur as date and time codes
  return /[dmyhs]/i.test(stripped);
}

/** Per cell style index (cellXfs), whether it shows dates. */
export function dateStyles(pkg: Package, part: string | undefined): boolean[] {
  const xml = part ? pkg.text(part) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const { attrs } of findTags(xml, "numFmt")) custom.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
  const start = xml.search(/<(?:[\w.-]+:)?cellXfs[\s>]/);
  if (start < 0) return [];
  const end = xml.indexOf("cellXfs>", start + 8);
  const block = xml.slice(start, end < 0 ? undefined : end);
  return findTags(block, "xf").map(({ attrs }) => {
    const id = Number(attrs.numFmtId ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id);
  });
}

