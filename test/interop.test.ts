/**
 * The interop corpus against the world (issue 9, item 2). Every workbook of scripts/interop/corpus.ts
 * carries the bundled example's inputs and was written by a foreign tool: openpyxl, LibreOffice,
 * Gnumeric, exceljs, a scripted package edit, or Microsoft Excel (test/interop/excel/, SOURCES.md).
 * For each one:
 *  - `check` and `report` succeed, and the key figures are those of the worked example in docs/rekenregels.md
 *    (not computed by our code): plafond formatieve kosten 626908.24, totaal budget P&C 759751.72,
 *    ruimte onder plafond 20608.24;
 *  - every zip entry of the input is in the output with identical (uncompressed) bytes, except the parts
 *    the file host may edit; every part reachable from the package root in the input (the user's charts,
 *    comments, images, pivot tables …) is still reachable in the output, and every defined name is kept;
 *  - the output opens in openpyxl, LibreOffice and Gnumeric;
 *  - every formula cell, recalculated by LibreOffice and by Gnumeric, equals the cached value in the
 *    output (numbers to the cent). A user's own formula on an input sheet is compared with LibreOffice
 *    only when it has a cached value (openpyxl writes none), and not with Gnumeric, which does not evaluate
 *    structured references (`SUBTOTAL(109,Realisatie[Bedrag])` in a table's totals row).
 * Needs Debian python3-openpyxl, libreoffice-calc-nogui and gnumeric: skipped (a jest skip) with a warning
 * without them, a failure with CI=true or DVO_REQUIRE_INTEROP=1 (test/support/tools.ts). The corpus is generated at test time into test/artifacts/interop/ (a cache).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli as cli } from "./support/cli";
import { buildCorpus, CORPUS, type BuiltCorpus, type CorpusFile } from "../scripts/interop/corpus";
import { convertWithLibreOffice, findTools, run, type Tools } from "../scripts/interop/tools";
import { gnumericValues, type SheetValues } from "./support/gnumeric";
import { needs } from "./support/tools";

/** Without openpyxl, LibreOffice or Gnumeric: skipped with a warning; CI=true or DVO_REQUIRE_INTEROP=1 fails first. */
const interop = needs("the interop corpus", ["openpyxl", "libreoffice", "gnumeric"], ["DVO_REQUIRE_INTEROP"]);

const ART = path.join(__dirname, "artifacts", "interop");
// this run's outputs in a folder of its own (several runs may share the tree), removed afterwards
// unless DVO_KEEP_INTEROP=1 (to look at the reports and LibreOffice's copies)
mkdirSync(ART, { recursive: true });
for (const old of readdirSync(ART)) {
  const p = path.join(ART, old);
  if (old.startsWith("run-") && Date.now() - statSync(p).mtimeMs > 86_400_000) rmSync(p, { recursive: true, force: true });
}
const RUN = mkdtempSync(path.join(ART, "run-"));
afterAll(() => {
  if (process.env.DVO_KEEP_INTEROP !== "1") rmSync(RUN, { recursive: true, force: true });
});
const OUT = path.join(RUN, "reports");
const LO_OUT = path.join(RUN, "libreoffice");

/** Parts the file host may edit (or, for calcChain, drop); every other input part must keep its bytes. */
const EDITABLE = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml", "xl/calcChain.xml"]);

/** The key figures of the worked example of docs/rekenregels.md, in the CLI's Dutch notation and as numbers. */
const KEY_FIGURES: Array<[string, string, number]> = [
  ["Plafond formatieve kosten", "626.908,24", 626908.24],
  ["Totaal budget P&C", "759.751,72", 759751.72],
  ["Ruimte onder plafond", "20.608,24", 20608.24],
];

type Value = string | number | boolean | null | { error: string };

interface Dump {
  file: string;
  ok: boolean;
  error?: string;
  trace?: string;
  date1904?: boolean;
  sheets?: string[];
  definedNames?: string[];
  /** [sheet, ref, formula, cached value] */
  cells?: Array<[string, string, string, Value]>;
  values?: Record<string, Record<string, Value>>;
}

