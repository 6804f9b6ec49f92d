/**
 * A whole municipal ledger export as the Realisatie sheet (issue 19), up to Excel's last row: the case
 * workbook's other sheets from the template (exceljs), and the Realisatie sheet written straight as sheet XML
 * (exceljs needs minutes and gigabytes for a million rows). The export has the columns a financial system
 * gives — Rekening, Kostenplaats, Boekdatum, Debet, Credit, Omschrijving — as numbers, shared strings and
 * date serials, like a file written by openpyxl. Most rows belong to other cost centres of the municipality;
 * inside the DVO's cost centres one account is mapped to `negeren` on Grootboek. Deterministic.
 *
 * `exportCounts` gives, from the generator's own bookkeeping (not from the product), the rows and totals a
 * controller reconciles with: read, counted, left out.
 */
import { deflateRawSync } from "node:zlib";
import "../src/cli/native";
import { Package } from "../src/xlsx/package";
import { workbookInfo } from "../src/xlsx/workbook";
import { crc32, readZip, writeZip, type ZipEntry } from "../src/xlsx/zip";
import { caseWorkbook, REPORT_MONTH, rng, YEAR } from "./generate";

/** The DVO's cost centres (the Instellingen setting) and its accounts per category. */
export const DVO_COST_CENTRES = ["KP100", "KP200"];
const DVO_ACCOUNTS: Array<[number, string]> = [[4000, "Loonkosten"], [4200, "Opleiding"], [4300, "Aanvullende dienstverlening"], [4400, "Overig"]];
/** An account inside the DVO's cost centres that the Grootboek maps to `negeren` (internal allocations). */
const IGNORED_ACCOUNT = 8000;
/** Share of the export's rows that belong to the DVO's cost centres. */
const DVO_SHARE = 0.05;
/** Distinct descriptions (a real export has many; they are shared strings like any other text). */
const DESCRIPTIONS = 50_000;

export interface ExportCounts {
  rows: number;
  counted: { rows: number; total: number };
  ignored: { rows: number; total: number };
  outside: { rows: number; total: number };
  /** the counted total per category */
  perCategory: Record<string, number>;
}

const EPOCH_1900 = 25_569;
const serial = (m: number, d: number) => Date.UTC(YEAR, m - 1, d) / 86_400_000 + EPOCH_1900;
const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cents = (x: number) => Math.round(x * 100) / 100;

function colLetter(c: number): string {
  return String.fromCharCode(64 + c);
}

/**
 * The input workbook of an export case with `rows` ledger rows (1 ≤ rows ≤ 1,048,575), and the counts a
 * controller reconciles with.
 */
