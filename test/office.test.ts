/**
 * The Office.js host's call sequence, with office-addin-mock as the request context: a constant number
 * of round trips whatever the size of the plan, no write to an input sheet, user text written as text.
 */
import ExcelJS from "exceljs";
import { computeResults } from "../src/domain/compute";
import { readSignOff } from "../src/input/meta";
import { applyRecords } from "../src/xlsx/records";
import { SHEETS } from "../src/domain/glossary";
import { parseWorkbook } from "../src/input/parse";
import { toCellValues } from "../src/office/read";
import { bands, compress, formulaCell, writePlan } from "../src/office/write";
import { buildPlan } from "../src/report/build";
import type { WorkbookPlan } from "../src/report/plan";
import { fakeExcel } from "./support/fake-excel";
import { addRow, addSheet, exampleGrids } from "./grids";

function planFor(formationRows: number, withNotes = false, namePrefix?: string): WorkbookPlan {
  const grids = exampleGrids();
  for (let i = 0; i < formationRows - 9; i++) {
    addRow(grids, "Formatie", { Functie: `Extra functie ${i + 1}`, Pakket: ["Balie", "BRP", "Algemeen"][i % 3], Schaal: [7, 8, 9][i % 3], Fte: 0.5 });
  }
  if (withNotes) {
    addSheet(grids, "Kwalitatief", [
      ["Onderwerp", "Maand", "Tekst"],
      ["Signalen", 3, "=HYPERLINK(\"http://example.org\",\"klik\")"],
      ["Signalen", 4, "+31 procent meer aanvragen"],
      ["Samenwerking", null, "@ommen: overleg gepland"],
      ["Signalen", 5, "-5 klachten t.o.v. vorig jaar"],
    ]);
  }
  const parsed = parseWorkbook(grids);
  if (!parsed.inputs) throw new Error(JSON.stringify(parsed.problems.filter((p) => p.severity === "fout").slice(0, 3)));
  return buildPlan(parsed.inputs, computeResults(parsed.inputs), parsed.layout, grids, parsed.problems, { namePrefix }).plan;
}

const INPUTS = ["Instellingen", "Salaristabel", "Formatie", "Realisatie", "Verzuim"];
const supportsAll = () => true;

describe("writePlan (Office.js host)", () => {
  const small = planFor(9, true);
  const large = planFor(10_000);

  test("a full write takes two round trips (build beside, then swap), for 10 and for 10,000 formation rows alike", async () => {
    const counts: number[] = [];
    for (const plan of [small, large]) {
      const fx = fakeExcel(INPUTS);
      const sync = jest.spyOn(fx.mock, "sync");
      const stats = await writePlan(fx.context, plan, { reportSheets: [], metaExists: false }, { supports: supportsAll });
      counts.push(sync.mock.calls.length);
      expect(stats.syncs).toBe(sync.mock.calls.length);
      expect(Math.max(...stats.payloads)).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts).toEqual([2, 2]);
  });

  test("only report sheets are written: never an input sheet or a user's sheet", async () => {
    const fx = fakeExcel([...INPUTS, "Mijn eigen blad", "Addendum 2025", "6.5 Financieel", "_dvo_addendum"]);
    await writePlan(fx.context, small, { reportSheets: ["Addendum 2025", "6.5 Financieel"], metaExists: true }, { supports: supportsAll });
    for (const name of [...INPUTS, "Mijn eigen blad"]) {
      expect(fx.sheet(name).ranges).toEqual([]);
      expect(fx.sheet(name).deleted).toBe(false);
    }
    expect(fx.added.map((s) => s.name)).toEqual(small.sheets.map((s) => s.name));
    expect(fx.added.map((s) => s.name)).not.toEqual(expect.arrayContaining(INPUTS));
    // the earlier report sheets were deleted before the new ones were added; the meta sheet rewritten
    expect(fx.touched.filter((n) => INPUTS.includes(n) || n === "Mijn eigen blad")).toEqual([]);
    const meta = fx.sheet("_dvo_addendum");
    expect(meta.visibility).toBe("VeryHidden");
    expect(meta.ranges.some((r) => r.cleared)).toBe(true);
  });

  test("user text that looks like a formula, a number or a mention is written as text", async () => {
    const fx = fakeExcel(INPUTS);
    await writePlan(fx.context, small, { reportSheets: [], metaExists: false }, { supports: supportsAll });
    const written = fx.sheet("6.3 Kwalitatief").ranges.filter((r) => Array.isArray(r.formulas)).flatMap((r) => (r.formulas as unknown[][]).flat());
    expect(written).toEqual(expect.arrayContaining([
      "'=HYPERLINK(\"http://example.org\",\"klik\")",
      "'+31 procent meer aanvragen",
      "'@ommen: overleg gepland",
      "'-5 klachten t.o.v. vorig jaar",
    ]));
    // every formula the sheet has is ours: it comes from a plan cell with a formula
    const plan = small.sheets.find((s) => s.name === "6.3 Kwalitatief");
    const ours = new Set(plan?.cells.flat().filter((c) => c?.f).map((c) => `=${c?.f}`));
    for (const v of written) if (typeof v === "string" && v.startsWith("=")) expect(ours.has(v)).toBe(true);
  });

  test("formulaCell: formulas get '=', text an apostrophe, numbers stay numbers", () => {
    expect(formulaCell({ f: "SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(formulaCell({ v: "=1+1" })).toBe("'=1+1");
    expect(formulaCell({ v: "007" })).toBe("'007");
    expect(formulaCell({ v: 3.5 })).toBe(3.5);
    expect(formulaCell({ v: "" })).toBe("");
    expect(formulaCell(undefined)).toBe("");
  });

  test("rows go in bands as wide as their widest row; rows with nothing left to send are skipped", () => {
    const f = [["t", null, null], [1, 2, 3], [4, 5, 6], [null, null, null], [7, null, null], [8, null, null]];
    const n = [[null, null, null], [null, null, "0"], [null, null, "0"], [null, null, null], [null, null, null], ["0", null, null]];
    expect(bands(f, n)).toEqual([{ from: 1, to: 1, width: 1 }, { from: 2, to: 3, width: 3 }, { from: 5, to: 6, width: 1 }]);
  });
});

/** R1C1 back to A1 (a separate, simple implementation to check the writer's runs against the plan). */
function fromR1C1(f: string, row: number, col: number): string {
  const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  return f.split(/("(?:[^"]|"")*")/).map((part, i) => i % 2 === 1 ? part : part.replace(/R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?/g, (_m, r?: string, c?: string) => {
    const rr = r === undefined ? `${row}` : r.startsWith("[") ? `${row + Number(r.slice(1, -1))}` : `$${r}`;
    const cc = c === undefined ? letters(col) : c.startsWith("[") ? letters(col + Number(c.slice(1, -1))) : `$${letters(Number(c))}`;
    return rr.startsWith("$") ? `${cc}${rr}` : `${cc}${rr}`;
  })).join("");
}

