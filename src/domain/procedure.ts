/**
 * docs/rekenregels.md §6, "De procedure": what the recorded decisions make of the meerkosten of the sick-leave
 * chain. Under SLA 2024 an adviesnota goes to the gemeentesecretaris of the client for a decision: only an
 * agreed note puts its meerkosten on the client; an open one (or a missing note) is a decision still needed;
 * a rejected one is absorbed within the ceiling. Under SLA 2023 regisseur and teamleider discuss the note and
 * its costs are the client's. A workbook without the `Besluit adviesnota` column keeps the figures of before.
 */
import { round2 } from "./money";
import type { SickLeaveOutcome } from "./forecast";
import type { SlaVersion } from "./types";

/** The status of one case in the procedure, as the report shows it (Dutch: the user reads it). */
export const PROCEDURE_STATUS = {
  short: "kort verzuim",
  teamLeader: "besluit teamleider",
  sla2023: "kosten opdrachtgever (SLA 2023)",
  legacy: "meerkosten geteld (geen besluitkolom)",
  noteMissing: "besluit nodig: adviesnota ontbreekt",
  open: "besluit nodig",
  agreed: "akkoord",
  rejected: "afgewezen",
} as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUS)[keyof typeof PROCEDURE_STATUS];

export interface ProcedureCase {
  outcome: SickLeaveOutcome;
  status: ProcedureStatus;
  /** meerkosten the client bears: agreed note, SLA 2023, or an old workbook without the decision column */
  agreed: number;
  /** meerkosten of a note not decided yet (or not written): besluit nodig */
  pending: number;
  /** meerkosten of a rejected note: to be absorbed within the ceiling */
  rejected: number;
  /** SLA 2024, long leave with replacement: `Alternatieven bekeken` is not Ja while the column exists */
  alternativesOpen: boolean;
}

export interface ProcedureResult {
  cases: ProcedureCase[];
  /** Meerkosten voor de opdrachtgever */
  extraForClient: number;
  /** Besluit nodig: the amount at stake */
  decisionNeeded: number;
  /** Afgewezen: to absorb within the ceiling */
  absorbedWithinCeiling: number;
}

export function statusOf(o: SickLeaveOutcome, sla: SlaVersion): ProcedureStatus {
  const c = o.case;
  if (c.kind === "Kort") return PROCEDURE_STATUS.short;
  if (sla === 2023) return PROCEDURE_STATUS.sla2023;
  if (o.extraCost === 0) return PROCEDURE_STATUS.teamLeader;
  if (c.adviceNoteDecision === null) return PROCEDURE_STATUS.legacy;
  if (c.decision !== "Adviesnota") return PROCEDURE_STATUS.noteMissing;
  if (c.adviceNoteDecision === "Akkoord") return PROCEDURE_STATUS.agreed;
  if (c.adviceNoteDecision === "Afgewezen") return PROCEDURE_STATUS.rejected;
  return PROCEDURE_STATUS.open;
}

export function computeProcedure(outcomes: readonly SickLeaveOutcome[], sla: SlaVersion): ProcedureResult {
  const cases = outcomes.map((o): ProcedureCase => {
    const status = statusOf(o, sla);
    const x = o.extraCost;
    const counted = status === PROCEDURE_STATUS.sla2023 || status === PROCEDURE_STATUS.legacy || status === PROCEDURE_STATUS.agreed;
    const pending = status === PROCEDURE_STATUS.open || status === PROCEDURE_STATUS.noteMissing;
    return {
      outcome: o,
      status,
      agreed: counted ? x : 0,
      pending: pending ? x : 0,
      rejected: status === PROCEDURE_STATUS.rejected ? x : 0,
      alternativesOpen: sla === 2024 && o.case.kind === "Lang" && o.case.alternativesConsidered === false,
    };
  });
  const sum = (f: (c: ProcedureCase) => number) => round2(cases.reduce((s, c) => s + f(c), 0));
  return { cases, extraForClient: sum((c) => c.agreed), decisionNeeded: sum((c) => c.pending), absorbedWithinCeiling: sum((c) => c.rejected) };
}
