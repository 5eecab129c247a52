// Rewrites test/conformance/known-failures.txt from the current results: one line per
// failing case, `file.sema:LINE  reason`, reason being the first line of the mismatch.
// Run after `npx tsc -b`:  node runtime/out/test/support/update-known-failures.js
// Review the diff before committing: a case that fails for a wrong reason is a bug to
// report, not a line to add.

import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConformanceFile } from './conformance-run';

const DIR = join(__dirname, '..', '..', '..', 'test', 'conformance');

function main(): void {
  const lines = [
    '# Conformance cases that fail today, reported as todo by conformance.test.ts.',
    '# Regenerate with: node runtime/out/test/support/update-known-failures.js',
  ];
  let count = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.sema')).sort()) {
    for (const { case: c, problem } of runConformanceFile(DIR, file).results) {
      if (problem === undefined) continue;
      lines.push(`${file}:${c.line}  ${problem.split('\n')[0]!}`);
      count++;
    }
  }
  writeFileSync(join(DIR, 'known-failures.txt'), lines.join('\n') + '\n');
  process.stdout.write(`${count} known failures written\n`);
}

main();
