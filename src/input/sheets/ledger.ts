/** `Realisatie`: the ledger, as the template has it or as the financial system exports it (docs/werkmapcontract.md). */
import { dutchDate, MONTH_NAMES } from "../../domain/dates";
import { ELECTION_COSTS, LEDGER_CATEGORIES, type LedgerCategory, type LedgerRow } from "../../domain/types";
import { electionKey, type ElectionIndex } from "./elections";
import { a1, isBlank, type Problem } from "../grid";
import type { TableReader } from "../table";
import { EURO } from "./limits";
import { IGNORE_CATEGORY, ledgerKeyPart, Reconciler, scopeKeys, scopeTest, tallied } from "../ledger-scope";
import type { LedgerMapIndex } from "./ledger-map";

/**
 * What the ledger can check a `Dossier` against: the case numbers on Verzuim (every row, also rows with
 * a fout of their own, so one mistake there does not cascade into the ledger), or why it cannot.
 */
export type CaseIndex = { kind: "ids"; ids: Set<string> } | { kind: "absent" } | { kind: "unreadable" };

const euroText = (x: number): string => `€ ${x.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The rows that count, as LedgerRows; every row read is also tallied in `tally` (counted, ignored by a
 * Grootboek `negeren`, or outside the DVO's `costCentres`), so the report can reconcile with the export.
 * A row outside the cost centres is not checked beyond its amount: it is the rest of the municipality.
 */
export function readLedger(
  t: TableReader | null, year: number | null, reportMonth: number | undefined, cases: CaseIndex, ledgerMap: LedgerMapIndex, problems: Problem[],
  elections: ElectionIndex = { kind: "absent" }, costCentres: string[] = [], tally: Reconciler = new Reconciler(null),
): LedgerRow[] | null {
  if (!t) return null;
  // The template's column or its export alternative, one of each pair.
  const header = a1(t.layout.headerRow, Math.min(...Object.values(t.layout.columns)));
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push({ severity: "fout", code: "ledger-column-missing", sheet: t.sheet, cell: header, message });
    return ok;
  };
  const okMonth = need(t.has("month") || t.has("bookingDate"), `De kolom 'Maand' ontbreekt op '${t.sheet}': voeg een kolom met precies die kop toe in rij ${t.layout.headerRow} (of, bij een export uit het financiële systeem, een kolom 'Boekdatum').`);
  const okCategory = need(t.has("category") || t.has("account"), `De kolom 'Categorie' ontbreekt op '${t.sheet}': voeg een kolom met precies die kop toe in rij ${t.layout.headerRow} (of, bij een export uit het financiële systeem, een kolom 'Rekening' met het blad 'Grootboek' dat elke rekening aan een categorie koppelt).`);
  const okAmount = need(t.has("amount") || t.has("debit") || t.has("credit"), `De kolom 'Bedrag' ontbreekt op '${t.sheet}': voeg een kolom met precies die kop toe in rij ${t.layout.headerRow} (of, bij een export uit het financiële systeem, de kolommen 'Debet' en 'Credit').`);
  const scope = scopeKeys(costCentres);
  const okCostCentre = need(scope === null || t.has("costCentre"), `De instelling Kostenplaatsen noemt de kostenplaatsen van de DVO (${costCentres.join(", ")}), maar '${t.sheet}' heeft geen kolom 'Kostenplaats': voeg die kolom toe in rij ${t.layout.headerRow}, of maak de instelling Kostenplaatsen leeg als alle regels meetellen.`);
  if (!okMonth || !okCategory || !okAmount || !okCostCentre) return null;
  const byAccount = !t.has("category");
  if (byAccount && ledgerMap.kind === "absent") {
    problems.push({
      severity: "fout", code: "ledger-map-missing", sheet: t.sheet, cell: t.address(t.layout.headerRow, "account"),
      message: `'${t.sheet}' heeft een kolom 'Rekening' in plaats van 'Categorie', maar het blad 'Grootboek' ontbreekt: voeg het blad Grootboek toe met de kolommen 'Rekening' en 'Categorie' (en zo nodig 'Kostenplaats'), één regel per rekening.`,
    });
    return null;
  }
  const unmapped = new Map<string, { shown: string; rows: number; total: number; first: number }>();
  const late: number[] = [];
  const byAmount = t.has("amount");
  // the columns read for every row of a whole export, each looked up once
  const [amountAt, debitAt, creditAt, costCentreAt] = [t.reader("amount"), t.reader("debit"), t.reader("credit"), t.reader("costCentre")];
  const amountOf = byAmount ? (row: number) => tallied(amountAt(row)) : (row: number) => tallied(debitAt(row)) - tallied(creditAt(row));
  const outside = scopeTest(scope);
  const rows = t.rows((row) => {
    // the rest of the municipality: only its amount, for the reconciliation
    if (scope !== null && outside(costCentreAt(row))) {
      tally.add("outside", amountOf(row));
      return undefined;
    }
    // the template's form checks its cells left to right; an export first asks the Grootboek (negeren)
    let month = byAccount ? undefined : t.has("month") ? t.month(row, "month", year) : bookingMonth(t, row, year);
    let category: LedgerCategory | undefined;
    let unmappedRow = false;
    if (!byAccount) category = t.choice(row, "category", LEDGER_CATEGORIES);
    else {
      const account = t.text(row, "account", true);
      if (t.has("costCentre")) t.text(row, "costCentre");
      if (account !== undefined && ledgerMap.kind === "map") {
        const a = ledgerKeyPart(t.raw(row, "account"));
        const cc = t.has("costCentre") ? ledgerKeyPart(t.raw(row, "costCentre")) : "";
        const mapped = ledgerMap.map.get(`${a}|${cc}`) ?? ledgerMap.map.get(`${a}|`);
        if (mapped === IGNORE_CATEGORY) {
          // left out on purpose (the Grootboek says negeren): not checked further
          tally.add("ignored", amountOf(row));
          return undefined;
        }
        category = mapped;
        if (category === undefined) unmappedRow = true;
      }
    }
    if (byAccount) month = t.has("month") ? t.month(row, "month", year) : bookingMonth(t, row, year);
    const amount = byAmount ? t.number(row, "amount", { required: true, limit: EURO }) : debitMinusCredit(t, row);
    if (unmappedRow) {
      const a = ledgerKeyPart(t.raw(row, "account"));
      const u = unmapped.get(a) ?? { shown: String(t.raw(row, "account")).trim(), rows: 0, total: 0, first: row };
      u.rows += 1;
      u.total += amount ?? 0;
      unmapped.set(a, u);
    }
    const description = t.text(row, "description") ?? "";
    const caseId = (t.has("caseId") ? t.text(row, "caseId") ?? "" : "").toUpperCase();
    if (category === "Vervanging") {
      if (caseId === "") {
        if (t.has("caseId")) t.problem(row, "caseId", "Een boeking 'Vervanging' heeft een dossiernummer nodig: vul in de kolom Dossier het nummer uit het blad Verzuim in.");
        else t.problem(row, byAccount ? "account" : "category", "Een boeking 'Vervanging' heeft een dossiernummer nodig: voeg op Realisatie een kolom 'Dossier' toe en vul daarin het nummer uit het blad Verzuim in.");
      } else if (cases.kind === "absent") {
        t.problem(row, "caseId", `Dossier ${caseId} kan niet worden gecontroleerd: het blad 'Verzuim' ontbreekt. Voeg het blad toe met dit dossier.`);
      } else if (cases.kind === "ids" && !cases.ids.has(caseId)) {
        t.problem(row, "caseId", `Dossier ${caseId} staat niet in het blad Verzuim: voeg het dossier toe of corrigeer het nummer.`);
      }
    }
    const election = t.has("election") ? t.text(row, "election") ?? "" : "";
    if (category === ELECTION_COSTS) checkElection(t, row, election, elections, byAccount);
    if (month === undefined || category === undefined || amount === undefined) return undefined;
    if (reportMonth !== undefined && month > reportMonth) late.push(row);
    tally.add("counted", amount);
    return { row, month, category, amount, description, caseId, election: election.trim() };
  });
  if (unmapped.size > 0) {
    // One fout for all of them: an export of thousands of rows with one new account is one thing to fix.
    const list = [...unmapped.values()];
    const shownList = list.slice(0, 20).map((u) => `${u.shown} (${u.rows} ${u.rows === 1 ? "boeking" : "boekingen"}, totaal ${euroText(u.total)})`);
    const more = list.length > 20 ? ` en nog ${list.length - 20} andere` : "";
    problems.push({
      severity: "fout", code: "ledger-unmapped", sheet: t.sheet, cell: t.address(list[0].first, "account"),
      message: `${list.length === 1 ? "Rekening" : `${list.length} rekeningen`} ${list.length === 1 ? "staat" : "staan"} niet in het blad Grootboek: ${shownList.join("; ")}${more}. Voeg ${list.length === 1 ? "deze rekening" : "elke rekening"} toe aan het Grootboek met de categorie waar ${list.length === 1 ? "ze" : "ze elk"} onder valt.`,
    });
  }
  if (reportMonth !== undefined && late.length > 0) {
    const list = late.slice(0, 5).join(", ") + (late.length > 5 ? ", …" : "");
    const name = MONTH_NAMES[reportMonth - 1];
    t.problem(
      late[0], t.has("month") ? "month" : "bookingDate",
      `${late.length} ${late.length === 1 ? "boeking ligt" : "boekingen liggen"} na de rapportagemaand (${name}) en ${late.length === 1 ? "telt" : "tellen"} niet mee in de cijfers t/m ${name} (rij ${list}). ` +
        `Moet${late.length === 1 ? " deze boeking" : "en deze boekingen"} wel meetellen, verhoog dan de Rapportagemaand op het blad Instellingen.`,
      "waarschuwing", "ledger-after-report-month",
    );
  }
  return rows;
}

/** The month of a `Boekdatum`: a date in the workbook's year. */
export function bookingMonth(t: TableReader, row: number, year: number | null): number | undefined {
  const d = t.date(row, "bookingDate", true);
  if (d === undefined) return undefined;
  if (year !== null && d.year !== year) {
    t.problem(row, "bookingDate", `Boekdatum ${dutchDate(d)} ligt niet in ${year}, het jaar van deze werkmap: laat boekingen van een ander jaar weg uit de export.`);
    return undefined;
  }
  return d.month;
}

/** Debet − Credit; a blank side counts as 0, both blank is a fout. */
export function debitMinusCredit(t: TableReader, row: number): number | undefined {
  const debit = t.has("debit") ? t.number(row, "debit", { limit: EURO }) : undefined;
  const credit = t.has("credit") ? t.number(row, "credit", { limit: EURO }) : undefined;
  const blank = (k: string) => !t.has(k) || isBlank(t.raw(row, k));
  if (blank("debit") && blank("credit")) {
    t.problem(row, t.has("debit") ? "debit" : "credit", "Debet en Credit zijn allebei leeg: vul het bedrag van deze boeking in een van beide in.");
    return undefined;
  }
  if ((!blank("debit") && debit === undefined) || (!blank("credit") && credit === undefined)) return undefined;
  return (debit ?? 0) - (credit ?? 0);
}

/** A Nacalculatie verkiezingen booking names an election of the Verkiezingen sheet (docs/werkmapcontract.md). */
function checkElection(t: TableReader, row: number, election: string, elections: ElectionIndex, byAccount: boolean): void {
  const what = `Een boeking '${ELECTION_COSTS}' hoort bij een verkiezing`;
  if (!t.has("election")) {
    t.problem(row, byAccount ? "account" : "category", `${what}: voeg op Realisatie een kolom 'Verkiezing' toe en vul daarin de naam van de verkiezing zoals op het blad Verkiezingen.`, "fout", "ledger-election");
  } else if (election.trim() === "") {
    t.problem(row, "election", `${what}: vul in de kolom Verkiezing de naam van de verkiezing in, zoals op het blad Verkiezingen.`, "fout", "ledger-election");
  } else if (elections.kind === "absent") {
    t.problem(row, "election", `Verkiezing '${election.trim()}' kan niet worden gecontroleerd: het blad 'Verkiezingen' ontbreekt. Voeg het blad toe met deze verkiezing.`, "fout", "ledger-election");
  } else if (elections.kind === "names" && !elections.names.has(electionKey(election))) {
    t.problem(row, "election", `Verkiezing '${election.trim()}' staat niet op het blad Verkiezingen: voeg de verkiezing toe of schrijf de naam zoals daar.`, "fout", "ledger-election");
  }
}
