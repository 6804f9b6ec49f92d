/** Berekening, first block: the parameters of Instellingen, each a formula over its setting cell. */
import { SETTING_LABELS } from "../../domain/glossary";
import { cellRef, sheetRef } from "../a1";
import type { BuildContext } from "../context";
import { FORMATS, type PlanCell } from "../plan";
import type { ParamKey, ParamRefs } from "../refs";
import type { SheetBuilder } from "../sheet";

const E = FORMATS.euro;

/** Number format per parameter, in the order of the block; a Record, so every ParamKey has its row. */
const PARAMS: Record<ParamKey, string> = {
  year: "0",
  reportMonth: "0",
  overheadRate: FORMATS.percent,
  ikbRate: FORMATS.percent,
  employerChargesRate: FORMATS.percent,
  trainingBudget: E,
  additionalServicesBudget: E,
  varianceThresholdAmount: E,
  varianceThresholdRate: FORMATS.percent,
  slaVersion: "0",
};

export function paramsBlock(ctx: BuildContext, sb: SheetBuilder): ParamRefs {
  const s = ctx.inputs.settings;
  sb.section("Parameters (Instellingen)");
  sb.header("Parameter", "Waarde", "Bron");
  // filled below for every key of PARAMS
  const refs = {} as ParamRefs;
  for (const [key, nf] of Object.entries(PARAMS) as Array<[ParamKey, string]>) {
    const p = { key, nf };
    const cell = ctx.layout.settingCells[p.key];
    const value: number = s[p.key];
    let c: PlanCell;
    let source: string;
    if (cell) {
      const r = sheetRef(cell.sheet, cell.row, cell.col, false);
      c = p.key === "slaVersion" ? { f: `VALUE(${r}&"")`, r: value, nf: p.nf } : { f: r, r: value, nf: p.nf };
      source = `${cell.sheet}!${cellRef(cell.row, cell.col)}`;
    } else {
      c = { v: value, nf: p.nf };
      source = p.key === "reportMonth" && ctx.layout.chosen?.reportMonth
        ? "gekozen in het taakvenster voor deze rapportage (Instellingen blijft ongewijzigd)"
        : "standaardwaarde (niet ingevuld op Instellingen)";
    }
    const row = sb.line({ v: SETTING_LABELS[p.key], s: "label" }, c, { v: source, s: "note" });
    refs[p.key] = sb.ref(row, 2);
  }
  return refs;
}
