/**
 * The SLA 2023 report model (docs/gebruikershandleiding.md): a workbook of 2023 (SLA-versie 2023 from the template)
 * builds the 2023 sections — service norms and waiting lists per product, walk-ins during and outside opening
 * hours, objectives per product, cooperation with Ommen, Hardenberg and the gastdames, the result of the count —
 * and the SLA 2023 sick-leave note; a workbook of 2024 (SLA 2024) builds none of them. The cells are read back
 * from the written file; expected figures are worked out by hand from test/sla2023-workbook.ts.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reportFile } from "../src/cli/pipeline";
import { parseWorkbook } from "../src/input/parse";
import { addSheet, exampleGrids, setCell } from "./grids";
import { sla2023Workbook } from "./sla2023-workbook";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-sla2023-"));
type Cell = { value: ExcelJS.CellValue; formula?: string };
const books: Record<string, ExcelJS.Workbook> = {};

async function build(name: string, year: number): Promise<void> {
  const input = path.join(dir, `${name}-invoer.xlsx`);
  await sla2023Workbook(year).xlsx.writeFile(input);
  const out = path.join(dir, `${name}-rapport.xlsx`);
  const r = await reportFile(input, out);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  books[name] = wb;
}

/** Every row of a sheet as plain values (formula cells: their cached result, with the formula). */
function rows(name: string, sheet: string): Cell[][] {
  const ws = books[name].getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      const v = c.value as ExcelJS.CellValue;
      cells[col - 1] = v && typeof v === "object" && "formula" in v ? { value: (v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, formula: (v as ExcelJS.CellFormulaValue).formula } : { value: v };
    });
    out[n - 1] = cells;
  });
  return out;
}
const text = (name: string, sheet: string) => rows(name, sheet).flat().map((c) => (c && typeof c.value === "string" ? c.value : "")).filter((s) => s !== "");
const rowOf = (name: string, sheet: string, first: string, second?: string) =>
  rows(name, sheet).find((r) => r?.[0]?.value === first && (second === undefined || r?.[1]?.value === second));

beforeAll(async () => {
  await build("y2023", 2023);
  await build("y2024", 2024);
}, 120_000);

