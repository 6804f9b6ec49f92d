/**
 * docs/werkmapcontract.md, the input contract: every reading rule with a bad-input case that pins the severity, the
 * sheet, the A1 cell and a distinctive part of the Dutch message. Grids come from ./grids (the docs/rekenregels.md
 * worked example as 2-D arrays), changed in exactly one place per case.
 */
import { computeResults } from "../src/domain/compute";
import { toExcelSerial } from "../src/domain/dates";
import type { CellValue, Problem, Severity, WorkbookGrids } from "../src/input/grid";
import { parseWorkbook, type ParseResult } from "../src/input/parse";
import { workedExample } from "./example-inputs";
import {
  addColumn, addRow, addSheet, date, dropColumn, dropRow, dropSheet, exampleGrids, getCell, moveColumn, OPTIONAL_SHEETS,
  removeSetting, renameHeader, setCell, setSetting, sheet, SICK_LEAVE_HEADERS,
} from "./grids";

// ------------------------------------------------------------------------------------------ helpers

/** The one warning of the valid worked example: the month-7 Loonkosten row (Realisatie row 8). */
const isBaseline = (p: Problem) =>
  p.severity === "waarschuwing" && p.sheet === "Realisatie" && p.cell === "A8" && p.message.includes("na de rapportagemaand");

/** Problems other than the worked example's own month-7 warning. */
const extra = (r: ParseResult) => r.problems.filter((p) => !isBaseline(p));

