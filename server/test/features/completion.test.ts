import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completion, resolveCompletion } from '../../src/features/completion';
import { testCatalogue } from '../support/fixtures';
import { open } from '../support/fixtures';
import { runtimeCatalogueView } from '../../src/catalogue';

function labels(source: string, extra: Record<string, string> = {}) {
  const { doc, store, m } = open(source, extra);
  return Object.assign(completion(doc, store, m.positions[0]!).items, { cursor: m.positions[0]! });
}

test('after ( offers special forms, builtins with signature and summary, definitions and snippets', () => {
  const items = labels('(define (helper x) x)\n(|)');
  const byLabel = new Map(items.map((i) => [i.label, i]));
  assert.ok(byLabel.has('define'));
  assert.ok(byLabel.has('helper'));
  const up = byLabel.get('string/upper');
  assert.equal(up?.detail, '(string/upper s)');
  assert.match(JSON.stringify(up?.documentation), /Upper-cases a string/, 'the summary comes with the list');
  assert.match(JSON.stringify(resolveCompletion(up!, testCatalogue).documentation), /\(string\/upper s\)/, 'resolve adds the full docs');
  assert.ok(byLabel.has('string-upcase'), 'aliases complete too');
  assert.ok(items.some((i) => i.label === 'defun (snippet)' && i.insertTextFormat === 2));
});

test('locals in scope complete, out of scope ones do not', () => {
  const items = labels('(define (f alpha) (let ((beta 1)) (+ |)))\n(define gamma-out (lambda (delta) delta))');
  const names = items.map((i) => i.label);
  assert.ok(names.includes('alpha'));
  assert.ok(names.includes('beta'));
  assert.ok(!names.includes('delta'));
  assert.ok(names.includes('gamma-out'), 'top-level definitions anywhere in the file');
});

test('a typed prefix keeps the items it can still match and is what the edit replaces', () => {
  const items = labels('(define (f alpha) (let ((beta 1)) (+ al|)))');
  const names = items.map((i) => i.label);
  assert.ok(names.includes('alpha'));
  assert.ok(!names.includes('beta'));
  assert.ok(names.includes('let (snippet)') === false);
  const alpha = items.find((i) => i.label === 'alpha');
  assert.equal(alpha?.textEdit && 'range' in alpha.textEdit ? alpha.textEdit.range.start.character : -1, items.cursor.character - 'al'.length, 'replaces the typed prefix');
  assert.ok(labels('(up|)').some((i) => i.label === 'string/upper'), 'matches inside namespaced names');
});

test('match bindings are in scope in their clause', () => {
  const names = labels('(match v ([first second] (+ |)))').map((i) => i.label);
  assert.ok(names.includes('first') && names.includes('second'));
});

test('definitions of imported files complete', () => {
  const names = labels('(import "lib.sema")\n(|)', { 'file:///work/test/lib.sema': '(defun lib-fn (a) a)' }).map((i) => i.label);
  assert.ok(names.includes('lib-fn'));
});

test('inside an llm/* options map, the option keywords with their docs', () => {
  const items = labels('(llm/complete "hi" {:max-tokens 10 |})');
  assert.deepEqual(
    items.map((i) => i.label),
    [':model', ':temperature', ':system', ':tools', ':tool-mode'],
    'every option not already in the map',
  );
  assert.match(JSON.stringify(items[1]!.documentation), /Sampling temperature/);
  assert.equal(items[1]!.detail, 'float 0.0-1.0');
  const fresh = labels('(llm/complete "hi" {|})');
  assert.match(JSON.stringify(fresh.find((i) => i.label === ':max-tokens')!.documentation), /Maximum tokens/);
  const typing = labels('(llm/complete "hi" {:tem|})').map((i) => i.label);
  assert.ok(typing.includes(':temperature'));
});

test('a value position inside the options map is ordinary completion', () => {
  const names = labels('(define n 5)\n(llm/complete "hi" {:max-tokens |})').map((i) => i.label);
  assert.ok(names.includes('n'));
});

test('snippets close their form unless the editor already auto-closed the paren', () => {
  const body = (src: string) => {
    const item = labels(src).find((i) => i.label === 'let (snippet)')!;
    return item.textEdit && 'range' in item.textEdit ? item.textEdit.newText : '';
  };
  assert.equal(body('(le|)'), 'let ((${1:name} ${2:value}))\n  ${0:body}');
  assert.equal(body('(le|'), 'let ((${1:name} ${2:value}))\n  ${0:body})');
  assert.equal(body('(define x le|)'), '(let ((${1:name} ${2:value}))\n  ${0:body})');
});

test('internal __ helpers of the evaluator are not offered', () => {
  const { doc, store, m } = open('(__|', {}, runtimeCatalogueView());
  const r = completion(doc, store, m.positions[0]!) as { items: { label: string }[] };
  assert.deepEqual(r.items.filter((i) => i.label.startsWith('__')), []);
});
