/**
 * The Excel host as the task pane uses it (Excel.run, Office.context.requirements), against the strict
 * Excel double: Office.js error codes reach the user as Dutch sentences that say what to do; the template
 * is created in forms Excel accepts.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { templateSheets } from "../src/input/template";
import { dutchMessage, KNOWN_CODES } from "../src/office/errors";
import { ExcelHost } from "../src/office/host";
import { readExcelWorkbook } from "../src/office/read";
import { createMissingInputSheets } from "../src/office/template";
import { DoubleError, ExcelDouble } from "./support/excel-double";
import { setupOf } from "./support/excel-double/grids";
import { exampleGrids } from "./grids";
import { checkWorkbook } from "../src/job/check";
import { planBuild } from "../src/job/build";
import { watchWorkbook } from "../src/taskpane/excel-changes";

/** The error codes Office.js declares (from @types/office-js, i.e. Microsoft's reference). */
function declaredCodes(): string[] {
  const dts = readFileSync(path.join(__dirname, "..", "node_modules", "@types", "office-js", "index.d.ts"), "utf8");
  const excel = /enum ErrorCodes \{([\s\S]*?)\n {4}\}/.exec(dts.slice(dts.indexOf("declare namespace Excel")))?.[1] ?? "";
  const common = /class ErrorCodes \{([\s\S]*?)\n {4}\}/.exec(dts.slice(dts.indexOf("declare namespace OfficeExtension")))?.[1] ?? "";
  const codes = [...excel.matchAll(/= "(\w+)"/g)].map((m) => m[1]);
  codes.push(...[...common.matchAll(/static (\w+): string;/g)].map((m) => m[1].charAt(0).toUpperCase() + m[1].slice(1)));
  return [...new Set(codes)];
}

describe("Office.js errors in Dutch", () => {
  test("every code of Excel.ErrorCodes and OfficeExtension.ErrorCodes has its own sentence", () => {
    const codes = declaredCodes();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes).toEqual(expect.arrayContaining(["AccessDenied", "ItemNotFound", "ItemAlreadyExists", "InvalidArgument", "ResponsePayloadSizeLimitExceeded", "PropertyNotLoaded"]));
    expect(codes.filter((c) => !KNOWN_CODES.includes(c))).toEqual([]);
    for (const c of codes) expect(dutchMessage(new DoubleError(c, "raw"))).not.toMatch(/niet kent|raw/);
  });

  test("the host turns an AccessDenied from Excel into a sentence that says what to do", async () => {
    const grids = exampleGrids();
    const xl = new ExcelDouble({ sheets: [...setupOf(grids), { name: "Logboek", visibility: "Hidden", rows: [["Tijdstip"]], protected: true }] });
    const restore = xl.install();
    try {
      const host = new ExcelHost();
      const read = await host.read();
      const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets });
      if (!built.ok) throw new Error(built.message);
      const err = await host.write(built.plan, built.records, () => undefined).catch((e: Error) => e);
      expect(String((err as Error).message)).toMatch(/beveilig.*opnieuw.*\(Excel: AccessDenied\)/);
    } finally {
      restore();
    }
  });
});

describe("the template in Excel", () => {
  test.each(["web", "excel2021"] as const)("all input sheets are created in forms Excel accepts (%s), and read back with their headers", async (profile) => {
    const xl = new ExcelDouble({ profile, sheets: [{ name: "Blad1" }] });
    const made = await createMissingInputSheets(xl.context(), 2025, xl.supports);
    const expected = templateSheets({ year: 2025 });
    expect(made).toEqual(expected.map((t) => t.name));
    const state = await readExcelWorkbook(xl.context());
    for (const t of expected) {
      const grid = state.grids.sheets.find((g) => g.name === t.name);
      expect([t.name, grid?.rows[0]]).toEqual([t.name, t.headers]);
      const fmt = t.columns.findIndex((c) => c.numFmt);
      if (fmt >= 0 && !t.settingCells) {
        expect(xl.cell(t.name, `${String.fromCharCode(65 + fmt)}${t.lastRow}`).numberFormat).toBe(t.columns[fmt].numFmt);
      }
    }
    expect(xl.tables.map((t) => t.name)).toEqual(expected.map((t) => t.name.replace(/\s+/g, "_")));
  });
});

describe("the pane's stale marking (src/taskpane/excel-changes.ts) against the double's events", () => {
  test("the add-in's own builds and rebuilds mark nothing stale (events off while writing); a person's edit of an input does", async () => {
    const xl = new ExcelDouble({ sheets: setupOf(exampleGrids()) });
    const restore = xl.install();
    try {
      const host = new ExcelHost();
      const buildOnce = async () => {
        const read = await host.read();
        const built = planBuild(checkWorkbook(read.grids), { otherSheets: read.otherSheets });
        if (!built.ok) throw new Error(built.message);
        await host.write(built.plan, built.records, () => undefined);
      };
      await buildOnce();
      const changes: string[] = [];
      await watchWorkbook((sheet) => void changes.push(sheet));
      // a rebuild adds staging sheets and deletes them again: with events on, the deletes would reach the pane
      await buildOnce();
      await xl.settled();
      expect(changes).toEqual([]);
      xl.userEdit("6.5 Financieel", "B2", 1);
      xl.userEdit("Formatie", "D2", 1);
      await xl.settled();
      expect(changes).toEqual(["Formatie"]);
    } finally {
      restore();
    }
  });
});
