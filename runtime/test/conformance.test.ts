// Runs the conformance suite: every test/conformance/*.sema file, forms evaluated in order in
// one interpreter per file, each checked against its `;=>` / `;out>` / `;!!` annotations
// (format: support/conformance-cases.ts). Cases listed in known-failures.txt are reported
// as todo; everything else that mismatches fails its file's test with file:line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Interpreter } from '../src/eval/interpreter';
import { SemaError } from '../src/eval/errors';
import { printValue } from '../src/reader';
import { parseConformanceFile, parseKnownFailures, type ConformanceCase } from './support/conformance-cases';

// Compiled to out/test/; the .sema files stay in the source tree.
const DIR = join(__dirname, '..', '..', 'test', 'conformance');
const known = parseKnownFailures(readFileSync(join(DIR, 'known-failures.txt'), 'utf8'));
const files = readdirSync(DIR).filter((f) => f.endsWith('.sema')).sort();

/** What went wrong with one case, or undefined when it matched. */
function runCase(interp: Interpreter, out: string[], file: string, c: ConformanceCase): string | undefined {
  out.length = 0;
  let value: string | undefined;
  let error: unknown;
  try {
    value = printValue(interp.evalString(c.padded, join(DIR, file)));
  } catch (e) {
    error = e;
  }
  const printed = out.join('').replace(/\n$/, '');
  const { expect } = c;
  if (error !== undefined) {
    if (!(error instanceof SemaError)) {
      const msg = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return `internal error (not a SemaError): ${msg}`;
    }
    if (expect.error === undefined) return `unexpected error: ${error.message}`;
    if (!error.message.includes(expect.error)) {
      return `error message ${JSON.stringify(error.message)} does not contain ${JSON.stringify(expect.error)}`;
    }
  } else if (expect.error !== undefined) {
    return `expected an error containing ${JSON.stringify(expect.error)}, got value ${value}`;
  }
  if (expect.value !== undefined && value !== undefined && value !== expect.value) {
    return `expected ${expect.value}\n     got ${value}`;
  }
  if (expect.out !== undefined && printed !== expect.out.join('\n')) {
    return `expected output ${JSON.stringify(expect.out.join('\n'))}\n     got output ${JSON.stringify(printed)}`;
  }
  return undefined;
}

function firstLine(source: string): string {
  const line = source.split('\n')[0]!;
  return line.length > 60 ? line.slice(0, 57) + '...' : line;
}

const seenKnown = new Set<string>();

for (const file of files) {
  test(file, async (t) => {
    const parsed = parseConformanceFile(readFileSync(join(DIR, file), 'utf8'), file);
    assert.deepEqual(parsed.problems, [], 'the file itself is malformed');
    const checked = parsed.cases.filter((c) => Object.keys(c.expect).length > 0);
    assert.ok(checked.length > 0, `${file} has no annotated cases`);

    const out: string[] = [];
    const interp = new Interpreter({ stdout: (s) => out.push(s), stderr: () => {} });
    const failures: string[] = [];
    let passed = 0;
    for (const c of parsed.cases) {
      const where = `${file}:${c.line}`;
      const problem = runCase(interp, out, file, c);
      const reason = known.get(where);
      if (reason !== undefined) {
        seenKnown.add(where);
        await t.test(`${where} ${firstLine(c.source)}`, { todo: reason }, () => {
          if (problem !== undefined) assert.fail(problem);
        });
      } else if (problem !== undefined) failures.push(`${where}: ${firstLine(c.source)}\n     ${problem}`);
      else passed++;
    }
    t.diagnostic(`${passed} of ${parsed.cases.length} forms as expected (${checked.length} annotated)`);
    if (failures.length > 0) assert.fail(`${failures.length} mismatches:\n${failures.join('\n')}`);
  });
}

test('known-failures.txt names only existing cases', () => {
  const stale = [...known.keys()].filter((k) => !seenKnown.has(k));
  assert.deepEqual(stale, [], 'entries that match no form (line numbers moved?)');
});
