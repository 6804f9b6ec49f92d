/**
 * The double's own formula handling, written from Excel's documented R1C1 notation (not from
 * src/office/r1c1.ts): R1C1 → A1 as Excel shows it, and the sheet references that follow a rename or
 * turn into #REF! when the sheet is deleted.
 *
 * R1C1: `R` / `C` alone = this row / column; `R5` / `C3` = absolute row 5 / column 3; `R[-2]` / `C[1]` =
 * relative. A reference with only rows (`R2`, `R[1]:R[3]`) is a whole row, with only columns (`C3`) a
 * whole column.
 */
import { colLetters, MAX_COLS, MAX_ROWS } from "./model";

/** Split a formula into pieces: string literals and quoted sheet names are kept whole. */
function pieces(formula: string): Array<{ text: string; quoted: boolean }> {
  const out: Array<{ text: string; quoted: boolean }> = [];
  let i = 0;
  let cur = "";
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      if (cur) out.push({ text: cur, quoted: false });
      cur = "";
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out.push({ text: formula.slice(i, j + 1), quoted: true });
      i = j + 1;
      continue;
    }
    cur += ch;
    i++;
  }
  if (cur) out.push({ text: cur, quoted: false });
  return out;
}

const PART = String.raw`(?:R(?:\[-?\d+\]|\d+)?C(?:\[-?\d+\]|\d+)?|R(?:\[-?\d+\]|\d+)?|C(?:\[-?\d+\]|\d+)?)`;
const REF = new RegExp(String.raw`(^|[^A-Za-z0-9_.!\]])(${PART})(?::(${PART}))?(?![A-Za-z0-9_(\[])`, "g");
const SHEET_REF = new RegExp(String.raw`([A-Za-z_][A-Za-z0-9_.]*!)(${PART})(?::(${PART}))?(?![A-Za-z0-9_(\[])`, "g");

interface Part {
  row?: { abs: boolean; n: number };
  col?: { abs: boolean; n: number };
}

function parsePart(p: string): Part {
  const m = /^(R(\[-?\d+\]|\d+)?)?(C(\[-?\d+\]|\d+)?)?$/.exec(p);
  if (!m) throw new Error(`not R1C1: ${p}`);
  const axis = (present: string | undefined, spec: string | undefined) => {
    if (present === undefined) return undefined;
    if (spec === undefined) return { abs: false, n: 0 };
    if (spec.startsWith("[")) return { abs: false, n: Number(spec.slice(1, -1)) };
    return { abs: true, n: Number(spec) };
  };
  return { row: axis(m[1], m[2]), col: axis(m[3], m[4]) };
}

function a1Part(p: Part, row: number, col: number, only?: "row" | "col"): string {
  const r = p.row ? (p.row.abs ? `$${p.row.n}` : `${row + p.row.n}`) : "";
  const c = p.col ? (p.col.abs ? `$${colLetters(p.col.n)}` : colLetters(col + p.col.n)) : "";
  const rn = p.row ? (p.row.abs ? p.row.n : row + p.row.n) : 1;
  const cn = p.col ? (p.col.abs ? p.col.n : col + p.col.n) : 1;
  if (rn < 1 || rn > MAX_ROWS || cn < 1 || cn > MAX_COLS) return "#REF!";
  if (only === "row") return r;
  if (only === "col") return c;
  return c + r;
}

function convertRef(a: string, b: string | undefined, row: number, col: number): string {
  const p = parsePart(a);
  const q = b === undefined ? undefined : parsePart(b);
  const rowsOnly = !p.col && (!q || !q.col);
  const colsOnly = !p.row && (!q || !q.row);
  if (rowsOnly) {
    const x = a1Part(p, row, col, "row");
    return `${x}:${q ? a1Part(q, row, col, "row") : x}`;
  }
  if (colsOnly) {
    const x = a1Part(p, row, col, "col");
    return `${x}:${q ? a1Part(q, row, col, "col") : x}`;
  }
  return q ? `${a1Part(p, row, col)}:${a1Part(q, row, col)}` : a1Part(p, row, col);
}

/** An R1C1 formula (with its "=") entered in the cell at (row, col), 1-based → the A1 formula Excel shows. */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  const ps = pieces(formula);
  let out = "";
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.quoted) {
      out += p.text;
      continue;
    }
    // a reference right after a quoted sheet name: 'Sheet x'!R1C1
    let text = p.text;
    let lead = "";
    if (text.startsWith("!") && ps[i - 1]?.quoted && ps[i - 1].text.startsWith("'")) {
      const m = new RegExp(String.raw`^!(${PART})(?::(${PART}))?(?![A-Za-z0-9_(\[])`).exec(text);
      if (m) {
        lead = "!" + convertRef(m[1], m[2], row, col);
        text = text.slice(m[0].length);
      }
    }
    // unquoted sheet names followed by a reference, then plain references
    const marked = text.replace(SHEET_REF, (_all, sheet: string, a: string, b?: string) => `${sheet}\uE000${convertRef(a, b, row, col)}\uE001`);
    const converted = marked
      .split(/(\uE000[^\uE001]*\uE001)/)
      .map((s) => (s.startsWith("\uE000") ? s.slice(1, -1) : s.replace(REF, (_all, before: string, a: string, b?: string) => before + convertRef(a, b, row, col))))
      .join("");
    out += lead + converted;
  }
  return out;
}

/** Does a sheet name need quotes in a formula? */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The sheet name a piece names, when it is a sheet reference (quoted 'x'! or bare x!). */
function unquote(text: string): string {
  return text.slice(1, -1).replace(/''/g, "'");
}

/**
 * Rewrite every reference to sheet `from` (compared case-insensitively, as Excel does): to `to` on a
 * rename, or to #REF! on a delete (`to` null).
 */
export function renameSheetRefs(formula: string, from: string, to: string | null): string {
  const ps = pieces(formula);
  const same = (n: string) => n.toLowerCase() === from.toLowerCase();
  let out = "";
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const next = ps[i + 1];
    if (p.quoted && p.text.startsWith("'") && next && !next.quoted && next.text.startsWith("!") && same(unquote(p.text))) {
      if (to === null) {
        // 'Sheet'!A1 → #REF!
        out += "#REF!";
        ps[i + 1] = { text: next.text.replace(/^![$A-Za-z0-9:]+/, ""), quoted: false };
      } else out += quoteSheet(to);
      continue;
    }
    if (p.quoted) {
      out += p.text;
      continue;
    }
    out += p.text.replace(/(^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)!([$A-Za-z0-9:]+)?/g, (all, before: string, name: string, ref?: string) => {
      if (!same(name)) return all;
      return to === null ? `${before}#REF!` : `${before}${quoteSheet(to)}!${ref ?? ""}`;
    });
  }
  return out;
}

/** The sheet names a formula refers to ('quoted'!… and bare!…), outside string literals. */
export function sheetRefs(formula: string): string[] {
  const ps = pieces(formula);
  const out: string[] = [];
  ps.forEach((p, i) => {
    const next = ps[i + 1];
    if (p.quoted && p.text.startsWith("'") && next && !next.quoted && next.text.startsWith("!")) out.push(unquote(p.text));
    if (!p.quoted) for (const m of p.text.matchAll(/(?:^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)!/g)) out.push(m[1]);
  });
  return out;
}