interface Outcome {
  check: { code: number; out: string; err: string };
  report?: { code: number; out: string; err: string };
  output?: string;
  crash?: string;
  lo?: string | null;
  loValues?: Record<string, Record<string, Value>>;
  loError?: string;
  gnumeric?: Record<string, SheetValues>;
  gnumericError?: string;
  dump?: Dump;
}

// ---------------------------------------------------------------- package inspection (jszip, our own reading)

async function entries(file: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("uint8array"));
  return out;
}

const utf8 = (b: Uint8Array | undefined): string => (b ? Buffer.from(b).toString("utf8") : "");
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function relsPathOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

interface Rel { id: string; type: string; target: string }

/** The relationships of `part` ("" = the package root), targets resolved per OPC to part names. */
function relsOf(pkg: Map<string, Uint8Array>, part: string): Rel[] {
  const xml = utf8(pkg.get(part === "" ? "_rels/.rels" : relsPathOf(part)));
  const base = part === "" ? "" : path.posix.dirname(part);
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (attr(m[0], "TargetMode") === "External") continue;
    const raw = decodeURIComponent((attr(m[0], "Target") ?? "").split("#")[0]);
    if (raw === "") continue;
    const target = raw.startsWith("/") ? raw.slice(1) : path.posix.normalize(path.posix.join(base === "." ? "" : base, raw));
    out.push({ id: attr(m[0], "Id") ?? "", type: attr(m[0], "Type") ?? "", target });
  }
  return out;
}

/** Every part reachable from the package root by following relationships. */
function reachable(pkg: Map<string, Uint8Array>): Set<string> {
  const seen = new Set<string>();
  const todo = [""];
  while (todo.length > 0) {
    const p = todo.pop() as string;
    for (const r of relsOf(pkg, p)) {
      if (seen.has(r.target)) continue;
      seen.add(r.target);
      if (pkg.has(r.target)) todo.push(r.target);
    }
  }
  return seen;
}

function workbookPart(pkg: Map<string, Uint8Array>): string {
  const r = relsOf(pkg, "").find((x) => x.type.endsWith("/officeDocument"));
  if (!r) throw new Error("no officeDocument relationship");
  return r.target;
}

/** Sheet name → part name, in workbook order. */
function sheetParts(pkg: Map<string, Uint8Array>): Array<[string, string]> {
  const wb = workbookPart(pkg);
  const rels = new Map(relsOf(pkg, wb).map((r) => [r.id, r.target]));
  const xml = utf8(pkg.get(wb));
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\/>/g)].map((m) => {
    const name = attr(m[0], "name") ?? "";
    const rid = /\b\w+:id="([^"]*)"/.exec(m[0])?.[1] ?? "";
    return [name.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'), rels.get(rid) ?? ""];
  });
}

/** Defined names as "name|scope sheet|formula". */
function definedNames(pkg: Map<string, Uint8Array>): string[] {
  const sheets = sheetParts(pkg).map(([n]) => n);
  const xml = utf8(pkg.get(workbookPart(pkg)));
  return [...xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)].map((m) => {
    const local = attr(m[1], "localSheetId");
    return `${attr(m[1], "name")}|${local === undefined ? "" : sheets[Number(local)]}|${m[2]}`;
  }).sort();
}

/** Input parts (other than the editable ones) missing from the output or with other bytes. */
function partDiff(input: Map<string, Uint8Array>, output: Map<string, Uint8Array>): { missing: string[]; changed: string[] } {
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [part, bytes] of input) {
    if (EDITABLE.has(part)) continue;
    const out = output.get(part);
    if (!out) missing.push(part);
    else if (Buffer.compare(Buffer.from(bytes), Buffer.from(out)) !== 0) changed.push(part);
  }
  return { missing: missing.sort(), changed: changed.sort() };
}

// ---------------------------------------------------------------- value comparison

