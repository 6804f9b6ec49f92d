/**
 * The page's first script: in a webview too old for the ES2022 bundle (Excel 2019's Internet Explorer 11 or
 * EdgeHTML) the pane says in Dutch which Excel is supported, instead of staying on "Bezig met laden…".
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";

const source = readFileSync(path.join(__dirname, "..", "src", "taskpane", "webview-check.js"), "utf8");

function run(globals: Record<string, unknown>) {
  const status = { className: "host-status", textContent: "Bezig met laden…" };
  const attrs: Record<string, string> = {};
  const document = { getElementById: (id: string) => (id === "host-status" ? status : null), documentElement: { setAttribute: (k: string, v: string) => void (attrs[k] = v) } };
  vm.runInNewContext(source, { document, ...globals });
  return { status, attrs };
}

describe("webview-check.js", () => {
  test("an IE11-like webview (no Promise, no replaceAll, no WeakRef) gets the Dutch message", () => {
    const { status, attrs } = run({ Promise: undefined, WeakRef: undefined, String: function S() {} });
    expect(status.textContent).toMatch(/niet ondersteund.*Excel 2021 en later.*Excel op het web/);
    expect(attrs["data-unsupported"]).toBe("webview");
  });

  test("a Chromium webview is left alone", () => {
    const { status, attrs } = run({});
    expect(status.textContent).toBe("Bezig met laden…");
    expect(attrs).toEqual({});
  });

  test("the page loads it before the bundle, from its own origin (the CSP allows no inline script)", () => {
    const html = readFileSync(path.join(__dirname, "..", "src", "taskpane", "taskpane.html"), "utf8");
    expect(html).toContain('<script src="webview-check.js"></script>');
    expect(readFileSync(path.join(__dirname, "..", "webpack.config.js"), "utf8")).toContain('from: "src/taskpane/webview-check.js"');
  });
});
