/**
 * Reading rules that real workbooks showed missing (issue 9, item 3), on grids made by hand: an Excel
 * table's totals row is not data; sheet names match case-insensitively and a second match is a fout, as is
 * a second column with the same header; numbers beyond a sane bound and non-finite numbers are a fout;
 * text longer than an Excel cell holds is a fout; and no message carries an English or JavaScript fragment.
 */
import { computeResults } from "../src/domain/compute";
import type { CellValue, Problem, WorkbookGrids } from "../src/input/grid";
import { parseWorkbook, type ParseResult } from "../src/input/parse";
import { workedExample } from "./example-inputs";
import { addColumn, addSheet, exampleGrids, getCell, OPTIONAL_SHEETS, setCell, setSetting, sheet } from "./grids";

const g0 = exampleGrids;

/** The worked example's one warning (Realisatie row 8, month 7 after the report month). */
const isBaseline = (p: Problem) => p.severity === "waarschuwing" && p.sheet === "Realisatie" && p.cell === "A8";
const extra = (r: ParseResult) => r.problems.filter((p) => !isBaseline(p));
const fouten = (r: ParseResult) => r.problems.filter((p) => p.severity === "fout");

/** English or JavaScript fragments that must never reach a user. */
const LEAK = /undefined|NaN|Infinity|\bnull\b|\btrue\b|\bfalse\b|Invalid|disallowed|reading '|Cannot|TypeError|RangeError|\[object|Error:/;

