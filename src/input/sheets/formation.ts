/** `Formatie`: one row per function — package, scale, fte, occupancy, and a dated change for the forecast. */
import { dutchDate } from "../../domain/dates";
import { normaliseScale } from "../../domain/salary";
import { OCCUPANCY, SERVICE_CODES, type FormationRow } from "../../domain/types";
import { errorValueProblem, nl, tooLong } from "../cells";
import { isBlank, isCellError } from "../grid";
import type { TableReader } from "../table";

export function readFormation(t: TableReader | null): FormationRow[] | null {
  if (!t) return null;
  return t.rows((row) => {
    const functionName = t.text(row, "function", true);
    const service = t.choice(row, "service", SERVICE_CODES);
    const scaleRaw = t.raw(row, "scale");
    let scale: string | undefined;
    if (isBlank(scaleRaw)) t.problem(row, "scale", t.emptyMessage(row, "scale", "Schaal is leeg: vul de schaal van deze functie in (bijvoorbeeld 8 of 10A)."));
    else if (tooLong(scaleRaw)) t.problem(row, "scale", `Schaal: ${tooLong(scaleRaw)}`);
    else if (typeof scaleRaw === "number" || typeof scaleRaw === "string") scale = normaliseScale(scaleRaw);
    else t.problem(row, "scale", isCellError(scaleRaw) ? `Schaal: ${errorValueProblem(scaleRaw)}` : "Schaal: vul een schaal in als tekst of getal (bijvoorbeeld 8 of 10A).");
    const fte = t.number(row, "fte", { required: true, min: 0, minExclusive: true, max: 100 });
    const occupancy = t.has("occupancy") ? t.choice(row, "occupancy", OCCUPANCY, false) : undefined;
    const note = t.text(row, "note") ?? "";
    if (fte !== undefined && fte > 10) t.problem(row, "fte", `Fte ${nl(fte)} op één regel is ongebruikelijk veel: controleer of dit klopt (1 fte = een volledige baan).`, "waarschuwing");
    const change = readFormationChange(t, row, occupancy ?? null);
    if (functionName === undefined || service === undefined || scale === undefined || fte === undefined) return undefined;
    return { row, functionName, service, scale, fte, occupancy: occupancy ?? null, note, ...change };
  });
}

/**
 * `Wijziging per` and `Fte na wijziging` (optional; docs/werkmapcontract.md): only for the forecast
 * *bezetting*. A change that cannot count is a waarschuwing on its cell.
 */
function readFormationChange(t: TableReader, row: number, occupancy: FormationRow["occupancy"]): Pick<FormationRow, "changeDate" | "fteAfterChange"> {
  const changeDate = t.has("changeDate") ? t.date(row, "changeDate") ?? null : null;
  const fteAfterChange = t.has("fteAfterChange") ? t.number(row, "fteAfterChange", { min: 0, max: 100 }) ?? null : null;
  if (fteAfterChange !== null && changeDate === null && isBlank(t.raw(row, "changeDate"))) {
    t.problem(row, "fteAfterChange", `Fte na wijziging ${nl(fteAfterChange)} telt niet mee zonder datum: vul in de kolom 'Wijziging per' de datum in waarop de fte verandert, of maak deze cel leeg.`, "waarschuwing", "formation-change-incomplete");
  }
  if (changeDate !== null && fteAfterChange === null && occupancy !== "Vacature" && isBlank(t.has("fteAfterChange") ? t.raw(row, "fteAfterChange") : null)) {
    t.problem(row, "changeDate", `Wijziging per ${dutchDate(changeDate)} verandert niets: deze regel is geen vacature. Vul 'Fte na wijziging' in (de bezette fte vanaf die datum), of zet Bezetting op 'Vacature' als de plaats dan wordt vervuld.`, "waarschuwing", "formation-change-incomplete");
  }
  // only what is filled in: a row without a change reads as before the columns existed
  return { ...(changeDate !== null ? { changeDate } : {}), ...(fteAfterChange !== null ? { fteAfterChange } : {}) };
}
