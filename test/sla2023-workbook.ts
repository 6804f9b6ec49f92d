/**
 * A workbook of 2023 that follows the SLA 2023 report model: the bundled example's rows moved to 2023 (the
 * template's salary tables and SLA-versie for 2023), with the inputs that model adds — service norms and waiting
 * lists per product, walk-ins outside the opening hours, objectives per product, cooperation with Ommen,
 * Hardenberg and the gastdames, and the result of an election's count. Invented for the tests.
 */
import type ExcelJS from "exceljs";
import { exampleTemplate } from "../src/example/example";
import type { TemplateOptions, TemplateRow } from "../src/input/template";
import { buildInputWorkbook } from "../src/xlsx/template";

const date = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

export function sla2023Options(year = 2023): TemplateOptions {
  const ex = exampleTemplate();
  const rows = ex.rows ?? {};
  const { slaVersion: _sla, ...settings } = ex.settings ?? {};
  const products = (rows.products ?? []).map((p, i): TemplateRow => ({
    ...p, "Binnen termijn": Math.max(0, (p.Aantal as number) - (i % 3)), Wachtlijst: p.Product === "Paspoort" ? 12 + (p.Maand as number) : null,
  }));
  const serviceMonths = (rows.serviceMonths ?? []).map((s): TemplateRow => ({ ...s, "Vrije inloop buiten openingstijden": 3 + (s.Maand as number) }));
  const note = (onderwerp: string, tekst: string, extra: TemplateRow = {}): TemplateRow => ({ Onderwerp: onderwerp, Maand: null, Tekst: tekst, Pakket: null, Soort: null, ...extra });
  const qualitative = [
    ...(rows.qualitative ?? []).map((q) => ({ ...q, Pakket: null, Soort: null })),
    note("Doelstellingen", "Alle aanvragen reisdocumenten binnen 5 werkdagen uitgegeven.", { Pakket: "Balie" }),
    note("Doelstellingen", "BAG-mutaties binnen de wettelijke termijn verwerkt.", { Pakket: "BRP" }),
    note("Samenwerking Ommen", "Tweewekelijks overleg met de regisseur.", { Soort: "Algemeen" }),
    note("Samenwerking Ommen", "Afspraken over de receptiebalie opnieuw vastleggen.", { Soort: "Signalen en verbeterpunten" }),
    note("Samenwerking Hardenberg", "Technisch beheer via Hardenberg verloopt goed.", { Soort: "Algemeen" }),
    note("Samenwerking gastdames", "Gastdames verwijzen inloop naar de afsprakenplanner.", { Soort: "Algemeen" }),
    note("Samenwerking gastdames", "Wachtende inwoners buiten openingstijden: beter informeren.", { Soort: "Signalen en verbeterpunten" }),
  ];
  const elections: TemplateRow[] = [
    { Verkiezing: "Provinciale Staten en waterschappen 2023", Datum: date(year, 3, 15), Fase: "Afgerond", Voortgang: null, Evaluatie: "Goed verlopen.", Knelpunten: null, Verbeterpunten: null, "Telling correct": "Ja" },
    { Verkiezing: "Tweede Kamer 2023", Datum: date(year, 11, 22), Fase: "Voorbereiding", Voortgang: "Stemlokalen vastgelegd.", Evaluatie: null, Knelpunten: null, Verbeterpunten: null, "Telling correct": null },
  ];
  // sick-leave cases start in the workbook's year
  const sickLeave = (rows.sickLeave ?? []).map((c) => ({ ...c, Startdatum: c.Dossier === "V-2025-01" ? date(year, 4, 1) : date(year, 2, 3) }));
  return { year, settings, rows: { ...rows, products, serviceMonths, qualitative, elections, sickLeave } };
}

export function sla2023Workbook(year = 2023): ExcelJS.Workbook {
  return buildInputWorkbook(sla2023Options(year));
}
