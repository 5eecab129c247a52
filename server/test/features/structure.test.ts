import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses, foldingRanges, selectionRanges } from '../../src/features/structure';
import { documentSymbols, workspaceSymbols } from '../../src/features/symbols';
import { semanticTokens, legend } from '../../src/features/semantic-tokens';
import { RUN_FORM_COMMAND } from '../../src/protocol';
import { open } from '../support/fixtures';

test('document symbols list every kind of definition with name selection ranges', () => {
  const { doc } = open(`(define x 1)
(defun f (a) a)
(defn g [a] a)
(defmacro m (a) a)
(deftool t "desc" {:q {:type :string}} (lambda (q) q))
(defagent bot {:system "s"})
(define-record-type point (make-point x y) point? (x point-x))`);
  const syms = documentSymbols(doc);
  assert.deepEqual(
    syms.map((s) => s.name),
    ['x', 'f', 'g', 'm', 't', 'bot', 'point', 'make-point', 'point?', 'point-x'],
  );
  assert.deepEqual(syms[1]!.selectionRange, { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
  assert.equal(syms[1]!.range.end.character, 15);
});

test('workspace symbols match fuzzily across open documents', () => {
  const { store } = open('(define alpha-beta 1)', { 'file:///w/other.sema': '(define (apple) 1)' });
  assert.deepEqual(workspaceSymbols(store.openDocuments(), 'ab').map((s) => s.name), ['alpha-beta']);
  assert.equal(workspaceSymbols(store.openDocuments(), '').length, 2);
});

test('folding ranges for multi-line forms and comment blocks', () => {
  const { doc } = open('; one\n; two\n(define (f x)\n  (+ x\n     1))\n(g)');
  const folds = foldingRanges(doc);
  assert.ok(folds.some((f) => f.startLine === 2 && f.endLine === 3));
  assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 1 && f.kind === 'comment'));
  assert.ok(!folds.some((f) => f.startLine === 5));
});

test('selection ranges grow from the symbol to the top-level form', () => {
  const { doc, m } = open('(define (f x) (+ |x 1))');
  const [sel] = selectionRanges(doc, m.positions);
  const chain: string[] = [];
  for (let s = sel; s; s = s.parent) chain.push(`${s.range.start.character}-${s.range.end.character}`);
  assert.deepEqual(chain, ['17-18', '15-20', '14-21', '1-21', '0-22']);
});

test('code lens ▶ Run on each top-level form', () => {
  const { doc } = open('(define x 1)\n\n(println x)');
  const lenses = codeLenses(doc);
  assert.equal(lenses.length, 2);
  assert.equal(lenses[1]!.command!.title, '▶ Run');
  assert.equal(lenses[1]!.command!.command, RUN_FORM_COMMAND);
  assert.deepEqual(lenses[1]!.command!.arguments![0].position, { line: 2, character: 0 });
});

test('semantic tokens classify special forms, builtins, parameters, keywords, strings and comments', () => {
  const { doc } = open('(defun f (a) ; c\n  (println a :k "s\\nx" 1))');
  const data = semanticTokens(doc).data;
  const toks: string[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    ch = data[i] === 0 ? ch + data[i + 1]! : data[i + 1]!;
    const mods = legend.tokenModifiers.filter((_, b) => data[i + 4]! & (1 << b));
    toks.push(`${line}:${ch}:${data[i + 2]} ${legend.tokenTypes[data[i + 3]!]}${mods.length ? '.' + mods.join('.') : ''}`);
  }
  assert.deepEqual(toks, [
    '0:1:5 keyword',
    '0:7:1 function.declaration',
    '0:10:1 parameter.declaration',
    '0:13:3 comment',
    '1:3:7 function.defaultLibrary',
    '1:11:1 parameter',
    '1:13:2 enumMember',
    '1:16:6 string',
    '1:23:1 number',
  ]);
});
