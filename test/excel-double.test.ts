/**
 * The strict Excel double refuses what Excel refuses (Office.js documentation), so that the host's tests
 * against it mean something. Expected values come from the documentation, not from the double.
 */
import { DoubleError, ExcelDouble, r1c1ToA1, renameSheetRefs } from "./support/excel-double";

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof DoubleError ? e.code : `not a RichApi error: ${String(e)}`;
  }
  return "no error";
}

function thrownCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof DoubleError ? e.code : String(e);
  }
  return "no error";
}

describe("load and sync", () => {
  test("a property read before load + sync throws PropertyNotLoaded; after both it reads", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1", rows: [["a", 1]] }] });
    const ctx = xl.context();
    const range = ctx.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
    expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
    range.load("values");
    expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
    await ctx.sync();
    expect(range.values).toEqual([["a", 1]]);
    expect(thrownCode(() => range.rowCount)).toBe("PropertyNotLoaded");
    const sheets = ctx.workbook.worksheets;
    expect(thrownCode(() => sheets.items)).toBe("PropertyNotLoaded");
  });

  test("isNullObject is known only after the sync that resolved the object", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    const ctx = xl.context();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Weg");
    const used = ctx.workbook.worksheets.getItem("Blad1").getUsedRangeOrNullObject(true);
    expect(thrownCode(() => missing.isNullObject)).toBe("PropertyNotLoaded");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(used.isNullObject).toBe(true);
  });

  test("getItem of a missing sheet does not throw at the call but fails the sync with ItemNotFound", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    const ctx = xl.context();
    let sheet: Excel.Worksheet | undefined;
    expect(() => { sheet = ctx.workbook.worksheets.getItem("Bestaat niet"); }).not.toThrow();
    sheet?.getRange("A1").load("values");
    expect(await code(ctx.sync())).toBe("ItemNotFound");
  });

  test("in the partial model, operations before the failing one stay applied; the rest of the batch is dropped", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }], batch: "partial" });
    const ctx = xl.context();
    ctx.workbook.worksheets.add("Eerste");
    ctx.workbook.worksheets.getItem("Weg").delete();
    ctx.workbook.worksheets.add("Derde");
    expect(await code(ctx.sync())).toBe("ItemNotFound");
    expect(xl.sheetNames()).toEqual(["Blad1", "Eerste"]);
  });

  test("a method call on a null object fails the sync (stricter than the documentation says)", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItemOrNullObject("Weg").delete();
    expect(await code(ctx.sync())).toBe("ItemNotFound");
  });
});

