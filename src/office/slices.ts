/**
 * Office.js host: how big one read may be. Excel's limits on a round trip come from "Resource limits and
 * performance optimization for Office Add-ins" (section Excel add-ins); `read.ts` plans its row slices with
 * them (docs/architecture.md, The hosts).
 */
/**
 * "Resource limits and performance optimization for Office Add-ins", Excel add-ins: "Excel on the web has a
 * payload size limit for requests and responses of 5MB" — taken as 5,000,000 bytes, the smaller of the two
 * readings of "5MB" — and "a range is limited to 5,000,000 cells for read operations".
 */
export const RESPONSE_LIMIT = 5_000_000;
export const CELL_LIMIT = 5_000_000;
/**
 * What one round may plan to bring back: 4/5 of the limit, so that the few bytes around each slice and rows
 * somewhat longer than planned (MARGIN) cannot take a response past the limit.
 */
export const RESPONSE_BUDGET = (RESPONSE_LIMIT * 4) / 5;

/**
 * Rows of every range read in the first slice round, which measures bytes per row: the input sheets of an
 * ordinary workbook fit in it, so it is read in 2 round trips. A first round the limits refuse (very wide
 * rows) is retried with a quarter of the rows.
 */
export const FIRST_ROWS = 2000;
/** Later rounds plan with the most bytes per row seen so far in a range, times this margin. */
export const MARGIN = 1.1;
/** Bytes a response spends on one slice besides its values ({"values":…,"rowIndex":…,"columnIndex":…}). */
export const SLICE_BYTES = 64;

/**
 * Rows of one slice of a range `columnCount` wide whose rows take up to `bytesPerRow` bytes of JSON, with
 * `room` bytes left in the round: as many as fit, and never more than the cell limit allows at this width.
 */
export function sliceRows(columnCount: number, bytesPerRow: number, room: number): number {
  return Math.max(0, Math.min(Math.floor(CELL_LIMIT / Math.max(1, columnCount)), Math.floor((room - SLICE_BYTES) / perRow(bytesPerRow))));
}

/** The bytes a slice of `rows` rows is planned to bring back (what `sliceRows` fits into the room). */
export function plannedBytes(bytesPerRow: number, rows: number): number {
  return rows * perRow(bytesPerRow) + SLICE_BYTES;
}

/** A row planned at its measured bytes plus MARGIN (in whole percents, so 100 bytes plan as 110, not 111) and a comma and bracket. */
function perRow(bytesPerRow: number): number {
  return Math.ceil((bytesPerRow * Math.round(MARGIN * 100)) / 100) + 2;
}

/** Excel refused the round as too big: the response, or a range over the cell limit. */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}
