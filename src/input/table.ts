/**
 * Finding an input table on a sheet and reading its rows by header text (docs/werkmapcontract.md): the header row is
 * that of the Excel table with the sheet's name, or else the first row (of the first 20) that holds a
 * known header; columns are matched case- and whitespace-insensitively; extra columns are ignored and
 * empty rows skipped.
 */
import { SHEETS, type InputSheetKey } from "../domain/glossary";
import type { CalendarDate } from "../domain/types";
import { beyondLimit, nl, readChoice, readDate, readFraction, readMonth, readNumber, readText, type Read, type ValueForm } from "./cells";
import { a1, blankAt, cellAt, isBlank, lastCol, lastRow, type CellValue, type Problem, type ProblemCode, type SheetGrid, type WorkbookGrids } from "./grid";

export interface ColumnSpec {
  key: string;
  header: string;
  required: boolean;
}

export interface SheetLayout {
  /** sheet name as found in the workbook */
  sheet: string;
  headerRow: number;
  /** column key → 1-based column number */
  columns: Record<string, number>;
  /** the data rows that were read (non-empty) */
  dataRows: number[];
}

/** Normalise a header or label for matching. */
export function norm(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLowerCase();
}

export function findSheet(grids: WorkbookGrids, name: string): SheetGrid | undefined {
  return grids.sheets.find((g) => g.name === name) ?? grids.sheets.find((g) => norm(g.name) === norm(name));
}

/** Every sheet whose name matches `name` case- and whitespace-insensitively, in workbook order. */
export function findSheets(grids: WorkbookGrids, name: string): SheetGrid[] {
  return grids.sheets.filter((g) => norm(g.name) === norm(name));
}

/**
 * The `fout` for a second sheet that matches an input sheet's name (`Formatie` and `formatie`): the add-in
 * cannot know which one the user means, so it picks neither. Null when at most one sheet matches.
 */
export function duplicateSheetProblem(grids: WorkbookGrids, name: string): Problem | null {
  const found = findSheets(grids, name);
  if (found.length < 2) return null;
  const [a, b] = found;
  const more = found.length > 2 ? ` (en nog ${found.length - 2} ${found.length === 3 ? "blad" : "bladen"})` : "";
  return {
    severity: "fout", code: "sheet-duplicate",
    sheet: b.name,
    cell: "A1",
    message: `De werkbladen '${a.name}' en '${b.name}'${more} hebben voor de add-in dezelfde naam (hoofdletters en spaties tellen niet mee), dus is niet duidelijk welk blad '${name}' is: hernoem of verwijder een van beide.`,
  };
}

/**
 * Forms of the cells read (for formulas): key `${sheetKey}:${field}`, then by row number. One FormColumn
 * per column instead of a key per cell: a ledger of 100,000 rows would otherwise build 500,000 keys.
 */
export type FormMap = Map<string, FormColumn>;

const FORM_CODES: Record<ValueForm, number> = { number: 1, serial: 2, "text-dmy": 3, "text-ymd": 4, text: 5 };
const FORMS: Array<ValueForm | undefined> = [undefined, "number", "serial", "text-dmy", "text-ymd", "text"];

/**
 * One column's forms by row, a byte a row: the rows read of a whole ledger export are a twentieth of a
 * million, and a JavaScript array with such gaps becomes a hash table (slow to fill and to read).
 */
export class FormColumn {
  private codes = new Uint8Array(64);

  set(row: number, form: ValueForm): void {
    if (row >= this.codes.length) {
      const grown = new Uint8Array(Math.max(row + 1, this.codes.length * 2));
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[row] = FORM_CODES[form];
  }

  get(row: number): ValueForm | undefined {
    return row >= 0 && row < this.codes.length ? FORMS[this.codes[row]] : undefined;
  }
}

/** The form in which the cell of `field` in `row` of an input sheet was read; undefined if it was not. */
export function formAt(forms: FormMap, sheetKey: InputSheetKey, field: string, row: number): ValueForm | undefined {
  return forms.get(`${sheetKey}:${field}`)?.get(row);
}

export class TableReader {
  readonly problems: Problem[];
  readonly layout: SheetLayout;
  private readonly grid: SheetGrid;
  private readonly sheetKey: InputSheetKey;
  private readonly forms: FormMap;
  /** this reader's columns of `forms`, by field */
  private readonly formColumns = new Map<string, FormColumn>();
  private rowOk = true;

  private constructor(grid: SheetGrid, sheetKey: InputSheetKey, layout: SheetLayout, problems: Problem[], forms: FormMap) {
    this.grid = grid;
    this.sheetKey = sheetKey;
    this.layout = layout;
    this.problems = problems;
    this.forms = forms;
  }

