/**
 * The bad-input corpus (issue 4, item 4): every malformed workbook of test/corpus/build.ts goes through the
 * real command line (`main()` of src/cli/main.ts, output captured), `check` and `report`, and must give the
 * outcome in the table below: exit code, each problem's severity, sheet, A1 cell and a distinctive part of
 * its Dutch message (and no other problem), no output file when there is a fout, an input file that is
 * byte-for-byte unchanged. How fast the commands run is measured by `npm run bench`, not here; a per-test
 * jest timeout only stops a command that hangs.
 *
 * The files are generated in beforeAll into a fresh temporary directory; none is committed.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { REPORT_SHEETS, SHEETS } from "../src/domain/glossary";
import type { Severity } from "../src/input/grid";
import { buildCorpus, CASES, LONG_FUNCTION, LONG_NOTE, SICK_LEAVE_NAMES } from "./corpus/build";

// ----------------------------------------------------------------------------------- the expectations

/** [severity, 'Sheet!A1', a distinctive part of the message] */
type P = [Severity, string, string];

interface Expected {
  /** the mutation of the bundled example, in words */
  what: string;
  exit: 0 | 1;
  /** the file cannot be read as a workbook: this part of the one Dutch sentence on stderr */
  unreadable?: string;
  /** every problem `check` and `report` print, besides the example's own month-7 waarschuwing */
  problems?: P[];
  /** lines `report` prints on stdout (its key figures), for cases that build a report */
  figures?: string[];
  /** a text some report cell must hold whole */
  reportHolds?: string;
  /** texts that must appear in no report sheet at all */
  reportLacks?: string[];
}

const fout = (ref: string, fragment: string): P => ["fout", ref, fragment];
const waarschuwing = (ref: string, fragment: string): P => ["waarschuwing", ref, fragment];

/** The example's figures (worked example (docs/rekenregels.md)), as `report` prints them. */
const EXAMPLE = {
  ceiling: "Plafond formatieve kosten  € 626.908,24",
  budget: "Totaal budget P&C          € 759.751,72",
  room: "Ruimte onder plafond       € 20.608,24",
};
const NOT_A_NUMBER = "is tekst, geen getal";
const MISSING_SHEET = (s: string) => fout(`${s}!A1`, `Het werkblad '${s}' ontbreekt: voeg het toe`);
const MISSING_COLUMN = (s: string, h: string) => fout(`${s}!A1`, `De kolom '${h}' ontbreekt op '${s}'`);

