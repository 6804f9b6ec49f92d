/** The task pane's download names, and which sheets count as the add-in's own (not input changes). */
import { downloadName } from "../src/taskpane/file-host";
import { isOwnSheet } from "../src/taskpane/excel-changes";

describe("download names say what the file is", () => {
  test.each([
    ["invoer-2026.xlsx", "report", "invoer-2026-rapport.xlsx"],
    ["invoer-2026.xlsx", "submit", "invoer-2026-ter-ondertekening.xlsx"],
    ["invoer-2026.xlsx", "sign", "invoer-2026-getekend.xlsx"],
    ["invoer-2026.xlsx", "reopen", "invoer-2026-heropend.xlsx"],
    // a download chosen again does not pile up suffixes
    ["invoer-2026-rapport.xlsx", "sign", "invoer-2026-getekend.xlsx"],
    ["invoer-2026-ter-ondertekening.XLSX", "sign", "invoer-2026-getekend.xlsx"],
    ["invoer-2026-getekend.xlsx", "reopen", "invoer-2026-heropend.xlsx"],
    ["rapport.xlsx", "report", "rapport-rapport.xlsx"],
    [".xlsx", "report", "werkmap-rapport.xlsx"],
  ] as const)("%s, %s → %s", (chosen, kind, expected) => {
    expect(downloadName(chosen, kind)).toBe(expected);
  });
});

describe("changes to the add-in's own sheets are not input changes", () => {
  test.each(["Addendum 2026", "6.5 Financieel", "Controle", "Berekening", "Logboek", "_dvo_ondertekening", "_dvo_momentopname"])("%s is the add-in's own", (name) => {
    expect(isOwnSheet(name)).toBe(true);
  });
  test.each(["Formatie", "Instellingen", "Realisatie", "Salaristabel", "Addenda", ""])("%s is input (or unknown)", (name) => {
    expect(isOwnSheet(name)).toBe(false);
  });
});
