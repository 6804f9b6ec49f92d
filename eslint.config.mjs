// ESLint flat config: typescript-eslint's recommended rules; no `any` in the engine layers (DESIGN.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

/** The Office task-pane template's rules (load before read, sync after load, no sync in a loop, …), as errors. */
const OFFICE_RULES = Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "error"]));

/** Folders the engine may not import: the hosts and the front ends. */
const HOST_FOLDERS = ["**/office", "**/office/**", "**/xlsx", "**/xlsx/**", "**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**", "**/pdf", "**/pdf/**", "**/commands/**"];

/** A host folder's rule: no other host, no front end (cli, taskpane, commands). */
function hostFence(files, otherHosts, name) {
  return {
    files: [files],
    rules: { "no-restricted-imports": ["error", { patterns: [
      { group: [...otherHosts, "**/cli", "**/cli/**", "**/taskpane", "**/taskpane/**", "**/commands/**"], message: `${name} is a host: it imports the engine, never another host (office, xlsx, pdf) nor a front end (cli, taskpane).` },
    ] }] },
  };
}

export default tseslint.config(
  { ignores: ["dist/", "dist-bench/", "lib/", "out/", "node_modules/", "coverage/", "test/artifacts/", "bin/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    // the engine — rules, contract, report plan, records, the job, the example's data — runs in every host
    files: ["src/domain/**/*.ts", "src/input/**/*.ts", "src/report/**/*.ts", "src/records/**/*.ts", "src/job/**/*.ts", "src/example/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // the engine stays off the hosts: no host library, and no import from a host's folder
      "no-restricted-imports": ["error", { patterns: [
        { group: ["exceljs", "@microsoft/office-js", "office-addin-*", "chart.js", "pdfmake", "fflate", "node:*", "fs", "path"], message: "The engine (domain, input, report, records, job, example) runs in every host: no host library." },
        { group: HOST_FOLDERS, message: "The engine (domain, input, report, records, job, example) may not import a host (office, xlsx, pdf) or a front end (cli, taskpane, commands)." },
      ] }],
      // and no Office.js global either: Excel.* and Office.* belong to src/office
      "no-restricted-globals": ["error", { name: "Excel", message: "Office.js belongs to src/office." }, { name: "Office", message: "Office.js belongs to src/office." }, { name: "OfficeExtension", message: "Office.js belongs to src/office." }],
    },
  },
  // hosts only move cells: a host imports the engine, never another host nor a front end
  hostFence("src/office/**/*.ts", ["**/xlsx", "**/xlsx/**", "**/pdf", "**/pdf/**"], "src/office"),
  hostFence("src/xlsx/**/*.ts", ["**/office", "**/office/**", "**/pdf", "**/pdf/**"], "src/xlsx"),
  hostFence("src/pdf/**/*.ts", ["**/office", "**/office/**", "**/xlsx", "**/xlsx/**"], "src/pdf"),
  {
    // the command line runs in Node on files: never the Office.js host or the pane
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [
      { group: ["**/office", "**/office/**", "**/taskpane", "**/taskpane/**"], message: "The command line uses the file host (src/xlsx) and the PDF host; not the Excel host or the task pane." },
    ] }] },
  },
  {
    // the pane picks a host; it never reaches into the command line
    files: ["src/taskpane/**/*.ts", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [
      { group: ["**/cli", "**/cli/**"], message: "The task pane does not import the command line: what both need belongs in the job (src/job) or a host." },
    ] }] },
  },
  {
    // Office.js code: the Office template's lint rules (eslint-plugin-office-addins)
    files: ["src/office/**/*.ts", "src/taskpane/**/*.ts", "src/commands/**/*.ts", "test/end-to-end/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: OFFICE_RULES,
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", Buffer: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