const CORPUS: Record<string, Expected> = {
  // --- files that are no (readable) workbook: one sentence, exit 1
  "tekstbestand": { what: "a CSV text file named .xlsx", exit: 1, unreadable: "is geen Excel-werkmap (.xlsx): het lijkt een tekstbestand" },
  "html-als-xlsx": { what: "an HTML table named .xlsx", exit: 1, unreadable: "is geen Excel-werkmap (.xlsx): het lijkt een tekstbestand" },
  "leeg-bestand": { what: "a file of 0 bytes", exit: 1, unreadable: "is leeg: kies een Excel-werkmap (.xlsx)" },
  "afgebroken-zip": { what: "the first 60% of the example's bytes (a truncated zip)", exit: 1, unreadable: "is beschadigd of onvolledig" },
  "beschadigd-zip-onderdeel": { what: "garbage in the compressed bytes of the Formatie part", exit: 1, unreadable: "is beschadigd of onvolledig" },
  "oud-xls": { what: "an OLE2 compound file (.xls)", exit: 1, unreadable: "is een oud Excel-bestand (.xls)" },
  "zip-zonder-werkmap": { what: "a zip with a Word document part only", exit: 1, unreadable: "is geen Excel-werkmap (.xlsx): het is een Word-document" },
  "werkmap-zonder-bladen": { what: "an .xlsx with zero worksheets", exit: 1, unreadable: "is een Excel-werkmap zonder werkbladen" },

  // --- empty workbooks, missing sheets and columns
  "alleen-leeg-blad": {
    what: "a workbook with one empty sheet Blad1",
    exit: 1,
    problems: [MISSING_SHEET("Instellingen"), MISSING_SHEET("Salaristabel"), MISSING_SHEET("Formatie"), MISSING_SHEET("Realisatie")],
  },
  "invoerbladen-zonder-koppen": {
    what: "the four required sheets, empty but for a title on Formatie",
    exit: 1,
    problems: [
      fout("Instellingen!A1", "Geen kolomkoppen gevonden op 'Instellingen': zet in rij 1 de kolommen 'Instelling', 'Waarde'"),
      fout("Salaristabel!A1", "Geen kolomkoppen gevonden op 'Salaristabel'"),
      fout("Formatie!A1", "Geen kolomkoppen gevonden op 'Formatie': zet in rij 1 de kolommen 'Functie', 'Pakket', 'Schaal', 'Fte'"),
      fout("Realisatie!A1", "Geen kolomkoppen gevonden op 'Realisatie'"),
    ],
  },
  "zonder-instellingen": { what: "sheet Instellingen removed", exit: 1, problems: [MISSING_SHEET("Instellingen")] },
  "zonder-salaristabel": { what: "sheet Salaristabel removed", exit: 1, problems: [MISSING_SHEET("Salaristabel")] },
  "zonder-formatie": { what: "sheet Formatie removed", exit: 1, problems: [MISSING_SHEET("Formatie")] },
  "zonder-realisatie": { what: "sheet Realisatie removed", exit: 1, problems: [MISSING_SHEET("Realisatie")] },
  "zonder-kolom-fte": { what: "column Fte deleted from Formatie", exit: 1, problems: [MISSING_COLUMN("Formatie", "Fte")] },
  "zonder-kolom-pakket": { what: "column Pakket deleted from Formatie", exit: 1, problems: [MISSING_COLUMN("Formatie", "Pakket")] },
  "zonder-kolom-bedrag": { what: "column Bedrag deleted from Realisatie", exit: 1, problems: [MISSING_COLUMN("Realisatie", "Bedrag")] },
  "zonder-kolom-maximum": { what: "column Maximum deleted from Salaristabel", exit: 1, problems: [MISSING_COLUMN("Salaristabel", "Maximum")] },
  "zonder-kolom-waarde": { what: "column Waarde deleted from Instellingen", exit: 1, problems: [MISSING_COLUMN("Instellingen", "Waarde")] },
  "zonder-kolom-verwachte-kosten": {
    what: "column Verwachte kosten deleted from Verzuim (no knock-on error on the Vervanging bookings)",
    exit: 1,
    problems: [MISSING_COLUMN("Verzuim", "Verwachte kosten")],
  },
  "kop-fte-hernoemd": { what: "Formatie!D1 'Fte' renamed 'Fte (uren)'", exit: 1, problems: [MISSING_COLUMN("Formatie", "Fte")] },
  "zonder-rapportagemaand": {
    what: "the Rapportagemaand row deleted from Instellingen",
    exit: 1,
    problems: [fout("Instellingen!A1", "De instelling 'Rapportagemaand' ontbreekt: voeg een rij 'Rapportagemaand' met een waarde toe")],
  },
  "rapportagemaand-leeg": { what: "Instellingen!B5 (Rapportagemaand) emptied", exit: 1, problems: [fout("Instellingen!B5", "Rapportagemaand is leeg: vul een waarde in")] },

  // --- wrong types
  "fte-als-tekst": { what: 'Formatie!D7 = "3,5" (text)', exit: 1, problems: [fout("Formatie!D7", `Fte: "3,5" ${NOT_A_NUMBER}`)] },
  "fte-onwaar": { what: "Formatie!D3 = TRUE", exit: 1, problems: [fout("Formatie!D3", "Fte: WAAR is geen getal")] },
  "bedrag-als-tekst": { what: 'Realisatie!C3 = "€ 47.250" (text)', exit: 1, problems: [fout("Realisatie!C3", `Bedrag: "€ 47.250" ${NOT_A_NUMBER}`)] },
  "bedrag-als-datum": { what: "Realisatie!C13 = the date 1-3-2025", exit: 1, problems: [fout("Realisatie!C13", "Bedrag: 2025-03-01 is een datum, geen getal")] },
  "jaar-als-tekst": { what: 'Instellingen!B2 (Jaar) = "2025" (text)', exit: 1, problems: [fout("Instellingen!B2", `Jaar: "2025" ${NOT_A_NUMBER}`)] },
  "opleidingskosten-als-tekst": { what: 'Instellingen!B9 = "€ 8.000" (text)', exit: 1, problems: [fout("Instellingen!B9", `Opleidingskosten: "€ 8.000" ${NOT_A_NUMBER}`)] },
  "aantal-als-tekst": { what: 'Producten!D2 = "212 st."', exit: 1, problems: [fout("Producten!D2", `Aantal: "212 st." ${NOT_A_NUMBER}`)] },
  "maximum-als-tekst": { what: 'Salaristabel!D2 (scale 1, unused) = "2.598,00" (text)', exit: 1, problems: [fout("Salaristabel!D2", `Maximum: "2.598,00" ${NOT_A_NUMBER}`)] },
  "maximum-als-tekst-gebruikte-schaal": {
    what: 'Salaristabel!D9 (scale 8 per 1-10-2024, used in Formatie) = "4.298,00": one fout, no knock-on "no maximum for scale 8"',
    exit: 1,
    problems: [fout("Salaristabel!D9", `Maximum: "4.298,00" ${NOT_A_NUMBER}`)],
  },
  "getal-als-startdatum": {
    what: "Verzuim!D2 (Startdatum, a date cell) = 2025: Excel shows 17-7-1905",
    exit: 1,
    problems: [fout("Verzuim!D2", "Startdatum: 17-7-1905 ligt niet tussen 2000 en 2100: typ de volledige datum")],
  },
  "getal-als-startdatum-standaardopmaak": {
    what: "Verzuim!D2 = 2025 with the General format",
    exit: 1,
    problems: [fout("Verzuim!D2", "Startdatum: 2025 is een getal, geen datum (als Excel-datum is het 17-7-1905)")],
  },
  "getal-als-ingangsdatum": {
    what: "Salaristabel!A2 (Ingangsdatum) = 2024: Excel shows 16-7-1905",
    exit: 1,
    problems: [fout("Salaristabel!A2", "Ingangsdatum: 16-7-1905 ligt niet tussen 2000 en 2100")],
  },
  "datumnummer-als-startdatum": {
    what: "Verzuim!D2 = 45748 with the General format: an Excel date serial (1-4-2025) is a valid date",
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling, EXAMPLE.room],
  },

  // --- unknown values in fixed lists
  "onbekende-schaal": { what: 'Formatie!C10 = "12B"', exit: 1, problems: [fout("Formatie!C10", "Schaal 12B staat niet in de Salaristabel (geen maximum voor januari 2025)")] },
  "onbekend-pakket": { what: 'Formatie!B2 = "Baliezaken"', exit: 1, problems: [fout("Formatie!B2", `Pakket: "Baliezaken" is geen toegestane waarde: kies uit 'Balie', 'BRP'`)] },
  "onbekende-categorie": { what: 'Realisatie!B13 = "Salaris"', exit: 1, problems: [fout("Realisatie!B13", `Categorie: "Salaris" is geen toegestane waarde: kies uit 'Loonkosten', 'Vervanging'`)] },
  "onbekende-soort": { what: 'Verzuim!C2 = "Langdurig"', exit: 1, problems: [fout("Verzuim!C2", `Soort: "Langdurig" is geen toegestane waarde: kies uit 'Kort', 'Lang'`)] },
  "onbekend-besluit": { what: 'Verzuim!H2 = "Akkoord"', exit: 1, problems: [fout("Verzuim!H2", `Besluit: "Akkoord" is geen toegestane waarde: kies uit 'Open', 'Teamleider', 'Adviesnota'`)] },
  "onbekende-bezetting": { what: 'Formatie!E4 = "Ziek"', exit: 1, problems: [fout("Formatie!E4", `Bezetting: "Ziek" is geen toegestane waarde: kies uit 'Bezet', 'Vacature'`)] },
  "onbekende-privacysoort": { what: 'Privacy!B2 = "Inbreuk"', exit: 1, problems: [fout("Privacy!B2", `Soort: "Inbreuk" is geen toegestane waarde: kies uit 'Datalek', 'Gegevensverstrekking'`)] },

  // --- duplicates and references
  "dubbel-dossier": {
    what: 'a Verzuim row 4 with Dossier "v-2025-01 " (V-2025-01 is in row 2)',
    exit: 1,
    problems: [fout("Verzuim!A4", "Dossier V-2025-01 komt twee keer voor (ook in rij 2)")],
  },
  "dubbele-instelling": { what: "an Instellingen row 19 (after the template's 18 settings) 'jaar' 2026", exit: 1, problems: [fout("Instellingen!A19", "De instelling 'Jaar' staat twee keer in de lijst (ook in rij 2)")] },
  "dubbele-maand-dienstverlening": { what: "Dienstverlening!A3 = 1 (month 1 twice)", exit: 1, problems: [fout("Dienstverlening!A3", "Maand 1 staat twee keer in Dienstverlening (ook in rij 2)")] },
  "vervanging-onbekend-dossier": { what: 'Realisatie!E12 (a Vervanging booking) = "V-2025-09"', exit: 1, problems: [fout("Realisatie!E12", "Dossier V-2025-09 staat niet in het blad Verzuim")] },
  "vervanging-zonder-dossier": { what: "Realisatie!E9 (a Vervanging booking) emptied", exit: 1, problems: [fout("Realisatie!E9", "Een boeking 'Vervanging' heeft een dossiernummer nodig")] },
  "terugbellen-op-tijd-boven-totaal": {
    what: "Dienstverlening!G2 (Terugbelverzoeken op tijd) = 119 > F2 = 118",
    exit: 1,
    problems: [fout("Dienstverlening!G2", "Terugbelverzoeken op tijd (119) is meer dan het aantal terugbelverzoeken (118)")],
  },
  "verzoeken-op-tijd-boven-totaal": {
    what: "Dienstverlening!I3 (Verzoeken op tijd) = 89 > H3 = 88",
    exit: 1,
    problems: [fout("Dienstverlening!I3", "Verzoeken op tijd (89) is meer dan het aantal verzoeken (88)")],
  },

  // --- percentages typed as whole numbers: never divided by 100
  "overhead-18": { what: "Instellingen!B6 (Overheadpercentage) = 18", exit: 1, problems: [fout("Instellingen!B6", "Overheadpercentage: 18 is meer dan 100%: bedoelt u 18%? Typ 18% (of 0,18)")] },
  "werkgeverslasten-30": { what: "Instellingen!B8 (Werkgeverslastenpercentage) = 30", exit: 1, problems: [fout("Instellingen!B8", "30 is meer dan 100%: bedoelt u 30%?")] },
  "ikb-17,05": { what: "Instellingen!B7 (IKB-percentage) = 17.05", exit: 1, problems: [fout("Instellingen!B7", "17,05 is meer dan 100%: bedoelt u 17,05%? Typ 17,05% (of 0,1705)")] },
  "overhead-als-tekst-procent": { what: 'Instellingen!B6 = "18%" (text)', exit: 1, problems: [fout("Instellingen!B6", '"18%" is tekst, geen percentage')] },
  "zelfevaluatie-score-93": { what: "Zelfevaluatie!B2 (Score) = 93", exit: 1, problems: [fout("Zelfevaluatie!B2", "Score: 93 is meer dan 100%: bedoelt u 93%?")] },

  // --- negative or absurd fte
  "fte-0": { what: "Formatie!D7 = 0", exit: 1, problems: [fout("Formatie!D7", "Fte: 0 is te klein: de waarde moet groter dan 0 zijn")] },
  "fte-min-1": { what: "Formatie!D7 = -1", exit: 1, problems: [fout("Formatie!D7", "Fte: -1 is te klein: de waarde moet groter dan 0 zijn")] },
  "fte-150": { what: "Formatie!D7 = 150", exit: 1, problems: [fout("Formatie!D7", "Fte: 150 is te groot: de waarde mag hoogstens 100 zijn")] },
  "fte-12": {
    what: "Formatie!D7 = 12: unusual but possible, a waarschuwing and the report is built with it",
    exit: 0,
    problems: [waarschuwing("Formatie!D7", "Fte 12 op één regel is ongebruikelijk veel")],
    figures: ["Plafond formatieve kosten  € 1.555.234,64"],
  },

  // --- dates as odd text
  "startdatum-1-april-2025": { what: 'Verzuim!D2 = "1 april 2025"', exit: 1, problems: [fout("Verzuim!D2", 'Startdatum: "1 april 2025" is geen datum: typ een datum als 1-4-2025 of 2025-04-01')] },
  "startdatum-31-02-2025": { what: 'Verzuim!D2 = "31-02-2025"', exit: 1, problems: [fout("Verzuim!D2", 'Startdatum: "31-02-2025" is geen bestaande datum: controleer dag en maand')] },
  "startdatum-schuine-strepen": { what: 'Verzuim!D2 = "2025/04/01"', exit: 1, problems: [fout("Verzuim!D2", 'Startdatum: "2025/04/01" is geen datum')] },
  "einddatum-met-punten": { what: 'Verzuim!E3 (Einddatum) = "14.03.2025"', exit: 1, problems: [fout("Verzuim!E3", 'Einddatum: "14.03.2025" is geen datum')] },
  "ingangsdatum-okt-2024": { what: 'Salaristabel!A2 = "okt 2024"', exit: 1, problems: [fout("Salaristabel!A2", 'Ingangsdatum: "okt 2024" is geen datum')] },
  "verkiezingsdatum-na-de-zomer": { what: 'Verkiezingen!B3 (Datum) = "na de zomer"', exit: 1, problems: [fout("Verkiezingen!B3", 'Datum: "na de zomer" is geen datum')] },

  // --- merged cells inside a table
  "samengevoegd-pakket-verticaal": {
    what: "Formatie!B2:B3 merged (Pakket 'Balie' shown over two rows)",
    exit: 1,
    problems: [fout("Formatie!B3", "Pakket is leeg: de cel is samengevoegd met B2 en telt daardoor als leeg. Hef het samenvoegen op")],
  },
  "samengevoegd-functie-pakket": {
    what: "Formatie!A4:B4 merged (Functie over Pakket)",
    exit: 1,
    problems: [fout("Formatie!B4", "Pakket is leeg: de cel is samengevoegd met A4")],
  },
  "samengevoegd-toelichting": {
    what: "Formatie!F2:F3 merged in the optional Toelichting column: harmless",
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling],
  },

  // --- error values in input cells
  "fte-ref-fout": { what: "Formatie!D2 = #REF!", exit: 1, problems: [fout("Formatie!D2", "Fte: bevat de foutwaarde #REF!: herstel de formule of typ de waarde zelf in")] },
  "bedrag-deel-door-nul": { what: "Realisatie!C4 = =C3/0 with cached #DIV/0!", exit: 1, problems: [fout("Realisatie!C4", "Bedrag: bevat de foutwaarde #DIV/0!")] },
  "verwachte-kosten-nb": { what: "Verzuim!G2 (Verwachte kosten) = #N/A", exit: 1, problems: [fout("Verzuim!G2", "Verwachte kosten: bevat de foutwaarde #N/A")] },
  "pakket-nb": { what: "Formatie!B5 = a VLOOKUP with cached #N/A", exit: 1, problems: [fout("Formatie!B5", "Pakket: bevat de foutwaarde #N/A")] },
  "overhead-waarde-fout": { what: "Instellingen!B6 = #VALUE!", exit: 1, problems: [fout("Instellingen!B6", "Overheadpercentage: bevat de foutwaarde #VALUE!")] },
  "schaal-ref-fout": { what: "Formatie!C4 (Schaal) = #REF!", exit: 1, problems: [fout("Formatie!C4", "Schaal: bevat de foutwaarde #REF!")] },
  "openingstijd-ref-fout": { what: "Openingstijden!C2 (Van) = #REF!", exit: 1, problems: [fout("Openingstijden!C2", "Van: bevat de foutwaarde #REF!")] },
  "instellingnaam-ref-fout": {
    what: "Instellingen!A13 (the label SLA-versie) = #REF!: the row is ignored, SLA-versie takes its default",
    exit: 0,
    problems: [waarschuwing("Instellingen!A13", "Onbekende instelling met de foutwaarde #REF!: deze wordt genegeerd")],
    figures: [EXAMPLE.ceiling],
  },

  // --- formulas in input cells: their cached values are used
  "formule-opleidingskosten": {
    what: "Instellingen!B9 (Opleidingskosten) = =4000*3 with cached 12000: the budget uses 12000",
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling, "Totaal budget P&C          € 763.751,72"],
  },
  "formule-fte-en-pakket": {
    what: 'Formatie!D2 = =1.5*2 (cached 3) and B2 = ="Bal"&"ie" (cached "Balie"): the figures of the example',
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling, EXAMPLE.budget],
  },
  "gedeelde-formule-bedragen": {
    what: "Realisatie!C2:C8 as one shared (filled-down) formula with cached 47250: the figures of the example",
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling, EXAMPLE.room],
  },
  "formule-zonder-waarde": {
    what: "Formatie!D7 = =0.2*2 without a cached value (saved by a script that never calculated)",
    exit: 1,
    problems: [fout("Formatie!D7", "Fte is leeg: de formule =0.2*2 heeft geen opgeslagen uitkomst")],
  },

  // --- a used range down to row 1,048,576
  "losse-waarde-rij-1048576-formatie": {
    what: "a stray 1 in Formatie!D1048576 (the Fte column): read as a row, every gap named at row 1048576",
    exit: 1,
    problems: [
      fout("Formatie!A1048576", "Functie is leeg: vul dit in"),
      fout("Formatie!B1048576", "Pakket is leeg: vul dit in"),
      fout("Formatie!C1048576", "Schaal is leeg"),
    ],
  },
  "losse-waarde-rij-1048576-buiten-tabel": {
    what: 'a stray "x" in Formatie!Z1048576, outside the table\'s columns: ignored',
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling],
  },
  "opmaak-tot-rij-1048576": {
    what: "a number format on Realisatie!A1048576 and an empty text in E1048576",
    exit: 0,
    problems: [],
    figures: [EXAMPLE.room],
  },

  // --- very long cells
  "tekst-10000-tekens-kwalitatief": {
    what: "Kwalitatief!C2 (Tekst) = 10,000 characters: kept whole in the report",
    exit: 0,
    problems: [],
    reportHolds: LONG_NOTE,
  },
  "tekst-10000-tekens-functie": {
    what: "Formatie!A3 (Functie) = 10,000 characters: kept whole in the addendum",
    exit: 0,
    problems: [],
    figures: [EXAMPLE.ceiling],
    reportHolds: LONG_FUNCTION,
  },
  "tekst-10000-tekens-in-fte": {
    what: "Formatie!D4 (Fte) = 10,000 characters of text: the message quotes the first 40",
    exit: 1,
    problems: [fout("Formatie!D4", `Fte: "De wachttijd aan de balie is in het twee…" ${NOT_A_NUMBER}`)],
  },

  // --- privacy: names in Verzuim
  "verzuim-kolom-naam": {
    what: "a column 'Naam' with two names beside the Verzuim table (K1:K3)",
    exit: 0,
    problems: [waarschuwing("Verzuim!K1", "De kolom 'Naam' lijkt namen te bevatten: verwijder deze kolom")],
    reportLacks: SICK_LEAVE_NAMES,
  },
  "verzuim-kolom-medewerker-ingevoegd": {
    what: "a column 'Medewerker' with two names inserted as Verzuim column B (the rest moves right)",
    exit: 0,
    problems: [waarschuwing("Verzuim!B1", "De kolom 'Medewerker' lijkt namen te bevatten")],
    figures: [EXAMPLE.room],
    reportLacks: SICK_LEAVE_NAMES,
  },

  // --- the year and the salary table
  "jaar-2023-salaristabel-2025": {
    what: "Jaar 2023 with the example's Salaristabel (first Ingangsdatum 1-10-2024): no maximum in force",
    exit: 1,
    problems: [
      fout("Formatie!C2", "Schaal 7 heeft in de Salaristabel geen maximum dat geldt in januari 2023 (en 11 andere maanden)"),
      fout("Formatie!C3", "Schaal 8 heeft in de Salaristabel geen maximum dat geldt in januari 2023"),
      fout("Formatie!C5", "Schaal 9 heeft in de Salaristabel geen maximum dat geldt in januari 2023"),
      fout("Formatie!C10", "Schaal 11 heeft in de Salaristabel geen maximum dat geldt in januari 2023"),
      // the example's SLA-versie 2024 does not belong to 2023
      waarschuwing("Instellingen!B13", "SLA-versie 2024 hoort niet bij Jaar 2023"),
    ],
  },
  "jaar-2031-salaristabel-2025": {
    what: "Jaar 2031 with the example's Salaristabel (newest Ingangsdatum 1-10-2025): RULES §1 carries the 2025 maxima over, with a waarschuwing",
    exit: 0,
    problems: [
      waarschuwing("Formatie!C2", "Schaal 7, 8, 9 en 11: de Salaristabel heeft geen bedragen die ingaan na 1-10-2025, dus voor januari tot en met december 2031"),
    ],
    figures: ["Cao-effect                 € 0,00"],
  },
};

