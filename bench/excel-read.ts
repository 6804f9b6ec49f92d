/**
 * `npm run bench`, the Excel host's read at Excel's last row (issue 19, item 4): a Realisatie sheet of
 * 1,048,575 ledger rows (the worked example's 15 and 1,048,560 generated ones) read by `readExcelWorkbook`
 * from the strict Excel double (test/support/excel-double, profile Excel on the web: every response sized as
 * the JSON it carries and refused over 5 MB, every range read over 5,000,000 cells refused), under both of the
 * double's batch models. Per model: round trips, bytes per round trip (largest and mean), rows per slice, the
 * largest range read in cells, the progress messages the pane would show, the read's time and the process's
 * memory after it; and the figures: the generated rows are all Overig in December with amounts 12.34, 0.66
 * and 7.00 in turn, so December's Overig is 1,048,560 / 3 × 20.00 = 6,990,400.00 by hand, checked through
 * the engine (checkWorkbook). Writes bench/excel-read-results.json and BENCHMARKS.md between the excel-read
 * markers. Options: --rows N (a smaller case, written nowhere), --dry.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readExcelWorkbook } from "../src/office/read";
import { CELL_LIMIT, RESPONSE_BUDGET, RESPONSE_LIMIT } from "../src/office/slices";
import { checkWorkbook } from "../src/job/check";
import { ExcelDouble, type BatchModel } from "../test/support/excel-double";
import { setupOf } from "../test/support/excel-double/grids";
import { addRow, exampleGrids } from "../test/grids";

const ROOT = path.resolve(__dirname, "..", "..");
const RESULTS = path.join(ROOT, "bench", "excel-read-results.json");
const MARKDOWN = path.join(ROOT, "BENCHMARKS.md");
/** Excel's last row less the header row. */
const LAST_ROW = 1_048_575;
/** The worked example's own ledger rows (test/grids.ts). */
const EXAMPLE_ROWS = 15;
const AMOUNTS = [12.34, 0.66, 7.0];
const SUPPLIERS = ["Randstad Publieke Sector", "YoungCapital", "Centric", "PinkRoccade Local Government", "Procura"];

export interface ReadCase {
  batch: BatchModel;
  ledgerRows: number;
  roundTrips: number;
  /** round trips that read ledger slices after the first slice round */
  sliceRounds: number;
  rowsPerSlice: number[];
  largestResponseBytes: number;
  meanResponseBytes: number;
  totalResponseBytes: number;
  largestRangeCells: number;
  progress: string[];
  readMs: number;
  rssMbAfterRead: number;
  decemberOverig: number;
  expectedDecemberOverig: number;
  rowsRead: number;
}

/** The example workbook with `rows` ledger rows in all (header not counted). */
export function ledgerWorkbook(rows: number): { xlRows: ReturnType<typeof setupOf>; generated: number } {
  const g = exampleGrids();
  const generated = rows - EXAMPLE_ROWS;
  for (let i = 0; i < generated; i++) {
    addRow(g, "Realisatie", [12, "Overig", AMOUNTS[i % 3], `Factuur ${1 + (i % 28)}-12-2025 ${SUPPLIERS[i % SUPPLIERS.length]}: inhuur balie (${100000 + i})`, `D-2025-${String(i % 9000).padStart(5, "0")}`]);
  }
  return { xlRows: setupOf(g), generated };
}

async function measure(batch: BatchModel, rows: number): Promise<ReadCase> {
  const { xlRows, generated } = ledgerWorkbook(rows);
  const xl = new ExcelDouble({ profile: "web", batch, sheets: xlRows });
  const progress: string[] = [];
  const t0 = performance.now();
  const state = await readExcelWorkbook(xl.context(), { onProgress: (m) => progress.push(m) });
  const readMs = Math.round(performance.now() - t0);
  const rssMbAfterRead = Math.round(process.memoryUsage.rss() / 1048576);
  const failed = xl.syncs.find((s) => s.error);
  if (failed) throw new Error(`a round trip failed: ${failed.error}`);
  const reads = xl.syncs.map((s) => s.response);
  const ledger = state.grids.sheets.find((s) => s.name === "Realisatie");
  const checked = checkWorkbook(state.grids);
  if (!checked.results) throw new Error(`no results: ${checked.problems.filter((p) => p.severity === "fout").map((p) => p.message).join("; ")}`);
  const out: ReadCase = {
    batch, ledgerRows: rows, roundTrips: xl.syncs.length, sliceRounds: xl.syncs.length - 2,
    rowsPerSlice: xl.syncs.slice(2).map((s) => s.cellsRead / (ledger?.rows[0]?.length ?? 1)),
    largestResponseBytes: Math.max(...reads), meanResponseBytes: Math.round(reads.reduce((a, b) => a + b, 0) / reads.length),
    totalResponseBytes: reads.reduce((a, b) => a + b, 0), largestRangeCells: Math.max(...xl.syncs.map((s) => s.cellsRead)),
    progress, readMs, rssMbAfterRead,
    decemberOverig: checked.results.realisedByMonth.Overig[11], expectedDecemberOverig: (Math.floor(generated / 3) * 2000 + [0, 1234, 1300][generated % 3]) / 100,
    rowsRead: (ledger?.rows.length ?? 1) - 1,
  };
  return out;
}

