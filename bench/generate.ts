/**
 * Synthetic but valid input workbooks for the benchmark. Every row passes `parseWorkbook` without a `fout`
 * (checked by `validateCase` before a case is measured). Deterministic: the same case gives the same rows.
 */
import type ExcelJS from "exceljs";
import { COST_CATEGORIES, SERVICE_CODES } from "../src/domain/types";
import { buildInputWorkbook, type TemplateRow } from "../src/xlsx/template";

export interface CaseSize {
  /** Formatie rows */
  formation: number;
  /** Realisatie (ledger) rows */
  ledger: number;
  /** Producten rows */
  products: number;
}

export const YEAR = 2025;
export const REPORT_MONTH = 9;
/** Sick-leave cases on Verzuim; Vervanging bookings refer to them. */
export const SICK_LEAVE_CASES = 12;

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const cents = (r: () => number, min: number, max: number): number => Math.round((min + r() * (max - min)) * 100) / 100;
const date = (m: number, d: number): Date => new Date(Date.UTC(YEAR, m - 1, d));

const FUNCTIONS = [
  "Medewerker publiekszaken frontoffice", "Medewerker publiekszaken backoffice", "Medewerker burgerlijke stand",
  "Specialist naturalisatie en VOE", "Functioneel beheerder burgerzaken", "Kwaliteitsmedewerker BRP",
  "Coordinator verkiezingen", "Medewerker begraafplaatsadministratie", "Adviseur informatievoorziening", "Teamleider burgerzaken",
];
/** Scales present in every cao table of the year. */
const SCALES: ReadonlyArray<string | number> = [5, 6, 7, 8, 9, 10, "10A", 11];

const PRODUCTS: Array<[string, string]> = [
  ["Balie", "Paspoort"], ["Balie", "Identiteitskaart"], ["Balie", "Rijbewijs"], ["Balie", "Uittreksel BRP"],
  ["Balie", "Verklaring omtrent het gedrag"], ["Balie", "Legalisatie handtekening"], ["Balie", "Nooddocument"],
  ["BRP", "Verhuizing binnen de gemeente"], ["BRP", "Vestiging uit andere gemeente"], ["BRP", "Adresonderzoek"],
  ["BRP", "Emigratie"], ["BRP", "Correctie persoonslijst"], ["Burgerlijke stand", "Geboorteakte (aangifte geboorte)"],
  ["Burgerlijke stand", "Huwelijk en geregistreerd partnerschap"], ["Burgerlijke stand", "Aangifte overlijden"],
  ["Burgerlijke stand", "Erkenning"], ["Burgerlijke stand", "Naamskeuze"], ["Naturalisatie", "Verzoek naturalisatie"],
  ["Naturalisatie", "Optieverklaring"], ["Eerste inschrijving", "Eerste inschrijving met VOE"],
  ["Begraafplaatsadministratie", "Verlenging grafrechten"], ["Begraafplaatsadministratie", "Begraving"],
];

function caseId(i: number): string {
  return `V-${YEAR}-${String(i + 1).padStart(2, "0")}`;
}

function formationRows(n: number, r: () => number): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let i = 0; i < n; i++) {
    rows.push({
      Functie: `${pick(r, FUNCTIONS)} ${i + 1}`,
      Pakket: pick(r, SERVICE_CODES),
      Schaal: pick(r, SCALES),
      Fte: Math.round((0.1 + r() * 1.1) * 100) / 100,
      Bezetting: r() < 0.9 ? "Bezet" : "Vacature",
      Toelichting: r() < 0.2 ? "Formatie volgens addendum" : null,
    });
  }
  return rows;
}

