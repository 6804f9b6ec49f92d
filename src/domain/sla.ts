/**
 * What depends on the SLA version (docs/werkmapcontract.md, SLA-versie): which version belongs to a year, and
 * the texts the report quotes from each version.
 */
import type { SlaVersion } from "./types";

/** SLA 2023 for 2023 (and before), SLA 2024 from 2024 on: the SLA 2024 took effect on 1-1-2024. */
export function slaVersionForYear(year: number): SlaVersion {
  return year <= 2023 ? 2023 : 2024;
}

/** The sick-leave rule as the SLA of that version words it, for the note under the sick-leave cases. */
export function sickLeaveNote(version: SlaVersion): string {
  return version === 2023
    ? "SLA 2023: bij langdurig verzuim wordt een adviesnota opgesteld; regisseur en teamleider Dienstverlening bespreken die. De kosten die uit de adviesnota voortvloeien zijn voor rekening van de gemeente Ommen."
    : "SLA 2024: eerst alternatieven bekijken; zonder overschrijding besluit de teamleider, bij overschrijding gaat een adviesnota ter besluitvorming naar de gemeentesecretaris van de opdrachtgever. Alleen meerkosten van een adviesnota met besluit Akkoord zijn voor de opdrachtgever; bij Afgewezen worden ze binnen het plafond opgevangen.";
}
