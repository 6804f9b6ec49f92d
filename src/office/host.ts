/** The task pane's host inside Excel: Office.js reads, writes and selects. */
import type { HostRead, WorkbookHost } from "../job/host";
import type { KeptRecords } from "../records";
import type { WorkbookPlan } from "../report/plan";
import { inDutch } from "./errors";
import { readExcelWorkbook, type ExcelWorkbookState } from "./read";
import { createMissingInputSheets } from "./template";
import { writePlan } from "./write";

/**
 * The oldest Excel the add-in supports: ExcelApi 1.14, i.e. Excel 2021 and later, Microsoft 365 (Windows,
 * Mac, iPad) and Excel on the web. These run add-ins in a Chromium-based webview (WebView2 on Windows), which
 * runs the ES2022 bundle; Excel 2019 and 2016 (ExcelApi ≤ 1.8, IE11 / EdgeHTML webviews) are not supported.
 * The manifest asks for the same set, so older Excel does not offer the add-in at all.
 */
export const MIN_API = "1.14";

export function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private last: ExcelWorkbookState | null = null;

  describe(): string {
    return "deze werkmap";
  }

  /** Reads in row slices (./read.ts); `progress` hears after each slice of a long sheet how far it got. */
  async read(progress?: (message: string) => void): Promise<HostRead> {
    try {
      const state = await Excel.run((context) => readExcelWorkbook(context, { onProgress: progress }));
      this.last = state;
      return { grids: state.grids, otherSheets: state.otherSheets };
    } catch (e) {
      throw inDutch(e);
    }
  }

  async write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void): Promise<string> {
    try {
      return await Excel.run(async (context) => {
        // The state read at the start of this build; read again if there was none.
        const state = this.last ?? (await readExcelWorkbook(context));
        if (state.structureProtected) {
          throw new Error("De werkmapstructuur is beveiligd: hef de beveiliging op (Controleren > Werkmap beveiligen) om rapportbladen te kunnen toevoegen.");
        }
        const stats = await writePlan(context, plan, state, { supports, onProgress: progress, records });
        this.last = null;
        return `${plan.sheets.length} rapportbladen geschreven in deze werkmap (${stats.cells.toLocaleString("nl-NL")} cellen, ${stats.syncs + state.syncs} rondes met Excel).`;
      });
    } catch (e) {
      throw inDutch(e);
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      throw inDutch(e);
    }
  }

  async createTemplate(year: number): Promise<string[]> {
    try {
      return await Excel.run((context) => createMissingInputSheets(context, year, supports));
    } catch (e) {
      throw inDutch(e);
    }
  }
}