  /**
   * Open the table of an input sheet. A missing sheet is a `fout` when required; a missing required
   * column is a `fout` at the header row. Returns null when the sheet cannot be read at all.
   */
  static open(
    grids: WorkbookGrids,
    sheetKey: InputSheetKey,
    specs: readonly ColumnSpec[],
    required: boolean,
    problems: Problem[],
    forms: FormMap,
  ): TableReader | null {
    const name = SHEETS[sheetKey];
    const twice = duplicateSheetProblem(grids, name);
    if (twice) {
      problems.push(twice);
      return null;
    }
    const grid = findSheet(grids, name);
    if (!grid) {
      if (required) {
        problems.push({ severity: "fout", code: "sheet-missing", sheet: name, cell: "A1", message: `Het werkblad '${name}' ontbreekt: voeg het toe (maak zo nodig een nieuwe invoerwerkmap met 'dvo-addendum template').` });
      }
      return null;
    }
    const headerRow = locateHeader(grid, specs);
    if (headerRow === null) {
      problems.push({
        severity: "fout", code: "header-missing",
        sheet: grid.name,
        cell: "A1",
        message: `Geen kolomkoppen gevonden op '${grid.name}': zet in rij 1 de kolommen ${specs.filter((s) => s.required).map((s) => `'${s.header}'`).join(", ")}.`,
      });
      return null;
    }
    const columns: Record<string, number> = {};
    const byHeader = new Map<string, number>();
    const firstCol = grid.table?.row === headerRow ? grid.table.col : grid.origin?.col ?? 1;
    // lastCol scans every row: computed once, not per column (a sheet may run to row 1,048,576).
    const width = lastCol(grid);
    const known = new Set(specs.map((s) => norm(s.header)));
    let missing = false;
    for (let c = firstCol; c <= width; c++) {
      const v = cellAt(grid, headerRow, c);
      if (typeof v !== "string" || v.trim() === "") continue;
      const earlier = byHeader.get(norm(v));
      if (earlier === undefined) byHeader.set(norm(v), c);
      else if (known.has(norm(v))) {
        // Two columns with the header of an input column: reading either one would be a silent guess.
        missing = true;
        problems.push({
          severity: "fout", code: "column-duplicate",
          sheet: grid.name,
          cell: a1(headerRow, c),
          message: `De kolom '${v.trim()}' staat twee keer op '${grid.name}' (${grid.name}!${a1(headerRow, earlier)} en ${grid.name}!${a1(headerRow, c)}), dus is niet duidelijk welke telt: hernoem of verwijder een van beide.`,
        });
      }
    }
    for (const s of specs) {
      const c = byHeader.get(norm(s.header));
      if (c !== undefined) columns[s.key] = c;
      else if (s.required) {
        missing = true;
        problems.push({
          severity: "fout", code: "column-missing",
          sheet: grid.name,
          cell: a1(headerRow, firstCol),
          message: `De kolom '${s.header}' ontbreekt op '${grid.name}': voeg een kolom met precies die kop toe in rij ${headerRow}.`,
        });
      }
    }
    if (missing) return null;
    const dataRows: number[] = [];
    const used = Object.values(columns);
    // An Excel table's totals row (Totaal, =SUBTOTAL(…)) sums the data; it is not a row of data itself.
    const table = grid.table;
    const totals = table && table.row === headerRow && table.lastRow !== undefined && (table.totalsRows ?? 0) > 0
      ? { from: table.lastRow - (table.totalsRows ?? 0) + 1, to: table.lastRow }
      : null;
    for (let r = headerRow + 1, last = lastRow(grid); r <= last; r++) {
      if (totals && r >= totals.from && r <= totals.to) continue;
      for (const c of used) {
        if (!blankAt(grid, r, c)) {
          dataRows.push(r);
          break;
        }
      }
    }
    return new TableReader(grid, sheetKey, { sheet: grid.name, headerRow, columns, dataRows }, problems, forms);
  }

  get sheet(): string {
    return this.grid.name;
  }

  has(key: string): boolean {
    return this.layout.columns[key] !== undefined;
  }

  /** Iterate the data rows; `fn` returns a record or undefined. Records of rows with a `fout` are dropped. */
  rows<T>(fn: (row: number) => T | undefined): T[] {
    const out: T[] = [];
    for (const r of this.layout.dataRows) {
      this.rowOk = true;
      const rec = fn(r);
      if (rec !== undefined && this.rowOk) out.push(rec);
    }
    return out;
  }

  /**
   * `raw` for one column, as a function of the row (for a loop over a whole ledger export: the column and
   * the way the grid keeps its cells are looked up once).
   */
  reader(key: string): (row: number) => CellValue {
    const c = this.layout.columns[key];
    if (c === undefined) return () => null;
    const grid = this.grid;
    const store = grid.store;
    return store ? (row) => store.get(row, c) : (row) => cellAt(grid, row, c);
  }

  raw(row: number, key: string): CellValue {
    const c = this.layout.columns[key];
    return c === undefined ? null : cellAt(this.grid, row, c);
  }

  address(row: number, key: string): string {
    return a1(row, this.layout.columns[key] ?? 1);
  }

  problem(row: number, key: string, message: string, severity: "fout" | "waarschuwing" = "fout", code: ProblemCode = "value"): void {
    if (severity === "fout") this.rowOk = false;
    this.problems.push({ severity, code, sheet: this.grid.name, cell: this.address(row, key), message });
  }

