import { test } from 'node:test';
import assert from 'node:assert/strict';
import { read, parse, printValue } from '../../src/reader';

function roundTrip(src: string): string {
  const r = read(src);
  assert.deepEqual(r.diagnostics, [], `unexpected diagnostics for ${src}`);
  return r.forms.map(printValue).join(' ');
}

test('reads every literal of the data types page', () => {
  assert.equal(roundTrip('42 -7 0'), '42 -7 0');
  assert.equal(roundTrip('3.14 -0.5 6.022e23 1e-9 -2.5E6 1.0'), '3.14 -0.5 602200000000000027262976.0 0.000000001 -2500000.0 1.0');
  assert.equal(roundTrip('"line\\nbreak" "\\x41;" "\\u03BB" "\\U0001F600"'), '"line\\nbreak" "A" "λ" "😀"');
  assert.equal(roundTrip('#t #f true false nil'), '#t #f #t #f nil');
  assert.equal(roundTrip('foo my-var + :name'), 'foo my-var + :name');
  assert.equal(roundTrip('#\\a #\\space #\\newline #\\tab'), '#\\a #\\space #\\newline #\\tab');
  assert.equal(roundTrip('(1 2 3) [1 "a"] {:b 2 :a 1}'), '(1 2 3) [1 "a"] {:a 1 :b 2}');
  assert.equal(roundTrip('#u8(1 2 255) #u8()'), '#u8(1 2 255) #u8()');
  assert.equal(roundTrip("'x `(a ,b ,@c)"), '(quote x) (quasiquote (a (unquote b) (unquote-splicing c)))');
  assert.equal(roundTrip('#(+ % %2)'), '(fn (%1 %2) (+ %1 %2))');
  assert.equal(roundTrip('f"Hello ${name}!"'), '(str "Hello " name "!")');
  assert.equal(roundTrip('1e'), '1 e');
});

test('comments: line, block (nested) and datum', () => {
  assert.equal(roundTrip('; c\n1 #| a #| b |# |# 2 #;(ignored form) 3'), '1 2 3');
  const p = parse('; c\n#| x |#\n#;foo 1');
  assert.deepEqual(p.comments.map((c) => c.kind), ['line', 'block', 'datum']);
});

test('recovers from several errors at once', () => {
  const r = parse('(a b\n) ) "abc');
  assert.deepEqual(r.diagnostics.map((d) => d.message), ['unexpected closing `)`', 'unterminated string']);
  const u = parse('(define (f x)\n  (+ x 1)');
  assert.equal(u.diagnostics.length, 1);
  assert.equal(u.diagnostics[0]!.message, 'unterminated list');
  assert.deepEqual(u.diagnostics[0]!.span, { start: 0, end: 1 });
  const m = parse('(a [b) c');
  assert.ok(m.diagnostics.some((d) => d.message.startsWith('mismatched bracket')));
  const bad = parse('(ok @ #q)');
  assert.equal(bad.diagnostics.length, 2);
  assert.equal(bad.nodes.length, 1);
});

test('spans cover the source of each node', () => {
  const src = '(define x [1 2])';
  const r = parse(src);
  const list = r.nodes[0]!;
  assert.deepEqual(list.span, { start: 0, end: src.length });
  assert.equal(src.slice(list.children[2]!.span.start, list.children[2]!.span.end), '[1 2]');
});

test('deep nesting is an error, not a crash', () => {
  const r = parse('('.repeat(5000) + ')'.repeat(5000));
  assert.ok(r.diagnostics.some((d) => d.message.includes('nested too deeply')));
});
