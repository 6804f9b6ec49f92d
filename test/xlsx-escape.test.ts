/**
 * The two text passes every written cell goes through: `escapeXml` (entities, characters XML does not allow,
 * a literal `_xHHHH_` kept literal) and `fileFormula` (future functions prefixed with `_xlfn.`). Both skip
 * the walk when a regular expression finds nothing to do; here each is held, over many generated texts,
 * to a reference written from its description with regular expressions alone.
 */
import { escapeXml } from "../src/xlsx/package";
import { fileFormula } from "../src/xlsx/sheet-write";

let seed = 20261203;
const random = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)];

function referenceEscape(s: string): string {
  // eslint-disable-next-line no-control-regex -- those characters are what it looks for
  return s.replace(/_x[0-9A-Fa-f]{4}_|[&<>"]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (m) => {
    if (m.length === 7) return `_x005F${m}`;
    const entity: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
    return entity[m] ?? `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

// the functions Excel stores with `_xlfn.` that the report may write, and some that it does not prefix
const FUTURE = ["IFS", "MAXIFS", "xlookup", "Concat", "STDEV.S", "TEXTJOIN", "SORT", "LET", "NETWORKDAYS.INTL"];
const PLAIN = ["SUMIFS", "IF", "INDEX", "MATCH", "SUM", "TRIM", "STDEV", "COUNTIFS", "IFERROR", "MONTH"];

function referenceFormula(f: string): string {
  const src = f.startsWith("=") ? f.slice(1) : f;
  const future = new Set(["MAXIFS", "MINIFS", "IFS", "SWITCH", "CONCAT", "TEXTJOIN", "IFNA", "XLOOKUP", "XMATCH", "DAYS", "ISOWEEKNUM",
    "AGGREGATE", "FORMULATEXT", "NUMBERVALUE", "SHEET", "SHEETS", "XOR", "FILTER", "SORT", "SORTBY", "UNIQUE", "SEQUENCE", "LET",
    "CEILING.MATH", "FLOOR.MATH", "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "MODE.SNGL", "PERCENTILE.INC", "PERCENTILE.EXC",
    "QUARTILE.INC", "QUARTILE.EXC", "RANK.EQ", "RANK.AVG", "NETWORKDAYS.INTL", "WORKDAY.INTL"]);
  // strings and quoted sheet names are left as they are; a name directly before '(' that no name character precedes is a function
  return src.replace(/"(?:[^"]|"")*"?|'(?:[^']|'')*'?|(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_.]*(?=\()/g, (m) =>
    (m[0] !== '"' && m[0] !== "'" && future.has(m.toUpperCase()) ? `_xlfn.${m}` : m));
}

describe("escapeXml and fileFormula against references", () => {
  test("escapeXml: entities, characters XML does not allow, literal escapes; text without any comes back as it is", () => {
    const pieces = ["a", "Ĳ €", "&", "<", ">", '"', "'", "_x0041_", "_x004G_", "_x00", "_", "x0041_", "\u0001", "\t", "\n", "\r", "\u000B", "\uFFFE", "0123456789abcdef"];
    const texts = ["", "0123456789abcdef".repeat(1000), "_x0041__x0042_", "__x0041_", "_X0041_"];
    for (let i = 0; i < 20_000; i++) texts.push(Array.from({ length: 1 + random(8) }, () => pick(pieces)).join(""));
    const wrong = texts.filter((t) => escapeXml(t) !== referenceEscape(t));
    expect(wrong.slice(0, 5).map((t) => [t, escapeXml(t), referenceEscape(t)])).toEqual([]);
    expect(escapeXml("_x0041_ & <b>")).toBe("_x005F_x0041_ &amp; &lt;b&gt;");
  });

  test("fileFormula: future functions prefixed in any case, never inside a string, a quoted sheet name or a longer name", () => {
    const tokens = [...FUTURE.map((f) => `${f}(`), ...PLAIN.map((f) => `${f}(`), "A1", "B$2", ")", ",", "&", '"IFS("', '"a""SORT(b"', "'SORT(x'!A1", "'it''s'!B2", "X", "1", ".", "_", "MY", " ", "Realisatie!D9", "=", "(", '"'];
    const formulas = ["=IFS(A1>1,1)", "MYIFS(1)", "A1IFS(2)", "_IFS(3)", "IFS (4)", '"unterminated IFS(', "=sort(A1:A3)", `${"A".repeat(45)}IFS(1)`];
    for (let i = 0; i < 30_000; i++) formulas.push(Array.from({ length: 1 + random(10) }, () => pick(tokens)).join(""));
    const wrong = formulas.filter((f) => fileFormula(f) !== referenceFormula(f));
    expect(wrong.slice(0, 5).map((f) => [f, fileFormula(f), referenceFormula(f)])).toEqual([]);
    expect(fileFormula("=IFERROR(MAXIFS(A:A,B:B,\"x\"),0)")).toBe('IFERROR(_xlfn.MAXIFS(A:A,B:B,"x"),0)');
    expect(fileFormula("=SUMIFS(A:A,B:B,\"IFS(\")")).toBe('SUMIFS(A:A,B:B,"IFS(")');
  });
});
