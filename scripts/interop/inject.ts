/**
 * Package surgery for the interop corpus, on the zip entries with jszip:
 * - `injectInputs`: add the example's input sheets to a workbook someone else wrote (here: files Microsoft
 *   Excel saved), as new worksheet parts with inline strings. Only the workbook's sheet list, its
 *   relationships, `[Content_Types].xml` and `styles.xml` (one appended date style) are edited; every other
 *   part keeps its bytes.
 * - `removeStyles`: a package without a styles part.
 * - `richText`: shared strings rewritten as rich-text runs (openpyxl 3.0 cannot write them).
 */
import JSZip from "jszip";
import type { ExampleCell, ExampleInputs } from "./example";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const xmlUnescape = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

function colLetters(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Days since the workbook's epoch (1900 system with Excel's phantom 29 Feb 1900, or 1904). */
export function serial(iso: string, date1904: boolean): number {
  const t = Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  return date1904 ? t - Date.UTC(1904, 0, 1) / 86_400_000 : t - Date.UTC(1899, 11, 30) / 86_400_000;
}

async function text(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} missing from the package`);
  return f.async("string");
}

function cellXml(ref: string, v: ExampleCell, dateStyle: number, date1904: boolean): string {
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string") {
    const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlEscape(v)}</t></is></c>`;
  }
  return `<c r="${ref}" s="${dateStyle}"><v>${serial(v.date, date1904)}</v></c>`;
}

function sheetXml(headers: string[], rows: ExampleCell[][], dateStyle: number, date1904: boolean): string {
  const all: ExampleCell[][] = [headers, ...rows];
  const body = all.map((row, i) => {
    const r = i + 1;
    return `<row r="${r}">${row.map((v, c) => cellXml(`${colLetters(c + 1)}${r}`, v, dateStyle, date1904)).join("")}</row>`;
  }).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
    + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}">`
    + `<dimension ref="A1:${colLetters(headers.length)}${all.length}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>`
    + `<sheetFormatPr defaultRowHeight="15"/><sheetData>${body}</sheetData>`
    + `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/**
 * Add the example's input sheets after the workbook's own sheets. Returns the new package bytes.
 * Assumes the workbook part is xl/workbook.xml (true of every Excel file).
 */
export async function injectInputs(bytes: Uint8Array, inputs: ExampleInputs): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let workbook = await text(zip, "xl/workbook.xml");
  let rels = await text(zip, "xl/_rels/workbook.xml.rels");
  let types = await text(zip, "[Content_Types].xml");
  let styles = await text(zip, "xl/styles.xml");
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);

  // the r: prefix bound to the relationships namespace on the workbook element
  const prefix = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[/.]/g, "\\$&")}"`).exec(workbook)?.[1];
  if (!prefix) throw new Error("workbook.xml has no prefix for the relationships namespace");

  // one date style appended to cellXfs (built-in format 14, a date)
  const xfs = /<cellXfs count="(\d+)">/.exec(styles);
  if (!xfs) throw new Error("styles.xml has no cellXfs");
  const dateStyle = Number(xfs[1]);
  styles = styles.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, inner: string) =>
    `<cellXfs count="${dateStyle + 1}">${inner}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);

  const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(0, ...sheetIds) + 1;
  const used = new Set(Object.keys(zip.files));
  let n = 100;
  const sheetEntries: string[] = [];
  const relEntries: string[] = [];
  const typeEntries: string[] = [];
  for (const s of inputs.sheets) {
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    used.add(part);
    const rid = `rIdDvo${n}`;
    zip.file(part, sheetXml(s.headers, s.rows, dateStyle, date1904));
    sheetEntries.push(`<sheet name="${xmlEscape(s.name)}" sheetId="${nextId++}" ${prefix}:id="${rid}"/>`);
    relEntries.push(`<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/>`);
    typeEntries.push(`<Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>`);
  }
  workbook = workbook.replace(/<\/((?:\w+:)?)sheets>/, (m) => `${sheetEntries.join("")}${m}`);
  rels = rels.replace("</Relationships>", `${relEntries.join("")}</Relationships>`);
  types = types.replace("</Types>", `${typeEntries.join("")}</Types>`);
  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  zip.file("xl/styles.xml", styles);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The same package without `xl/styles.xml`, its relationship and its content-type entry. */
export async function removeStyles(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const relsOut = rels.replace(/<Relationship\b[^>]*Type="[^"]*\/styles"[^>]*\/>/g, "");
  if (relsOut === rels) throw new Error("no styles relationship to remove");
  const types = await text(zip, "[Content_Types].xml");
  const typesOut = types.replace(/<Override\b[^>]*PartName="\/xl\/styles\.xml"[^>]*\/>/g, "");
  if (!zip.file("xl/styles.xml")) throw new Error("no xl/styles.xml to remove");
  zip.remove("xl/styles.xml");
  zip.file("xl/_rels/workbook.xml.rels", relsOut);
  zip.file("[Content_Types].xml", typesOut);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function runs(escaped: string): string | null {
  const s = xmlUnescape(escaped);
  if (s.length < 2) return null;
  const cut = Math.ceil(s.length / 2);
  return `<r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">${xmlEscape(s.slice(0, cut))}</t></r>`
    + `<r><rPr><sz val="11"/><color rgb="FF1F4E79"/><rFont val="Calibri"/></rPr><t xml:space="preserve">${xmlEscape(s.slice(cut))}</t></r>`;
}

/**
 * Every text of two or more characters becomes two rich-text runs (bold, then coloured): in the shared
 * strings if there are any, and in the worksheets' inline strings (openpyxl 3.0 writes those).
 */
export async function richText(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let count = 0;
  const rewrite = (xml: string, open: string, close: string): string =>
    xml.replace(new RegExp(`${open}<t(?: xml:space="preserve")?>([^<]*)</t>${close}`, "g"), (m, escaped: string) => {
      const r = runs(escaped);
      if (r === null) return m;
      count++;
      return `${open}${r}${close}`;
    });
  for (const name of Object.keys(zip.files)) {
    if (name === "xl/sharedStrings.xml") zip.file(name, rewrite(await text(zip, name), "<si>", "</si>"));
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) zip.file(name, rewrite(await text(zip, name), "<is>", "</is>"));
  }
  if (count === 0) throw new Error("no strings rewritten");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
