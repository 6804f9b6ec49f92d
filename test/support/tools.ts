/**
 * Tests that need an installed program follow one rule, through `needs()`:
 *  - the program is there: the tests run;
 *  - it is missing on a developer's machine: the tests are real jest skips (`test.skip` / `describe.skip`,
 *    chosen when the file is collected, so jest counts them as skipped) and a warning names the Debian
 *    package to install;
 *  - it is missing with `CI=true`, or with the tool's `DVO_REQUIRE_*` variable set to 1: the test file
 *    fails when it is collected, naming the package. Nothing is skipped in CI.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findSsconvert } from "./gnumeric";
import { findSoffice } from "./libreoffice";
import { CARLITO_FACES, CHROMIUM, PYTHON } from "./paths";

export type Tool = "libreoffice" | "gnumeric" | "chromium" | "openpyxl" | "poppler" | "fonttools" | "carlito";

interface Spec {
  /** the program's path, or null when it is not installed */
  find: () => string | null;
  /** the Debian package that brings it */
  install: string;
  /** set to 1 to require it outside CI */
  variable: string;
}

function pythonWith(module: string): string | null {
  if (!existsSync(PYTHON)) return null;
  try {
    execFileSync(PYTHON, ["-c", `import ${module}`], { stdio: "pipe", timeout: 60_000 });
    return PYTHON;
  } catch {
    return null;
  }
}

const firstOf = (paths: string[]) => paths.find((p) => existsSync(p)) ?? null;

const TOOLS: Record<Tool, Spec> = {
  libreoffice: { find: findSoffice, install: "libreoffice-calc-nogui", variable: "DVO_REQUIRE_LIBREOFFICE" },
  gnumeric: { find: findSsconvert, install: "gnumeric", variable: "DVO_REQUIRE_GNUMERIC" },
  chromium: { find: () => firstOf([CHROMIUM]), install: "chromium", variable: "DVO_REQUIRE_CHROMIUM" },
  openpyxl: { find: () => pythonWith("openpyxl"), install: "python3-openpyxl", variable: "DVO_REQUIRE_OPENPYXL" },
  poppler: { find: () => firstOf(["/usr/bin/pdftotext"]) && firstOf(["/usr/bin/pdffonts"]) && firstOf(["/usr/bin/pdftoppm"]), install: "poppler-utils", variable: "DVO_REQUIRE_POPPLER" },
  fonttools: { find: () => pythonWith("fontTools"), install: "python3-fonttools", variable: "DVO_REQUIRE_FONTS" },
  carlito: { find: () => (CARLITO_FACES.every((f) => existsSync(f)) ? CARLITO_FACES[0] : null), install: "fonts-crosextra-carlito", variable: "DVO_REQUIRE_FONTS" },
};

const found = new Map<Tool, string | null>();
function lookUp(tool: Tool): string | null {
  if (!found.has(tool)) found.set(tool, TOOLS[tool].find());
  return found.get(tool) ?? null;
}

/** True when a missing `tool` must fail the run: CI, its own variable, or one of `also` set to 1. */
function toolRequired(tool: Tool, also: string[] = []): boolean {
  return process.env.CI === "true" || [TOOLS[tool].variable, ...also].some((v) => process.env[v] === "1");
}

export interface Needs {
  /** `test`, or `test.skip` when a tool is missing */
  test: jest.It;
  /** `describe`, or `describe.skip` when a tool is missing */
  describe: jest.Describe;
  /** the path of an installed tool (only inside tests that run) */
  path: (tool: Tool) => string;
}

/**
 * Choose, at collection time, whether the tests of `what` that need `tools` run, are skipped (with a
 * warning), or fail the file (a missing tool under CI=true or its DVO_REQUIRE_* variable; `also` names
 * further variables that require all of them, such as DVO_REQUIRE_INTEROP).
 */
export function needs(what: string, tools: Tool[], also: string[] = []): Needs {
  const missing = tools.filter((t) => lookUp(t) === null);
  const packages = [...new Set(missing.map((t) => TOOLS[t].install))].join(" ");
  if (missing.length > 0) {
    const required = missing.filter((t) => toolRequired(t, also));
    if (required.length > 0) {
      throw new Error(`${what}: ${required.join(", ")} not installed, and required here (CI=true or DVO_REQUIRE_*): apt-get install ${packages}`);
    }
    console.warn(`SKIPPED: ${what} (missing ${missing.join(", ")}; apt-get install ${packages}; with CI=true this fails)`);
  }
  const ready = missing.length === 0;
  return {
    test: ready ? test : test.skip,
    describe: ready ? describe : describe.skip,
    path: (tool) => {
      const p = lookUp(tool);
      if (p === null) throw new Error(`${tool} is not installed`);
      return p;
    },
  };
}
