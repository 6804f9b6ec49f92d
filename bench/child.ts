/**
 * One measurement in a fresh process (started by run.ts with `node --expose-gc`), so runs do not share a
 * heap, a JIT warm-up or a peak-memory high-water mark. Writes its result as JSON to the file named last.
 *
 *   child generate <size.json> <input.xlsx> <result.json>   build a case's input workbook, check it, save it
 *   child ours     <input.xlsx> <output.xlsx> [<cells.json>] <result.json>
 *                                                           `dvo-addendum report` stage by stage; with
 *                                                           cells.json, then also count the cells it added
 *   child count    <output.xlsx> <cells.json>              count the cells a report run added
 *   child floor    <input.xlsx> <output.xlsx> <cells.json> <result.json>
 *                                                           exceljs alone: read the input, write the same
 *                                                           number of formula and value cells, save
 *   child pkgfloor <input.xlsx> <output.xlsx> <result.json>
 *                                                           the package floor: unzip every part, parse every
 *                                                           sheet's XML, zip the same parts back
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { reportFile } from "../src/cli/pipeline";
import { SHEETS } from "../src/domain/glossary";
import { isBlank } from "../src/input/grid";
import { parseWorkbook } from "../src/input/parse";
import { readWorkbookBuffer } from "../src/xlsx/read";
import { scanXml } from "../src/xlsx/xml-scan";
import { strFromU8, unzipSync, zipSync } from "fflate";
import type { CaseSize } from "./generate";
import { startSampler } from "./sampler";
import { STAGE_KEYS, type GenerateMeasure, type OursMeasure, type RunMeasure, type SheetCells, type StageKey } from "./types";

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const ms = (x: number) => Math.round(x * 10) / 10;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run the child with node --expose-gc");
  gc();
  gc();
}

async function generate(sizeFile: string, input: string, resultFile: string): Promise<void> {
  const size = JSON.parse(await fs.readFile(sizeFile, "utf8")) as CaseSize;
  const t0 = performance.now();
  // exceljs (and the template) load only in the modes that use them, so `ours` measures the CLI's own modules
  const { caseWorkbook } = await import("./generate.js");
  const wb = caseWorkbook(size);
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const read = await readWorkbookBuffer(buf, input);
  if (!read.ok) throw new Error(read.message);
  const grids = read.grids;
  const parsed = parseWorkbook(grids);
  const errors = parsed.problems.filter((p) => p.severity === "fout");
  if (!parsed.inputs || errors.length > 0) {
    throw new Error(`generated case is not valid: ${errors.slice(0, 5).map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("; ")}`);
  }
  const counts = { formation: parsed.inputs.formation.length, ledger: parsed.inputs.ledger.length, products: parsed.inputs.products?.length ?? 0 };
  if (counts.formation !== size.formation || counts.ledger !== size.ledger || counts.products !== size.products) {
    throw new Error(`generated case lost rows: asked ${JSON.stringify(size)}, parsed ${JSON.stringify(counts)}`);
  }
  let inputCells = 0;
  for (const g of grids.sheets) for (const row of g.rows) for (const v of row) if (!isBlank(v)) inputCells++;
  await fs.writeFile(input, buf);
  const result: GenerateMeasure = {
    size, parsed: counts, warnings: parsed.problems.length, inputBytes: buf.length, inputCells, ms: ms(performance.now() - t0),
  };
  await fs.writeFile(resultFile, JSON.stringify(result));
}

/** XML text → plain text (the five predefined entities and numeric character references). */
function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'"
      : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

/** The text of every <t> element in `xml`, joined (a shared string or an inline string). */
function textOf(xml: string): string {
  let t = "";
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) t += unescapeXml(m[1]);
  return t;
}

/**
 * Cells by kind of every sheet of `output` that is not an input sheet (report sheets and the add-in's own
 * records), in the shape the floor reproduces. Read from the saved file, so whatever the pipeline writes
 * is counted; the sheet XML is scanned directly (loading the whole workbook again with exceljs would take
 * as long as the run itself at 100,000 rows).
 */