/** Messages are Dutch sentences built from real values: never a leaked JS rendering. */
function expectWellFormed(r: ParseResult): void {
  for (const p of r.problems) {
    expect(p.message).not.toMatch(/undefined|NaN|\[object|null\b/);
    expect(p.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
  }
}

type Expected = [Severity, string, string, ...string[]];

/** Parse and expect exactly these problems (besides the baseline warning), in any order. */
function expectProblems(g: WorkbookGrids, expected: Expected[]): ParseResult {
  const r = parseWorkbook(g);
  expectWellFormed(r);
  const got = extra(r);
  const key = (p: { severity: string; sheet: string; cell: string }) => `${p.severity} ${p.sheet}!${p.cell}`;
  expect(got.map(key).sort()).toEqual(expected.map(([severity, s, cell]) => key({ severity, sheet: s, cell })).sort());
  for (const [severity, s, cell, ...fragments] of expected) {
    const p = got.find((x) => x.severity === severity && x.sheet === s && x.cell === cell);
    for (const f of fragments) expect(p?.message).toContain(f);
  }
  if (expected.some(([s]) => s === "fout")) expect(r.inputs).toBeNull();
  else expect(r.inputs).not.toBeNull();
  return r;
}

/** Parse and expect exactly one problem (besides the baseline warning). */
function expectOne(g: WorkbookGrids, severity: Severity, s: string, cell: string, ...fragments: string[]): Problem {
  const r = expectProblems(g, [[severity, s, cell, ...fragments]]);
  return extra(r)[0];
}

/** Parse and expect no problem besides the baseline warning; returns the inputs. */
function expectClean(g: WorkbookGrids) {
  const r = parseWorkbook(g);
  expectWellFormed(r);
  expect(extra(r)).toEqual([]);
  expect(r.inputs).not.toBeNull();
  return r.inputs!;
}

const g0 = exampleGrids;

// ------------------------------------------------------------------------------------ the valid grid

describe("the valid worked-example grid", () => {
  const r = parseWorkbook(g0());

  test("parses with no fout and exactly one waarschuwing: the month-7 ledger row", () => {
    expect(r.inputs).not.toBeNull();
    expect(r.problems).toEqual([
      {
        severity: "waarschuwing",
        code: "ledger-after-report-month",
        sheet: "Realisatie",
        cell: "A8",
        message: expect.stringContaining("1 boeking ligt na de rapportagemaand (juni)"),
      },
    ]);
    expect(r.problems[0].message).toContain("rij 8");
  });

  test("gives the same inputs as the hand-built worked example", () => {
    const want = workedExample();
    const got = r.inputs!;
    expect(got.settings).toEqual(want.settings);
    expect(got.salaryTable.map((s) => ({ ...s, minimum: null }))).toEqual(want.salaryTable);
    expect(got.salaryTable.find((s) => s.scale === "7" && s.effective.month === 10)?.minimum).toBe(2700);
    expect(got.formation).toEqual(want.formation);
    expect(got.ledger.map((l) => ({ ...l, description: "" }))).toEqual(want.ledger);
    expect(got.sickLeave).toEqual(want.sickLeave);
    expect([got.products, got.serviceMonths, got.openingHours, got.qualitative, got.selfEvaluation, got.elections, got.privacy]).toEqual(
      [null, null, null, null, null, null, null],
    );
  });

  test("and so the worked example's figures (docs/rekenregels.md)", () => {
    const res = computeResults(r.inputs!);
    expect(res.ceiling.ceiling).toBe(626908.24);
    expect(res.ceiling.caoEffect).toBe(12131.81);
    expect(res.forecast.roomUnderCeiling).toBe(20608.24);
  });

  test("layout records where each table and setting was found", () => {
    expect(r.layout.sheets.formation).toMatchObject({ sheet: "Formatie", headerRow: 1, columns: { fte: 4, scale: 3 } });
    expect(r.layout.sheets.formation?.dataRows).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.layout.settingCells.overheadRate).toEqual({ sheet: "Instellingen", row: 6, col: 2 });
  });
});

// ------------------------------------------------------------------------------ sheets and tables

describe("sheets and columns", () => {
  test.each(["Instellingen", "Salaristabel", "Formatie", "Realisatie"])("required sheet %s missing → fout at A1", (name) => {
    expectOne(dropSheet(g0(), name), "fout", name, "A1", `Het werkblad '${name}' ontbreekt`, "voeg het toe");
  });

  test("sheet names are matched case- and whitespace-insensitively", () => {
    const g = g0();
    sheet(g, "Formatie").name = " formatie ";
    const r = parseWorkbook(g);
    expect(extra(r)).toEqual([]);
    expect(r.inputs?.formation).toHaveLength(9);
  });

  test.each([
    ["Instellingen", "Waarde"],
    ["Salaristabel", "Maximum"],
    ["Salaristabel", "Ingangsdatum"],
    ["Formatie", "Fte"],
    ["Formatie", "Pakket"],
    ["Realisatie", "Bedrag"],
    ["Realisatie", "Categorie"],
    ["Verzuim", "Verwachte kosten"],
  ])("required column %s!%s missing → fout at the header row", (s, header) => {
    expectOne(dropColumn(g0(), s, header), "fout", s, "A1", `De kolom '${header}' ontbreekt op '${s}'`, "voeg een kolom");
  });

  test.each([
    ["Formatie", "Bezetting"],
    ["Formatie", "Toelichting"],
    ["Realisatie", "Omschrijving"],
    ["Salaristabel", "Minimum"],
    ["Verzuim", "Besluit"],
    ["Verzuim", "Kenmerk adviesnota"],
  ])("optional column %s!%s missing → no problem", (s, header) => {
    expectClean(dropColumn(g0(), s, header));
  });

  test("headers match case/whitespace-insensitively, in any order, extra columns ignored", () => {
    const g = g0();
    renameHeader(g, "Formatie", "Fte", "  FTE ");
    renameHeader(g, "Formatie", "Schaal", "schaal");
    renameHeader(g, "Formatie", "Functie", "Functie\u00a0");
    moveColumn(g, "Formatie", "  FTE ", 0);
    moveColumn(g, "Formatie", "Pakket", 5);
    addColumn(g, "Formatie", "Opmerking", ["3,5", "tekst", { error: "#N/B" }]);
    renameHeader(g, "Realisatie", "Bedrag", "BEDRAG");
    renameHeader(g, "Verzuim", "Verwachte kosten", "verwachte   kosten");
    moveColumn(g, "Instellingen", "Waarde", 0);
    const inputs = expectClean(g);
    const want = workedExample();
    expect(inputs.formation).toEqual(want.formation);
    expect(inputs.settings).toEqual(want.settings);
    expect(inputs.ledger.map((l) => l.amount)).toEqual(want.ledger.map((l) => l.amount));
    expect(inputs.sickLeave?.map((c) => c.expectedCost)).toEqual([36900, 2400]);
  });

  test("a problem in a moved column is reported at the column where it now is", () => {
    const g = moveColumn(g0(), "Formatie", "Fte", 0);
    setCell(g, "Formatie", "A7", "3,5");
    expectOne(g, "fout", "Formatie", "A7", '"3,5" is tekst, geen getal');
  });

  test("empty rows are skipped (blank cells, spaces, and rows with only unknown columns filled)", () => {
    const g = g0();
    const rows = sheet(g, "Formatie").rows;
    rows.splice(4, 0, [null, null, null, null, null, null]); // new sheet row 5
    rows.splice(6, 0, ["  ", "", null, "   "]); // new sheet row 7
    rows.push([], [null, null]);
    const inputs = expectClean(g);
    expect(inputs.formation).toHaveLength(9);
    expect(inputs.formation.map((f) => f.row)).toEqual([2, 3, 4, 6, 8, 9, 10, 11, 12]);
  });

  test("an Excel table (ListObject) need not start at A1: addresses are real sheet cells", () => {
    const g = g0();
    const s = sheet(g, "Formatie");
    // title in A1, the table's header at C3
    s.rows = [["Formatie 2025"], [], ...s.rows.map((r) => [null, null, ...r])];
    s.table = { name: "Formatie", row: 3, col: 3 };
    const inputs = expectClean(g);
    expect(inputs.formation[0].row).toBe(4);
    setCell(g, "Formatie", "F9", "3,5"); // was D7: two rows down, two columns right
    expectOne(g, "fout", "Formatie", "F9", '"3,5" is tekst, geen getal');
  });

  test("a grid with an origin (the used range starts below/right of A1) is addressed correctly", () => {
    const g = g0();
    const s = sheet(g, "Formatie");
    s.origin = { row: 2, col: 2 }; // rows[0] is now sheet row 2, column B
    setCell(g, "Formatie", "D6", 0); // array row 6 = sheet row 7, array column D = sheet column E
    expectOne(g, "fout", "Formatie", "E7", "Fte: 0 is te klein");
  });

  test("optional sheets absent → null fields and no problems", () => {
    const r = parseWorkbook(g0());
    expect(extra(r)).toEqual([]);
    const i = r.inputs!;
    expect([i.products, i.serviceMonths, i.openingHours, i.qualitative, i.selfEvaluation, i.elections, i.privacy]).toEqual([
      null, null, null, null, null, null, null,
    ]);
  });

  test("Verzuim absent (and no Vervanging booked) → sickLeave null, no problems", () => {
    const g = dropSheet(g0(), "Verzuim");
    for (const r of [12, 11, 10, 9]) dropRow(g, "Realisatie", r);
    const inputs = expectClean(g);
    expect(inputs.sickLeave).toBeNull();
  });

  test("all optional sheets present and valid → read, no problems", () => {
    const g = g0();
    for (const name of Object.keys(OPTIONAL_SHEETS)) addSheet(g, name);
    const i = expectClean(g);
    expect(i.products).toHaveLength(2);
    expect(i.serviceMonths?.map((m) => [m.month, m.callbacksOnTime, m.slotsOpen])).toEqual([[1, 48, 20], [2, 40, 10]]);
    expect(i.openingHours).toEqual([{ row: 2, service: "Balie", day: "maandag", from: "8:30", to: "12:30" }]);
    expect(i.qualitative?.[0]).toMatchObject({ topic: "Signalen", month: 3 });
    expect(i.selfEvaluation?.map((s) => [s.part, s.score, s.norm])).toEqual([["BRP", 0.93, 0.9], ["Reisdocumenten", 0.88, 0.9]]);
    expect(i.elections?.[0]).toMatchObject({ phase: "Voorbereiding", date: { year: 2025, month: 10, day: 29 } });
    expect(i.privacy?.map((p) => p.reportedToAuthority)).toEqual([false, null]);
  });

  test("an optional sheet that is present but lacks a required column → fout", () => {
    const g = addSheet(g0(), "Producten");
    dropColumn(g, "Producten", "Aantal");
    expectOne(g, "fout", "Producten", "A1", "De kolom 'Aantal' ontbreekt op 'Producten'");
  });
});

// ------------------------------------------------------------------------------------- Instellingen

describe("Instellingen", () => {
  test('a percentage typed as a whole number: Overheadpercentage 15 → "15 is meer dan 100%: bedoelt u 15%?"', () => {
    const g = g0();
    setSetting(g, "Overheadpercentage", 15);
    expectOne(g, "fout", "Instellingen", "B6", "Overheadpercentage", "15 is meer dan 100%: bedoelt u 15%?");
  });

  test("a whole-number percentage is never silently divided by 100 (IKB 17.05)", () => {
    const g = g0();
    setSetting(g, "IKB-percentage", 17.05);
    expectOne(g, "fout", "Instellingen", "B7", "17,05 is meer dan 100%: bedoelt u 17,05%? Typ 17,05% (of 0,1705)");
  });

  test("the hint shows numbers as a Dutch Excel does, without floating-point noise", () => {
    const g = g0();
    setSetting(g, "Drempel verschil percentage", 14.3);
    expectOne(g, "fout", "Instellingen", "B12", "14,3 is meer dan 100%: bedoelt u 14,3%? Typ 14,3% (of 0,143).");
  });

  test("a negative percentage → fout", () => {
    const g = g0();
    setSetting(g, "Werkgeverslastenpercentage", -0.3);
    expectOne(g, "fout", "Instellingen", "B8", "Werkgeverslastenpercentage: -0,3 is negatief", "0% en 100%");
  });

  test("a percentage typed as text (\"18%\") → fout that says to type it as a number", () => {
    const g = g0();
    setSetting(g, "Overheadpercentage", "18%");
    expectOne(g, "fout", "Instellingen", "B6", '"18%" is tekst, geen percentage');
  });

  test("100% and 0% are allowed", () => {
    const g = g0();
    setSetting(g, "Drempel verschil percentage", 1);
    setSetting(g, "IKB-percentage", 0);
    const i = expectClean(g);
    expect([i.settings.varianceThresholdRate, i.settings.ikbRate]).toEqual([1, 0]);
  });

  test.each([
    [1999, "te klein", "tussen 2000 en 2100"],
    [2101, "te groot", "tussen 2000 en 2100"],
    [2025.5, "2025,5 is geen heel getal", "vul een heel getal van 2000 tot en met 2100 in"],
    ["2025", '"2025" is tekst, geen getal', "typ het als getal"],
  ])("Jaar %p → fout", (v, ...fragments) => {
    const g = g0();
    setSetting(g, "Jaar", v as CellValue);
    expectOne(g, "fout", "Instellingen", "B2", "Jaar", ...(fragments as string[]));
  });

  test.each([
    [0, "te klein"],
    [13, "te groot"],
    [6.5, "geen heel getal"],
  ])("Rapportagemaand %p → fout naming 1 and 12", (v, fragment) => {
    const g = g0();
    setSetting(g, "Rapportagemaand", v);
    const p = expectOne(g, "fout", "Instellingen", "B5", "Rapportagemaand", fragment);
    if (v !== 6.5) expect(p.message).toContain("tussen 1 en 12");
  });

  test.each(["Jaar", "Rapportagemaand", "Overheadpercentage", "Werkgeverslastenpercentage", "Opleidingskosten"])(
    "required setting %s missing → fout at the Instelling header",
    (label) => {
      expectOne(removeSetting(g0(), label), "fout", "Instellingen", "A1", `De instelling '${label}' ontbreekt`, `voeg een rij '${label}'`);
    },
  );

  test.each([
    ["Jaar", "B2"],
    ["Opleidingskosten", "B9"],
    ["Overheadpercentage", "B6"],
  ])("required setting %s empty → fout at its Waarde cell", (label, cell) => {
    const g = g0();
    setSetting(g, label, "  ");
    expectOne(g, "fout", "Instellingen", cell, `${label} is leeg`, "vul een waarde in");
  });

  test("absent settings with a default get the default (IKB, SLA-versie, drempels, budget aanvullende dienstverlening, partijen)", () => {
    const g = g0();
    for (const label of [
      "IKB-percentage", "SLA-versie", "Drempel verschil bedrag", "Drempel verschil percentage", "Budget aanvullende dienstverlening",
      "Opdrachtgever", "Opdrachtnemer",
    ]) removeSetting(g, label);
    const r = parseWorkbook(g);
    expect(extra(r)).toEqual([]);
    expect(r.inputs?.settings).toMatchObject({
      ikbRate: 0.1705, slaVersion: 2024, varianceThresholdAmount: 10000, varianceThresholdRate: 0.1, additionalServicesBudget: 0,
      client: "Gemeente Ommen", provider: "Gemeente Twenterand",
    });
    expect(r.layout.settingCells.ikbRate).toBeUndefined();
    expect(r.layout.settingCells.overheadRate).toBeDefined();
  });

  test("a setting with a default left empty also gets the default", () => {
    const g = g0();
    setSetting(g, "IKB-percentage", null);
    setSetting(g, "SLA-versie", "");
    const i = expectClean(g);
    expect([i.settings.ikbRate, i.settings.slaVersion]).toEqual([0.1705, 2024]);
  });

  test("setting names are matched case- and whitespace-insensitively", () => {
    const g = g0();
    setCell(g, "Instellingen", "A6", "  overheadPERCENTAGE ");
    expect(expectClean(g).settings.overheadRate).toBe(0.18);
  });

  test("an unknown setting name → waarschuwing at its name, listing the known ones", () => {
    const g = g0();
    const row = addRow(g, "Instellingen", ["Inflatie", 0.03]);
    expectOne(g, "waarschuwing", "Instellingen", `A${row}`, "Onbekende instelling 'Inflatie'", "genegeerd", "Rapportagemaand");
  });

  test("a duplicate setting → fout at the second occurrence, naming the first row", () => {
    const g = g0();
    const row = addRow(g, "Instellingen", ["jaar", 2026]);
    expectOne(g, "fout", "Instellingen", `A${row}`, "'Jaar' staat twee keer", "rij 2", "verwijder een van beide");
  });

  test.each([
    [2022, "B13", "'2022' is geen SLA-versie: kies 2023 of 2024"],
    ["2025", "B13", "kies 2023 of 2024"],
    [{ error: "#NAAM?" }, "B13", "#NAAM?"],
  ])("SLA-versie %p → fout", (v, cell, fragment) => {
    const g = g0();
    setSetting(g, "SLA-versie", v as CellValue);
    expectOne(g, "fout", "Instellingen", cell, "SLA-versie", fragment);
  });

  test('SLA-versie "2023" as text is read as 2023 (for Jaar 2025 with the waarschuwing that SLA 2024 applies)', () => {
    const g = g0();
    setSetting(g, "SLA-versie", " 2023 ");
    expectOne(g, "waarschuwing", "Instellingen", "B13", "SLA-versie 2023 hoort niet bij Jaar 2025", "geldt de SLA 2024");
    expect(parseWorkbook(g).inputs?.settings.slaVersion).toBe(2023);
  });

  test.each([
    ["Opleidingskosten", "B9"],
    ["Drempel verschil bedrag", "B11"],
    ["Budget aanvullende dienstverlening", "B10"],
  ])("a negative euro setting (%s) → fout", (label, cell) => {
    const g = g0();
    setSetting(g, label, -1);
    expectOne(g, "fout", "Instellingen", cell, label, "-1 is negatief", "0 of meer");
  });
});

// ------------------------------------------------------------------------------------- Salaristabel

describe("Salaristabel", () => {
  // row 2 = scale 1 of 2024-10-01 (not used in Formatie); row 9 = scale 8 of 2024-10-01; row 29 = scale 8 of 2025-04-01
  test.each([0, -4298])("Maximum %p → fout: the maximum must be above 0", (v) => {
    const g = setCell(g0(), "Salaristabel", "D2", v);
    expectOne(g, "fout", "Salaristabel", "D2", `Maximum: ${v} is te klein`, "groter dan 0");
  });

  test("Maximum empty → fout", () => {
    expectOne(setCell(g0(), "Salaristabel", "D2", null), "fout", "Salaristabel", "D2", "Maximum is leeg");
  });

  test("Minimum is optional; Minimum above Maximum → waarschuwing", () => {
    const g = setCell(g0(), "Salaristabel", "C2", null);
    expectClean(g);
    setCell(g, "Salaristabel", "C3", 9999);
    expectOne(g, "waarschuwing", "Salaristabel", "C3", "Minimum 9999 is hoger dan het maximum 2833");
  });

  test("the same scale and Ingangsdatum twice → fout at the second, naming the first row", () => {
    const g = g0();
    expect(getCell(g, "Salaristabel", "B29")).toBe(8);
    const row = addRow(g, "Salaristabel", ["1-4-2025", "8", null, 4500]);
    expectOne(g, "fout", "Salaristabel", `B${row}`, "Schaal 8 per 1-4-2025 staat twee keer", "rij 29");
  });

  test('Schaal typed as text "10a" is the label "10A"', () => {
    const g = g0();
    expect(getCell(g, "Salaristabel", "B20")).toBe("10A");
    setCell(g, "Salaristabel", "B20", "10a");
    const i = expectClean(g);
    expect(i.salaryTable.find((s) => s.row === 20)?.scale).toBe("10A");
  });

  test("Ingangsdatum as odd text → fout", () => {
    const g = setCell(g0(), "Salaristabel", "A2", "1 oktober 2024");
    expectOne(g, "fout", "Salaristabel", "A2", "Ingangsdatum", "is geen datum", "1-4-2025 of 2025-04-01");
  });
});

// ------------------------------------------------------------------------------------------ Formatie

describe("Formatie", () => {
  test('text in a number column: "3,5" in Fte → fout naming the text', () => {
    const g = setCell(g0(), "Formatie", "D7", "3,5");
    expectOne(g, "fout", "Formatie", "D7", 'Fte: "3,5" is tekst, geen getal', "typ het als getal");
  });

  test.each([
    [0, "te klein", "groter dan 0"],
    [-1, "te klein", "groter dan 0"],
    [150, "te groot", "hoogstens 100"],
  ])("Fte %p → fout", (v, ...fragments) => {
    expectOne(setCell(g0(), "Formatie", "D7", v), "fout", "Formatie", "D7", `Fte: ${v} is`, ...fragments);
  });

  test("Fte above 10 on one row → waarschuwing (still read)", () => {
    expectOne(setCell(g0(), "Formatie", "D7", 12), "waarschuwing", "Formatie", "D7", "Fte 12", "controleer");
  });

  test("Fte empty → fout", () => {
    expectOne(setCell(g0(), "Formatie", "D7", null), "fout", "Formatie", "D7", "Fte is leeg");
  });

  test("a boolean in a number column → fout", () => {
    expectOne(setCell(g0(), "Formatie", "D2", true), "fout", "Formatie", "D2", "Fte: WAAR is geen getal");
  });

  test("an error value in a number column → fout naming the error", () => {
    expectOne(setCell(g0(), "Formatie", "D2", { error: "#REF!" }), "fout", "Formatie", "D2", "Fte", "#REF!", "herstel de formule");
  });

  test("a date in a number column → fout", () => {
    expectOne(setCell(g0(), "Formatie", "D2", date("2025-03-01")), "fout", "Formatie", "D2", "is een datum, geen getal");
  });

  test("an unknown Pakket → fout listing all allowed values", () => {
    const p = expectOne(setCell(g0(), "Formatie", "B2", "Baliezaken"), "fout", "Formatie", "B2", '"Baliezaken" is geen toegestane waarde', "kies uit");
    for (const code of ["Balie", "BRP", "Burgerlijke stand", "Eerste inschrijving", "Advisering I&A", "Algemeen"]) expect(p.message).toContain(`'${code}'`);
  });

  test("Pakket is matched case-insensitively and returned in its canonical spelling", () => {
    const i = expectClean(setCell(g0(), "Formatie", "B3", "  brp "));
    expect(i.formation[1].service).toBe("BRP");
  });

  test("an unknown Bezetting → fout listing Bezet and Vacature; empty Bezetting is allowed", () => {
    expectOne(setCell(g0(), "Formatie", "E2", "Ziek"), "fout", "Formatie", "E2", "Bezetting", "'Bezet', 'Vacature'");
    const i = expectClean(setCell(g0(), "Formatie", "E2", null));
    expect(i.formation[0].occupancy).toBeNull();
  });

  test("Schaal as the number 8 and as the text \"8\" both read as label 8", () => {
    const g = setCell(g0(), "Formatie", "C3", "8");
    const i = expectClean(g);
    expect(i.formation[1].scale).toBe("8");
    expect(i.formation[2].scale).toBe("8"); // C4 holds the number 8
    expect(getCell(g, "Formatie", "C4")).toBe(8);
  });

  test('Schaal as text "10a" → label "10A"', () => {
    const i = expectClean(setCell(g0(), "Formatie", "C10", "10a"));
    expect(i.formation[8].scale).toBe("10A");
  });

  test("Schaal empty → fout", () => {
    expectOne(setCell(g0(), "Formatie", "C10", null), "fout", "Formatie", "C10", "Schaal is leeg");
  });

  test("a scale without any Salaristabel row → fout naming the scale and the month", () => {
    expectOne(setCell(g0(), "Formatie", "C10", 19), "fout", "Formatie", "C10", "Schaal 19 staat niet in de Salaristabel", "januari 2025");
  });

  test("a scale whose table starts only in April → fout naming januari", () => {
    const g = g0();
    expect([getCell(g, "Salaristabel", "B12"), (getCell(g, "Salaristabel", "A12") as Date).toISOString()]).toEqual([11, "2024-10-01T00:00:00.000Z"]);
    dropRow(g, "Salaristabel", 12); // scale 11 now starts 1-4-2025
    expectOne(g, "fout", "Formatie", "C10", "Schaal 11", "januari 2025", "en 2 andere maanden", "op of voor 1-1-2025");
  });

  test("a scale used on several rows is reported once, at its first row", () => {
    const g = g0();
    expect(getCell(g, "Salaristabel", "B9")).toBe(8);
    expectOne(dropRow(g, "Salaristabel", 9), "fout", "Formatie", "C3", "Schaal 8", "januari 2025");
  });

  test("Functie empty → fout", () => {
    expectOne(setCell(g0(), "Formatie", "A2", null), "fout", "Formatie", "A2", "Functie is leeg");
  });

  test("a Formatie whose only row has a fout → just that fout (not 'Formatie is leeg')", () => {
    const g = g0();
    sheet(g, "Formatie").rows.length = 2;
    setCell(g, "Formatie", "D2", "3,0");
    expectOne(g, "fout", "Formatie", "D2", '"3,0" is tekst, geen getal');
  });

  test("no positions at all → fout", () => {
    const g = g0();
    sheet(g, "Formatie").rows.length = 1;
    expectOne(g, "fout", "Formatie", "A2", "Formatie is leeg", "vul minstens één functie in");
  });
});

// ---------------------------------------------------------------------------------------- Realisatie

describe("Realisatie", () => {
  test.each([
    [13, "13 is geen maand", "1 tot en met 12"],
    [0, "0 is geen maand", "1 tot en met 12"],
    [-2, "-2 is geen maand", "1 tot en met 12"],
    [2.5, "2,5 is geen maand", "heel getal"],
    ["3", '"3" is tekst, geen getal', "typ de maand als getal"],
    ["maart", '"maart" is geen maand', "1 tot en met 12"],
    [date("2024-03-15"), "2024-03-15 ligt niet in 2025", "2025"],
    ["15-3-2024", '"15-3-2024" ligt niet in 2025', "2025"],
    [true, "WAAR is geen maand", "vul"],
  ] as Array<[CellValue, ...string[]]>)("Maand %p → fout", (v, ...fragments) => {
    expectOne(setCell(g0(), "Realisatie", "A3", v), "fout", "Realisatie", "A3", "Maand", ...fragments);
  });

  test.each([
    ["a date cell", date("2025-03-15")],
    ["an Excel serial", toExcelSerial({ year: 2025, month: 3, day: 15 })],
    ["d-m-jjjj text", "15-3-2025"],
    ["dd-mm-jjjj text", "01-03-2025"],
    ["jjjj-mm-dd text", "2025-03-31"],
  ])("Maand as %s in Jaar is read as its month", (_what, v) => {
    const i = expectClean(setCell(g0(), "Realisatie", "A3", v));
    expect(i.ledger[1]).toMatchObject({ row: 3, month: 3 });
  });

  test("an unknown Categorie → fout listing the categories", () => {
    expectOne(
      setCell(g0(), "Realisatie", "B2", "Salaris"), "fout", "Realisatie", "B2",
      '"Salaris" is geen toegestane waarde', "'Loonkosten', 'Vervanging', 'Opleiding', 'Aanvullende dienstverlening', 'Overig'",
    );
  });

  test("text in Bedrag → fout", () => {
    expectOne(setCell(g0(), "Realisatie", "C2", "€ 47.250"), "fout", "Realisatie", "C2", 'Bedrag: "€ 47.250" is tekst, geen getal');
  });

  test("an error value in Bedrag → fout naming #REF!", () => {
    expectOne(setCell(g0(), "Realisatie", "C2", { error: "#REF!" }), "fout", "Realisatie", "C2", "Bedrag: bevat de foutwaarde #REF!");
  });

  test("a boolean in Bedrag → fout", () => {
    expectOne(setCell(g0(), "Realisatie", "C2", false), "fout", "Realisatie", "C2", "ONWAAR is geen getal");
  });

  test("a negative Bedrag (a correction) is allowed", () => {
    const g = g0();
    const row = addRow(g, "Realisatie", [3, "Opleiding", -250, "Correctie cursus"]);
    const i = expectClean(g);
    expect(i.ledger.find((l) => l.row === row)?.amount).toBe(-250);
  });

  test("Vervanging without a Dossier → fout at the Dossier cell", () => {
    expectOne(setCell(g0(), "Realisatie", "E9", null), "fout", "Realisatie", "E9", "heeft een dossiernummer nodig", "Verzuim");
  });

  test("Vervanging when the ledger has no Dossier column at all → fout at the Categorie cells", () => {
    expectProblems(dropColumn(g0(), "Realisatie", "Dossier"), [9, 10, 11, 12].map((r): Expected => ["fout", "Realisatie", `B${r}`, "dossiernummer", "voeg op Realisatie een kolom 'Dossier' toe"]));
  });

  test("Vervanging with a dossier not in Verzuim → fout", () => {
    expectOne(setCell(g0(), "Realisatie", "E12", "V-2025-09"), "fout", "Realisatie", "E12", "Dossier V-2025-09 staat niet in het blad Verzuim");
  });

  test("the Dossier is matched case-insensitively", () => {
    const i = expectClean(setCell(g0(), "Realisatie", "E12", " v-2025-02"));
    expect(i.ledger.find((l) => l.row === 12)?.caseId).toBe("V-2025-02");
  });

  test("Vervanging when the Verzuim sheet is absent → fout on every Vervanging row", () => {
    expectProblems(
      dropSheet(g0(), "Verzuim"),
      [9, 10, 11, 12].map((r): Expected => ["fout", "Realisatie", `E${r}`, "kan niet worden gecontroleerd: het blad 'Verzuim' ontbreekt"]),
    );
  });

  test("rows after the Rapportagemaand → one aggregated waarschuwing; the rows are still read", () => {
    const g = g0();
    const r9 = addRow(g, "Realisatie", [9, "Overig", 10]);
    const r12 = addRow(g, "Realisatie", [date("2025-12-01"), "Overig", 20]);
    const r = parseWorkbook(g);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: "waarschuwing", sheet: "Realisatie", cell: "A8" });
    expect(r.problems[0].message).toContain(`3 boekingen liggen na de rapportagemaand (juni)`);
    expect(r.problems[0].message).toContain(`rij 8, ${r9}, ${r12}`);
    expect(r.problems[0].message).toContain("verhoog dan de Rapportagemaand");
    expect(r.inputs?.ledger.filter((l) => l.month > 6).map((l) => l.row)).toEqual([8, r9, r12]);
  });

  test("no row after the Rapportagemaand → no warning", () => {
    const g = g0();
    setSetting(g, "Rapportagemaand", 7);
    const r = parseWorkbook(g);
    expect(r.problems).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------- Verzuim

describe("Verzuim", () => {
  test("a duplicate Dossier (case-insensitive) → fout naming the first row", () => {
    const g = g0();
    const row = addRow(g, "Verzuim", ["v-2025-01 ", "BRP", "Kort", date("2025-05-01"), null, null, 0, "Teamleider"]);
    expectOne(g, "fout", "Verzuim", `A${row}`, "Dossier V-2025-01 komt twee keer voor", "rij 2");
  });

  test("an unknown Soort → fout listing Kort and Lang (and no knock-on error on the ledger)", () => {
    expectOne(setCell(g0(), "Verzuim", "C2", "Langdurig"), "fout", "Verzuim", "C2", "Soort", "'Kort', 'Lang'");
  });

  test("an unknown Besluit → fout listing Open, Teamleider, Adviesnota", () => {
    expectOne(setCell(g0(), "Verzuim", "H2", "Akkoord"), "fout", "Verzuim", "H2", "Besluit", "'Open', 'Teamleider', 'Adviesnota'");
  });

  test("an empty Besluit defaults to Open", () => {
    const i = expectClean(setCell(g0(), "Verzuim", "H3", null));
    expect(i.sickLeave?.[1].decision).toBe("Open");
  });

  test("Einddatum before Startdatum → fout at Einddatum", () => {
    expectOne(setCell(g0(), "Verzuim", "E2", "31-3-2025"), "fout", "Verzuim", "E2", "Einddatum 31-3-2025 ligt voor de startdatum 1-4-2025");
  });

  test("Einddatum on or after Startdatum is read", () => {
    const i = expectClean(setCell(g0(), "Verzuim", "E2", "2025-09-30"));
    expect(i.sickLeave?.[0].end).toEqual({ year: 2025, month: 9, day: 30 });
  });

  test.each(["Naam", "Medewerker", "naam medewerker"])("a %p column → waarschuwing at that header cell mentioning AVG", (h) => {
    const g = addColumn(g0(), "Verzuim", h, ["J. Jansen", "P. de Vries"]);
    expect(SICK_LEAVE_HEADERS).toHaveLength(10);
    expectOne(g, "waarschuwing", "Verzuim", "K1", `De kolom '${h}' lijkt namen te bevatten`, "verwijder deze kolom", "AVG");
  });

  test.each([
    ["31-02-2025", "geen bestaande datum", "controleer dag en maand"],
    ["2025-02-30", "geen bestaande datum", "controleer dag en maand"],
    ["2025/04/01", "is geen datum", "1-4-2025 of 2025-04-01"],
    ["april", "is geen datum", "1-4-2025 of 2025-04-01"],
    ["1-4-25", "is geen datum", "1-4-2025 of 2025-04-01"],
  ])("Startdatum %p → fout", (v, ...fragments) => {
    expectOne(setCell(g0(), "Verzuim", "D2", v), "fout", "Verzuim", "D2", `Startdatum: "${v}"`, ...fragments);
  });

  test.each([
    ["a date cell", date("2025-04-01")],
    ["an Excel serial", toExcelSerial({ year: 2025, month: 4, day: 1 })],
    ["d-m-jjjj text", "1-4-2025"],
    ["jjjj-mm-dd text", "2025-04-01"],
  ])("Startdatum as %s is read", (_what, v) => {
    const r = parseWorkbook(setCell(g0(), "Verzuim", "D2", v));
    expect(extra(r)).toEqual([]);
    expect(r.inputs?.sickLeave?.[0].start).toEqual({ year: 2025, month: 4, day: 1 });
  });

  test("Startdatum as an error value → fout naming it", () => {
    expectOne(setCell(g0(), "Verzuim", "D2", { error: "#WAARDE!" }), "fout", "Verzuim", "D2", "#WAARDE!");
  });

  test("negative Verwachte kosten → fout", () => {
    expectOne(setCell(g0(), "Verzuim", "G2", -1), "fout", "Verzuim", "G2", "Verwachte kosten: -1 is te klein", "minstens 0");
  });

  test("an error value in Verwachte kosten → fout naming #REF!", () => {
    expectOne(setCell(g0(), "Verzuim", "G2", { error: "#REF!" }), "fout", "Verzuim", "G2", "#REF!");
  });

  test("Verzuim lacking a required column → one fout, no knock-on errors on the ledger", () => {
    expectOne(dropColumn(g0(), "Verzuim", "Soort"), "fout", "Verzuim", "A1", "De kolom 'Soort' ontbreekt op 'Verzuim'");
  });
});

// ----------------------------------------------------------------------------------------- Producten

describe("Producten", () => {
  test.each([
    [2.5, "Aantal: 2,5 is geen heel getal"],
    [-1, "Aantal: -1 is te klein", "minstens 0"],
    ["12", 'Aantal: "12" is tekst, geen getal'],
  ] as Array<[CellValue, ...string[]]>)("Aantal %p → fout", (v, ...fragments) => {
    const g = addSheet(g0(), "Producten");
    expectOne(setCell(g, "Producten", "D2", v), "fout", "Producten", "D2", ...fragments);
  });

  test("an unknown Pakket → fout listing the service codes", () => {
    const g = addSheet(g0(), "Producten");
    expectOne(setCell(g, "Producten", "B3", "Reisdocumenten"), "fout", "Producten", "B3", "kies uit 'Balie', 'BRP'");
  });

  test("Maand 13 → fout", () => {
    const g = addSheet(g0(), "Producten");
    expectOne(setCell(g, "Producten", "A2", 13), "fout", "Producten", "A2", "13 is geen maand");
  });
});

// ----------------------------------------------------------------------------------- Dienstverlening

describe("Dienstverlening", () => {
  const g1 = () => addSheet(g0(), "Dienstverlening");
  // columns: A Maand, B Beschikbare, C Open, D Afspraken, E Vrije inloop, F Terugbel, G Terugbel op tijd, H Verzoeken, I Verzoeken op tijd

  test("Terugbelverzoeken op tijd above the total → fout", () => {
    expectOne(setCell(g1(), "Dienstverlening", "G2", 51), "fout", "Dienstverlening", "G2", "Terugbelverzoeken op tijd (51) is meer dan het aantal terugbelverzoeken (50)");
  });

  test("Verzoeken op tijd above the total → fout", () => {
    expectOne(setCell(g1(), "Dienstverlening", "I3", 181), "fout", "Dienstverlening", "I3", "Verzoeken op tijd (181) is meer dan het aantal verzoeken (180)");
  });

  test("Open plekken above Beschikbare plekken → fout", () => {
    expectOne(setCell(g1(), "Dienstverlening", "C2", 401), "fout", "Dienstverlening", "C2", "Open plekken (401) is meer dan het aantal beschikbare plekken (400)");
  });

  test("the same month twice → fout at the second", () => {
    expectOne(setCell(g1(), "Dienstverlening", "A3", 1), "fout", "Dienstverlening", "A3", "Maand 1 staat twee keer", "rij 2");
  });

  test("a count that is not a whole number ≥ 0 → fout", () => {
    expectOne(setCell(g1(), "Dienstverlening", "K2", -1), "fout", "Dienstverlening", "K2", "Klachten: -1 is te klein");
    expectOne(setCell(g1(), "Dienstverlening", "D2", 380.5), "fout", "Dienstverlening", "D2", "Afspraken: 380,5 is geen heel getal");
  });

  test("a bad total is reported once, without a knock-on 'op tijd' error", () => {
    expectOne(setCell(g1(), "Dienstverlening", "F2", "vijftig"), "fout", "Dienstverlening", "F2", 'Terugbelverzoeken: "vijftig" is tekst');
  });
});

// ----------------------------------------------------------------------------- Zelfevaluatie, Privacy, Kwalitatief, Verkiezingen, Openingstijden

describe("other optional sheets", () => {
  test("Zelfevaluatie Score 93 (a percentage as a whole number) → fout", () => {
    const g = addSheet(g0(), "Zelfevaluatie");
    expectOne(setCell(g, "Zelfevaluatie", "B2", 93), "fout", "Zelfevaluatie", "B2", "Score: 93 is meer dan 100%: bedoelt u 93%?");
  });

  test("Zelfevaluatie Norm defaults to 0.90 (empty cell or no column)", () => {
    const g = addSheet(g0(), "Zelfevaluatie");
    expect(expectClean(g).selfEvaluation?.[1].norm).toBe(0.9);
    dropColumn(g, "Zelfevaluatie", "Norm");
    expect(expectClean(g).selfEvaluation?.map((s) => s.norm)).toEqual([0.9, 0.9]);
  });

  test("Privacy: an unknown Soort → fout listing Datalek and Gegevensverstrekking", () => {
    const g = addSheet(g0(), "Privacy");
    expectOne(setCell(g, "Privacy", "B2", "Inbreuk"), "fout", "Privacy", "B2", "Soort", "'Datalek', 'Gegevensverstrekking'");
  });

  test("Privacy: Gemeld bij AP on a Gegevensverstrekking → waarschuwing", () => {
    const g = addSheet(g0(), "Privacy");
    expectOne(setCell(g, "Privacy", "D3", "Ja"), "waarschuwing", "Privacy", "D3", "'Gemeld bij AP' geldt alleen voor datalekken");
  });

  test("Privacy: Gemeld bij AP other than Ja/Nee → fout", () => {
    const g = addSheet(g0(), "Privacy");
    expectOne(setCell(g, "Privacy", "D2", "Misschien"), "fout", "Privacy", "D2", "'Ja', 'Nee'");
  });

  test("Kwalitatief: an unknown Onderwerp → fout listing the topics", () => {
    const g = addSheet(g0(), "Kwalitatief");
    expectOne(setCell(g, "Kwalitatief", "A2", "Financien"), "fout", "Kwalitatief", "A2", "Onderwerp", "'Formatie'", "'Meer- en maatwerk'", "'Overig'");
  });

  test("Kwalitatief: Maand is optional", () => {
    const g = addSheet(g0(), "Kwalitatief");
    expect(expectClean(setCell(g, "Kwalitatief", "B2", null)).qualitative?.[0].month).toBeNull();
  });

  test("Verkiezingen: an unknown Fase → fout", () => {
    const g = addSheet(g0(), "Verkiezingen");
    expectOne(setCell(g, "Verkiezingen", "C2", "Bezig"), "fout", "Verkiezingen", "C2", "'Voorbereiding', 'Afgerond'");
  });

  test("Openingstijden: a time cell (fraction of a day) is read; odd text → fout", () => {
    const g = addSheet(g0(), "Openingstijden");
    expect(expectClean(setCell(g, "Openingstijden", "C2", 8.5 / 24)).openingHours?.[0].from).toBe("8:30");
    expectOne(setCell(g, "Openingstijden", "D2", "middag"), "fout", "Openingstijden", "D2", "is geen tijd", "8:30");
  });
});

// ----------------------------------------------------------------------------------------- one pass

describe("all problems in one pass", () => {
  test("a grid with 5 different errors on 3 sheets yields all 5", () => {
    const g = g0();
    setSetting(g, "Overheadpercentage", 15); // Instellingen!B6
    setCell(g, "Formatie", "D7", "3,5");
    setCell(g, "Formatie", "B2", "Baliee");
    setCell(g, "Realisatie", "A3", 13);
    setCell(g, "Realisatie", "B4", "Salaris");
    expectProblems(g, [
      ["fout", "Instellingen", "B6", "15 is meer dan 100%"],
      ["fout", "Formatie", "D7", '"3,5" is tekst, geen getal'],
      ["fout", "Formatie", "B2", '"Baliee" is geen toegestane waarde'],
      ["fout", "Realisatie", "A3", "13 is geen maand"],
      ["fout", "Realisatie", "B4", '"Salaris" is geen toegestane waarde'],
    ]);
  });

  test("ledger months are still checked against Jaar when another setting is wrong", () => {
    const g = g0();
    setSetting(g, "Opleidingskosten", "achtduizend");
    setCell(g, "Realisatie", "A3", date("2024-03-01"));
    expectProblems(g, [
      ["fout", "Instellingen", "B9", '"achtduizend" is tekst'],
      ["fout", "Realisatie", "A3", "ligt niet in 2025"],
    ]);
  });

  test("when Jaar itself is wrong, month numbers are still checked and dates are not blamed for the year", () => {
    const g = g0();
    setSetting(g, "Jaar", 1999);
    setCell(g, "Realisatie", "A3", 13);
    setCell(g, "Realisatie", "A4", date("2025-04-01"));
    addSheet(g, "Producten");
    setCell(g, "Producten", "A2", "1-1-2025");
    expectProblems(g, [
      ["fout", "Instellingen", "B2", "1999 is te klein"],
      ["fout", "Realisatie", "A3", "13 is geen maand"],
    ]);
  });

  test("problems on many sheets, including warnings, are all collected", () => {
    const g = g0();
    removeSetting(g, "Jaar");
    setCell(g, "Salaristabel", "D2", -1);
    setCell(g, "Formatie", "E3", "Ziek");
    setCell(g, "Verzuim", "C3", "Middel");
    addColumn(g, "Verzuim", "Medewerker");
    addSheet(g, "Privacy");
    setCell(g, "Privacy", "D3", "Nee");
    addSheet(g, "Zelfevaluatie");
    setCell(g, "Zelfevaluatie", "B3", 88);
    expectProblems(g, [
      ["fout", "Instellingen", "A1", "De instelling 'Jaar' ontbreekt"],
      ["fout", "Salaristabel", "D2", "-1 is te klein"],
      ["fout", "Formatie", "E3", "'Bezet', 'Vacature'"],
      ["fout", "Verzuim", "C3", "'Kort', 'Lang'"],
      ["waarschuwing", "Verzuim", "K1", "AVG"],
      ["waarschuwing", "Privacy", "D3", "alleen voor datalekken"],
      ["fout", "Zelfevaluatie", "B3", "88 is meer dan 100%"],
    ]);
  });
});