export async function exportWorkbook(rows: number, seed = 20_190): Promise<{ bytes: Uint8Array; counts: ExportCounts }> {
  const base = caseWorkbook({ formation: 100, ledger: 1, products: 1000 });
  const map = base.getWorksheet("Grootboek");
  if (!map) throw new Error("the template has no Grootboek sheet");
  for (const cc of DVO_COST_CENTRES) {
    for (const [account, category] of DVO_ACCOUNTS) map.addRow([account, cc, category, `${category} ${cc}`]);
    map.addRow([IGNORED_ACCOUNT, cc, "negeren", "Interne doorbelasting"]);
  }
  const settings = base.getWorksheet("Instellingen");
  if (!settings) throw new Error("the template has no Instellingen sheet");
  // the template has the setting's row, empty (every cost centre counts)
  let settingRow = 0;
  settings.eachRow((row, r) => {
    if (row.getCell(1).value === "Kostenplaatsen") settingRow = r;
  });
  if (settingRow === 0) throw new Error("the template has no setting Kostenplaatsen");
  settings.getCell(settingRow, 2).value = DVO_COST_CENTRES.join(", ");
  const old = base.getWorksheet("Realisatie");
  if (!old) throw new Error("the template has no Realisatie sheet");
  base.removeWorksheet(old.id);
  const ws = base.addWorksheet("Realisatie");
  ws.addRow(["placeholder"]);
  const pkgBytes = new Uint8Array((await base.xlsx.writeBuffer()) as ArrayBuffer);
  const pkg = Package.fromBytes(pkgBytes);
  const info = workbookInfo(pkg);
  const part = info.sheets.find((s) => s.name === "Realisatie")?.part;
  const sst = info.sharedStringsPart;
  if (!part || !sst) throw new Error("no Realisatie part or shared strings");
  const sstXml = pkg.text(sst) ?? "";
  const existing = (sstXml.match(/<si>/g) ?? []).length;

  // strings appended to the shared strings: headers, cost centres, descriptions
  const added: string[] = [];
  const index = new Map<string, number>();
  const str = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = existing + added.length;
      added.push(s);
      index.set(s, i);
    }
    return i;
  };
  const headers = ["Rekening", "Kostenplaats", "Boekdatum", "Debet", "Credit", "Omschrijving"];
  const r = rng(seed);
  const counts: ExportCounts = { rows, counted: { rows: 0, total: 0 }, ignored: { rows: 0, total: 0 }, outside: { rows: 0, total: 0 }, perCategory: {} };
  const chunks: Buffer[] = [];
  let buf = "";
  const flush = () => {
    chunks.push(Buffer.from(buf, "utf8"));
    buf = "";
  };
  buf += '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
  buf += `<dimension ref="A1:F${rows + 1}"/><sheetData><row r="1">`;
  headers.forEach((h, i) => (buf += `<c r="${colLetter(i + 1)}1" t="s"><v>${str(h)}</v></c>`));
  buf += "</row>";
  // the date style: the first style with a date format in the exceljs styles (found below)
  const dateStyle = findDateStyle(pkg.text(info.stylesPart ?? "") ?? "");
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    const month = 1 + (i % REPORT_MONTH);
    const inDvo = r() < DVO_SHARE;
    let account: number, cc: string, category: string | null;
    if (inDvo) {
      cc = DVO_COST_CENTRES[Math.floor(r() * DVO_COST_CENTRES.length)];
      if (r() < 0.1) [account, category] = [IGNORED_ACCOUNT, null];
      else [account, category] = DVO_ACCOUNTS[Math.floor(r() * DVO_ACCOUNTS.length)];
    } else {
      cc = `KP${300 + Math.floor(r() * 700)}`;
      account = 1000 + Math.floor(r() * 9000);
      category = null;
    }
    const amount = cents(5 + r() * 2500);
    const credit = r() < 0.08;
    const text = `Boeking ${1 + Math.floor(r() * DESCRIPTIONS)}`;
    const signed = credit ? -amount : amount;
    const bucket = !inDvo ? counts.outside : category === null ? counts.ignored : counts.counted;
    bucket.rows++;
    bucket.total += signed;
    if (inDvo && category !== null) counts.perCategory[category] = (counts.perCategory[category] ?? 0) + signed;
    buf += `<row r="${row}"><c r="A${row}"><v>${account}</v></c><c r="B${row}" t="s"><v>${str(cc)}</v></c>` +
      `<c r="C${row}" s="${dateStyle}"><v>${serial(month, 1 + (i % 28))}</v></c>` +
      (credit ? `<c r="E${row}"><v>${amount}</v></c>` : `<c r="D${row}"><v>${amount}</v></c>`) +
      `<c r="F${row}" t="s"><v>${str(text)}</v></c></row>`;
    if (buf.length > 1 << 20) flush();
  }
  buf += "</sheetData></worksheet>";
  flush();
  for (const b of [counts.counted, counts.ignored, counts.outside]) b.total = cents(b.total);
  for (const k of Object.keys(counts.perCategory)) counts.perCategory[k] = cents(counts.perCategory[k]);

  const sheetXml = Buffer.concat(chunks);
  const total = existing + added.length;
  const newSst = sstXml
    .replace(/count="\d+"/, `count="${total}"`).replace(/uniqueCount="\d+"/, `uniqueCount="${total}"`)
    .replace("</sst>", added.map((s) => `<si><t>${xmlText(s)}</t></si>`).join("") + "</sst>");
  const entries: ZipEntry[] = readZip(pkgBytes).map((e) => {
    if (e.name === part) return entryOf(e, sheetXml);
    if (e.name === sst) return entryOf(e, Buffer.from(newSst, "utf8"));
    return e;
  });
  return { bytes: writeZip(entries), counts };
}

function entryOf(e: ZipEntry, data: Uint8Array): ZipEntry {
  const raw = deflateRawSync(data);
  return { ...e, method: 8, flags: e.flags & 0x800, crc: crc32(data), compressedSize: raw.length, size: data.length, raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) };
}

/** Index of a cellXfs entry with a built-in date format (14) or a custom one with d/m/y; 0 if none. */
function findDateStyle(styles: string): number {
  const custom = new Set<number>();
  for (const m of styles.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) if (/[dmy]/i.test(m[2]) && !/[hs]/i.test(m[2])) custom.add(Number(m[1]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0);
    if (id === 14 || custom.has(id)) return i;
    i++;
  }
  throw new Error("no date style in the workbook");
}
