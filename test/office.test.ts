/**
 * The Office.js host against the strict Excel double (test/support/excel-double): what a build leaves in
 * the workbook, cell for cell against the plan; round trips and request sizes as the double measures them;
 * the swap that never touches a sheet that is not ours; the records read back by the reader.
 */
import { computeResults } from "../src/domain/compute";
import { readSignOff } from "../src/records";
import { parseWorkbook } from "../src/input/parse";
import { readExcelWorkbook } from "../src/office/read";
import { bands, formulaCell, writePlan, WorkbookChanged } from "../src/office/write";
import { buildPlan } from "../src/report/build";
import type { CellStyle, WorkbookPlan } from "../src/report/plan";
import { DoubleError, ExcelDouble, parseAddress, rectAddress, type BatchModel, type ProfileName, type Rect, type SheetSetup } from "./support/excel-double";
import { setupOf } from "./support/excel-double/grids";
import { addRow, addSheet, exampleGrids } from "./grids";
import type { WorkbookGrids } from "../src/input/grid";

function gridsFor(formationRows: number, withNotes = false): WorkbookGrids {
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
  return grids;
}

/** One build time for every plan here: a rebuild compared cell for cell must not differ by the clock's minute. */
const BUILT_AT = new Date(2026, 6, 15, 10, 30);

function planOf(grids: WorkbookGrids, otherSheets?: string[]): WorkbookPlan {
  const parsed = parseWorkbook(grids);
  if (!parsed.inputs) throw new Error(JSON.stringify(parsed.problems.filter((p) => p.severity === "fout").slice(0, 3)));
  return buildPlan(parsed.inputs, computeResults(parsed.inputs), parsed.layout, grids, parsed.problems, { otherSheets, builtAt: BUILT_AT }).plan;
}

/** A workbook in the double with the example inputs (plus `extra` sheets), read by the Office.js reader, and its plan. */
async function workbook(opts: { formationRows?: number; notes?: boolean; extra?: SheetSetup[]; profile?: ProfileName; batch?: BatchModel; reuseIds?: boolean } = {}) {
  const grids = gridsFor(opts.formationRows ?? 9, opts.notes ?? false);
  const xl = new ExcelDouble({ profile: opts.profile ?? "web", sheets: [...setupOf(grids), ...(opts.extra ?? [])], batch: opts.batch, reuseIds: opts.reuseIds });
  const state = await readExcelWorkbook(xl.context());
  const plan = planOf(state.grids, state.otherSheets);
  return { xl, state, plan };
}

async function build(opts: Parameters<typeof workbook>[0] = {}) {
  const w = await workbook(opts);
  const before = w.xl.syncs.length;
  const stats = await writePlan(w.xl.context(), w.plan, w.state, { supports: w.xl.supports });
  return { ...w, stats, writeSyncs: w.xl.syncs.slice(before) };
}

