/** The contract's columns per input sheet (docs/werkmapcontract.md): key, header, required. */
import type { InputSheetKey } from "../domain/glossary";
import type { ColumnSpec } from "./table";

const col = (key: string, header: string, required = false): ColumnSpec => ({ key, header, required });

export const COLUMNS = {
  salaryTable: [col("effective", "Ingangsdatum", true), col("scale", "Schaal", true), col("minimum", "Minimum"), col("maximum", "Maximum", true), col("status", "Status")],
  formation: [col("function", "Functie", true), col("service", "Pakket", true), col("scale", "Schaal", true), col("fte", "Fte", true), col("occupancy", "Bezetting"), col("note", "Toelichting"),
    col("changeDate", "Wijziging per"), col("fteAfterChange", "Fte na wijziging")],
  ledger: [col("month", "Maand", true), col("category", "Categorie", true), col("amount", "Bedrag", true), col("description", "Omschrijving"), col("caseId", "Dossier")],
  sickLeave: [
    col("caseId", "Dossier", true), col("service", "Pakket"), col("kind", "Soort", true), col("start", "Startdatum", true), col("end", "Einddatum"),
    col("fte", "Vervanging fte"), col("expected", "Verwachte kosten", true), col("decision", "Besluit"), col("decisionDate", "Datum besluit"), col("adviceRef", "Kenmerk adviesnota"),
    col("reestimate", "Opnieuw ramen"),
  ],
  products: [col("month", "Maand", true), col("service", "Pakket", true), col("product", "Product", true), col("count", "Aantal", true)],
  serviceMonths: [
    col("month", "Maand", true), col("slotsAvailable", "Beschikbare plekken"), col("slotsOpen", "Open plekken"), col("appointments", "Afspraken"), col("walkIns", "Vrije inloop"),
    col("callbacks", "Terugbelverzoeken"), col("callbacksOnTime", "Terugbelverzoeken op tijd"), col("requests", "Verzoeken"), col("requestsOnTime", "Verzoeken op tijd"),
    col("objections", "Bezwaarschriften"), col("complaints", "Klachten"),
  ],
  openingHours: [col("service", "Dienst", true), col("day", "Dag", true), col("from", "Van", true), col("to", "Tot", true)],
  qualitative: [col("topic", "Onderwerp", true), col("month", "Maand"), col("text", "Tekst", true)],
  selfEvaluation: [col("part", "Onderdeel", true), col("score", "Score", true), col("norm", "Norm")],
  elections: [
    col("name", "Verkiezing", true), col("date", "Datum"), col("phase", "Fase", true), col("progress", "Voortgang"), col("evaluation", "Evaluatie"),
    col("bottlenecks", "Knelpunten"), col("improvements", "Verbeterpunten"),
  ],
  privacy: [col("month", "Maand", true), col("kind", "Soort", true), col("count", "Aantal", true), col("reported", "Gemeld bij AP"), col("note", "Toelichting")],
  ledgerMap: [col("account", "Rekening", true), col("costCentre", "Kostenplaats"), col("category", "Categorie", true), col("description", "Omschrijving")],
} as const satisfies Partial<Record<InputSheetKey, readonly ColumnSpec[]>>;

/**
 * Realisatie as a financial system exports it (docs/werkmapcontract.md): `Rekening` (and optionally `Kostenplaats`)
 * instead of `Categorie`, mapped to a category on the `Grootboek` sheet; `Boekdatum` instead of `Maand`;
 * `Debet`/`Credit` instead of `Bedrag`. Each pair is an alternative: the template's column wins when both
 * are there.
 */
/** Verzuim `Opnieuw ramen`: `ja` set by next-year; the accounthouder confirms a new estimate by clearing it or typing `nee`. */
export const REESTIMATE = ["ja", "nee"] as const;

export const LEDGER_EXPORT_COLUMNS = [
  col("account", "Rekening"), col("costCentre", "Kostenplaats"), col("bookingDate", "Boekdatum"), col("debit", "Debet"), col("credit", "Credit"),
] as const;

