#!/usr/bin/env node
// Entry point of the `drc` command: runs the compiled CLI entry (src/entries/cli.ts, built by `npm run build:cli`
// on install).
require('../dist/entries/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
