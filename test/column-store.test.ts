/**
 * The file host's two ways of holding a sheet (issue 19): row arrays, and the compact column store used for a
 * very large input sheet; and its two ways of scanning one (the fast path on bytes for plain cells, the
 * general XML scanner for the rest), fed whole or in pieces. Every way must give the same cells. The
 * expected values of the hand-written sheet are written here by hand.
 */
import { FormColumn } from "../src/input/table";
import type { ValueForm } from "../src/input/cells";
import { exampleWorkbook } from "../src/xlsx/example";
import { SHEETS } from "../src/domain/glossary";
import { cellAt, columnLetter, lastCol, lastRow, type CellValue, type SheetGrid, type WorkbookGrids } from "../src/input/grid";
import { parseWorkbook } from "../src/input/parse";
import { takeSnapshot } from "../src/records/snapshot";
import { Package } from "../src/xlsx/package";
import { readBytes, readBytesSync } from "../src/xlsx/read";
import { readSheetChunks, type CellContext } from "../src/xlsx/sheet-read";
import { workbookInfo } from "../src/xlsx/workbook";

let example: Uint8Array;
beforeAll(async () => {
  example = new Uint8Array((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
});

function ok(r: ReturnType<typeof readBytesSync>): WorkbookGrids {
  if (!r.ok) throw new Error(r.message);
  return r.grids;
}

/** Every cell of a grid by address, to compare grids held in different ways. */
function cells(g: SheetGrid): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (let r = 1; r <= lastRow(g); r++) for (let c = 1; c <= lastCol(g); c++) {
    const v = cellAt(g, r, c);
    if (v !== null) out[`${r}:${c}`] = v;
  }
  return out;
}

describe("the column store gives the cells a row grid gives", () => {
  test("the example workbook: every input sheet, and the parsed inputs and problems", async () => {
    const rows = ok(readBytesSync(example, "x"));
    const stored = ok(readBytesSync(example, "x", { storeAbove: 0 }));
    const chunked = ok(await readBytes(example, "x", { storeAbove: 0 }));
    const inputs = new Set<string>(Object.values(SHEETS));
    const kept = stored.sheets.filter((g) => inputs.has(g.name));
    expect(kept.length).toBeGreaterThan(5);
    for (const g of kept) {
      expect(g.store).toBeDefined();
      expect(g.rows).toEqual([]);
      const plain = rows.sheets.find((x) => x.name === g.name)!;
      expect(plain.store).toBeUndefined();
      expect([lastRow(g), lastCol(g)]).toEqual([lastRow(plain), lastCol(plain)]);
      expect(cells(g)).toEqual(cells(plain));
      expect(cells(chunked.sheets.find((x) => x.name === g.name)!)).toEqual(cells(plain));
    }
    // the records snapshot hashes every input row, however the host kept the sheet
    const snapRows = takeSnapshot(rows), snapStored = takeSnapshot(stored);
    expect(snapStored).toEqual(snapRows);
    expect(takeSnapshot(stored, 1)).toEqual(takeSnapshot(rows, 1));
    expect(snapRows.get(SHEETS.ledger)?.size).toBeGreaterThan(10);
    const a = parseWorkbook(rows), b = parseWorkbook(stored);
    expect(b.problems).toEqual(a.problems);
    expect(b.inputs).toEqual(a.inputs);
    expect(a.inputs?.ledger.length).toBeGreaterThan(10);
  });
});

/** A sheet with every kind of cell, and the quirks of other writers (prefixes, missing `r`, CDATA). */
const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F9"/>
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>-1234.56</v></c><c r="D1" s="1"><v>45658</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; text</t></is></c><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c><c r="F2"><f>1+1</f><v>2</v></c></row>
<row r="3"><c r="A3"><f>X()</f></c><c r="B3" t="str"><f>"a"</f><v>tekst</v></c><c r="C3"><v>1E-3</v></c><c r="D3"><v>12345678901234567</v></c></row>
<row><c r="A4" t="s"><v>2</v></c><c r="B4"><v> </v></c></row>
<row r="6"><c r="A6"/><c r="B6" t="s"/><c r="C6"><v>0.1</v></c></row>
<!-- a comment between rows -->
<x:row r="7" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="A7"><x:v>7</x:v></x:c><x:c r="B7" t="s"><x:v>1</x:v></x:c></x:row>
<row r="8"><c r="A8" t="inlineStr"><is><t><![CDATA[<cdata>]]></t></is></c><c r="C8" t="s"><v>3</v></c></row>
<row r="9"><c r="B9"><v>.5</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="D8:E8"/></mergeCells></worksheet>`;

const STRINGS = ["Rekening", "Omschrijving é", "KP100", "  "];
const EXPECTED: Record<string, CellValue> = {
  "1:1": "Rekening", "1:2": "Omschrijving é", "1:3": -1234.56, "1:4": new Date(Date.UTC(2025, 0, 1)),
  "2:1": "inline & text", "2:2": true, "2:3": { error: "#REF!" }, "2:6": 2,
  "3:2": "tekst", "3:3": 0.001, "3:4": Number("12345678901234567"),
  "4:1": "KP100",
  // an empty <c t="s"/> reads as shared string 0, as it always has
  "6:2": "Rekening", "6:3": 0.1,
  "7:1": 7, "7:2": "Omschrijving é",
  // C8 is blank text after the row's last value: not kept, as in a row grid
  "8:1": "<cdata>",
  "9:2": 0.5,
};

describe("the fast path and the general scanner read the same values, whole or in pieces", () => {
  const ctx: CellContext = { strings: STRINGS, dateStyle: [false, true], date1904: false };
  const bytes = new TextEncoder().encode(SHEET);
  // the package only lends its (absent) tables and relationships: the sheet's XML comes from `pieces`
  let pkg: Package;
  let part: string;
  beforeAll(() => {
    pkg = Package.fromBytes(example);
    part = workbookInfo(pkg).sheets[0].part;
  });
  const pieces = (n: number): Uint8Array[] => {
    const out: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += n) out.push(bytes.slice(i, i + n));
    return out;
  };
  for (const store of [false, true]) {
    for (const size of [bytes.length, 1, 3, 7, 64]) {
      test(`${store ? "column store" : "row grid"}, pieces of ${size} bytes`, async () => {
        const g = await readSheetChunks(pkg, part, "Realisatie", ctx, pieces(size), bytes.length, { store });
        expect(cells(g)).toEqual(EXPECTED);
        expect([lastRow(g), lastCol(g)]).toEqual([9, 6]);
        expect(g.blank?.A3).toEqual({ formula: "X()" });
        expect(g.blank?.E8).toEqual({ mergedInto: "D8" });
      });
    }
  }

  test.each([
    ["a row that is not closed", SHEET.replace("</row>\n<row r=\"3\">", "\n<row r=\"3\">")],
    ["a row closed twice", SHEET.replace("</row>\n<row r=\"3\">", "</row></row>\n<row r=\"3\">")],
    ["a file cut off in a cell", SHEET.slice(0, SHEET.indexOf("<v>45658") + 5)],
    ["a file cut off after a row", SHEET.slice(0, SHEET.indexOf("<row r=\"3\">"))],
  ])("malformed XML is refused also on the fast path: %s", async (_, xml) => {
    const bad = new TextEncoder().encode(xml);
    await expect(readSheetChunks(pkg, part, "Realisatie", ctx, [bad], bad.length, { store: true })).rejects.toThrow();
  });
});

describe("the forms of the cells read", () => {
  test("a column of forms reads back what was set, by row, over a million rows with gaps (a byte a row, no hash table)", () => {
    const c = new FormColumn();
    const set = new Map<number, ValueForm>();
    const forms: ValueForm[] = ["number", "serial", "text-dmy", "text-ymd", "text"];
    for (let row = 3; row < 1_048_576; row += 17 + (row % 13)) {
      const f = forms[row % 5];
      c.set(row, f);
      set.set(row, f);
    }
    c.set(3, "text");
    set.set(3, "text");
    for (const [row, f] of set) expect(c.get(row)).toBe(f);
    expect([c.get(0), c.get(4), c.get(2_000_000), c.get(-1)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("cell start tags of every shape read alike on the fast path and by the general scanner", () => {
  // the general scanner alone reads a part that starts with a UTF-16 byte order mark
  const utf16 = (s: string): Uint8Array => {
    const b = new Uint8Array(2 + s.length * 2);
    b[0] = 0xff;
    b[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      b[2 + 2 * i] = s.charCodeAt(i) & 255;
      b[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    return b;
  };
  let seed = 42;
  const random = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
  const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)];

  function sheetXml(rows: number): string {
    const out: string[] = [];
    for (let r = 1; r <= rows; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= 6; c++) {
        if (random(7) === 0) continue;
        const q = random(6) === 0 ? "'" : '"';
        const sp = () => (random(8) === 0 ? "  " : random(12) === 0 ? "\n" : " ");
        const letters = columnLetter(c);
        const attrs: string[] = [];
        const kind = pick(["n", "n", "s", "s", "b", "str", "e", "empty"] as const);
        if (random(10) !== 0) attrs.push(`r=${q}${random(10) === 0 ? letters.toLowerCase() : letters}${r}${q}`);
        if (random(3) === 0) attrs.push(`s=${q}${random(3)}${q}`);
        if (kind === "s" || kind === "b" || kind === "str" || kind === "e") attrs.push(`t=${q}${kind}${q}`);
        else if (random(5) === 0) attrs.push(`t=${q}n${q}`);
        for (let i = attrs.length - 1; i > 0; i--) {
          const j = random(i + 1);
          [attrs[i], attrs[j]] = [attrs[j], attrs[i]];
        }
        const start = `<c${attrs.map((a) => sp() + a.replace("=", random(15) === 0 ? " = " : "=")).join("")}${random(10) === 0 ? " " : ""}`;
        const value = kind === "n" ? String(pick([1, -2.5, 45658, 1234.56, 0.1, 1e-3])) : kind === "s" ? String(random(STRINGS.length)) : kind === "b" ? "1" : kind === "e" ? "#N/A" : "";
        if (kind === "empty") cells.push(`${start}/>`);
        else if (kind === "str") cells.push(`${start}><f>1+1</f><v>tekst</v></c>`);
        else cells.push(`${start}><v>${value}</v></c>`);
      }
      out.push(`<row r="${r}">${cells.join("")}</row>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join("\n")}</sheetData></worksheet>`;
  }

  test("2,000 generated rows, whole and in pieces, as a row grid and a column store", async () => {
    const pkg = Package.fromBytes(example);
    const part = workbookInfo(pkg).sheets[0].part;
    const ctx: CellContext = { strings: STRINGS, dateStyle: [false, true, false], date1904: false };
    const xml = sheetXml(2000);
    const general = await readSheetChunks(pkg, part, "Realisatie", ctx, [utf16(xml)], xml.length * 2, { store: false });
    const expected = cells(general);
    expect(Object.keys(expected).length).toBeGreaterThan(8000);
    const bytes = new TextEncoder().encode(xml);
    for (const [size, store] of [[bytes.length, false], [bytes.length, true], [37, true], [4096, false]] as const) {
      const pieces: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.slice(i, i + size));
      const fast = await readSheetChunks(pkg, part, "Realisatie", ctx, pieces, bytes.length, { store });
      expect(cells(fast)).toEqual(expected);
    }
  });
});