describe("a workbook of 2023: the SLA 2023 model", () => {
  test("6.2: service norms per product — requests, within the term, waiting list at the report month — as formulas", () => {
    // Paspoort, months 1–6: 212+236+298+341+365+322 = 1774; within the term 1774 − (0+1+2+0+1+2) = 1768; waiting list in June 12+6 = 18
    const r = rowOf("y2023", "6.2 Kwantitatief", "Balie", "Paspoort");
    const found = rows("y2023", "6.2 Kwantitatief").filter((x) => x?.[0]?.value === "Balie" && x?.[1]?.value === "Paspoort");
    const norms = found[found.length - 1];
    expect(r).toBeDefined();
    expect(norms.slice(2, 6).map((c) => c.value)).toEqual([1774, 1768, 1768 / 1774, 18]);
    expect(norms[2].formula).toMatch(/^SUM\(Producten!D\d+,/);
    expect(norms[5].formula).toMatch(/^SUM\(Producten!F\d+\)$/);
  });

  test("6.2: appointments and walk-ins during and outside the opening hours, per month", () => {
    const june = rows("y2023", "6.2 Kwantitatief").filter((x) => x?.[0]?.value === "juni").pop()!;
    // June: 660 appointments, 44 walk-ins during, 3 + 6 = 9 outside; total 713
    expect(june.slice(1, 5).map((c) => c.value)).toEqual([660, 44, 9, 713]);
    expect(june[3].formula).toMatch(/^SUM\(Dienstverlening!L\d+\)$/);
    expect(text("y2023", "6.2 Kwantitatief")).toContain("Vrije inloop buiten balie-openingstijden");
  });

  test("6.3: objectives per product, and cooperation with Ommen, Hardenberg and the gastdames (general, signals)", () => {
    const t = text("y2023", "6.3 Kwalitatief");
    for (const s of ["Doelstellingen per product (SLA 2023)", "Samenwerking burgerzaken met Ommen (SLA 2023)", "Samenwerking burgerzaken met Hardenberg (SLA 2023)",
      "Samenwerking burgerzaken en gastdames (SLA 2023)", "Signalen en verbeterpunten", "Alle aanvragen reisdocumenten binnen 5 werkdagen uitgegeven.",
      "Afspraken over de receptiebalie opnieuw vastleggen.", "Wachtende inwoners buiten openingstijden: beter informeren."]) expect(t).toContain(s);
    expect(rowOf("y2023", "6.3 Kwalitatief", "BRP")?.[1]?.value).toBe("BAG-mutaties binnen de wettelijke termijn verwerkt.");
    expect(t).not.toContain("Samenwerking met Ommen en derden");
  });

  test("6.4: the result of the count after the election, live from Telling correct", () => {
    const r = rowOf("y2023", "6.4 Verkiezingen", "Provinciale Staten en waterschappen 2023")!;
    expect(r[7].value).toBe("goede telling");
    expect(r[7].formula).toMatch(/^IF\(TRIM\(Verkiezingen!H2&""\)="Ja"/);
    expect(text("y2023", "6.4 Verkiezingen")).toContain("Resultaat (telling)");
  });

  test("6.5: the sick-leave note says what SLA 2023 says", () => {
    const note = text("y2023", "6.5 Financieel").find((s) => s.startsWith("SLA 2023:"));
    expect(note).toContain("adviesnota");
    expect(note).toContain("regisseur en teamleider Dienstverlening");
    expect(note).toContain("voor rekening van de gemeente Ommen");
  });
});

describe("a workbook of 2024: the SLA 2024 model, none of the 2023 sections", () => {
  test("no 2023 section on 6.2, 6.3, 6.4; the SLA 2024 sick-leave note", () => {
    for (const sheet of ["6.2 Kwantitatief", "6.3 Kwalitatief", "6.4 Verkiezingen"]) {
      expect(text("y2024", sheet).filter((s) => s.includes("SLA 2023") || s === "Resultaat (telling)")).toEqual([]);
    }
    expect(text("y2024", "6.3 Kwalitatief")).toContain("Samenwerking met Ommen en derden");
    expect(text("y2024", "6.5 Financieel").some((s) => s.startsWith("SLA 2023:"))).toBe(false);
    expect(text("y2024", "6.5 Financieel")).toContain("SLA 2024: eerst alternatieven bekijken; zonder overschrijding besluit de teamleider, bij overschrijding gaat een adviesnota ter besluitvorming naar de gemeentesecretaris van de opdrachtgever. Alleen meerkosten van een adviesnota met besluit Akkoord zijn voor de opdrachtgever; bij Afgewezen worden ze binnen het plafond opgevangen.");
  });
});

describe("reading the SLA 2023 inputs", () => {
  const grids = () => {
    const g = exampleGrids();
    addSheet(g, "Producten", [["Maand", "Pakket", "Product", "Aantal", "Binnen termijn", "Wachtlijst"], [1, "Balie", "Paspoort", 120, 118, 7], [2, "Balie", "Paspoort", 95, null, null]]);
    addSheet(g, "Kwalitatief", [["Onderwerp", "Maand", "Tekst", "Pakket", "Soort"], ["Doelstellingen", null, "Binnen 5 dagen.", "Balie", null], ["Samenwerking gastdames", 2, "Goed.", null, " signalen en VERBETERPUNTEN "]]);
    addSheet(g, "Verkiezingen", [["Verkiezing", "Fase", "Telling correct"], ["PS 2023", "Afgerond", "nee"]]);
    addSheet(g, "Dienstverlening", [["Maand", "Afspraken", "Vrije inloop", "Vrije inloop buiten openingstijden"], [1, 400, 20, 6]]);
    return g;
  };

  test("the optional columns are read; blank is null, Soort and Ja/Nee without regard to case", () => {
    const r = parseWorkbook(grids());
    expect(r.problems.filter((p) => p.severity === "fout")).toEqual([]);
    expect(r.inputs?.products?.map((p) => [p.onTime, p.waiting])).toEqual([[118, 7], [null, null]]);
    expect(r.inputs?.qualitative?.map((q) => [q.topic, q.service ?? null, q.kind ?? "Algemeen"])).toEqual([
      ["Doelstellingen", "Balie", "Algemeen"], ["Samenwerking gastdames", null, "Signalen en verbeterpunten"],
    ]);
    expect(r.inputs?.elections?.[0].countCorrect).toBe(false);
    expect(r.inputs?.serviceMonths?.[0].walkInsOutside).toBe(6);
  });

  test("more within the term than requests, an unknown Soort, a Telling correct that is no Ja/Nee: a fout naming the cell", () => {
    const g = grids();
    setCell(g, "Producten", "E2", 121);
    setCell(g, "Kwalitatief", "E3", "Later");
    setCell(g, "Verkiezingen", "C2", "misschien");
    const r = parseWorkbook(g);
    expect(r.problems.filter((p) => p.severity === "fout").map((p) => `${p.sheet}!${p.cell}`).sort()).toEqual(["Kwalitatief!E3", "Producten!E2", "Verkiezingen!C2"]);
    expect(r.problems.find((p) => p.cell === "E2" && p.sheet === "Producten")?.message).toContain("Binnen termijn (121) is meer dan het Aantal (120)");
  });
});
