/**
 * The workbook contract (docs/werkmapcontract.md): grids → typed Inputs + every Problem, in one pass.
 * Rows with a `fout` are left out of the inputs; `inputs` is null when any `fout` was found.
 */
import { compareDates, dutchDate, MONTH_NAMES } from "../domain/dates";
import { SHEETS, type InputSheetKey } from "../domain/glossary";
import { normaliseScale, rowInForce } from "../domain/salary";
import {
  COST_CATEGORIES, DECISIONS, ELECTION_PHASES, OCCUPANCY, PRIVACY_KINDS, QUALITATIVE_TOPICS, SALARY_STATUSES, SERVICE_CODES, SICK_LEAVE_KINDS,
  type CostCategory, type Election, type FormationRow, type Inputs, type LedgerRow, type OpeningHour, type PrivacyRow, type ProductRow,
  type QualitativeNote, type SalaryRow, type SelfEvaluation, type ServiceMonth, type SickLeaveCase,
} from "../domain/types";
import { a1, cellAt, isBlank, isCellError, lastCol, type CellValue, type Problem, type WorkbookGrids } from "./grid";
import { errorValueProblem, LIMITS, nl, shown, tooLong } from "./cells";
import { previousProblems } from "./previous";
import { readSettings, type SettingCells } from "./settings";
import { findSheet, norm, TableReader, type ColumnSpec, type FormMap, type SheetLayout } from "./table";

export interface InputLayout {
  /** settings chosen for this build instead of taken from Instellingen */
  chosen?: { reportMonth?: boolean };
  sheets: Partial<Record<InputSheetKey, SheetLayout>>;
  settingCells: SettingCells;
  forms: FormMap;
}

export interface ParseResult {
  inputs: Inputs | null;
  problems: Problem[];
  layout: InputLayout;
}

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
export const LEDGER_EXPORT_COLUMNS = [
  col("account", "Rekening"), col("costCentre", "Kostenplaats"), col("bookingDate", "Boekdatum"), col("debit", "Debet"), col("credit", "Credit"),
] as const;

/** Sane bounds of the number columns (cells.ts LIMITS), with what a message calls the value. */
const EURO = { value: LIMITS.euro, what: "een bedrag", unit: " euro" };
const SALARY = { value: LIMITS.salary, what: "een maandsalaris", unit: " euro" };
const COUNT = { value: LIMITS.count, what: "een aantal per maand" };

/** Verzuim `Opnieuw ramen`: `ja` set by next-year; the accounthouder confirms a new estimate by clearing it or typing `nee`. */
export const REESTIMATE = ["ja", "nee"] as const;

/** Headers that suggest personal names in Verzuim (AVG: case numbers only). */
const NAME_HEADERS = ["naam", "namen", "medewerker", "werknemer", "voornaam", "achternaam", "personeelslid", "collega", "zieke"];

/**
 * What the ledger can check a `Dossier` against: the case numbers on Verzuim (every row, also rows with
 * a fout of their own, so one mistake there does not cascade into the ledger), or why it cannot.
 */
type CaseIndex = { kind: "ids"; ids: Set<string> } | { kind: "absent" } | { kind: "unreadable" };

export interface ParseOptions {
  /**
   * A report month chosen for this build (task pane), instead of the one on Instellingen. The report then
   * shows it as a constant with its origin, and Instellingen stays as the user left it.
   */
  reportMonth?: number;
}

