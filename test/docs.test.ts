/**
 * The documentation stays inside the repository: every relative link (and image) in README.md and docs/**.md
 * resolves to a file that a fresh clone has — tracked by git or about to be (not ignored: no out/, dist/,
 * node_modules/) — and none points outside the repository (../shared/… is what a user who clones it does
 * not have). A link with a #fragment into a Markdown file must name a heading of that file (GitHub's
 * anchors).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

interface Link {
  /** the file the link is in, relative to the repository root */
  file: string;
  line: number;
  target: string;
  /** a path named in inline code from the repository's root (`src/domain/money.ts`), not from the file's folder */
  fromRoot?: boolean;
}

/** Fenced code blocks and inline code spans become blanks (same length, same line breaks): links there are examples. */
function withoutCode(md: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return md
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}

/** Every link target in a Markdown text: inline links and images, reference definitions, HTML href/src. */
export function linksIn(md: string, file: string): Link[] {
  const text = withoutCode(md);
  const out: Link[] = [];
  const lineOf = (i: number) => text.slice(0, i).split("\n").length;
  const add = (i: number, raw: string) => {
    let t = raw.trim();
    if (t.startsWith("<") && t.endsWith(">")) t = t.slice(1, -1);
    out.push({ file, line: lineOf(i), target: t });
  };
  // [text](target "title") and ![alt](target); the text may hold one level of brackets (an image in a link)
  for (const m of text.matchAll(/!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)) {
    add(m.index ?? 0, m[1]);
  }
  for (const m of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(\S+)/gm)) add(m.index ?? 0, m[1]);
  for (const m of text.matchAll(/<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)) add(m.index ?? 0, m[1]);
  return out;
}

/**
 * Paths named in inline code that a reader would follow: a Markdown file (`spec/RULES.md`) or anything that
 * starts with `../` (`../shared/spec/WORKBOOK.md`). Fenced blocks are commands and examples, not references.
 */
export function codePathsIn(md: string, file: string): Link[] {
  const text = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (b) => b.replace(/[^\n]/g, " "));
  const out: Link[] = [];
  for (const m of text.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    const code = m[2].trim();
    if (/\s/.test(code) || /^[a-z][a-z0-9+.-]*:/i.test(code)) continue;
    // also a path into the repository's own folders (`src/domain/money.ts`, `test/support/`): files move, docs must follow
    const ownFolder = /^(src|test|docs|bench|scripts|assets|bin)\/[\w./-]*$/.test(code) && !code.startsWith("test/artifacts/");
    if (code.startsWith("../") || /^[\w./-]+\.md(#[\w-]*)?$/.test(code) || ownFolder) {
      out.push({ file, line: text.slice(0, m.index ?? 0).split("\n").length, target: code, fromRoot: ownFolder });
    }
  }
  return out;
}

/**
 * Markdown files named in plain text (not in a link, not in code): "the RULES.md example". Each must be a
 * document a reader of the repository can find: relative to the file, from the root, or by its name.
 */
export function bareMarkdownNamesIn(md: string, file: string): Array<{ file: string; line: number; name: string }> {
  const text = withoutCode(md).replace(/!?\[(?:[^[\]]|\[[^[\]]*\])*\]\([^)]*\)/g, (m) => m.replace(/[^\n]/g, " ")).replace(/^ {0,3}\[[^\]]+\]:.*$/gm, "");
  const out: Array<{ file: string; line: number; name: string }> = [];
  for (const m of text.matchAll(/(?<![\w/.-])[\w][\w./-]*\.md\b/g)) out.push({ file, line: text.slice(0, m.index ?? 0).split("\n").length, name: m[0] });
  return out;
}

export function bareNameProblem(n: { file: string; name: string }, files: Set<string>): string | null {
  const candidates = [path.posix.normalize(path.posix.join(path.posix.dirname(n.file), n.name)), path.posix.normalize(n.name)];
  if (candidates.some((c) => files.has(c))) return null;
  if (!n.name.includes("/") && [...files].some((f) => path.posix.basename(f) === n.name)) return null;
  return `'${n.name}' is named as a document but there is no such file in the repository`;
}

