/**
 * The one rule both hosts use for which sheets are the add-in's (src/records/ownership.ts): the marker
 * sheet's rows, reading them back, the report sheets by name and sheet id, and what a rebuild must leave
 * alone (docs/werkmapcontract.md, "Bladen van de add-in zelf"). The hosts' own tests (office-read, office,
 * xlsx-read, xlsx-package, host-parity) check the same rule through the Excel double and real files.
 */
import { isHiddenRecordSheet, markerRows, otherSheets, ownReportSheets, recordedReportSheets, sheetInTheWay } from "../src/records";

const marker = { product: "dvo-addendum", version: "1.2.3", fingerprint: "ab12", builtAt: "2025-07-01T10:00:00.000Z", reportMonth: 6 };

describe("the marker sheet _dvo_addendum", () => {
  test("its rows: what made the report, then one row per report sheet; the id only where the host has one", () => {
    expect(markerRows(marker, [{ name: "Addendum 2025" }, { name: "Controle" }])).toEqual([
      ["product", "dvo-addendum"], ["versie", "1.2.3"], ["vingerafdruk", "ab12"], ["gemaakt", "2025-07-01T10:00:00.000Z"], ["rapportagemaand", 6],
      ["rapportblad", "Addendum 2025"], ["rapportblad", "Controle"],
    ]);
    expect(markerRows(marker, [{ name: "Controle", id: "{7}" }]).slice(5)).toEqual([["rapportblad", "Controle", "{7}"]]);
  });

  test("read back: only rapportblad rows with a name, never an input sheet, whatever the marker says", () => {
    const rows = [
      ["product", "dvo-addendum"],
      ["rapportblad", "Addendum 2025", "{1}"],
      [" Rapportblad ", " Controle "],
      ["rapportblad", "formatie"],
      ["rapportblad", "  "],
      ["rapportblad", 12],
      ["vingerafdruk", "Berekening"],
    ];
    expect(recordedReportSheets(rows)).toEqual([{ name: "Addendum 2025", id: "{1}" }, { name: "Controle", id: "" }]);
    expect(recordedReportSheets(undefined)).toEqual([]);
  });
});

describe("which sheets are ours", () => {
  const sheets = [{ name: "Formatie", id: "{1}" }, { name: "Controle", id: "{2}" }, { name: "controle (2)", id: "{3}" }];

  test("by name and sheet id; by name alone when no recorded id matches any sheet", () => {
    expect(ownReportSheets([{ name: "Controle", id: "{2}" }], sheets).map((s) => s.id)).toEqual(["{2}"]);
    // the user renamed our sheet away and gave their own sheet its name: the id decides
    expect(ownReportSheets([{ name: "Controle", id: "{3}" }], sheets)).toEqual([]);
    expect(ownReportSheets([{ name: "CONTROLE", id: "" }], sheets).map((s) => s.id)).toEqual(["{2}"]);
    expect(ownReportSheets([{ name: "Controle", id: "{99}" }], sheets).map((s) => s.id)).toEqual(["{2}"]);
  });

  test("the very hidden _dvo sheets are records; the user's own and the inputs are the other sheets", () => {
    expect(isHiddenRecordSheet("_dvo_ondertekening", "veryHidden")).toBe(true);
    expect(isHiddenRecordSheet("_dvo_ondertekening", "hidden")).toBe(false);
    expect(isHiddenRecordSheet("Logboek", "veryHidden")).toBe(false);
    expect(otherSheets(["Formatie", "Mijn blad", "Controle", "Logboek", "_dvo_addendum", "_dvo_oud_1"], ["controle"])).toEqual(["Formatie", "Mijn blad"]);
  });

  test("a rebuild never writes over a sheet that is not ours", () => {
    const ours = (s: { id: string }) => s.id === "{2}";
    expect(sheetInTheWay("controle", sheets, ours)).toBeUndefined();
    expect(sheetInTheWay("FORMATIE", sheets, ours)).toEqual({ name: "Formatie", id: "{1}" });
    expect(sheetInTheWay("Addendum 2025", sheets, ours)).toBeUndefined();
  });
});
