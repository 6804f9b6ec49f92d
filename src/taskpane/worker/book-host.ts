/**
 * The file host inside the file worker: a workbook read by the package-level file layer (src/xlsx), and a
 * build written into a new package. The user's bytes are never changed. The written workbook is what the next
 * job starts from (a second build, a signing after a report): the page keeps its bytes and the next job reads
 * them in a new worker, so a build's peak memory holds one workbook, not the old and the new one.
 */
import type { HostRead, WriteOptions } from "../../job/host";
import type { BuildHost } from "../../job/run";
import type { KeptRecords } from "../../records";
import type { WorkbookPlan } from "../../report/plan";
import { otherSheetNames, readWorkbookBuffer, type ReadBook } from "../../xlsx/read";
import { writeReport } from "../../xlsx/write";
import { downloadName } from "../download-name";

const DONE = { report: "Het rapport is klaar", submit: "Het addendum is ter ondertekening aangeboden", sign: "Het addendum is ondertekend", reopen: "Het addendum is heropend", review: "Het addendum is gecontroleerd", reject: "Het addendum is afgekeurd en weer een concept" } as const;

export class BookHost implements BuildHost {
  private written: { bytes: Uint8Array; name: string } | null = null;

  private constructor(private readonly name: string, private readonly book: ReadBook, private readonly grids: HostRead) {}

  /** Read a workbook; one Dutch sentence when it is not one. `onRows`: rows read of a large sheet's rows. */
  static async open(bytes: Uint8Array, name: string, onRows: (sheet: string, row: number, of: number) => void): Promise<BookHost> {
    const outcome = await readWorkbookBuffer(bytes, name, { onRows });
    if (!outcome.ok) throw new Error(outcome.message);
    return new BookHost(name, outcome.book, { grids: outcome.grids, otherSheets: otherSheetNames(outcome.book) });
  }

  async read(): Promise<HostRead> {
    return this.grids;
  }

  async write(plan: WorkbookPlan, records: KeptRecords, progress: (message: string) => void, opts: WriteOptions = {}): Promise<string> {
    progress("Werkmap opbouwen");
    const bytes = writeReport(this.book, plan, records);
    const name = downloadName(this.name, opts.kind ?? "report");
    this.written = { bytes, name };
    return `${DONE[opts.kind ?? "report"]}: '${name}' staat in uw downloads. Het gekozen bestand zelf is niet gewijzigd.`;
  }

  /** the bytes and download name of the last write */
  lastWritten(): { bytes: Uint8Array; name: string } {
    if (!this.written) throw new Error("Er is geen rapport geschreven.");
    return this.written;
  }
}