/** GitHub's anchor for each heading of a Markdown text (lower case, punctuation dropped, spaces → '-', repeats numbered). */
export function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const text = md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const m of text.matchAll(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const plain = m[1]
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/<[^>]+>/g, "")
      .replace(/[`*_~]/g, (c) => (c === "_" ? "_" : ""));
    const base = plain.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Files a fresh clone has, relative to ROOT with '/' separators: tracked, or new and not ignored. Null without git. */
function repositoryFiles(): Set<string> | null {
  try {
    const out = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const deleted = execFileSync("git", ["ls-files", "--deleted", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0");
    const gone = new Set(deleted);
    return new Set(out.split("\0").filter((f) => f !== "" && !gone.has(f)));
  } catch {
    return null;
  }
}

/**
 * What is wrong with one link, or null. `files` is the set of repository files (null: anything that exists
 * under ROOT counts). A directory counts when a file of the repository lies in it.
 */
export function linkProblem(link: Link, files: Set<string> | null, readMd: (rel: string) => string | null): string | null {
  const t = link.target;
  if (t === "") return "empty link";
  if (/^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith("//")) return null; // https:, mailto:, …: not a repository path
  const [pathPart, fragment] = ((): [string, string | undefined] => {
    const i = t.indexOf("#");
    return i < 0 ? [t, undefined] : [t.slice(0, i), t.slice(i + 1)];
  })();
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart.split("?")[0]);
  } catch {
    return `'${t}' is not a valid URL path`;
  }
  if (decoded.startsWith("/")) return `'${t}' is an absolute path; use a path relative to ${link.file}`;
  const from = link.fromRoot ? "." : path.posix.dirname(link.file);
  const rel = decoded === "" ? link.file : path.posix.normalize(path.posix.join(from, decoded));
  if (rel === ".." || rel.startsWith("../")) return `'${t}' points outside the repository (${rel})`;
  const clean = rel.replace(/\/$/, "");
  const isFile = files ? files.has(clean) : existsSync(path.join(ROOT, clean)) && statSync(path.join(ROOT, clean)).isFile();
  const isDir = !isFile && (files
    ? [...files].some((f) => f.startsWith(`${clean}/`))
    : existsSync(path.join(ROOT, clean)) && statSync(path.join(ROOT, clean)).isDirectory());
  if (!isFile && !isDir) return `'${t}' does not resolve to a file in the repository (${clean})`;
  if (fragment !== undefined && fragment !== "" && isFile && clean.endsWith(".md")) {
    const md = readMd(clean);
    if (md !== null && !anchorsOf(md).has(decodeURIComponent(fragment).toLowerCase())) return `'${t}': ${clean} has no heading with the anchor #${fragment}`;
  }
  return null;
}

function markdownFiles(): string[] {
  const out = ["README.md"];
  const walk = (dir: string) => {
    if (!existsSync(path.join(ROOT, dir))) return;
    for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith(".md")) out.push(rel);
    }
  };
  walk("docs");
  return out;
}

const readMd = (rel: string): string | null => {
  const p = path.join(ROOT, rel);
  return existsSync(p) ? readFileSync(p, "utf8") : null;
};

