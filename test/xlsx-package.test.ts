/**
 * The package-level file layer: what it writes follows the schema, keeps every part it does not own byte for
 * byte, does not grow on rebuilds, and reads what other writers put in a package (1904 dates, inline
 * strings, absolute relationship targets, no styles part). Fixtures are zips built here with jszip, part by
 * part, from the OOXML text as the standard spells it.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { main } from "../src/cli/main";
import { cellAt } from "../src/input/grid";
import { readWorkbookBuffer } from "../src/xlsx/read";
import { planSheetXml } from "../src/xlsx/sheet-write";
import { StyleBook } from "../src/xlsx/styles";
import type { SheetPlan } from "../src/report/plan";

const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins",
  "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors",
  "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls",
  "webPublishItems", "tableParts", "extLst",
]; // ECMA-376 Part 1, CT_Worksheet (§18.3.1.99), copied from the schema, not from the writer

/** Local names of the root element's children, in document order. */
function topLevel(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  const p = new SaxesParser();
  p.on("opentag", (t) => {
    if (depth === 1) out.push(t.name.replace(/^.*:/, ""));
    if (!t.isSelfClosing) depth++;
  });
  p.on("closetag", (t) => {
    if (!t.isSelfClosing) depth--;
  });
  p.write(xml).close();
  return out;
}

const io = () => {
  const out: string[] = [];
  return { out, io: { out: (s: string) => out.push(s), err: (s: string) => out.push(s) } };
};

let dir: string;
let input: string;
let report: string;
let inZip: JSZip;
let outZip: JSZip;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "dvo-pkg-"));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(await main(["report"], io().io)).toBe(0); // the bundled example into out/
  } finally {
    process.chdir(cwd);
  }
  input = path.join(dir, "out", "voorbeeld-invoer-2025.xlsx");
  report = path.join(dir, "out", "voorbeeld-rapport-2025.xlsx");
  inZip = await JSZip.loadAsync(await fs.readFile(input));
  outZip = await JSZip.loadAsync(await fs.readFile(report));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const EDITABLE = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml", "xl/calcChain.xml"]);

async function partsOf(zip: JSZip): Promise<Map<string, Buffer>> {
  const m = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) m.set(name, await zip.file(name)!.async("nodebuffer"));
  return m;
}

