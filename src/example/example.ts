/**
 * The bundled example: the worked example of docs/rekenregels.md (year 2025) as an input workbook, with plausible
 * sample rows for the optional sheets. The cost inputs are exactly those of docs/rekenregels.md; the service,
 * quality, election and privacy rows are invented for demonstration. Sick leave carries case numbers
 * only, never names. Plain data: the file host makes the workbook of it (src/xlsx/example.ts).
 */
import type { ServiceCode } from "../domain/types";
import type { TemplateOptions, TemplateRow } from "../input/template";

export const EXAMPLE_YEAR = 2025;

/** A date cell for day `d` of month `m` of year `y` (UTC midnight). */
const date = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

const FORMATION: Array<[string, ServiceCode, number, number]> = [
  ["Medewerker publiekszaken frontoffice", "Balie", 7, 3.0],
  ["Medewerker publiekszaken backoffice", "BRP", 8, 1.5],
  ["Medewerker burgerlijke stand", "Burgerlijke stand", 8, 1.0],
  ["Specialist naturalisatie en VOE", "Naturalisatie", 9, 0.8],
  ["Functioneel beheerder burgerzaken", "Functioneel beheer", 9, 0.6],
  ["Kwaliteitsmedewerker BRP", "Kwaliteit BRP", 8, 0.4],
  ["Coordinator verkiezingen", "Verkiezingen", 9, 0.3],
  ["Medewerker begraafplaatsadministratie", "Begraafplaatsadministratie", 7, 0.4],
  ["Adviseur informatievoorziening", "Advisering I&A", 11, 0.2],
];

function formationRows(): TemplateRow[] {
  return FORMATION.map(([functie, pakket, schaal, fte]) => ({
    Functie: functie, Pakket: pakket, Schaal: schaal, Fte: fte, Bezetting: "Bezet", Toelichting: null,
  }));
}

function ledgerRows(): TemplateRow[] {
  const rows: TemplateRow[] = [];
  const add = (maand: number, categorie: string, bedrag: number, omschrijving: string, dossier: string | null = null) =>
    rows.push({ Maand: maand, Categorie: categorie, Bedrag: bedrag, Omschrijving: omschrijving, Dossier: dossier });
  for (let m = 1; m <= 7; m++) add(m, "Loonkosten", 47250, `Salarissen team burgerzaken Ommen, maand ${m}`);
  for (const m of [4, 5, 6]) add(m, "Vervanging", 6150, `Inhuur vervanging backoffice BRP, maand ${m}`, "V-2025-01");
  add(2, "Vervanging", 2400, "Inhuur vervanging balie", "V-2025-02");
  add(3, "Opleiding", 1850, "Cursus burgerlijke stand (BABS)");
  add(5, "Opleiding", 2200, "Training identiteitsfraude");
  add(6, "Aanvullende dienstverlening", 4380.5, "Extra avondopenstelling reisdocumenten");
  add(2, "Overig", 640, "Vakliteratuur en abonnementen");
  return rows;
}

function sickLeaveRows(): TemplateRow[] {
  return [
    {
      Dossier: "V-2025-01", Pakket: "BRP", Soort: "Lang", Startdatum: date(2025, 4, 1), Einddatum: null, "Vervanging fte": null,
      "Verwachte kosten": 36900, Besluit: "Teamleider", "Datum besluit": null, "Kenmerk adviesnota": null,
    },
    {
      Dossier: "V-2025-02", Pakket: "Balie", Soort: "Kort", Startdatum: date(2025, 2, 3), Einddatum: null, "Vervanging fte": null,
      "Verwachte kosten": 2400, Besluit: "Teamleider", "Datum besluit": null, "Kenmerk adviesnota": null,
    },
  ];
}

const PRODUCTS: Array<[ServiceCode, string, number[]]> = [
  ["Balie", "Paspoort", [212, 236, 298, 341, 365, 322]],
  ["Balie", "Identiteitskaart", [174, 181, 205, 226, 240, 213]],
  ["Balie", "Rijbewijs", [131, 126, 149, 158, 162, 140]],
  ["Balie", "Uittreksel BRP", [38, 42, 36, 40, 35, 31]],
  ["BRP", "Verhuizing binnen de gemeente", [61, 55, 67, 72, 70, 88]],
  ["BRP", "Vestiging uit andere gemeente", [44, 39, 51, 48, 57, 63]],
  ["BRP", "Adresonderzoek", [6, 4, 7, 5, 8, 6]],
  ["Burgerlijke stand", "Geboorteakte (aangifte geboorte)", [14, 11, 16, 13, 15, 17]],
  ["Burgerlijke stand", "Huwelijk en geregistreerd partnerschap", [3, 4, 6, 9, 12, 15]],
  ["Burgerlijke stand", "Aangifte overlijden", [19, 17, 15, 14, 12, 13]],
  ["Naturalisatie", "Verzoek naturalisatie", [2, 3, 1, 4, 2, 3]],
  ["Eerste inschrijving", "Eerste inschrijving met VOE", [5, 7, 4, 6, 9, 8]],
  ["Begraafplaatsadministratie", "Verlenging grafrechten", [9, 6, 8, 7, 5, 6]],
];

function productRows(): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let m = 1; m <= 6; m++) {
    for (const [pakket, product, counts] of PRODUCTS) rows.push({ Maand: m, Pakket: pakket, Product: product, Aantal: counts[m - 1] });
  }
  return rows;
}

