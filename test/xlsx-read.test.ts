/**
 * The exceljs host's reading side, the template and the bundled example: written to real .xlsx files,
 * read back, parsed by the workbook contract and computed by the engine.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // exceljs's own zip library, used here to edit a file as Excel would write it
import { computeResults } from "../src/domain/compute";
import { SHEETS } from "../src/domain/glossary";
import { exampleWorkbook } from "../src/xlsx/example";
import { cellAt, type CellValue, type WorkbookGrids } from "../src/input/grid";
import { parseWorkbook } from "../src/input/parse";
import { readWorkbookFile } from "../src/xlsx/file";
import { readWorkbookBuffer, type ReadOutcome } from "../src/xlsx/read";
import { buildInputWorkbook, caoTablesForYear } from "../src/xlsx/template";
import cao from "../src/data/cao-gemeenten-salarisschalen.json";
import openingHours from "../src/data/openingstijden-sla2024.json";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "dvo-read-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeTo(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function grids(r: ReadOutcome): WorkbookGrids {
  if (!r.ok) throw new Error(`read failed: ${r.message}`);
  return r.grids;
}

function sheet(g: WorkbookGrids, name: string) {
  const s = g.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const errors = (p: ReturnType<typeof parseWorkbook>) => p.problems.filter((x) => x.severity === "fout");
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("(a) the bundled example, written to .xlsx and read back", () => {
  let file: string;
  let outcome: ReadOutcome;
  beforeAll(async () => {
    file = await writeTo(exampleWorkbook(), "voorbeeld.xlsx");
    outcome = await readWorkbookFile(file);
  });

  test("parses without errors and reproduces the worked example's figures (docs/rekenregels.md)", () => {
    const parsed = parseWorkbook(grids(outcome));
    expect(errors(parsed)).toEqual([]);
    expect(parsed.inputs).not.toBeNull();
    const r = computeResults(parsed.inputs!);
    expect(r.ceiling.ceiling).toBe(626908.24);
    expect(r.ceiling.ceilingJanuary).toBe(614776.43);
    expect(r.ceiling.caoEffect).toBe(12131.81);
    expect(r.ceiling.overhead).toBe(112843.48);
    expect(r.ceiling.totalBudget).toBe(759751.72);
    expect(r.forecast.salaryForecast).toBe(567000);
    expect(r.forecast.replacementForecast).toBe(39300);
    expect(r.forecast.roomUnderCeiling).toBe(20608.24);
    expect(r.forecast.extraCostForClient).toBe(0);
  });

  test("the ledger row after the rapportagemaand gives a warning on Realisatie", () => {
    const parsed = parseWorkbook(grids(outcome));
    const w = parsed.problems.find((p) => p.severity === "waarschuwing" && p.sheet === "Realisatie" && /na de rapportagemaand/.test(p.message));
    expect(w).toBeDefined();
    expect(w?.cell).toBe("A8"); // Loonkosten month 7 is the 7th data row
    expect(parsed.problems.filter((p) => p.severity === "waarschuwing")).toHaveLength(1);
  });

  test("all optional sheets are read, with the sample rows", () => {
    const inputs = parseWorkbook(grids(outcome)).inputs!;
    expect(inputs.settings).toEqual({
      year: 2025, client: "Gemeente Ommen", provider: "Gemeente Twenterand", reportMonth: 6, overheadRate: 0.18, ikbRate: 0.1705,
      employerChargesRate: 0.3, trainingBudget: 8000, additionalServicesBudget: 12000, varianceThresholdAmount: 10000,
      varianceThresholdRate: 0.1, slaVersion: 2024, varianceSign: "nadeel", forecastMethod: "lineair", perspective: "opdrachtnemer", reviewRequired: "nee",
    });
    expect(new Set(inputs.salaryTable.map((r) => `${r.effective.year}-${r.effective.month}-${r.effective.day}`))).toEqual(new Set(["2024-10-1", "2025-4-1", "2025-10-1"]));
    expect(inputs.salaryTable).toHaveLength(3 * cao.scales.length);
    expect(inputs.formation.map((f) => [f.scale, f.fte])).toEqual([["7", 3], ["8", 1.5], ["8", 1], ["9", 0.8], ["9", 0.6], ["8", 0.4], ["9", 0.3], ["7", 0.4], ["11", 0.2]]);
    expect(inputs.sickLeave?.map((c) => c.caseId)).toEqual(["V-2025-01", "V-2025-02"]);
    expect(new Set(inputs.products?.map((p) => p.month))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(inputs.serviceMonths).toHaveLength(6);
    expect(inputs.openingHours).toHaveLength(openingHours.rows.length);
    expect(inputs.selfEvaluation?.map((s) => [s.part, s.score, s.norm])).toEqual([["BRP", 0.93, 0.9], ["Reisdocumenten", 0.88, 0.9]]);
    expect(inputs.elections?.map((e) => e.phase)).toEqual(["Afgerond", "Voorbereiding"]);
    expect(inputs.privacy?.filter((p) => p.reportedToAuthority === true)).toHaveLength(1);
    expect(new Set(inputs.qualitative?.map((q) => q.topic))).toEqual(new Set(["Formatie", "Personeel", "Meer- en maatwerk", "Signalen", "Zelfevaluatie", "Samenwerking"]));
  });

  test("user text starting with = or + stays text in the file (no formula)", async () => {
    const inputs = parseWorkbook(grids(outcome)).inputs!;
    const texts = inputs.qualitative!.map((q) => q.text);
    expect(texts).toContain("=Let op: wachttijd balie loopt op");
    expect(texts.some((t) => t.startsWith("+"))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let formulas = 0;
    wb.getWorksheet("Kwalitatief")!.eachRow((row) => row.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula) formulas++;
    }));
    expect(formulas).toBe(0);
  });

  test("Verzuim holds case numbers, no names", () => {
    const g = grids(outcome);
    const v = sheet(g, "Verzuim");
    expect(v.rows[0].filter((h) => typeof h === "string" && /naam|medewerker/i.test(h))).toEqual([]);
  });
});

/** A workbook as another tool would write it: plain ranges, shuffled and oddly spelled headers. */
async function otherToolWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet("Instellingen");
  settings.addRow(["  waarde", "INSTELLING ", "Opmerking"]);
  const s: Array<[string, string | number]> = [
    ["Jaar", 2025], ["Rapportagemaand", 6], ["Overheadpercentage", 0.18], ["IKB-percentage", 0.1705],
    ["Werkgeverslastenpercentage", 0.3], ["Opleidingskosten", 8000], ["Budget aanvullende dienstverlening", 12000],
    ["Drempel verschil bedrag", 10000], ["Drempel verschil percentage", 0.1], ["SLA-versie", "2024"],
  ];
  for (const [k, v] of s) settings.addRow([v, `  ${k.toLowerCase()} `, "ingevuld door ander programma"]);

  const salary = wb.addWorksheet("Salaristabel");
  salary.addRow(["MAXIMUM", "schaal", "Bron", " ingangsdatum  ", "minimum"]);
  let alternate = false;
  for (const t of cao.tables.filter((x) => ["2024-10-01", "2025-04-01", "2025-10-01"].includes(x.effective))) {
    const [y, m, d] = t.effective.split("-").map(Number);
    for (const [scale, max] of Object.entries(t.maximum)) {
      alternate = !alternate;
      // digits alternately as text ("8") and as a number (7)
      const label: string | number = /^\d+$/.test(scale) && alternate ? Number(scale) : scale;
      salary.addRow([max, label, "cao", new Date(Date.UTC(y, m - 1, d)), null]);
    }
  }
  salary.getColumn(4).numFmt = "dd/mm/yyyy";

  const formation = wb.addWorksheet("Formatie");
  formation.addRow(["  FTE ", "Onbekende kolom", "pakket", "  Functie  ", "SCHAAL"]);
  const F: Array<[string, string, string | number, number]> = [
    ["Medewerker publiekszaken frontoffice", "Balie", 7, 3.0],
    ["Medewerker publiekszaken backoffice", "BRP", "8", 1.5],
    ["Medewerker burgerlijke stand", "Burgerlijke stand", 8, 1.0],
    ["Specialist naturalisatie en VOE", "Naturalisatie", "9", 0.8],
    ["Functioneel beheerder burgerzaken", "Functioneel beheer", 9, 0.6],
    ["Kwaliteitsmedewerker BRP", "Kwaliteit BRP", "8", 0.4],
    ["Coordinator verkiezingen", "Verkiezingen", 9, 0.3],
    ["Medewerker begraafplaatsadministratie", "Begraafplaatsadministratie", "7", 0.4],
    ["Adviseur informatievoorziening", "Advisering I&A", " 11 ", 0.2],
  ];
  for (const [f, p, sc, fte] of F) formation.addRow([fte, "x", p, f, sc]);

  const ledger = wb.addWorksheet("Realisatie");
  ledger.addRow(["bedrag", "Categorie", "MAAND"]);
  ledger.addRow([47250, "Loonkosten", 1]);
  return wb;
}

