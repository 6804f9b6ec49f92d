/**
 * The interop corpus: workbooks carrying the bundled example's inputs, written by foreign tools —
 * openpyxl, LibreOffice, Gnumeric, exceljs, scripted package edits, and files Microsoft Excel saved
 * (test/interop/excel/, see SOURCES.md) with the example's input sheets added.
 *
 * `buildCorpus(dir)` writes them all into `dir` (a cache: rebuilt only when a script, a fixture or the
 * example changes). Generation takes one python run, one LibreOffice start and a few ssconvert runs.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { exampleWorkbook } from "../../src/xlsx/example";
import { exampleInputs, type ExampleInputs } from "./example";
import { injectInputs, removeStyles, richText } from "./inject";
import { convertWithGnumeric, convertWithLibreOffice, run, type Tools } from "./tools";

export type Writer = "openpyxl" | "libreoffice" | "gnumeric" | "exceljs" | "script" | "excel";

export interface CorpusFile {
  name: string;
  writer: Writer;
  /** the corpus file (or fixture) it was converted or edited from */
  from?: string;
  what: string;
}

const OPENPYXL: Array<[string, string]> = [
  ["opx-tables", "every input sheet an Excel table (absolute relationship targets), dates as date cells"],
  ["opx-plain", "plain ranges, header in row 1"],
  ["opx-chart", "tables, a bar chart on the user's sheet Grafiek and a line chart on the input sheet Formatie"],
  ["opx-comment", "tables, comments on input cells and on a user's sheet"],
  ["opx-validation", "tables, a list and a decimal data validation on input columns"],
  ["opx-definedname", "tables, two defined names and a user's sheet with a formula using one"],
  ["opx-totals", "tables, a totals row (SUBTOTAL) on Realisatie and Formatie"],
  ["opx-customdatefmt", "plain ranges, dates with custom formats dd/mm/yyyy and d mmmm yyyy"],
  ["opx-1904", "tables, the 1904 date system"],
  ["opx-1904-plain", "plain ranges, the 1904 date system"],
  ["opx-usersheet-first", "tables, a user's sheet before the input sheets"],
  ["opx-all", "chart, comments, validations, defined names, totals rows, a hidden user sheet, frozen panes"],
];

const LIBREOFFICE = ["opx-tables", "opx-plain", "opx-chart", "opx-comment", "opx-totals", "opx-1904", "opx-all", "ex-example"];
const GNUMERIC = ["opx-tables", "opx-plain", "opx-chart", "opx-1904", "opx-comment", "ex-example"];

/** The Excel-saved fixtures in test/interop/excel/ (SOURCES.md). */
export const EXCEL_FIXTURES: Array<[string, string]> = [
  ["chart_column01", "a column chart"],
  ["chartsheet01", "a chart sheet"],
  ["comment01", "a comment (VML)"],
  ["data_validation01", "a data validation"],
  ["defined_name01", "defined names and print areas"],
  ["header_image01", "an image in the page header"],
  ["image01", "an image"],
  ["table01", "an Excel table"],
  ["pivots", "pivot tables, caches, a connection, customXml, calcChain (Excel 16 for Mac)"],
  ["pictures_in_cell_and_over_cell", "pictures in and over cells (richData)"],
  ["richtext-namespaced", "rich-text shared strings, printer settings"],
];

export const CORPUS: CorpusFile[] = [
  ...OPENPYXL.map(([name, what]): CorpusFile => ({ name, writer: "openpyxl", what })),
  { name: "ex-example", writer: "exceljs", what: "the bundled example as the template writes it (exceljs, tables, validations, notes beside)" },
  { name: "ex-plain", writer: "exceljs", what: "plain ranges written by exceljs, a user's sheet with a formula and its result, a note, an image" },
  { name: "ex-1904", writer: "exceljs", what: "the bundled example with the 1904 date system" },
  { name: "opx-richtext", writer: "script", from: "opx-tables", what: "every shared string as two rich-text runs" },
  { name: "nostyles-opx-plain", writer: "script", from: "opx-plain", what: "no styles part (dates as plain serials)" },
  { name: "nostyles-ex-example", writer: "script", from: "ex-example", what: "no styles part, with tables" },
  ...LIBREOFFICE.map((from): CorpusFile => ({ name: `lo-${from}`, writer: "libreoffice", from, what: `LibreOffice's save of ${from}` })),
  ...GNUMERIC.map((from): CorpusFile => ({ name: `gn-${from}`, writer: "gnumeric", from, what: `Gnumeric's save of ${from}` })),
  ...EXCEL_FIXTURES.map(([fixture, what]): CorpusFile => ({
    name: `xl-${fixture}`, writer: "excel", from: `test/interop/excel/${fixture}.xlsx`, what: `saved by Excel: ${what}; example input sheets added`,
  })),
];

const ROOT = path.resolve(__dirname, "..", "..");
export const EXCEL_DIR = path.join(ROOT, "test", "interop", "excel");

