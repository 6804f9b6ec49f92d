/** The dvo-addendum command line on good and bad files: output, exit codes, nothing written on errors. */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli as run } from "./support/cli";
import { exampleWorkbook } from "../src/xlsx/example";
import { REPORT_SHEETS } from "../src/domain/glossary";
import { setByHeader } from "./support/workbook";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-cli-"));
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function exampleFile(name: string, mutate?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = path.join(dir, name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exampleWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
  mutate?.(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("check", () => {
  test("a good file: the one warning, exit 0", async () => {
    const file = await exampleFile("good.xlsx");
    const r = await run(["check", file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^waarschuwing\s+Realisatie!A8\s+1 boeking ligt na de rapportagemaand/m);
    expect(r.out).toContain("0 fouten, 1 waarschuwing");
  });

  test("a bad file: every problem as 'severity Sheet!A1 message', exit 1", async () => {
    const file = await exampleFile("bad.xlsx", (wb) => {
      setByHeader(wb, "Instellingen", "Instelling", "Overheadpercentage", "Waarde", 18);
      setByHeader(wb, "Formatie", "Functie", "Medewerker burgerlijke stand", "Fte", "3,5");
    });
    const r = await run(["check", file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^fout\s+Instellingen!B\d+\s+Overheadpercentage: 18 is meer dan 100%: bedoelt u 18%\?/m);
    expect(r.out).toMatch(/^fout\s+Formatie!D4\s+Fte: "3,5" is tekst, geen getal/m);
    expect(r.out).toContain("2 fouten, 1 waarschuwing");
  });

  test.each([
    ["empty.xlsx", Buffer.alloc(0), /is leeg/],
    ["text.xlsx", Buffer.from("Functie;Fte\nBalie;3\n"), /geen Excel-werkmap/],
  ])("%s is not a workbook: one Dutch sentence, exit 1", async (name, bytes, message) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = await run(["check", file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.js|Error:/);
  });

  test("a missing file", async () => {
    const r = await run(["check", path.join(dir, "bestaat-niet.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bestaat niet/);
  });
});

describe("report", () => {
  test("builds the eight report sheets beside the untouched input sheets; the input file is not modified", async () => {
    const input = await exampleFile("in.xlsx");
    const before = sha(input);
    const output = path.join(dir, "rapport.xlsx");
    const r = await run(["report", input, "-o", output]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Plafond formatieve kosten  € 626.908,24");
    expect(r.out).toContain("Totaal budget P&C          € 759.751,72");
    expect(r.out).toContain("Ruimte onder plafond       € 20.608,24");
    expect(r.err).toMatch(/\[1\/5\] Werkmap lezen[\s\S]*\[5\/5\] Rapport schrijven/);
    expect(sha(input)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const visible = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    const inputSheets = ["Instellingen", "Salaristabel", "Formatie", "Realisatie", "Verzuim", "Producten", "Dienstverlening", "Openingstijden", "Kwalitatief", "Zelfevaluatie", "Verkiezingen", "Privacy", "Grootboek", "SLA taken"];
    expect(visible).toEqual([
      ...inputSheets, "Addendum 2025", REPORT_SHEETS.formation, REPORT_SHEETS.quantitative, REPORT_SHEETS.qualitative,
      REPORT_SHEETS.elections, REPORT_SHEETS.finance, REPORT_SHEETS.privacy, REPORT_SHEETS.control, REPORT_SHEETS.calculation,
    ]);
    // input sheets pass through: same values cell by cell
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(input);
    for (const name of inputSheets) {
      const a = src.getWorksheet(name);
      const b = wb.getWorksheet(name);
      a?.eachRow((row, r) => row.eachCell((cell, c) => expect([name, r, c, b?.getCell(r, c).value]).toEqual([name, r, c, cell.value])));
    }
  });

  test("user text that looks like a formula stays text in the report", async () => {
    const output = path.join(dir, "rapport.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const found: ExcelJS.Cell[] = [];
    wb.getWorksheet(REPORT_SHEETS.qualitative)?.eachRow((row) => row.eachCell((c) => {
      // cells covered by a merge report their master's value: only the master cells hold the text
      if (c.type !== ExcelJS.ValueType.Merge && typeof c.value === "string" && /^[=+]/.test(c.value)) found.push(c);
    }));
    expect(found.map((c) => c.value)).toEqual(expect.arrayContaining(["=Let op: wachttijd balie loopt op", expect.stringMatching(/^\+15% aanvragen/)]));
    for (const c of found) expect(c.type).toBe(ExcelJS.ValueType.String);
  });

  test("an input with a fout: problems printed, exit 1, no output written", async () => {
    const input = await exampleFile("fout.xlsx", (wb) => setByHeader(wb, "Formatie", "Functie", "Coordinator verkiezingen", "Pakket", "Stembureau"));
    const output = path.join(dir, "niet-gemaakt.xlsx");
    const r = await run(["report", input, "-o", output]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^fout\s+Formatie!B8\s+Pakket: "Stembureau" is geen toegestane waarde: kies uit 'Balie', 'BRP'/m);
    expect(r.err).toContain("Geen rapport gemaakt");
    expect(existsSync(output)).toBe(false);
  });

  test("refuses to overwrite its input", async () => {
    const input = await exampleFile("self.xlsx");
    const before = sha(input);
    const r = await run(["report", input, "-o", input]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mag het invoerbestand niet overschrijven/);
    expect(sha(input)).toBe(before);
  });

  test("a report workbook can be used as input again: its report sheets are replaced, not doubled", async () => {
    const first = path.join(dir, "rapport.xlsx");
    const second = path.join(dir, "rapport-2.xlsx");
    const r = await run(["report", first, "-o", second]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.worksheets.filter((w) => w.name.startsWith("Addendum")).map((w) => w.name)).toEqual(["Addendum 2025"]);
    expect(wb.worksheets.filter((w) => w.state === "visible")).toHaveLength(14 + 9);
    expect(wb.worksheets.filter((w) => w.state !== "visible").map((w) => [w.name, w.state]).sort()).toEqual([
      ["Logboek", "hidden"], ["_dvo_addendum", "veryHidden"], ["_dvo_momentopname", "veryHidden"],
    ]);
  });
});

describe("template and usage", () => {
  test("template writes a workbook that check reads (and reports what is still to fill in)", async () => {
    const file = path.join(dir, "invoer-2026.xlsx");
    expect((await run(["template", "--jaar", "2026", "-o", file])).code).toBe(0);
    const r = await run(["check", file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/De instelling 'Rapportagemaand'|Rapportagemaand is leeg/);
    expect((await run(["template", "--jaar", "2026", "-o", file])).code).toBe(2); // never overwrites
  });

  test("wrong use: exit 2 with the usage text", async () => {
    const r = await run(["rapport"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Gebruik:");
    expect((await run(["template"])).code).toBe(2);
  });

  test("the installed bin runs (npx dvo-addendum)", () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: path.join(__dirname, ".."), stdio: "pipe" });
    const r = spawnSync("node", [path.join(__dirname, "..", "bin", "dvo-addendum.js"), "check", path.join(dir, "good.xlsx")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("0 fouten, 1 waarschuwing");
  });
});