describe("(b) a workbook written by another tool (plain ranges, no Excel tables)", () => {
  test("headers in another order, case and spacing, extra columns, scales as text and number: same plafond", async () => {
    const file = await writeTo(await otherToolWorkbook(), "ander-programma.xlsx");
    const g = grids(await readWorkbookFile(file));
    expect(g.sheets.every((s) => s.table === undefined)).toBe(true);
    const salary = sheet(g, "Salaristabel");
    expect(cellAt(salary, 2, 4)).toBeInstanceOf(Date);
    expect(iso(cellAt(salary, 2, 4) as Date)).toBe("2024-10-01");
    const parsed = parseWorkbook(g);
    expect(errors(parsed)).toEqual([]);
    const r = computeResults(parsed.inputs!);
    // no Dekking column: Advisering I&A is inside the plafond (docs/rekenregels.md §3, the example without Dekking)
    expect(r.ceiling.ceiling).toBe(649519.35);
    expect(r.ceiling.totalBudget).toBe(786432.83);
    expect(parsed.inputs!.formation.map((f) => f.scale)).toEqual(["7", "8", "8", "9", "9", "8", "9", "7", "11"]);
  });
});

/** The template as exceljs (which wrote it) reads it back: for its formats, validations and views. */
async function excel(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("(c) the template for 2026", () => {
  let file: string;
  let outcome: ReadOutcome;
  beforeAll(async () => {
    file = await writeTo(buildInputWorkbook({ year: 2026 }), "sjabloon-2026.xlsx");
    outcome = await readWorkbookFile(file);
  });

  test("has the 14 input sheets in glossary order, each with a table named like the sheet at A1 (a space as '_': table names hold none)", async () => {
    const g = grids(outcome);
    expect(g.sheets.map((s) => s.name)).toEqual(Object.values(SHEETS));
    for (const s of g.sheets) expect(s.table).toMatchObject({ name: s.name.replace(/ /g, "_"), row: 1, col: 1, totalsRows: 0 });
    for (const ws of (await excel(file)).worksheets) {
      const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
      expect(Object.keys(tables)).toEqual([ws.name.replace(/ /g, "_")]);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  test("Salaristabel holds the tables of 2025-10-01, 2026-01-01 and 2026-07-01, all scales", () => {
    expect(caoTablesForYear(2026).map((t) => t.effective)).toEqual(["2025-10-01", "2026-01-01", "2026-07-01"]);
    const s = sheet(grids(outcome), "Salaristabel");
    const dates = new Set<string>();
    for (let r = 2; r <= s.rows.length; r++) {
      const v = cellAt(s, r, 1);
      if (v instanceof Date) dates.add(iso(v));
    }
    expect(dates).toEqual(new Set(["2025-10-01", "2026-01-01", "2026-07-01"]));
    expect(s.rows.filter((row) => row[0] instanceof Date)).toHaveLength(3 * cao.scales.length);
    const note = s.rows.flat().find((v) => typeof v === "string" && v.startsWith("Let op: deze salaristabellen"));
    expect(note).toMatch(/afgeleid/);
  });

  test("Openingstijden is pre-filled from the SLA 2024", () => {
    const s = sheet(grids(outcome), "Openingstijden");
    expect(s.rows[0]).toEqual(["Dienst", "Dag", "Van", "Tot"]);
    expect(s.rows.slice(1)).toEqual(openingHours.rows.map((r) => [r.Dienst, r.Dag, r.Van, r.Tot]));
  });

  test("Instellingen: one row per setting, defaults filled, required ones empty, formats", async () => {
    const s = sheet(grids(outcome), "Instellingen");
    const values = Object.fromEntries(s.rows.slice(1).map((r) => [r[0], r[1]])) as Record<string, CellValue>;
    expect(values).toEqual({
      Jaar: 2026, Opdrachtgever: "Gemeente Ommen", Opdrachtnemer: "Gemeente Twenterand", Rapportagemaand: null,
      Overheadpercentage: null, "IKB-percentage": 0.1705, Werkgeverslastenpercentage: null, Opleidingskosten: null,
      "Budget aanvullende dienstverlening": 0, "Drempel verschil bedrag": 10000, "Drempel verschil percentage": 0.1, "SLA-versie": 2024, "Verschil positief": "nadeel",
      Prognosemethode: "bezetting", Perspectief: "opdrachtnemer", "Controle vereist": "nee",
      // the DVO's cost centres (issue 19): empty, so every cost centre counts
      Kostenplaatsen: null,
    });
    const ws = (await excel(file)).getWorksheet("Instellingen")!;
    const fmt = (label: string) => ws.getCell(s.rows.findIndex((r) => r[0] === label) + 1, 2).numFmt;
    expect(fmt("IKB-percentage")).toBe("0.00%");
    expect(fmt("Overheadpercentage")).toBe("0.00%");
    expect(fmt("Opleidingskosten")).toMatch(/€.*#,##0\.00/);
  });

  test("drop-downs for the fixed lists and date/euro formats", async () => {
    const wb = await excel(file);
    const dv = (sheetName: string, address: string) =>
      (wb.getWorksheet(sheetName) as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] } | undefined> } }).dataValidations.model[address];
    expect(dv("Formatie", "B2")?.type).toBe("list");
    expect(dv("Formatie", "B1000")?.formulae[0]).toContain("Advisering I&A");
    expect(dv("Formatie", "E2")?.formulae[0]).toBe('"Bezet,Vacature"');
    expect(dv("Realisatie", "B2")?.formulae[0]).toContain("Aanvullende dienstverlening");
    expect(dv("Verzuim", "C2")?.formulae[0]).toBe('"Kort,Lang"');
    expect(dv("Verzuim", "H2")?.formulae[0]).toBe('"Open,Teamleider,Adviesnota"');
    expect(dv("Kwalitatief", "A2")?.formulae[0]).toContain("Meer- en maatwerk");
    expect(dv("Verkiezingen", "C2")?.formulae[0]).toBe('"Voorbereiding,Afgerond"');
    expect(dv("Privacy", "B2")?.formulae[0]).toBe('"Datalek,Gegevensverstrekking"');
    expect(dv("Privacy", "D2")?.formulae[0]).toBe('"Ja,Nee"');
    expect(dv("Producten", "B2")?.type).toBe("list");
    const salary = wb.getWorksheet("Salaristabel")!;
    expect(salary.getCell("A2").numFmt).toBe("d-m-yyyy");
    expect(salary.getCell("D2").numFmt).toMatch(/€.*#,##0\.00/);
    expect(wb.getWorksheet("Verzuim")!.getCell("D2").numFmt).toBe("d-m-yyyy");
  });

  test("parsing the empty template: fout for each missing required setting and for the empty Formatie, with sheet and cell", () => {
    const parsed = parseWorkbook(grids(outcome));
    const s = sheet(grids(outcome), "Instellingen");
    const rowOf = (label: string) => s.rows.findIndex((r) => r[0] === label) + 1;
    const errs = errors(parsed);
    for (const label of ["Rapportagemaand", "Overheadpercentage", "Werkgeverslastenpercentage", "Opleidingskosten"]) {
      expect(errs).toContainEqual({ severity: "fout", code: "setting", sheet: "Instellingen", cell: `B${rowOf(label)}`, message: expect.stringMatching(new RegExp(`^${label}\\b.*leeg`)) });
    }
    expect(errs).toContainEqual(expect.objectContaining({ severity: "fout", sheet: "Formatie", cell: "A2", message: expect.stringMatching(/Formatie is leeg/) }));
    expect(errs).toHaveLength(5);
    expect(parsed.inputs).toBeNull();
  });

  test("rows and settings given to the template fill the tables; an unknown column is refused", () => {
    const wb = buildInputWorkbook({ year: 2027, rows: { formation: [{ Functie: "Teamleider", Pakket: "Algemeen", Schaal: 11, Fte: 1 }] }, settings: { reportMonth: 3 } });
    const f = wb.getWorksheet("Formatie")!;
    expect(f.getRow(2).values).toEqual([undefined, "Teamleider", "Algemeen", 11, 1]);
    const inst = wb.getWorksheet("Instellingen")!;
    expect(inst.getCell("B2").value).toBe(2027);
    expect(inst.getCell("B5").value).toBe(3);
    expect(() => buildInputWorkbook({ year: 2027, rows: { formation: [{ Naam: "x" }] } })).toThrow(/unknown column 'Naam'/);
  });
});

describe("tables saved by Excel (no headerRowCount attribute)", () => {
  test("are read with their header row", async () => {
    const zip = await JSZip.loadAsync((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    const tableFiles = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(tableFiles).toHaveLength(14);
    for (const f of tableFiles) {
      const xml = await zip.file(f)!.async("string");
      zip.file(f, xml.replace(/ headerRowCount="1"/, ""));
    }
    const excelStyle = await zip.generateAsync({ type: "uint8array" });
    const r = await readWorkbookBuffer(excelStyle, "excel.xlsx");
    if (!r.ok) throw new Error(r.message);
    expect(sheet(r.grids, "Formatie").table).toMatchObject({ name: "Formatie", row: 1, col: 1 });
    expect(parseWorkbook(r.grids).inputs).not.toBeNull();
  });
});

describe("cell values", () => {
  let g: WorkbookGrids;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cellen");
    ws.getCell("A1").value = 42;
    ws.getCell("B1").value = "tekst";
    ws.getCell("C1").value = true;
    ws.getCell("D1").value = new Date(Date.UTC(2025, 3, 1));
    ws.getCell("A2").value = { formula: "A1*2", result: 84 };
    ws.getCell("B2").value = { formula: "A1*3" }; // no cached result
    ws.getCell("C2").value = { formula: "B1", result: "tekst" };
    ws.getCell("D2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A3").value = { richText: [{ text: "vet", font: { bold: true } }, { text: " en gewoon" }] };
    ws.getCell("B3").value = { text: "website", hyperlink: "https://www.ommen.nl" };
    ws.getCell("C3").value = { error: "#REF!" };
    ws.getCell("D3").value = { formula: "D1", result: new Date(Date.UTC(2025, 3, 1)) };
    ws.getCell("D3").numFmt = "d-m-yyyy";
    ws.getCell("A4").value = "samengevoegd";
    ws.mergeCells("A4:C4");
    ws.getCell("A5").value = { sharedFormula: "A2", result: 7 } as unknown as ExcelJS.CellValue;
    ws.getCell("A6").value = "=geen formule";
    const file = await writeTo(wb, "cellen.xlsx");
    g = grids(await readWorkbookFile(file));
  });

  test("numbers, text, booleans, dates, cached formula results, rich text, hyperlinks, errors, merges", () => {
    const s = sheet(g, "Cellen");
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.rows[0]).toEqual([42, "tekst", true, new Date(Date.UTC(2025, 3, 1))]);
    expect(s.rows[1]).toEqual([84, null, "tekst", { error: "#DIV/0!" }]);
    expect(s.rows[2]).toEqual(["vet en gewoon", "website", { error: "#REF!" }, new Date(Date.UTC(2025, 3, 1))]);
    expect(s.rows[3]).toEqual(["samengevoegd", null, null, null]);
    expect(cellAt(s, 6, 1)).toBe("=geen formule");
  });
});

describe("sheets and extents", () => {
  test("the add-in's very hidden metadata and the report sheets it lists are skipped; other sheets are kept", async () => {
    const wb = buildInputWorkbook({ year: 2025 });
    wb.addWorksheet("6.5 Financieel").getCell("A1").value = "Financieel";
    wb.addWorksheet("Addendum 2025").getCell("A1").value = "Addendum";
    wb.addWorksheet("Mijn aantekeningen").getCell("A1").value = "eigen blad";
    wb.addWorksheet("Verborgen", { state: "hidden" }).getCell("A1").value = "verborgen";
    const meta = wb.addWorksheet("_dvo_addendum", { state: "veryHidden" });
    meta.addRow(["rapportblad", "6.5 Financieel"]);
    meta.addRow(["rapportblad", "Addendum 2025"]);
    meta.addRow(["rapportblad", "Formatie"]); // an input sheet is never skipped
    meta.addRow(["vingerafdruk", "abc"]);
    wb.addWorksheet("_dvo_cache", { state: "veryHidden" }).getCell("A1").value = 1;
    const file = await writeTo(wb, "rapport.xlsx");
    const g = grids(await readWorkbookFile(file));
    expect(g.sheets.map((s) => s.name)).toEqual([...Object.values(SHEETS), "Mijn aantekeningen", "Verborgen"]);
  });

  test("a used range up to row 1,048,576 with few values gives a small grid", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Groot");
    ws.addRow(["Maand", "Bedrag"]);
    ws.addRow([1, 100]);
    ws.getCell("A1048576").numFmt = "0.00";
    ws.getCell("Z1048576").value = "";
    ws.getCell("C5").value = "   ";
    const file = await writeTo(wb, "groot.xlsx");
    const s = sheet(grids(await readWorkbookFile(file)), "Groot");
    expect(s.rows).toEqual([["Maand", "Bedrag"], [1, 100]]);
  });

  test("reading does not change the file", async () => {
    const file = await writeTo(exampleWorkbook(), "onveranderd.xlsx");
    const before = await fs.readFile(file);
    const statBefore = await fs.stat(file);
    expect((await readWorkbookFile(file)).ok).toBe(true);
    const after = await fs.readFile(file);
    expect(createHash("sha256").update(after).digest("hex")).toBe(createHash("sha256").update(before).digest("hex"));
    expect((await fs.stat(file)).mtimeMs).toBe(statBefore.mtimeMs);
  });
});

