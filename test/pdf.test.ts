/**
 * The signing document: `dvo-addendum pdf` on the bundled example (the worked example of docs/rekenregels.md, 2025).
 * The PDF is read back with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm); every figure is
 * expected as docs/rekenregels.md states it (the per-row ceiling amounts computed here from the S values docs/rekenregels.md
 * gives), not as our engine computes it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli as run } from "./support/cli";
import { exampleWorkbook } from "../src/xlsx/example";
import { fingerprintFromPdf } from "../src/pdf/read";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-pdf-"));
const input = path.join(dir, "invoer.xlsx");
const pdf = path.join(dir, "addendum-2025.pdf");

/** 626908.24 → "626.908,24" (Dutch notation), written out here rather than by the code under test. */
function nl(x: number): string {
  const [int, dec] = Math.abs(x).toFixed(2).split(".");
  return `${x < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${dec}`;
}
const round2 = (x: number) => Math.round(x * 100 + Math.sign(x) * 1e-7) / 100;

let text = "";
let fingerprint = "";

beforeAll(async () => {
  await exampleWorkbook().xlsx.writeFile(input);
  const r = await run(["pdf", input, "-o", pdf]);
  expect(r.err).not.toMatch(/^fout/m); // the example's one warning (a booking after the report month) is shown
  expect(r.code).toBe(0);
  fingerprint = /Vingerafdruk\s+([0-9a-f]{64})/.exec(r.out)?.[1] ?? "";
  text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
});