describe("sheet names", () => {
  test.each([
    ["a".repeat(32), "InvalidArgument"],
    ["Kosten/baten", "InvalidArgument"],
    ["Vraag?", "InvalidArgument"],
    ["Ster*", "InvalidArgument"],
    ["[Blok]", "InvalidArgument"],
    ["Tijd: nu", "InvalidArgument"],
    ["Back\\slash", "InvalidArgument"],
    ["'quote", "InvalidArgument"],
    ["", "InvalidArgument"],
    ["History", "InvalidArgument"],
    ["history", "InvalidArgument"],
    ["formatie", "ItemAlreadyExists"],
    ["a".repeat(31), "no error"],
    ["6.5 Financieel (concept)", "no error"],
  ])("add %j → %s", async (name, expected) => {
    const xl = new ExcelDouble({ sheets: [{ name: "Formatie" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.add(name);
    expect(await code(ctx.sync())).toBe(expected);
  });

  test("a rename to a name in use (any case) fails with ItemAlreadyExists", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Formatie" }, { name: "Blad2" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Blad2").name = "FORMATIE";
    expect(await code(ctx.sync())).toBe("ItemAlreadyExists");
  });
});

describe("values, formulas and number formats", () => {
  const fresh = () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1", rows: [["oud", "oud"], ["oud", "oud"]] }] });
    const ctx = xl.context();
    return { xl, ctx, ws: ctx.workbook.worksheets.getItem("Blad1") };
  };

  test("a 2-D array whose size differs from the range fails with InvalidArgument", async () => {
    for (const v of [[[1, 2, 3], [4, 5, 6]], [[1, 2]], [[1], [2]], [[1, 2], [3]]]) {
      const { ctx, ws } = fresh();
      ws.getRange("A1:B2").values = v;
      expect(await code(ctx.sync())).toBe("InvalidArgument");
    }
  });

  test("a single value or a 1×1 array on a bigger range is refused: only a 2-D array of the range's shape (Range reference: any[][])", async () => {
    for (const write of [
      (ws: Excel.Worksheet) => void (ws.getRange("A1:B2").values = 7 as unknown as unknown[][]),
      (ws: Excel.Worksheet) => void (ws.getRange("A1:B2").numberFormat = "0.00" as unknown as string[][]),
      (ws: Excel.Worksheet) => void (ws.getRange("A1:B2").formulas = "=1" as unknown as string[][]),
      (ws: Excel.Worksheet) => void (ws.getRange("A1:A3").formulasR1C1 = "=R1C2" as unknown as string[][]),
      (ws: Excel.Worksheet) => void (ws.getRange("A1:B2").numberFormat = [["0%"]]),
    ]) {
      const { xl, ctx, ws } = fresh();
      write(ws);
      expect(await code(ctx.sync())).toBe("InvalidArgument");
      expect(xl.values("Blad1", "A1:B2")).toEqual([["oud", "oud"], ["oud", "oud"]]);
    }
    const { xl, ctx, ws } = fresh();
    ws.getRange("A1:A2").numberFormat = [["0.00"], ["0.00"]];
    await ctx.sync();
    expect(xl.cell("Blad1", "A2").numberFormat).toBe("0.00");
  });

  test("null in a 2-D array leaves that cell as it is", async () => {
    const { xl, ctx, ws } = fresh();
    ws.getRange("A1:B2").values = [[null, "nieuw"], ["nieuw", null]];
    await ctx.sync();
    expect(xl.values("Blad1", "A1:B2")).toEqual([["oud", "nieuw"], ["nieuw", "oud"]]);
  });

  test("a leading apostrophe stores text; without it Excel reads numbers, dates, booleans and formulas", async () => {
    const { xl, ctx, ws } = fresh();
    ws.getRange("A1:F1").values = [["'007", "007", "'=1+1", "=1+1", "TRUE", "'TRUE"]];
    ws.getRange("A2:B2").values = [["2025-07-01", "'2025-07-01"]];
    await ctx.sync();
    expect(xl.values("Blad1", "A1:B1")).toEqual([["007", 7]]);
    expect(xl.cell("Blad1", "C1")).toMatchObject({ value: "=1+1" });
    expect(xl.cell("Blad1", "C1").formula).toBeUndefined();
    expect(xl.cell("Blad1", "D1").formula).toBe("=1+1");
    expect(xl.values("Blad1", "E1:F1")).toEqual([[true, "TRUE"]]);
    expect(xl.values("Blad1", "A2:B2")).toEqual([[45839, "2025-07-01"]]);
  });

  test("text starting with + - @ that is no number is refused (the host must quote user text)", async () => {
    for (const v of ["+31 procent", "-5 klachten", "@ommen"]) {
      const { ctx, ws } = fresh();
      ws.getRange("A1").values = [[v]];
      expect(await code(ctx.sync())).toBe("InvalidArgument");
    }
    const { xl, ctx, ws } = fresh();
    ws.getRange("A1:B1").values = [["-5", "'-5 klachten"]];
    await ctx.sync();
    expect(xl.values("Blad1", "A1:B1")).toEqual([[-5, "-5 klachten"]]);
  });

  test("an unbalanced formula is refused", async () => {
    const { ctx, ws } = fresh();
    ws.getRange("A1").formulas = [["=SUM(A2:A3"]];
    expect(await code(ctx.sync())).toBe("InvalidArgument");
  });

  test("formulasR1C1 is kept as Excel shows it in A1", async () => {
    const { xl, ctx, ws } = fresh();
    ws.getRange("C5:C7").formulasR1C1 = [["=SUM(R[-4]C[-2]:R[-1]C[-2])*R1C1"], ["=SUM(R[-4]C[-2]:R[-1]C[-2])*R1C1"], ["=SUM(R[-4]C[-2]:R[-1]C[-2])*R1C1"]];
    await ctx.sync();
    expect(xl.cell("Blad1", "C5").formula).toBe("=SUM(A1:A4)*$A$1");
    expect(xl.cell("Blad1", "C7").formula).toBe("=SUM(A3:A6)*$A$1");
  });
});

describe("the double's own R1C1 → A1", () => {
  test.each([
    ["=RC[-1]", 3, 4, "=C3"],
    ["=R[-1]C", 3, 4, "=D2"],
    ["=R2C3", 9, 9, "=$C$2"],
    ["=R[1]C2+R3C[1]", 2, 2, "=$B3+C$3"],
    ["=SUM(C3)", 5, 1, "=SUM($C:$C)"],
    ["=SUM(C[1])", 5, 1, "=SUM(B:B)"],
    ["=SUM(Realisatie!C3)", 5, 1, "=SUM(Realisatie!$C:$C)"],
    ["=SUM('6.5 Financieel'!C3:C4)", 5, 1, "=SUM('6.5 Financieel'!$C:$D)"],
    ["=SUM(R2)", 5, 1, "=SUM($2:$2)"],
    ["=SUM(R[-1]:R[1])", 5, 1, "=SUM(4:6)"],
    ["=ROUND(RC[-5]*RC[-1],2)", 12, 9, "=ROUND(D12*H12,2)"],
    ["=IF(RC[-2]=\"R1C1\",1,0)", 3, 5, "=IF(C3=\"R1C1\",1,0)"],
    ["=COUNTIFS(Realisatie!C2,\"x\")", 1, 1, "=COUNTIFS(Realisatie!$B:$B,\"x\")"],
    ["=RC[-1]", 1, 1, "=#REF!"],
  ])("%s in R%iC%i → %s", (r1c1, row, col, a1) => expect(r1c1ToA1(r1c1, row, col)).toBe(a1));
});

describe("sheets renamed and deleted", () => {
  test("references follow a renamed sheet; a deleted sheet's references become #REF!", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Data", rows: [[1]] }, { name: "Rapport", formulas: { A1: "=Data!A1*2", B1: "='Data'!$A$1", C1: "=\"Data!A1\"" } }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Data").name = "Data 2025";
    await ctx.sync();
    expect(xl.cell("Rapport", "A1").formula).toBe("='Data 2025'!A1*2");
    expect(xl.cell("Rapport", "B1").formula).toBe("='Data 2025'!$A$1");
    expect(xl.cell("Rapport", "C1").formula).toBe("=\"Data!A1\"");
    ctx.workbook.worksheets.getItem("Data 2025").delete();
    await ctx.sync();
    expect(xl.cell("Rapport", "A1").formula).toBe("=#REF!*2");
    expect(renameSheetRefs("=SUM(x!A:A)+xy!A1", "x", "Nieuw blad")).toBe("=SUM('Nieuw blad'!A:A)+xy!A1");
  });

  test("the last visible sheet can neither be deleted nor hidden", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Enig" }, { name: "_meta", visibility: "VeryHidden" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Enig").visibility = "Hidden";
    expect(await code(ctx.sync())).toBe("InvalidOperation");
    ctx.workbook.worksheets.getItem("Enig").delete();
    expect(await code(ctx.sync())).toBe("InvalidOperation");
  });
});

