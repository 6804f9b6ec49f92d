/**
 * Sign-off, the change-after-signing warning, reopening, the append-only Logboek, toelichtingen that
 * survive rebuilds, and a mutation test of the addendum fingerprint.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli as run } from "./support/cli";
import { labelValue, loadWorkbook as load, logRows, setByHeader } from "./support/workbook";
import { addendumFingerprint } from "../src/domain/fingerprint";
import { salaryRowsUsed } from "../src/domain/fingerprint";
import type { CellValue } from "../src/input/grid";
import { LOG_SHEET, SIGNOFF_SHEET } from "../src/records";
import { parseWorkbook } from "../src/input/parse";
import { exampleWorkbook } from "../src/xlsx/example";
import { exampleGrids, sheet } from "./grids";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-sign-"));

function texts(ws: ExcelJS.Worksheet | undefined): string[] {
  const out: string[] = [];
  ws?.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
  return out;
}

describe("sign-off through the CLI", () => {
  const input = path.join(dir, "invoer.xlsx");
  const signed = path.join(dir, "getekend.xlsx");

  beforeAll(async () => {
    await exampleWorkbook().xlsx.writeFile(input);
  });

  test("signing needs both names", async () => {
    const r = await run(["sign", input, "--regisseur", "J. de Vries", "-o", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Vul de naam van de regisseur en van de accounthouder in.");
  });

  test("sign: the record, the filled sign-off block, the protected addendum and a log entry", async () => {
    const r = await run(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed]);
    expect(r.code).toBe(0);
    const wb = await load(signed);
    expect(wb.getWorksheet(SIGNOFF_SHEET)?.state).toBe("veryHidden");
    const add = wb.getWorksheet("Addendum 2025");
    expect(labelValue(add, "Status")).toBe("Ondertekend");
    expect(labelValue(add, "Regisseur opdrachtgever (naam)")).toBe("J. de Vries");
    expect(labelValue(add, "Accounthouder opdrachtnemer (naam)")).toBe("A. Jansen");
    expect(String(labelValue(add, "Datum ondertekening"))).toMatch(/^\d{1,2}-\d{1,2}-\d{4}$/);
    expect((add as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const log = logRows(wb);
    expect(wb.getWorksheet(LOG_SHEET)?.state).toBe("hidden");
    expect(log.map((r) => r[1])).toEqual(["Actie", "Ondertekend", "Rapportage"]);
    expect(log[1][2]).toBe("J. de Vries");
    expect(log[1][5]).toBe(626908.24);
    // signing again is refused: it is signed already
    expect((await run(["sign", signed, "--regisseur", "X", "--accounthouder", "Y", "-o", path.join(dir, "y.xlsx")])).err).toContain("al ondertekend");
    // the signed workbook checks clean
    const c = await run(["check", signed]);
    expect(c.out).not.toContain("Gewijzigd na ondertekening");
  });

  test("a change after signing is shown by check, in the Addendum and in Controle; the status stays", async () => {
    const wb = await load(signed);
    setByHeader(wb, "Formatie", "Functie", "Medewerker burgerlijke stand", "Fte", 1.2);
    const changed = path.join(dir, "gewijzigd.xlsx");
    await wb.xlsx.writeFile(changed);
    const c = await run(["check", changed]);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/^waarschuwing\s+Addendum 2025!A1\s+Gewijzigd na ondertekening: het addendum is ondertekend door J\. de Vries/m);
    const rebuilt = path.join(dir, "gewijzigd-rapport.xlsx");
    const r = await run(["report", changed, "-o", rebuilt]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Gewijzigd na ondertekening");
    const out = await load(rebuilt);
    expect(texts(out.getWorksheet("Addendum 2025"))).toContain("GEWIJZIGD NA ONDERTEKENING");
    expect(texts(out.getWorksheet("Controle"))).toContain("GEWIJZIGD NA ONDERTEKENING");
    expect(labelValue(out.getWorksheet("Addendum 2025"), "Status")).toBe("Ondertekend");

    // reopening is explicit, with a name and a reason, and is logged; old log rows are never rewritten
    expect((await run(["reopen", rebuilt, "--door", "A. Jansen", "-o", path.join(dir, "z.xlsx")])).err).toContain("uw naam en een reden");
    const reopened = path.join(dir, "heropend.xlsx");
    expect((await run(["reopen", rebuilt, "--door", "A. Jansen", "--reden", "formatie burgerlijke stand uitgebreid", "-o", reopened])).code).toBe(0);
    const before = logRows(out);
    const after = logRows(await load(reopened));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => r[1])).toEqual(["Heropend", "Rapportage"]);
    expect(String(after[before.length][9])).toContain("formatie burgerlijke stand uitgebreid");
    expect(labelValue((await load(reopened)).getWorksheet("Addendum 2025"), "Status")).toBe("Concept");
    expect((await run(["check", reopened])).out).not.toContain("Gewijzigd na ondertekening");
  });

  test("each build logs which input rows were added, removed or changed since the previous build", async () => {
    const first = path.join(dir, "r1.xlsx");
    await run(["report", input, "-o", first]);
    const wb = await load(first);
    setByHeader(wb, "Realisatie", "Omschrijving", "Vakliteratuur en abonnementen", "Bedrag", 700);
    wb.getWorksheet("Realisatie")?.addRow([6, "Overig", 99, "Koffie", null]);
    const edited = path.join(dir, "r1-edit.xlsx");
    await wb.xlsx.writeFile(edited);
    const second = path.join(dir, "r2.xlsx");
    await run(["report", edited, "-o", second]);
    const log = logRows(await load(second));
    expect(String(log[1][9])).toBe("eerste vastlegging van de invoer");
    // the rows by number, and the months whose total moved: februari +60 (640 → 700), juni +99 (the new row)
    expect(String(log[2][9])).toBe("Realisatie: 1 toegevoegd (rij 17), 1 gewijzigd (rij 16); totaal per maand: februari € 50.290,00 → € 50.350,00, juni € 57.780,50 → € 57.879,50");
  });
});

describe("toelichtingen survive rebuilds", () => {
  test("the controller's text in 6.5 Financieel is kept, keyed by line, through three rebuilds", async () => {
    let file = path.join(dir, "t0.xlsx");
    await exampleWorkbook().xlsx.writeFile(file);
    let current = path.join(dir, "t1.xlsx");
    expect((await run(["report", file, "-o", current])).code).toBe(0);
    const wb = await load(current);
    const fin = wb.getWorksheet("6.5 Financieel");
    let done = 0;
    fin?.eachRow((row) => {
      if (row.getCell(1).value === "Formatieve kosten" && done === 0) {
        row.getCell(8).value = "Lager door vacature frontoffice (jan-feb).";
        done++;
      }
      if (row.getCell(1).value === "Aanvullende dienstverlening" && done === 1) {
        row.getCell(8).value = "=Avondopenstelling pas in juni gestart";
        done++;
      }
    });
    expect(done).toBe(2);
    file = path.join(dir, "t1-typed.xlsx");
    await wb.xlsx.writeFile(file);
    for (let i = 2; i <= 4; i++) {
      current = path.join(dir, `t${i}.xlsx`);
      expect((await run(["report", file, "-o", current])).code).toBe(0);
      file = current;
    }
    const final = (await load(current)).getWorksheet("6.5 Financieel");
    const notes: Record<string, unknown> = {};
    final?.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === "string" && ["Formatieve kosten", "Aanvullende dienstverlening", "Opleiding"].includes(label) && !(label in notes)) notes[label] = row.getCell(8).value ?? ""; // an empty cell is no text
    });
    expect(notes).toEqual({
      "Formatieve kosten": "Lager door vacature frontoffice (jan-feb).",
      Opleiding: "",
      "Aanvullende dienstverlening": "=Avondopenstelling pas in juni gestart",
    });
  });
});

describe("the fingerprint detects a change to any addendum input cell", () => {
  const base = parseWorkbook(exampleGrids());
  if (!base.inputs) throw new Error("example does not parse");
  const fp0 = addendumFingerprint(base.inputs);

  /** Every cell that shapes the addendum, with a different valid value for it. */
  function mutations(): Array<{ where: string; apply: (rows: CellValue[][]) => void }> {
    const g = exampleGrids();
    const list: Array<{ where: string; apply: (rows: CellValue[][]) => void; sheet: string }> = [];
    const settings = sheet(g, "Instellingen").rows;
    const budgetSettings: Record<string, CellValue> = {
      Jaar: 2026, Opdrachtgever: "Gemeente Ommen (test)", Opdrachtnemer: "Gemeente Twenterand (test)", Overheadpercentage: 0.19, "IKB-percentage": 0.18,
      Werkgeverslastenpercentage: 0.31, Opleidingskosten: 8500, "Budget aanvullende dienstverlening": 12500, "SLA-versie": 2023,
    };
    settings.forEach((r, i) => {
      const label = String(r[0]);
      if (label in budgetSettings) list.push({ sheet: "Instellingen", where: `Instellingen!B${i + 1} (${label})`, apply: (rows) => void (rows[i][1] = budgetSettings[label]) });
    });
    const used = new Set(salaryRowsUsed(base.inputs!).map((r) => r.row));
    sheet(g, "Salaristabel").rows.forEach((r, i) => {
      if (!used.has(i + 1)) return;
      list.push({ sheet: "Salaristabel", where: `Salaristabel!D${i + 1}`, apply: (rows) => void (rows[i][3] = (rows[i][3] as number) + 1) });
      list.push({ sheet: "Salaristabel", where: `Salaristabel!A${i + 1}`, apply: (rows) => {
        const d = rows[i][0] as Date;
        rows[i][0] = new Date(d.getTime() + 86400000);
      } });
      list.push({ sheet: "Salaristabel", where: `Salaristabel!B${i + 1}`, apply: (rows) => void (rows[i][1] = "10A") });
    });
    sheet(g, "Formatie").rows.forEach((r, i) => {
      if (i === 0) return;
      list.push({ sheet: "Formatie", where: `Formatie!A${i + 1}`, apply: (rows) => void (rows[i][0] = `${rows[i][0]} (gewijzigd)`) });
      list.push({ sheet: "Formatie", where: `Formatie!B${i + 1}`, apply: (rows) => void (rows[i][1] = rows[i][1] === "Algemeen" ? "Balie" : "Algemeen") });
      list.push({ sheet: "Formatie", where: `Formatie!C${i + 1}`, apply: (rows) => void (rows[i][2] = rows[i][2] === 9 || rows[i][2] === "9" ? 8 : 9) });
      list.push({ sheet: "Formatie", where: `Formatie!D${i + 1}`, apply: (rows) => void (rows[i][3] = (rows[i][3] as number) + 0.1) });
    });
    return list.map(({ where, apply, sheet: name }) => ({ where, apply: (rows) => apply(rows), sheetName: name })) as Array<{ where: string; apply: (rows: CellValue[][]) => void; sheetName: string }>;
  }

  test("100% of the mutations are detected: the fingerprint changes, or the change makes the inputs invalid", () => {
    const list = mutations() as Array<{ where: string; apply: (rows: CellValue[][]) => void; sheetName: string }>;
    expect(list.length).toBeGreaterThan(9 + 9 * 4 + 3 * 3 * 3);
    const missed: string[] = [];
    let invalid = 0;
    for (const m of list) {
      const g = exampleGrids();
      m.apply(sheet(g, m.sheetName).rows);
      const parsed = parseWorkbook(g);
      if (!parsed.inputs) {
        // no report can be built from it (check and report refuse), so nothing signed can change silently
        expect(parsed.problems.some((p) => p.severity === "fout")).toBe(true);
        invalid++;
        continue;
      }
      if (addendumFingerprint(parsed.inputs) === fp0) missed.push(m.where);
    }
    expect(missed).toEqual([]);
    // most mutations keep the workbook valid: the fingerprint itself is what catches them
    expect(invalid).toBeLessThan(list.length / 4);
  });

  test("cells that do not shape the addendum leave it alone (Bezetting, a ledger amount)", () => {
    const g = exampleGrids();
    sheet(g, "Formatie").rows[1][4] = "Vacature";
    sheet(g, "Realisatie").rows[1][2] = 1;
    const parsed = parseWorkbook(g);
    expect(parsed.inputs && addendumFingerprint(parsed.inputs)).toBe(fp0);
  });
});
