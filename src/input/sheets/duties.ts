/** `SLA taken`: the SLA's recurring duties — K2B deliveries, the BRP quality norms B102 and BBN2, ENSIA. */
import { DUTY_TASKS, NORM_KINDS, type DutyRow } from "../../domain/types";
import { isBlank } from "../grid";
import type { TableReader } from "../table";

export function readDuties(t: TableReader): DutyRow[] {
  return t.rows((row) => {
    const task = t.choice(row, "task", DUTY_TASKS);
    const date = t.has("date") ? t.date(row, "date") : undefined;
    const part = t.has("part") ? t.text(row, "part") ?? "" : "";
    const result = t.has("result") ? t.number(row, "result") : undefined;
    const norm = t.has("norm") ? t.number(row, "norm") : undefined;
    const normKind = t.has("normKind") ? t.choice(row, "normKind", NORM_KINDS, false) : undefined;
    const done = t.has("done") ? t.choice(row, "done", ["Ja", "Nee"] as const, false) : undefined;
    const note = t.has("note") ? t.text(row, "note") ?? "" : "";
    // a blank cell (a cell that is not blank but unreadable has its own fout already)
    const blank = (k: string) => !t.has(k) || isBlank(t.raw(row, k));
    if (task === "K2B-levering" && blank("date")) {
      t.problem(row, t.has("date") ? "date" : "task", "Een K2B-levering heeft een datum nodig: vul in de kolom Datum de dag in waarop het bestand is aangeleverd.", "fout", "sla-duty");
    }
    if (task === "B102" || task === "BBN2") {
      if (blank("result")) t.problem(row, t.has("result") ? "result" : "task", `${task} heeft een resultaat nodig: vul in de kolom Resultaat de gemeten waarde in.`, "fout", "sla-duty");
      if (blank("norm")) t.problem(row, t.has("norm") ? "norm" : "task", `${task} heeft een norm nodig: vul in de kolom Norm de wettelijke norm in (en in Normsoort 'maximaal' als het resultaat er niet boven mag).`, "fout", "sla-duty");
    }
    if (task === "ENSIA" && done === "Ja" && blank("date")) {
      t.problem(row, t.has("date") ? "date" : "done", "ENSIA is gereed, maar de datum ontbreekt: vul in de kolom Datum in wanneer dit onderdeel is afgerond.", "waarschuwing", "sla-duty");
    }
    if (task === undefined) return undefined;
    return { row, task, date: date ?? null, part, result: result ?? null, norm: norm ?? null, normKind: normKind ?? "minimaal", done: done === "Ja", note };
  });
}
