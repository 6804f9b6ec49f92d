/** Recording stand-ins for the Excel sheets and ranges the Office.js writer touches (tests and benchmark). */

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
