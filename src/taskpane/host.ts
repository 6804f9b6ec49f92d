/** What the task pane needs from where it runs: inside Excel (Office.js) or on a chosen file (exceljs). */
import type { WorkbookGrids } from "../input/grid";
import type { KeptRecords } from "../input/meta";
import type { WorkbookPlan } from "../report/plan";

export interface HostRead {
  grids: WorkbookGrids;
  /** sheets that are not the add-in's own report sheets */
  otherSheets: string[];
}

export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** e.g. "deze werkmap" or the file name */
  describe(): string;
  read(): Promise<HostRead>;
  /** write the report and what the build keeps; returns a Dutch sentence about what was done */
  write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void): Promise<string>;
  /** select a cell of an input sheet (Excel only) */
  select?(sheet: string, cell: string): Promise<void>;
}
