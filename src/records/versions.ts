/**
 * The signed versions of the addendum (docs/gebruikershandleiding.md, "Vastgesteld, cao-aanpassing en
 * wijziging"): each signing records the figures as vastgesteld and the canonical inputs it rests on, in
 * rows of the sign-off sheet (`versie` rows, after the record's own rows, so a reader of an older version
 * skips them). Number 0 is the addendum as first signed (begroting primitief), n the n-th wijziging.
 * Afterwards, what changed since the version in force says which of two things happened: a cao change
 * (only the Salaristabel rows) or a change of the addendum itself (Formatie or the parameters).
 */
import type { AgreedFigures } from "../domain/agreed";
import { canonicalAddendum, isSalaryLine } from "../domain/fingerprint";
import { sha256Hex } from "../domain/hash";
import type { CellValue } from "../input/grid";
import { text } from "./cells";

export interface SignedVersion {
  /** 0 = the addendum as first signed, n = the n-th wijziging */
  number: number;
  /** date of signing, d-m-jjjj */
  date: string;
  /** ISO timestamp */
  recordedAt: string;
  regisseur: string;
  accounthouder: string;
  /** the reason of a wijziging ("" for the first version) */
  reason: string;
  fingerprint: string;
  figures: AgreedFigures;
  /** the canonical inputs (src/domain/fingerprint.ts), one line each: their SHA-256 is the fingerprint */
  lines: string[];
}

const ROW_KIND = "versie";

/** "Addendum (primitief)", "1e wijziging", … */
export function versionLabel(n: number): string {
  return n === 0 ? "Addendum (primitief)" : `${n}e wijziging`;
}

/** The fields of a version as [key, value] pairs, in a fixed order (the rows and the seal). */
function fields(v: SignedVersion): Array<[string, string]> {
  const f = v.figures;
  return [
    ["nummer", String(v.number)], ["datum", v.date], ["vastgelegd", v.recordedAt], ["regisseur", v.regisseur],
    ["accounthouder", v.accounthouder], ["reden", v.reason], ["vingerafdruk", v.fingerprint],
    ["plafond", String(f.ceiling)], ["overhead", String(f.overhead)], ["opleiding", String(f.training)],
    ["aanvullende dienstverlening", String(f.additional)], ["totaal budget", String(f.totalBudget)],
    ...f.byService.map((s): [string, string] => [`pakket:${s.service}`, String(s.ceiling)]),
    ...v.lines.map((l): [string, string] => ["invoer", l]),
  ];
}

/** The versions as rows of the sign-off sheet: [versie, sequence, key, value]. */
export function versionRows(versions: readonly SignedVersion[]): string[][] {
  return versions.flatMap((v, i) => fields(v).map(([k, value]) => [ROW_KIND, String(i + 1), k, value]));
}

/** The canonical form of the versions for the seal of the sign-off record. */
export function versionsCanonical(versions: readonly SignedVersion[]): string[] {
  return versions.flatMap((v, i) => fields(v).map(([k, value]) => `${i + 1}|${k}|${value}`));
}

/** The versions stored in the sign-off sheet's rows ([] when there are none: a record of an older version). */
export function versionsFrom(rows: CellValue[][]): SignedVersion[] {
  const bySeq = new Map<string, Array<[string, string]>>();
  for (const r of rows) {
    if (text(r[0]).toLowerCase() !== ROW_KIND) continue;
    const seq = text(r[1]);
    const list = bySeq.get(seq) ?? [];
    // the value as stored: a canonical input line keeps its inner spaces
    const raw = r[3];
    list.push([text(r[2]), typeof raw === "string" ? raw : text(raw)]);
    bySeq.set(seq, list);
  }
  const out: SignedVersion[] = [];
  for (const seq of [...bySeq.keys()].sort((a, b) => Number(a) - Number(b))) {
    const kv = bySeq.get(seq) ?? [];
    const one = (k: string) => kv.find(([key]) => key === k)?.[1] ?? "";
    const num = (k: string) => Number(one(k)) || 0;
    out.push({
      number: num("nummer"), date: one("datum"), recordedAt: one("vastgelegd"), regisseur: one("regisseur"),
      accounthouder: one("accounthouder"), reason: one("reden"), fingerprint: one("vingerafdruk"),
      figures: {
        ceiling: num("plafond"), overhead: num("overhead"), training: num("opleiding"), additional: num("aanvullende dienstverlening"),
        totalBudget: num("totaal budget"),
        byService: kv.filter(([k]) => k.startsWith("pakket:")).map(([k, v]) => ({ service: k.slice("pakket:".length), ceiling: Number(v) || 0 })),
      },
      lines: kv.filter(([k]) => k === "invoer").map(([, v]) => v),
    });
  }
  return out;
}

/** Do the stored lines of a version give its fingerprint? (Only then can they say what changed.) */
export function linesMatch(v: SignedVersion): boolean {
  return v.lines.length > 0 && sha256Hex(v.lines.join("\n")) === v.fingerprint;
}

/** What changed between a version's inputs and the inputs now, line by line. */
export interface InputChanges {
  /** only Salaristabel lines changed: a cao change */
  caoOnly: boolean;
  /** lines of the signed version that are gone or changed */
  removed: string[];
  /** lines now that were not signed */
  added: string[];
}

export function changesSince(v: SignedVersion, inputs: Parameters<typeof canonicalAddendum>[0]): InputChanges | null {
  if (!linesMatch(v)) return null;
  const now = canonicalAddendum(inputs).split("\n");
  const before = new Set(v.lines);
  const after = new Set(now);
  const removed = v.lines.filter((l) => !after.has(l));
  const added = now.filter((l) => !before.has(l));
  const caoOnly = removed.length + added.length > 0 && [...removed, ...added].every(isSalaryLine);
  return { caoOnly, removed, added };
}

/** The next number for a new version: 0 for the first signing, the last number + 1 for a wijziging, the same for a re-signing. */
export function nextVersionNumber(versions: readonly SignedVersion[], amendment: boolean): number {
  const last = versions[versions.length - 1];
  if (!last) return 0;
  return amendment ? Math.max(...versions.map((v) => v.number)) + 1 : last.number;
}