describe("protection", () => {
  test("writing to a protected sheet fails with AccessDenied; widths pass when formatting columns is allowed", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }, { name: "Getekend" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Getekend").protection.protect({ allowFormatColumns: true });
    await ctx.sync();
    const ws = ctx.workbook.worksheets.getItem("Getekend");
    ws.getRange("A:A").format.columnWidth = 80;
    await ctx.sync();
    for (const write of [
      () => void (ws.getRange("A1").values = [[1]]),
      () => void (ws.getRange("A1").numberFormat = [["0"]]),
      () => void (ws.getRange("A1").format.font.bold = true),
      () => ws.getRange("A1:B2").clear(),
    ]) {
      write();
      expect(await code(ctx.sync())).toBe("AccessDenied");
    }
    expect(xl.sheet("Getekend").columnWidths.get(1)).toBe(80);
  });

  test("a protected workbook structure refuses adding, deleting and renaming sheets", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }, { name: "Blad2" }], structureProtected: true });
    for (const change of [
      (c: Excel.RequestContext) => void c.workbook.worksheets.add("Nieuw"),
      (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Blad2").delete(),
      (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem("Blad2").name = "Anders"),
    ]) {
      const ctx = xl.context();
      change(ctx);
      expect(await code(ctx.sync())).toBe("AccessDenied");
    }
  });
});