describe("the report package", () => {
  test("every input part other than the workbook's lists is in the output with identical bytes", async () => {
    const a = await partsOf(inZip);
    const b = await partsOf(outZip);
    let compared = 0;
    for (const [name, bytes] of a) {
      if (EDITABLE.has(name)) continue;
      expect({ name, same: b.get(name)?.equals(bytes) }).toEqual({ name, same: true });
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  test("every worksheet in the output follows CT_Worksheet's element order", async () => {
    const sheets = Object.keys(outZip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThanOrEqual(12 + 9 + 3);
    for (const name of sheets) {
      const order = topLevel(await outZip.file(name)!.async("string")).map((el) => WORKSHEET_ORDER.indexOf(el));
      expect({ name, unknown: order.filter((i) => i < 0) }).toEqual({ name, unknown: [] });
      expect({ name, sorted: order.every((v, i) => i === 0 || order[i - 1] <= v) }).toEqual({ name, sorted: true });
    }
  });

  test("a sheet using every feature the plan has (merges, highlights, protection, chart, tab colour) is in order too", () => {
    const plan: SheetPlan = {
      name: "Alles", widths: [20, 12], freezeRows: 2, merges: ["A1:B1"], tabColor: "1F3864", editable: ["B3"],
      cells: [[{ v: "Titel", s: "title" }], [{ v: "Kop", s: "header" }, { v: "Bedrag", s: "header" }], [{ v: "x" }, { f: "1+1", r: 2, nf: "€ #,##0.00" }]],
      conditional: [{ range: "B3:B3", formula: "B3>1", style: "bad" }],
      charts: [{ kind: "column", title: "T", categories: "A3:A3", series: [{ name: "S", values: "B3:B3" }], anchor: "D2", width: 300, height: 200 }],
    };
    const xml = planSheetXml(plan, new StyleBook(undefined), { protect: true, drawingRId: "rId1" });
    const names = topLevel(xml);
    for (const el of ["sheetPr", "sheetViews", "cols", "sheetData", "sheetProtection", "mergeCells", "conditionalFormatting", "pageMargins", "pageSetup", "headerFooter", "drawing"]) expect(names).toContain(el);
    const order = names.map((el) => WORKSHEET_ORDER.indexOf(el));
    expect(order.filter((i) => i < 0)).toEqual([]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test("every relationship target exists and every part is reached from the package root", async () => {
    const names = new Set(Object.keys(outZip.files).filter((n) => !outZip.files[n].dir));
    const reached = new Set<string>(["[Content_Types].xml", "_rels/.rels"]);
    const queue = [""];
    while (queue.length) {
      const src = queue.pop()!;
      const relsName = src === "" ? "_rels/.rels" : src.replace(/([^/]+)$/, "_rels/$1.rels");
      const f = outZip.file(relsName);
      if (!f) continue;
      reached.add(relsName);
      const xml = await f.async("string");
      for (const m of xml.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const base = src.includes("/") ? src.slice(0, src.lastIndexOf("/") + 1) : "";
        const parts = (m[1].startsWith("/") ? m[1].slice(1) : base + m[1]).split("/");
        const norm: string[] = [];
        for (const s of parts) {
          if (s === "..") norm.pop();
          else if (s !== ".") norm.push(s);
        }
        const target = norm.join("/");
        expect({ from: relsName, target, exists: names.has(target) }).toEqual({ from: relsName, target, exists: true });
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    expect([...names].filter((n) => !reached.has(n))).toEqual([]);
    const ct = await outZip.file("[Content_Types].xml")!.async("string");
    for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect({ override: m[1], exists: names.has(m[1]) }).toEqual({ override: m[1], exists: true });
  });

  test("the report has its native charts: one in 6.2, two in 6.5, referring to cells of their own sheet", async () => {
    const charts = Object.keys(outZip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(3);
    const refs: string[] = [];
    for (const c of charts) for (const m of (await outZip.file(c)!.async("string")).matchAll(/<c:f>([^<]+)<\/c:f>/g)) refs.push(m[1]);
    expect(new Set(refs.map((r) => r.replace(/!.*$/, "")))).toEqual(new Set(["'6.2 Kwantitatief'", "'6.5 Financieel'"]));
  });

  test("text goes in as inline strings; the user's shared strings are not touched", async () => {
    expect((await outZip.file("xl/sharedStrings.xml")!.async("nodebuffer")).equals(await inZip.file("xl/sharedStrings.xml")!.async("nodebuffer"))).toBe(true);
  });

  test("a rebuild replaces the report: same sheets, no parts piling up, the style sheet stops growing", async () => {
    const second = path.join(dir, "tweede.xlsx");
    const third = path.join(dir, "derde.xlsx");
    expect(await main(["report", report, "-o", second], io().io)).toBe(0);
    expect(await main(["report", second, "-o", third], io().io)).toBe(0);
    const z2 = await JSZip.loadAsync(await fs.readFile(second));
    const z3 = await JSZip.loadAsync(await fs.readFile(third));
    const names = (z: JSZip) => Object.keys(z.files).filter((n) => !z.files[n].dir).sort();
    expect(names(z3)).toEqual(names(z2));
    expect(names(z2).filter((n) => /charts\/chart/.test(n))).toHaveLength(3);
    const sheetList = async (z: JSZip) => [...(await z.file("xl/workbook.xml")!.async("string")).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(await sheetList(z3)).toEqual(await sheetList(z2));
    expect(await sheetList(z2)).toEqual(await sheetList(outZip));
    expect(await z3.file("xl/styles.xml")!.async("string")).toBe(await z2.file("xl/styles.xml")!.async("string"));
    // the Logboek grows by one row per build, its earlier rows untouched
    const log = async (z: JSZip) => {
      const wb = await z.file("xl/workbook.xml")!.async("string");
      const rid = /<sheet [^>]*name="Logboek"[^>]*r:id="([^"]+)"/.exec(wb)![1];
      const rels = await z.file("xl/_rels/workbook.xml.rels")!.async("string");
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
      return (await z.file(`xl/${target[1] ?? target[2]}`)!.async("string")).match(/<row /g)!.length;
    };
    expect(await log(z3)).toBe((await log(z2)) + 1);
  });
});

describe("namespaces as other writers declare them", () => {
  test("relationship prefix declared on each <sheet> (as openpyxl does): the new sheets' r:id is in scope", async () => {
    const z = await JSZip.loadAsync(await fs.readFile(input));
    const wb = await z.file("xl/workbook.xml")!.async("string");
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const moved = wb.replace(` xmlns:r="${rel}"`, "").replace(/<sheet /g, `<sheet xmlns:r="${rel}" `);
    expect(moved).not.toBe(wb);
    z.file("xl/workbook.xml", moved);
    const openpyxlStyle = path.join(dir, "openpyxl-stijl.xlsx");
    await fs.writeFile(openpyxlStyle, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(dir, "openpyxl-stijl-rapport.xlsx");
    expect(await main(["report", openpyxlStyle, "-o", out], io().io)).toBe(0);
    const xml = await (await JSZip.loadAsync(await fs.readFile(out))).file("xl/workbook.xml")!.async("string");
    // a namespace-aware parser refuses a prefix that is not in scope
    const p = new SaxesParser({ xmlns: true });
    let sheets = 0;
    p.on("opentag", (t) => { if (t.local === "sheet") sheets++; });
    expect(() => p.write(xml).close()).not.toThrow();
    expect(sheets).toBeGreaterThan(12 + 9);
  });
});

// ---- a workbook written part by part, as other tools write them ----

const CT = (extra: string) => `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${extra}</Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`;

async function tinyWorkbook(opts: { date1904?: boolean; styles?: string; sheetData: string; workbookType?: string }): Promise<Uint8Array> {
  const z = new JSZip();
  const stylesOverride = opts.styles ? `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` : "";
  let ct = CT(stylesOverride);
  if (opts.workbookType) ct = ct.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", opts.workbookType);
  z.file("[Content_Types].xml", ct);
  z.file("_rels/.rels", RELS);
  z.file("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="Cellen" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  z.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>${opts.styles ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : ""}</Relationships>`);
  z.file("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${opts.sheetData}</sheetData></worksheet>`);
  if (opts.styles) z.file("xl/styles.xml", opts.styles);
  return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d/m/yy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

describe("reading what other writers put in a package", () => {
  test("absolute targets, no styles part, inline strings, rich text, t=str, t=e, booleans", async () => {
    const bytes = await tinyWorkbook({
      sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><r><t>vet</t></r><r><t xml:space="preserve"> en gewoon</t></r></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1"><f>1+1</f></c><c r="F1"><v>2.5</v></c></row>`,
    });
    const r = await readWorkbookBuffer(bytes, "x.xlsx");
    if (!r.ok) throw new Error(r.message);
    const g = r.grids.sheets[0];
    expect(g.rows[0]).toEqual(["vet en gewoon", true, { error: "#DIV/0!" }, "ab", null, 2.5]);
    expect(g.blank?.E1).toEqual({ formula: "1+1" });
  });

  test.each([
    ["1900", false, 45748],
    ["1904", true, 45748 - 1462],
  ])("dates by number format (built-in 14 and custom d/m/yy) in the %s date system", async (_, date1904, serial) => {
    const bytes = await tinyWorkbook({
      date1904, styles: STYLES,
      sheetData: `<row r="1"><c r="A1" s="1"><v>${serial}</v></c><c r="B1" s="2"><v>${serial}</v></c><c r="C1" s="3"><v>${serial}</v></c></row>`,
    });
    const r = await readWorkbookBuffer(bytes, "x.xlsx");
    if (!r.ok) throw new Error(r.message);
    const g = r.grids.sheets[0];
    // 45748 is 1 April 2025 in the 1900 system (Excel: =DATE(2025,4,1))
    expect(cellAt(g, 1, 1)).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(cellAt(g, 1, 2)).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(cellAt(g, 1, 3)).toBe(serial);
  });

  test.each([["deflated", "DEFLATE"], ["stored", "STORE"]] as const)("a sheet of several MB (%s) is read like a small one", async (_, compression) => {
    const rows: string[] = [];
    const N = 30_000;
    for (let r = 1; r <= N; r++) {
      // entities, an inline string with runs, a CDATA section and a comment: every kind of piece boundary
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><r><t>R&amp;D ${r}</t></r><r><t xml:space="preserve"> &#8364;</t></r></is></c><c r="B${r}"><v>${r}.25</v></c><!-- opmerking --><c r="C${r}" t="str"><f>A${r}</f><v><![CDATA[x<y ${r}]]></v></c></row>`);
    }
    const z = await JSZip.loadAsync(await tinyWorkbook({ sheetData: rows.join("") }));
    const bytes = await z.generateAsync({ type: "uint8array", compression });
    const size = (await z.file("xl/worksheets/sheet1.xml")!.async("uint8array")).length;
    expect(size).toBeGreaterThan(4_000_000);
    const r = await readWorkbookBuffer(bytes, "groot.xlsx");
    if (!r.ok) throw new Error(r.message);
    const g = r.grids.sheets[0];
    expect(g.rows).toHaveLength(N);
    for (const i of [0, 1, 4_999, 12_345, N - 1]) expect(g.rows[i]).toEqual([`R&D ${i + 1} €`, i + 1.25, `x<y ${i + 1}`]);
  });

  test("a macro workbook, an encrypted entry and a damaged part get one Dutch sentence", async () => {
    const xlsm = await tinyWorkbook({ sheetData: "", workbookType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml" });
    const m = await readWorkbookBuffer(xlsm, "macro.xlsm");
    expect(m.ok ? "" : m.message).toMatch(/^Het bestand 'macro\.xlsm' is een werkmap met macro's \(\.xlsm\)/);
    const enc = Buffer.from(await tinyWorkbook({ sheetData: "" }));
    // set the "encrypted" flag of every central directory entry
    for (let i = enc.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; i = enc.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) enc[i + 8] |= 1;
    const e = await readWorkbookBuffer(enc, "geheim.xlsx");
    expect(e.ok ? "" : e.message).toMatch(/met een wachtwoord versleuteld/);
    const bad = await tinyWorkbook({ sheetData: `<row r="1"><c r="A1"><v>1</v></row>` });
    const b = await readWorkbookBuffer(bad, "kapot.xlsx");
    expect(b.ok ? "" : b.message).toBe("Het bestand 'kapot.xlsx' is beschadigd: het onderdeel xl/worksheets/sheet1.xml (werkblad 'Cellen') is geen geldige XML; open het in Excel, laat Excel het herstellen en sla het op als nieuwe Excel-werkmap (.xlsx).");
  });
});
