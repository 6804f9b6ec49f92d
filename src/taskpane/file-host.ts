/**
 * The task pane's host outside Excel: a chosen .xlsx, read and written by the package-level file layer
 * in the page; the report is offered as a download. The file layer (fflate, saxes) is loaded only when a
 * file is chosen (a separate chunk); exceljs only for the empty template.
 */
import type { KeptRecords } from "../input/meta";
import type { WorkbookPlan } from "../report/plan";
import type { ReadBook } from "../xlsx/read";
import type { HostRead, WorkbookHost } from "./host";

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  private constructor(private readonly name: string, private book: ReadBook, private grids: HostRead) {}

  /** Open a file; a file that is not a workbook gives one Dutch sentence as the error message. */
  static async open(file: File): Promise<FileHost> {
    const { readWorkbookBuffer, otherSheetNames } = await import("../xlsx/read");
    const outcome = await readWorkbookBuffer(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!outcome.ok) throw new Error(outcome.message);
    return new FileHost(file.name, outcome.book, { grids: outcome.grids, otherSheets: otherSheetNames(outcome.book) });
  }

  describe(): string {
    return `'${this.name}'`;
  }

  /** The workbook as it is now: after a build it holds the report and what the build kept. */
  async read(): Promise<HostRead> {
    return this.grids;
  }

  async write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void): Promise<string> {
    const [{ writeReport }, { readBytesSync, otherSheetNames }] = await Promise.all([import("../xlsx/write"), import("../xlsx/read")]);
    progress("Werkmap opbouwen");
    const bytes = writeReport(this.book, plan, records);
    progress("Bestand maken");
    // the written workbook becomes the one the pane works on (a second build starts from it)
    const again = readBytesSync(bytes, `'${this.name}'`);
    if (again.ok) {
      this.book = again.book;
      this.grids = { grids: again.grids, otherSheets: otherSheetNames(again.book) };
    }
    const name = this.name.replace(/\.xlsx$/i, "") + "-rapport.xlsx";
    download(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
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
