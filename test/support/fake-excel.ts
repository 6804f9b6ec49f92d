/**
 * A recording stand-in for the Excel objects the Office.js writer touches (sheets, ranges, formats,
 * charts). Wrapped in office-addin-mock's OfficeMockObject as the request context, it lets a test count
 * context.sync() calls and inspect every value written, per sheet.
 */
import { OfficeMockObject } from "office-addin-mock";

export class FakeRange {
  numberFormat: unknown;
  formulas: unknown;
  values: unknown;
  cleared = false;
  format = { font: {} as Record<string, unknown>, fill: {} as Record<string, unknown>, borders: { getItem: () => ({}) }, wrapText: false, columnWidth: 0 };
  conditionalFormats = { add: () => ({ custom: { rule: {} as Record<string, unknown>, format: { fill: {}, font: {} } } }) };
  dataValidation = { rule: undefined as unknown };
  constructor(readonly address: string) {}
  clear(): void {
    this.cleared = true;
  }
  merge(): void {}
}

export class FakeSheet {
  ranges: FakeRange[] = [];
  deleted = false;
  visibility = "Visible";
  showGridlines = true;
  frozenRows = 0;
  charts = { add: () => ({ title: {}, setPosition: () => undefined, series: { getItemAt: () => ({ setXAxisValues: () => undefined }), add: () => ({ setValues: () => undefined, setXAxisValues: () => undefined }) } }) };
  freezePanes = { freezeRows: (n: number) => void (this.frozenRows = n) };
  pageLayout = {};
  tables = { add: () => ({}) };
  protection = { protected: false, load: () => this.protection, protect: () => void (this.protection.protected = true) };
  constructor(public name: string) {}
  getRange(address: string): FakeRange {
    const r = new FakeRange(address);
    this.ranges.push(r);
    return r;
  }
  getRanges(address: string): FakeRange {
    return this.getRange(address);
  }
  activate(): void {}
  delete(): void {
    this.deleted = true;
  }
}

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
