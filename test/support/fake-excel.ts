/**
 * A recording stand-in for the Excel objects the Office.js writer touches (sheets, ranges, formats,
 * charts). Wrapped in office-addin-mock's OfficeMockObject as the request context, it lets a test count
 * context.sync() calls and inspect every value written, per sheet.
 */
import { OfficeMockObject } from "office-addin-mock";
import { FakeSheet } from "./fake-sheets";

export { FakeRange, FakeSheet } from "./fake-sheets";

export interface FakeExcel {
  context: Excel.RequestContext;
  mock: OfficeMockObject;
  added: FakeSheet[];
  touched: string[];
  sheet(name: string): FakeSheet;
}

/** `existing`: the names of the sheets already in the workbook. */
export function fakeExcel(existing: string[]): FakeExcel {
  const sheets = new Map(existing.map((n) => [n, new FakeSheet(n)]));
  const added: FakeSheet[] = [];
  const touched: string[] = [];
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        add: (name: string) => {
          const s = new FakeSheet(name);
          sheets.set(name, s);
          added.push(s);
          return s;
        },
        getItem: (name: string) => {
          touched.push(name);
          // by current name: a sheet renamed earlier in the batch is found under its new name
          const s = [...sheets.values()].find((x) => x.name === name && !x.deleted);
          if (!s) throw new Error(`ItemNotFound: ${name}`);
          return s;
        },
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => undefined,
      suspendScreenUpdatingUntilNextSync: () => undefined,
    },
  });
  return {
    context: mock as unknown as Excel.RequestContext,
    mock,
    added,
    touched,
    sheet: (name) => {
      const s = [...sheets.values()].reverse().find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
  };
}
