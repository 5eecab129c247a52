// Where the stdlib's helper threads (HTTP client, HTTP server, file watching) find their
// scripts: next to this file in tsc output, next to the bundle in dist/ (esbuild.mjs
// bundles each one). Checked up front: a missing script fails only asynchronously, which
// an evaluator blocked waiting for the thread would never see (it would hang).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SemaError } from '../eval/errors';

export function helperScript(file: string, fn: string): string {
  const path = join(__dirname, file);
  if (!existsSync(path)) throw new SemaError(`${fn}: the helper thread script is missing: ${path}`, 'io');
  return path;
}
