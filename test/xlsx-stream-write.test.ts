/**
 * Writing a large report in bounded memory (issue 19): a long sheet goes into the package piece by piece
 * and is deflated as it comes. The pieces must make the same XML as the sheet written whole, with the same
 * styles, and the package must hold one valid DEFLATE stream of it — with fflate's deflater and with Node's
 * zlib (which the CLI plugs in and which deflates piece by piece).
 */
import { randomBytes } from "crypto";
import { deflateRawSync, inflateRawSync, constants } from "zlib";
import { inflateSync } from "fflate";
import type { SheetPlan } from "../src/report/plan";
import { Package } from "../src/xlsx/package";
import { planSheetWriter, planSheetXml, rowsSheetWriter, rowsSheetXml } from "../src/xlsx/sheet-write";
import { StyleBook } from "../src/xlsx/styles";
import { HexRun, RowHashes } from "../src/records/row-hashes";
import { EntryWriter, readZip, useDeflateCodec } from "../src/xlsx/zip";

const decode = (pieces: Uint8Array[]) => Buffer.concat(pieces).toString("utf8");
const collect = (w: (push: (b: Uint8Array) => void) => void): Uint8Array[] => {
  const out: Uint8Array[] = [];
  w((b) => out.push(b.slice()));
  return out;
};

/** A sheet of `rows` rows: text with characters beyond ASCII, formulas, styled empty cells, a styled value late in a row. */
function plan(rows: number): SheetPlan {
  const cells: SheetPlan["cells"] = [[{ v: "Titel € Ĳ", s: "title" }]];
  for (let r = 1; r < rows; r++) {
    cells.push([{ v: r }, { f: `MONTH(Realisatie!C${r})`, r: r % 12, nf: "0" }, { v: "", s: r % 5 === 0 ? "note" : undefined }, r % 97 === 0 ? { v: null, s: "warning" } : undefined]);
  }
  return { name: "Lang", widths: [10, 12], cells, merges: [], conditional: [{ range: "B2:B3", formula: "B2>1", style: "bad" }], charts: [], editable: ["B2"] };
}

describe("a long sheet written piece by piece", () => {
  test("gives the same XML, and takes styles in the same order, as the sheet written whole", () => {
    const whole = new StyleBook(undefined), pieces = new StyleBook(undefined);
    const p = plan(60_000);
    const xml = planSheetXml(p, whole);
    const streamed = collect(planSheetWriter(p, pieces));
    expect(streamed.length).toBeGreaterThan(2);
    expect(decode(streamed)).toBe(xml);
    expect(pieces.toXml()).toBe(whole.toXml());
    const rows = [["Realisatie", 2, "ab".repeat(8000)], ["#kop", 0, ""], [null, 3, "€"]];
    expect(decode(collect(rowsSheetWriter((fn) => rows.forEach((r) => fn(r)))))).toBe(rowsSheetXml(rows));
  });

  test("a run of row hashes written as ASCII bytes gives the XML of the same text written as a string (header style too)", () => {
    const hashes = new RowHashes();
    for (let row = 2; row < 3002; row++) hashes.set(row, (row * 2654435761).toString(16).padStart(16, "0").slice(-16));
    const runs = [new HexRun(hashes, 0, 1000), new HexRun(hashes, 1000, 3000)];
    const withRuns = [["Realisatie", 2, runs[0], "na"], ["Realisatie", 1002, runs[1]], ["#kop", 0, ""]];
    const asText = withRuns.map((r) => r.map((v) => (v instanceof HexRun ? v.toString() : v)));
    expect((asText[1][2] as string).length).toBe(32_000);
    expect(asText[1][2]).toBe([...hashes.values()].slice(1000).join(""));
    for (const opts of [{}, { headerXf: 3 }]) {
      expect(decode(collect(rowsSheetWriter((fn) => withRuns.forEach((r) => fn(r)), opts)))).toBe(rowsSheetXml(asText as (string | number)[][], opts));
    }
  });

  test("the package holds one valid DEFLATE stream of it, with fflate and with Node's zlib piece by piece", () => {
    const xml = planSheetXml(plan(30_000), new StyleBook(undefined));
    const check = () => {
      const pkg = new Package();
      pkg.set("xl/worksheets/sheet1.xml", planSheetWriter(plan(30_000), new StyleBook(undefined)));
      const [entry] = readZip(pkg.toBytes());
      expect(entry.size).toBe(Buffer.byteLength(xml));
      expect(Buffer.from(inflateSync(entry.raw)).toString("utf8")).toBe(xml);
      expect(pkg.text("xl/worksheets/sheet1.xml")).toBe(xml);
    };
    check();
    useDeflateCodec({
      inflate: (raw) => new Uint8Array(inflateRawSync(raw)),
      deflate: (data, level) => new Uint8Array(deflateRawSync(data, { level })),
      deflatePiece: (piece, level) => new Uint8Array(deflateRawSync(piece, { level, finishFlush: constants.Z_SYNC_FLUSH })),
    });
    check();
    const w = new EntryWriter();
    w.push(new TextEncoder().encode("a"));
    w.push(new TextEncoder().encode("b€"));
    expect(Buffer.from(inflateRawSync(w.entry("x").raw)).toString("utf8")).toBe("ab€");
  });

  test("hex digits (the snapshot) deflated with Huffman codes alone by the CLI's zlib: one valid stream, about half the size", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's codec, plugged into this file's zip module
    require("../src/cli/native");
    // as the snapshot's row hashes: digits with no repeats to find
    const pieces = Array.from({ length: 3 }, () => randomBytes(1 << 19).toString("hex"));
    const deflated = (literals: boolean) => {
      const w = new EntryWriter(literals);
      for (const p of pieces) w.push(new TextEncoder().encode(p));
      return w.entry("x");
    };
    const entry = deflated(true);
    expect(Buffer.from(inflateRawSync(entry.raw)).toString("latin1")).toBe(pieces.join(""));
    // 4 bits a digit and the code tables; the search for repeats finds none worth it and does worse
    expect(entry.raw.length).toBeLessThan(0.51 * 3 * (1 << 20));
    expect(entry.raw.length).toBeLessThan(deflated(false).raw.length);
  });
});
