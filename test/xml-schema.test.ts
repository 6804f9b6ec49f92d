/**
 * Excel-grade files (issue 16, item 7): every XML part the file host writes validates against the
 * ECMA-376 transitional schemas Excel follows (test/schemas/ecma-376/, SOURCES.md), checked by xmllint.
 * Excel refuses a part LibreOffice and Gnumeric open ("We found a problem with some content"), so they
 * cannot be the judge.
 *
 * A part is "written" when the output holds it and the input does not, or holds other bytes; user parts
 * copied through are not ours to judge. A new part must validate; an edited part (workbook, styles,
 * content types, relationships, app.xml) must add no error its input did not already have. Parts are read
 * as an ECMA-only consumer reads them (test/support/schema-check.py: mc:Ignorable extensions left out).
 *
 * Cases: the bundled example's report; it offered for signing, signed, rebuilt and reopened; the template,
 * the overview and next year's workbook (written whole) and that one's report; and the report of every
 * file of the interop corpus (scripts/interop/).
 * Needs Debian libxml2-utils (xmllint): skipped with a warning without it, a failure with CI=true; the
 * corpus also needs python3-openpyxl, LibreOffice and Gnumeric, like test/interop.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { main } from "../src/cli/main";
import { exampleWorkbook } from "../src/xlsx/example";
import { buildCorpus, CORPUS } from "../scripts/interop/corpus";
import { findTools } from "../scripts/interop/tools";

const XMLLINT = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].find((p) => existsSync(p));
const REQUIRED = process.env.CI === "true";
if (!XMLLINT && REQUIRED) throw new Error("xmllint is required here (CI): apt-get install libxml2-utils");
if (!XMLLINT) console.warn("xmllint not found: the ECMA-376 schema checks are SKIPPED. Install libxml2-utils to run them.");
const maybe = XMLLINT ? describe : describe.skip;

const SCHEMAS = path.join(__dirname, "schemas", "ecma-376");
const CHECK = path.join(__dirname, "support", "schema-check.py");
/**
 * Core properties (docProps/core.xml) need the Dublin Core schemas, which are not part of ECMA-376; only
 * next year's workbook (written whole by exceljs) has one of ours, and it is not checked.
 */
const UNCHECKED = new Set(["http://schemas.openxmlformats.org/package/2006/metadata/core-properties"]);
/** root element namespace → schema */
const SCHEMA_OF: Record<string, string> = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "transitional/sml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "transitional/dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "transitional/dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "transitional/dml-main.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "opc/opc-contentTypes.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "opc/opc-relationships.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "transitional/shared-documentPropertiesExtended.xsd",
};

const dir = mkdtempSync(path.join(tmpdir(), "dvo-xsd-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(args, { out: () => undefined, err: (s) => err.push(s) });
  return { code, err: err.join("\n") };
}

async function entries(file: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("uint8array"));
  return out;
}