async function addedCells(output: string): Promise<SheetCells[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(output));
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const shared = [...(await part("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const targets = new Map<string, string>();
  for (const m of (await part("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\s[^>]*>/g)) {
    const id = /\sId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\sTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ""));
  }
  const inputs = new Set<string>(Object.values(SHEETS));
  const out: SheetCells[] = [];
  for (const m of (await part("xl/workbook.xml")).matchAll(/<sheet\s[^>]*>/g)) {
    const name = unescapeXml(/\sname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const target = targets.get(/\sr:id="([^"]+)"/.exec(m[0])?.[1] ?? "");
    if (inputs.has(name) || !target) continue;
    const c: SheetCells = { name, rows: 0, formulas: 0, numbers: 0, strings: 0, distinctStrings: 0, formulaChars: 0, textResults: 0, stringChars: 0 };
    const distinct = new Set<number>();
    const rows = new Set<string>();
    const xml = await part(`xl/${target}`);
    for (const cell of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1], body = cell[2] ?? "";
      const type = /\st="([^"]+)"/.exec(` ${attrs}`)?.[1] ?? "n";
      const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>|<f(?:\s[^>]*)?\/>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      if (f) {
        c.formulas++;
        c.formulaChars += unescapeXml(f[1] ?? "").length;
        if (type === "str") c.textResults++;
      } else if (type === "s" && v) {
        const i = Number(v[1]);
        c.strings++;
        c.stringChars += shared[i]?.length ?? 0;
        distinct.add(i);
      } else if (type === "inlineStr") {
        c.strings++;
        c.stringChars += textOf(body).length;
      } else if (v) c.numbers++;
      else continue;
      rows.add(/\sr="[A-Z]+(\d+)"/.exec(` ${attrs}`)?.[1] ?? "");
    }
    c.rows = rows.size;
    c.distinctStrings = distinct.size;
    out.push(c);
  }
  return out;
}

async function baseline(): Promise<number> {
  collectGarbage();
  return process.memoryUsage.rss();
}

interface Start {
  wall: number;
  cpu: NodeJS.CpuUsage;
  load: number;
}

function begin(): Start {
  return { wall: performance.now(), cpu: process.cpuUsage(), load: os.loadavg()[0] };
}

function finish(start: Start, base: number, peaks: number[], stageMs: Partial<Record<StageKey, number>>, keys: readonly StageKey[], order: readonly StageKey[]): RunMeasure {
  const stages: RunMeasure["stages"] = {};
  for (const k of keys) {
    const i = order.indexOf(k) + 1;
    stages[k] = { ms: stageMs[k] ?? 0, peakMb: mb(peaks[i]) };
  }
  const cpu = process.cpuUsage(start.cpu);
  const all = process.cpuUsage();
  return {
    totalMs: ms(performance.now() - start.wall), cpuMs: ms((cpu.user + cpu.system) / 1000), load: Math.round(start.load * 100) / 100,
    processCpuMs: ms((all.user + all.system) / 1000),
    stages, baseMb: mb(base), maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    processMs: ms(performance.now()),
  };
}

async function ours(input: string, output: string, resultFile: string, cellsFile?: string): Promise<void> {
  const base = await baseline();
  const sampler = await startSampler(STAGE_KEYS.length + 2);
  const t0 = begin();
  const outcome = await reportFile(input, output, { onStage: (i) => sampler.stage(i + 1) });
  sampler.stage(STAGE_KEYS.length + 1);
  const run = finish(t0, base, await sampler.stop(), outcome.times, STAGE_KEYS, STAGE_KEYS);
  if (!outcome.ok) {
    const errors = outcome.problems.filter((p) => p.severity === "fout").slice(0, 5);
    throw new Error(`report failed: ${outcome.message ?? ""} ${errors.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("; ")}`);
  }
  const result: OursMeasure = {
    ...run,
    warnings: outcome.problems.length,
    outputBytes: (await fs.stat(output)).size,
  };
  if (cellsFile) {
    await fs.writeFile(cellsFile, JSON.stringify(await addedCells(output)));
    // the parent compares the machine's busy time with this process's: count the cell counting too
    const all = process.cpuUsage();
    result.processCpuMs = ms((all.user + all.system) / 1000);
  }
  await fs.writeFile(resultFile, JSON.stringify(result));
}