describe("(d) files that are not workbooks: one Dutch sentence, never a throw", () => {
  let realXlsx: Buffer;
  beforeAll(async () => {
    realXlsx = Buffer.from((await buildInputWorkbook({ year: 2025 }).xlsx.writeBuffer()) as ArrayBuffer);
  });

  const failMessage = async (p: Promise<ReadOutcome>): Promise<string> => {
    const r = await p;
    if (r.ok) throw new Error("expected a failure");
    expect(r.message).not.toMatch(/\n|\bat \w+ \(/); // one sentence, no stack trace
    return r.message;
  };

  test("an empty buffer", async () => {
    expect(await failMessage(readWorkbookBuffer(new Uint8Array(0)))).toBe("Het bestand is leeg: kies een Excel-werkmap (.xlsx).");
    expect(await failMessage(readWorkbookBuffer(new ArrayBuffer(0), "leeg.xlsx"))).toBe("Het bestand 'leeg.xlsx' is leeg: kies een Excel-werkmap (.xlsx).");
  });

  test("a text (CSV) buffer", async () => {
    const csv = new TextEncoder().encode("Maand;Categorie;Bedrag\n1;Loonkosten;47250\n");
    expect(await failMessage(readWorkbookBuffer(csv, "realisatie.csv"))).toBe(
      "Het bestand 'realisatie.csv' is geen Excel-werkmap (.xlsx): het lijkt een tekstbestand (bijvoorbeeld CSV of HTML); open het in Excel en sla het op als Excel-werkmap (.xlsx).",
    );
  });

  test("a truncated zip (the first half of a real .xlsx)", async () => {
    const half = realXlsx.subarray(0, Math.floor(realXlsx.length / 2));
    expect(await failMessage(readWorkbookBuffer(half))).toBe(
      "Het bestand is beschadigd of onvolledig (het zip-archief is niet compleet): kopieer of download het opnieuw, of open het in Excel en sla het opnieuw op.",
    );
  });

  test("an old .xls (OLE signature)", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await failMessage(readWorkbookBuffer(ole, "oud.xls"))).toBe(
      "Het bestand 'oud.xls' is een oud Excel-bestand (.xls) of een werkmap met een wachtwoord: open het in Excel en sla het op als Excel-werkmap (.xlsx) zonder wachtwoord.",
    );
  });

  test("a zip that holds no workbook, random bytes", async () => {
    const zipNoBook = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]); // an empty zip archive
    expect(await failMessage(readWorkbookBuffer(zipNoBook))).toMatch(/^Het bestand is geen Excel-werkmap \(\.xlsx\): het is een zip-archief zonder werkbladen/);
    const random = new Uint8Array(256).map((_, i) => (i * 37 + 11) % 256);
    expect(await failMessage(readWorkbookBuffer(random))).toMatch(/^Het bestand is geen Excel-werkmap \(\.xlsx\): het heeft een onbekende indeling/);
  });

  test("a missing file and a directory", async () => {
    const missing = path.join(dir, "bestaat-niet.xlsx");
    expect(await failMessage(readWorkbookFile(missing))).toBe(`Het bestand '${missing}' bestaat niet: controleer de naam en de map.`);
    expect(await failMessage(readWorkbookFile(dir))).toBe(`Het bestand '${dir}' is een map, geen bestand: kies een Excel-werkmap (.xlsx).`);
  });

  test("an empty file and a text file on disk", async () => {
    const empty = path.join(dir, "leeg.xlsx");
    await fs.writeFile(empty, "");
    expect(await failMessage(readWorkbookFile(empty))).toBe(`Het bestand '${empty}' is leeg: kies een Excel-werkmap (.xlsx).`);
    const txt = path.join(dir, "notitie.xlsx");
    await fs.writeFile(txt, "Dit is geen werkmap.\n");
    expect(await failMessage(readWorkbookFile(txt))).toMatch(/^Het bestand '.*notitie\.xlsx' is geen Excel-werkmap \(\.xlsx\): /);
  });
});