export function parseWorkbook(grids: WorkbookGrids, opts: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const forms: FormMap = new Map();
  const layout: InputLayout = { sheets: {}, settingCells: {}, forms };
  const open = (key: InputSheetKey, required: boolean) => {
    const specs: readonly ColumnSpec[] = key === "ledger"
      ? [...COLUMNS.ledger.map((c) => ({ ...c, required: false })), ...LEDGER_EXPORT_COLUMNS]
      : COLUMNS[key as keyof typeof COLUMNS];
    const t = TableReader.open(grids, key, specs, required, problems, forms);
    if (t) layout.sheets[key] = t.layout;
    return t;
  };

  const read = readSettings(grids, problems, forms);
  const { cells, known } = read;
  let { settings } = read;
  if (opts.reportMonth !== undefined && Number.isInteger(opts.reportMonth) && opts.reportMonth >= 1 && opts.reportMonth <= 12) {
    known.reportMonth = opts.reportMonth;
    if (settings) settings = { ...settings, reportMonth: opts.reportMonth };
    delete cells.reportMonth;
    layout.chosen = { reportMonth: true };
  }
  layout.settingCells = cells;
  // Jaar and Rapportagemaand as far as they are valid, also when another setting is wrong (one pass).
  const year = known.year ?? null;

  // Scales with a Salaristabel row that has a fout of its own: not also blamed for a gap in the table.
  const salaryScalesWithFout = new Set<string>();
  const salaryTable = readSalaryTable(open("salaryTable", true), salaryScalesWithFout);
  const formation = readFormation(open("formation", true));
  const sickLeaveReader = open("sickLeave", false);
  const sickLeaveRead = sickLeaveReader ? readSickLeave(sickLeaveReader, grids, problems) : null;
  const sickLeave = sickLeaveRead?.cases ?? null;
  const caseIndex: CaseIndex = sickLeaveRead
    ? { kind: "ids", ids: sickLeaveRead.ids }
    : findSheet(grids, SHEETS.sickLeave) ? { kind: "unreadable" } : { kind: "absent" };
  const ledgerMapReader = open("ledgerMap", false);
  const ledgerMap: LedgerMapIndex = ledgerMapReader
    ? readLedgerMap(ledgerMapReader)
    : findSheet(grids, SHEETS.ledgerMap) ? { kind: "unreadable" } : { kind: "absent" };
  const ledger = readLedger(open("ledger", true), year, known.reportMonth, caseIndex, ledgerMap, problems);
  const products = maybe(open("products", false), (t) => readProducts(t, year));
  const serviceMonths = maybe(open("serviceMonths", false), (t) => readServiceMonths(t, year));
  const openingHours = maybe(open("openingHours", false), readOpeningHours);
  const qualitative = maybe(open("qualitative", false), (t) => readQualitative(t, year));
  const selfEvaluation = maybe(open("selfEvaluation", false), readSelfEvaluation);
  const elections = maybe(open("elections", false), readElections);
  const privacy = maybe(open("privacy", false), (t) => readPrivacy(t, year));

  if (year !== null && salaryTable && formation) checkSalaryCoverage(year, salaryTable, formation, layout, problems, salaryScalesWithFout);
  // Empty means no data rows at all; rows that were dropped for a fout of their own have their problem.
  if (formation && layout.sheets.formation && layout.sheets.formation.dataRows.length === 0) {
    problems.push({ severity: "fout", code: "formation-empty", sheet: layout.sheets.formation.sheet, cell: a1(layout.sheets.formation.headerRow + 1, 1), message: "Formatie is leeg: vul minstens één functie in." });
  }

  problems.push(...previousProblems(grids, year));

  const hasError = problems.some((p) => p.severity === "fout");
  if (hasError || !settings || !salaryTable || !formation || !ledger) return { inputs: null, problems, layout };
  return {
    inputs: { settings, salaryTable, formation, ledger, sickLeave, products, serviceMonths, openingHours, qualitative, selfEvaluation, elections, privacy },
    problems,
    layout,
  };
}

function maybe<T>(t: TableReader | null, f: (t: TableReader) => T[]): T[] | null {
  return t ? f(t) : null;
}

