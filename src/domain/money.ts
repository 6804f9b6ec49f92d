/**
 * Money helpers. Euros are plain numbers; rounding happens only where docs/rekenregels.md says so.
 */

/**
 * Round half away from zero to cents, as Excel's ROUND(x, 2).
 * The value is first reduced to 15 significant digits (what a spreadsheet shows and rounds on), so that
 * 324759.675 computed as 324759.67499999998 still rounds up, as it does in Excel and LibreOffice.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  const r = Math.round(scaled) / 100;
  return x < 0 ? -r : r;
}

/** True when two amounts are equal to the cent. */
export function sameCents(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/** Round to 15 significant digits: the precision at which a spreadsheet compares numbers. */
export function sig15(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}
