import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover } from '../../src/features/hover';
import { open } from '../support/fixtures';

function hoverText(source: string, extra: Record<string, string> = {}): string | undefined {
  const { doc, store, m } = open(source, extra);
  const h = hover(doc, store, m.positions[0]!);
  return h ? (h.contents as { value: string }).value : undefined;
}

test('builtins show their catalogue docs', () => {
  const t = hoverText('(prin|tln "x")');
  assert.match(t!, /\(println x \.\.\.\)/);
  assert.match(t!, /Prints values and a newline/);
  assert.match(t!, /println "hi"/);
});

test('special forms show catalogue docs, or their shape when undocumented', () => {
  assert.match(hoverText('(i|f #t 1 2)')!, /Branches on `test`/);
  assert.match(hoverText('(le|t ((x 1)) x)')!, /\(let \(\(name value\) \.\.\.\) body \.\.\.\)/);
});

test('llm calls show the whole options table', () => {
  const t = hoverText('(llm/comp|lete "hi")')!;
  for (const k of [':model', ':max-tokens', ':temperature', ':system', ':tools']) assert.ok(t.includes(k), k);
});

test('an option keyword inside the map shows its doc, type and default', () => {
  const t = hoverText('(llm/complete "hi" {:max-to|kens 10})')!;
  assert.match(t, /Maximum tokens/);
  assert.match(t, /positive integer/);
  assert.match(t, /1024/);
  assert.equal(hoverText('(println {:max-to|kens 10})'), undefined);
});

test('user functions show parameters and docstring', () => {
  const t = hoverText('(defun add (a b) "Adds two numbers." (+ a b))\n(ad|d 1 2)')!;
  assert.match(t, /\(add a b\)/);
  assert.match(t, /Adds two numbers\./);
  assert.match(t, /line 1/);
});

test('locals say where they are bound', () => {
  assert.match(hoverText('(let ((x 1))\n  (+ |x 1))')!, /local bound by `let` on line 1/);
  assert.match(hoverText('(lambda (y)\n  |y)')!, /parameter bound by `lambda` on line 1/);
});

test('imported functions name their file', () => {
  const t = hoverText('(import "lib.sema")\n(lib-f|n 1)', { 'file:///work/test/lib.sema': '\n(defun lib-fn (a) "From lib." a)' })!;
  assert.match(t, /From lib\./);
  assert.match(t, /lib\.sema.*line 2/);
});

test('nothing on whitespace, strings or unknown names', () => {
  assert.equal(hoverText('(println  |  1)'), undefined);
  assert.equal(hoverText('"hel|lo"'), undefined);
});
