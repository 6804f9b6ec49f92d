/** `Verzuim`: sick-leave cases by case number (never names: AVG). */
import { compareDates, dutchDate } from "../../domain/dates";
import { SHEETS } from "../../domain/glossary";
import { DECISIONS, SERVICE_CODES, SICK_LEAVE_KINDS, type SickLeaveCase } from "../../domain/types";
import { shown } from "../cells";
import { REESTIMATE } from "../columns";
import { a1, cellAt, lastCol, type Problem, type WorkbookGrids } from "../grid";
import { findSheet, norm, type TableReader } from "../table";
import { EURO } from "./limits";

/** Headers that suggest personal names in Verzuim (AVG: case numbers only). */
const NAME_HEADERS = ["naam", "namen", "medewerker", "werknemer", "voornaam", "achternaam", "personeelslid", "collega", "zieke"];

export function readSickLeave(t: TableReader, grids: WorkbookGrids, problems: Problem[]): { cases: SickLeaveCase[]; ids: Set<string> } {
  // AVG: warn about any column whose header looks like it holds names.
  const grid = findSheet(grids, SHEETS.sickLeave);
  if (grid) {
    const width = lastCol(grid);
    for (let c = 1; c <= width; c++) {
      const h = cellAt(grid, t.layout.headerRow, c);
      if (typeof h === "string" && NAME_HEADERS.some((n) => norm(h).split(/[\s_-]+/).includes(n))) {
        problems.push({
          severity: "waarschuwing", code: "health-data-column",
          sheet: t.sheet,
          cell: a1(t.layout.headerRow, c),
          message: `De kolom ${shown(h.trim()).replace(/^"|"$/g, "'")} lijkt namen te bevatten: verwijder deze kolom. Verzuimgegevens zijn gezondheidsgegevens (AVG); werk alleen met dossiernummers. De add-in neemt deze kolom nergens over.`,
        });
      }
    }
  }
  const seen = new Map<string, number>();
  const cases = t.rows((row) => {
    const caseIdRaw = t.text(row, "caseId", true);
    const caseId = caseIdRaw?.toUpperCase();
    const service = t.has("service") ? t.choice(row, "service", SERVICE_CODES, false) : undefined;
    const kind = t.choice(row, "kind", SICK_LEAVE_KINDS);
    const start = t.date(row, "start", true);
    const end = t.has("end") ? t.date(row, "end") : undefined;
    const fte = t.has("fte") ? t.number(row, "fte", { min: 0, max: 100 }) : undefined;
    const expected = t.number(row, "expected", { required: true, min: 0, limit: EURO });
    const decision = t.has("decision") ? t.choice(row, "decision", DECISIONS, false) : undefined;
    const decisionDate = t.has("decisionDate") ? t.date(row, "decisionDate") : undefined;
    const adviceRef = t.has("adviceRef") ? t.text(row, "adviceRef") : "";
    // next-year's mark: a waarschuwing until the accounthouder confirms a new estimate by clearing it
    const reestimate = t.has("reestimate") ? t.choice(row, "reestimate", REESTIMATE, false) : undefined;
    if (reestimate === "ja") {
      t.problem(row, "reestimate", `Dossier ${caseId ?? "(zonder nummer)"} is overgenomen uit het vorige jaar met als verwachte kosten wat er toen nog over was: raam de verwachte kosten voor dit jaar opnieuw en maak daarna deze cel leeg (of typ 'nee').`, "waarschuwing", "sick-leave-reestimate");
    }
    if (caseId !== undefined) {
      const earlier = seen.get(caseId);
      if (earlier !== undefined) t.problem(row, "caseId", `Dossier ${caseId} komt twee keer voor (ook in rij ${earlier}): elk dossier staat op één regel.`);
      else seen.set(caseId, row);
    }
    if (start && end && compareDates(end, start) < 0) t.problem(row, "end", `Einddatum ${dutchDate(end)} ligt voor de startdatum ${dutchDate(start)}: controleer de data.`);
    if (caseId === undefined || kind === undefined || start === undefined || expected === undefined) return undefined;
    return {
      row, caseId, service: service ?? null, kind, start, end: end ?? null, replacementFte: fte ?? null, expectedCost: expected,
      decision: decision ?? "Open", decisionDate: decisionDate ?? null, adviceNoteRef: adviceRef ?? "",
      ...(reestimate === "ja" ? { reestimate: true } : {}),
    };
  });
  return { cases, ids: new Set(seen.keys()) };
}