const MiB = (b: number) => `${(b / 1048576).toFixed(2)} MiB`;
const money = (n: number) => n.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function render(cases: ReadCase[], machine: string): string {
  const out = ["## The Excel host reading 1,048,575 ledger rows (issue 19, item 4)", ""];
  out.push(`Machine: ${machine}. \`bench/excel-read.ts\` (run by \`npm run bench\`, alone by \`npm run bench:excel-read\`): the worked example with Realisatie filled to Excel's last row, read by the Office.js host (\`src/office/read.ts\`) from the strict Excel double, profile Excel on the web, which measures every response as the JSON it carries and refuses one over 5 MB, and refuses a range read over ${CELL_LIMIT.toLocaleString("en")} cells. The reader plans each round at ${RESPONSE_BUDGET.toLocaleString("en")} bytes (4/5 of the limit, read as ${RESPONSE_LIMIT.toLocaleString("en")} bytes), each slice at the most bytes per row seen plus 10 % and never over ${CELL_LIMIT.toLocaleString("en")} cells at the sheet's column count. The generated rows are Overig in December at 12.34, 0.66 and 7.00 in turn: December's Overig must come to 1,048,560 / 3 × 20.00 = 6,990,400.00.`, "");
  out.push("| batch model | ledger rows read | round trips | slice rounds | rows per slice | largest response | mean response | bytes read | largest range read | read time | RSS after | December Overig (expected) |");
  out.push("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const c of cases) {
    const r = c.rowsPerSlice;
    const perSlice = `${Math.max(...r).toLocaleString("en")} at most (down to ${Math.min(...r.slice(0, -1)).toLocaleString("en")} as the rows grow longer; the last ${r[r.length - 1].toLocaleString("en")})`;
    out.push(`| ${c.batch} | ${c.rowsRead.toLocaleString("en")} | ${c.roundTrips} | ${c.sliceRounds} | ${perSlice} | ${MiB(c.largestResponseBytes)} | ${MiB(c.meanResponseBytes)} | ${MiB(c.totalResponseBytes)} | ${c.largestRangeCells.toLocaleString("en")} cells | ${(c.readMs / 1000).toFixed(1)} s | ${c.rssMbAfterRead} MB | ${money(c.decemberOverig)} (${money(c.expectedDecemberOverig)}) |`);
  }
  const p = cases[0]?.progress ?? [];
  out.push("", `Progress the pane shows in the read step, one message per round trip (${p.length} in all): ${p.slice(0, 2).map((m) => `“${m}”`).join(", ")}, … ${p.slice(-1).map((m) => `“${m}”`).join("")}.`, "");
  out.push("The round trips are the sheet list, the first slice round (2,000 rows of every range, which measures bytes per row) and then one per slice of the ledger; the mean response is over all of them, the sheet list included. No round trip came near either limit: the largest response is about 3.6 MB of the 5 MB, the largest range read some 190,000 of the 5,000,000 cells (at 5 columns, bytes bind long before cells do; the cell limit binds only for sheets thousands of columns wide, tested in `test/office-read-large.test.ts`). Time and memory are the double's on this machine (it holds the sheet as a map of cell objects, some 1.9 GB at 5.2 million cells, and builds each slice's values): they show how the work grows, not how long Excel on the web takes. The figures are checked through the engine after the read (`checkWorkbook`), outside the time.");
  return out.join("\n") + "\n";
}

function writeSection(text: string): void {
  const begin = "<!-- excel-read:begin (generated by npm run bench) -->";
  const end = "<!-- excel-read:end -->";
  const md = existsSync(MARKDOWN) ? readFileSync(MARKDOWN, "utf8") : "# Benchmarks\n\n";
  const a = md.indexOf(begin);
  const b = md.indexOf(end);
  const section = `${begin}\n${text}${end}\n`;
  writeFileSync(MARKDOWN, a >= 0 && b > a ? md.slice(0, a) + section + md.slice(b + end.length + 1) : `${md.trimEnd()}\n\n${section}`);
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--rows");
  const rows = arg > 0 ? Number(process.argv[arg + 1]) : LAST_ROW;
  const cases: ReadCase[] = [];
  for (const batch of ["partial", "atomic"] as const) {
    const c = await measure(batch, rows);
    console.log(`excel read  ${batch}: ${c.rowsRead} rows in ${c.roundTrips} round trips, largest response ${MiB(c.largestResponseBytes)}, mean ${MiB(c.meanResponseBytes)}, largest range ${c.largestRangeCells} cells, ${c.readMs} ms, December Overig ${c.decemberOverig} (expected ${c.expectedDecemberOverig})`);
    if (Math.abs(c.decemberOverig - c.expectedDecemberOverig) > 0.005 || c.rowsRead !== rows) throw new Error("the figures read are not the sheet's");
    cases.push(c);
  }
  if (process.argv.includes("--dry") || rows !== LAST_ROW) return;
  const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}, Node ${process.version}`;
  writeFileSync(RESULTS, JSON.stringify({ machine, cases }, null, 2) + "\n");
  writeSection(render(cases, machine));
  console.log("written bench/excel-read-results.json and the excel-read section of BENCHMARKS.md");
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
