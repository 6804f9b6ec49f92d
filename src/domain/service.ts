/** docs/rekenregels.md §7: service figures. */
import type { SelfEvaluation, ServiceMonth } from "./types";

export interface ServiceFigures {
  /** Σ op tijd / Σ totaal through n; null when there were none */
  callbackRate: number | null;
  requestRate: number | null;
  callbacks: number;
  callbacksOnTime: number;
  requests: number;
  requestsOnTime: number;
  /** per month 1..n: open / available; null when nothing was available */
  agenda: Array<{ month: number; available: number; open: number; openRate: number | null }>;
  objections: number;
  complaints: number;
}

export const SERVICE_NORM = 1;

export function computeServiceFigures(months: readonly ServiceMonth[], n: number): ServiceFigures {
  const inRange = months.filter((m) => m.month <= n);
  const sum = (f: (m: ServiceMonth) => number) => inRange.reduce((s, m) => s + f(m), 0);
  const callbacks = sum((m) => m.callbacks);
  const callbacksOnTime = sum((m) => m.callbacksOnTime);
  const requests = sum((m) => m.requests);
  const requestsOnTime = sum((m) => m.requestsOnTime);
  const agenda = [];
  for (let month = 1; month <= n; month++) {
    const rows = inRange.filter((r) => r.month === month);
    const available = rows.reduce((s, r) => s + r.slotsAvailable, 0);
    const open = rows.reduce((s, r) => s + r.slotsOpen, 0);
    agenda.push({ month, available, open, openRate: available === 0 ? null : open / available });
  }
  return {
    callbackRate: callbacks === 0 ? null : callbacksOnTime / callbacks,
    requestRate: requests === 0 ? null : requestsOnTime / requests,
    callbacks,
    callbacksOnTime,
    requests,
    requestsOnTime,
    agenda,
    objections: sum((m) => m.objections),
    complaints: sum((m) => m.complaints),
  };
}

export function selfEvaluationMeets(e: SelfEvaluation): boolean {
  return e.score >= e.norm;
}
