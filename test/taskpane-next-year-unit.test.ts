/**
 * The pane's "Volgend jaar" without a browser: the estimate checks (Dutch messages per field) and, inside
 * Excel, the host function that opens the new workbook. There is no Excel.createWorkbook in the strict
 * Excel double (test/support/excel-double), so the Excel side is tested with a stub that records the
 * base64 it is given; the base64 is decoded by Node and read back with the file host's reader.
 */
import { isoDate } from "../src/domain/dates";
import { exampleWorkbook } from "../src/xlsx/example";
import { nextYearBytes } from "../src/xlsx/next-year-book";
import { parseWorkbook } from "../src/input/parse";
import { checkCaoEntries, checkCaoEntry, openAsNewWorkbook, toBase64 } from "../src/taskpane/next-year";
import { readWorkbookBuffer } from "../src/xlsx/read";

describe("cao estimates as the pane checks them", () => {
  test("accepted forms, read by the engine's parser", () => {
    for (const [raise, kind, value] of [["+2,5%", "percent", 0.025], ["2,5 %", "percent", 0.025], ["+€35", "amount", 35], ["€ 35", "amount", 35], ["+35 euro", "amount", 35]] as const) {
      const r = checkCaoEntry({ date: "2027-07-01", raise });
      expect(r.ok && [r.raise.kind, r.raise.value, r.raise.effective]).toEqual([kind, value, { year: 2027, month: 7, day: 1 }]);
    }
  });

  test("a Dutch message for the field that is wrong", () => {
    expect(checkCaoEntry({ date: "", raise: "+2%" })).toEqual({ ok: false, field: "date", message: "Vul de ingangsdatum van de verwachte cao-verhoging in." });
    expect(checkCaoEntry({ date: "2027-07-01", raise: "" })).toEqual({ ok: false, field: "raise", message: "Vul de verhoging in, bijvoorbeeld +2,5% of +€35." });
    expect(checkCaoEntry({ date: "2027-07-01", raise: "2,5" })).toMatchObject({ ok: false, field: "raise", message: expect.stringContaining("niet allebei en niet geen van beide") });
    expect(checkCaoEntry({ date: "2027-02-30", raise: "+2%" })).toMatchObject({ ok: false, field: "date", message: expect.stringContaining("is geen datum") });
    expect(checkCaoEntry({ date: "2027-07-01", raise: "-2%" })).toMatchObject({ ok: false, field: "raise", message: "'-2%' is geen verhoging: schrijf een percentage (+2,5%) of een bedrag per maand (+€35)." });
    const both = checkCaoEntries([{ date: "2027-07-01", raise: "+2%" }, { date: "2027-07-01", raise: "+€30" }, { date: "2027-10-01", raise: "+1%" }]);
    expect(both.raises.map((r) => r.label)).toEqual(["1-7-2027 +2%", "1-10-2027 +1%"]);
    expect([...both.errors.entries()]).toEqual([[1, { field: "date", message: "Er is al een raming met ingangsdatum 1-7-2027: geef per datum één verhoging op." }]]);
  });
});

describe("inside Excel: the new workbook is handed to Excel.createWorkbook as base64 (stub)", () => {
  test("the base64 decodes to next year's workbook; nothing else is called", async () => {
    const buf = (await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer;
    const source = await readWorkbookBuffer(new Uint8Array(buf));
    if (!source.ok) throw new Error(source.message);
    const built = await nextYearBytes(source.grids, checkCaoEntries([{ date: "2026-10-01", raise: "+€35" }]).raises);
    if (!built.ok) throw new Error("not built");
    const calls: string[] = [];
    await openAsNewWorkbook(built.bytes, async (b64) => void calls.push(b64));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(calls[0], "base64");
    expect(bytes.equals(Buffer.from(built.bytes))).toBe(true);
    const read = await readWorkbookBuffer(bytes);
    if (!read.ok) throw new Error(read.message);
    const parsed = parseWorkbook(read.grids);
    expect(parsed.inputs?.settings.year).toBe(2026);
    const raming = (parsed.inputs?.salaryTable ?? []).filter((r) => r.status === "raming");
    expect(raming.length).toBeGreaterThan(0);
    for (const r of raming) {
      const before = (parsed.inputs?.salaryTable ?? []).filter((b) => b.scale === r.scale && b.status !== "raming" && isoDate(b.effective) < "2026-10-01")
        .sort((a, b) => isoDate(a.effective).localeCompare(isoDate(b.effective))).pop();
      expect(r.maximum).toBe((before?.maximum ?? NaN) + 35);
    }
  });

  test("base64 of a large workbook (more than one 32 KB slice) matches Node's", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
