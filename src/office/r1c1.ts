/**
 * A1 → R1C1 for the formulas of a plan, relative to the cell that holds them. Cells down a column whose
 * R1C1 form is the same (the same formula, shifted one row at a time) can then be written to Excel as one
 * value for the whole run instead of one string per cell.
 */

const REF = /^(\$?)([A-Z]{1,3})(\$?)(\d+)/;
/** Whole columns (`C:C`, `$B:$D`) and whole rows (`5:5`, `$2:$3`). */
const COLUMNS = /^(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(!])/;
const ROWS = /^(\$?)(\d+):(\$?)(\d+)(?![A-Za-z0-9_.(])/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function r1c1Part(absRow: boolean, row: number, absCol: boolean, col: number, atRow: number, atCol: number): string {
  const r = absRow ? `R${row}` : row === atRow ? "R" : `R[${row - atRow}]`;
  const c = absCol ? `C${col}` : col === atCol ? "C" : `C[${col - atCol}]`;
  return r + c;
}

/** One axis in R1C1: `R5` / `C3` absolute, `R` / `C` this row or column, `R[-2]` / `C[1]` relative. */
function axis(letter: "R" | "C", abs: boolean, n: number, at: number): string {
  return abs ? `${letter}${n}` : n === at ? letter : `${letter}[${n - at}]`;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.$]/.test(ch);

/** Index of the quote that closes the one at `start` (a doubled quote inside is an escaped one). */
function closingQuote(formula: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < formula.length) {
    if (formula[j] === quote && formula[j + 1] === quote) j += 2;
    else if (formula[j] === quote) return j;
    else j++;
  }
  return j;
}

/** Convert the A1 references of `formula` (without '=') to R1C1 relative to (row, col), 1-based. */
export function toR1C1(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a string literal, or a quoted sheet name up to its '!: copied as it is
      const j = closingQuote(formula, i, ch);
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const free = !(isWordChar(formula[i - 1]) && formula[i - 1] !== "$");
    // whole columns and rows: in R1C1 "C:C" would mean "this column", so they are converted too
    const cm = free ? COLUMNS.exec(formula.slice(i)) : null;
    if (cm) {
      out += `${axis("C", cm[1] === "$", colNumber(cm[2]), col)}:${axis("C", cm[3] === "$", colNumber(cm[4]), col)}`;
      i += cm[0].length;
      continue;
    }
    const rm = free && !/[0-9.]/.test(formula[i - 1] ?? "") ? ROWS.exec(formula.slice(i)) : null;
    if (rm) {
      out += `${axis("R", rm[1] === "$", Number(rm[2]), row)}:${axis("R", rm[3] === "$", Number(rm[4]), row)}`;
      i += rm[0].length;
      continue;
    }
    const m = free ? REF.exec(formula.slice(i)) : null;
    if (m) {
      const after = formula[i + m[0].length];
      if (after !== "(" && !/[A-Za-z0-9_]/.test(after ?? "")) {
        out += r1c1Part(m[3] === "$", Number(m[4]), m[1] === "$", colNumber(m[2]), row, col);
        i += m[0].length;
        continue;
      }
    }
    // copy a whole word (function or sheet name) at once so its tail is never read as a reference
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < formula.length && /[A-Za-z0-9_.]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "(" || formula[j] === "!" || !REF.test(word)) {
        out += word;
        i = j;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