function readSalaryTable(t: TableReader | null, scalesWithFout: Set<string>): SalaryRow[] | null {
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

function readFormation(t: TableReader | null): FormationRow[] | null {
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
 * Formatie `Wijziging per` and `Fte na wijziging` (optional; docs/werkmapcontract.md): only for the forecast
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

function readSickLeave(t: TableReader, grids: WorkbookGrids, problems: Problem[]): { cases: SickLeaveCase[]; ids: Set<string> } {
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

/** The Grootboek mapping: `${account}|${cost centre}` (trimmed, upper case; cost centre blank for "any") → category. */
type LedgerMapIndex = { kind: "map"; map: Map<string, CostCategory> } | { kind: "absent" } | { kind: "unreadable" };

/** An account number or cost centre as a key: the text Excel's TRIM(cell&"") gives, in upper case (MATCH ignores case). */
export function ledgerKeyPart(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  const t = typeof v === "number" ? String(v) : v instanceof Date ? "" : String(v);
  return t.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ").toUpperCase();
}

function readLedgerMap(t: TableReader): LedgerMapIndex {
  const map = new Map<string, CostCategory>();
  const seen = new Map<string, number>();
  let bad = false;
  t.rows((row) => {
    const account = t.text(row, "account", true);
    const costCentre = t.has("costCentre") ? t.text(row, "costCentre") : "";
    const category = t.choice(row, "category", COST_CATEGORIES);
    if (account === undefined || costCentre === undefined || category === undefined) {
      bad = true;
      return undefined;
    }
    const key = `${ledgerKeyPart(t.raw(row, "account"))}|${t.has("costCentre") ? ledgerKeyPart(t.raw(row, "costCentre")) : ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const cc = costCentre === "" ? "" : ` met kostenplaats ${costCentre}`;
      t.problem(row, "account", `Rekening ${account}${cc} staat twee keer in het Grootboek (ook in rij ${earlier}): verwijder een van beide.`);
      return undefined;
    }
    seen.set(key, row);
    map.set(key, category);
    return { row };
  });
  return bad ? { kind: "unreadable" } : { kind: "map", map };
}

const euroText = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function readLedger(
  t: TableReader | null, year: number | null, reportMonth: number | undefined, cases: CaseIndex, ledgerMap: LedgerMapIndex, problems: Problem[],
): LedgerRow[] | null {
  if (!t) return null;
  // The template's column or its export alternative, one of each pair.
  const header = a1(t.layout.headerRow, Math.min(...Object.values(t.layout.columns)));
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push({ severity: "fout", code: "ledger-column-missing", sheet: t.sheet, cell: header, message });
    return ok;
  };
  const okMonth = need(t.has("month") || t.has("bookingDate"), `De kolom 'Maand' ontbreekt op '${t.sheet}': voeg een kolom met precies die kop toe in rij ${t.layout.headerRow} (of, bij een export uit het financiële systeem, een kolom 'Boekdatum').`);
  const okCategory = need(t.has("category") || t.has("account"), `De kolom 'Categorie' ontbreekt op '${t.sheet}': voeg een kolom met precies die kop toe in rij ${t.layout.headerRow} (of, bij een export uit het financiële systeem, een kolom 'Rekening' met het blad 'Grootboek' dat elke rekening aan een categorie koppelt).`);
  const okAmount = need(t.has("amount") || t.has("debit") || t.has("credit"), `De kolom 'Bedrag' ontbreekt op '${t.sheet}': voeg een kolom met precies die kop toe in rij ${t.layout.headerRow} (of, bij een export uit het financiële systeem, de kolommen 'Debet' en 'Credit').`);
  if (!okMonth || !okCategory || !okAmount) return null;
  const byAccount = !t.has("category");
  if (byAccount && ledgerMap.kind === "absent") {
    problems.push({
      severity: "fout", code: "ledger-map-missing", sheet: t.sheet, cell: t.address(t.layout.headerRow, "account"),
      message: `'${t.sheet}' heeft een kolom 'Rekening' in plaats van 'Categorie', maar het blad 'Grootboek' ontbreekt: voeg het blad Grootboek toe met de kolommen 'Rekening' en 'Categorie' (en zo nodig 'Kostenplaats'), één regel per rekening.`,
    });
    return null;
  }
  const unmapped = new Map<string, { shown: string; rows: number; total: number; first: number }>();
  const late: number[] = [];
  const rows = t.rows((row) => {
    const month = t.has("month") ? t.month(row, "month", year) : bookingMonth(t, row, year);
    let category: CostCategory | undefined;
    let unmappedRow = false;
    if (!byAccount) category = t.choice(row, "category", COST_CATEGORIES);
    else {
      const account = t.text(row, "account", true);
      if (t.has("costCentre")) t.text(row, "costCentre");
      if (account !== undefined && ledgerMap.kind === "map") {
        const a = ledgerKeyPart(t.raw(row, "account"));
        const cc = t.has("costCentre") ? ledgerKeyPart(t.raw(row, "costCentre")) : "";
        category = ledgerMap.map.get(`${a}|${cc}`) ?? ledgerMap.map.get(`${a}|`);
        if (category === undefined) unmappedRow = true;
      }
    }
    const amount = t.has("amount") ? t.number(row, "amount", { required: true, limit: EURO }) : debitMinusCredit(t, row);
    if (unmappedRow) {
      const a = ledgerKeyPart(t.raw(row, "account"));
      const u = unmapped.get(a) ?? { shown: String(t.raw(row, "account")).trim(), rows: 0, total: 0, first: row };
      u.rows += 1;
      u.total += amount ?? 0;
      unmapped.set(a, u);
    }
    const description = t.text(row, "description") ?? "";
    const caseId = (t.has("caseId") ? t.text(row, "caseId") ?? "" : "").toUpperCase();
    if (category === "Vervanging") {
      if (caseId === "") {
        if (t.has("caseId")) t.problem(row, "caseId", "Een boeking 'Vervanging' heeft een dossiernummer nodig: vul in de kolom Dossier het nummer uit het blad Verzuim in.");
        else t.problem(row, byAccount ? "account" : "category", "Een boeking 'Vervanging' heeft een dossiernummer nodig: voeg op Realisatie een kolom 'Dossier' toe en vul daarin het nummer uit het blad Verzuim in.");
      } else if (cases.kind === "absent") {
        t.problem(row, "caseId", `Dossier ${caseId} kan niet worden gecontroleerd: het blad 'Verzuim' ontbreekt. Voeg het blad toe met dit dossier.`);
      } else if (cases.kind === "ids" && !cases.ids.has(caseId)) {
        t.problem(row, "caseId", `Dossier ${caseId} staat niet in het blad Verzuim: voeg het dossier toe of corrigeer het nummer.`);
      }
    }
    if (month === undefined || category === undefined || amount === undefined) return undefined;
    if (reportMonth !== undefined && month > reportMonth) late.push(row);
    return { row, month, category, amount, description, caseId };
  });
  if (unmapped.size > 0) {
    // One fout for all of them: an export of thousands of rows with one new account is one thing to fix.
    const list = [...unmapped.values()];
    const shownList = list.slice(0, 20).map((u) => `${u.shown} (${u.rows} ${u.rows === 1 ? "boeking" : "boekingen"}, totaal ${euroText(u.total)})`);
    const more = list.length > 20 ? ` en nog ${list.length - 20} andere` : "";
    problems.push({
      severity: "fout", code: "ledger-unmapped", sheet: t.sheet, cell: t.address(list[0].first, "account"),
      message: `${list.length === 1 ? "Rekening" : `${list.length} rekeningen`} ${list.length === 1 ? "staat" : "staan"} niet in het blad Grootboek: ${shownList.join("; ")}${more}. Voeg ${list.length === 1 ? "deze rekening" : "elke rekening"} toe aan het Grootboek met de categorie waar ${list.length === 1 ? "ze" : "ze elk"} onder valt.`,
    });
  }
  if (reportMonth !== undefined && late.length > 0) {
    const list = late.slice(0, 5).join(", ") + (late.length > 5 ? ", …" : "");
    const name = MONTH_NAMES[reportMonth - 1];
    t.problem(
      late[0], t.has("month") ? "month" : "bookingDate",
      `${late.length} ${late.length === 1 ? "boeking ligt" : "boekingen liggen"} na de rapportagemaand (${name}) en ${late.length === 1 ? "telt" : "tellen"} niet mee in de cijfers t/m ${name} (rij ${list}). ` +
        `Moet${late.length === 1 ? " deze boeking" : "en deze boekingen"} wel meetellen, verhoog dan de Rapportagemaand op het blad Instellingen.`,
      "waarschuwing", "ledger-after-report-month",
    );
  }
  return rows;
}

/** The month of a `Boekdatum`: a date in the workbook's year. */
function bookingMonth(t: TableReader, row: number, year: number | null): number | undefined {
  const d = t.date(row, "bookingDate", true);
  if (d === undefined) return undefined;
  if (year !== null && d.year !== year) {
    t.problem(row, "bookingDate", `Boekdatum ${dutchDate(d)} ligt niet in ${year}, het jaar van deze werkmap: laat boekingen van een ander jaar weg uit de export.`);
    return undefined;
  }
  return d.month;
}

/** Debet − Credit; a blank side counts as 0, both blank is a fout. */
function debitMinusCredit(t: TableReader, row: number): number | undefined {
  const debit = t.has("debit") ? t.number(row, "debit", { limit: EURO }) : undefined;
  const credit = t.has("credit") ? t.number(row, "credit", { limit: EURO }) : undefined;
  const blank = (k: string) => !t.has(k) || isBlank(t.raw(row, k));
  if (blank("debit") && blank("credit")) {
    t.problem(row, t.has("debit") ? "debit" : "credit", "Debet en Credit zijn allebei leeg: vul het bedrag van deze boeking in een van beide in.");
    return undefined;
  }
  if ((!blank("debit") && debit === undefined) || (!blank("credit") && credit === undefined)) return undefined;
  return (debit ?? 0) - (credit ?? 0);
}

function readProducts(t: TableReader, year: number | null): ProductRow[] {
  return t.rows((row) => {
    const month = t.month(row, "month", year);
    const service = t.choice(row, "service", SERVICE_CODES);
    const product = t.text(row, "product", true);
    const count = t.number(row, "count", { required: true, min: 0, integer: true, limit: COUNT });
    if (month === undefined || service === undefined || product === undefined || count === undefined) return undefined;
    return { row, month, service, product, count };
  });
}

function readServiceMonths(t: TableReader, year: number | null): ServiceMonth[] {
  const seen = new Map<number, number>();
  return t.rows((row) => {
    const month = t.month(row, "month", year);
    // A count that could not be read has its own fout; it is not compared (no knock-on errors).
    const bad = new Set<string>();
    const n = (key: string) => {
      if (!t.has(key)) return 0;
      const v = t.number(row, key, { min: 0, integer: true, limit: COUNT });
      if (v === undefined && !isBlank(t.raw(row, key))) bad.add(key);
      return v ?? 0;
    };
    const rec = {
      row, month: month ?? 0,
      slotsAvailable: n("slotsAvailable"), slotsOpen: n("slotsOpen"), appointments: n("appointments"), walkIns: n("walkIns"),
      callbacks: n("callbacks"), callbacksOnTime: n("callbacksOnTime"), requests: n("requests"), requestsOnTime: n("requestsOnTime"),
      objections: n("objections"), complaints: n("complaints"),
    };
    const comparable = (a: string, b: string) => !bad.has(a) && !bad.has(b);
    if (comparable("callbacksOnTime", "callbacks") && rec.callbacksOnTime > rec.callbacks) t.problem(row, "callbacksOnTime", `Terugbelverzoeken op tijd (${rec.callbacksOnTime}) is meer dan het aantal terugbelverzoeken (${rec.callbacks}): controleer beide.`);
    if (comparable("requestsOnTime", "requests") && rec.requestsOnTime > rec.requests) t.problem(row, "requestsOnTime", `Verzoeken op tijd (${rec.requestsOnTime}) is meer dan het aantal verzoeken (${rec.requests}): controleer beide.`);
    if (comparable("slotsOpen", "slotsAvailable") && rec.slotsOpen > rec.slotsAvailable) t.problem(row, "slotsOpen", `Open plekken (${rec.slotsOpen}) is meer dan het aantal beschikbare plekken (${rec.slotsAvailable}): controleer beide.`);
    if (month === undefined) return undefined;
    const earlier = seen.get(month);
    if (earlier !== undefined) {
      t.problem(row, "month", `Maand ${month} staat twee keer in Dienstverlening (ook in rij ${earlier}): één regel per maand.`);
      return undefined;
    }
    seen.set(month, row);
    return rec;
  });
}

/** Van/Tot may be text (`8:30`) or a time cell (a fraction of a day). */
function timeText(v: CellValue): string | undefined {
  let fraction: number | undefined;
  if (typeof v === "number" && v >= 0 && v < 1) fraction = v;
  if (v instanceof Date && v.getUTCFullYear() <= 1900) fraction = (v.getUTCHours() * 60 + v.getUTCMinutes()) / 1440;
  if (fraction !== undefined) {
    const minutes = Math.round(fraction * 1440);
    return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  }
  if (typeof v === "string" && /^\s*\d{1,2}[:.]\d{2}\s*$/.test(v)) return v.trim().replace(".", ":");
  return undefined;
}

function readOpeningHours(t: TableReader): OpeningHour[] {
  return t.rows((row) => {
    const service = t.text(row, "service", true);
    const day = t.text(row, "day", true);
    const times = (["from", "to"] as const).map((k) => {
      const v = timeText(t.raw(row, k));
      const raw = t.raw(row, k);
      const label = k === "from" ? "Van" : "Tot";
      if (v === undefined) {
        t.problem(row, k, isCellError(raw) ? `${label}: ${errorValueProblem(raw)}` : `${label}: ${shown(raw)} is geen tijd: typ een tijd als 8:30.`);
      }
      return v;
    });
    if (service === undefined || day === undefined || times[0] === undefined || times[1] === undefined) return undefined;
    return { row, service, day, from: times[0], to: times[1] };
  });
}

function readQualitative(t: TableReader, year: number | null): QualitativeNote[] {
  return t.rows((row) => {
    const topic = t.choice(row, "topic", QUALITATIVE_TOPICS);
    const month = t.has("month") ? t.month(row, "month", year, false) : undefined;
    const text = t.text(row, "text", true);
    if (topic === undefined || text === undefined) return undefined;
    return { row, topic, month: month ?? null, text };
  });
}

function readSelfEvaluation(t: TableReader): SelfEvaluation[] {
  return t.rows((row) => {
    const part = t.text(row, "part", true);
    const score = t.fraction(row, "score", true);
    const norm = t.has("norm") ? t.fraction(row, "norm") : undefined;
    if (part === undefined || score === undefined) return undefined;
    return { row, part, score, norm: norm ?? 0.9 };
  });
}

function readElections(t: TableReader): Election[] {
  return t.rows((row) => {
    const name = t.text(row, "name", true);
    const date = t.has("date") ? t.date(row, "date") : undefined;
    const phase = t.choice(row, "phase", ELECTION_PHASES);
    const txt = (k: string) => (t.has(k) ? t.text(row, k) ?? "" : "");
    if (name === undefined || phase === undefined) return undefined;
    return { row, name, date: date ?? null, phase, progress: txt("progress"), evaluation: txt("evaluation"), bottlenecks: txt("bottlenecks"), improvements: txt("improvements") };
  });
}

function readPrivacy(t: TableReader, year: number | null): PrivacyRow[] {
  return t.rows((row) => {
    const month = t.month(row, "month", year);
    const kind = t.choice(row, "kind", PRIVACY_KINDS);
    const count = t.number(row, "count", { required: true, min: 0, integer: true, limit: COUNT });
    const reported = t.has("reported") ? t.choice(row, "reported", ["Ja", "Nee"] as const, false) : undefined;
    const note = t.has("note") ? t.text(row, "note") ?? "" : "";
    if (kind === "Gegevensverstrekking" && reported !== undefined) {
      t.problem(row, "reported", "'Gemeld bij AP' geldt alleen voor datalekken: laat deze cel leeg bij een gegevensverstrekking.", "waarschuwing");
    }
    if (month === undefined || kind === undefined || count === undefined) return undefined;
    return { row, month, kind, count, reportedToAuthority: kind === "Datalek" && reported !== undefined ? reported === "Ja" : null, note };
  });
}

/**
 * RULES §1: every scale in Formatie needs a Salaristabel row in force for every month of the year. A scale
 * whose own Salaristabel row has a fout is left to that fout. A table whose newest amounts took effect
 * before the previous year still applies (§1), but is most likely not updated for this year: a
 * waarschuwing that names the scales and the months.
 */
function checkSalaryCoverage(
  year: number, table: SalaryRow[], formation: FormationRow[], layout: InputLayout, problems: Problem[], scalesWithFout: Set<string>,
): void {
  const f = layout.sheets.formation;
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