describe("compressed writes rebuild the plan exactly", () => {
  test.each([9, 2000])("%i formation rows: arrays + runs = every formula and format of the plan", (n) => {
    const plan = planFor(n, true);
    let runCount = 0;
    for (const sheet of plan.sheets) {
      const rows = sheet.cells.length;
      const cols = sheet.cells.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
      const { formulas, formats, runs } = compress(sheet, rows, cols);
      runCount += runs.length;
      // what Excel ends up with: nothing, then each band, then each run
      const f: (string | number | boolean | null)[][] = formulas.map((r) => r.map(() => null));
      const nf: (string | null)[][] = formats.map((r) => r.map(() => null));
      for (const band of bands(formulas, formats)) {
        for (let r = band.from; r <= band.to; r++) {
          for (let c = 1; c <= band.width; c++) {
            if (formulas[r - 1][c - 1] !== null) f[r - 1][c - 1] = formulas[r - 1][c - 1];
            if (formats[r - 1][c - 1] !== null) nf[r - 1][c - 1] = formats[r - 1][c - 1];
          }
        }
      }
      for (const run of runs) {
        for (let r = run.from; r <= run.to; r++) {
          if (run.kind === "numberFormat") nf[r - 1][run.col - 1] = run.value;
          else f[r - 1][run.col - 1] = fromR1C1(run.value, r, run.col);
        }
      }
      sheet.cells.forEach((row, r) => row?.forEach((cell, c) => {
        expect([sheet.name, r + 1, c + 1, f[r][c] ?? ""]).toEqual([sheet.name, r + 1, c + 1, formulaCell(cell)]);
        expect([sheet.name, r + 1, c + 1, nf[r][c]]).toEqual([sheet.name, r + 1, c + 1, cell?.nf ?? null]);
      }));
    }
    expect(runCount).toBeGreaterThan(n > 100 ? 20 : 0);
  });
});

