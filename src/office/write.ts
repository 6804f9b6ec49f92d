/**
 * Office.js host, writing side: put a WorkbookPlan into the open workbook as one transaction of a few round
 * trips (see writePlan). The sheets are written by sheet-write.ts (2-D arrays of the range's exact shape,
 * compress.ts), the records by records.ts, in batches that stay under the payload budget (batch.ts).
 *
 * Only sheets the add-in made are replaced; input sheets and the user's own sheets are never written.
 * A report sheet of an earlier build is rewritten in place (same sheet, same name), so a formula on a user's
 * sheet that points at it (`='6.5 Financieel'!C9`) still points at the same cell after a rebuild.
 */
import { isLeftoverSheet, sheetInTheWay, STAGING_PREFIX, type KeptRecords } from "../records";
import type { SheetPlan, WorkbookPlan } from "../report/plan";
import { Batch } from "./batch";
import type { ExcelSheetInfo } from "./read";
import { queueRecords } from "./records";
import { clearForRewrite, writeSheet } from "./sheet-write";

export { bands, formulaCell } from "./compress";

export interface WriteOptions {
  /** ExcelApi requirement-set check, e.g. supports("1.9"); defaults to Office.context.requirements */
  supports?: (version: string) => boolean;
  /** split a batch before its estimated payload passes this many bytes (default 4 MB) */
  payloadBudget?: number;
  onProgress?: (message: string) => void;
}

export interface WriteStats {
  syncs: number;
  /** estimated payload per round trip, bytes */
  payloads: number[];
  cells: number;
}

export type OfficeRecords = KeptRecords;

/** What the writer needs from the read at the start of the build. */
export interface PreviousState {
  /** sheet ids of the report sheets an earlier build made (only these are ever replaced) */
  reportSheetIds: string[];
  /** their names at the read, in the same order: a sheet is ours only by id and name (ids may be reused) */
  reportSheets?: string[];
  /** rows in use on Logboek; null when the sheet did not exist */
  logRows?: number | null;
}

export class WorkbookChanged extends Error {}

/** New sheets for report sheets that already exist are first written under this prefix (see writePlan). */
export { STAGING_PREFIX };

const lower = (s: string) => s.toLowerCase();

function defaultSupports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

interface Placed {
  plan: SheetPlan;
  /** the report sheet of an earlier build this one is rewritten into, if any */
  old?: ExcelSheetInfo;
  /** the sheet written in step 1: the report sheet itself (new) or its staging copy */
  ws: Excel.Worksheet;
  protection?: Excel.WorksheetProtection;
  charts?: Excel.ChartCollection;
}

