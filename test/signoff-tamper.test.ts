/**
 * A sign-off that holds: each way of undoing a sign-off found by trying (issue 11) is made with the tool a
 * user would use — openpyxl (`/usr/bin/python3`), LibreOffice, a raw XML edit of the package (jszip) — on a
 * workbook signed by the CLI, and `check` must name what was found. The untouched signed workbook, and
 * one re-saved by openpyxl without changes, must check clean (no false alarm).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli as run } from "./support/cli";
import { addendumFingerprint } from "../src/domain/fingerprint";
import { parseWorkbook } from "../src/input/parse";
import { exampleWorkbook } from "../src/xlsx/example";
import { readWorkbookFile } from "../src/xlsx/file";
import { recalculate } from "./support/libreoffice";
import { needs } from "./support/tools";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-tamper-"));
const PY = "/usr/bin/python3";

/** Run an openpyxl script on a copy of `src`; the script sees `wb` (the loaded workbook) and saves it. */
function openpyxl(src: string, name: string, body: string): string {
  const out = path.join(dir, name);
  const script = `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def row_of(ws, col, value):
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == value:
            return r
    raise SystemExit("no row with " + repr(value))
${body}
wb.save(sys.argv[2])
`;
  execFileSync(PY, ["-c", script, src, out], { stdio: "pipe" });
  return out;
}

/** The integrity and sign-off lines of `check` (the example's own warning about a late booking left out). */
function findings(out: string): string[] {
  return out.split("\n").filter((l) => /^(waarschuwing|fout)/.test(l) && !l.includes("Realisatie!"));
}