// ---------------------------------------------------------------------------------------- machinery

/** A hang guard, not a speed limit: a command that has not finished by then hangs (speed: `npm run bench`). */
const HANG_GUARD_MS = 120_000;

/** The one waarschuwing of the valid example: the month-7 Loonkosten row after the rapportagemaand. */
const isBaseline = (p: { severity: string; ref: string; message: string }) =>
  p.severity === "waarschuwing" && p.ref === "Realisatie!A8" && p.message.startsWith("1 boeking ligt na de rapportagemaand (juni)");

const PROBLEM_LINE = /^(fout|waarschuwing) +(\S+)!([A-Z]{1,3}[1-9]\d*) +(\S.*)$/;

interface Line {
  severity: Severity;
  ref: string;
  message: string;
}

function problemLines(lines: string[]): Line[] {
  return lines.flatMap((l) => {
    const m = PROBLEM_LINE.exec(l);
    return m ? [{ severity: m[1] as Severity, ref: `${m[2]}!${m[3]}`, message: m[4] }] : [];
  });
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(...s.split("\n")), err: (s) => err.push(...s.split("\n")) });
  return { code, out: out.filter((l) => l !== ""), err: err.filter((l) => l !== "") };
}

const sha256 = async (file: string) => createHash("sha256").update(await fs.readFile(file)).digest("hex");

