/** Inputs + Results → the whole report as a host-neutral WorkbookPlan (docs/gebruikershandleiding.md). */
import type { Results } from "../domain/compute";
import { REPORT_SHEETS } from "../domain/glossary";
import type { Inputs } from "../domain/types";
import type { Problem, WorkbookGrids } from "../input/grid";
import type { InputLayout } from "../input/parse";
import { addendumSheet } from "./addendum";
import { analysisBlock, analysisCalculation } from "./analysis";
import { calculationFinance } from "./calculation/finance";
import { calculationInputs } from "./calculation/inputs";
import type { BuildContext, ReportSheetKey, SheetNames } from "./context";
import { agreementOf, readSignOff, type Agreement, type SignOff } from "../records";
import { withAgreedBudget } from "../domain/agreed";
import { controlSheet } from "./control";
import { electionsSheet } from "./elections";
import { financeSheet } from "./finance";
import { formationSheet } from "./formation";
import type { WorkbookPlan } from "./plan";
import { privacySheet } from "./privacy";
import { qualitativeSheet } from "./qualitative";
import { quantitativeSheet } from "./quantitative";
import { SheetBuilder } from "./sheet";

export const PLAN_VERSION = "1";

export interface BuildOptions {
  builtAt?: Date;
  /** names of sheets in the workbook that the add-in did not make (input sheets, the user's own) */
  otherSheets?: string[];
  /** the sign-off record to show, when it changes in this build (else the one stored in the workbook) */
  signOff?: SignOff | null;
  /** what the records say (gewijzigd na ondertekening, integrity findings), as the job computed them (src/job/build.ts); shown on Controle */
  recordProblems?: Problem[];
  /** the signed version in force and how the inputs stand against it (else computed from the sign-off record) */
  agreement?: Agreement;
}

export interface BuildResult {
  plan: WorkbookPlan;
  /** report sheets that had to get another name because a sheet of the user has theirs */
  renamed: Array<{ wanted: string; used: string }>;
  /** the input problems plus those of the build (renamed sheets, changed after signing) */
  problems: Problem[];
}

/** Choose report sheet names that do not collide with the user's sheets (max 31 characters). */
export function chooseNames(year: number, otherSheets: string[]): { names: SheetNames; renamed: BuildResult["renamed"] } {
  const taken = new Set(otherSheets.map((s) => s.toLowerCase()));
  const wanted: SheetNames = {
    addendum: REPORT_SHEETS.addendum(year),
    formation: REPORT_SHEETS.formation,
    quantitative: REPORT_SHEETS.quantitative,
    qualitative: REPORT_SHEETS.qualitative,
    elections: REPORT_SHEETS.elections,
    finance: REPORT_SHEETS.finance,
    privacy: REPORT_SHEETS.privacy,
    control: REPORT_SHEETS.control,
    calculation: REPORT_SHEETS.calculation,
  };
  const renamed: BuildResult["renamed"] = [];
  const names = { ...wanted };
  for (const k of Object.keys(wanted) as ReportSheetKey[]) {
    let name = wanted[k];
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted[k].slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (name !== wanted[k]) renamed.push({ wanted: wanted[k], used: name });
    names[k] = name;
    taken.add(name.toLowerCase());
  }
  return { names, renamed };
}

/**
 * What people typed in the editable columns of the previous report (the controller's toelichtingen),
 * keyed by sheet, the label in column A of the row, and the column, so it survives a rebuild even when
 * rows move.
 */
export function carriedEntries(grids: WorkbookGrids, names: SheetNames, built: SheetNames): Map<string, string> {
  const out = new Map<string, string>();
  const prev = grids.previous?.[names.finance];
  if (!prev) return out;
  const header = prev.findIndex((r) => typeof r[7] === "string" && /^Toelichting/.test(r[7]));
  if (header < 0) return out;
  for (const r of prev.slice(header + 1)) {
    const label = r[0];
    const v = r[7];
    if (typeof label !== "string" || label.trim() === "") break;
    if (typeof v === "string" && v.trim() !== "") out.set(`${built.finance}|${label.trim()}|8`, v);
  }
  return out;
}