/** The namespace of a part's root element (from its first start tag). */
function rootNamespace(xml: string): string | undefined {
  const tag = /<(?![?!])([^\s/>]+)([^>]*)>/.exec(xml);
  if (!tag) return undefined;
  const prefix = tag[1].includes(":") ? tag[1].split(":")[0] : "";
  const decl = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*["']([^"']*)["']`).exec(tag[2]);
  return decl?.[1];
}

interface Written {
  part: string;
  /** extracted copy of the output part, and of the input part when it was edited */
  file: string;
  before?: string;
  schema?: string;
}

/** The XML parts of `output` that `input` does not hold byte for byte, extracted under `into`. */
async function writtenParts(input: string | null, output: string, into: string): Promise<Written[]> {
  const before = input ? await entries(input) : new Map<string, Uint8Array>();
  const after = await entries(output);
  const out: Written[] = [];
  for (const [part, bytes] of after) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const old = before.get(part);
    if (old && Buffer.from(old).equals(Buffer.from(bytes))) continue;
    const file = path.join(into, "out", part);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    const ns = rootNamespace(Buffer.from(bytes).toString("utf8"));
    if (ns && UNCHECKED.has(ns)) continue;
    const w: Written = { part, file, schema: ns && SCHEMA_OF[ns] ? path.join(SCHEMAS, SCHEMA_OF[ns]) : undefined };
    if (old) {
      w.before = path.join(into, "in", part);
      mkdirSync(path.dirname(w.before), { recursive: true });
      writeFileSync(w.before, old);
    }
    out.push(w);
  }
  return out;
}

/** xmllint's errors per file (one run of the checker for all of them). */
function validate(jobs: Array<{ file: string; schema: string }>): Record<string, string[]> {
  if (jobs.length === 0) return {};
  const json = execFileSync("python3", [CHECK], { input: JSON.stringify(jobs), encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(json) as Record<string, string[]>;
}

/** Every problem of the written parts: "part: error", [] when all is well. */
function problems(written: Written[]): string[] {
  const jobs: Array<{ file: string; schema: string }> = [];
  for (const w of written) {
    if (!w.schema) continue;
    jobs.push({ file: w.file, schema: w.schema });
    if (w.before) jobs.push({ file: w.before, schema: w.schema });
  }
  const errors = validate(jobs);
  const out: string[] = [];
  for (const w of written) {
    if (!w.schema) {
      out.push(`${w.part}: no ECMA-376 schema for its root element`);
      continue;
    }
    // an edited part may keep the errors its input had, and add none
    const had = [...(w.before ? errors[w.before] ?? [] : [])];
    for (const e of errors[w.file] ?? []) {
      const i = had.indexOf(e);
      if (i >= 0) had.splice(i, 1);
      else out.push(`${w.part}: ${e}`);
    }
  }
  return out;
}

async function check(input: string | null, output: string, name: string): Promise<{ written: Written[]; problems: string[] }> {
  const written = await writtenParts(input, output, path.join(dir, "parts", name));
  return { written, problems: problems(written) };
}

maybe("written parts against the ECMA-376 schemas", () => {
  const input = path.join(dir, "invoer.xlsx");
  const report = path.join(dir, "rapport.xlsx");

  beforeAll(async () => {
    await exampleWorkbook().xlsx.writeFile(input);
    const r = await cli(["report", input, "-o", report]);
    if (r.code !== 0) throw new Error(r.err);
  }, 120_000);

  test("the checker fails a sheet out of CT_Worksheet order and a part that is not well-formed", async () => {
    const written = await writtenParts(input, report, path.join(dir, "parts", "mutated"));
    const sheet = written.find((w) => /^xl\/worksheets\/sheet\d+\.xml$/.test(w.part) && /<pageMargins\b[^>]*\/>/.test(readFileSync(w.file, "utf8")));
    if (!sheet) throw new Error("no written sheet with pageMargins");
    const xml = readFileSync(sheet.file, "utf8");
    const margins = /<pageMargins\b[^>]*\/>/.exec(xml)![0];
    writeFileSync(sheet.file, xml.replace(margins, "").replace("<sheetData>", `${margins}<sheetData>`));
    const broken = path.join(dir, "broken.xml");
    writeFileSync(broken, xml.slice(0, xml.length >> 1));
    const errors = validate([{ file: sheet.file, schema: sheet.schema! }, { file: broken, schema: sheet.schema! }]);
    expect(errors[sheet.file].join("\n")).toMatch(/pageMargins.*not expected/);
    expect(errors[broken].join("\n")).toMatch(/not well-formed/);
  });

  test("the example's report: every written part validates", async () => {
    const { written, problems: p } = await check(input, report, "report");
    // the report's own sheets, drawings and charts are among them
    expect(written.filter((w) => w.part.startsWith("xl/charts/")).length).toBeGreaterThan(0);
    expect(written.filter((w) => w.part.startsWith("xl/worksheets/sheet")).length).toBeGreaterThan(5);
    expect(p).toEqual([]);
  });

  test("offered for signing, signed, rebuilt, reopened: every written part validates", async () => {
    const steps: Array<[string, string[]]> = [
      ["aangeboden", ["sign", "--accounthouder", "A. Jansen", "--ter-ondertekening"]],
      ["getekend", ["sign", "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen"]],
      ["herbouwd", ["report"]],
      ["heropend", ["reopen", "--door", "J. de Vries", "--reden", "Correctie formatie"]],
    ];
    let from = report;
    for (const [name, [command, ...args]] of steps) {
      const to = path.join(dir, `${name}.xlsx`);
      const r = await cli([command, from, ...args, "-o", to]);
      expect([name, r.code]).toEqual([name, 0]);
      expect([name, (await check(from, to, name)).problems]).toEqual([name, []]);
      from = to;
    }
  }, 180_000);

  test("the template and the overview (written whole) validate", async () => {
    const template = path.join(dir, "sjabloon.xlsx");
    expect((await cli(["template", "--jaar", "2026", "-o", template])).code).toBe(0);
    expect((await check(null, template, "template")).problems).toEqual([]);
    const overview = path.join(dir, "overzicht.xlsx");
    expect((await cli(["overzicht", input, report, "-o", overview])).code).toBe(0);
    const whole = await check(null, overview, "overview");
    expect(whole.written.length).toBeGreaterThan(3);
    expect(whole.problems).toEqual([]);
  }, 120_000);

  test("next year's workbook (written whole) and its report validate", async () => {
    const next = path.join(dir, "invoer-2026.xlsx");
    expect((await cli(["next-year", input, "-o", next])).code).toBe(0);
    const whole = await check(null, next, "next-year");
    expect(whole.written.map((w) => w.part)).toContain("xl/workbook.xml");
    expect(whole.problems).toEqual([]);
    const nextReport = path.join(dir, "rapport-2026.xlsx");
    expect((await cli(["report", next, "-o", nextReport])).code).toBe(0);
    expect((await check(next, nextReport, "next-year-report")).problems).toEqual([]);
  }, 120_000);
});

// the corpus's tools (scripts/interop/tools.ts finds them again, asynchronously, to build it)
const corpusMissing = [
  spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status !== 0 && "python3-openpyxl",
  !["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"].some((p) => existsSync(p)) && "libreoffice-calc-nogui",
  !["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"].some((p) => existsSync(p)) && "gnumeric",
].filter((m): m is string => typeof m === "string");
if (XMLLINT && corpusMissing.length > 0) {
  if (REQUIRED || process.env.DVO_REQUIRE_INTEROP === "1") throw new Error(`The interop corpus needs ${corpusMissing.join(", ")} here (CI): apt-get install ${corpusMissing.join(" ")}`);
  console.warn(`Schema checks of the interop corpus SKIPPED: missing ${corpusMissing.join(", ")}.`);
}

(XMLLINT && corpusMissing.length === 0 ? describe : describe.skip)("the interop corpus's reports against the ECMA-376 schemas", () => {
  const found: Record<string, string[] | string> = {};

  beforeAll(async () => {
    // the same cache as test/interop.test.ts
    const corpus = await buildCorpus(path.join(__dirname, "artifacts", "interop"), await findTools());
    const all: Array<[string, Written[]]> = [];
    for (const c of CORPUS) {
      const output = path.join(dir, "corpus", `${c.name}.xlsx`);
      mkdirSync(path.dirname(output), { recursive: true });
      const r = await cli(["report", corpus.files[c.name], "-o", output]);
      if (r.code !== 0) {
        found[c.name] = `report failed: ${r.err}`;
        continue;
      }
      all.push([c.name, await writtenParts(corpus.files[c.name], output, path.join(dir, "parts", `corpus-${c.name}`))]);
    }
    // one checker run for the whole corpus
    const flat = all.flatMap(([name, ws]) => ws.map((w) => ({ ...w, part: `${name}/${w.part}` })));
    const bad = problems(flat);
    for (const [name, ws] of all) found[name] = bad.filter((p) => p.startsWith(`${name}/`)).concat(ws.length === 0 ? ["nothing written"] : []);
  }, 900_000);

  test.each(CORPUS.map((c) => c.name))("%s: every part the report wrote validates", (name) => {
    expect(found[name]).toEqual([]);
  });
});