describe("the link checker itself", () => {
  const files = new Set(["README.md", "docs/guide.md", "docs/img/a.png", "src/domain/money.ts"]);
  const md = (rel: string) => (rel === "docs/guide.md" ? "# Gids\n\n## Wat de ondertekening wel en niet bewijst\n\n## Het rekenvoorbeeld (2025)\n\n## `check --pdf`\n" : null);
  const problems = (text: string, file = "README.md") => linksIn(text, file).map((l) => linkProblem(l, files, md)).filter((p) => p !== null);

  test("finds inline links, images, reference definitions and HTML, not code", () => {
    const text = [
      "See [the guide](docs/guide.md) and ![a](docs/img/a.png \"title\").",
      "[ref]: src/domain/money.ts",
      '<img src="docs/img/a.png" alt="">',
      "`[not a link](../x.md)`",
      "```md",
      "[also not](../../y.md)",
      "```",
    ].join("\n");
    expect(linksIn(text, "README.md").map((l) => l.target)).toEqual(["docs/guide.md", "docs/img/a.png", "src/domain/money.ts", "docs/img/a.png"]);
  });

  test("reports a link outside the repository, a missing file, an absolute path and a missing anchor", () => {
    expect(problems("[spec](../shared/spec/WORKBOOK.md)")).toEqual([expect.stringContaining("outside the repository")]);
    expect(problems("[x](docs/missing.md)")).toEqual([expect.stringContaining("does not resolve")]);
    expect(problems("[x](/work/main/README.md)")).toEqual([expect.stringContaining("absolute path")]);
    expect(problems("[x](docs/guide.md#nergens)")).toEqual([expect.stringContaining("no heading")]);
    expect(problems("[x](../README.md)", "docs/guide.md")).toEqual([]);
    expect(problems("[x](../../README.md)", "docs/guide.md")).toEqual([expect.stringContaining("outside the repository")]);
  });

  test("reads path references in inline code: Markdown files and paths that leave the folder", () => {
    const text = "Full contract: `../shared/spec/WORKBOOK.md`; rules in `spec/RULES.md`; see `docs/guide.md`; run `npm test`.\n```sh\ncat ../x.md\n```";
    expect(codePathsIn(text, "README.md").map((l) => l.target)).toEqual(["../shared/spec/WORKBOOK.md", "spec/RULES.md", "docs/guide.md"]);
    // a repository path in code is read from the root, also inside docs/; one that does not exist (a moved file) is reported
    const inDocs = codePathsIn("Zie `src/domain/money.ts` en `src/domain/geld.ts`; niet `test/artifacts/1-start.png`.", "docs/guide.md");
    expect(inDocs.map((l) => linkProblem(l, files, md))).toEqual([null, expect.stringContaining("does not resolve")]);
    expect(codePathsIn(text, "README.md").map((l) => linkProblem(l, files, md))).toEqual([
      expect.stringContaining("outside the repository"), expect.stringContaining("does not resolve"), null,
    ]);
  });

  test("reads Markdown files named in plain text, and reports one the repository does not have", () => {
    const text = "It puts the RULES.md example in; see [the guide](docs/guide.md) and README.md; `WORKBOOK.md` is code.\n[ref]: docs/x.md";
    expect(bareMarkdownNamesIn(text, "README.md").map((n) => n.name)).toEqual(["RULES.md", "README.md"]);
    expect(bareMarkdownNamesIn(text, "README.md").map((n) => bareNameProblem(n, files))).toEqual([expect.stringContaining("no such file"), null]);
    expect(bareNameProblem({ file: "docs/guide.md", name: "guide.md" }, files)).toBeNull();
  });

  test("accepts web links, existing files, directories of the repository and GitHub anchors", () => {
    expect(problems("[w](https://learn.microsoft.com/office/dev/add-ins/) [m](mailto:a@b.nl)")).toEqual([]);
    expect(problems("[d](docs/img/) [s](src/domain)")).toEqual([]);
    expect(problems("[a](docs/guide.md#wat-de-ondertekening-wel-en-niet-bewijst) [b](docs/guide.md#het-rekenvoorbeeld-2025) [c](docs/guide.md#check---pdf)")).toEqual([]);
    expect(problems("[self](#gids)", "docs/guide.md")).toEqual([]);
  });
});

/**
 * The user guide's pictures are made by `npm run screenshots` (another part of the work). Until that script
 * exists, these links may point at files that are not there yet; from the moment it exists they must
 * resolve like every other link.
 */
const SCREENSHOTS = ["invoer", "controleren", "rapport", "overzicht"].map((t) => `docs/img/taskpane-${t}.png`)
  .concat(["docs/img/rapport-addendum.png", "docs/img/rapport-financieel.png"]);
const screenshotScript = (): boolean => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return pkg.scripts?.screenshots !== undefined;
};