export function buildPlan(inputs: Inputs, results: Results, layout: InputLayout, grids: WorkbookGrids, problems: Problem[], opts: BuildOptions = {}): BuildResult {
  const { names, renamed } = chooseNames(inputs.settings.year, opts.otherSheets ?? grids.sheets.map((s) => s.name));
  const signOff = opts.signOff !== undefined ? opts.signOff : readSignOff(grids);
  const builtAt = opts.builtAt ?? new Date();
  const allProblems = [
    ...problems,
    ...renamed.map((r): Problem => ({
      severity: "waarschuwing", code: "report-sheet-renamed", sheet: r.wanted, cell: "A1",
      message: `Er staat al een eigen werkblad '${r.wanted}' in de werkmap; dat blijft ongemoeid. Het rapportblad heet daarom '${r.used}'.`,
    })),
  ];
  allProblems.push(...(opts.recordProblems ?? []));
  const finalNames = names;
  // the sheets get their own names: the Office.js host swaps old for new itself (src/office/write.ts)
  const built: SheetNames = names;
  const ctx: BuildContext = {
    inputs, results, layout, grids, problems: allProblems, names: built, builtAt,
    signOff, carried: carriedEntries(grids, finalNames, built),
    agreement: opts.agreement ?? agreementOf(signOff, inputs, results),
  };
  // Berekening is written in parts, in this order: each part returns the references (report/refs.ts) the
  // sheets after it take as arguments, so the compiler checks that nothing is read before it is built.
  const calc = new SheetBuilder(ctx.names.calculation);
  const base = calculationInputs(ctx, calc);
  const addendum = addendumSheet(ctx, calc, base);
  const { params, ledger } = base;
  // while a cao change is to be agreed, the budget in force is the vastgesteld one (report/agreed.ts): the
  // finance blocks read it, and variance and forecast are computed against it
  const inForce = ctx.agreement?.kind === "cao" && addendum.refs.agreed ? { refs: addendum.refs.agreed.agreed, results: withAgreedBudget(inputs, results, ctx.agreement.version.figures) } : null;
  const budgetCtx: BuildContext = inForce ? { ...ctx, results: inForce.results } : ctx;
  const budget = inForce?.refs ?? addendum.refs.budget;
  const later: BuildContext = inForce ? { ...ctx, results: { ...results, variance: inForce.results.variance, forecast: inForce.results.forecast } } : ctx;
  const money = calculationFinance(budgetCtx, calc, { params, ledger, budget, scaleMonthly: base.scaleMonthly, formation: addendum.refs.formation });
  const analysis = analysisCalculation(budgetCtx, calc, { params, budget, finance: money });
  const finance = financeSheet(budgetCtx, { params, ledger, budget, calc: money, agreed: addendum.refs.agreed });
  // the P&C table in the municipality's form closes 6.5, so the rows above keep their place
  analysisBlock(budgetCtx, finance.sheet, analysis);
  const sheets = [
    addendum.sheet,
    formationSheet(later, { addendum: addendum.refs, finance: finance.refs, forecast: money.forecast }),
    quantitativeSheet(ctx, base),
    qualitativeSheet(ctx),
    electionsSheet(ctx),
    finance.sheet,
    privacySheet(ctx, base.privacy),
    controlSheet(later, { params, ledger, addendum: addendum.refs, calc: money, finance: finance.refs }),
    calc,
  ].map((s) => s.build());
  return {
    plan: {
      sheets,
      marker: { product: "dvo-addendum", version: PLAN_VERSION, fingerprint: results.fingerprint, builtAt: builtAt.toISOString(), reportMonth: inputs.settings.reportMonth },
    },
    renamed,
    problems: allProblems,
  };
}