/**
 * Put the report in place without ever touching a sheet that is not ours. Each step is its own sync, and a
 * failure is handled from that sync alone (never from what Excel may or may not have applied of a failed
 * batch):
 *
 * 0. the sheet list as it is now, and the add-in's own events switched off (ExcelApi 1.8, Runtime.enableEvents)
 *    so the pane does not take its own writes for the user's. The old report sheets are the ones an earlier
 *    build recorded, by id and name; a sheet with a name the new report needs that is not one of them stops
 *    the build before anything is changed;
 * 1. stage: every report sheet is written with calculation suspended — a new one under its own name, one that
 *    exists already into a fresh staging sheet (`_dvo_nieuw_1`, …). This is where Excel accepts or refuses
 *    the report's content; if it refuses, the sheets this step added are deleted and the previous report is
 *    as it was;
 * 2. rebuild only: the existing report sheets are unprotected (own sync, when one was protected), then cleared
 *    and written in place with the same commands Excel just accepted, and the staging sheets deleted;
 * 3. the records (meta sheet with names and ids, sign-off, snapshot, Logboek), the signed addendum protected,
 *    and `application.calculate("Full")`: suspended calculation leaves recalculating to the add-in
 *    (Application.suspendApiCalculationUntilNextSync);
 * 4. only then old report sheets the new report no longer has, and sheets a broken-off build left behind, are
 *    deleted; a sheet the user removed meanwhile is no error (the list is read again and the rest deleted).
 *
 * Round trips: 3 for a first build, 4 for a rebuild (5 when the addendum was protected, +1 when sheets are
 * removed), plus one per 4 MB of request.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  previous: PreviousState,
  opts: WriteOptions & { records?: OfficeRecords } = {},
): Promise<WriteStats> {
  const supports = opts.supports ?? defaultSupports;
  const batch = new Batch(context, opts.payloadBudget ?? 4 * 1024 * 1024);
  const sheets = context.workbook.worksheets;
  const events = supports("1.8");
  let eventsOff = false;
  const setEvents = (on: boolean) => {
    if (events) context.runtime.enableEvents = on;
  };

  try {
    // 0. the sheets as they are now
    const list = sheets.load("items/name,items/id,items/visibility");
    setEvents(false);
    eventsOff = events;
    await batch.flush();
    const now: ExcelSheetInfo[] = list.items.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility }));
    const recorded = new Map(previous.reportSheetIds.map((id, i) => [id, previous.reportSheets?.[i]]));
    const oldReport = now.filter((s) => recorded.has(s.id) && (recorded.get(s.id) === undefined || lower(recorded.get(s.id) as string) === lower(s.name)));
    const leftovers = now.filter((s) => isLeftoverSheet(s.name));
    const ourOld = new Set([...oldReport, ...leftovers].map((s) => s.id));
    for (const p of plan.sheets) {
      const clash = sheetInTheWay(p.name, now, (s) => ourOld.has(s.id));
      if (clash) throw new WorkbookChanged(`Er staat intussen een eigen werkblad '${clash.name}' in de werkmap, met de naam van een rapportblad. Klik op Controleren om de werkmap opnieuw in te lezen; het rapportblad krijgt dan een andere naam.`);
    }
    const taken = new Set(now.map((s) => lower(s.name)));
    let k = 1;
    const stagingName = () => {
      while (taken.has(`${STAGING_PREFIX}${k}`)) k++;
      taken.add(`${STAGING_PREFIX}${k}`);
      return `${STAGING_PREFIX}${k++}`;
    };
    const calc = () => {
      if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
    };

    // 1. stage: every sheet written once, new ones under their own names, existing ones into a staging sheet
    const placed: Placed[] = [];
    let cells = 0;
    try {
      calc();
      if (supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
      batch.onFlushed = calc;
      for (const p of plan.sheets) {
        const old = oldReport.find((s) => lower(s.name) === lower(p.name));
        placed.push({ plan: p, old, ws: sheets.add(old ? stagingName() : p.name) });
      }
      await batch.add(plan.sheets.length * 160);
      for (const [i, a] of placed.entries()) {
        opts.onProgress?.(`Blad ${i + 1} van ${plan.sheets.length}: ${a.plan.name}`);
        cells += await writeSheet(a.ws, batch, a.plan, supports);
      }
      for (const a of placed) {
        a.ws.load("id");
        if (a.old) {
          const ws = sheets.getItem(a.old.id);
          a.protection = ws.protection.load("protected");
          a.charts = ws.charts.load("items/name");
        }
      }
      await batch.flush();
    } catch (e) {
      batch.onFlushed = null;
      await deleteAdded(context, now, [...plan.sheets.map((s) => s.name)]);
      throw e;
    }

    // 2. rebuild: the existing report sheets cleared and written in place
    const inPlace = placed.filter((a) => a.old);
    if (inPlace.length > 0) {
      const locked = inPlace.filter((a) => a.protection?.protected);
      if (locked.length > 0) {
        batch.onFlushed = null;
        for (const a of locked) sheets.getItem((a.old as ExcelSheetInfo).id).protection.unprotect();
        try {
          await batch.flush();
        } catch (e) {
          await deleteAdded(context, now, plan.sheets.map((s) => s.name));
          throw e;
        }
      }
      try {
        calc();
        batch.onFlushed = calc;
        for (const [i, a] of inPlace.entries()) {
          opts.onProgress?.(`Blad ${i + 1} van ${inPlace.length} bijwerken: ${a.plan.name}`);
          const old = a.old as ExcelSheetInfo;
          const ws = sheets.getItem(old.id);
          // the name as the plan spells it (a sheet renamed in another case is still ours)
          if (old.name !== a.plan.name) ws.name = a.plan.name;
          clearForRewrite(ws, a.charts?.items ?? []);
          await writeSheet(ws, batch, a.plan, supports);
          a.ws.delete();
        }
        // the report in the plan's order, where the old one stood
        const at = now.findIndex((s) => oldReport.includes(s));
        placed.forEach((a, i) => void (sheets.getItem(a.old ? a.old.id : a.ws.id).position = at + i));
        await batch.add(placed.length * 100);
        await batch.flush();
      } catch (e) {
        // Excel accepted these commands in step 1, so this is a lost connection or the like: the sheets this
        // build added go (so none of them blocks the next build), the records still name the old report, and
        // the next build writes every report sheet whole again
        batch.onFlushed = null;
        await deleteAdded(context, now, plan.sheets.map((s) => s.name));
        throw e;
      }
    }
    batch.onFlushed = null;

    // 3. the records, the protection of a signed addendum, and a full recalculation
    const report = placed.map((a) => ({ name: a.plan.name, id: a.old ? a.old.id : a.ws.id }));
    const find = (name: string) => now.find((s) => lower(s.name) === lower(name));
    const r = opts.records ?? {};
    await queueRecords(sheets, batch, plan, report, find, r, previous.logRows);
    const toProtect = r.protect ? report.find((s) => lower(s.name) === lower(r.protect ?? "")) : undefined;
    // no password: it guards the signed addendum against accidental edits
    if (toProtect) sheets.getItem(toProtect.id).protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    if (report[0]) sheets.getItem(report[0].id).activate();
    context.application.calculate("Full" as Excel.CalculationType);
    const obsolete = [...oldReport.filter((s) => !placed.some((a) => a.old === s)), ...leftovers];
    if (obsolete.length === 0) setEvents(true);
    await batch.add(600);
    await batch.flush();
    if (obsolete.length === 0) eventsOff = false;

    // 4. what the new report no longer has
    if (obsolete.length > 0) {
      await deleteSheets(context, batch, obsolete, () => setEvents(true));
      eventsOff = false;
    }
    return { syncs: batch.syncs, payloads: batch.payloads, cells };
  } finally {
    if (eventsOff) await restoreEvents(context);
  }
}

/** Delete sheets in a sync of their own; when one is gone already (the user removed it), read the list again and delete the rest. */
async function deleteSheets(context: Excel.RequestContext, batch: Batch, doomed: ExcelSheetInfo[], last: () => void): Promise<void> {
  const sheets = context.workbook.worksheets;
  const queue = (list: ExcelSheetInfo[]) => {
    for (const s of list) {
      const ws = sheets.getItem(s.id);
      // Excel refuses to delete a very hidden sheet (Worksheet.delete): hide it plainly first
      if (s.visibility === "VeryHidden") ws.visibility = "Hidden" as Excel.SheetVisibility;
      ws.delete();
    }
    last();
  };
  queue(doomed);
  try {
    await batch.flush();
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ItemNotFound") throw e;
    const again = sheets.load("items/id");
    await batch.flush();
    queue(doomed.filter((s) => again.items.some((x) => x.id === s.id)));
    await batch.flush();
  }
}

/** Undo step 1: delete the sheets this build added (by id: not in `before`, with a planned or staging name). */
async function deleteAdded(context: Excel.RequestContext, before: ExcelSheetInfo[], planned: string[]): Promise<void> {
  try {
    const list = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    const existed = new Set(before.map((s) => s.id));
    const names = new Set(planned.map(lower));
    for (const s of list.items) {
      if (!existed.has(s.id) && (names.has(lower(s.name)) || lower(s.name).startsWith(STAGING_PREFIX))) context.workbook.worksheets.getItem(s.id).delete();
    }
    await context.sync();
  } catch {
    /* the original error is the one to report; staging sheets left behind are removed by the next build */
  }
}

/** Switch the add-in's events back on in a sync of its own (after a failure). */
async function restoreEvents(context: Excel.RequestContext): Promise<void> {
  try {
    context.runtime.enableEvents = true;
    await context.sync();
  } catch {
    /* the original error is the one to report */
  }
}
