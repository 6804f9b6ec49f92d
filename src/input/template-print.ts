/**
 * How an input sheet of the template prints: one page wide (landscape when its columns are wide), the
 * header row repeated on every page, the sheet's name and "Pagina x van y" in the footer, page numbers
 * starting at 1 on every sheet. No fixed print area: the tables grow as people type.
 */
import type { TemplateSheet } from "./template";

export interface TemplatePrint {
  landscape: boolean;
  /** pages wide (height: as many as needed) */
  fitWidth: number;
  /** rows repeated at the top of every page */
  repeatRows: string;
  /** footer with Excel's codes: &A sheet name, &P page, &N pages */
  footer: string;
}

/** Columns wider than this (in characters, with the note beside the table) print landscape. */
const PORTRAIT_WIDTH = 95;

export function templatePrint(t: TemplateSheet): TemplatePrint {
  const width = t.columns.reduce((a, c) => a + c.width, 0) + (t.note ? 60 : 0);
  // no "van &N": LibreOffice counts &N over the whole print job, not per sheet
  return { landscape: width > PORTRAIT_WIDTH, fitWidth: 1, repeatRows: "1:1", footer: "&L&A&RPagina &P" };
}
