/**
 * The input fingerprint (docs/gebruikershandleiding.md, sign-off): SHA-256 over the canonical addendum inputs — the settings
 * that shape the budget, the Salaristabel rows used, and the Formatie. Row numbers and cell formats do not
 * count; values do.
 */
import { sha256Hex } from "./hash";
import { compareDates, isoDate } from "./dates";
import { rowInForce } from "./salary";
import type { Inputs, SalaryRow } from "./types";

/** Numbers in canonical form: 15 significant digits, no trailing zeros. */
function num(x: number): string {
  return String(Number(x.toPrecision(15)));
}

/** The Salaristabel rows that are in force in some month of the year for a scale in Formatie. */
export function salaryRowsUsed(inputs: Pick<Inputs, "settings" | "salaryTable" | "formation">): SalaryRow[] {
  const used = new Set<SalaryRow>();
  for (const scale of new Set(inputs.formation.map((f) => f.scale))) {
    for (let m = 1; m <= 12; m++) {
      const r = rowInForce(inputs.salaryTable, scale, inputs.settings.year, m);
      if (r) used.add(r);
    }
  }
  return [...used].sort((a, b) => (a.scale < b.scale ? -1 : a.scale > b.scale ? 1 : compareDates(a.effective, b.effective)));
}

export function canonicalAddendum(inputs: Pick<Inputs, "settings" | "salaryTable" | "formation">): string {
  const s = inputs.settings;
  const lines = [
    "dvo-addendum/1",
    `Jaar=${s.year}`,
    `Opdrachtgever=${s.client}`,
    `Opdrachtnemer=${s.provider}`,
    `Overheadpercentage=${num(s.overheadRate)}`,
    `IKB-percentage=${num(s.ikbRate)}`,
    `Werkgeverslastenpercentage=${num(s.employerChargesRate)}`,
    `Opleidingskosten=${num(s.trainingBudget)}`,
    `Budget aanvullende dienstverlening=${num(s.additionalServicesBudget)}`,
    `SLA-versie=${s.slaVersion}`,
  ];
  for (const r of salaryRowsUsed(inputs)) lines.push(`Salaristabel|${isoDate(r.effective)}|${r.scale}|${num(r.maximum)}`);
  for (const f of inputs.formation) lines.push(`Formatie|${f.functionName}|${f.service}|${f.scale}|${num(f.fte)}`);
  return lines.join("\n");
}

export function addendumFingerprint(inputs: Pick<Inputs, "settings" | "salaryTable" | "formation">): string {
  return sha256Hex(canonicalAddendum(inputs));
}

/**
 * The fingerprint in two parts (docs/rekenregels.md, "Vastgesteld en herrekend"): the Salaristabel rows used,
 * and the rest (settings and Formatie). A change of the salary part only is a cao change; the full
 * fingerprint above stays exactly as it is (signed PDFs carry it).
 */
export interface FingerprintParts {
  salary: string;
  formation: string;
}

/** Is this canonical line one of the salary part? */
export const isSalaryLine = (line: string): boolean => line.startsWith("Salaristabel|");

/** The two parts of a canonical text (its lines), each as a SHA-256 over its own lines. */
export function partsOfLines(lines: readonly string[]): FingerprintParts {
  return {
    salary: sha256Hex(["dvo-addendum/1 salaris", ...lines.filter(isSalaryLine)].join("\n")),
    formation: sha256Hex(["dvo-addendum/1 formatie", ...lines.filter((l) => !isSalaryLine(l))].join("\n")),
  };
}

export function fingerprintParts(inputs: Pick<Inputs, "settings" | "salaryTable" | "formation">): FingerprintParts {
  return partsOfLines(canonicalAddendum(inputs).split("\n"));
}
