/** Where the Debian programs the tests drive are installed (also read by bench/, so no jest types here). */

/** Debian's Chromium (playwright-core drives it; no browser download). */
export const CHROMIUM = "/usr/bin/chromium";
/** Debian's Python, with python3-openpyxl and python3-fonttools. */
export const PYTHON = "/usr/bin/python3";
/** Calibri's metric twin (Debian fonts-crosextra-carlito); test/support/text-fit.py reads all four faces. */
export const CARLITO_FACES = ["Regular", "Bold", "Italic", "BoldItalic"].map((f) => `/usr/share/fonts/truetype/crosextra/Carlito-${f}.ttf`);