/** What each plan style must look like in Excel, written here independently of the writer. */
const LOOKS: Record<CellStyle, Partial<Record<"bold" | "italic" | "fill" | "borderTop" | "borderBottom", unknown>>> = {
  title: { bold: true },
  subtitle: {},
  section: { bold: true },
  header: { bold: true, fill: expect.stringMatching(/^#/), borderBottom: "Continuous" },
  label: {},
  total: { bold: true, borderTop: "Continuous" },
  note: { italic: true },
  warning: { bold: true },
  banner: { bold: true, fill: expect.stringMatching(/^#/) },
  input: { fill: expect.stringMatching(/^#/) },
};

describe.each(["partial", "atomic"] as const)("a build in the Excel double (%s batches)", (batch) => {
  test("every plan cell ends up as the plan says: A1 formula or value, number format, style", async () => {
    const { xl, plan } = await build({ notes: true, batch });
    let checked = 0;
    for (const sheet of plan.sheets) {
      sheet.cells.forEach((row, r) => row?.forEach((c, i) => {
        if (!c) return;
        const at = `${sheet.name}!R${r + 1}C${i + 1}`;
        const cell = xl.sheet(sheet.name).cells.get(`${r + 1},${i + 1}`);
        if (c.f !== undefined) expect([at, cell?.formula]).toEqual([at, `=${c.f}`]);
        else {
          expect([at, cell?.formula]).toEqual([at, undefined]);
          const v = c.v === "" || c.v === undefined ? null : c.v;
          expect([at, cell?.value ?? null]).toEqual([at, v]);
        }
        expect([at, cell?.numberFormat ?? "General"]).toEqual([at, c.nf ?? "General"]);
        if (c.s) expect([at, cell?.style]).toEqual([at, expect.objectContaining(LOOKS[c.s])]);
        const align = { left: "Left", center: "Center", right: "Right" } as const;
        expect([at, cell?.style.horizontalAlignment]).toEqual([at, c.align ? align[c.align] : undefined]);
        checked++;
      }));
      const model = xl.sheet(sheet.name);
      expect(model.freezeRows).toBe(sheet.freezeRows ?? 4);
      expect([sheet.name, model.merged.map((m) => rectAddress(m))]).toEqual([sheet.name, sheet.merges.map((m) => rectAddress(parseAddress(m) as Rect))]);
      (sheet.heights ?? []).forEach((h, r) => expect([sheet.name, r + 1, model.rowHeights.get(r + 1)]).toEqual([sheet.name, r + 1, h]));
      for (const a of sheet.editable) {
        const rect = parseAddress(a) as Rect;
        expect([sheet.name, a, model.cells.get(`${rect.r1},${rect.c1}`)?.style.locked]).toEqual([sheet.name, a, false]);
      }
      if (sheet.print) expect([sheet.name, model.pageLayout.printArea]).toEqual([sheet.name, sheet.print.area]);
      expect(model.tabColor).toBe(sheet.tabColor);
    }
    expect(checked).toBeGreaterThan(500);
  });

  test("the report sheets come in the plan's order, after the inputs, visible; the meta sheet very hidden", async () => {
    const { xl, plan } = await build({ batch });
    const out = xl.exportWorkbook();
    const report = out.sheets.filter((s) => plan.sheets.some((p) => p.name === s.name));
    expect(report.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(report.every((s) => s.visibility === "Visible")).toBe(true);
    expect(out.sheets.find((s) => s.name === "_dvo_addendum")?.visibility).toBe("VeryHidden");
  });

  test("user text that looks like a formula, a number or a mention stays text", async () => {
    const { xl } = await build({ notes: true, batch });
    const texts = [...xl.sheet("6.3 Kwalitatief").cells.values()].filter((c) => typeof c.value === "string").map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining([
      "=HYPERLINK(\"http://example.org\",\"klik\")",
      "+31 procent meer aanvragen",
      "@ommen: overleg gepland",
      "-5 klachten t.o.v. vorig jaar",
    ]));
    expect([...xl.sheet("6.3 Kwalitatief").cells.values()].filter((c) => c.formula?.includes("HYPERLINK"))).toEqual([]);
  });

  test.each(["excel2021", "excel2019", "m365"] as const)("on %s the build goes through (APIs above its requirement set are not used)", async (profile) => {
    const { xl, plan } = await build({ profile, batch });
    expect(xl.sheetNames()).toEqual(expect.arrayContaining(plan.sheets.map((s) => s.name)));
  });
});

describe("round trips and request sizes, as the double measures them", () => {
  test("a first build takes 3 round trips, plus one per 4 MB of request; no request passes 4 MB", async () => {
    for (const n of [9, 10_000]) {
      const { writeSyncs } = await build({ formationRows: n });
      const total = writeSyncs.reduce((t, s) => t + s.request, 0);
      expect(writeSyncs.length).toBeLessThanOrEqual(3 + Math.ceil(total / (4 * 1024 * 1024)));
      if (n === 9) expect(writeSyncs.length).toBe(3);
      expect(Math.max(...writeSyncs.map((s) => s.request))).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(writeSyncs.every((s) => s.error === undefined)).toBe(true);
    }
  });

  test("with a small budget the writer slices its requests and every one stays under it", async () => {
    const { xl, state, plan } = await workbook({ formationRows: 3000 });
    const before = xl.syncs.length;
    await writePlan(xl.context(), plan, state, { supports: xl.supports, payloadBudget: 32 * 1024 });
    const syncs = xl.syncs.slice(before);
    expect(syncs.length).toBeGreaterThan(3);
    // the budget is the writer's estimate; the double measures the JSON: allow the estimate's margin
    expect(Math.max(...syncs.map((s) => s.request))).toBeLessThanOrEqual(32 * 1024 * 1.25);
  });

  test("the writer's estimate stays within its margin of the double's measure, so the 4 MB budget keeps every request under 5 MB", async () => {
    const { xl, state, plan } = await workbook({ formationRows: 20_000 });
    const before = xl.syncs.length;
    const stats = await writePlan(xl.context(), plan, state, { supports: xl.supports });
    const syncs = xl.syncs.slice(before);
    expect(syncs.reduce((t, s) => t + s.request, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(syncs.map((s) => s.error)).toEqual(syncs.map(() => undefined));
    expect(stats.payloads).toHaveLength(syncs.length);
    // 5 MB / 4 MB: the estimate may be 25% low before a request passes the limit
    syncs.forEach((s, i) => expect([i, s.request <= Math.max(stats.payloads[i], 64 * 1024) * 1.25]).toEqual([i, true]));
    expect(Math.max(...syncs.map((s) => s.request))).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  test("rows go in bands as wide as their widest row; rows with nothing left to send are skipped", () => {
    const f = [["t", null, null], [1, 2, 3], [4, 5, 6], [null, null, null], [7, null, null], [8, null, null]];
    const n = [[null, null, null], [null, null, "0"], [null, null, "0"], [null, null, null], [null, null, null], ["0", null, null]];
    expect(bands(f, n)).toEqual([{ from: 1, to: 1, width: 1 }, { from: 2, to: 3, width: 3 }, { from: 5, to: 6, width: 1 }]);
  });

  test("formulaCell: formulas get '=', text an apostrophe, numbers stay numbers", () => {
    expect(formulaCell({ f: "SUM(A1:A2)" })).toBe("=SUM(A1:A2)");
    expect(formulaCell({ v: "=1+1" })).toBe("'=1+1");
    expect(formulaCell({ v: 3.5 })).toBe(3.5);
    expect(formulaCell(undefined)).toBe("");
  });
});

describe.each(["partial", "atomic"] as const)("a rebuild, with %s batches: in place, and never a sheet that is not ours", (batch) => {
  const USER = { name: "Mijn eigen blad", rows: [["notitie", 1]], formulas: { C1: "=B1*2", D1: "='6.5 Financieel'!C9" } };
  const rebuild = async (xl: ExcelDouble) => {
    const state = await readExcelWorkbook(xl.context());
    const plan = planOf(state.grids, state.otherSheets);
    await writePlan(xl.context(), plan, state, { supports: xl.supports });
    return plan;
  };

  test("the report sheets are rewritten in place (same sheets, same names); inputs and the user's sheets are left as they were", async () => {
    const { xl, plan } = await build({ batch, extra: [USER, { name: "~Controle", rows: [["eigen"]] }] });
    const keep = (name: string) => xl.exportWorkbook().sheets.find((s) => s.name === name);
    const before = ["Instellingen", "Formatie", "Realisatie", "Mijn eigen blad", "~Controle"].map(keep);
    const ids = plan.sheets.map((s) => xl.sheet(s.name).id);
    const order = xl.sheetNames();
    const state = await readExcelWorkbook(xl.context());
    expect(state.reportSheets).toEqual(plan.sheets.map((s) => s.name));
    await rebuild(xl);
    expect(["Instellingen", "Formatie", "Realisatie", "Mijn eigen blad", "~Controle"].map(keep)).toEqual(before);
    expect(plan.sheets.map((s) => xl.sheet(s.name).id)).toEqual(ids);
    expect(xl.sheetNames()).toEqual(order);
    expect(xl.sheetNames().filter((n) => n.startsWith("_dvo_oud") || n.startsWith("_dvo_nieuw"))).toEqual([]);
  });

  test("a user's formula that points at a report sheet still points at the same cell after a rebuild", async () => {
    const { xl } = await build({ batch, extra: [USER] });
    // the user writes the reference after the first build, as a person would
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem("Mijn eigen blad").getRange("E1").formulas = [["='6.5 Financieel'!C9*2"]];
    await ctx.sync();
    await rebuild(xl);
    await rebuild(xl);
    expect(xl.cell("Mijn eigen blad", "E1").formula).toBe("='6.5 Financieel'!C9*2");
  });

  test("a rebuild leaves the report as a first build writes it, cell for cell", async () => {
    const first = await build({ batch, notes: true });
    const fresh = first.xl.exportWorkbook().sheets.filter((s) => first.plan.sheets.some((p) => p.name === s.name));
    await rebuild(first.xl);
    await rebuild(first.xl);
    const again = first.xl.exportWorkbook().sheets.filter((s) => first.plan.sheets.some((p) => p.name === s.name));
    expect(again).toEqual(fresh);
    for (const p of first.plan.sheets) expect([p.name, first.xl.sheet(p.name).charts.length]).toEqual([p.name, p.charts.length]);
  });

  test("a build that Excel refuses half-way leaves the workbook as it was", async () => {
    const first = await build({ batch, extra: [USER] });
    const { xl } = first;
    const before = xl.exportWorkbook();
    const state = await readExcelWorkbook(xl.context());
    const plan = planOf(state.grids, state.otherSheets);
    // a formula Excel refuses, in the last sheet: the staging batch fails after the earlier sheets went in
    const last = plan.sheets[plan.sheets.length - 1];
    last.cells[0] = [{ f: "SUM(A1" }];
    const err = await writePlan(xl.context(), plan, state, { supports: xl.supports }).catch((e: unknown) => e);
    expect((err as DoubleError).code).toBe("InvalidArgument");
    expect(xl.exportWorkbook()).toEqual(before);
    expect(xl.enableEvents).toBe(true);
  });

  test("a connection lost while the report is rewritten in place leaves no sheet of this build behind, and the next build writes it whole", async () => {
    const first = await build({ batch, notes: true });
    const { xl } = first;
    const fresh = xl.exportWorkbook().sheets.filter((s) => first.plan.sheets.some((p) => p.name === s.name));
    const state = await readExcelWorkbook(xl.context());
    const plan = planOf(state.grids, state.otherSheets);
    // syncs of the rebuild: 0 the sheet list, 1 staging, 2 the rewrite in place
    const before = xl.syncs.length;
    xl.failSync(2);
    const err = await writePlan(xl.context(), plan, state, { supports: xl.supports }).catch((e: unknown) => e);
    expect((err as DoubleError).code).toBe("ConnectionFailure");
    expect(xl.syncs.slice(before, before + 3).map((s) => s.error)).toEqual([undefined, undefined, "ConnectionFailure"]);
    expect(xl.sheetNames().filter((n) => n.startsWith("_dvo_nieuw"))).toEqual([]);
    expect(xl.enableEvents).toBe(true);
    await rebuild(xl);
    expect(xl.exportWorkbook().sheets.filter((s) => first.plan.sheets.some((p) => p.name === s.name))).toEqual(fresh);
  });

  test("a sheet the user removed since the read is no error; one the user renamed is theirs now; a new user sheet with a report name stops the build untouched", async () => {
    const first = await build({ batch });
    const { xl } = first;
    const state = await readExcelWorkbook(xl.context());
    const plan = planOf(state.grids, state.otherSheets);
    // meanwhile: the user deletes one report sheet and renames another to keep it
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem(plan.sheets[1].name).delete();
    ctx.workbook.worksheets.getItem(plan.sheets[2].name).name = "Bewaard";
    await ctx.sync();
    const kept = xl.exportWorkbook().sheets.find((s) => s.name === "Bewaard");
    await writePlan(xl.context(), plan, state, { supports: xl.supports });
    expect(xl.sheetNames()).toEqual(expect.arrayContaining([...plan.sheets.map((s) => s.name), "Bewaard"]));
    expect(xl.exportWorkbook().sheets.find((s) => s.name === "Bewaard")).toEqual(kept);
    expect(xl.sheetNames().filter((n) => n.startsWith("_dvo_oud") || n.startsWith("_dvo_nieuw"))).toEqual([]);

    const again = await readExcelWorkbook(xl.context());
    const plan2 = planOf(again.grids, again.otherSheets);
    const c2 = xl.context();
    c2.workbook.worksheets.getItem(plan2.sheets[3].name).delete();
    c2.workbook.worksheets.add(plan2.sheets[3].name);
    await c2.sync();
    const before = xl.exportWorkbook();
    await expect(writePlan(xl.context(), plan2, again, { supports: xl.supports })).rejects.toBeInstanceOf(WorkbookChanged);
    expect(xl.exportWorkbook()).toEqual(before);
  });

  test("a sheet id Excel gave again to a user's new sheet (Excel on Mac) does not make that sheet ours", async () => {
    const first = await build({ batch, reuseIds: true });
    const { xl, plan } = first;
    const gone = plan.sheets[1].name;
    const id = xl.sheet(gone).id;
    const ctx = xl.context();
    ctx.workbook.worksheets.getItem(gone).delete();
    ctx.workbook.worksheets.add("Mijn blad").getRange("A1").values = [["van mij"]];
    await ctx.sync();
    expect(xl.sheet("Mijn blad").id).toBe(id);
    await rebuild(xl);
    expect(xl.values("Mijn blad", "A1")).toEqual([["van mij"]]);
    expect(xl.sheetNames()).toEqual(expect.arrayContaining([gone, "Mijn blad"]));
  });

  test("sheets parked or staged by a build that broke off are removed by the next build", async () => {
    const first = await build({ batch });
    const { xl } = first;
    const ctx = xl.context();
    ctx.workbook.worksheets.add("_dvo_oud_1");
    ctx.workbook.worksheets.add("_dvo_nieuw_1");
    await ctx.sync();
    const state = await readExcelWorkbook(xl.context());
    expect(state.parkedSheets).toEqual(["_dvo_oud_1"]);
    await writePlan(xl.context(), planOf(state.grids, state.otherSheets), state, { supports: xl.supports });
    expect(xl.sheetNames().filter((n) => n.startsWith("_dvo_oud") || n.startsWith("_dvo_nieuw"))).toEqual([]);
  });
});

describe("calculation and events", () => {
  test("after a build no formula is left uncalculated (calculation was suspended while writing)", async () => {
    const { xl } = await build();
    expect(xl.staleFormulas()).toEqual([]);
    await (async () => {
      const state = await readExcelWorkbook(xl.context());
      await writePlan(xl.context(), planOf(state.grids, state.otherSheets), state, { supports: xl.supports });
    })();
    expect(xl.staleFormulas()).toEqual([]);
  });

  test("the add-in's own writes raise no events; a person's edit afterwards does", async () => {
    const { xl, state, plan } = await workbook();
    const ctx = xl.context();
    ctx.workbook.worksheets.onChanged.add(async () => undefined);
    ctx.workbook.worksheets.onAdded.add(async () => undefined);
    await ctx.sync();
    await writePlan(xl.context(), plan, state, { supports: xl.supports });
    expect(xl.fired).toEqual([]);
    expect(xl.enableEvents).toBe(true);
    xl.userEdit("Formatie", "D2", 1);
    expect(xl.fired.map((e) => [e.kind, e.address])).toEqual([["changed", "D2"]]);
  });
});

describe.each(["partial", "atomic"] as const)("what the Office.js host keeps is what its reader reads back (%s batches)", (batch) => {
  test("the sign-off record round-trips through Excel; the signed addendum is protected, also on a rebuild", async () => {
    const { xl, state, plan } = await workbook({ batch });
    const signOff = { status: "Ondertekend" as const, regisseur: "J. de Vries", accounthouder: "A. Jansen", date: "1-7-2025", fingerprint: "ab".repeat(32), recordedAt: "2025-07-01T10:00:00.000Z" };
    const addendum = plan.sheets[0].name;
    await writePlan(xl.context(), plan, state, { supports: xl.supports, records: { signOff, log: [], protect: addendum } });
    expect(xl.sheet("_dvo_ondertekening").visibility).toBe("VeryHidden");
    expect(xl.sheet(addendum).protection.protected).toBe(true);
    const back = await readExcelWorkbook(xl.context());
    expect(readSignOff(back.grids)).toEqual(signOff);
    // a rebuild replaces the protected addendum (a protected sheet can be deleted) and protects the new one
    await writePlan(xl.context(), planOf(back.grids, back.otherSheets), back, { supports: xl.supports, records: { signOff, log: [], protect: addendum } });
    expect(xl.sheet(addendum).protection.protected).toBe(true);
  });
});
