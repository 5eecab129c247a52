import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatText, formatDocument, formatRange } from '../../src/features/formatting';
import { open } from '../support/fixtures';

test('re-indents bodies and aligns arguments, tidies spaces and dangling closers', () => {
  const src = '(define   (fact n)\n      "doc"\n   (if (= n 0)\n   1\n        (* n (fact (- n 1)))\n   )\n)\n\n\n\n(foo 1\n2)\n';
  assert.equal(formatText(src), '(define (fact n)\n  "doc"\n  (if (= n 0)\n    1\n    (* n (fact (- n 1)))))\n\n(foo 1\n     2)\n');
});

test('strings and comments are left alone', () => {
  const src = '(define s "a   b\n   c  ")   ; keep   this\n#| block\n   stays |#\n';
  assert.equal(formatText(src), src);
});

test('formatting is idempotent on the test workspace files', () => {
  const dir = join(__dirname, '../../../../test-workspace');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.sema')) files.push(join(d, e.name));
    }
  };
  walk(dir);
  assert.ok(files.length > 3);
  for (const f of files) {
    const once = formatText(readFileSync(f, 'utf8'));
    if (once === undefined) continue;
    assert.equal(formatText(once), once, f);
  }
});

test('a file that does not parse is left untouched', () => {
  const { doc } = open('(define x\n   1');
  assert.deepEqual(formatDocument(doc), []);
  assert.equal(formatText('(a))'), undefined);
});

test('range formatting covers the whole top-level forms the selection touches', () => {
  const { doc, m } = open('(define a\n      1)\n(define |b\n      2)|\n(define c\n      3)\n');
  const edits = formatRange(doc, { start: m.positions[0]!, end: m.positions[1]! });
  assert.equal(edits.length, 1);
  assert.equal(edits[0]!.newText, '(define b\n  2)');
  assert.deepEqual(edits[0]!.range.start, { line: 2, character: 0 });
  const blank = open('(a)\n|\n|(b)');
  assert.deepEqual(formatRange(blank.doc, { start: blank.m.positions[0]!, end: blank.m.positions[0]! }), []);
});

test('line terminators are kept (CRLF, and LF inside strings); a lone CR leaves the text alone', () => {
  assert.equal(formatText('(define x\r\n      1)\r\n'), '(define x\r\n  1)\r\n');
  assert.equal(formatText('(define s "a\nb")\r\n(f\r\n1)'), '(define s "a\nb")\r\n(f\r\n 1)\r\n');
  // Regression (fuzzing): `;` comments end at LF only, so CR-split lines could expose comment text.
  assert.equal(formatText('(a ;c\r(b\n)'), undefined);
});