describe("README.md and docs/ link only to files in the repository", () => {
  const files = repositoryFiles();
  const docs = markdownFiles();
  const pending = screenshotScript() ? new Set<string>() : new Set(SCREENSHOTS);

  test("the documentation exists", () => {
    for (const f of ["docs/gebruikershandleiding.md", "docs/werkmapcontract.md", "docs/rekenregels.md", "docs/architecture.md"]) {
      expect(docs).toContain(f);
    }
  });

  test.each(docs)("%s", (file) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const found = [...linksIn(text, file), ...codePathsIn(text, file)]
      .map((l) => ({ l, p: linkProblem(l, files, readMd) }))
      .filter((x) => x.p !== null);
    const waiting = found.filter((x) => pending.has(path.posix.normalize(path.posix.join(x.l.fromRoot ? "." : path.posix.dirname(x.l.file), x.l.target))));
    if (waiting.length > 0) console.warn(`${file}: ${waiting.length} screenshot link(s) wait for 'npm run screenshots': ${[...new Set(waiting.map((x) => x.l.target))].join(", ")}`);
    expect(found.filter((x) => !waiting.includes(x)).map((x) => `${x.l.file}:${x.l.line}: ${x.p}`)).toEqual([]);
    if (files) {
      const named = bareMarkdownNamesIn(text, file).map((n) => ({ n, p: bareNameProblem(n, files) })).filter((x) => x.p !== null);
      expect(named.map((x) => `${x.n.file}:${x.n.line}: ${x.p}`)).toEqual([]);
    }
  });

  test("the user guide shows every screenshot the script makes", () => {
    const guide = linksIn(readFileSync(path.join(ROOT, "docs/gebruikershandleiding.md"), "utf8"), "docs/gebruikershandleiding.md")
      .map((l) => path.posix.normalize(path.posix.join("docs", l.target)));
    for (const img of SCREENSHOTS) expect(guide).toContain(img);
  });

  test("README links to the user guide, the workbook contract, the calculation rules and the architecture", () => {
    const targets = linksIn(readFileSync(path.join(ROOT, "README.md"), "utf8"), "README.md").map((l) => l.target.split("#")[0]);
    for (const doc of ["docs/gebruikershandleiding.md", "docs/werkmapcontract.md", "docs/rekenregels.md", "docs/architecture.md"]) {
      expect(targets).toContain(doc);
    }
  });
});

/**
 * Code comments, messages and test names cite documents too ("docs/rekenregels.md §3"): each Markdown file
 * named in src/, test/, scripts/ or bench/ must be a file of the repository, and nothing may point into
 * ../shared (a clone does not have it). This file is left out: its checker tests name missing files on purpose.
 */
function sourceFiles(files: Set<string> | null): string[] {
  const all = files ? [...files] : [];
  return all.filter((f) => /^(src|test|scripts|bench)\//.test(f) && /\.(ts|js|cjs|mjs|html|py|sh)$/.test(f) && f !== "test/docs.test.ts" && !f.startsWith("test/artifacts/"));
}

describe("source files cite only documents in the repository", () => {
  const files = repositoryFiles();
  const sources = sourceFiles(files);

  test("there are source files to check", () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  test("every Markdown file named in src/, test/, scripts/ and bench/ exists, and nothing points into ../shared", () => {
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      text.split("\n").forEach((line, i) => {
        if (/\.\.\/shared\b/.test(line)) found.push(`${file}:${i + 1}: points into ../shared`);
        for (const m of line.matchAll(/(?<![\w/.-])[\w][\w./-]*\.md\b/g)) {
          const p = bareNameProblem({ file: "README.md", name: m[0] }, files ?? new Set());
          if (p) found.push(`${file}:${i + 1}: ${p}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  test("the check finds a citation of a document the repository does not have", () => {
    const probe = bareNameProblem({ file: "README.md", name: "RULES.md" }, files ?? new Set());
    expect(probe).toEqual(expect.stringContaining("no such file"));
  });
});
