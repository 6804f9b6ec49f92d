/** Instellingen: a two-column table `Instelling` / `Waarde` (docs/werkmapcontract.md). */
import { SETTING_LABELS } from "../domain/glossary";
import { DEFAULT_FORECAST_METHOD, FORECAST_METHODS, PERSPECTIVES, VARIANCE_SIGNS, YES_NO, type ForecastMethod, type Perspective, type Settings, type SlaVersion, type VarianceSign, type YesNo } from "../domain/types";
import { slaVersionForYear } from "../domain/sla";
import { beyondLimit, LIMITS, nl, readFraction, readNumber, readText, shown, type Read } from "./cells";
import { a1, isBlank, isCellError, type Problem, type WorkbookGrids } from "./grid";
import { costCentreList } from "./ledger-scope";
import { norm, TableReader, type FormMap } from "./table";

export type SettingKey = keyof Settings;

type Kind = "integer" | "text" | "fraction" | "euro" | "sla" | "choice";
interface SettingSpec {
  kind: Kind;
  default?: string | number;
  min?: number;
  max?: number;
  /** kind "choice": the values allowed (compared without regard to case) */
  options?: readonly string[];
}

export const SETTING_SPECS: Record<SettingKey, SettingSpec> = {
  year: { kind: "integer", min: 2000, max: 2100 },
  client: { kind: "text", default: "Gemeente Ommen" },
  provider: { kind: "text", default: "Gemeente Twenterand" },
  reportMonth: { kind: "integer", min: 1, max: 12 },
  overheadRate: { kind: "fraction" },
  ikbRate: { kind: "fraction", default: 0.1705 },
  employerChargesRate: { kind: "fraction" },
  trainingBudget: { kind: "euro" },
  additionalServicesBudget: { kind: "euro", default: 0 },
  varianceThresholdAmount: { kind: "euro", default: 10000 },
  varianceThresholdRate: { kind: "fraction", default: 0.1 },
  slaVersion: { kind: "sla", default: 2024 },
  varianceSign: { kind: "choice", default: "nadeel", options: VARIANCE_SIGNS },
  forecastMethod: { kind: "choice", default: DEFAULT_FORECAST_METHOD, options: FORECAST_METHODS },
  perspective: { kind: "choice", default: "opdrachtnemer", options: PERSPECTIVES },
  reviewRequired: { kind: "choice", default: "nee", options: YES_NO },
  // a list of cost centres (docs/werkmapcontract.md); empty: every cost centre counts
  costCentres: { kind: "text", default: "" },
};

/** Where each setting's value lives; absent = the default was used. */
export type SettingCells = Partial<Record<SettingKey, { sheet: string; row: number; col: number }>>;

export interface SettingsRead {
  settings: Settings | null;
  cells: SettingCells;
  /**
   * Jaar and Rapportagemaand when they themselves are valid, even if another setting is wrong (then
   * `settings` is null): the other sheets are still checked against them, so that all problems are
   * reported in one pass.
   */
  known: { year?: number; reportMonth?: number; costCentres?: string[] };
  /** SLA-versie when it itself is valid (or its default), even if another setting is wrong */
  slaVersion?: SlaVersion;
}