describe("payload limits and requirement sets", () => {
  const big = (n: number) => Array.from({ length: n }, (_, i) => [`'regel ${i} met een omschrijving van enige lengte om bytes te maken`, i, "'D-2025-0001"]);

  test("on the web a request over 5 MB fails the sync, on desktop it passes; the size is measured", async () => {
    const rows = big(70_000);
    const bytes = JSON.stringify(rows).length;
    expect(bytes).toBeGreaterThan(5 * 1024 * 1024);
    for (const [profile, expected] of [["web", "RequestPayloadSizeLimitExceeded"], ["m365", "no error"]] as const) {
      const xl = new ExcelDouble({ profile, sheets: [{ name: "Blad1" }] });
      const ctx = xl.context();
      ctx.workbook.worksheets.getItem("Blad1").getRange(`A1:C${rows.length}`).values = rows;
      expect(await code(ctx.sync())).toBe(expected);
      expect(xl.syncs[0].request).toBeGreaterThan(bytes);
    }
  });

  test("on the web a response over 5 MB fails the sync and delivers nothing", async () => {
    const xl = new ExcelDouble({ profile: "web", sheets: [{ name: "Blad1", rows: big(70_000).map((r) => r.map((v) => (typeof v === "string" ? v.slice(1) : v))) }] });
    const ctx = xl.context();
    const r = ctx.workbook.worksheets.getItem("Blad1").getUsedRange(true).load("values");
    expect(await code(ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    expect(thrownCode(() => r.values)).toBe("PropertyNotLoaded");
    expect(xl.syncs[0].response).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("an API above the profile's requirement set fails with ApiNotFound (Excel 2019: up to ExcelApi 1.8)", async () => {
    const xl = new ExcelDouble({ profile: "excel2019", sheets: [{ name: "Blad1" }] });
    expect(xl.supports("1.8")).toBe(true);
    expect(xl.supports("1.9")).toBe(false);
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Blad1").getRanges("A1,B2").format.font.bold = true;
    expect(await code(ctx.sync())).toBe("ApiNotFound");
    const ok = new ExcelDouble({ profile: "excel2021" });
    expect(ok.supports("1.14")).toBe(true);
    expect(ok.supports("1.15")).toBe(false);
    expect(new ExcelDouble({ profile: "m365" }).supports("1.20")).toBe(true);
  });
});

describe("export", () => {
  test("sheet order, per cell value / A1 formula / number format, visibility and protection", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.add("Rapport");
    ws.getRange("A1:B1").formulas = [["'Totaal", "=SUM(C:C)"]];
    ws.getRange("B1").numberFormat = [["#,##0"]];
    ws.getRange("A1").format.font.bold = true;
    ctx.workbook.worksheets.add("_meta").visibility = "VeryHidden";
    await ctx.sync();
    const out = xl.exportWorkbook();
    expect(out.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([["Blad1", "Visible", false], ["Rapport", "Visible", false], ["_meta", "VeryHidden", false]]);
    expect(out.sheets[1].cells).toEqual({
      A1: { value: "Totaal", numberFormat: "General", style: { bold: true } },
      B1: { value: null, formula: "=SUM(C:C)", numberFormat: "#,##0" },
    });
  });
});

describe("references to sheets", () => {
  test("a formula that refers to a sheet that does not exist yet keeps #REF!, not the reference", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    const ctx = xl.context();
    const a = ctx.workbook.worksheets.add("Eerst");
    a.getRange("A1:B1").formulas = [["=Later!A1+1", "=Blad1!A1"]];
    ctx.workbook.worksheets.add("Later");
    await ctx.sync();
    expect(xl.cell("Eerst", "A1").formula).toBe("=#REF!+1");
    expect(xl.cell("Eerst", "B1").formula).toBe("=Blad1!A1");
  });
});

describe("rules from the reference pages", () => {
  test("a very hidden sheet cannot be deleted (Worksheet.delete: InvalidOperation); once hidden it can", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }, { name: "_geheim", visibility: "VeryHidden" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("_geheim").delete();
    expect(await code(ctx.sync())).toBe("InvalidOperation");
    const ws = ctx.workbook.worksheets.getItem("_geheim");
    ws.visibility = "Hidden";
    ws.delete();
    await ctx.sync();
    expect(xl.sheetNames()).toEqual(["Blad1"]);
  });

  test("with reuseIds (Excel on Mac) a deleted sheet's id goes to the next new sheet; without, never", async () => {
    for (const reuseIds of [true, false]) {
      const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }, { name: "Weg" }], reuseIds });
      const id = xl.sheet("Weg").id;
      const ctx = xl.context();
      ctx.workbook.worksheets.getItem("Weg").delete();
      ctx.workbook.worksheets.add("Nieuw");
      await ctx.sync();
      expect([reuseIds, xl.sheet("Nieuw").id === id]).toEqual([reuseIds, reuseIds]);
    }
  });

  test("a read of the values of more than 5,000,000 cells fails with RangeExceedsLimit; the range's size can still be read", async () => {
    const xl = new ExcelDouble({ profile: "m365", sheets: [{ name: "Blad1" }] });
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1:E1000001").load("values");
    expect(await code(ctx.sync())).toBe("RangeExceedsLimit");
    expect(xl.syncs[0].error).toBe("RangeExceedsLimit");
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1:E1000001").load("rowCount");
    expect(await code(ctx.sync())).toBe("no error");
  });

  test("each sync records the most cells one range read asked for (values, formulas or number formats), not a range's size alone", async () => {
    const xl = new ExcelDouble({ profile: "web", sheets: [{ name: "Blad1", rows: [[1, 2, 3], [4, 5, 6]] }] });
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("Blad1");
    ws.getRange("A1:C2").load("values");
    ws.getRange("A1:B1").load("formulas");
    await ctx.sync();
    ws.getRange("A1:E1000001").load("rowCount");
    await ctx.sync();
    ws.getRange("A1:E1000001").load("values");
    expect(await code(ctx.sync())).toBe("RangeExceedsLimit");
    expect(xl.syncs.map((s) => s.cellsRead)).toEqual([6, 0, 5_000_005]);
  });

  test("Excel.run syncs what is still queued when its function resolves", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    await xl.run(async (ctx) => void ctx.workbook.worksheets.add("Zonder sync"));
    expect(xl.sheetNames()).toEqual(["Blad1", "Zonder sync"]);
  });

  test("Worksheet.visibility is read from ExcelApi 1.1 and set from 1.2", async () => {
    const xl = new ExcelDouble({ maxApi: "1.1", sheets: [{ name: "Blad1" }, { name: "Blad2" }] });
    const ctx = xl.context();
    const list = ctx.workbook.worksheets.load("items/visibility");
    expect(await code(ctx.sync())).toBe("no error");
    expect(list.items[1].visibility).toBe("Visible");
    ctx.workbook.worksheets.getItem("Blad2").visibility = "Hidden";
    expect(await code(ctx.sync())).toBe("ApiNotFound");
  });
});

