/** `Salaristabel`: the Cao maxima per scale and effective date, and whether they cover every month of the year. */
import { compareDates, dutchDate, MONTH_NAMES } from "../../domain/dates";
import { normaliseScale, rowInForce } from "../../domain/salary";
import { SALARY_STATUSES, type FormationRow, type SalaryRow } from "../../domain/types";
import { errorValueProblem, nl, tooLong } from "../cells";
import { a1, isBlank, isCellError, type Problem } from "../grid";
import type { SheetLayout, TableReader } from "../table";
import { SALARY } from "./limits";

export function readSalaryTable(t: TableReader | null, scalesWithFout: Set<string>): SalaryRow[] | null {
  if (!t) return null;
  const seen = new Map<string, number>();
  const scaleOfRow = new Map<number, string>();
  const rows = t.rows((row) => {
    const effective = t.date(row, "effective", true);
    const scaleRaw = t.raw(row, "scale");
    let scale: string | undefined;
    if (isBlank(scaleRaw)) t.problem(row, "scale", t.emptyMessage(row, "scale", "Schaal is leeg: vul de schaal in (bijvoorbeeld 8 of 10A)."));
    else if (tooLong(scaleRaw)) t.problem(row, "scale", `Schaal: ${tooLong(scaleRaw)}`);
    else if (typeof scaleRaw === "number" || typeof scaleRaw === "string") scale = normaliseScale(scaleRaw);
    else t.problem(row, "scale", isCellError(scaleRaw) ? `Schaal: ${errorValueProblem(scaleRaw)}` : "Schaal: vul een schaal in als tekst of getal (bijvoorbeeld 8 of 10A).");
    if (scale !== undefined) scaleOfRow.set(row, scale);
    const maximum = t.number(row, "maximum", { required: true, min: 0, minExclusive: true, limit: SALARY });
    const minimum = t.number(row, "minimum", { min: 0, limit: SALARY });
    const status = t.has("status") ? t.choice(row, "status", SALARY_STATUSES, false) : undefined;
    if (effective === undefined || scale === undefined || maximum === undefined) return undefined;
    if (minimum !== undefined && minimum > maximum) t.problem(row, "minimum", `Minimum ${nl(minimum)} is hoger dan het maximum ${nl(maximum)}: controleer deze schaal.`, "waarschuwing");
    const key = `${scale}|${dutchDate(effective)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      t.problem(row, "scale", `Schaal ${scale} per ${dutchDate(effective)} staat twee keer in de tabel (ook in rij ${earlier}): verwijder een van beide.`);
      return undefined;
    }
    seen.set(key, row);
    return status ? { row, effective, scale, minimum: minimum ?? null, maximum, status } : { row, effective, scale, minimum: minimum ?? null, maximum };
  });
  const kept = new Set(rows.map((r) => r.row));
  for (const [row, scale] of scaleOfRow) if (!kept.has(row)) scalesWithFout.add(scale);
  return rows;
}

/**
 * docs/rekenregels.md §1: every scale in Formatie needs a Salaristabel row in force for every month of the
 * year. A scale whose own Salaristabel row has a fout is left to that fout. A table whose newest amounts
 * took effect before the previous year still applies (§1), but is most likely not updated for this year:
 * a waarschuwing that names the scales and the months. `f`: where Formatie was read.
 */
export function checkSalaryCoverage(
  year: number, table: SalaryRow[], formation: FormationRow[], f: SheetLayout | undefined, problems: Problem[], scalesWithFout: Set<string>,
): void {
  if (!f) return;
  const reported = new Set<string>();
  const stale: Array<{ scale: string; row: number; since: SalaryRow["effective"] }> = [];
  for (const row of formation) {
    if (reported.has(row.scale) || scalesWithFout.has(row.scale)) continue;
    reported.add(row.scale);
    const months: number[] = [];
    for (let m = 1; m <= 12; m++) if (!rowInForce(table, row.scale, year, m)) months.push(m);
    const december = rowInForce(table, row.scale, year, 12);
    if (months.length === 0 && december && december.effective.year < year - 1) stale.push({ scale: row.scale, row: row.row, since: december.effective });
    if (months.length === 0) continue;
    const known = table.some((r) => r.scale === row.scale);
    problems.push({
      severity: "fout", code: "salary-missing",
      sheet: f.sheet,
      cell: a1(row.row, f.columns.scale),
      message: known
        ? `Schaal ${row.scale} heeft in de Salaristabel geen maximum dat geldt in ${MONTH_NAMES[months[0] - 1]} ${year}${months.length > 1 ? ` (en ${months.length - 1} andere maanden)` : ""}: voeg een regel toe met een ingangsdatum op of voor ${dutchDate({ year, month: months[0], day: 1 })}.`
        : `Schaal ${row.scale} staat niet in de Salaristabel (geen maximum voor ${MONTH_NAMES[months[0] - 1]} ${year}): voeg de schaal toe of kies een bestaande schaal.`,
    });
  }
  if (stale.length > 0) {
    const newest = stale.map((s) => s.since).reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
    const scales = stale.map((s) => s.scale);
    const list = scales.length === 1 ? scales[0] : `${scales.slice(0, -1).join(", ")} en ${scales[scales.length - 1]}`;
    problems.push({
      severity: "waarschuwing", code: "salary-stale",
      sheet: f.sheet,
      cell: a1(stale[0].row, f.columns.scale),
      message: `Schaal ${list}: de Salaristabel heeft geen bedragen die ingaan na ${dutchDate(newest)}, dus voor januari tot en met december ${year} gelden de maxima van ${dutchDate(newest)}. Controleer of de Salaristabel de cao-bedragen voor ${year} bevat en voeg ze zo nodig toe.`,
    });
  }
}