  private header(key: string): string {
    const c = this.layout.columns[key];
    const v = c === undefined ? null : cellAt(this.grid, this.layout.headerRow, c);
    return typeof v === "string" ? v.trim() : key;
  }

  private take<T>(row: number, key: string, r: Read<T>): T | undefined {
    if (!r.ok) {
      this.problem(row, key, `${this.header(key)}: ${r.message}`);
      return undefined;
    }
    let column = this.formColumns.get(key);
    if (!column) {
      const k = `${this.sheetKey}:${key}`;
      column = this.forms.get(k) ?? new FormColumn();
      this.forms.set(k, column);
      this.formColumns.set(key, column);
    }
    column.set(row, r.form);
    return r.value;
  }

  /** Blank and required: a `fout`. Blank and optional: undefined, no problem. */
  private blank(row: number, key: string, required: boolean): boolean {
    if (!isBlank(this.raw(row, key))) return false;
    if (required) this.problem(row, key, this.emptyMessage(row, key, `${this.header(key)} is leeg: vul dit in.`));
    return true;
  }

  /**
   * The message for a required cell that is blank: `fallback`, unless the grid knows why the cell reads as
   * blank though the user sees something there (a merged cell, a formula without a saved result).
   */
  emptyMessage(row: number, key: string, fallback: string, label = this.header(key)): string {
    const why = this.grid.blank?.[this.address(row, key)];
    if (!why) return fallback;
    if ("mergedInto" in why) {
      return `${label} is leeg: de cel is samengevoegd met ${why.mergedInto} en telt daardoor als leeg. Hef het samenvoegen op en vul de waarde in elke rij zelf in.`;
    }
    const f = why.formula.length > 40 ? `${why.formula.slice(0, 40)}…` : why.formula;
    return `${label} is leeg: de formule =${f} heeft geen opgeslagen uitkomst (lege tekst, of het bestand is bewaard zonder herberekening). Open het in Excel en sla het opnieuw op, of typ de waarde zelf in.`;
  }

  text(row: number, key: string, required = false): string | undefined {
    if (this.blank(row, key, required)) return required ? undefined : "";
    return this.take(row, key, readText(this.raw(row, key)));
  }

  /**
   * A number; `limit` bounds its size (|x| ≤ limit.value) with a message that names `limit.what`: a figure
   * beyond a sane bound is a typing or export error, and would overflow sums to infinity.
   */
  number(
    row: number,
    key: string,
    opts: { required?: boolean; min?: number; max?: number; minExclusive?: boolean; integer?: boolean; limit?: { value: number; what: string; unit?: string } } = {},
  ): number | undefined {
    if (this.blank(row, key, opts.required ?? false)) return undefined;
    const v = this.take(row, key, readNumber(this.raw(row, key)));
    if (v === undefined) return undefined;
    const h = this.header(key);
    const beyond = opts.limit ? beyondLimit(v, opts.limit.value, opts.limit.what, opts.limit.unit) : null;
    if (beyond) return this.bad(row, key, `${h}: ${beyond}`);
    if (opts.integer && !Number.isInteger(v)) return this.bad(row, key, `${h}: ${nl(v)} is geen heel getal: vul een aantal zonder decimalen in.`);
    if (opts.min !== undefined && (opts.minExclusive ? v <= opts.min : v < opts.min)) {
      return this.bad(row, key, `${h}: ${nl(v)} is te klein: de waarde moet ${opts.minExclusive ? "groter dan" : "minstens"} ${nl(opts.min)} zijn.`);
    }
    if (opts.max !== undefined && v > opts.max) return this.bad(row, key, `${h}: ${nl(v)} is te groot: de waarde mag hoogstens ${nl(opts.max)} zijn.`);
    return v;
  }

  fraction(row: number, key: string, required = false): number | undefined {
    if (this.blank(row, key, required)) return undefined;
    return this.take(row, key, readFraction(this.raw(row, key)));
  }

  date(row: number, key: string, required = false): CalendarDate | undefined {
    if (this.blank(row, key, required)) return undefined;
    return this.take(row, key, readDate(this.raw(row, key)));
  }

  month(row: number, key: string, year: number | null, required = true): number | undefined {
    if (this.blank(row, key, required)) return undefined;
    return this.take(row, key, readMonth(this.raw(row, key), year));
  }

  choice<T extends string>(row: number, key: string, allowed: readonly T[], required = true): T | undefined {
    if (this.blank(row, key, required)) return undefined;
    return this.take(row, key, readChoice(this.raw(row, key), allowed));
  }

  private bad(row: number, key: string, message: string): undefined {
    this.problem(row, key, message);
    return undefined;
  }
}

function locateHeader(grid: SheetGrid, specs: readonly ColumnSpec[]): number | null {
  if (grid.table) return grid.table.row;
  const known = new Set(specs.map((s) => norm(s.header)));
  const first = grid.origin?.row ?? 1;
  const width = lastCol(grid);
  for (let r = first; r <= Math.min(lastRow(grid), first + 19); r++) {
    for (let c = grid.origin?.col ?? 1; c <= width; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v === "string" && known.has(norm(v))) return r;
    }
  }
  return null;
}
