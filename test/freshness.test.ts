/**
 * Live figures stay right: a ledger row added after the build is not silently left out — the report says
 * plainly that it must be rebuilt, in every title block and in Controle, after a real spreadsheet engine
 * (LibreOffice) recalculates the workbook. The row is added with openpyxl, as a user's script would.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { recalculate } from "./support/libreoffice";
import { PYTHON as python } from "./support/paths";
import { needs } from "./support/tools";

const tools = needs("the freshness test", ["libreoffice", "openpyxl"]);

/** Cell values (data only) of the given sheets, by A1 address, as openpyxl reads them. */
function values(file: string, sheets: string[]): Record<string, Record<string, unknown>> {
  const script = "import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1],data_only=True)\nprint(json.dumps({n:{c.coordinate:c.value for r in wb[n].iter_rows() for c in r if isinstance(c.value,(str,int,float))} for n in sys.argv[2:]}))";
  return JSON.parse(execFileSync(python, ["-c", script, file, ...sheets], { encoding: "utf8", maxBuffer: 1 << 26 })) as Record<string, Record<string, unknown>>;
}

const REBUILD = /regels toegevoegd of verwijderd sinds dit rapport is opgebouwd.*Bouw het rapport opnieuw op/;

tools.describe("a ledger row added after the build", () => {
  let dir: string;
  let report: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "dvo-fresh-"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await main(["report"], { out: () => undefined, err: () => undefined })).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    report = path.join(dir, "out", "voorbeeld-rapport-2025.xlsx");
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  test("recalculated as built: no rebuild notice, the check in Controle is OK", () => {
    const [again] = recalculate(tools.path("libreoffice"), [report]);
    const v = values(again, ["6.5 Financieel", "Controle"]);
    expect(Object.values(v["6.5 Financieel"]).filter((x) => typeof x === "string" && REBUILD.test(x))).toEqual([]);
    const row = Object.entries(v.Controle).find(([, x]) => typeof x === "string" && x.startsWith("Invoerbladen hebben nog de regels"));
    expect(row).toBeDefined();
    expect(v.Controle[row![0].replace(/^A/, "B")]).toBe("OK");
  });

  test("after appending a row to Realisatie and recalculating: every title block says to rebuild, Controle is NIET IN ORDE", async () => {
    const edited = path.join(dir, "met-extra-boeking.xlsx");
    execFileSync(python, ["-c", [
      "import sys,openpyxl",
      "wb=openpyxl.load_workbook(sys.argv[1])",
      "ws=wb['Realisatie']",
      "ws.append([5,'Overig',1234.5,'Nagekomen factuur',None])",
      "wb.save(sys.argv[2])",
    ].join("\n"), report, edited]);
    const [again] = recalculate(tools.path("libreoffice"), [edited]);
    const sheets = ["Addendum 2025", "6.1 Formatie", "6.5 Financieel", "Controle"];
    const v = values(again, sheets);
    for (const s of sheets) expect({ s, notice: Object.values(v[s]).some((x) => typeof x === "string" && REBUILD.test(x)) }).toEqual({ s, notice: true });
    const row = Object.entries(v.Controle).find(([, x]) => typeof x === "string" && x.startsWith("Invoerbladen hebben nog de regels"));
    expect(v.Controle[row![0].replace(/^A/, "B")]).toBe("AFWIJKING");
    expect(Object.values(v.Controle)).toContain("NIET IN ORDE");
  });
});
