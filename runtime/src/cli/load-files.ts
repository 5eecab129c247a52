// `-l FILE` for runs and the REPL: evaluates each file in the session, reporting failures.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvalSession } from './session';

/**
 * Loads `files` in order. With `stopOnError` (runs) the first failure ends the loading;
 * otherwise (the REPL) each failure is reported and the next file still loads.
 * Returns whether every file loaded.
 */
export async function loadFiles(session: EvalSession, files: string[], stopOnError: boolean): Promise<boolean> {
  let allLoaded = true;
  for (const f of files) {
    const path = resolve(f);
    let code: string;
    try {
      code = readFileSync(path, 'utf8');
    } catch {
      process.stderr.write(`Error: cannot read file ${f}\n`);
      allLoaded = false;
      if (stopOnError) return false;
      continue;
    }
    const r = await session.eval(code, path, 'never');
    if (!r.ok) {
      if (r.error) process.stderr.write(r.error.report + '\n');
      allLoaded = false;
      if (stopOnError) return false;
    }
  }
  return allLoaded;
}
