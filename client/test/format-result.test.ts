import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeBlock, formatResult, truncate } from '../src/eval/format-result';
import type { EvaluateResult } from '../src/protocol';

const base: EvaluateResult = {
  ok: true, value: null, stdout: '', stderr: '', error: null, elapsedMs: 3,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, status: 'ok',
};

test('a value shows as one truncated line; the hover has all of it', () => {
  const value = '{:a 1\n :b "' + 'x'.repeat(200) + '"}';
  const r = formatResult({ ...base, value }, 40);
  assert.equal(r.isError, false);
  assert.equal(r.text.length, 3 + 40);
  assert.ok(r.text.startsWith('=> {:a 1 :b "xxx'));
  assert.ok(r.text.endsWith('…'));
  assert.ok(r.hover.includes(value));
});

test('a null value shows as nil', () => {
  assert.equal(formatResult(base, 50).text, '=> nil');
});

test('errors show their message; other failures say why', () => {
  const err = formatResult({ ...base, ok: false, status: 'error', error: { message: 'Unbound variable: foo' } }, 80);
  assert.deepEqual([err.text, err.isError], ['✖ Unbound variable: foo', true]);
  assert.equal(formatResult({ ...base, ok: false, status: 'timeout', error: null }, 80).text, '✖ timed out');
  assert.equal(formatResult({ ...base, ok: false, status: 'cancelled', error: { message: 'by user' } }, 80).text, '✖ cancelled: by user');
});

test('truncate keeps short text and marks cut text', () => {
  assert.equal(truncate('abc', 3), 'abc');
  assert.equal(truncate('abcd', 3), 'ab…');
});

test('code blocks survive backticks inside the value', () => {
  const block = codeBlock('a ``` b');
  assert.ok(block.startsWith('````sema\n'));
  assert.ok(block.endsWith('\n````'));
});
