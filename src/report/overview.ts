/**
 * `overzicht` (issue 12 §5): the years side by side — one row per workbook (any number, any order, also of
 * different DVOs) with its key figures, and charts of plafond and realised per year. Host-neutral: grids
 * in, a SheetPlan out; a file that cannot be read or has a `fout` is a row with its problem, never the end.
 */
import { computeResults } from "../domain/compute";
import { MONTH_NAMES } from "../domain/dates";
import { round2 } from "../domain/money";
import type { WorkbookGrids } from "../input/grid";
import { agreementOf, changedSinceSigning, readSignOff } from "../records";
import { withAgreedBudget } from "../domain/agreed";
import { parseWorkbook } from "../input/parse";
import { FORMATS, type PlanCell, type SheetPlan } from "./plan";
import { SheetBuilder } from "./sheet";
import { formatBuildTime } from "./title";

export interface OverviewFigures {
  client: string;
  year: number;
  reportMonth: number;
  fte: number;
  ceiling: number;
  overhead: number;
  totalBudget: number;
  /** realised through the report month, all lines (6.5 Financieel, Totaal); null: no realisation yet */
  realised: number | null;
  /** forecast of the formation costs for the year (RULES §5); null: no realisation yet, so no forecast */
  forecast: number | null;
  room: number | null;
  extra: number | null;
  status: string;
  changedAfterSigning: boolean;
  /** the plafond as signed (null: nothing signed with vastgesteld figures), as recomputed now, and the difference to agree */
  agreedCeiling: number | null;
  recomputedCeiling: number;
  caoAdjustment: number | null;
  /** only the Salaristabel changed after signing: a cao change, the budget figures above are the vastgesteld ones */
  caoChange: boolean;
}

export type OverviewRow = { file: string; ok: true; figures: OverviewFigures; warnings: number } | { file: string; ok: false; problem: string };

export const OVERVIEW_SHEET = "Overzicht";

/** One workbook's row: its figures, or why it has none. */
export function overviewRow(file: string, grids: WorkbookGrids): OverviewRow {
  const parsed = parseWorkbook(grids);
  if (!parsed.inputs) {
    const errors = parsed.problems.filter((p) => p.severity === "fout");
    const first = errors[0];
    const more = errors.length > 1 ? ` (en nog ${errors.length - 1} ${errors.length === 2 ? "fout" : "fouten"})` : "";
    return { file, ok: false, problem: first ? `${first.sheet}!${first.cell}: ${first.message}${more}` : "De werkmap kan niet worden gelezen." };
  }
  const computed = computeResults(parsed.inputs);
  const s = parsed.inputs.settings;
  const signOff = readSignOff(grids);
  // as in the report: while a cao change is to be agreed, the budget in force is the vastgesteld one
  const agreement = agreementOf(signOff, parsed.inputs, computed);
  const r = agreement.kind === "cao" ? withAgreedBudget(parsed.inputs, computed, agreement.version.figures) : computed;
  const agreedCeiling = agreement.kind === "none" ? null : agreement.version.figures.ceiling;
  const total = r.variance.find((v) => v.name === "Totaal");
  return {
    file, ok: true, warnings: parsed.problems.length,
    figures: {
      client: s.client, year: s.year, reportMonth: s.reportMonth,
      fte: round2(parsed.inputs.formation.reduce((a, f) => a + f.fte, 0)),
      ceiling: r.ceiling.ceiling, overhead: r.ceiling.overhead, totalBudget: r.ceiling.totalBudget,
      ...(r.forecast.available
        ? { realised: total?.realisedToDate ?? 0, forecast: r.forecast.formationCostForecast, room: r.forecast.roomUnderCeiling, extra: r.forecast.extraCostForClient }
        : { realised: null, forecast: null, room: null, extra: null }),
      status: signOff?.status ?? "Concept", changedAfterSigning: changedSinceSigning(signOff, r.fingerprint),
      agreedCeiling, recomputedCeiling: computed.ceiling.ceiling,
      caoAdjustment: agreedCeiling === null ? null : round2(computed.ceiling.ceiling - agreedCeiling), caoChange: agreement.kind === "cao",
    },
  };
}

/** Good rows by client and year, then the bad ones in the order given. */
export function sortOverview(rows: readonly OverviewRow[]): OverviewRow[] {
  const good = rows.filter((r): r is Extract<OverviewRow, { ok: true }> => r.ok)
    .sort((a, b) => a.figures.client.localeCompare(b.figures.client, "nl") || a.figures.year - b.figures.year || a.file.localeCompare(b.file));
  return [...good, ...rows.filter((r) => !r.ok)];
}

const HEADERS = [
  "Bestand", "Opdrachtgever", "Jaar", "Rapportagemaand", "Fte", "Plafond formatieve kosten", "Overhead", "Totaal budget P&C",
  "Gerealiseerd t/m rapportagemaand", "Prognose formatieve kosten", "Ruimte onder plafond", "Meerkosten voor opdrachtgever",
  "Ondertekend", "Gewijzigd na ondertekening", "Probleem",
];