describe("batch models", () => {
  test.each([["partial", ["Blad1", "Eerste"]], ["atomic", ["Blad1"]]] as const)("a failing batch in the %s model keeps %j", async (batch, kept) => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1", rows: [[1]] }], batch });
    const ctx = xl.context();
    ctx.workbook.worksheets.add("Eerste");
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1").values = [[2]];
    ctx.workbook.worksheets.getItem("Weg").delete();
    expect(await code(ctx.sync())).toBe("ItemNotFound");
    expect(xl.sheetNames()).toEqual(kept);
    expect(xl.values("Blad1", "A1")).toEqual([[batch === "partial" ? 2 : 1]]);
  });

  test.each(["partial", "atomic"] as const)("a batch of reads that fails in the %s model changes nothing and delivers nothing", async (batch) => {
    const xl = new ExcelDouble({ profile: "web", sheets: [{ name: "Blad1", rows: [[1, "a"]] }], batch });
    const ctx = xl.context();
    const ws = ctx.workbook.worksheets.getItem("Blad1");
    const a = ws.getRange("A1:B1").load("values");
    ws.getRange("A1:E1000001").load("values");
    expect(await code(ctx.sync())).toBe("RangeExceedsLimit");
    expect(thrownCode(() => a.values)).toBe("PropertyNotLoaded");
    expect([xl.sheetNames(), xl.values("Blad1", "A1:B1")]).toEqual([["Blad1"], [[1, "a"]]]);
  });
});

