/**
 * The characters the signing document's font can draw. PDF/A-2 forbids drawing the font's .notdef glyph
 * (what a character outside the font becomes: an empty box), so text typed by a user — a function name, a
 * party's or a signer's name — is reduced to these before it reaches pdfmake: composed (NFC) first, so an
 * "e" with a combining accent becomes "é"; control characters become spaces (a line break stays); any other
 * character outside the font becomes U+FFFD "�", which the font has. Host-neutral.
 *
 * ROBOTO_RANGES is the set of code points that all four Roboto files shipped in pdfmake 0.3 map (regular,
 * medium, italic, medium italic; fontTools `getBestCmap`), without the control characters, as inclusive
 * ranges. test/pdf-pdfa.test.ts recomputes it from the font files, so a pdfmake update that changes the
 * fonts fails that test until this list is regenerated.
 */
export const ROBOTO_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], [0xa0, 0x17f], [0x18f, 0x18f], [0x192, 0x192], [0x1a0, 0x1a1], [0x1af, 0x1b0], [0x1f0, 0x1f0],
  [0x1fa, 0x1ff], [0x218, 0x21b], [0x237, 0x237], [0x259, 0x259], [0x2bc, 0x2bc], [0x2c6, 0x2c7],
  [0x2c9, 0x2c9], [0x2d8, 0x2dd], [0x2f3, 0x2f3], [0x300, 0x301], [0x303, 0x303], [0x309, 0x309],
  [0x30f, 0x30f], [0x323, 0x323], [0x384, 0x38a], [0x38c, 0x38c], [0x38e, 0x3a1], [0x3a3, 0x3ce],
  [0x3d1, 0x3d2], [0x3d6, 0x3d6], [0x400, 0x486], [0x488, 0x513], [0x1e00, 0x1e01], [0x1e3e, 0x1e3f],
  [0x1e80, 0x1e85], [0x1e9e, 0x1e9e], [0x1ea0, 0x1ef9], [0x1f4d, 0x1f4d], [0x2000, 0x200b], [0x2010, 0x2011],
  [0x2013, 0x2015], [0x2017, 0x201e], [0x2020, 0x2022], [0x2025, 0x2027], [0x2030, 0x2030], [0x2032, 0x2033],
  [0x2039, 0x203a], [0x203c, 0x203c], [0x2044, 0x2044], [0x2070, 0x2070], [0x2074, 0x208e], [0x20a3, 0x20a4],
  [0x20a6, 0x20ac], [0x20b1, 0x20b1], [0x20b9, 0x20ba], [0x20bc, 0x20bd], [0x20c1, 0x20c1], [0x2105, 0x2105],
  [0x2113, 0x2113], [0x2116, 0x2116], [0x2122, 0x2122], [0x2126, 0x2126], [0x212e, 0x212e], [0x215b, 0x215e],
  [0x2202, 0x2202], [0x2206, 0x2206], [0x220f, 0x220f], [0x2211, 0x2212], [0x221a, 0x221a], [0x221e, 0x221e],
  [0x222b, 0x222b], [0x2248, 0x2248], [0x2260, 0x2260], [0x2264, 0x2265], [0x25a0, 0x25a0], [0x25ca, 0x25cb],
  [0x25cf, 0x25cf], [0xee01, 0xee02], [0xf6c3, 0xf6c3], [0xfb01, 0xfb04], [0xfeff, 0xfeff], [0xfffc, 0xfffd],
];

const REPLACEMENT = "\ufffd";

function inFont(c: number): boolean {
  let lo = 0;
  let hi = ROBOTO_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ROBOTO_RANGES[mid];
    if (c < a) hi = mid - 1;
    else if (c > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** `s` with only characters the font draws (see above). */
export function drawable(s: string): string {
  let out = "";
  for (const ch of s.normalize("NFC")) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 10) out += ch;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += " ";
    else out += inFont(c) ? ch : REPLACEMENT;
  }
  return out;
}

/** Every string in a pdfmake content tree made drawable; functions (table layouts) and numbers kept. */
export function drawableContent<T>(content: T): T {
  if (typeof content === "string") return drawable(content) as T;
  if (Array.isArray(content)) return content.map(drawableContent) as T;
  if (content && typeof content === "object") {
    return Object.fromEntries(Object.entries(content).map(([k, v]) => [k, drawableContent(v)])) as T;
  }
  return content;
}