function readSetting(kind: Kind, v: Parameters<typeof readNumber>[0], spec: SettingSpec): Read<number | string> {
  switch (kind) {
    case "text":
      return readText(v);
    case "fraction":
      return readFraction(v);
    case "choice": {
      const options = spec.options ?? [];
      if (isCellError(v)) return { ok: false, message: `bevat de foutwaarde ${v.error}: kies ${options.join(" of ")}.` };
      const t = typeof v === "string" ? v.trim().toLowerCase() : "";
      const hit = options.find((o) => o.toLowerCase() === t);
      if (hit !== undefined) return { ok: true, value: hit, form: "text" };
      const found = typeof v === "string" ? (v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v === "number" ? nl(v) : shown(v);
      return { ok: false, message: `'${found}' is geen keuze: kies ${options.join(" of ")}.` };
    }
    case "sla": {
      if (isCellError(v)) return { ok: false, message: `bevat de foutwaarde ${v.error}: typ 2023 of 2024.` };
      const t = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
      if (t === "2023" || t === "2024") return { ok: true, value: Number(t), form: typeof v === "number" ? "number" : "text" };
      const found = typeof v === "string" ? (v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v === "number" ? nl(v) : shown(v);
      return { ok: false, message: `'${found}' is geen SLA-versie: kies 2023 of 2024.` };
    }
    default: {
      const n = readNumber(v);
      if (!n.ok) return n;
      if (kind === "integer" && !Number.isInteger(n.value)) {
        return { ok: false, message: `${nl(n.value)} is geen heel getal: vul een heel getal van ${spec.min} tot en met ${spec.max} in.` };
      }
      if (spec.min !== undefined && n.value < spec.min) return { ok: false, message: `${nl(n.value)} is te klein: de waarde ligt tussen ${spec.min} en ${spec.max}.` };
      if (spec.max !== undefined && n.value > spec.max) return { ok: false, message: `${nl(n.value)} is te groot: de waarde ligt tussen ${spec.min} en ${spec.max}.` };
      if (kind === "euro" && n.value < 0) return { ok: false, message: `${nl(n.value)} is negatief: vul een bedrag van 0 of meer in.` };
      const beyond = kind === "euro" ? beyondLimit(n.value, LIMITS.euro, "een bedrag", " euro") : null;
      if (beyond) return { ok: false, message: beyond };
      return n;
    }
  }
}

export function readSettings(grids: WorkbookGrids, problems: Problem[], forms: FormMap): SettingsRead {
  const t = TableReader.open(grids, "settings", [
    { key: "name", header: "Instelling", required: true },
    { key: "value", header: "Waarde", required: true },
  ], true, problems, forms);
  if (!t) return { settings: null, cells: {}, known: {} };
  const byLabel = new Map<string, SettingKey>();
  for (const k of Object.keys(SETTING_LABELS) as SettingKey[]) byLabel.set(norm(SETTING_LABELS[k]), k);
  const found = new Map<SettingKey, number>();
  const valueCol = t.layout.columns.value;
  for (const r of t.layout.dataRows) {
    const label = t.raw(r, "name");
    if (isBlank(label)) continue;
    const key = byLabel.get(norm(String(label)));
    if (!key) {
      const named = isCellError(label) ? `met de foutwaarde ${label.error}` : typeof label === "string" ? `'${label.length > 40 ? `${label.slice(0, 40)}…` : label}'` : shown(label);
      t.problem(r, "name", `Onbekende instelling ${named}: deze wordt genegeerd. Bekende instellingen: ${Object.values(SETTING_LABELS).join(", ")}.`, "waarschuwing");
      continue;
    }
    if (found.has(key)) {
      t.problem(r, "name", `De instelling '${SETTING_LABELS[key]}' staat twee keer in de lijst (ook in rij ${found.get(key)}): verwijder een van beide.`);
      continue;
    }
    found.set(key, r);
  }
  const values: Partial<Record<SettingKey, number | string>> = {};
  const cells: SettingCells = {};
  let ok = true;
  for (const key of Object.keys(SETTING_SPECS) as SettingKey[]) {
    const spec = SETTING_SPECS[key];
    const label = SETTING_LABELS[key];
    const row = found.get(key);
    const v = row === undefined ? null : t.raw(row, "value");
    if (row === undefined || isBlank(v)) {
      if (spec.default !== undefined) {
        values[key] = spec.default;
        continue;
      }
      ok = false;
      problems.push({
        severity: "fout", code: "setting",
        sheet: t.sheet,
        cell: row === undefined ? a1(t.layout.headerRow, t.layout.columns.name) : a1(row, valueCol),
        message: row === undefined
          ? `De instelling '${label}' ontbreekt: voeg een rij '${label}' met een waarde toe.`
          : t.emptyMessage(row, "value", `${label} is leeg: vul een waarde in.`, label),
      });
      continue;
    }
    const r = readSetting(spec.kind, v, spec);
    if (!r.ok) {
      ok = false;
      problems.push({ severity: "fout", code: "setting", sheet: t.sheet, cell: a1(row, valueCol), message: `${label}: ${r.message}` });
      continue;
    }
    values[key] = r.value;
    cells[key] = { sheet: t.sheet, row, col: valueCol };
  }
  const costCentres = typeof values.costCentres === "string" ? costCentreList(values.costCentres) : undefined;
  const known = { year: values.year as number | undefined, reportMonth: values.reportMonth as number | undefined, costCentres };
  const slaVersion = values.slaVersion as SlaVersion | undefined;
  if (known.year !== undefined && slaVersion !== undefined) {
    const problem = slaYearProblem(known.year, slaVersion, cells, t.sheet);
    if (problem) problems.push(problem);
  }
  if (!ok) return { settings: null, cells, known, slaVersion };
  return {
    known,
    slaVersion,
    settings: {
      year: values.year as number,
      client: values.client as string,
      provider: values.provider as string,
      reportMonth: values.reportMonth as number,
      overheadRate: values.overheadRate as number,
      ikbRate: values.ikbRate as number,
      employerChargesRate: values.employerChargesRate as number,
      trainingBudget: values.trainingBudget as number,
      additionalServicesBudget: values.additionalServicesBudget as number,
      varianceThresholdAmount: values.varianceThresholdAmount as number,
      varianceThresholdRate: values.varianceThresholdRate as number,
      slaVersion: values.slaVersion as SlaVersion,
      varianceSign: values.varianceSign as VarianceSign,
      forecastMethod: values.forecastMethod as ForecastMethod,
      perspective: values.perspective as Perspective,
      reviewRequired: values.reviewRequired as YesNo,
      ...(costCentres && costCentres.length > 0 ? { costCentres } : {}),
    },
    cells,
  };
}

/** SLA-versie against Jaar (docs/werkmapcontract.md): SLA 2023 for 2023, SLA 2024 from 2024 on; another version is a waarschuwing. */
function slaYearProblem(year: number, version: SlaVersion, cells: SettingCells, sheet: string): Problem | null {
  const expected = slaVersionForYear(year);
  if (version === expected) return null;
  const own = cells.slaVersion;
  const at = own ?? cells.year;
  return {
    severity: "waarschuwing", code: "sla-version-year", sheet, cell: at ? a1(at.row, at.col) : "A1",
    message: own
      ? `SLA-versie ${version} hoort niet bij Jaar ${year}: voor ${year} geldt de SLA ${expected}. Zet SLA-versie op ${expected}, of controleer Jaar.`
      : `SLA-versie is niet ingevuld en staat daarom op ${version}, maar voor Jaar ${year} geldt de SLA ${expected}: voeg een rij 'SLA-versie' met de waarde ${expected} toe.`,
  };
}
