import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAssertions, scopeMatches } from './support/assertions';

test('carets and <- map to columns of the closest code line above', () => {
  const text = '(define x 1)\n; <- a.b\n;^^^^^^ c !d\n;       ^ e';
  assert.deepEqual(parseAssertions(text), [
    { line: 0, assertionLine: 1, startCol: 0, endCol: 1, expected: ['a.b'], forbidden: [] },
    { line: 0, assertionLine: 2, startCol: 1, endCol: 7, expected: ['c'], forbidden: ['d'] },
    { line: 0, assertionLine: 3, startCol: 8, endCol: 9, expected: ['e'], forbidden: [] },
  ]);
});

test('an assertion without a code line above is an error', () => {
  assert.throws(() => parseAssertions('; <- comment'), /no code line/);
});

test('scopes match by dotted prefix only', () => {
  assert.ok(scopeMatches('support.function.sema', 'support.function'));
  assert.ok(scopeMatches('support.function', 'support.function'));
  assert.ok(!scopeMatches('support.functions.sema', 'support.function'));
});
