#!/usr/bin/env node
// The `sema` command: runs the compiled CLI (built by `npm run build:types`).
require('../out/src/cli/main.js');
