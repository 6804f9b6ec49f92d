/**
 * Outside Excel: what the page itself does with files — offer a download, and the empty template. The
 * chosen workbook is read, checked, built and written in the file worker (./worker-runner.ts,
 * ./worker/file-worker.ts); exceljs is loaded only for the empty template.
 */
export { downloadName } from "./download-name";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
  download(new Blob([buf as ArrayBuffer], { type: XLSX_TYPE }), name);
  return `'${name}' staat in uw downloads.`;
}
