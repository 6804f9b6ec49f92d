/**
 * The Office.js reader against the strict Excel double: round trips, tables and used ranges that do not
 * start at A1, the add-in's own sheets recognised by name and sheet id, the Logboek and visibility for the
 * record checks, and reads sliced so that no response passes the budget.
 */
import { readSignOff } from "../src/records";
import { parseWorkbook } from "../src/input/parse";
import { readExcelWorkbook } from "../src/office/read";
import { ExcelDouble, type SheetSetup } from "./support/excel-double";
import { setupOf } from "./support/excel-double/grids";
import { addRow, exampleGrids } from "./grids";

const settings = [["Instelling", "Waarde"], ["Jaar", 2025], ["Rapportagemaand", 6], ["Overheadpercentage", 0.18], ["Werkgeverslastenpercentage", 0.3], ["Opleidingskosten", 8000]];

function sheets(reportId?: string): SheetSetup[] {
  return [
    { name: "Instellingen", rows: settings, origin: "B3", table: "Instellingen" },
    { name: "Formatie", rows: [["Functie", "Pakket", "Schaal", "Fte"], ["Balie", "Balie", 7, "#REF!"]] },
    { name: "Mijn blad", rows: [["notities"]] },
    { name: "6.5 Financieel", rows: [["Regel", null, null, null, null, null, null, "Toelichting (controller)"], ["Opleiding", 1, 2, 3, 4, 5, "Nee", "Cursus verschoven"]] },
    { name: "_dvo_addendum", visibility: "VeryHidden", rows: [["product", "dvo-addendum"], ["rapportblad", "6.5 Financieel", ...(reportId ? [reportId] : [])]] },
    { name: "_dvo_ondertekening", visibility: "VeryHidden", rows: [["status", "Ondertekend"], ["regisseur", "J. de Vries"], ["accounthouder", "A. Jansen"], ["datum ondertekening", "1-7-2025"], ["vingerafdruk", "ab"], ["vastgelegd", "2025-07-01"]] },
    { name: "Logboek", visibility: "Hidden", rows: [["Tijdstip"], ["x"], ["y"]] },
  ];
}

describe("readExcelWorkbook", () => {
  test("two round trips; inputs, meta, Logboek and the previous report sheet each where they belong", async () => {
    const xl = new ExcelDouble({ sheets: sheets() });
    const state = await readExcelWorkbook(xl.context());
    expect(xl.syncs.length).toBe(2);
    expect(state.syncs).toBe(2);
    expect(state.grids.sheets.map((s) => s.name)).toEqual(["Instellingen", "Formatie", "Logboek"]);
    const inst = state.grids.sheets[0];
    expect(inst.origin).toEqual({ row: 3, col: 2 });
    expect(inst.table).toEqual({ name: "Instellingen", row: 3, col: 2 });
    expect(inst.rows[1]).toEqual(["Jaar", 2025]);
    expect(state.grids.sheets[1].rows[1][3]).toEqual({ error: "#REF!" });
    expect(state.reportSheets).toEqual(["6.5 Financieel"]);
    expect(state.reportSheetIds).toEqual([xl.sheet("6.5 Financieel").id]);
    expect(state.otherSheets).toEqual(["Instellingen", "Formatie", "Mijn blad"]);
    expect(state.logRows).toBe(3);
    expect(state.signOffExists).toBe(true);
    expect(readSignOff(state.grids)?.regisseur).toBe("J. de Vries");
    expect(state.grids.previous?.["6.5 Financieel"]?.[1][7]).toBe("Cursus verschoven");
    expect(state.grids.visibility).toEqual({ Instellingen: "visible", Formatie: "visible", "Mijn blad": "visible", "6.5 Financieel": "visible", _dvo_addendum: "veryHidden", _dvo_ondertekening: "veryHidden", Logboek: "hidden" });
  });

  test("a table that does not start at A1 is read by its header, as the contract says", async () => {
    const state = await readExcelWorkbook(new ExcelDouble({ sheets: sheets() }).context());
    const parsed = parseWorkbook(state.grids);
    const p = parsed.problems.find((x) => x.sheet === "Formatie" && x.cell === "D2");
    expect(p?.message).toContain("#REF!");
    expect(parsed.problems.some((x) => x.sheet === "Instellingen" && /Jaar/.test(x.message))).toBe(false);
  });

  test("a report sheet is ours by name and sheet id: a user's sheet that took the name of a deleted one is not", async () => {
    const xl = new ExcelDouble({ sheets: [...sheets("{deleted-id}"), { name: "Controle", rows: [["eigen"]] }] });
    // another recorded sheet whose id matches, so ids are known to survive in this workbook
    const ctx = xl.context();
    const meta = ctx.workbook.worksheets.getItem("_dvo_addendum");
    meta.getRange("A3:C3").values = [["'rapportblad", "'Controle", "'{not-this-one}"]];
    await ctx.sync();
    xl.sheet("_dvo_addendum").cells.get("2,3")!.value = xl.sheet("6.5 Financieel").id;
    const state = await readExcelWorkbook(xl.context());
    expect(state.reportSheets).toEqual(["6.5 Financieel"]);
    expect(state.otherSheets).toContain("Controle");
  });

  test("without matching ids (meta written by the file host) the recorded names decide", async () => {
    const state = await readExcelWorkbook(new ExcelDouble({ sheets: sheets("{id-from-another-session}") }).context());
    expect(state.reportSheets).toEqual(["6.5 Financieel"]);
  });

  test("a big ledger is read in slices: every response under the budget, the values exactly as in the sheet", async () => {
    const grids = exampleGrids();
    for (let i = 0; i < 20_000; i++) addRow(grids, "Realisatie", { Maand: (i % 12) + 1, Categorie: "Overig", Bedrag: 10 + (i % 97), Omschrijving: `Boeking ${i + 1}: factuur leverancier ${i % 31}`, Dossier: `D-2025-${String(i % 500).padStart(4, "0")}` });
    const xl = new ExcelDouble({ sheets: setupOf(grids) });
    const budget = 256 * 1024;
    const state = await readExcelWorkbook(xl.context(), { responseBudget: budget });
    const total = xl.syncs.reduce((n, s) => n + s.response, 0);
    expect(Math.max(...xl.syncs.map((s) => s.response))).toBeLessThanOrEqual(budget);
    expect(xl.syncs.length).toBeLessThanOrEqual(2 + Math.ceil(total / budget) + 1);
    expect(xl.syncs.length).toBeGreaterThan(3);
    const ledger = state.grids.sheets.find((s) => s.name === "Realisatie");
    expect(ledger?.rows).toEqual(xl.values("Realisatie", `A1:E${(ledger?.rows.length ?? 0)}`).map((r) => r.map((v) => (v === "" ? null : v))));
    expect(ledger?.rows.length).toBe(grids.sheets.find((s) => s.name === "Realisatie")?.rows.length);
  });
});