function ledgerRows(n: number, r: () => number): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let i = 0; i < n; i++) {
    const month = 1 + (i % REPORT_MONTH);
    const category = r() < 0.6 ? "Loonkosten" : pick(r, COST_CATEGORIES);
    const dossier = category === "Vervanging" ? caseId(Math.floor(r() * SICK_LEAVE_CASES)) : null;
    rows.push({ Maand: month, Categorie: category, Bedrag: cents(r, 5, 2500), Omschrijving: `Boeking ${i + 1} (${category.toLowerCase()})`, Dossier: dossier });
  }
  return rows;
}

function sickLeaveRows(r: () => number): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let i = 0; i < SICK_LEAVE_CASES; i++) {
    rows.push({
      Dossier: caseId(i), Pakket: pick(r, SERVICE_CODES), Soort: i % 3 === 0 ? "Kort" : "Lang", Startdatum: date(1 + (i % REPORT_MONTH), 1 + i),
      Einddatum: null, "Vervanging fte": Math.round(r() * 100) / 100, "Verwachte kosten": cents(r, 1000, 40000),
      Besluit: pick(r, ["Open", "Teamleider", "Adviesnota"]), "Datum besluit": null, "Kenmerk adviesnota": null,
    });
  }
  return rows;
}

function productRows(n: number, r: () => number): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let i = 0; i < n; i++) {
    const [pakket, product] = PRODUCTS[i % PRODUCTS.length];
    rows.push({ Maand: 1 + (Math.floor(i / PRODUCTS.length) % REPORT_MONTH), Pakket: pakket, Product: product, Aantal: Math.floor(r() * 40) });
  }
  return rows;
}

function serviceRows(r: () => number): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let m = 1; m <= REPORT_MONTH; m++) {
    const slots = 600 + Math.floor(r() * 200);
    const callbacks = 100 + Math.floor(r() * 50);
    const requests = 80 + Math.floor(r() * 40);
    rows.push({
      Maand: m, "Beschikbare plekken": slots, "Open plekken": Math.floor(r() * 90), Afspraken: slots - 100, "Vrije inloop": 40,
      Terugbelverzoeken: callbacks, "Terugbelverzoeken op tijd": callbacks - Math.floor(r() * 5), Verzoeken: requests,
      "Verzoeken op tijd": requests - Math.floor(r() * 3), Bezwaarschriften: Math.floor(r() * 2), Klachten: Math.floor(r() * 3),
    });
  }
  return rows;
}

/** The input workbook of a case (year 2025, Rapportagemaand 9, the template's salary tables). */
export function caseWorkbook(size: CaseSize, seed = 20251): ExcelJS.Workbook {
  const r = rng(seed);
  return buildInputWorkbook({
    year: YEAR,
    settings: {
      reportMonth: REPORT_MONTH, overheadRate: 0.18, ikbRate: 0.1705, employerChargesRate: 0.3, trainingBudget: 8000,
      additionalServicesBudget: 12000, varianceThresholdAmount: 10000, varianceThresholdRate: 0.1, slaVersion: 2024,
    },
    rows: {
      formation: formationRows(size.formation, r),
      ledger: ledgerRows(size.ledger, r),
      sickLeave: sickLeaveRows(r),
      products: productRows(size.products, r),
      serviceMonths: serviceRows(r),
      qualitative: [
        { Onderwerp: "Formatie", Maand: 3, Tekst: "Synthetische werkmap voor de benchmark." },
        { Onderwerp: "Signalen", Maand: 6, Tekst: "Drukte aan de balie door verlopen paspoorten." },
      ],
      selfEvaluation: [{ Onderdeel: "BRP", Score: 0.93, Norm: 0.9 }, { Onderdeel: "Reisdocumenten", Score: 0.88, Norm: 0.9 }],
      elections: [{ Verkiezing: "Tweede Kamer 2025", Datum: date(10, 29), Fase: "Voorbereiding", Voortgang: "Planning loopt." }],
      privacy: [{ Maand: 2, Soort: "Datalek", Aantal: 1, "Gemeld bij AP": "Nee", Toelichting: "Uittreksel naar verkeerd adres." }],
    },
  });
}