describe("calculation and events", () => {
  test("formulas written under suspended calculation are stale until a full calculation; Recalculate is not enough", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1", rows: [[1]] }] });
    const ctx = xl.context();
    ctx.application.suspendApiCalculationUntilNextSync();
    ctx.workbook.worksheets.getItem("Blad1").getRange("B1:C1").formulas = [["=A1*2", "=B1+1"]];
    await ctx.sync();
    expect(xl.staleFormulas()).toEqual(["Blad1!B1", "Blad1!C1"]);
    ctx.application.calculate("Recalculate");
    await ctx.sync();
    expect(xl.staleFormulas()).toHaveLength(2);
    ctx.application.calculate("Full");
    await ctx.sync();
    expect(xl.staleFormulas()).toEqual([]);
    // without suspension Excel calculates as it goes
    ctx.workbook.worksheets.getItem("Blad1").getRange("D1").formulas = [["=C1"]];
    await ctx.sync();
    expect(xl.staleFormulas()).toEqual([]);
  });

  test("with enableEvents off nothing is raised, a person's edit included; on again, both are", async () => {
    const xl = new ExcelDouble({ sheets: [{ name: "Blad1" }] });
    const seen: string[] = [];
    const ctx = xl.context();
    ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(`${e.worksheetId === xl.sheet("Blad1").id ? "Blad1" : "?"}!${e.address}`));
    ctx.runtime.enableEvents = false;
    ctx.workbook.worksheets.getItem("Blad1").getRange("A1").values = [[1]];
    await ctx.sync();
    xl.userEdit("Blad1", "B2", 5);
    ctx.runtime.enableEvents = true;
    ctx.workbook.worksheets.getItem("Blad1").getRange("A2").values = [[1]];
    await ctx.sync();
    xl.userEdit("Blad1", "B3", 5);
    await xl.settled();
    expect(seen).toEqual(["Blad1!A2", "Blad1!B3"]);
  });
});

describe("the 5 MB request limit at its boundary", () => {
  // values alone of about `bytes` bytes of JSON: rows of one 30,000-character text
  const rowsOf = (bytes: number) => {
    const row = [`'${"x".repeat(29_999)}`];
    const n = Math.floor(bytes / (JSON.stringify(row).length + 1));
    return Array.from({ length: n }, () => row);
  };
  const LIMIT = 5 * 1024 * 1024;

  test("just under 5 MB of values passes on the web, just over fails", async () => {
    for (const [bytes, expected] of [[LIMIT - 40_000, "no error"], [LIMIT + 40_000, "RequestPayloadSizeLimitExceeded"]] as const) {
      const rows = rowsOf(bytes);
      const xl = new ExcelDouble({ profile: "web", sheets: [{ name: "Blad1" }] });
      const ctx = xl.context();
      ctx.workbook.worksheets.getItem("Blad1").getRange(`A1:A${rows.length}`).values = rows;
      expect([bytes, await code(ctx.sync())]).toEqual([bytes, expected]);
    }
  });
});
