/**
 * Which of two things happened after signing (docs/gebruikershandleiding.md, "Vastgesteld, cao-aanpassing
 * en wijziging"): a cao change — only Salaristabel rows differ from the signed version, so the vastgesteld
 * budget stays and the difference is to be agreed with the client — or a change of the addendum itself
 * (Formatie or the parameters): *gewijzigd na ondertekening*, as records/signoff.ts says. Each names the rows.
 */
import { caoAdjustment, figuresOfCeiling, type AgreedFigures } from "../domain/agreed";
import type { Results } from "../domain/compute";
import { isoDate } from "../domain/dates";
import { SHEETS } from "../domain/glossary";
import type { Inputs } from "../domain/types";
import type { Problem } from "../input/grid";
import { signOffProblems, type SignOff } from "./signoff";
import { changesSince, versionLabel, type InputChanges, type SignedVersion } from "./versions";

export type Agreement =
  /** nothing signed with vastgesteld figures (a concept, or a record of an older version) */
  | { kind: "none" }
  | { kind: "unchanged"; version: SignedVersion; versions: SignedVersion[] }
  /** only the Salaristabel rows changed: the vastgesteld budget stays, the difference is to be agreed */
  | { kind: "cao"; version: SignedVersion; versions: SignedVersion[]; changes: InputChanges; recomputed: AgreedFigures }
  /** Formatie or the parameters changed: gewijzigd na ondertekening */
  | { kind: "changed"; version: SignedVersion; versions: SignedVersion[]; changes: InputChanges | null };

/** The signed version in force and how the inputs now stand against it. */
export function agreementOf(signOff: SignOff | null, inputs: Inputs, results: Results): Agreement {
  const versions = signOff?.versions ?? [];
  if (!signOff || signOff.status !== "Ondertekend" || versions.length === 0) return { kind: "none" };
  const version = [...versions].reverse().find((v) => v.fingerprint === signOff.fingerprint);
  if (!version) return { kind: "none" };
  if (version.fingerprint === results.fingerprint) return { kind: "unchanged", version, versions };
  const changes = changesSince(version, inputs);
  if (changes?.caoOnly) return { kind: "cao", version, versions, changes, recomputed: figuresOfCeiling(results.ceiling) };
  return { kind: "changed", version, versions, changes };
}

const euro = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const dutch = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}-${m}-${y}`;
};

/** The changed lines in words, each naming its sheet and row where it still exists. */
export function describeInputChanges(changes: InputChanges, inputs: Pick<Inputs, "salaryTable" | "formation">): string[] {
  const out: string[] = [];
  const split = (l: string) => l.split("|");
  // Salaristabel|date|scale|maximum
  const salary = (lines: string[]) => new Map(lines.filter((l) => l.startsWith("Salaristabel|")).map((l) => { const [, d, sc, m] = split(l); return [`${d}|${sc}`, Number(m)]; }));
  const before = salary(changes.removed);
  const after = salary(changes.added);
  const rowOf = (key: string) => {
    const [d, scale] = key.split("|");
    return inputs.salaryTable.find((r) => isoDate(r.effective) === d && r.scale === scale)?.row;
  };
  // in the order of the Salaristabel's rows; one that is gone comes last
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => (rowOf(x) ?? Infinity) - (rowOf(y) ?? Infinity));
  for (const key of keys) {
    const [d, scale] = key.split("|");
    const row = rowOf(key);
    const where = row ? ` (${SHEETS.salaryTable} rij ${row})` : "";
    const b = before.get(key);
    const a = after.get(key);
    out.push(b !== undefined && a !== undefined ? `schaal ${scale} per ${dutch(d)}: ${euro(b)} bij ondertekening, nu ${euro(a)}${where}`
      : a !== undefined ? `schaal ${scale} per ${dutch(d)} is nieuw: ${euro(a)}${where}`
        : `schaal ${scale} per ${dutch(d)} (${euro(b ?? 0)}) geldt niet meer`);
  }
  // Formatie|function|service|scale|fte
  const formation = (lines: string[]) => lines.filter((l) => l.startsWith("Formatie|")).map(split);
  for (const [, fn, svc, scale, fte] of formation(changes.added)) {
    const row = inputs.formation.find((f) => f.functionName === fn && f.service === svc && f.scale === scale && String(Number(f.fte.toPrecision(15))) === fte)?.row;
    out.push(`${SHEETS.formation}${row ? ` rij ${row}` : ""} (${fn}, ${svc}, schaal ${scale}, ${fte.replace(".", ",")} fte) is nieuw of gewijzigd`);
  }
  for (const [, fn, svc, scale, fte] of formation(changes.removed)) out.push(`${SHEETS.formation}: ${fn}, ${svc}, schaal ${scale}, ${fte.replace(".", ",")} fte zoals ondertekend staat er niet meer`);
  // Key=value (the parameters)
  const params = (lines: string[]) => new Map(lines.filter((l) => l.includes("=") && !l.includes("|")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  const pb = params(changes.removed);
  const pa = params(changes.added);
  for (const k of new Set([...pb.keys(), ...pa.keys()])) out.push(`${SHEETS.settings} ${k}: ${pb.get(k) ?? "—"} bij ondertekening, nu ${pa.get(k) ?? "—"}`);
  return out;
}

function listed(items: string[]): string {
  const shown = items.slice(0, 8).join("; ");
  return items.length > 8 ? `${shown}; en nog ${items.length - 8}` : shown;
}

/**
 * The records' finding about the inputs against the signed addendum: a cao change (waarschuwing naming the
 * Salaristabel rows, with vastgesteld, herrekend and the amount to agree), or gewijzigd na ondertekening
 * (naming the rows when the signed version's inputs are known).
 */
export function agreementProblems(signOff: SignOff | null, inputs: Inputs, results: Results, addendumSheet: string): Problem[] {
  const a = agreementOf(signOff, inputs, results);
  if (a.kind === "cao") {
    const d = caoAdjustment(a.version.figures, a.recomputed).total[0];
    const firstRow = inputs.salaryTable.find((r) => a.changes.added.includes(`Salaristabel|${isoDate(r.effective)}|${r.scale}|${String(Number(r.maximum.toPrecision(15)))}`))?.row;
    return [{
      severity: "waarschuwing", code: "cao-change-after-signing",
      sheet: firstRow ? SHEETS.salaryTable : addendumSheet, cell: firstRow ? `A${firstRow}` : "A1",
      message: `Cao-aanpassing na ondertekening: alleen de Salaristabel is veranderd sinds ${a.version.number === 0 ? "het addendum" : `de ${versionLabel(a.version.number)}`} op ${a.version.date} is ondertekend (${listed(describeInputChanges(a.changes, inputs))}). Het vastgestelde plafond (${euro(d.agreed)}) blijft het budget; herrekend is het ${euro(d.recomputed)}. Stem de cao-aanpassing van ${euro(d.difference)} af met de opdrachtgever en leg de afspraak vast met een wijziging van het addendum (sign --wijziging "reden").`,
    }];
  }
  const found = signOffProblems(signOff, results.fingerprint, addendumSheet);
  if (a.kind === "changed" && a.changes && found.length > 0) {
    const rows = describeInputChanges(a.changes, inputs);
    if (rows.length > 0) found[0] = { ...found[0], message: `${found[0].message} Veranderd: ${listed(rows)}.` };
  }
  return found;
}