function serviceRows(): TemplateRow[] {
  // [available, open, appointments, walk-in, callbacks, on time, requests, on time, objections, complaints]
  const data: number[][] = [
    [720, 86, 604, 41, 118, 116, 96, 95, 0, 1],
    [680, 72, 581, 37, 104, 104, 88, 86, 1, 0],
    [760, 58, 672, 45, 131, 127, 102, 101, 0, 2],
    [740, 31, 689, 52, 142, 136, 115, 112, 0, 1],
    [700, 22, 664, 49, 137, 133, 109, 109, 1, 0],
    [720, 40, 660, 44, 126, 125, 99, 97, 0, 0],
  ];
  return data.map((d, i) => ({
    Maand: i + 1, "Beschikbare plekken": d[0], "Open plekken": d[1], Afspraken: d[2], "Vrije inloop": d[3],
    Terugbelverzoeken: d[4], "Terugbelverzoeken op tijd": d[5], Verzoeken: d[6], "Verzoeken op tijd": d[7],
    Bezwaarschriften: d[8], Klachten: d[9],
  }));
}

function qualitativeRows(): TemplateRow[] {
  const note = (onderwerp: string, maand: number | null, tekst: string): TemplateRow => ({ Onderwerp: onderwerp, Maand: maand, Tekst: tekst });
  return [
    note("Formatie", 3, "De vacature voor 0,5 fte frontoffice is per 1 maart ingevuld; de formatie is daarmee volledig bezet."),
    note("Personeel", 4, "Een medewerker backoffice BRP is langdurig uitgevallen (dossier V-2025-01); vervanging is ingehuurd na besluit van de teamleider."),
    note("Meer- en maatwerk", 6, "Op verzoek van Ommen zijn in juni extra avondopenstellingen voor reisdocumenten georganiseerd (aanvullende dienstverlening)."),
    note("Signalen", 5, "=Let op: wachttijd balie loopt op"),
    note("Signalen", 6, "+15% aanvragen reisdocumenten ten opzichte van vorig jaar door de piek in verlopen paspoorten."),
    note("Zelfevaluatie", null, "De zelfevaluatie Reisdocumenten scoort onder de norm van 90%; een verbeterplan voor de uitgifteprocedure is opgesteld."),
    note("Samenwerking", null, "Maandelijks werkoverleg met team burgerzaken Twenterand; werkprocessen BRP zijn gelijkgetrokken."),
  ];
}

function selfEvaluationRows(): TemplateRow[] {
  return [
    { Onderdeel: "BRP", Score: 0.93, Norm: 0.9 },
    { Onderdeel: "Reisdocumenten", Score: 0.88, Norm: 0.9 },
  ];
}

function electionRows(): TemplateRow[] {
  return [
    {
      Verkiezing: "Europees Parlement 2024", Datum: date(2024, 6, 6), Fase: "Afgerond", Voortgang: null,
      Evaluatie: "Verkiezing verliep ordentelijk; de uitslag is tijdig vastgesteld en doorgegeven.",
      Knelpunten: "Werving van stembureauleden verliep moeizaam.",
      Verbeterpunten: "Eerder starten met werving; e-learning voor nieuwe stembureauleden.",
    },
    {
      Verkiezing: "Tweede Kamer 2025", Datum: date(2025, 10, 29), Fase: "Voorbereiding",
      Voortgang: "Stemlokalen vastgelegd; werving stembureauleden loopt; planning OSV-invoer met ICT Twenterand afgestemd.",
      Evaluatie: null, Knelpunten: null, Verbeterpunten: null,
    },
  ];
}

function privacyRows(): TemplateRow[] {
  return [
    { Maand: 2, Soort: "Datalek", Aantal: 1, "Gemeld bij AP": "Nee", Toelichting: "Uittreksel naar verkeerd e-mailadres verzonden; ontvanger heeft het verwijderd." },
    { Maand: 3, Soort: "Gegevensverstrekking", Aantal: 14, "Gemeld bij AP": null, Toelichting: "Verstrekkingen aan derden op grond van de Wet BRP." },
    { Maand: 5, Soort: "Datalek", Aantal: 1, "Gemeld bij AP": "Ja", Toelichting: "Reisdocument meegegeven aan verkeerde persoon; gemeld bij de AP binnen 72 uur." },
    { Maand: 6, Soort: "Gegevensverstrekking", Aantal: 11, "Gemeld bij AP": null, Toelichting: "Verstrekkingen aan derden op grond van de Wet BRP." },
  ];
}

/** The worked example of docs/rekenregels.md as the template's options (salary tables: the template's defaults for 2025). */
export function exampleTemplate(): TemplateOptions {
  return {
    year: EXAMPLE_YEAR,
    settings: {
      reportMonth: 6,
      overheadRate: 0.18,
      ikbRate: 0.1705,
      employerChargesRate: 0.3,
      trainingBudget: 8000,
      additionalServicesBudget: 12000,
      varianceThresholdAmount: 10000,
      varianceThresholdRate: 0.1,
      slaVersion: 2024,
      // the worked example of docs/rekenregels.md keeps the linear forecast; 6.5 shows *bezetting* beside it
      forecastMethod: "lineair",
    },
    rows: {
      formation: formationRows(),
      ledger: ledgerRows(),
      sickLeave: sickLeaveRows(),
      products: productRows(),
      serviceMonths: serviceRows(),
      qualitative: qualitativeRows(),
      selfEvaluation: selfEvaluationRows(),
      elections: electionRows(),
      privacy: privacyRows(),
    },
  };
}