function sameValue(cached: Value, other: Value): boolean {
  const blank = (v: Value) => v === null || v === "";
  if (blank(cached) && blank(other)) return true;
  if (typeof cached === "number" && typeof other === "number") return Math.abs(cached - other) < 0.005;
  if (typeof cached === "boolean" || typeof other === "boolean") return Boolean(cached) === Boolean(other) && typeof cached !== "object" && typeof other !== "object" && !blank(cached) && !blank(other);
  return JSON.stringify(cached) === JSON.stringify(other);
}

/** Gnumeric's raw CSV text as the type of the cached value. */
function gnumericAs(cached: Value, text: string | undefined): Value {
  if (text === undefined) return null;
  if (/^#[A-Z/0!?]+[!?]?$/.test(text) || text === "#N/A") return { error: text };
  if (typeof cached === "number") return /^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(text) ? Number(text) : text;
  if (typeof cached === "boolean") return text === "TRUE" ? true : text === "FALSE" ? false : text;
  return text;
}

test("the part comparison sees a missing and a changed part", async () => {
  const a = new JSZip();
  a.file("xl/worksheets/sheet1.xml", "<worksheet/>");
  a.file("xl/charts/chart1.xml", "<chart/>");
  a.file("xl/workbook.xml", "<workbook/>");
  const b = new JSZip();
  b.file("xl/worksheets/sheet1.xml", "<worksheet />");
  b.file("xl/workbook.xml", "<workbook><sheets/></workbook>");
  const load = async (z: JSZip) => {
    const m = new Map<string, Uint8Array>();
    for (const [n, f] of Object.entries(z.files)) if (!f.dir) m.set(n, await f.async("uint8array"));
    return m;
  };
  expect(partDiff(await load(a), await load(b))).toEqual({ missing: ["xl/charts/chart1.xml"], changed: ["xl/worksheets/sheet1.xml"] });
});

test("the corpus has at least 30 workbooks from every kind of writer", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  const writers = new Set(CORPUS.map((c) => c.writer));
  expect([...writers].sort()).toEqual(["excel", "exceljs", "gnumeric", "libreoffice", "openpyxl", "script"]);
  expect(CORPUS.filter((c) => c.writer === "excel").length).toBeGreaterThanOrEqual(5);
});

