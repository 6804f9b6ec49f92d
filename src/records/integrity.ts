/** What the workbook's records say about themselves: the checks of docs/architecture.md, "The records codec". */
import type { Problem, WorkbookGrids } from "../input/grid";
import { checkLog, logGrid, logHeadOf } from "./log";
import { LOG_SHEET, recordRows, SIGNOFF_SHEET, SNAPSHOT_SHEET } from "./ownership";
import { sealOf, signOffFrom, type Status } from "./signoff";
import { readSnapshot } from "./snapshot";

const VISIBILITY_WORDS = { visible: "zichtbaar gemaakt", hidden: "verborgen in plaats van zeer verborgen (zichtbaar gemaakt en opnieuw verborgen?)" } as const;

/**
 * What the workbook's own records say about themselves: the Logboek chain, its head against the snapshot,
 * the sign-off record against its seal and against the Logboek, and the add-in's sheets still very hidden.
 * Each finding is a Dutch waarschuwing naming what was found. A workbook without chain columns (written
 * by an earlier version) reads as "no chain yet": only the checks that need no chain apply.
 */
export function integrityProblems(grids: WorkbookGrids, addendumSheet: string): Problem[] {
  const problems: Problem[] = [];
  const warn = (sheet: string, cell: string, message: string) => problems.push({ severity: "waarschuwing", code: "records-integrity", sheet, cell, message });
  const grid = logGrid(grids);
  const log = grid ? checkLog(grid) : null;
  const snapshot = readSnapshot(grids);
  const head = logHeadOf(snapshot);
  const signOffFound = recordRows(grids, SIGNOFF_SHEET);
  const signOff = signOffFound ? signOffFrom(signOffFound.rows) : null;

  // the add-in's sheets stay very hidden
  for (const name of [SIGNOFF_SHEET, SNAPSHOT_SHEET]) {
    const found = recordRows(grids, name);
    if (!found) continue;
    const state = grids.visibility?.[found.name] ?? (found.inMeta ? "veryHidden" : "visible");
    if (state !== "veryHidden") {
      warn(addendumSheet, "A1", `Het blad '${found.name}' van de add-in is ${VISIBILITY_WORDS[state]}: het hoort zeer verborgen te zijn. ${name === SIGNOFF_SHEET ? "De ondertekening" : "De momentopname"} kan daarna met de hand zijn gewijzigd; controleer de invoer met de vingerafdruk op het getekende document (check --pdf).`);
    }
  }

  // the chain itself
  if (log) for (const f of log.findings) warn(LOG_SHEET, `A${f.row}`, f.message);

  // the head kept in the snapshot at the last build
  if (head) {
    if (!grid) {
      // only a host that lists every sheet (visibility) can say the Logboek is gone, not merely unread
      if (grids.visibility && !Object.keys(grids.visibility).some((n) => n.toLowerCase() === LOG_SHEET.toLowerCase())) warn(LOG_SHEET, "A1", `Het Logboek is verwijderd: bij de laatste rapportage had het ${head.rows} ${head.rows === 1 ? "rij" : "rijen"}.`);
    } else if (log && log.findings.length === 0 && head.hash !== log.head) {
      const at = log.hashes.get(head.hash);
      if (at !== undefined) {
        warn(LOG_SHEET, `A${at + 1}`, `Onder rij ${at} van het Logboek zijn na de laatste rapportage rijen toegevoegd buiten de add-in om.`);
      } else {
        warn(LOG_SHEET, "A1", `Het Logboek eindigt niet meer waar het bij de laatste rapportage eindigde (toen ${head.rows} ${head.rows === 1 ? "rij" : "rijen"}, nu ${log.rows}): de laatste rij of rijen zijn verwijderd of gewijzigd.`);
      }
    }
  } else if (snapshot && log && log.chained > 0) {
    // a snapshot without a head while the log has a chain: the snapshot was written over by hand
    warn(LOG_SHEET, "A1", `De momentopname van de add-in ('${SNAPSHOT_SHEET}') bevat het eind van het Logboek niet meer: het blad is buiten de add-in om gewijzigd.`);
  } else if (!snapshot && log && log.chained > 0) {
    warn(LOG_SHEET, "A1", `Het blad '${SNAPSHOT_SHEET}' van de add-in ontbreekt: het is verwijderd.`);
  }

  // the sign-off record: its seal, and its status against the Logboek
  const lastStatus = log?.statusRows[log.statusRows.length - 1];
  const logStatus: Status | null = log && log.statusRows.length > 0 ? log.status : null;
  if (signOff) {
    if (signOff.seal !== undefined && signOff.seal !== sealOf(signOff)) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad ('${SIGNOFF_SHEET}') is buiten de add-in om gewijzigd: de inhoud past niet meer bij het zegel (status nu '${signOff.status}'${signOff.regisseur ? `, regisseur ${signOff.regisseur}` : ""}).`);
    } else if (signOff.seal === undefined && lastStatus?.chained) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad ('${SIGNOFF_SHEET}') heeft geen zegel, terwijl de laatste statuswijziging in het Logboek (rij ${lastStatus.row}) er een gaf: het blad is buiten de add-in om gewijzigd.`);
    }
    if (logStatus !== null && lastStatus && logStatus !== signOff.status) {
      warn(addendumSheet, "A1", `De status in het ondertekeningsblad is '${signOff.status}', maar volgens het Logboek is het addendum '${logStatus}' (rij ${lastStatus.row}, ${lastStatus.at}${lastStatus.name ? `, ${lastStatus.name}` : ""})${logStatus === "Ondertekend" ? " en daarna niet heropend" : ""}: de status is buiten ${signOff.status === "Concept" ? "'heropenen'" : "de add-in"} om veranderd.`);
    } else if (signOff.logEntry && log && !log.hashes.has(signOff.logEntry)) {
      warn(addendumSheet, "A1", `De Logboekrij van deze ondertekening ('${signOff.status}', ${signOff.recordedAt}) staat niet meer in het Logboek: die rij is verwijderd of gewijzigd.`);
    } else if (signOff.logEntry && lastStatus?.chained && lastStatus.hash !== signOff.logEntry) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad verwijst niet naar de laatste statuswijziging in het Logboek (rij ${lastStatus.row}): het blad is buiten de add-in om vervangen.`);
    }
  } else {
    const was: Status | null = logStatus && logStatus !== "Concept" ? logStatus : !grid && head && head.status !== "Concept" ? head.status : null;
    if (was) {
      warn(addendumSheet, "A1", `Het ondertekeningsblad ('${SIGNOFF_SHEET}') ontbreekt, maar ${grid && lastStatus ? `volgens het Logboek (rij ${lastStatus.row}, ${lastStatus.at})` : "volgens de momentopname van de laatste rapportage"} is het addendum '${was}': het blad is verwijderd.`);
    }
  }
  return problems;
}