function expectDutch(r: ParseResult): void {
  for (const p of r.problems) {
    expect(p.message).not.toMatch(LEAK);
    expect(p.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
    expect(p.message.length).toBeLessThan(1000);
  }
}

/** Exactly one problem besides the baseline: this one. */
function expectOnly(g: WorkbookGrids, severity: "fout" | "waarschuwing", sheetName: string, cell: string, ...fragments: string[]): Problem {
  const r = parseWorkbook(g);
  expectDutch(r);
  const got = extra(r);
  expect(got.map((p) => `${p.severity} ${p.sheet}!${p.cell}`)).toEqual([`${severity} ${sheetName}!${cell}`]);
  for (const f of fragments) expect(got[0].message).toContain(f);
  if (severity === "fout") expect(r.inputs).toBeNull();
  return got[0];
}

function expectClean(g: WorkbookGrids) {
  const r = parseWorkbook(g);
  expectDutch(r);
  expect(extra(r)).toEqual([]);
  expect(r.inputs).not.toBeNull();
  return r.inputs!;
}

// ---------------------------------------------------------------------------------- totals rows

describe("an Excel table's totals row is not data", () => {
  /** Realisatie as an Excel table A1:E17 whose row 17 is the totals row Excel writes (Totaal, SUBTOTAL's value). */
  function withTotalsRow(totalsRows: number | undefined): WorkbookGrids {
    const g = g0();
    const s = sheet(g, "Realisatie");
    expect(s.rows).toHaveLength(16); // header + 15 bookings (rows 2–16)
    const sum = workedExample().ledger.reduce((a, r) => a + r.amount, 0);
    s.rows.push(["Totaal", null, sum, null, null]);
    s.table = { name: "Realisatie", row: 1, col: 1, lastRow: 17, totalsRows };
    return g;
  }

  test("Totaal in the totals row is skipped: the 15 bookings are read, nothing else", () => {
    const inputs = expectClean(withTotalsRow(1));
    expect(inputs.ledger.map((r) => [r.row, r.amount])).toEqual(workedExample().ledger.map((r) => [r.row, r.amount]));
    expect(inputs.ledger).toHaveLength(15);
  });

  /** The fouten of a Totaal row read as data: Maand is not a month, Categorie is empty. */
  const readAsData = (g: WorkbookGrids, row: number) => {
    const r = parseWorkbook(g);
    expectDutch(r);
    expect(extra(r).map((p) => `${p.severity} ${p.sheet}!${p.cell}`)).toEqual([`fout Realisatie!A${row}`, `fout Realisatie!B${row}`]);
    expect(r.inputs).toBeNull();
    return extra(r)[0].message;
  };

  test("the same row without totalsRows (a host that does not know) is still read, and Totaal is a fout", () => {
    expect(readAsData(withTotalsRow(undefined), 17)).toContain("Maand: \"Totaal\" is geen maand");
    expect(readAsData(withTotalsRow(0), 17)).toContain("Totaal");
  });

  test("only the table's own last rows are skipped: a row below the table is still read", () => {
    const g = withTotalsRow(1);
    sheet(g, "Realisatie").rows.push(["Nog een", null, 5, null, null]);
    expect(readAsData(g, 18)).toContain("Nog een");
  });

  test("a table that starts lower on the sheet (header in row 3, totals row 19) on Formatie", () => {
    const g = g0();
    const s = sheet(g, "Formatie");
    s.rows.unshift(["Formatie 2025"], []);
    s.rows.push(["Totaal", null, null, 9.4, null, null]);
    expect(s.rows).toHaveLength(13); // title, blank, header (row 3), 9 functions (rows 4–12), Totaal (row 13)
    s.table = { name: "Formatie", row: 3, col: 1, lastRow: 13, totalsRows: 1 };
    const inputs = expectClean(g);
    expect(inputs.formation.map((f) => f.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

// ---------------------------------------------------------------------------------- sheet names

describe("sheet names match case-insensitively; two matches are a fout", () => {
  test("'formatie' is Formatie; problems name the sheet as it is spelt in the workbook", () => {
    const g = g0();
    sheet(g, "Formatie").name = "formatie";
    expect(expectClean(g).formation).toHaveLength(9);
    setCell(g, "formatie", "D2", "drie");
    expectOnly(g, "fout", "formatie", "D2", "Fte");
  });

  test("'Formatie' and 'formatie': a fout naming both, neither is read", () => {
    const g = g0();
    g.sheets.push({ name: "formatie", rows: sheet(g, "Formatie").rows.map((r) => [...r]) });
    expectOnly(g, "fout", "formatie", "A1", "'Formatie'", "'formatie'", "hernoem of verwijder");
  });

  test("'Realisatie' and ' REALISATIE ' (spaces and capitals do not count)", () => {
    const g = g0();
    g.sheets.splice(1, 0, { name: " REALISATIE ", rows: [["Maand", "Categorie", "Bedrag"]] });
    // the first match in workbook order is named first; the problem sits on the second
    expectOnly(g, "fout", "Realisatie", "A1", "' REALISATIE '", "'Realisatie'");
  });

  test("an optional sheet twice (Verzuim, verzuim) and the settings twice are a fout too", () => {
    const g = g0();
    g.sheets.push({ name: "verzuim", rows: [["Dossier"]] });
    const r = parseWorkbook(g);
    expectDutch(r);
    expect(fouten(r).map((p) => `${p.sheet}!${p.cell}`)).toContain("verzuim!A1");
    expect(r.inputs).toBeNull();

    const h = g0();
    h.sheets.push({ name: "INSTELLINGEN", rows: [["Instelling", "Waarde"], ["Jaar", 2026]] });
    const s = parseWorkbook(h);
    expect(fouten(s).map((p) => `${p.sheet}!${p.cell}`)).toEqual(["INSTELLINGEN!A1"]);
    expect(fouten(s)[0].message).toContain("'Instellingen' en 'INSTELLINGEN'");
  });
});

// ---------------------------------------------------------------------------------- duplicate headers

describe("a second column with the header of an input column is a fout naming both", () => {
  test("Realisatie with two 'Bedrag' columns (C1 and F1)", () => {
    const g = addColumn(g0(), "Realisatie", "Bedrag", [1, 2, 3]);
    expectOnly(g, "fout", "Realisatie", "F1", "'Bedrag'", "Realisatie!C1", "Realisatie!F1");
  });

  test("also when spelt differently ('bedrag ')", () => {
    expectOnly(addColumn(g0(), "Realisatie", " bedrag "), "fout", "Realisatie", "F1", "Realisatie!C1 en Realisatie!F1");
  });

  test("on Instellingen (a second 'Waarde' column)", () => {
    expectOnly(addColumn(g0(), "Instellingen", "Waarde", [2026]), "fout", "Instellingen", "C1", "'Waarde'", "Instellingen!B1");
  });

  test("an optional input column twice (Omschrijving) is a fout as well", () => {
    expectOnly(addColumn(g0(), "Realisatie", "Omschrijving"), "fout", "Realisatie", "F1", "Realisatie!D1", "Realisatie!F1");
  });

  test("a column the add-in does not read may appear twice: extra columns are ignored", () => {
    const g = addColumn(addColumn(g0(), "Realisatie", "Opmerking", ["a"]), "Realisatie", "Opmerking", ["b"]);
    expect(expectClean(g).ledger).toHaveLength(15);
  });
});

// ---------------------------------------------------------------------------------- sane bounds

describe("numbers beyond a sane bound, and non-finite numbers, are a fout", () => {
  test.each([
    [1e308, "1E+308", "groot"],
    [1.5e12, "1500000000000", "groot: een bedrag is hoogstens 1.000.000.000.000 euro"],
    [-2e12, "-2000000000000", "klein: een bedrag is minstens -1.000.000.000.000 euro"],
  ])("Bedrag %p → fout at the cell", (value, shownAs, bound) => {
    expectOnly(setCell(g0(), "Realisatie", "C2", value), "fout", "Realisatie", "C2", "Bedrag", shownAs, `onwaarschijnlijk ${bound}`);
  });

  test("Bedrag up to 1e12 euro either way is read", () => {
    const g = setCell(setCell(g0(), "Realisatie", "C2", 1e12), "Realisatie", "C3", -1e12);
    const inputs = expectClean(g);
    expect(inputs.ledger.slice(0, 2).map((r) => r.amount)).toEqual([1e12, -1e12]);
  });

  test.each([
    [Infinity, "C2"],
    [-Infinity, "C3"],
    [NaN, "C4"],
  ])("Bedrag %p (a host may pass it on) → fout 'geen geldig getal'", (value, cell) => {
    expectOnly(setCell(g0(), "Realisatie", cell, value), "fout", "Realisatie", cell, "Bedrag", "geen geldig getal");
  });

  test("Salaristabel: a maximum or minimum beyond 1.000.000 euro a month", () => {
    expectOnly(setCell(g0(), "Salaristabel", "D2", 1e308), "fout", "Salaristabel", "D2", "Maximum", "1E+308", "maandsalaris", "1.000.000 euro");
    const g = setCell(g0(), "Salaristabel", "C2", 2_000_000);
    expectOnly(g, "fout", "Salaristabel", "C2", "Minimum", "2000000");
  });

  test("Verzuim: Verwachte kosten 1e308", () => {
    expectOnly(setCell(g0(), "Verzuim", "G2", 1e308), "fout", "Verzuim", "G2", "Verwachte kosten", "onwaarschijnlijk groot");
  });

  test("Formatie: Fte 1e308 (the fte bound of 100 holds)", () => {
    expectOnly(setCell(g0(), "Formatie", "D2", 1e308), "fout", "Formatie", "D2", "Fte", "te groot");
  });

  test("Instellingen: Opleidingskosten 1e308", () => {
    const g = g0();
    const row = setSetting(g, "Opleidingskosten", 1e308);
    expectOnly(g, "fout", "Instellingen", `B${row}`, "Opleidingskosten", "1E+308", "onwaarschijnlijk groot");
  });

  test("counts: Producten Aantal, Dienstverlening Verzoeken and Privacy Aantal beyond 10.000.000 a month", () => {
    expectOnly(setCell(addSheet(g0(), "Producten"), "Producten", "D2", 1e308), "fout", "Producten", "D2", "Aantal", "10.000.000");
    expectOnly(setCell(addSheet(g0(), "Dienstverlening"), "Dienstverlening", "H2", 2e7), "fout", "Dienstverlening", "H2", "Verzoeken");
    expectOnly(setCell(addSheet(g0(), "Privacy"), "Privacy", "C2", 1e9), "fout", "Privacy", "C2", "Aantal");
    expect(OPTIONAL_SHEETS.Producten[1][3]).toBe(120);
  });

  test("at the bounds everywhere, the engine's results stay finite (no € ∞, no NaN in a report)", () => {
    const g = g0();
    const ledger = sheet(g, "Realisatie");
    for (let r = 2; r <= ledger.rows.length; r++) setCell(g, "Realisatie", `C${r}`, 1e12);
    const salary = sheet(g, "Salaristabel");
    for (let r = 2; r <= salary.rows.length; r++) {
      setCell(g, "Salaristabel", `C${r}`, 1e6);
      setCell(g, "Salaristabel", `D${r}`, 1e6);
    }
    for (let r = 2; r <= 10; r++) setCell(g, "Formatie", `D${r}`, 100);
    setCell(g, "Verzuim", "G2", 1e12);
    setCell(g, "Verzuim", "G3", 1e12);
    for (const label of ["Opleidingskosten", "Budget aanvullende dienstverlening", "Drempel verschil bedrag"]) setSetting(g, label, 1e12);
    const r = parseWorkbook(g);
    expect(fouten(r)).toEqual([]);
    const results = computeResults(r.inputs!);
    const bad: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (typeof v === "number" && !Number.isFinite(v)) bad.push(`${at} = ${v}`);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    walk(results, "results");
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------- text length

describe("text longer than an Excel cell holds (32,767 characters) is a fout", () => {
  const long = "x".repeat(32768);

  test("Toelichting on Formatie: 32,767 characters are read, 32,768 are a fout", () => {
    const ok = expectClean(setCell(g0(), "Formatie", "F2", "y".repeat(32767)));
    expect(ok.formation[0].note).toHaveLength(32767);
    expectOnly(setCell(g0(), "Formatie", "F2", long), "fout", "Formatie", "F2", "Toelichting", "32.768 tekens", "32.767");
  });

  test.each([
    ["Realisatie", "D2", "Omschrijving"],
    ["Realisatie", "B2", "Categorie"],
    ["Realisatie", "A2", "Maand"],
    ["Formatie", "C2", "Schaal"],
    ["Formatie", "A2", "Functie"],
    ["Verzuim", "C2", "Soort"],
    ["Verzuim", "D2", "Startdatum"],
    ["Salaristabel", "B2", "Schaal"],
  ])("%s!%s (%s)", (name, cell, header) => {
    const p = expectOnly(setCell(g0(), name, cell, long), "fout", name, cell, header, "32.767 tekens");
    expect(p.message).not.toContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  });

  test("Instellingen: Opdrachtgever", () => {
    const g = g0();
    const row = setSetting(g, "Opdrachtgever", long);
    expectOnly(g, "fout", "Instellingen", `B${row}`, "Opdrachtgever", "32.767 tekens");
  });
});

// ---------------------------------------------------------------------------------- Dutch only

describe("messages are Dutch: no JavaScript rendering or parser fragment, whatever a host passes in", () => {
  test("WAAR/ONWAAR, not true/false, in a text column and in a message", () => {
    const inputs = expectClean(setCell(g0(), "Formatie", "F2", true));
    expect(inputs.formation[0].note).toBe("WAAR");
    expectOnly(setCell(g0(), "Formatie", "D2", false), "fout", "Formatie", "D2", "ONWAAR");
  });

  test("an invalid Date object (a host's failed conversion) is a Dutch fout, never a RangeError", () => {
    const bad = new Date(Number.NaN);
    expectOnly(setCell(g0(), "Realisatie", "C2", bad), "fout", "Realisatie", "C2", "Bedrag", "ongeldige datum");
    expectOnly(setCell(g0(), "Realisatie", "D2", bad), "fout", "Realisatie", "D2", "Omschrijving", "geen geldige datum");
    expectOnly(setCell(g0(), "Verzuim", "D2", bad), "fout", "Verzuim", "D2", "Startdatum");
    const g = addSheet(g0(), "Openingstijden");
    expectOnly(setCell(g, "Openingstijden", "C2", bad), "fout", "Openingstijden", "C2", "Van");
  });

  const hostile: Array<[string, CellValue]> = [
    ["NaN", Number.NaN], ["Infinity", Infinity], ["-Infinity", -Infinity], ["1e308", 1e308], ["-0", -0], ["5e-324", 5e-324],
    ["invalid Date", new Date(Number.NaN)], ["Date in 1899", new Date(Date.UTC(1899, 11, 30))], ["true", true], ["false", false],
    ["#REF!", { error: "#REF!" }], ["long text", "é".repeat(40000)], ["control characters", "a\u0000b\u0007c"], ["formula text", "=1+1"],
    ["null", null], ["spaces", "   "],
  ];

  test.each(hostile)("%s in every cell of the first data row of every input sheet: no throw, Dutch messages", (_, value) => {
    const g = g0();
    for (const name of Object.keys(OPTIONAL_SHEETS)) addSheet(g, name);
    for (const s of g.sheets) {
      const width = s.rows[0].length;
      for (let c = 0; c < width; c++) {
        const before = s.rows[1][c];
        s.rows[1][c] = value;
        let r: ParseResult | undefined;
        expect(() => (r = parseWorkbook(g))).not.toThrow();
        expectDutch(r!);
        s.rows[1][c] = before;
      }
    }
    expect(getCell(g, "Formatie", "A1")).toBe("Functie");
  });
});