describe("dvo-addendum pdf", () => {
  test("parties, year and parameters", () => {
    expect(text).toContain("Addendum 2025 bij de DVO Publieksdienst Twenterand – Ommen");
    expect(text).toMatch(/Opdrachtgever\s+Gemeente Ommen/);
    expect(text).toMatch(/Opdrachtnemer\s+Gemeente Twenterand/);
    expect(text).toMatch(/Jaar\s+2025/);
    expect(text).toMatch(/Overheadpercentage\s+18,00 %/);
    expect(text).toMatch(/IKB-percentage\s+17,05 %/);
    expect(text).toMatch(/Werkgeverslastenpercentage\s+30,00 %/);
    expect(text).toMatch(/Opleidingskosten\s+€ 8\.000,00/);
    expect(text).toMatch(/Budget aanvullende dienstverlening\s+€ 12\.000,00/);
  });

  test("the formation per pakket and function: fte, scale, cost per fte, plafondbedrag", () => {
    // docs/rekenregels.md: S per scale; K = S × (1 + IKB) × (1 + werkgeverslasten); plafondbedrag = round2(fte × K)
    const S: Record<number, number> = { 7: 46881, 8: 52593, 9: 58869, 11: 74298 };
    const K = (s: number) => S[s] * 1.1705 * 1.3;
    expect(K(7)).toBeCloseTo(71336.47365, 5); // as docs/rekenregels.md states it
    const rows: Array<[string, string, number, number]> = [
      ["Medewerker publiekszaken frontoffice", "Balie", 7, 3.0],
      ["Medewerker publiekszaken backoffice", "BRP", 8, 1.5],
      ["Medewerker burgerlijke stand", "Burgerlijke stand", 8, 1.0],
      ["Specialist naturalisatie en VOE", "Naturalisatie", 9, 0.8],
      ["Functioneel beheerder burgerzaken", "Functioneel beheer", 9, 0.6],
      ["Kwaliteitsmedewerker BRP", "Kwaliteit BRP", 8, 0.4],
      ["Coordinator verkiezingen", "Verkiezingen", 9, 0.3],
      ["Medewerker begraafplaatsadministratie", "Begraafplaatsadministratie", 7, 0.4],
      ["Adviseur informatievoorziening", "Advisering I&A", 11, 0.2],
    ];
    const lines = text.split("\n");
    let sum = 0;
    for (const [fn, pakket, scale, f] of rows) {
      const amount = round2(f * K(scale));
      // Advisering I&A has Dekking 'overhead': listed in its own table, outside the plafond
      if (pakket !== "Advisering I&A") sum += amount;
      // the row's figures on one line; a long function name may wrap onto the next line
      const figures = new RegExp(`^ *(.+?)\\s{2,}${pakket}\\s+${scale}\\s+${nl(f)}\\s+€ ${nl(K(scale)).replace(".", "\\.")}\\s+€ ${nl(amount).replace(".", "\\.")}$`);
      const i = lines.findIndex((l) => figures.test(l) && fn.startsWith(figures.exec(l)![1].trim()));
      expect({ fn, found: i >= 0 }).toEqual({ fn, found: true });
      const head = figures.exec(lines[i])![1].trim();
      if (head !== fn) expect(`${head} ${lines[i + 1].trim()}`).toBe(fn);
    }
    expect(text).toContain("214.009,42"); // the frontoffice row in docs/rekenregels.md
    expect(nl(round2(sum))).toBe("626.908,24");
    // per pakket (one function each in the example) and the total
    expect(text).toMatch(/Balie\s+3,00\s+€ 214\.009,42/);
    expect(text).toMatch(/Totaal\s+8,00\s+€ 626\.908,24/);
    // docs/rekenregels.md: the row covered by the overhead, 0,2 × 113.055,5517 = 22.611,11, and what is left of the overhead
    expect(text).toContain("Formatie gedekt uit de overhead (buiten het plafond)");
    expect(text).toMatch(/Gebruikt deel van de overhead\s+0,20\s+€ 22\.611,11/);
    expect(text).toMatch(/Overhead na deze formatie\s+€ 90\.232,37/);
  });

  test("plafond, overhead, training, aanvullende dienstverlening, totaal budget P&C, cao-effect", () => {
    expect(text).toMatch(/Plafond formatieve kosten\s+€ 626\.908,24/);
    expect(text).toMatch(/Overhead \(18,00 % van het plafond\)\s+€ 112\.843,48/);
    expect(text).toMatch(/Opleidingskosten\s+€ 8\.000,00/);
    expect(text).toMatch(/Aanvullende dienstverlening\s+€ 12\.000,00/);
    expect(text).toMatch(/Totaal budget P&C\s+€ 759\.751,72/);
    expect(text).toMatch(/Plafond met de januaritabel het hele jaar\s+€ 614\.776,43/);
    expect(text).toMatch(/Cao-effect \(af te stemmen met de opdrachtgever\)\s+€ 12\.131,81/);
  });

  test("the salary tables used, in natural scale order, with their status", () => {
    // docs/rekenregels.md: scale 7 is 3,831 / 3,908 / 3,980 in the tables of 2024-10-01, 2025-04-01, 2025-10-01 (all derived)
    expect(text).toMatch(/7\s+1-10-2024\s+€ 3\.831,00\s+afgeleid \(schatting\)/);
    expect(text).toMatch(/7\s+1-4-2025\s+€ 3\.908,00\s+afgeleid \(schatting\)/);
    expect(text).toMatch(/7\s+1-10-2025\s+€ 3\.980,00\s+afgeleid \(schatting\)/);
    const order = [...text.matchAll(/^\s*(\d+[A-Z]?)\s+\d{1,2}-\d{1,2}-20\d\d\s+€/gm)].map((m) => m[1]);
    expect([...new Set(order)]).toEqual(["7", "8", "9", "11"]);
  });

  test("the full fingerprint, signature blocks for both parties, page numbers", () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(fingerprint);
    expect(text).toMatch(/Voor de opdrachtgever\s+Voor de opdrachtnemer/);
    expect(text.match(/Naam/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text.match(/Functie\s+Regisseur/g)?.length).toBe(1);
    expect(text.match(/Functie\s+Accounthouder/g)?.length).toBe(1);
    for (const w of ["Plaats", "Datum", "Handtekening"]) expect(text.match(new RegExp(w, "g"))?.length).toBeGreaterThanOrEqual(2);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`pagina ${p} van ${pages}`);
  });

  test("A4, fonts embedded, title and fingerprint in the metadata", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Addendum 2025 bij de DVO Publieksdienst Twenterand – Ommen/);
    expect(info).toContain(`Subject:         Vingerafdruk ${fingerprint}`);
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/); // emb, sub
    expect(fingerprintFromPdf(readFileSync(pdf))).toBe(fingerprint);
  });

  test("page 1 renders to PNG", () => {
    const base = path.join(dir, "page");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf, base]);
    const png = [`${base}-1.png`, `${base}-01.png`].find(existsSync);
    expect(png).toBeDefined();
    expect(statSync(png!).size).toBeGreaterThan(10000);
  });

  test("an existing file is not overwritten unless --overschrijven", async () => {
    const before = statSync(pdf).mtimeMs;
    const r = await run(["pdf", input, "-o", pdf]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bestaat al en wordt niet overschreven");
    expect(statSync(pdf).mtimeMs).toBe(before);
    const again = await run(["pdf", input, "-o", pdf, "--overschrijven"]);
    expect(again.code).toBe(0);
  });

  test("without an input: the bundled example into out/, replacing its own file there", async () => {
    const target = path.join("out", "voorbeeld-addendum-2025.pdf");
    for (let i = 0; i < 2; i++) {
      const r = await run(["pdf"]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`als PDF geschreven naar ${target}`);
    }
    expect(execFileSync("pdftotext", ["-layout", target, "-"], { encoding: "utf8" })).toMatch(/Totaal budget P&C\s+€ 759\.751,72/);
  });

  test("a workbook with errors gives no PDF", async () => {
    const out = path.join(dir, "fout.pdf");
    const r = await run(["pdf", path.join(dir, "bestaat-niet.xlsx"), "-o", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("bestaat niet");
    expect(existsSync(out)).toBe(false);
  });
});
