// Runs the conformance suite: every test/conformance/*.sema file, forms evaluated in order in
// one interpreter per file, each checked against its `;=>` / `;out>` / `;!!` annotations
// (format: support/conformance-cases.ts). Cases listed in known-failures.txt are reported
// as todo; everything else that mismatches fails its file's test with file:line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseKnownFailures } from './support/conformance-cases';
import { runConformanceFile } from './support/conformance-run';

// Compiled to out/test/; the .sema files stay in the source tree.
const DIR = join(__dirname, '..', '..', 'test', 'conformance');
const known = parseKnownFailures(readFileSync(join(DIR, 'known-failures.txt'), 'utf8'));
const files = readdirSync(DIR).filter((f) => f.endsWith('.sema')).sort();

function firstLine(source: string): string {
  const line = source.split('\n')[0]!;
  return line.length > 60 ? line.slice(0, 57) + '...' : line;
}

const seenKnown = new Set<string>();

for (const file of files) {
  test(file, async (t) => {
    const { problems, results } = runConformanceFile(DIR, file);
    assert.deepEqual(problems, [], 'the file itself is malformed');
    const checked = results.filter((r) => Object.keys(r.case.expect).length > 0);
    assert.ok(checked.length > 0, `${file} has no annotated cases`);

    const failures: string[] = [];
    let passed = 0;
    for (const { case: c, problem } of results) {
      const where = `${file}:${c.line}`;
      const reason = known.get(where);
      if (reason !== undefined) {
        seenKnown.add(where);
        await t.test(`${where} ${firstLine(c.source)}`, { todo: reason }, (st) => {
          if (problem !== undefined) assert.fail(problem);
          st.diagnostic('passes now: remove it from known-failures.txt');
        });
      } else if (problem !== undefined) failures.push(`${where}: ${firstLine(c.source)}\n     ${problem}`);
      else passed++;
    }
    t.diagnostic(`${passed} of ${results.length} forms as expected (${checked.length} annotated)`);
    if (failures.length > 0) assert.fail(`${failures.length} mismatches:\n${failures.join('\n')}`);
  });
}

test('known-failures.txt names only existing cases', () => {
  const stale = [...known.keys()].filter((k) => !seenKnown.has(k));
  assert.deepEqual(stale, [], 'entries that match no form (line numbers moved?)');
});
