/**
 * What a build needs from where it runs: the grids of the workbook as it is, and a way to write the plan
 * and the records. Hosts implement it (src/office/host.ts inside Excel, the file host in the CLI and in the
 * page); the job (./run.ts) drives it. A host only moves cells: it decides nothing.
 */
import type { WorkbookGrids } from "../input/grid";
import type { KeptRecords } from "../records";
import type { WorkbookPlan } from "../report/plan";

export interface HostRead {
  grids: WorkbookGrids;
  /** sheets that are not the add-in's own report sheets (input sheets, the user's own) */
  otherSheets: string[];
}

/** What a build is for; outside Excel it names the download (…-rapport.xlsx, …-getekend.xlsx, …). */
export type BuildKind = "report" | "submit" | "sign" | "reopen" | "review" | "reject";

export interface WriteOptions {
  kind?: BuildKind;
}

export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** e.g. "deze werkmap" or the file name */
  describe(): string;
  /** `progress`, when given, hears how far a long read has got, in Dutch ("Realisatie: rij 200.000 van 1.048.576 gelezen") */
  read(progress?: (message: string) => void): Promise<HostRead>;
  /** write the report and what the build keeps; returns a Dutch sentence about what was done */
  write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void, opts?: WriteOptions): Promise<string>;
  /** select a cell of an input sheet (Excel only) */
  select?(sheet: string, cell: string): Promise<void>;
}