describe("build new, then swap", () => {
  test("the new sheets are written under temporary names, then the old ones go and the new ones are renamed", async () => {
    const plan = planFor(9, false, "~");
    const fx = fakeExcel([...INPUTS, "Addendum 2025", "6.5 Financieel", "_dvo_addendum"]);
    const order: string[] = [];
    const oldAddendum = fx.sheet("Addendum 2025");
    oldAddendum.delete = () => void order.push("delete old Addendum 2025");
    const sync = jest.spyOn(fx.mock, "sync").mockImplementation(async () => void order.push("sync"));
    await writePlan(fx.context, plan, { reportSheets: ["Addendum 2025", "6.5 Financieel"], metaExists: true }, { supports: supportsAll, namePrefix: "~" });
    expect(sync).toHaveBeenCalledTimes(2);
    // nothing of the old report is deleted before the first round trip (all new sheets written) is done
    expect(order.indexOf("delete old Addendum 2025")).toBeGreaterThan(order.indexOf("sync"));
    expect(fx.added.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name.slice(1)));
    expect(plan.sheets.every((s) => s.name.startsWith("~"))).toBe(true);
  });

  test("a write that fails half-way removes what it added and leaves the old report alone", async () => {
    const plan = planFor(9, false, "~");
    const fx = fakeExcel([...INPUTS, "Addendum 2025", "_dvo_addendum"]);
    const removed: string[] = [];
    (fx.context.workbook.worksheets as unknown as { getItemOrNullObject: (n: string) => { delete: () => void } }).getItemOrNullObject = (n: string) => ({ delete: () => void removed.push(n) });
    let calls = 0;
    jest.spyOn(fx.mock, "sync").mockImplementation(async () => {
      if (++calls === 1) throw new Error("RichApi.Error: payload te groot");
    });
    await expect(writePlan(fx.context, plan, { reportSheets: ["Addendum 2025"], metaExists: true }, { supports: supportsAll, namePrefix: "~" })).rejects.toThrow("payload te groot");
    expect(fx.sheet("Addendum 2025").deleted).toBe(false);
    expect(removed).toEqual(plan.sheets.map((s) => s.name));
  });
});

describe("what the Office.js host keeps is what the CLI reads, and the other way round", () => {
  test("the sign-off record written in Excel reads back the same; the signed addendum is protected", async () => {
    const plan = planFor(9, false, "~");
    const fx = fakeExcel([...INPUTS]);
    const signOff = { status: "Ondertekend" as const, regisseur: "J. de Vries", accounthouder: "A. Jansen", date: "1-7-2025", fingerprint: "ab".repeat(32), recordedAt: "2025-07-01T10:00:00.000Z" };
    await writePlan(fx.context, plan, { reportSheets: [], metaExists: false, logRows: null }, {
      supports: supportsAll, namePrefix: "~", records: { signOff, log: [], protect: "Addendum 2025" },
    });
    const sheet = fx.sheet("_dvo_ondertekening");
    expect(sheet.visibility).toBe("VeryHidden");
    // Excel stores '… as text without the apostrophe: read it back as the Office reader would
    const values = (sheet.ranges.find((r) => Array.isArray(r.values))?.values as unknown[][]).map((r) => r.map((v) => (typeof v === "string" ? v.replace(/^'/, "") : v)));
    expect(readSignOff({ sheets: [], meta: { _dvo_ondertekening: toCellValues(values, values.map((r) => r.map(() => "String"))) } })).toEqual(signOff);
    expect(fx.sheet("Addendum 2025").protection.protected).toBe(true);
  });

  test("a workbook signed by the CLI is read by the Office.js reader's conversion into the same record", async () => {
    const wb = new ExcelJS.Workbook();
    const record = { status: "Ter ondertekening" as const, regisseur: "", accounthouder: "A. Jansen", date: "", fingerprint: "cd".repeat(32), recordedAt: "2025-06-30T08:00:00.000Z" };
    applyRecords(wb, { signOff: record });
    const ws = wb.getWorksheet("_dvo_ondertekening");
    const values: unknown[][] = [];
    ws?.eachRow((row) => values.push([row.getCell(1).value ?? "", row.getCell(2).value ?? ""]));
    const types = values.map((r) => r.map((v) => (v === "" ? "Empty" : "String")));
    expect(readSignOff({ sheets: [], meta: { _dvo_ondertekening: toCellValues(values, types) } })).toEqual(record);
  });
});

describe("reading values from Office.js", () => {
  test("valueTypes turn Office.js values into engine cell values", () => {
    const cells = toCellValues(
      [["Fte", 3.5, "", "#REF!", true, "3,5", 45658]],
      [["String", "Double", "Empty", "Error", "Boolean", "String", "Double"]],
    );
    expect(cells).toEqual([["Fte", 3.5, null, { error: "#REF!" }, true, "3,5", 45658]]);
    // read without valueTypes (half the response): error values are recognised by their code
    expect(toCellValues([["Fte", 3.5, "", "#REF!", true, "3,5", "#N/A", "# niet"]])).toEqual([["Fte", 3.5, null, { error: "#REF!" }, true, "3,5", { error: "#N/A" }, "# niet"]]);
  });

  test("input sheet names in the glossary are the ones the reader looks for", () => {
    expect(Object.values(SHEETS)).toEqual(expect.arrayContaining(INPUTS));
  });
});
