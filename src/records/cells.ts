/** Cell helpers the record codecs share: a stored cell as text, and the hash over a record's fields. */
import { sha256Hex } from "../domain/hash";
import { isCellError, type CellValue } from "../input/grid";

/** SHA-256 over a JSON array of strings: the form of the seal and of a Logboek row's hash. */
export const hex = (parts: string[]): string => sha256Hex(JSON.stringify(parts));

/** A stored cell as trimmed text ("" for empty or an error; a date as its ISO form). */
export const text = (v: CellValue | undefined): string => (v === null || v === undefined || isCellError(v) ? "" : v instanceof Date ? v.toISOString() : String(v).trim());
