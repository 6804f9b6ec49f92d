#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run by `npm ci` via `prepare`).
require("../lib/cli/main.js").main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`Onverwachte fout: ${err && err.message ? err.message : err}\n`); process.exitCode = 3; }
);