/** What each corpus file must carry for its test to mean something (part names in the input package). */
const CARRIES: Record<string, RegExp[]> = {
  "opx-tables": [/^xl\/tables\/table\d+\.xml$/],
  "opx-chart": [/^xl\/charts\/chart\d+\.xml$/, /^xl\/drawings\/drawing\d+\.xml$/],
  "opx-comment": [/^xl\/comments\/?comment\d*\.xml$|^xl\/comments\d+\.xml$/, /\.vml$/],
  "opx-all": [/^xl\/charts\//, /comment/, /^xl\/tables\//],
  "ex-plain": [/^xl\/media\//, /comments/],
  "nostyles-opx-plain": [],
  "lo-opx-chart": [/^xl\/charts\//],
  "lo-opx-comment": [/comments/],
  "xl-chart_column01": [/^xl\/charts\/chart1\.xml$/],
  "xl-chartsheet01": [/^xl\/chartsheets\/sheet1\.xml$/],
  "xl-comment01": [/^xl\/comments1\.xml$/, /^xl\/drawings\/vmlDrawing1\.vml$/],
  "xl-image01": [/^xl\/media\/image1\.png$/],
  "xl-header_image01": [/^xl\/media\/image1\.jpeg$/],
  "xl-table01": [/^xl\/tables\/table1\.xml$/],
  "xl-pivots": [/^xl\/pivotTables\/pivotTable1\.xml$/, /^xl\/pivotCache\/pivotCacheRecords1\.xml$/, /^xl\/calcChain\.xml$/],
  "xl-pictures_in_cell_and_over_cell": [/^xl\/richData\//],
};

interop.describe("the corpus through openpyxl, LibreOffice and Gnumeric", () => {
  // ---------------------------------------------------------------- the run

  let tools: Tools = { python: null, soffice: null, ssconvert: null };
  let corpus: BuiltCorpus | null = null;
  const outcomes: Record<string, Outcome> = {};
  const sanity: { file: string; libreoffice?: Value | string; gnumeric?: Value | string } = { file: path.join(RUN, "sanity", "sanity.xlsx") };
  const timing: Record<string, number> = {};

  beforeAll(async () => {
    tools = await findTools();
    let t = Date.now();
    corpus = await buildCorpus(ART, tools);
    timing.corpus = Date.now() - t;

    // check and report, in process, one file after the other
    t = Date.now();
    mkdirSync(OUT, { recursive: true });
    for (const c of CORPUS) {
      const input = corpus.files[c.name];
      const o: Outcome = { check: { code: -1, out: "", err: "" } };
      outcomes[c.name] = o;
      try {
        o.check = await cli(["check", input]);
        const output = path.join(OUT, `${c.name}.xlsx`);
        o.report = await cli(["report", input, "-o", output]);
        if (o.report.code === 0 && existsSync(output)) o.output = output;
      } catch (e) {
        o.crash = e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e);
      }
    }
    timing.reports = Date.now() - t;

    // at the same time: LibreOffice (one start, recalculating every file, then openpyxl reads its values),
    // openpyxl's full load of our outputs, and Gnumeric (one run per file)
    t = Date.now();
    const written = CORPUS.filter((c) => outcomes[c.name].output);
    // a workbook whose cached value is wrong: both engines must correct it, or the comparison checks nothing
    const sanityBook = new ExcelJS.Workbook();
    const sanitySheet = sanityBook.addWorksheet("T");
    sanitySheet.getCell("A1").value = 20;
    sanitySheet.getCell("A2").value = { formula: "A1*2+1", result: 999 };
    mkdirSync(path.join(RUN, "sanity"), { recursive: true });
    await sanityBook.xlsx.writeFile(sanity.file);
    const dump = async (jobs: object[], tag: string): Promise<Dump[]> => {
      const jobsFile = path.join(RUN, `openpyxl-${tag}.json`);
      writeFileSync(jobsFile, JSON.stringify(jobs));
      const r = await run(tools.python as string, [path.join(__dirname, "..", "scripts", "interop", "dump_values.py"), jobsFile]);
      return JSON.parse(r.stdout) as Dump[];
    };
    const ours = (async () => {
      const dumps = await dump(written.map((c) => ({ full: outcomes[c.name].output })), "ours");
      written.forEach((c, i) => (outcomes[c.name].dump = dumps[i]));
      timing.openpyxl = Date.now() - t;
    })();
    const lo = (async () => {
      // two LibreOffice processes (own profiles), each on half of the files (plus the sanity file): one start each
      const inputs = [...written.map((c) => outcomes[c.name].output as string), sanity.file];
      const halves = [inputs.filter((_, i) => i % 2 === 0), inputs.filter((_, i) => i % 2 === 1)];
      const converted = new Map<string, string | null>();
      await Promise.all(halves.map(async (half) => {
        const files = await convertWithLibreOffice(tools.soffice as string, half, LO_OUT, { filter: "xlsx:Calc MS Excel 2007 XML", ext: "xlsx", recalc: true });
        half.forEach((f, i) => converted.set(f, files[i]));
      }));
      written.forEach((c) => (outcomes[c.name].lo = converted.get(outcomes[c.name].output as string) ?? null));
      const sanityLo = converted.get(sanity.file);
      if (sanityLo) sanity.libreoffice = (await dump([{ values: sanityLo }], "sanity"))[0].values?.T?.A2 ?? null;
      timing.libreoffice = Date.now() - t;
      await ours; // the date system of each output comes from its full load
      const read = written.filter((c) => outcomes[c.name].lo);
      const dumps = await dump(read.map((c) => ({ values: outcomes[c.name].lo, date1904: outcomes[c.name].dump?.date1904 ?? false })), "libreoffice");
      read.forEach((c, i) => {
        if (dumps[i].ok) outcomes[c.name].loValues = dumps[i].values;
        else outcomes[c.name].loError = `openpyxl cannot read LibreOffice's copy: ${dumps[i].error}`;
      });
      timing.libreofficeValues = Date.now() - t;
    })();
    const gn = (async () => {
      sanity.gnumeric = (await gnumericValues(tools.ssconvert as string, sanity.file)).T?.A2 ?? null;
      for (const c of written) {
        try {
          outcomes[c.name].gnumeric = await gnumericValues(tools.ssconvert as string, outcomes[c.name].output as string);
        } catch (e) {
          outcomes[c.name].gnumericError = e instanceof Error ? e.message : String(e);
        }
      }
      timing.gnumeric = Date.now() - t;
    })();
    await Promise.all([ours, lo, gn]);
    timing.engines = Date.now() - t;
    console.log(`interop corpus: ${CORPUS.length} files (${corpus.cached ? "cached" : `generated in ${corpus.ms} ms`}); timing ms ${JSON.stringify(timing)}`);
  }, 900_000);

  test("LibreOffice and Gnumeric really recalculate here (a wrong cached value is corrected)", () => {
    expect({ libreoffice: sanity.libreoffice, gnumeric: sanity.gnumeric }).toEqual({ libreoffice: 41, gnumeric: "41" });
  });

  test("each corpus file carries the parts it is meant to test; no styles part where there should be none", async () => {
    const lacking: string[] = [];
    for (const [name, patterns] of Object.entries(CARRIES)) {
      const parts = [...(await entries((corpus as BuiltCorpus).files[name])).keys()];
      for (const p of patterns) if (!parts.some((x) => p.test(x))) lacking.push(`${name}: ${p}`);
    }
    expect(lacking).toEqual([]);
    for (const name of ["nostyles-opx-plain", "nostyles-ex-example"]) expect((await entries((corpus as BuiltCorpus).files[name])).has("xl/styles.xml")).toBe(false);
    const wb1904 = utf8((await entries((corpus as BuiltCorpus).files["opx-1904"])).get("xl/workbook.xml"));
    expect(wb1904).toMatch(/date1904="(1|true)"/);
  });

  describe.each(CORPUS.map((c) => [c.name, c] as [string, CorpusFile]))("%s", (name, c) => {
    test(`check and report succeed with the worked example's key figures (${c.what})`, () => {
      const o = outcomes[name];
      expect(o.crash).toBeUndefined();
      expect({ code: o.check.code, err: o.check.err }).toEqual({ code: 0, err: "" });
      expect(o.check.out).toMatch(/\b0 fouten\b|geen fouten/);
      expect({ code: o.report?.code, err: o.report?.code === 0 ? "" : o.report?.err }).toEqual({ code: 0, err: "" });
      for (const [label, text] of KEY_FIGURES) expect(o.report?.out).toMatch(new RegExp(`${label.replace(/&/g, "\\&")}\\s+€ ${text.replace(/\./g, "\\.")}`));
    });

    test("every input part is in the output with the same bytes (except the parts the host may edit)", async () => {
      const o = outcomes[name];
      expect(o.output).toBeDefined();
      const input = await entries((corpus as BuiltCorpus).files[name]);
      const output = await entries(o.output as string);
      expect(partDiff(input, output)).toEqual({ missing: [], changed: [] });
    });

    test("the input's sheets, the user's charts, comments, images, pivots and defined names are still there and referenced", async () => {
      const o = outcomes[name];
      expect(o.output).toBeDefined();
      const input = await entries((corpus as BuiltCorpus).files[name]);
      const output = await entries(o.output as string);
      // every input sheet keeps its name and its part
      const outSheets = new Map(sheetParts(output));
      const lostSheets = sheetParts(input).filter(([n, part]) => outSheets.get(n) !== part).map(([n, part]) => `${n} (${part} → ${outSheets.get(n) ?? "absent"})`);
      expect(lostSheets).toEqual([]);
      // every part reachable in the input is reachable in the output (charts, drawings, comments, VML, media, tables, pivots …)
      const before = reachable(input);
      const after = reachable(output);
      const unreferenced = [...before].filter((p) => input.has(p) && p !== "xl/calcChain.xml" && !after.has(p)).sort();
      expect(unreferenced).toEqual([]);
      // every reachable part still has a content type in the output
      const types = utf8(output.get("[Content_Types].xml"));
      const untyped = [...before].filter((p) => input.has(p) && p !== "xl/calcChain.xml").filter((p) => {
        if (types.includes(`PartName="/${p}"`)) return false;
        const ext = path.posix.extname(p).slice(1).toLowerCase();
        return !new RegExp(`<Default\\b[^>]*Extension="${ext}"`, "i").test(types);
      });
      expect(untyped).toEqual([]);
      // defined names: same name, scope (by sheet name) and formula
      const names = definedNames(output);
      expect(definedNames(input).filter((d) => !names.includes(d))).toEqual([]);
    });

    test("the output opens in openpyxl, LibreOffice and Gnumeric", () => {
      const o = outcomes[name];
      expect(o.output).toBeDefined();
      expect({ ok: o.dump?.ok, error: o.dump?.error }).toEqual({ ok: true, error: undefined });
      expect({ libreoffice: Boolean(o.lo) && o.loValues !== undefined, error: o.loError }).toEqual({ libreoffice: true, error: undefined });
      expect({ gnumeric: o.gnumeric !== undefined, error: o.gnumericError }).toEqual({ gnumeric: true, error: undefined });
      // the same sheets everywhere (LibreOffice and Gnumeric see every worksheet openpyxl sees)
      const sheets = o.dump?.sheets ?? [];
      expect(sheets.filter((s) => !(s in (o.loValues ?? {})))).toEqual([]);
      expect(sheets.filter((s) => !(s in (o.gnumeric ?? {})))).toEqual([]);
    });

    test("every formula cell, recalculated by LibreOffice and by Gnumeric, equals the cached value (to the cent)", async () => {
      const o = outcomes[name];
      expect(o.dump?.cells).toBeDefined();
      const inputSheets = new Set(sheetParts(await entries((corpus as BuiltCorpus).files[name])).map(([n]) => n));
      const cells = o.dump?.cells ?? [];
      let compared = 0;
      const lo: string[] = [];
      const gn: string[] = [];
      for (const [sheet, ref, formula, cached] of cells) {
        const loValue = o.loValues?.[sheet]?.[ref] ?? null;
        // a formula another tool wrote without a result (openpyxl) has nothing to compare
        if (inputSheets.has(sheet) && cached === null) continue;
        compared++;
        if (!sameValue(cached, loValue)) lo.push(`${sheet}!${ref} ${formula} cached ${JSON.stringify(cached)} LibreOffice ${JSON.stringify(loValue)}`);
        // a user's own formula on an input sheet: LibreOffice only (Gnumeric 1.12.55 does not evaluate
        // structured references such as SUBTOTAL(109,Realisatie[Bedrag]) in a table's totals row)
        if (inputSheets.has(sheet)) continue;
        const g = gnumericAs(cached, o.gnumeric?.[sheet]?.[ref]);
        if (!sameValue(cached, g)) gn.push(`${sheet}!${ref} ${formula} cached ${JSON.stringify(cached)} Gnumeric ${JSON.stringify(g)}`);
      }
      expect(compared).toBeGreaterThan(100);
      // the key figures are cached values of formula cells in the output
      for (const [label, , value] of KEY_FIGURES) {
        expect([label, cells.some(([sheet, , , v]) => !inputSheets.has(sheet) && typeof v === "number" && Math.abs(v - value) < 0.005)]).toEqual([label, true]);
      }
      expect({ libreoffice: lo.slice(0, 15), count: lo.length }).toEqual({ libreoffice: [], count: 0 });
      expect({ gnumeric: gn.slice(0, 15), count: gn.length }).toEqual({ gnumeric: [], count: 0 });
    });
  });
});
