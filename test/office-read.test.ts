/**
 * The Office.js reader against a fake workbook: two round trips, tables and used ranges that do not start
 * at A1, the add-in's own sheets recognised (report, meta, sign-off, log), and the previous financial
 * sheet kept for the controller's toelichtingen.
 */
import { readSignOff } from "../src/input/meta";
import { parseWorkbook } from "../src/input/parse";
import { readExcelWorkbook } from "../src/office/read";

type Values = unknown[][];

function fakeWorkbook(sheets: Record<string, { values: Values; rowIndex?: number; columnIndex?: number }>, tables: Array<{ name: string; sheet: string }>) {
  let syncs = 0;
  const loads: string[] = [];
  const range = (name: string) => {
    const s = sheets[name];
    const r = {
      isNullObject: !s || s.values.length === 0,
      values: s?.values ?? [],
      rowIndex: s?.rowIndex ?? 0,
      columnIndex: s?.columnIndex ?? 0,
      rowCount: s?.values.length ?? 0,
      load: (what: string) => {
        loads.push(`${name}:${what}`);
        return r;
      },
    };
    return r;
  };
  const context = {
    workbook: {
      worksheets: {
        items: Object.keys(sheets).map((name) => ({ name })),
        load() { return this; },
        getItem: (name: string) => ({ getUsedRangeOrNullObject: () => range(name) }),
      },
      tables: {
        items: tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet }, getRange: () => range(t.sheet) })),
        load() { return this; },
      },
      protection: { protected: false, load() { return this; } },
    },
    sync: async () => void syncs++,
  };
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs, loads };
}

describe("readExcelWorkbook", () => {
  const settings: Values = [["Instelling", "Waarde"], ["Jaar", 2025], ["Rapportagemaand", 6], ["Overheadpercentage", 0.18], ["Werkgeverslastenpercentage", 0.3], ["Opleidingskosten", 8000]];
  const wb = fakeWorkbook({
    Instellingen: { values: settings, rowIndex: 2, columnIndex: 1 },
    Formatie: { values: [["Functie", "Pakket", "Schaal", "Fte"], ["Balie", "Balie", 7, "#REF!"]] },
    "Mijn blad": { values: [["notities"]] },
    "6.5 Financieel": { values: [["Regel", "", "", "", "", "", "", "Toelichting (controller)"], ["Opleiding", 1, 2, 3, 4, 5, "Nee", "Cursus verschoven"]] },
    _dvo_addendum: { values: [["product", "dvo-addendum"], ["rapportblad", "6.5 Financieel"]] },
    _dvo_ondertekening: { values: [["status", "Ondertekend"], ["regisseur", "J. de Vries"], ["accounthouder", "A. Jansen"], ["datum ondertekening", "1-7-2025"], ["vingerafdruk", "ab"], ["vastgelegd", "2025-07-01"]] },
    Logboek: { values: [["Tijdstip"], ["x"], ["y"]] },
  }, [{ name: "Instellingen", sheet: "Instellingen" }]);

  test("two round trips; inputs, meta and the previous report sheet each where they belong", async () => {
    const state = await readExcelWorkbook(wb.context);
    expect(wb.syncs()).toBe(2);
    expect(state.syncs).toBe(2);
    expect(state.grids.sheets.map((s) => s.name)).toEqual(["Instellingen", "Formatie"]);
    const inst = state.grids.sheets[0];
    expect(inst.origin).toEqual({ row: 3, col: 2 });
    expect(inst.table).toEqual({ name: "Instellingen", row: 3, col: 2 });
    expect(state.grids.sheets[1].rows[1][3]).toEqual({ error: "#REF!" });
    expect(state.reportSheets).toEqual(["6.5 Financieel"]);
    expect(state.otherSheets).toEqual(["Instellingen", "Formatie", "Mijn blad"]);
    expect(state.logRows).toBe(3);
    expect(state.signOffExists).toBe(true);
    expect(readSignOff(state.grids)?.regisseur).toBe("J. de Vries");
    expect(state.grids.previous?.["6.5 Financieel"]?.[1][7]).toBe("Cursus verschoven");
    // values only: valueTypes would double the response
    expect(wb.loads.filter((l) => l.includes("valueTypes"))).toEqual([]);
  });

  test("a table that does not start at A1 is read by its header, as the contract says", async () => {
    const state = await readExcelWorkbook(wb.context);
    const parsed = parseWorkbook(state.grids);
    const p = parsed.problems.find((x) => x.sheet === "Formatie" && x.cell === "D2");
    expect(p?.message).toContain("#REF!");
    expect(parsed.problems.some((x) => x.sheet === "Instellingen" && /Jaar/.test(x.message))).toBe(false);
  });
});