/** A 2×2 PNG (red), for the image a user put in an exceljs workbook. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");

function setCell(ws: ExcelJS.Worksheet, r: number, c: number, v: ExampleInputs["sheets"][number]["rows"][number][number]): void {
  if (v === null) return;
  const cell = ws.getCell(r, c);
  if (typeof v === "object") {
    cell.value = new Date(`${v.date}T00:00:00Z`);
    cell.numFmt = "d-m-yyyy";
  } else cell.value = v;
}

async function exceljsPlain(inputs: ExampleInputs): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of inputs.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.headers.forEach((h, i) => (ws.getCell(1, i + 1).value = h));
    s.rows.forEach((row, r) => row.forEach((v, c) => setCell(ws, r + 2, c + 1, v)));
  }
  const ledger = inputs.sheets.find((s) => s.name === "Realisatie");
  if (!ledger) throw new Error("no Realisatie in the example");
  const amount = ledger.headers.indexOf("Bedrag");
  const sum = ledger.rows.reduce((t, r) => t + (typeof r[amount] === "number" ? (r[amount] as number) : 0), 0);
  const own = wb.addWorksheet("Overzicht controller");
  own.getCell("A1").value = "Totaal geboekt";
  own.getCell("B1").value = { formula: `SUM(Realisatie!C2:C${ledger.rows.length + 1})`, result: sum };
  own.getCell("A1").note = "Eigen controle van de controller";
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  own.addImage(img, { tl: { col: 3, row: 2 }, ext: { width: 40, height: 40 } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function exceljsExample(date1904: boolean): Promise<Buffer> {
  const wb = exampleWorkbook();
  if (date1904) wb.properties.date1904 = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function stamp(inputs: ExampleInputs): string {
  const h = createHash("sha256");
  for (const f of ["corpus.ts", "example.ts", "inject.ts", "tools.ts", "openpyxl_corpus.py"]) h.update(readFileSync(path.join(__dirname, f)));
  for (const f of readdirSync(EXCEL_DIR).sort()) h.update(f).update(readFileSync(path.join(EXCEL_DIR, f)));
  h.update(JSON.stringify(inputs));
  return h.digest("hex");
}

export interface BuiltCorpus {
  dir: string;
  files: Record<string, string>;
  /** true when the cache was reused */
  cached: boolean;
  ms: number;
}

/**
 * Write every corpus file into `root/corpus-<stamp>` (needs all three tools: python3-openpyxl, soffice,
 * ssconvert). Safe when several test runs share the tree: a corpus is built in a private folder and
 * renamed into place; one that is in place is never changed; corpora of other stamps older than an hour go.
 */
export async function buildCorpus(root: string, tools: Tools): Promise<BuiltCorpus> {
  const t0 = Date.now();
  const { python, soffice, ssconvert } = tools;
  if (!python || !soffice || !ssconvert) throw new Error("the interop corpus needs python3-openpyxl, soffice and ssconvert");
  const inputs = exampleInputs();
  const key = stamp(inputs);
  const final = path.join(root, `corpus-${key.slice(0, 16)}`);
  const filesIn = (d: string) => Object.fromEntries(CORPUS.map((c) => [c.name, path.join(d, `${c.name}.xlsx`)]));
  if (existsSync(path.join(final, "STAMP"))) return { dir: final, files: filesIn(final), cached: true, ms: Date.now() - t0 };
  mkdirSync(root, { recursive: true });
  for (const old of readdirSync(root)) {
    const p = path.join(root, old);
    if (/^(corpus(-|$)|building-)/.test(old) && p !== final && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
  }
  const dir = mkdtempSync(path.join(root, "building-"));
  const files = filesIn(dir);
  const stampFile = path.join(dir, "STAMP");
  const json = path.join(dir, "example.json");
  writeFileSync(json, JSON.stringify(inputs, null, 1));

  // openpyxl variants (one python run) and the exceljs ones
  await run(python, [path.join(__dirname, "openpyxl_corpus.py"), json, dir, ...OPENPYXL.map(([n]) => n)]);
  writeFileSync(files["ex-example"], await exceljsExample(false));
  writeFileSync(files["ex-1904"], await exceljsExample(true));
  writeFileSync(files["ex-plain"], await exceljsPlain(inputs));

  // scripted edits of those
  writeFileSync(files["opx-richtext"], await richText(readFileSync(files["opx-tables"])));
  writeFileSync(files["nostyles-opx-plain"], await removeStyles(readFileSync(files["opx-plain"])));
  writeFileSync(files["nostyles-ex-example"], await removeStyles(readFileSync(files["ex-example"])));
  for (const [fixture] of EXCEL_FIXTURES) {
    writeFileSync(files[`xl-${fixture}`], await injectInputs(readFileSync(path.join(EXCEL_DIR, `${fixture}.xlsx`)), inputs));
  }

  // LibreOffice (one start for all) and Gnumeric at the same time
  const lo = convertWithLibreOffice(soffice, LIBREOFFICE.map((n) => files[n]), dir, { filter: "xlsx:Calc MS Excel 2007 XML", ext: "xlsx", recalc: false, prefix: "lo-" });
  const gn = (async () => {
    for (const n of GNUMERIC) await convertWithGnumeric(ssconvert, files[n], files[`gn-${n}`]);
  })();
  const [loFiles] = await Promise.all([lo, gn]);
  const failed = LIBREOFFICE.filter((_, i) => loFiles[i] === null);
  if (failed.length > 0) throw new Error(`LibreOffice could not convert ${failed.join(", ")}`);
  writeFileSync(stampFile, key);
  try {
    renameSync(dir, final);
  } catch (e) {
    // another run put the same corpus in place first: use that one
    rmSync(dir, { recursive: true, force: true });
    if (!existsSync(path.join(final, "STAMP"))) throw e;
  }
  return { dir: final, files: filesIn(final), cached: false, ms: Date.now() - t0 };
}
