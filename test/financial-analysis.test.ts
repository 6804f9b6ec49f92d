/**
 * The Financiële analyse on 6.5 (issue 17 item 3): the P&C table in thousands, "- = voordeel, zonder teken =
 * nadeel", against a hand calculation from the worked example (docs/rekenregels.md), for both perspectives,
 * and every formula equal to the engine after recalculation in LibreOffice and Gnumeric.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { exampleWorkbook } from "../src/xlsx/example";
import { reportVariant } from "./support/report";
import { recalculateGnumeric } from "./support/gnumeric";
import { recalculate } from "./support/libreoffice";
import { needs } from "./support/tools";
import { compareRecalculated, readCells, type Cells } from "./support/recalc-compare";
import { setByHeader } from "./support/workbook";

const dir = mkdtempSync(path.join(tmpdir(), "dvo-analysis-"));

/** The Financiële analyse's rows on 6.5: label → [primitief, na wijziging, prognose jaar, t/m maand, verschil]. */
function analysis(cells: Cells): Record<string, unknown[]> {
  const s = cells["6.5 Financieel"];
  const row = (r: number) => ["A", "B", "C", "D", "E", "F"].map((c) => s[`${c}${r}`]?.[1] ?? null);
  const rows = Object.keys(s).map((a) => Number(/\d+/.exec(a)?.[0])).sort((a, b) => a - b);
  const title = rows.find((r) => s[`A${r}`]?.[1] === "Financiële analyse");
  if (title === undefined) throw new Error("no Financiële analyse on 6.5");
  expect(s[`A${title + 1}`]?.[1]).toBe("Bedragen x € 1.000 (- = voordeel, zonder teken = nadeel)");
  expect(row(title + 2).slice(1)).toEqual(["Begroting primitief", "Begroting na wijziging", "Realisatie prognose jaar", "Realisatie t/m juni", "Verschil (realisatie t.o.v. gewijzigde begroting)"]);
  const out: Record<string, unknown[]> = {};
  for (let r = title + 3; r <= title + 5; r++) out[String(row(r)[0])] = row(r).slice(1);
  return out;
}

async function build(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  return (await reportVariant(exampleWorkbook(), edit, dir, name)).out;
}

// The worked example, t/m juni (docs/rekenregels.md, steps 3 to 6), by hand, in euros:
const BUDGET = 759751.72; // nothing signed: primitief = na wijziging = the budget (docs/rekenregels.md §3)
const COSTS_TO_DATE = 369842.24; // 6.5 Totaal gerealiseerd t/m juni: 313.420,50 + overhead naar rato 112.843,48 × 6/12
// prognose jaar: formatieve kosten 606.300,00 + (opleiding 4.050,00 + aanvullend 4.380,50 + overig 640,00) × 12/6 + overhead 112.843,48
const OTHERS_YEAR = Math.round((4050 + 4380.5 + 640) * 12 / 6 * 100) / 100; // 18.141,00
const COSTS_YEAR = Math.round((606300 + OTHERS_YEAR + 112843.48) * 100) / 100; // 737.284,48
const CONTRIBUTION_TO_DATE = 379875.86; // 759.751,72 × 6/12
const CONTRIBUTION_YEAR = BUDGET + 0; // meerkosten voor de opdrachtgever 0,00
const k = (x: number) => Math.sign(x) * Math.round(Math.abs(x) / 1000);

describe("Financiële analyse on 6.5", () => {
  test("perspective opdrachtnemer: lasten = kosten, baten = vergoeding opdrachtgever; each figure rounded to thousands on its own", async () => {
    const t = analysis(readCells(await build("opdrachtnemer", () => undefined)));
    expect(COSTS_YEAR).toBe(737284.48);
    expect(t.Lasten).toEqual([760, 760, 737, 370, k(COSTS_YEAR - BUDGET)]); // −22.467,24 → −22
    expect(t.Baten).toEqual([-760, -760, -760, -380, 0]);
    // the saldo is rounded from the exact amounts: 369.842,24 − 379.875,86 = −10.033,62 → −10
    expect(t.Saldo).toEqual([0, 0, k(COSTS_YEAR - CONTRIBUTION_YEAR), k(COSTS_TO_DATE - CONTRIBUTION_TO_DATE), k(COSTS_YEAR - BUDGET)]);
    expect(t.Saldo).toEqual([0, 0, -22, -10, -22]);
  });

  test("perspective opdrachtgever: lasten = bijdrage aan de opdrachtnemer, no baten", async () => {
    const file = await build("opdrachtgever", (wb) => setByHeader(wb, "Instellingen", "Instelling", "Perspectief", "Waarde", "opdrachtgever"));
    const t = analysis(readCells(file));
    expect(t.Lasten).toEqual([760, 760, k(CONTRIBUTION_YEAR), k(CONTRIBUTION_TO_DATE), 0]);
    expect(t.Lasten).toEqual([760, 760, 760, 380, 0]);
    expect(t.Baten).toEqual([0, 0, 0, 0, 0]);
    expect(t.Saldo).toEqual(t.Lasten);
  });

  test("a sick-leave overrun with an agreed adviesnota: the meerkosten are the client's, in baten (opdrachtnemer)", async () => {
    const t = analysis(readCells(await build("overrun", (wb) => {
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit", "Adviesnota");
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit adviesnota", "Akkoord");
    })));
    // prognose formatieve kosten 567.000 + 92.400 = 659.400,00; meerkosten 659.400,00 − 626.908,24 = 32.491,76 (docs/rekenregels.md, variant)
    const costsYear = Math.round((659400 + OTHERS_YEAR + 112843.48) * 100) / 100;
    const contributionYear = Math.round((BUDGET + 32491.76) * 100) / 100;
    expect(t.Lasten).toEqual([760, 760, k(costsYear), 370, k(costsYear - BUDGET)]);
    expect(t.Baten).toEqual([-760, -760, -k(contributionYear), -380, k(BUDGET - contributionYear)]);
    expect(t.Saldo[2]).toBe(k(costsYear - contributionYear));
  });

  test("the same overrun with the adviesnota still open: no meerkosten in baten until Ommen decides", async () => {
    const t = analysis(readCells(await build("overrun-open", (wb) => {
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Verwachte kosten", 90000);
      setByHeader(wb, "Verzuim", "Dossier", "V-2025-01", "Besluit", "Adviesnota");
    })));
    expect(t.Baten).toEqual([-760, -760, -760, -380, 0]);
  });

  const engines = needs("recalculation in LibreOffice and Gnumeric", ["libreoffice", "gnumeric", "openpyxl"]);

  engines.test("every formula equals the engine after recalculation in LibreOffice and Gnumeric", async () => {

    const soffice = engines.path("libreoffice");

    const ssconvert = engines.path("gnumeric");
    const files = [path.join(dir, "opdrachtnemer.xlsx"), path.join(dir, "opdrachtgever.xlsx")];
    const recalculated = recalculate(soffice, files);
    files.forEach((f, i) => {
      const lo = compareRecalculated(f, recalculated[i]);
      expect(lo.errors).toEqual([]);
      expect(lo.mismatches).toEqual([]);
      const gn = compareRecalculated(f, recalculateGnumeric(ssconvert, f));
      expect(gn.errors).toEqual([]);
      expect(gn.mismatches).toEqual([]);
    });
  }, 240_000);
});
