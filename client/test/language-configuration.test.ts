// The word pattern keeps Sema names whole; the indentation rules indent after an unclosed opener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const config = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'language-configuration.json'), 'utf8')) as {
  comments: { lineComment: string; blockComment: [string, string] };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  autoClosingPairs: Array<{ open: string; close: string }>;
};

test('comments: ; and #| |#', () => {
  assert.equal(config.comments.lineComment, ';');
  assert.deepEqual(config.comments.blockComment, ['#|', '|#']);
});

test('words keep llm/complete, string->list, null?, :max-tokens whole', () => {
  const words = '(llm/complete "hi" {:max-tokens 10}) (string->list s) (null? x) (set! y 1)'.match(new RegExp(config.wordPattern, 'g'));
  for (const w of ['llm/complete', ':max-tokens', 'string->list', 'null?', 'set!']) assert.ok(words?.includes(w), `${w} in ${words}`);
  assert.ok(!words?.some((w) => w.includes('(') || w.includes('"')));
});

test('brackets and quotes close automatically', () => {
  const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
  for (const p of ['()', '[]', '{}', '""']) assert.ok(pairs.includes(p), p);
});

test('indent after a line that leaves an opener unclosed, not after a closed one', () => {
  const inc = new RegExp(config.indentationRules.increaseIndentPattern);
  const yes = ['(define (f x)', '(let ((a 1)', '  (when (> x 1) ; note', '{:a 1', '(foo) (bar'];
  const no = ['(define x 1)', '(println "(")', '(define (f x) (+ x 1))', '; (comment'];
  for (const l of yes) assert.ok(inc.test(l), `should indent after ${l}`);
  for (const l of no) assert.ok(!inc.test(l), `should not indent after ${l}`);
  assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  )'));
});

test('the indentation pattern stays fast on long lines', () => {
  const inc = new RegExp(config.indentationRules.increaseIndentPattern);
  const long = '(a '.repeat(200) + '"' + 'x'.repeat(2000) + ' ' + ')'.repeat(199);
  const t = Date.now();
  inc.test(long);
  inc.test('x'.repeat(5000));
  assert.ok(Date.now() - t < 500, `${Date.now() - t} ms`);
});
