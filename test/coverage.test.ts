/**
 * Formatie's Dekking column and the SLA version rules on the input side (docs/werkmapcontract.md, docs/rekenregels.md §3):
 * a row covered by the overhead is outside the plafond; Advisering I&A inside the plafond under SLA 2024, an
 * overhead too small for its formation, and an SLA-versie that does not belong to Jaar are waarschuwingen;
 * the fingerprint counts Dekking, but a workbook without the column keeps the fingerprint it had before.
 */
import { computeResults } from "../src/domain/compute";
import { addendumFingerprint } from "../src/domain/fingerprint";
import type { Problem } from "../src/input/grid";
import { planNextYear } from "../src/input/next-year";
import { parseWorkbook } from "../src/input/parse";
import { templateSheets } from "../src/input/template";
import { workedExample } from "./example-inputs";
import { dropColumn, exampleGrids, removeSetting, setCell, setSetting } from "./grids";

const own = (problems: Problem[], code: Problem["code"]) => problems.filter((p) => p.code === code);

/**
 * The fingerprint of the worked example with Advisering I&A inside the plafond, as the code before the Dekking
 * column computed it (commit 7e28f3a on main): signed PDFs of workbooks without the column carry this value.
 */
const FINGERPRINT_WITHOUT_DEKKING = "d610aabc46fb61c43505cd05444eeb975090133491e6b1b52a0de477936ebce7";

describe("Dekking", () => {
  test("the example grid: the I&A row (G10 'overhead') is outside the plafond; no coverage waarschuwing", () => {
    const r = parseWorkbook(exampleGrids());
    expect(r.inputs?.formation.find((f) => f.service === "Advisering I&A")?.coverage).toBe("overhead");
    expect(own(r.problems, "formation-coverage")).toEqual([]);
    expect(own(r.problems, "overhead-short")).toEqual([]);
    const c = computeResults(r.inputs!).ceiling;
    expect([c.ceiling, c.overhead, c.overheadUsed, c.totalBudget]).toEqual([626908.24, 112843.48, 22611.11, 759751.72]);
  });

  test("a value outside the list is a fout naming the cell; 'Plafond' in other case is read as plafond", () => {
    const g = setCell(exampleGrids(), "Formatie", "G10", "overheid");
    const r = parseWorkbook(g);
    const f = r.problems.find((p) => p.severity === "fout");
    expect([f?.sheet, f?.cell]).toEqual(["Formatie", "G10"]);
    expect(f?.message).toContain("'plafond', 'overhead'");
    const ok = parseWorkbook(setCell(exampleGrids(), "Formatie", "G10", " Plafond "));
    expect(ok.inputs?.formation.find((x) => x.service === "Advisering I&A")?.coverage).toBeUndefined();
  });

  test("SLA 2024, I&A inside the plafond: a waarschuwing on its Dekking cell citing SLA 2024, dienst 1.10", () => {
    const r = parseWorkbook(setCell(exampleGrids(), "Formatie", "G10", "plafond"));
    const w = own(r.problems, "formation-coverage");
    expect(w.map((p) => [p.severity, p.sheet, p.cell])).toEqual([["waarschuwing", "Formatie", "G10"]]);
    expect(w[0].message).toContain("SLA 2024, dienst 1.10");
    expect(w[0].message).toContain("Kosten worden gedekt door (verhoging van) het overheadspercentage");
    expect(w[0].message).toContain("Zet Dekking op 'overhead'");
    expect(computeResults(r.inputs!).ceiling.ceiling).toBe(649519.35);
  });

  test("without the Dekking column the waarschuwing sits on the Pakket cell and says to add the column", () => {
    const r = parseWorkbook(dropColumn(exampleGrids(), "Formatie", "Dekking"));
    const w = own(r.problems, "formation-coverage");
    expect(w.map((p) => p.cell)).toEqual(["B10"]);
    expect(w[0].message).toContain("Voeg in Formatie een kolom 'Dekking' toe");
  });

  test("under SLA 2023 (year 2023 rules) I&A inside the plafond is no waarschuwing", () => {
    const g = setCell(exampleGrids(), "Formatie", "G10", null);
    setSetting(g, "SLA-versie", 2023);
    const r = parseWorkbook(g);
    expect(own(r.problems, "formation-coverage")).toEqual([]);
  });

  test("an overhead too small for the formation it covers: a waarschuwing with both amounts", () => {
    // 3% of 626.908,24 = 18.807,25 < 22.611,11
    const g = exampleGrids();
    setSetting(g, "Overheadpercentage", 0.03);
    const r = parseWorkbook(g);
    const w = own(r.problems, "overhead-short");
    expect(w.map((p) => [p.severity, p.sheet, p.cell])).toEqual([["waarschuwing", "Formatie", "G10"]]);
    expect(w[0].message).toContain("€ 22.611,11");
    expect(w[0].message).toContain("€ 18.807,25");
    expect(w[0].message).toContain("€ 3.803,86 te weinig");
  });
});

