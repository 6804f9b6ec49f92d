// ESLint flat config: typescript-eslint's recommended rules; no `any` in the engine layers (DESIGN.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

/** The Office task-pane template's rules (load before read, sync after load, no sync in a loop, …), as errors. */
const OFFICE_RULES = Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "error"]));

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
    files: ["src/domain/**/*.ts", "src/input/**/*.ts", "src/records/**/*.ts", "src/report/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // the engine stays off the hosts: no host library, and no import from a host's folder
      "no-restricted-imports": ["error", { patterns: [
        { group: ["exceljs", "@microsoft/office-js", "office-addin-*", "chart.js", "node:*", "fs", "path"], message: "domain/, input/, records/ and report/ run in every host: no host library." },
        { group: ["**/office", "**/office/**", "**/xlsx", "**/xlsx/**", "**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**", "**/pdf", "**/pdf/**", "**/commands/**"], message: "domain/, input/, records/ and report/ are the engine: they may not import a host (office, xlsx, taskpane, cli, pdf)." },
      ] }],
      // and no Office.js global either: Excel.* and Office.* belong to src/office
      "no-restricted-globals": ["error", { name: "Excel", message: "Office.js belongs to src/office." }, { name: "Office", message: "Office.js belongs to src/office." }, { name: "OfficeExtension", message: "Office.js belongs to src/office." }],
    },
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