/** Nothing a programmer would see: no stack trace, no JavaScript rendering of a value. */
function expectCleanText(lines: string[]): void {
  for (const l of lines.map((x) => x.split(dir).join("<map>"))) {
    expect(l).not.toMatch(/\bat \S+ \(|\bat .*:\d+:\d+|Error:|\bundefined\b|\bNaN\b|\[object |\bnull\b/);
  }
}

/** The problems printed (check on stdout, report on stderr) against the table. */
function expectProblems(printed: Line[], expected: P[]): void {
  const got = printed.filter((p) => !isBaseline(p));
  const key = (severity: string, ref: string) => `${severity} ${ref}`;
  expect(got.map((p) => key(p.severity, p.ref)).sort()).toEqual(expected.map(([s, ref]) => key(s, ref)).sort());
  for (const [severity, ref, fragment] of expected) {
    expect(got.find((p) => p.severity === severity && p.ref === ref)?.message).toContain(fragment);
  }
}

const INPUT_SHEETS = new Set(Object.values(SHEETS).map((s) => s.toLowerCase()));

/** Every text a cell of a report sheet holds: its value, a formula and its cached result. */
function cellTexts(cell: ExcelJS.Cell): string[] {
  const v = cell.value;
  if (v === null || v === undefined) return [];
  if (typeof v === "string") return [v];
  if (typeof v === "object" && !(v instanceof Date)) {
    const texts = [JSON.stringify(v)];
    if ("richText" in v) texts.push(v.richText.map((r) => r.text).join(""));
    if ("result" in v && typeof v.result === "string") texts.push(v.result);
    return texts;
  }
  return [String(v)];
}

// -------------------------------------------------------------------------------------------- tests

let dir: string;
let files: Map<string, string>;
const before = new Map<string, { sha: string; mtimeMs: number }>();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(tmpdir(), "dvo-corpus-"));
  files = await buildCorpus(path.join(dir, "invoer"));
  for (const [name, file] of files) before.set(name, { sha: await sha256(file), mtimeMs: (await fs.stat(file)).mtimeMs });
}, 300_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test("the corpus has at least 40 malformed workbooks, and the table above covers exactly the generated cases", () => {
  expect(Object.keys(CORPUS).sort()).toEqual(Object.keys(CASES).sort());
  expect(Object.keys(CORPUS).length).toBeGreaterThanOrEqual(40);
  expect(Object.values(CORPUS).filter((c) => c.exit === 1).length).toBeGreaterThanOrEqual(40);
});

