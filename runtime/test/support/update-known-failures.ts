// Rewrites test/conformance/known-failures.txt from the current results: one line per
// failing case, `file.sema:LINE  reason`. A case already listed keeps its written reason;
// a new one gets the first line of its mismatch. Comment lines at the top are kept.
// Run after `npx tsc -b`:  node runtime/out/test/support/update-known-failures.js
// Review the diff before committing: a case that fails for a wrong reason is a bug to
// report, not a line to add.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKnownFailures } from './conformance-cases';
import { runConformanceFile } from './conformance-run';

const DIR = join(__dirname, '..', '..', '..', 'test', 'conformance');

function main(): void {
  const path = join(DIR, 'known-failures.txt');
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const previous = parseKnownFailures(old);
  const header = old.split('\n').filter((l) => l.startsWith('#'));
  const lines = header.length > 0 ? header : ['# Conformance cases that fail today, reported as todo by conformance.test.ts.'];
  let count = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.sema')).sort()) {
    for (const { case: c, problem } of runConformanceFile(DIR, file).results) {
      if (problem === undefined) continue;
      const where = `${file}:${c.line}`;
      lines.push(`${where}  ${previous.get(where) ?? problem.split('\n')[0]!}`);
      count++;
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
  process.stdout.write(`${count} known failures written\n`);
}

main();
