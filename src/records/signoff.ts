/**
 * The sign-off record (`_dvo_ondertekening`, very hidden): its rows, its seal, the status it may move to
 * (applySignAction is the only way the status changes), and the warning when the inputs changed after signing.
 */
import { amsterdamDay } from "../domain/dates";
import type { CellValue, Problem, WorkbookGrids } from "../input/grid";
import { hex, text } from "./cells";
import { recordRows, SIGNOFF_SHEET } from "./ownership";
import { versionRows, versionsCanonical, versionsFrom, type SignedVersion } from "./versions";
import { reviewFrom, reviewRows, type Review } from "./review";

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
  /** every signed version, oldest first (records/versions.ts); absent in a record of an older version */
  versions?: SignedVersion[];
  /** the controller's review (records/review.ts): kept in the same sheet, sealed on its own */
  review?: Review;
}

const KEYS: Record<Exclude<keyof SignOff, "versions" | "review">, string> = {
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
  const fields = [s.status, s.regisseur, s.accounthouder, s.date, s.fingerprint, s.recordedAt, s.logEntry ?? ""];
  // a record with versions seals them too; one without keeps the first form, so older seals stay valid
  return s.versions && s.versions.length > 0 ? hex(["dvo-ondertekening/2", ...fields, ...versionsCanonical(s.versions)]) : hex(["dvo-ondertekening/1", ...fields]);
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
  const versions = versionsFrom(rows);
  if (versions.length > 0) s.versions = versions;
  const review = reviewFrom(map);
  if (review) s.review = review;
  return s;
}

/** The stored sign-off record, or null when there is none (or it holds no known status). */
export function readSignOff(grids: WorkbookGrids): SignOff | null {
  const found = recordRows(grids, SIGNOFF_SHEET);
  return found ? signOffFrom(found.rows) : null;
}

/** The record as rows of its sheet: [key, value], the keys in Dutch. */
export function signOffRows(s: SignOff): string[][] {
  const own = (Object.keys(KEYS) as (keyof typeof KEYS)[]).filter((k) => s[k] !== undefined).map((k) => [KEYS[k], s[k] ?? ""]);
  return [...own, ...versionRows(s.versions ?? []), ...reviewRows(s.review)];
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
  /** `amendment`: the reason of a wijziging van het addendum (a new signed version, records/versions.ts) */
  | { kind: "sign"; regisseur: string; accounthouder: string; amendment?: string }
  | { kind: "reopen"; by: string; reason: string };

/**
 * The new sign-off record after an explicit action, or a Dutch sentence saying why it cannot be done.
 * Reopening is the only way back to Concept, and it needs a name and a reason.
 */
export function applySignAction(current: SignOff | null, action: SignAction, fingerprint: string, now: Date): { ok: true; signOff: SignOff; note: string } | { ok: false; message: string } {
  const at = now.toISOString();
  const versions = current?.versions ? { versions: current.versions } : {};
  switch (action.kind) {
    case "submit":
      if (!action.accounthouder.trim()) return { ok: false, message: "Vul de naam van de accounthouder in." };
      if (current?.status === "Ondertekend") return { ok: false, message: "Het addendum is al ondertekend: heropen het eerst (met een reden) als het opnieuw moet worden ondertekend." };
      return { ok: true, signOff: { status: "Ter ondertekening", regisseur: "", accounthouder: action.accounthouder.trim(), date: "", fingerprint, recordedAt: at, ...versions }, note: "ter ondertekening aangeboden aan de regisseur" };
    case "sign":
      if (!action.regisseur.trim() || !action.accounthouder.trim()) return { ok: false, message: "Vul de naam van de regisseur en van de accounthouder in." };
      if (action.amendment !== undefined) return amend(current, action, fingerprint, now);
      if (current?.status === "Ondertekend") return { ok: false, message: "Het addendum is al ondertekend: heropen het eerst (met een reden) als het opnieuw moet worden ondertekend." };
      if (current?.status === "Ter ondertekening" && current.fingerprint !== fingerprint) {
        return { ok: false, message: "De invoer is veranderd sinds het addendum ter ondertekening is aangeboden: bied het opnieuw aan of heropen het." };
      }
      return { ok: true, signOff: { status: "Ondertekend", regisseur: action.regisseur.trim(), accounthouder: action.accounthouder.trim(), date: amsterdamDay(now), fingerprint, recordedAt: at, ...versions }, note: `ondertekend door ${action.regisseur.trim()} (regisseur) en ${action.accounthouder.trim()} (accounthouder)` };
    case "reopen":
      if (!current || current.status === "Concept") return { ok: false, message: "Het addendum is al een concept: er is niets te heropenen." };
      if (!action.by.trim() || !action.reason.trim()) return { ok: false, message: "Heropenen vraagt uw naam en een reden; beide worden in het logboek vastgelegd." };
      return { ok: true, signOff: { status: "Concept", regisseur: "", accounthouder: current.accounthouder, date: "", fingerprint: "", recordedAt: at, ...versions }, note: `heropend door ${action.by.trim()}: ${action.reason.trim()} (was: ${current.status}${current.date ? ` op ${current.date}` : ""})` };
  }
}

/** A wijziging van het addendum: signed over a signed addendum (or one reopened after signing), with a reason. */
function amend(current: SignOff | null, action: { regisseur: string; accounthouder: string; amendment?: string }, fingerprint: string, now: Date): { ok: true; signOff: SignOff; note: string } | { ok: false; message: string } {
  const reason = (action.amendment ?? "").trim();
  if (!reason) return { ok: false, message: "Een wijziging van het addendum vraagt een reden: schrijf bijvoorbeeld --wijziging \"cao 2025 afgestemd met de opdrachtgever\"." };
  const versions = current?.versions ?? [];
  if (versions.length === 0) return { ok: false, message: "Er is nog geen ondertekend addendum met vastgestelde cijfers om te wijzigen: onderteken het eerst zonder --wijziging." };
  if (current?.status === "Ter ondertekening") return { ok: false, message: "Het addendum staat ter ondertekening: onderteken het eerst, of heropen het, voordat u een wijziging ondertekent." };
  if (versions[versions.length - 1].fingerprint === fingerprint) return { ok: false, message: "De invoer van het addendum is niet veranderd sinds de laatst ondertekende versie: er is geen wijziging om te ondertekenen." };
  const number = Math.max(...versions.map((v) => v.number)) + 1;
  return {
    ok: true,
    signOff: { status: "Ondertekend", regisseur: action.regisseur.trim(), accounthouder: action.accounthouder.trim(), date: amsterdamDay(now), fingerprint, recordedAt: now.toISOString(), versions },
    note: `${number}e wijziging van het addendum ondertekend door ${action.regisseur.trim()} (regisseur) en ${action.accounthouder.trim()} (accounthouder): ${reason}`,
  };
}