export function overviewSheet(rows: readonly OverviewRow[], builtAt: Date): SheetPlan {
  const sorted = sortOverview(rows);
  const sb = new SheetBuilder(OVERVIEW_SHEET);
  const good = sorted.filter((r) => r.ok).length;
  const bad = sorted.length - good;
  sb.line({ v: "DVO Publieksdienst: de jaren naast elkaar", s: "title" });
  sb.line({ v: `${sorted.length} ${sorted.length === 1 ? "werkmap" : "werkmappen"}: ${good} gelezen${bad > 0 ? `, ${bad} met een probleem (onderaan)` : ""}`, s: "subtitle" });
  sb.line({ v: `Gemaakt op ${formatBuildTime(builtAt)} met dvo-addendum overzicht. De cijfers zijn opnieuw berekend uit de invoerbladen van elke werkmap.`, s: "note" });
  sb.blank();
  sb.header(...HEADERS);
  const first = sb.row;
  for (const r of sorted) {
    if (!r.ok) {
      sb.line({ v: r.file }, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, { v: r.problem, s: "warning" });
      continue;
    }
    const f = r.figures;
    const E = (x: number | null): PlanCell => (x === null ? { v: "nog geen realisatie", s: "note" } : { v: x, nf: FORMATS.euro });
    sb.line(
      { v: r.file }, { v: f.client }, { v: f.year, nf: "0" }, { v: `${f.reportMonth} (${MONTH_NAMES[f.reportMonth - 1]})` }, { v: f.fte, nf: FORMATS.fte },
      E(f.ceiling), E(f.overhead), E(f.totalBudget), E(f.realised), E(f.forecast), E(f.room), E(f.extra),
      { v: f.status === "Ondertekend" ? "Ja" : `Nee (${f.status})` }, { v: f.caoChange ? "Nee (cao-aanpassing)" : f.changedAfterSigning ? "Ja" : "Nee" },
      r.warnings > 0 ? { v: `${r.warnings} ${r.warnings === 1 ? "waarschuwing" : "waarschuwingen"} (dvo-addendum check)`, s: "note" } : undefined,
    );
  }
  const lastGood = first + good - 1;
  sb.freeze(first - 1);
  if (good > 0) {
    // a category per workbook: client and year (the file name when two share both)
    const labelCol = 16;
    sorted.forEach((r, i) => {
      if (!r.ok) return;
      const same = sorted.filter((x) => x.ok && x.figures.client === r.figures.client && x.figures.year === r.figures.year).length > 1;
      sb.set(first + i, labelCol, { v: same ? `${r.figures.client.replace(/^Gemeente /, "")} ${r.figures.year} (${r.file})` : `${r.figures.client.replace(/^Gemeente /, "")} ${r.figures.year}`, s: "note" });
    });
    sb.set(first - 1, labelCol, { v: "Grafieklabel", s: "header" });
    // vastgesteld, herrekend and the cao-aanpassing to agree (docs/rekenregels.md), after the chart labels
    ["Vastgesteld plafond", "Herrekend plafond", "Cao-aanpassing, af te stemmen met de opdrachtgever"].forEach((h, j) => sb.set(first - 1, labelCol + 1 + j, { v: h, s: "header", wrap: true }));
    sorted.forEach((r, i) => {
      if (!r.ok) return;
      const f = r.figures;
      const cell = (x: number | null): PlanCell => (x === null ? { v: "niet ondertekend", s: "note" } : { v: x, nf: FORMATS.euro });
      sb.set(first + i, labelCol + 1, cell(f.agreedCeiling));
      sb.set(first + i, labelCol + 2, { v: f.recomputedCeiling, nf: FORMATS.euro });
      sb.set(first + i, labelCol + 3, cell(f.caoAdjustment));
    });
    const cats = `P${first}:P${lastGood}`;
    const anchorRow = sb.row + 1;
    sb.chart({
      kind: "column", title: "Plafond formatieve kosten en prognose per jaar", categories: cats,
      series: [{ name: "Plafond formatieve kosten", values: `F${first}:F${lastGood}` }, { name: "Prognose formatieve kosten", values: `J${first}:J${lastGood}` }],
      anchor: `A${anchorRow}`, width: 560, height: 300,
    });
    sb.chart({
      kind: "column", title: "Gerealiseerd t/m de rapportagemaand per jaar", categories: cats,
      series: [{ name: "Gerealiseerd t/m rapportagemaand", values: `I${first}:I${lastGood}` }, { name: "Totaal budget P&C", values: `H${first}:H${lastGood}` }],
      anchor: `F${anchorRow}`, width: 560, height: 300,
    });
  }
  return sb.build();
}