describe.each(Object.entries(CORPUS))("%s", (name, expected) => {
  const file = () => files.get(name) as string;
  const outDir = () => path.join(dir, "uit", name);

  test(`check: ${expected.what}`, async () => {
    const r = await run(["check", file()]);
    expect(r.code).toBe(expected.exit);
    expectCleanText([...r.out, ...r.err]);
    if (expected.unreadable) {
      // one sentence naming the file, nothing on stdout
      expect(r.out).toEqual([]);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain(`'${file()}' ${expected.unreadable}`);
      return;
    }
    expect(r.err).toEqual([]);
    const printed = problemLines(r.out);
    expect(r.out).toHaveLength(printed.length + 1); // every line a problem, then the summary
    expectProblems(printed, expected.problems ?? []);
    const e = printed.filter((p) => p.severity === "fout").length;
    expect(r.out[r.out.length - 1]).toMatch(new RegExp(`: ${e} ${e === 1 ? "fout" : "fouten"}, ${printed.length - e} waarschuwing`));
    expect(e > 0).toBe(expected.exit === 1);
  }, HANG_GUARD_MS);

  test("report: the same outcome; output only without a fout; input byte-for-byte unchanged", async () => {
    await fs.mkdir(outDir(), { recursive: true });
    const output = path.join(outDir(), "rapport.xlsx");
    const r = await run(["report", file(), "-o", output]);
    expect(r.code).toBe(expected.exit);
    expectCleanText([...r.out, ...r.err]);
    const written = await fs.readdir(outDir());

    if (expected.exit === 1) {
      expect(written).toEqual([]); // no output, no temporary file left behind
      expect(r.out).toEqual([]);
      if (expected.unreadable) {
        expect(r.err.filter((l) => !l.startsWith("["))).toEqual([expect.stringContaining(`'${file()}' ${expected.unreadable}`)]);
      } else {
        expectProblems(problemLines(r.err), expected.problems ?? []);
        expect(r.err[r.err.length - 1]).toMatch(/^Geen rapport gemaakt: \d+ fout(en)?, \d+ waarschuwing(en)?\. Herstel de fouten/);
      }
    } else {
      expect(written).toEqual(["rapport.xlsx"]);
      expectProblems(problemLines(r.err), expected.problems ?? []);
      expect(r.out[0]).toMatch(/^Rapport geschreven naar .*rapport\.xlsx \(9 rapportbladen, t\/m juni/);
      for (const line of expected.figures ?? []) expect(r.out).toContain(`  ${line}`);
      await expectReport(output, expected);
    }

    const after = await fs.stat(file());
    expect(await sha256(file())).toBe(before.get(name)?.sha);
    expect(after.mtimeMs).toBe(before.get(name)?.mtimeMs);
  }, HANG_GUARD_MS);
});

/** A built report: the report sheets are there; some text is in it whole, some text nowhere in it. */
async function expectReport(output: string, expected: Expected): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const names = wb.worksheets.map((w) => w.name);
  for (const s of [REPORT_SHEETS.formation, REPORT_SHEETS.finance, REPORT_SHEETS.control, REPORT_SHEETS.calculation]) expect(names).toContain(s);
  const reportSheets = wb.worksheets.filter((w) => !INPUT_SHEETS.has(w.name.toLowerCase()));
  const texts: string[] = [];
  for (const ws of reportSheets) {
    texts.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      texts.push(...cellTexts(cell));
    }));
  }
  for (const lacking of expected.reportLacks ?? []) {
    expect(texts.filter((t) => t.includes(lacking))).toEqual([]);
    // and also no part of a name (surname, first name)
    for (const part of lacking.split(/[\s-]+/).filter((p) => p.length > 3)) expect(texts.filter((t) => t.includes(part))).toEqual([]);
  }
  if (expected.reportHolds !== undefined) expect(texts).toContain(expected.reportHolds);
}