describe("the fingerprint and Dekking", () => {
  test("a workbook without the Dekking column keeps the fingerprint it had before the column existed", () => {
    const r = parseWorkbook(dropColumn(exampleGrids(), "Formatie", "Dekking"));
    expect(addendumFingerprint(r.inputs!)).toBe(FINGERPRINT_WITHOUT_DEKKING);
    // a Dekking column with 'plafond' everywhere is the same addendum
    const plafond = parseWorkbook(setCell(exampleGrids(), "Formatie", "G10", "plafond"));
    expect(addendumFingerprint(plafond.inputs!)).toBe(FINGERPRINT_WITHOUT_DEKKING);
  });

  test("a changed Dekking changes the fingerprint", () => {
    const r = parseWorkbook(exampleGrids());
    expect(addendumFingerprint(r.inputs!)).not.toBe(FINGERPRINT_WITHOUT_DEKKING);
  });
});

describe("SLA-versie follows Jaar", () => {
  test("the template writes SLA-versie 2023 for 2023 and 2024 from 2024 on", () => {
    const sla = (year: number) => {
      const s = templateSheets({ year }).find((t) => t.key === "settings")!;
      return s.rows.find((r) => r[0] === "SLA-versie")?.[1];
    };
    expect([sla(2023), sla(2024), sla(2025), sla(2031)]).toEqual([2023, 2024, 2024, 2024]);
  });

  test("Jaar 2025 with SLA-versie 2024: no waarschuwing", () => {
    expect(own(parseWorkbook(exampleGrids()).problems, "sla-version-year")).toEqual([]);
  });

  test("Jaar 2023 with SLA-versie 2024: a waarschuwing at the SLA-versie cell", () => {
    const g = exampleGrids();
    setSetting(g, "Jaar", 2023);
    const w = own(parseWorkbook(g).problems, "sla-version-year");
    expect(w.map((p) => [p.severity, p.sheet, p.cell])).toEqual([["waarschuwing", "Instellingen", "B13"]]);
    expect(w[0].message).toContain("SLA-versie 2024 hoort niet bij Jaar 2023");
    expect(w[0].message).toContain("Zet SLA-versie op 2023");
  });

  test("Jaar 2023 without an SLA-versie row: the default 2024 is named, at the Jaar cell", () => {
    const g = removeSetting(exampleGrids(), "SLA-versie");
    setSetting(g, "Jaar", 2023);
    const w = own(parseWorkbook(g).problems, "sla-version-year");
    expect(w.map((p) => p.cell)).toEqual(["B2"]);
    expect(w[0].message).toContain("voeg een rij 'SLA-versie' met de waarde 2023 toe");
  });

  test("next-year sets the SLA-versie of the new year: 2023 → 2024 gets SLA 2024, and so does 2024 → 2025", () => {
    const slaNext = (year: number, sla: 2023 | 2024) => {
      const inputs = workedExample({ sla });
      inputs.settings = { ...inputs.settings, year };
      return planNextYear({ sheets: [] }, inputs, computeResults(inputs), { sheets: {}, settingCells: {}, forms: new Map() }, null).options.settings?.slaVersion;
    };
    expect([slaNext(2023, 2023), slaNext(2024, 2024), slaNext(2022, 2023)]).toEqual([2024, 2024, 2023]);
  });
});
