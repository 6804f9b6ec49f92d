/**
 * The sign-off record (`_dvo_ondertekening`, very hidden): its rows, its seal, the status it may move to
 * (applySignAction is the only way the status changes), and the warning when the inputs changed after signing.
 */
import { amsterdamDay } from "../domain/dates";
import type { CellValue, Problem, WorkbookGrids } from "../input/grid";
import { hex, text } from "./cells";
import { recordRows, SIGNOFF_SHEET } from "./ownership";

export const STATUSES = ["Concept", "Ter ondertekening", "Ondertekend"] as const;
export type Status = (typeof STATUSES)[number];

export interface SignOff {
  status: Status;
  regisseur: string;
  accounthouder: string;
  /** date of signing, d-m-jjjj */
  date: string;
  /** the addendum fingerprint the status applies to */
  fingerprint: string;
  /** ISO timestamp of the last change of status */
  recordedAt: string;
  /** hash of the Logboek row that recorded this status (the head of the log chain at that moment) */
  logEntry?: string;
  /** SHA-256 over the fields above: shows an edit of the record outside the add-in */
  seal?: string;
}

const KEYS: Record<keyof SignOff, string> = {
  status: "status",
  regisseur: "regisseur",
  accounthouder: "accounthouder",
  date: "datum ondertekening",
  fingerprint: "vingerafdruk",
  recordedAt: "vastgelegd",
  logEntry: "logboek",
  seal: "zegel",
};

/** The seal of a sign-off record: a hash over its content and the log row it points at. */
export function sealOf(s: SignOff): string {
  return hex(["dvo-ondertekening/1", s.status, s.regisseur, s.accounthouder, s.date, s.fingerprint, s.recordedAt, s.logEntry ?? ""]);
}

/** The sign-off record in the rows of its sheet, or null when they hold no known status. */
export function signOffFrom(rows: CellValue[][]): SignOff | null {
  const map = new Map(rows.map((r) => [text(r[0]).toLowerCase(), text(r[1])]));
  const status = STATUSES.find((s) => s.toLowerCase() === (map.get(KEYS.status) ?? "").toLowerCase());
  if (!status) return null;
  const s: SignOff = {
    status,
    regisseur: map.get(KEYS.regisseur) ?? "",
    accounthouder: map.get(KEYS.accounthouder) ?? "",
    date: map.get(KEYS.date) ?? "",
    fingerprint: map.get(KEYS.fingerprint) ?? "",
    recordedAt: map.get(KEYS.recordedAt) ?? "",
  };
  const logEntry = map.get(KEYS.logEntry as string);
  const seal = map.get(KEYS.seal as string);
  if (logEntry) s.logEntry = logEntry;
  if (seal) s.seal = seal;
  return s;
}

/** The stored sign-off record, or null when there is none (or it holds no known status). */
export function readSignOff(grids: WorkbookGrids): SignOff | null {
  const found = recordRows(grids, SIGNOFF_SHEET);
  return found ? signOffFrom(found.rows) : null;
}

/** The record as rows of its sheet: [key, value], the keys in Dutch. */
export function signOffRows(s: SignOff): string[][] {
  return (Object.keys(KEYS) as (keyof SignOff)[]).filter((k) => s[k] !== undefined).map((k) => [KEYS[k], s[k] ?? ""]);
}

/** True when the inputs changed after the addendum was signed (or submitted for signing). */
export function changedSinceSigning(s: SignOff | null, fingerprint: string): boolean {
  return s !== null && s.status !== "Concept" && s.fingerprint !== "" && s.fingerprint !== fingerprint;
}

export function signOffProblems(s: SignOff | null, fingerprint: string, addendumSheet: string): Problem[] {
  if (!changedSinceSigning(s, fingerprint) || !s) return [];
  const what = s.status === "Ondertekend" ? `ondertekend door ${s.regisseur || "de regisseur"} op ${s.date || "?"}` : "ter ondertekening aangeboden";
  return [{
    severity: "waarschuwing", code: "changed-after-signing",
    sheet: addendumSheet,
    cell: "A1",
    message: `Gewijzigd na ondertekening: het addendum is ${what}, maar de instellingen, de gebruikte salaristabel of de formatie zijn daarna veranderd (vingerafdruk ${s.fingerprint.slice(0, 12)} → ${fingerprint.slice(0, 12)}). Zet de wijziging terug, of heropen het addendum met een reden en laat het opnieuw ondertekenen.`,
  }];
}

export type SignAction =
  | { kind: "submit"; accounthouder: string }
  | { kind: "sign"; regisseur: string; accounthouder: string }
  | { kind: "reopen"; by: string; reason: string };

/**
 * The new sign-off record after an explicit action, or a Dutch sentence saying why it cannot be done.
 * Reopening is the only way back to Concept, and it needs a name and a reason.
 */
export function applySignAction(current: SignOff | null, action: SignAction, fingerprint: string, now: Date): { ok: true; signOff: SignOff; note: string } | { ok: false; message: string } {
  const at = now.toISOString();
  switch (action.kind) {
    case "submit":
      if (!action.accounthouder.trim()) return { ok: false, message: "Vul de naam van de accounthouder in." };
      if (current?.status === "Ondertekend") return { ok: false, message: "Het addendum is al ondertekend: heropen het eerst (met een reden) als het opnieuw moet worden ondertekend." };
      return { ok: true, signOff: { status: "Ter ondertekening", regisseur: "", accounthouder: action.accounthouder.trim(), date: "", fingerprint, recordedAt: at }, note: "ter ondertekening aangeboden aan de regisseur" };
    case "sign":
      if (!action.regisseur.trim() || !action.accounthouder.trim()) return { ok: false, message: "Vul de naam van de regisseur en van de accounthouder in." };
      if (current?.status === "Ondertekend") return { ok: false, message: "Het addendum is al ondertekend: heropen het eerst (met een reden) als het opnieuw moet worden ondertekend." };
      if (current?.status === "Ter ondertekening" && current.fingerprint !== fingerprint) {
        return { ok: false, message: "De invoer is veranderd sinds het addendum ter ondertekening is aangeboden: bied het opnieuw aan of heropen het." };
      }
      return { ok: true, signOff: { status: "Ondertekend", regisseur: action.regisseur.trim(), accounthouder: action.accounthouder.trim(), date: amsterdamDay(now), fingerprint, recordedAt: at }, note: `ondertekend door ${action.regisseur.trim()} (regisseur) en ${action.accounthouder.trim()} (accounthouder)` };
    case "reopen":
      if (!current || current.status === "Concept") return { ok: false, message: "Het addendum is al een concept: er is niets te heropenen." };
      if (!action.by.trim() || !action.reason.trim()) return { ok: false, message: "Heropenen vraagt uw naam en een reden; beide worden in het logboek vastgelegd." };
      return { ok: true, signOff: { status: "Concept", regisseur: "", accounthouder: current.accounthouder, date: "", fingerprint: "", recordedAt: at }, note: `heropend door ${action.by.trim()}: ${action.reason.trim()} (was: ${current.status}${current.date ? ` op ${current.date}` : ""})` };
  }
}
