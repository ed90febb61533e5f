#!/usr/bin/env node
// Entry point of the `drc` command: runs the compiled CLI (built by `npm run build:cli` on install).
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