/** The texts of a sheet, read from the package XML (exceljs cannot read every file that openpyxl touched). */
async function sheetTexts(file: string, sheet: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = async (n: string) => (await zip.file(n)?.async("string")) ?? "";
  const unescape = (x: string) => x.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(await read("xl/workbook.xml"))?.[1];
  const rel = [...(await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`)) ?? "";
  const target = /Target="([^"]+)"/.exec(rel)?.[1] ?? "";
  const xml = await read(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1])).join(""));
  const out: string[] = [];
  for (const c of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = c[2] ?? "";
    if (/t="s"/.test(c[1])) out.push(shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? "");
    else if (/t="inlineStr"/.test(c[1]) || /t="str"/.test(c[1])) out.push(unescape([...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("") || (/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? "")));
  }
  return out;
}

const input = path.join(dir, "invoer.xlsx");
const signed = path.join(dir, "getekend.xlsx");
/** signed, then built once more: the Logboek has Ondertekend, Rapportage, Rapportage */
const rebuilt = path.join(dir, "getekend-2.xlsx");
let fp = "";

beforeAll(async () => {
  await exampleWorkbook().xlsx.writeFile(input);
  const s = await run(["sign", input, "--regisseur", "J. de Vries", "--accounthouder", "A. Jansen", "-o", signed]);
  expect(s.code).toBe(0);
  expect((await run(["report", signed, "-o", rebuilt])).code).toBe(0);
  const read = await readWorkbookFile(signed);
  if (!read.ok) throw new Error(read.message);
  const parsed = parseWorkbook(read.grids);
  fp = addendumFingerprint(parsed.inputs!);
});

describe("no false alarms", () => {
  test("the signed workbook, and after one more build, check clean", async () => {
    for (const f of [signed, rebuilt]) {
      const c = await run(["check", f]);
      expect(findings(c.out)).toEqual([]);
      expect(c.code).toBe(0);
    }
  });

  test("re-saved by openpyxl without changes: still clean", async () => {
    const f = openpyxl(rebuilt, "openpyxl-onveranderd.xlsx", "pass");
    expect(findings((await run(["check", f])).out)).toEqual([]);
  });

  test("the fingerprint of the signed document matches: check --vingerafdruk and --pdf say so", async () => {
    const c = await run(["check", rebuilt, "--vingerafdruk", fp.toUpperCase().replace(/(.{8})/g, "$1 ")]);
    expect(c.code).toBe(0);
    expect(c.out).toContain(`de invoer van het addendum is de getekende (vingerafdruk ${fp})`);
    const pdf = path.join(dir, "getekend.pdf");
    expect((await run(["pdf", signed, "-o", pdf])).code).toBe(0);
    const p = await run(["check", rebuilt, "--pdf", pdf]);
    expect(p.code).toBe(0);
    expect(p.out).toContain("de invoer van het addendum is de getekende");
    expect((await run(["check", rebuilt, "--vingerafdruk", "abc"])).code).toBe(2);
  });
});

describe("a workbook signed by the previous version (no chain, no seal, no head)", () => {
  const legacyScript = `lg = wb["Logboek"]
lg.delete_cols(11, 2)
so = wb["_dvo_ondertekening"]
for key in ("zegel", "logboek"):
    so.delete_rows(row_of(so, 1, key))
sn = wb["_dvo_momentopname"]
for r in range(sn.max_row, 0, -1):
    if str(sn.cell(r, 1).value).startswith("#"):
        sn.delete_rows(r)`;

  test("reads as 'no chain yet': checks clean, and a build starts the chain after the old rows", async () => {
    const legacy = openpyxl(rebuilt, "oude-versie.xlsx", legacyScript);
    expect(findings((await run(["check", legacy])).out)).toEqual([]);
    const next = path.join(dir, "oude-versie-herbouwd.xlsx");
    expect((await run(["report", legacy, "-o", next])).code).toBe(0);
    expect(findings((await run(["check", next])).out)).toEqual([]);
    // an edit of an old row (before the chain) is caught by the first chained row below it
    const edited = openpyxl(next, "oude-versie-bewerkt.xlsx", `wb["Logboek"].cell(2, 3).value = "iemand anders"`);
    expect(findings((await run(["check", edited])).out).join("\n")).toContain("Logboek rij 5 (Rapportage van");
  });

  test("the status set back to Concept in an old workbook is still caught by the Logboek", async () => {
    const f = openpyxl(rebuilt, "oude-versie-concept.xlsx", `${legacyScript}
so.cell(row_of(so, 1, "status"), 2).value = "Concept"`);
    expect(findings((await run(["check", f])).out)).toEqual([expect.stringContaining("De status in het ondertekeningsblad is 'Concept', maar volgens het Logboek is het addendum 'Ondertekend'")]);
  });
});

describe("the sign-off record, edited with openpyxl", () => {
  test("status set to Concept (alone)", async () => {
    const f = openpyxl(signed, "status-concept.xlsx", `ws = wb["_dvo_ondertekening"]
ws.cell(row_of(ws, 1, "status"), 2).value = "Concept"`);
    const lines = findings((await run(["check", f])).out);
    expect(lines.join("\n")).toContain("is buiten de add-in om gewijzigd: de inhoud past niet meer bij het zegel (status nu 'Concept'");
    expect(lines.join("\n")).toContain("De status in het ondertekeningsblad is 'Concept', maar volgens het Logboek is het addendum 'Ondertekend' (rij 2");
  });

  test("status set to Concept and an fte changed: the signed fingerprint no longer matches", async () => {
    const f = openpyxl(signed, "status-concept-fte.xlsx", `ws = wb["_dvo_ondertekening"]
ws.cell(row_of(ws, 1, "status"), 2).value = "Concept"
fo = wb["Formatie"]
fo.cell(row_of(fo, 1, "Medewerker burgerlijke stand"), 4).value = 1.2`);
    const c = await run(["check", f]);
    expect(c.out).toContain("buiten 'heropenen' om veranderd");
    const v = await run(["check", f, "--vingerafdruk", fp]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/^fout\s+Addendum 2025!A1\s+Niet de getekende invoer/m);
  });

  test("an fte changed and the recomputed fingerprint written into the sheet", async () => {
    const changed = openpyxl(signed, "fte.xlsx", `fo = wb["Formatie"]
fo.cell(row_of(fo, 1, "Medewerker burgerlijke stand"), 4).value = 1.2`);
    const read = await readWorkbookFile(changed);
    if (!read.ok) throw new Error(read.message);
    const recomputed = addendumFingerprint(parseWorkbook(read.grids).inputs!);
    expect(recomputed).not.toBe(fp);
    const f = openpyxl(changed, "fte-herberekend.xlsx", `ws = wb["_dvo_ondertekening"]
ws.cell(row_of(ws, 1, "vingerafdruk"), 2).value = "${recomputed}"`);
    const c = await run(["check", f]);
    expect(c.out).not.toContain("Gewijzigd na ondertekening"); // the old check was fooled …
    expect(c.out).toContain("de inhoud past niet meer bij het zegel"); // … the seal is not
    const v = await run(["check", f, "--vingerafdruk", fp]);
    expect(v.code).toBe(1);
    expect(v.out).toContain("De vingerafdruk in het ondertekeningsblad van de werkmap is bijgewerkt tot de gewijzigde invoer");
  });

  test("the sign-off sheet deleted", async () => {
    const f = openpyxl(signed, "zonder-ondertekening.xlsx", `del wb["_dvo_ondertekening"]`);
    const lines = findings((await run(["check", f])).out);
    expect(lines.join("\n")).toMatch(/Het ondertekeningsblad \('_dvo_ondertekening'\) ontbreekt, maar volgens het Logboek \(rij 2, [^)]+\) is het addendum 'Ondertekend': het blad is verwijderd\./);
  });

  test("the sign-off sheet made visible, or hidden, then an fte changed", async () => {
    for (const [state, words] of [["visible", "zichtbaar gemaakt"], ["hidden", "verborgen in plaats van zeer verborgen"]]) {
      const f = openpyxl(signed, `ondertekening-${state}.xlsx`, `wb["_dvo_ondertekening"].sheet_state = "${state}"
fo = wb["Formatie"]
fo.cell(row_of(fo, 1, "Medewerker burgerlijke stand"), 4).value = 1.2`);
      const out = (await run(["check", f])).out;
      expect(out).toContain(`Het blad '_dvo_ondertekening' van de add-in is ${words}`);
      expect(out).toContain("Gewijzigd na ondertekening");
    }
  });
});

describe("the Logboek, edited with openpyxl", () => {
  test("a row edited", async () => {
    const f = openpyxl(rebuilt, "log-bewerkt.xlsx", `wb["Logboek"].cell(3, 6).value = 600000`);
    expect(findings((await run(["check", f])).out)).toEqual([expect.stringMatching(/^waarschuwing\s+Logboek!A3\s+Logboek rij 3 \(Rapportage van .+\) is gewijzigd nadat hij is vastgelegd/)]);
  });

  test("a row deleted", async () => {
    const f = openpyxl(rebuilt, "log-rij-weg.xlsx", `wb["Logboek"].delete_rows(3)`);
    expect(findings((await run(["check", f])).out)).toEqual([expect.stringMatching(/^waarschuwing\s+Logboek!A3\s+Logboek rij 3 .* sluit niet aan op de rij erboven/)]);
  });

  test("a row inserted", async () => {
    const f = openpyxl(rebuilt, "log-rij-erbij.xlsx", `ws = wb["Logboek"]
ws.insert_rows(3)
for c, v in enumerate(["2025-06-30T10:00:00.000Z", "Heropend", "X", "", 6, "", "", "", "", "heropend"], start=1):
    ws.cell(3, c).value = v`);
    const lines = findings((await run(["check", f])).out).join("\n");
    expect(lines).toContain("Logboek rij 3 (Heropend van 2025-06-30T10:00:00.000Z) heeft geen hash");
  });

  test("the last row deleted: the head kept in the snapshot shows it", async () => {
    const f = openpyxl(rebuilt, "log-laatste-weg.xlsx", `ws = wb["Logboek"]
ws.delete_rows(ws.max_row)`);
    expect(findings((await run(["check", f])).out)).toEqual([expect.stringContaining("Het Logboek eindigt niet meer waar het bij de laatste rapportage eindigde (toen 3 rijen, nu 2)")]);
  });

  test("the Logboek deleted", async () => {
    const f = openpyxl(rebuilt, "zonder-logboek.xlsx", `del wb["Logboek"]`);
    expect(findings((await run(["check", f])).out).join("\n")).toContain("Het Logboek is verwijderd: bij de laatste rapportage had het 3 rijen.");
  });

  test("a finding survives a rebuild: it is written into the new Rapportage row", async () => {
    const f = openpyxl(rebuilt, "log-laatste-weg-2.xlsx", `ws = wb["Logboek"]
ws.delete_rows(ws.max_row)`);
    const again = path.join(dir, "na-herbouw.xlsx");
    expect((await run(["report", f, "-o", again])).code).toBe(0);
    const read = await readWorkbookFile(again);
    if (!read.ok) throw new Error(read.message);
    const log = read.grids.sheets.find((g) => g.name === "Logboek")!.rows;
    expect(String(log[log.length - 1][9])).toContain("Let op (1): Het Logboek eindigt niet meer waar het");
    // and Controle names it
    expect(await sheetTexts(again, "Controle")).toContainEqual(expect.stringContaining("Het Logboek eindigt niet meer waar het bij de laatste rapportage eindigde"));
  });
});

describe("LibreOffice and a raw XML edit", () => {
  const libreoffice = needs("the sign-off saved by LibreOffice", ["libreoffice"]);
  libreoffice.test("saved by LibreOffice: the sign-off sheet is no longer very hidden (LibreOffice has no such state)", async () => {
    const [f] = recalculate(libreoffice.path("libreoffice"), [signed]);
    const lines = findings((await run(["check", f])).out).join("\n");
    expect(lines).toContain("Het blad '_dvo_ondertekening' van de add-in is verborgen in plaats van zeer verborgen");
    expect(lines).toContain("Het blad '_dvo_momentopname' van de add-in is verborgen in plaats van zeer verborgen");
    // the chain itself survives LibreOffice's re-save, and the hidden sheets are still read: nothing else
    expect(findings((await run(["check", f])).out)).toHaveLength(2);
  });

  async function editXml(src: string, name: string, edit: (zip: JSZip) => Promise<void>): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(src));
    await edit(zip);
    const out = path.join(dir, name);
    writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return out;
  }

  test("the status text replaced in the package XML", async () => {
    const f = await editXml(signed, "xml-status.xlsx", async (zip) => {
      const names = Object.keys(zip.files).filter((n) => /^xl\/(sharedStrings\.xml|worksheets\/sheet\d+\.xml)$/.test(n));
      let hits = 0;
      for (const n of names) {
        const xml = await zip.file(n)!.async("string");
        if (xml.includes(">Ondertekend<")) {
          // only the sign-off sheet's value cell: the sheet is the one whose A column says "status"
          const replaced = xml.replace(/>Ondertekend</g, ">Concept<");
          hits += xml.split(">Ondertekend<").length - 1;
          zip.file(n, replaced);
        }
      }
      expect(hits).toBeGreaterThan(0);
    });
    const lines = findings((await run(["check", f])).out).join("\n");
    // every "Ondertekend" text became "Concept": the record's seal and the Logboek rows both show it
    expect(lines).toContain("de inhoud past niet meer bij het zegel");
    expect(lines).toMatch(/Logboek rij 2 \(Concept van .+\) is gewijzigd nadat hij is vastgelegd/);
  });

  test("the sheet state changed from veryHidden to hidden in workbook.xml", async () => {
    const f = await editXml(signed, "xml-hidden.xlsx", async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      const re = /(<sheet [^>]*name="_dvo_ondertekening"[^>]*state=")veryHidden(")/;
      expect(xml).toMatch(re);
      zip.file("xl/workbook.xml", xml.replace(re, "$1hidden$2"));
    });
    expect(findings((await run(["check", f])).out).join("\n")).toContain("Het blad '_dvo_ondertekening' van de add-in is verborgen in plaats van zeer verborgen");
  });
});

// keep a copy of the files for a person to open
afterAll(() => copyFileSync(signed, path.join(dir, "origineel-getekend.xlsx")));
