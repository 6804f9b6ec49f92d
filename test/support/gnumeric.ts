/** Recalculate .xlsx files with Gnumeric (`ssconvert --recalc`), a second independent spreadsheet engine. */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export function findSsconvert(): string | null {
  for (const p of ["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"]) if (existsSync(p)) return p;
  return null;
}

/** Recalculate one file and return the path of Gnumeric's xlsx copy (values are Gnumeric's own). */
export function recalculateGnumeric(ssconvert: string, file: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "dvo-gnm-")), path.basename(file));
  execFileSync(ssconvert, ["--recalc", "--export-type=Gnumeric_Excel:xlsx2", file, out], { stdio: "pipe", timeout: 120_000 });
  if (!existsSync(out)) throw new Error(`Gnumeric did not write ${out}`);
  return out;
}

// ---- values straight from Gnumeric: `ssconvert --recalc -S` writes one CSV per sheet after recalculating every
// formula (Text exporter, raw values: full precision, dates as serials, no number formatting).

/** RFC 4180 CSV (quotes doubled inside quoted fields; newlines allowed inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function colLetters(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export type SheetValues = Record<string, string>;

/** Recalculate `file` with Gnumeric; the values of every sheet, by sheet name and A1 reference. */
export function gnumericValues(ssconvert: string, file: string): Promise<Record<string, SheetValues>> {
  const dir = mkdtempSync(path.join(tmpdir(), "dvo-gnm-csv-"));
  const args = [
    "--recalc", "-S", "-T", "Gnumeric_stf:stf_assistant", "-O", "format=raw separator=, quoting-mode=auto eol=unix",
    file, path.join(dir, "%n.%s.csv"),
  ];
  return new Promise((resolve, reject) => {
    execFile(ssconvert, args, { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (err, _stdout, stderr) => {
      try {
        const names = readdirSync(dir).filter((f) => f.endsWith(".csv"));
        if (err && names.length === 0) throw new Error(`ssconvert failed on ${file}: ${err.message}\n${String(stderr).slice(0, 1000)}`);
        const out: Record<string, SheetValues> = {};
        for (const f of names) {
          const m = /^(\d+)\.(.*)\.csv$/.exec(f);
          if (!m) continue;
          const sheet: SheetValues = {};
          parseCsv(readFileSync(path.join(dir, f), "utf8")).forEach((row, r) => row.forEach((v, c) => {
            if (v !== "") sheet[`${colLetters(c + 1)}${r + 1}`] = v;
          }));
          out[m[2]] = sheet;
        }
        rmSync(dir, { recursive: true, force: true });
        resolve(out);
      } catch (e) {
        reject(e);
      }
    });
  });
}
