/**
 * Before and after in the Logboek (src/records/values.ts): the snapshot keeps the values of what the addendum
 * depends on and the data sheets' totals per month; a build names each change with its old and new value.
 * The expected sentences are written out by hand from the worked example's figures (test/grids.ts).
 */
import type { CellValue, WorkbookGrids } from "../src/input/grid";
import { parseWorkbook } from "../src/input/parse";
import { diffSnapshots, readSnapshot, SNAPSHOT_SHEET, snapshotRows, takeSnapshot, type Snapshot } from "../src/records";
import { describeBuildChanges, valueEntries, withValues } from "../src/records/values";
import { addRow, date, exampleGrids, setCell, setSetting, sheet } from "./grids";

/** The snapshot a build of these grids keeps, through its stored form (as the next build reads it). */
function kept(g: WorkbookGrids): Snapshot {
  const inputs = parseWorkbook(g).inputs;
  if (!inputs) throw new Error("the example should parse");
  const snap = withValues(takeSnapshot(g), valueEntries(inputs));
  const back = readSnapshot({ sheets: [], meta: { [SNAPSHOT_SHEET]: snapshotRows(snap) } });
  if (!back) throw new Error("no snapshot read back");
  return back;
}

function logText(before: WorkbookGrids, after: WorkbookGrids): { all: string; addendum: string } {
  const a = kept(before);
  const b = kept(after);
  return describeBuildChanges(a, b, diffSnapshots(a, b));
}

test("an fte change, a new salary row, a setting and a booking: each with its old and new value", () => {
  const before = exampleGrids();
  const after = exampleGrids();
  setCell(after, "Formatie", "D3", 1.6);
  addRow(after, "Salaristabel", [date("2025-10-01"), "18A", null, 12000]);
  setSetting(after, "Rapportagemaand", 7);
  addRow(after, "Realisatie", [6, "Overig", 99, "Koffie", null]);
  const { all, addendum } = logText(before, after);
  expect(all).toBe(
    "Instellingen Rapportagemaand: 6 → 7; Salaristabel 1-10-2025 schaal 18A toegevoegd; Formatie rij 3, Fte: 1,50 → 1,60; " +
    "Realisatie: 1 toegevoegd (rij 17); totaal per maand: juni € 57.780,50 → € 57.879,50",
  );
  expect(addendum).toBe("Instellingen Rapportagemaand: 6 → 7; Salaristabel 1-10-2025 schaal 18A toegevoegd; Formatie rij 3, Fte: 1,50 → 1,60");
});

test("a Formatie row inserted at the top moves the others: only the new row is named, not the moved ones", () => {
  const before = exampleGrids();
  const after = exampleGrids();
  const f = sheet(after, "Formatie");
  f.rows.splice(1, 0, ["Teamleider burgerzaken", "Balie", 10, 1, "Bezet", null] as CellValue[]);
  const { all } = logText(before, after);
  expect(all).toBe("Formatie rij 2 toegevoegd (Functie Teamleider burgerzaken, Pakket Balie, Schaal 10, Fte 1,00, Bezetting Bezet)");
});

test("a removed Formatie row and a changed salary maximum", () => {
  const before = exampleGrids();
  const after = exampleGrids();
  sheet(after, "Formatie").rows.splice(9, 1); // the last row, sheet row 10
  const s = sheet(after, "Salaristabel");
  const i = s.rows.findIndex((r) => r[0] instanceof Date && r[0].toISOString().startsWith("2025-04-01") && r[1] === 8);
  s.rows[i][3] = 4500;
  const { all } = logText(before, after);
  expect(all).toMatch(/^Salaristabel 1-4-2025 schaal 8, Maximum: € [\d.]+,\d\d → € 4\.500,00; Formatie rij 10 verwijderd \(Functie Adviseur informatievoorziening, Pakket Advisering I&A, Schaal 11, Fte 0,20, Bezetting Bezet\)$/);
});

test("a snapshot kept before the values (an older workbook) still gives the rows that changed", () => {
  const before = exampleGrids();
  const after = exampleGrids();
  setCell(after, "Formatie", "D3", 1.6);
  const old = takeSnapshot(before);
  const now = kept(after);
  expect(describeBuildChanges(old, now, diffSnapshots(old, now)).all).toBe("Formatie: 1 gewijzigd (rij 3)");
});

test("the values stay small at a large ledger: twelve month totals, whatever the number of bookings", () => {
  const g = exampleGrids();
  const ledger = sheet(g, "Realisatie");
  for (let i = 0; i < 100_000; i++) ledger.rows.push([(i % 6) + 1, "Overig", 1 + (i % 7), `Boeking ${i}`, null]);
  const inputs = parseWorkbook(g).inputs;
  expect(inputs?.ledger.length).toBe(100_000 + 15);
  const values = valueEntries(inputs!);
  const ledgerEntries = snapshotRows(new Map([...values].filter(([k]) => k.endsWith("Realisatie"))));
  expect(ledgerEntries.length).toBe(7);
  const chars = snapshotRows(values).reduce((n, r) => n + r.map(String).join("").length, 0);
  // Instellingen, the example's 63 salary rows, 9 Formatie rows and the month totals: a few kilobytes
  expect(chars).toBeLessThan(8_000);
});
