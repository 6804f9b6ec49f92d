/**
 * Where the command line may write: nothing is overwritten by surprise. An existing file is replaced only
 * with `--overschrijven`; the output is never the input itself (also not through another path, a link or
 * other capitals on a case-insensitive disk); a folder, a missing folder or a folder without write access
 * is one Dutch sentence before any work is done, and a failure while writing is one Dutch sentence too.
 */
import { constants, promises as fs, type Stats } from "node:fs";
import * as path from "node:path";

export type OutputCheck = { ok: true } | { ok: false; message: string; /** 1: cannot write there; 2: wrong use (exists, no --overschrijven) */ code: 1 | 2 };

function code(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === "string" ? c : undefined;
  }
  return undefined;
}

async function statOrNull(p: string): Promise<Stats | { missing: string }> {
  try {
    return await fs.stat(p);
  } catch (e) {
    return { missing: code(e) ?? "ENOENT" };
  }
}

export interface OutputOptions {
  /** the file the command reads: the output may never be this file */
  input?: string;
  /** `--overschrijven` given (or a file the command owns, such as the example's own output in out/) */
  overwrite: boolean;
  /** what is written, for the messages: "Het rapport", "De invoerwerkmap" */
  what?: string;
}

/** Check `output` before any work is done. Never throws. */
export async function checkOutput(output: string, opts: OutputOptions): Promise<OutputCheck> {
  const what = opts.what ?? "Het rapport";
  const target = path.resolve(output);
  const same: OutputCheck = { ok: false, code: 1, message: `${what} mag het invoerbestand niet overschrijven: kies met -o een andere bestandsnaam.` };
  if (opts.input !== undefined && path.resolve(opts.input) === target) return same;

  const st = await statOrNull(target);
  if ("missing" in st) {
    const dir = path.dirname(target);
    const shownDir = path.dirname(output) === "." ? dir : path.dirname(output);
    const d = await statOrNull(dir);
    if ("missing" in d) {
      return d.missing === "ENOTDIR"
        ? { ok: false, code: 1, message: `'${output}' kan niet worden geschreven: een deel van het pad is een bestand, geen map. Kies met -o een bestand in een bestaande map.` }
        : { ok: false, code: 1, message: `De map '${shownDir}' bestaat niet: maak de map eerst aan, of kies met -o een bestand in een bestaande map.` };
    }
    if (!d.isDirectory()) return { ok: false, code: 1, message: `'${shownDir}' is een bestand, geen map: kies met -o een bestand in een bestaande map.` };
    try {
      await fs.access(dir, constants.W_OK);
    } catch {
      return { ok: false, code: 1, message: `In de map '${shownDir}' mag niet worden geschreven (geen schrijfrechten): kies met -o een andere map.` };
    }
    return { ok: true };
  }
  if (st.isDirectory()) {
    return { ok: false, code: 1, message: `'${output}' is een map, geen bestand: geef met -o een bestandsnaam, bijvoorbeeld ${path.join(output, "rapport.xlsx")}.` };
  }
  if (opts.input !== undefined) {
    const i = await statOrNull(path.resolve(opts.input));
    if (!("missing" in i) && i.dev === st.dev && i.ino === st.ino) return same;
  }
  if (!opts.overwrite) {
    return { ok: false, code: 2, message: `'${output}' bestaat al en wordt niet overschreven: kies met -o een andere naam, of geef --overschrijven om het bestand te vervangen.` };
  }
  try {
    await fs.access(path.dirname(target), constants.W_OK);
  } catch {
    return { ok: false, code: 1, message: `'${output}' kan niet worden vervangen: in de map mag niet worden geschreven (geen schrijfrechten). Kies met -o een andere map.` };
  }
  return { ok: true };
}

/** A Dutch sentence for a file-system error while writing `output`, or null when `e` is not one (a bug). */
export function writeErrorMessage(output: string, e: unknown): string | null {
  switch (code(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return `'${output}' kan niet worden geschreven: de map bestaat niet (meer). Kies met -o een bestand in een bestaande map.`;
    case "EISDIR":
      return `'${output}' is een map, geen bestand: geef met -o een bestandsnaam.`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `'${output}' kan niet worden geschreven: geen schrijfrechten (of een alleen-lezen schijf). Kies met -o een andere map.`;
    case "ENOSPC":
    case "EDQUOT":
      return `'${output}' kan niet worden geschreven: de schijf is vol. Maak ruimte vrij en probeer het opnieuw.`;
    case "EBUSY":
    case "ETXTBSY":
      return `'${output}' is in gebruik door een ander programma (open in Excel?): sluit het daar en probeer het opnieuw.`;
    case "ENAMETOOLONG":
      return `'${output}' is een te lange bestandsnaam: kies met -o een kortere.`;
    case "EMFILE":
    case "EIO":
      return `'${output}' kan niet worden geschreven (een fout van het bestandssysteem): probeer het opnieuw.`;
    default:
      return null;
  }
}
