#!/usr/bin/env node
// The `sema-language-server` executable: `--stdio` (default), `--node-ipc` or `--socket=N`.
require('../out/src/main.js');
