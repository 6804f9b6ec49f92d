/**
 * The task pane's host outside Excel: a chosen .xlsx, read and written by the package-level file layer
 * in the page; the report is offered as a download. The file layer (fflate, saxes) is loaded only when a
 * file is chosen (a separate chunk); exceljs only for the empty template.
 */
import type { KeptRecords } from "../records";
import type { WorkbookPlan } from "../report/plan";
import type { ReadBook } from "../xlsx/read";
import type { BuildKind, HostRead, WorkbookHost, WriteOptions } from "../job/host";

const SUFFIX: Record<BuildKind, string> = { report: "rapport", submit: "ter-ondertekening", sign: "getekend", reopen: "heropend", review: "gecontroleerd", reject: "afgekeurd" };

/**
 * The download's name: the chosen file's name without .xlsx and without the suffix of an earlier download
 * (so a signed copy of 'invoer-rapport.xlsx' is 'invoer-getekend.xlsx'), then what this file is.
 */
export function downloadName(chosen: string, kind: BuildKind): string {
  const base = chosen.replace(/\.xlsx$/i, "").replace(/-(rapport|ter-ondertekening|getekend|heropend)$/i, "") || "werkmap";
  return `${base}-${SUFFIX[kind]}.xlsx`;
}

export class FileHost implements WorkbookHost {
  readonly kind = "file" as const;
  private constructor(private readonly name: string, private book: ReadBook, private grids: HostRead) {}

  /**
   * Open a file; a file that is not a workbook gives one Dutch sentence as the error message. `onRows` is
   * told, now and then inside a large sheet, how many of its rows are read (and awaited: the pane paints).
   */
  static async open(file: File, onRows?: (sheet: string, row: number, of: number) => Promise<void>): Promise<FileHost> {
    const { readWorkbookBuffer, otherSheetNames } = await import("../xlsx/read");
    const outcome = await readWorkbookBuffer(new Uint8Array(await file.arrayBuffer()), file.name, { onRows });
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

  /** the chosen file's name */
  get fileName(): string {
    return this.name;
  }

  async write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void, opts: WriteOptions = {}): Promise<string> {
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
    const name = downloadName(this.name, opts.kind ?? "report");
    download(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name);
    const what = { report: "Het rapport is klaar", submit: "Het addendum is ter ondertekening aangeboden", sign: "Het addendum is ondertekend", reopen: "Het addendum is heropend", review: "Het addendum is gecontroleerd", reject: "Het addendum is afgekeurd en weer een concept" }[opts.kind ?? "report"];
    return `${what}: '${name}' staat in uw downloads. Het gekozen bestand zelf is niet gewijzigd.`;
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
