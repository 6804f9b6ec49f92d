/**
 * The controller's review through the CLI (docs/gebruikershandleiding.md, "Controle en ondertekening"):
 * review → sign, a formation change that voids the review, a rejection back to Concept with its reason in
 * the Logboek, signing without review (allowed, and said), and the setting 'Controle vereist'.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runCli as run } from "./support/cli";
import { labelValue, loadWorkbook as load, logRows, setByHeader } from "./support/workbook";
import { SIGNOFF_SHEET } from "../src/records";
import { exampleWorkbook } from "../src/xlsx/example";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-review-"));

function recordKeys(wb: ExcelJS.Workbook): Map<string, unknown> {
  const m = new Map<string, unknown>();
  wb.getWorksheet(SIGNOFF_SHEET)?.eachRow((row) => m.set(String(row.getCell(1).value), row.getCell(2).value));
  return m;
}

const input = path.join(dir, "invoer.xlsx");
const reviewed = path.join(dir, "gecontroleerd.xlsx");

beforeAll(async () => {
  await exampleWorkbook().xlsx.writeFile(input);
});

test("review needs the controller's name; a rejection needs a reason; --opmerking and --afkeuren exclude each other", async () => {
  const noName = await run(["review", input, "-o", path.join(dir, "x.xlsx")]);
  expect(noName.code).toBe(1);
  expect(noName.err).toContain("Vul de naam van de controller in.");
  const both = await run(["review", input, "--controller", "P. de Boer", "--opmerking", "a", "--afkeuren", "b", "-o", path.join(dir, "x.xlsx")]);
  expect(both.code).toBe(2);
  expect(both.err).toContain("niet allebei");
  const stray = await run(["review", input, "--regisseur", "X", "-o", path.join(dir, "x.xlsx")]);
  expect(stray.code).toBe(2);
  expect(stray.err).toContain("De optie '--regisseur' hoort niet bij 'review'");
});

test("review → sign: the review in the record, the Logboek, the Addendum sheet; signing keeps it", async () => {
  const r = await run(["review", input, "--controller", "P. de Boer", "--opmerking", "formatie nagelopen", "-o", reviewed]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Status addendum\s+Gecontroleerd/);
  const wb = await load(reviewed);
  const keys = recordKeys(wb);
  expect(keys.get("status")).toBe("Concept");
  expect(keys.get("controle")).toBe("Gecontroleerd");
  expect(keys.get("controleur")).toBe("P. de Boer");
  expect(keys.get("controle opmerking")).toBe("formatie nagelopen");
  expect(String(keys.get("controle vingerafdruk"))).toMatch(/^[0-9a-f]{64}$/);
  expect(String(keys.get("controle zegel"))).toMatch(/^[0-9a-f]{64}$/);
  const log = logRows(wb);
  expect(log.map((row) => row[1])).toEqual(["Actie", "Gecontroleerd", "Rapportage"]);
  expect(log[1][2]).toBe("P. de Boer");
  expect(String(log[1][9])).toContain("formatie nagelopen");
  const add = wb.getWorksheet("Addendum 2025");
  expect(labelValue(add, "Status")).toBe("Gecontroleerd");
  expect(String(labelValue(add, "Controle (controller)"))).toMatch(/^Gecontroleerd door P\. de Boer op \d{1,2}-\d{1,2}-\d{4} \(formatie nagelopen\)$/);
  expect((await run(["check", reviewed])).out).not.toMatch(/Controle vervallen|buiten de add-in/);

  const signed = path.join(dir, "getekend.xlsx");
  const s = await run(["sign", reviewed, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed]);
  expect(s.code).toBe(0);
  expect(s.err).not.toContain("niet gecontroleerd");
  const out = await load(signed);
  const add2 = out.getWorksheet("Addendum 2025");
  expect(labelValue(add2, "Status")).toBe("Ondertekend");
  expect(String(labelValue(add2, "Controle (controller)"))).toContain("Gecontroleerd door P. de Boer");
  const log2 = logRows(out);
  expect(log2.map((row) => row[1])).toEqual(["Actie", "Gecontroleerd", "Rapportage", "Ondertekend", "Rapportage"]);
  expect(String(log2[3][9])).not.toContain("niet gecontroleerd");
  const c = await run(["check", signed]);
  expect(c.out).not.toMatch(/Controle vervallen|buiten de add-in|Gewijzigd na ondertekening/);
});

test("a formation change after review voids it: check, the report and the Addendum sheet name it", async () => {
  const wb = await load(reviewed);
  setByHeader(wb, "Formatie", "Functie", "Medewerker publiekszaken backoffice", "Fte", 1.6);
  const changed = path.join(dir, "gewijzigd.xlsx");
  await wb.xlsx.writeFile(changed);
  const c = await run(["check", changed]);
  expect(c.code).toBe(0);
  expect(c.out).toMatch(/^waarschuwing\s+Addendum 2025!A1\s+Controle vervallen: het addendum is gecontroleerd door P\. de Boer op /m);
  const rebuilt = path.join(dir, "gewijzigd-rapport.xlsx");
  const r = await run(["report", changed, "-o", rebuilt]);
  expect(r.code).toBe(0);
  expect(r.err).toContain("Controle vervallen");
  const rebuiltBook = await load(rebuilt);
  // the Logboek row of the rebuild names the change with its old and new value
  const last = logRows(rebuiltBook).at(-1);
  expect(last?.[1]).toBe("Rapportage");
  expect(String(last?.[9])).toBe("Formatie rij 3, Fte: 1,50 → 1,60");
  const add = rebuiltBook.getWorksheet("Addendum 2025");
  expect(labelValue(add, "Status")).toBe("Concept");
  expect(String(labelValue(add, "Controle (controller)"))).toMatch(/^Controle vervallen: gecontroleerd door P\. de Boer/);
  // signing now is allowed, and says the addendum is not reviewed
  const signed = path.join(dir, "ongecontroleerd-getekend.xlsx");
  const s = await run(["sign", changed, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed]);
  expect(s.code).toBe(0);
  expect(s.err).toContain("niet gecontroleerd door de controller");
  const log = logRows(await load(signed));
  // the status row says it is unreviewed, and which of the addendum's inputs changed since the last build
  expect(String(log.find((row) => row[1] === "Ondertekend")?.[9])).toMatch(/\(niet gecontroleerd door de controller\); gewijzigd sinds de vorige rapportage: Formatie rij 3, Fte: 1,50 → 1,60$/);
});

test("a rejection returns a submitted addendum to Concept, with the reason in the Logboek", async () => {
  const submitted = path.join(dir, "aangeboden.xlsx");
  expect((await run(["sign", input, "--accounthouder", "A. Jansen", "--ter-ondertekening", "-o", submitted])).code).toBe(0);
  const rejected = path.join(dir, "afgekeurd.xlsx");
  const r = await run(["review", submitted, "--controller", "P. de Boer", "--afkeuren", "fte backoffice klopt niet met het besluit", "-o", rejected]);
  expect(r.code).toBe(0);
  const wb = await load(rejected);
  expect(recordKeys(wb).get("status")).toBe("Concept");
  const log = logRows(wb);
  const row = log.find((x) => x[1] === "Afgekeurd");
  expect(row?.[2]).toBe("P. de Boer");
  expect(String(row?.[9])).toBe("afgekeurd door P. de Boer (controller): fte backoffice klopt niet met het besluit (was: Ter ondertekening); terug naar Concept");
  const add = wb.getWorksheet("Addendum 2025");
  expect(labelValue(add, "Status")).toBe("Concept");
  expect(String(labelValue(add, "Controle (controller)"))).toMatch(/^Afgekeurd door P\. de Boer op .*: fte backoffice klopt niet met het besluit$/);
  // the records agree with themselves: no integrity warning
  expect((await run(["check", rejected])).out).not.toMatch(/buiten de add-in|Logboek rij/);
  // a signed addendum cannot be rejected: it is reopened
  const signed = path.join(dir, "getekend2.xlsx");
  await run(["sign", rejected, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed]);
  const again = await run(["review", signed, "--controller", "P. de Boer", "--afkeuren", "te laat", "-o", path.join(dir, "y.xlsx")]);
  expect(again.code).toBe(1);
  expect(again.err).toContain("al ondertekend");
});

test("'Controle vereist' = ja: offering and signing need a review of these inputs", async () => {
  const wb = await load(input);
  setByHeader(wb, "Instellingen", "Instelling", "Controle vereist", "Waarde", "ja");
  const strict = path.join(dir, "streng.xlsx");
  await wb.xlsx.writeFile(strict);
  const refused = await run(["sign", strict, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", path.join(dir, "z.xlsx")]);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain("Controle vereist: de instelling 'Controle vereist' staat op ja");
  const ok = path.join(dir, "streng-gecontroleerd.xlsx");
  expect((await run(["review", strict, "--controller", "P. de Boer", "-o", ok])).code).toBe(0);
  expect((await run(["sign", ok, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", path.join(dir, "streng-getekend.xlsx")])).code).toBe(0);
});

test("the signing PDF says who reviewed and when, or that nobody did", async () => {
  const text = async (workbook: string, name: string) => {
    const pdf = path.join(dir, name);
    expect((await run(["pdf", workbook, "-o", pdf])).code).toBe(0);
    return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  };
  expect(await text(reviewed, "gecontroleerd.pdf")).toMatch(/Controle: Gecontroleerd door P\. de Boer op \d{1,2}-\d{1,2}-\d{4} \(formatie nagelopen\)\./);
  expect(await text(input, "ongecontroleerd.pdf")).toContain("Controle: Niet gecontroleerd.");
});

test("the review's own seal: a controller's name edited in the record sheet is reported", async () => {
  const wb = await load(reviewed);
  const ws = wb.getWorksheet(SIGNOFF_SHEET);
  ws?.eachRow((row) => {
    if (row.getCell(1).value === "controleur") row.getCell(2).value = "Iemand anders";
  });
  const edited = path.join(dir, "controle-gewijzigd.xlsx");
  await wb.xlsx.writeFile(edited);
  const c = await run(["check", edited]);
  expect(c.out).toMatch(/^waarschuwing\s+Addendum 2025!A1\s+De controle in het ondertekeningsblad is buiten de add-in om gewijzigd: de inhoud past niet meer bij haar zegel \(nu 'Gecontroleerd' door Iemand anders\)/m);
  // the sign-off record's own seal is not involved: no finding about it
  expect(c.out).not.toContain("past niet meer bij het zegel");
});
