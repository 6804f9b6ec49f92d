/** Node-only file I/O of the file host: read a workbook from disk, write one atomically. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import type * as Template from "./template";
import { errorText, fail, readBytes, type ReadOutcome } from "./read";

/** Pieces handed to one writev call (below the platform's IOV_MAX of 1,024). */
const WRITEV_PIECES = 512;

function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === "string" ? c : undefined;
  }
  return undefined;
}

function fileErrorMessage(label: string, e: unknown): string {
  switch (errorCode(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return `${label} bestaat niet: controleer de naam en de map.`;
    case "EISDIR":
      return `${label} is een map, geen bestand: kies een Excel-werkmap (.xlsx).`;
    case "EACCES":
    case "EPERM":
      return `${label} kan niet worden gelezen omdat u er geen toegang toe hebt: controleer de rechten op het bestand.`;
    case "EBUSY":
      return `${label} is in gebruik door een ander programma: sluit het daar en probeer het opnieuw.`;
    default:
      return `${label} kan niet worden gelezen (${errorCode(e) ?? errorText(e)}): controleer het bestand en probeer het opnieuw.`;
  }
}

/** Read a workbook from disk. Never throws; never writes to `file`. */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  const label = `Het bestand '${file}'`;
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return fail(`${label} is een map, geen bestand: kies een Excel-werkmap (.xlsx).`);
    bytes = await fs.readFile(file);
  } catch (e) {
    return fail(fileErrorMessage(label, e));
  }
  return readBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
}

/** Write bytes (or pieces of bytes, one after the other) to `target` atomically: a temporary file beside it, then rename. */
export async function writeFileAtomically(target: string, bytes: Uint8Array | Uint8Array[]): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (bytes instanceof Uint8Array) await fs.writeFile(tmp, bytes);
    else {
      const file = await fs.open(tmp, "w");
      try {
        for (let i = 0; i < bytes.length; i += WRITEV_PIECES) await file.writev(bytes.slice(i, i + WRITEV_PIECES));
      } finally {
        await file.close();
      }
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Save a workbook made with exceljs (the template, the bundled example) to `target` atomically. */
export async function saveAtomically(wb: ExcelJS.Workbook, target: string): Promise<void> {
  const buf = await wb.xlsx.writeBuffer();
  await writeFileAtomically(target, new Uint8Array(buf as ArrayBuffer));
}

/** Write the empty template for `year` to `file` (created or replaced). */
export async function writeTemplate(file: string, year: number): Promise<void> {
  // exceljs is loaded only to make a new workbook, never to read or write a user's
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildInputWorkbook } = require("./template") as typeof Template;
  const buf = await buildInputWorkbook({ year }).xlsx.writeBuffer();
  await fs.writeFile(file, Buffer.from(buf as ArrayBuffer));
}
