/**
 * The task pane's host outside Excel: a chosen .xlsx, read and written with exceljs in the browser; the
 * report is offered as a download. exceljs is loaded only when needed (a separate chunk).
 */
import type ExcelJS from "exceljs";
import type { KeptRecords } from "../input/meta";
import type { WorkbookPlan } from "../report/plan";
import type { HostRead, WorkbookHost } from "./host";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  private constructor(private readonly name: string, private readonly workbook: ExcelJS.Workbook, private readonly grids: HostRead) {}

  /** Open a file; a file that is not a workbook gives one Dutch sentence as the error message. */
  static async open(file: File): Promise<FileHost> {
    const [{ readWorkbookBuffer }, { otherSheetNames }] = await Promise.all([import("../xlsx/read"), import("../xlsx/write")]);
    const outcome = await readWorkbookBuffer(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!outcome.ok) throw new Error(outcome.message);
    return new FileHost(file.name, outcome.workbook, { grids: outcome.grids, otherSheets: otherSheetNames(outcome.workbook) });
  }

  describe(): string {
    return `'${this.name}'`;
  }

  /** The workbook as it is now in memory: after a build it holds the report and what the build kept. */
  async read(): Promise<HostRead> {
    if (!this.written) return this.grids;
    const [{ gridsOf }, { otherSheetNames }] = await Promise.all([import("../xlsx/read"), import("../xlsx/write")]);
    return { grids: gridsOf(this.workbook), otherSheets: otherSheetNames(this.workbook) };
  }

  private written = false;

  async write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void): Promise<string> {
    const [{ applyPlan }, { applyRecords }] = await Promise.all([import("../xlsx/write"), import("../xlsx/records")]);
    progress("Werkmap opbouwen");
    applyPlan(this.workbook, plan);
    applyRecords(this.workbook, records);
    this.written = true;
    progress("Bestand maken");
    const buf = await this.workbook.xlsx.writeBuffer();
    const name = this.name.replace(/\.xlsx$/i, "") + "-rapport.xlsx";
    download(new Blob([buf as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
    return `Het rapport is klaar: '${name}' staat in uw downloads. Het gekozen bestand zelf is niet gewijzigd.`;
  }
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An empty input workbook for `year`, as a download. */
export async function downloadTemplate(year: number): Promise<string> {
  const { buildInputWorkbook } = await import("../xlsx/template");
  const buf = await buildInputWorkbook({ year }).xlsx.writeBuffer();
  const name = `invoer-${year}.xlsx`;
  download(new Blob([buf as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
  return `'${name}' staat in uw downloads.`;
}