/** The floor: exceljs reads the input and writes as many formula (with cached result) and value cells. */
async function floor(input: string, output: string, cellsFile: string, resultFile: string): Promise<void> {
  const sheets = JSON.parse(await fs.readFile(cellsFile, "utf8")) as SheetCells[];
  const base = await baseline();
  const order = ["read", "write"] as const;
  const sampler = await startSampler(order.length + 2);
  const t0 = begin();
  const times: Partial<Record<StageKey, number>> = {};

  sampler.stage(1);
  let t = performance.now();
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load((await fs.readFile(input)) as unknown as ExcelJS.Buffer);
  times.read = ms(performance.now() - t);

  sampler.stage(2);
  t = performance.now();
  const ledgerRows = Math.max(1, (wb.getWorksheet("Realisatie")?.rowCount ?? 2) - 1);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const total = s.formulas + s.numbers + s.strings;
    const perRow = Math.max(1, Math.ceil(total / Math.max(1, s.rows)));
    // formulas: references to input cells, padded to our formulas' mean length; strings likewise
    const formulaLength = s.formulas > 0 ? Math.round(s.formulaChars / s.formulas) : 0;
    const stringLength = s.strings > 0 ? Math.round(s.stringChars / s.strings) : 0;
    for (let i = 0; i < total; i++) {
      const cell = ws.getCell(1 + Math.floor(i / perRow), 1 + (i % perRow));
      if (i < s.formulas) {
        const ref = `Realisatie!C${2 + (i % ledgerRows)}`;
        const formula = ref + "+0".repeat(Math.max(0, Math.floor((formulaLength - ref.length) / 2)));
        cell.value = { formula, result: i < s.textResults ? `Tekst ${i % 50}` : i * 1.5 } as ExcelJS.CellFormulaValue;
      } else if (i < s.formulas + s.numbers) cell.value = i;
      else {
        const label = `Label ${i % Math.max(1, s.distinctStrings)}`;
        cell.value = label.padEnd(stringLength, "x");
      }
    }
  }
  await fs.writeFile(output, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  times.write = ms(performance.now() - t);
  sampler.stage(3);
  const run = finish(t0, base, await sampler.stop(), times, order, order);
  await fs.writeFile(resultFile, JSON.stringify(run));
}

/**
 * The package floor: what any tool must do that reads every sheet of the package and writes it back —
 * unzip every part, parse every worksheet's XML (counting cells), zip the same parts again (deflate level 6).
 */
async function packageFloor(input: string, output: string, resultFile: string): Promise<void> {
  const base = await baseline();
  const order = ["read", "write"] as const;
  const sampler = await startSampler(order.length + 2);
  const t0 = begin();
  const times: Partial<Record<StageKey, number>> = {};
  sampler.stage(1);
  let t = performance.now();
  const parts = unzipSync(new Uint8Array(await fs.readFile(input)));
  let cells = 0;
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    scanXml(strFromU8(bytes), { open: (n) => { if (n === "c") cells++; }, close: () => undefined, text: () => undefined }, () => false);
  }
  if (cells === 0) throw new Error("package floor read no cells");
  times.read = ms(performance.now() - t);
  sampler.stage(2);
  t = performance.now();
  await fs.writeFile(output, zipSync(parts, { level: 6 }));
  times.write = ms(performance.now() - t);
  sampler.stage(3);
  const run = finish(t0, base, await sampler.stop(), times, order, order);
  await fs.writeFile(resultFile, JSON.stringify(run));
}

async function main(argv: string[]): Promise<void> {
  const [mode, ...args] = argv;
  if (mode === "generate" && args.length === 3) return generate(args[0], args[1], args[2]);
  if (mode === "ours" && args.length === 3) return ours(args[0], args[1], args[2]);
  if (mode === "ours" && args.length === 4) return ours(args[0], args[1], args[3], args[2]);
  if (mode === "floor" && args.length === 4) return floor(args[0], args[1], args[2], args[3]);
  if (mode === "pkgfloor" && args.length === 3) return packageFloor(args[0], args[1], args[2]);
  if (mode === "count" && args.length === 2) return fs.writeFile(args[1], JSON.stringify(await addedCells(args[0])));
  throw new Error(`usage: child generate|ours|floor … (got ${argv.join(" ")})`);
}

// Exit at once when done: tearing down a heap of 2 GB is not part of any measurement and only costs time.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`, () => process.exit(1));
  },
);
