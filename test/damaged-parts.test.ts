/**
 * A damaged file (issue 16, item 7): an input part the file host reads or edits that is not well-formed
 * XML is one Dutch sentence naming the part, exit 1 from `check` and from `report`, and nothing written.
 * Before this, a sharedStrings.xml with raw control characters and a truncated styles.xml were read and
 * written on, and Excel then refused the output. A damaged part the file host only copies through (a
 * theme) is not its to judge: it stays as it was.
 * Each damaged input is the bundled example with one part edited, made here with JSZip.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli as run } from "./support/cli";
import { exampleWorkbook } from "../src/xlsx/example";
import { checkWellFormed, XmlError } from "../src/xlsx/xml-scan";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-damaged-"));
let good: Buffer;

/** The sentence the user reads: stderr without the progress lines. */
const message = (r: { err: string }) => r.err.split("\n").filter((l) => !l.startsWith("[") && l.trim() !== "").join("\n");

/** The example with one part changed by `edit` (its text in, its damaged text out). */
async function damaged(name: string, part: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(good);
  const entry = zip.file(part);
  if (!entry) throw new Error(`the example has no ${part}`);
  const before = await entry.async("string");
  const after = edit(before);
  expect(after).not.toBe(before);
  zip.file(part, after);
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

/** The worksheet part of a sheet, by its name in the example's workbook.xml and relationships. */
async function sheetPart(name: string): Promise<string> {
  const zip = await JSZip.loadAsync(good);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(\\w+)"`).exec(wb)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

const half = (xml: string) => xml.slice(0, Math.floor(xml.length / 2));

beforeAll(async () => {
  good = Buffer.from((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
}, 60_000);

const CASES: Array<{ name: string; part: () => Promise<string>; edit: (xml: string) => string; sheet?: string }> = [
  // a control character raw in a shared string (Excel writes it escaped as _x0001_)
  { name: "strings-control", part: async () => "xl/sharedStrings.xml", edit: (x) => x.replace(/<t>([^<]{3})/, "<t>$1\u0001\u0002") },
  { name: "styles-truncated", part: async () => "xl/styles.xml", edit: half },
  { name: "sheet-truncated", part: () => sheetPart("Formatie"), edit: half, sheet: "Formatie" },
  { name: "workbook-unclosed", part: async () => "xl/workbook.xml", edit: (x) => x.replace("</sheets>", "") },
  { name: "content-types-mismatch", part: async () => "[Content_Types].xml", edit: (x) => x.replace("</Types>", "</Typen>") },
  { name: "rels-bare-ampersand", part: async () => "xl/_rels/workbook.xml.rels", edit: (x) => x.replace("<Relationship ", "<Relationship Extra=\"a & b\" ") },
  { name: "app-two-roots", part: async () => "docProps/app.xml", edit: (x) => `${x}<Properties/>` },
];

describe.each(CASES.map((c) => [c.name, c] as [string, (typeof CASES)[number]]))("%s", (name, c) => {
  let input = "";
  let part = "";
  beforeAll(async () => {
    part = await c.part();
    input = await damaged(name, part, c.edit);
  }, 60_000);

  const sentence = () => `Het bestand '${input}' is beschadigd: het onderdeel ${part}${c.sheet ? ` (werkblad '${c.sheet}')` : ""} is geen geldige XML; ` +
    "open het in Excel, laat Excel het herstellen en sla het op als nieuwe Excel-werkmap (.xlsx).";

  test("check: exit 1, one Dutch sentence naming the part", async () => {
    const r = await run(["check", input]);
    expect(r.code).toBe(1);
    expect(message(r)).toBe(sentence());
  });

  test("report: exit 1, the same sentence, nothing written", async () => {
    const output = path.join(dir, `${name}-rapport.xlsx`);
    const before = readFileSync(input);
    const r = await run(["report", input, "-o", output]);
    expect(r.code).toBe(1);
    expect(message(r)).toBe(sentence());
    expect(existsSync(output)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

test("the undamaged example: check and report succeed (the cases above fail for their damage only)", async () => {
  const input = path.join(dir, "goed.xlsx");
  writeFileSync(input, good);
  expect((await run(["check", input])).code).toBe(0);
  expect((await run(["report", input, "-o", path.join(dir, "goed-rapport.xlsx")])).code).toBe(0);
}, 60_000);

test("a damaged part only copied through (the theme) is left as it is, byte for byte", async () => {
  const input = await damaged("theme-truncated", "xl/theme/theme1.xml", half);
  const output = path.join(dir, "theme-rapport.xlsx");
  expect((await run(["report", input, "-o", output])).code).toBe(0);
  const theme = async (f: string) => (await JSZip.loadAsync(readFileSync(f))).file("xl/theme/theme1.xml")!.async("string");
  expect(await theme(output)).toBe(await theme(input));
}, 60_000);

describe("the scanner's well-formedness checks, part by part", () => {
  const ok = (xml: string) => {
    try {
      checkWellFormed(xml);
      return "ok";
    } catch (e) {
      return e instanceof XmlError ? "damaged" : "crash";
    }
  };

  test.each([
    ['<?xml version="1.0"?>\n<a:b xmlns:a="x"><a:c r="1"/><a:d>x &amp; y &#38; &#x26;</a:d></a:b>\n'],
    ["<a><b >text</b ><c\n/></a>"],
    ["<a><![CDATA[a & b < c]]><!-- R&D --></a>"],
    ["<a>\t\r\n tab, CR and LF are XML characters</a>"],
  ])("accepted: %j", (xml) => expect(ok(xml)).toBe("ok"));

  test.each([
    ["<a>\u0001</a>"],
    ['<a b="\u001f"/>'],
    ["<a>R&D</a>"],
    ["<a>&nbsp;</a>"],
    ["<a><b></a></b>"],
    ["<a:b xmlns:a='x'></b>"],
    ["<a><b>"],
    ["<a/><a/>"],
    ["text<a/>"],
    ["<a><b"],
    [""],
  ])("refused: %j", (xml) => expect(ok(xml)).toBe("damaged"));
});
