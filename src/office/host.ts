/** The task pane's host inside Excel: Office.js reads, writes and selects. */
import type { HostRead, WorkbookHost } from "../taskpane/host";
import type { KeptRecords } from "../input/meta";
import type { WorkbookPlan } from "../report/plan";
import { readExcelWorkbook, type ExcelWorkbookState } from "./read";
import { createMissingInputSheets } from "./template";
import { writePlan } from "./write";

export const MIN_API = "1.7";

export function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly namePrefix = "~";
  private last: ExcelWorkbookState | null = null;

  describe(): string {
    return "deze werkmap";
  }

  async read(): Promise<HostRead> {
    const state = await Excel.run((context) => readExcelWorkbook(context));
    this.last = state;
    return { grids: state.grids, otherSheets: state.otherSheets };
  }

  async write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void): Promise<string> {
    return Excel.run(async (context) => {
      // The state read at the start of this build; read again if there was none.
      const state = this.last ?? (await readExcelWorkbook(context));
      if (state.structureProtected) {
        throw new Error("De werkmapstructuur is beveiligd: hef de beveiliging op (Controleren > Werkmap beveiligen) om rapportbladen te kunnen toevoegen.");
      }
      const stats = await writePlan(context, plan, state, { supports, onProgress: progress, namePrefix: this.namePrefix, records });
      this.last = null;
      return `${plan.sheets.length} rapportbladen geschreven in deze werkmap (${stats.cells.toLocaleString("nl-NL")} cellen, ${stats.syncs + state.syncs} rondes met Excel).`;
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async createTemplate(year: number): Promise<string[]> {
    return Excel.run((context) => createMissingInputSheets(context, year, supports));
  }
}
