import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupDoc } from '../../src/docs';
import { specialFormDocs } from '../../src/docs/special-forms';
import { specialForms } from '../../src/eval/compiler';
import { Interpreter } from '../../src/eval/interpreter';
import { Macro } from '../../src/eval/values';
import { printValue } from '../../src/reader';

// Creating an interpreter installs the special forms and the built-in macros.
const interp = new Interpreter({ stdout: () => {}, stderr: () => {} });
const builtinMacros = interp.globalNames().filter((n) => interp.lookup(n) instanceof Macro);

test('every special form has a special-form entry', () => {
  const missing = [...specialForms.keys()].filter((n) => lookupDoc(n)?.kind !== 'special-form');
  assert.deepEqual(missing, []);
});

test('every built-in macro has a macro entry', () => {
  assert.ok(builtinMacros.includes('->'), 'the threading macros are installed');
  const missing = builtinMacros.filter((n) => lookupDoc(n)?.kind !== 'macro');
  assert.deepEqual(missing, []);
});

test('special-form entries name forms the evaluator knows', () => {
  // `catch` is only syntax inside `try`, so the evaluator has no table entry for it.
  const known = new Set([...specialForms.keys(), ...builtinMacros, 'catch']);
  const unknown = specialFormDocs.flatMap((d) => [d.name, ...(d.aliases ?? [])]).filter((n) => !known.has(n));
  assert.deepEqual(unknown, []);
});

test('special-form entries are complete and unique', () => {
  const seen = new Set<string>();
  for (const d of specialFormDocs) {
    assert.equal(d.module, 'special-forms');
    assert.ok(!seen.has(d.name), `${d.name} twice`);
    seen.add(d.name);
    assert.ok(d.params.length > 0, `${d.name} has no params`);
    assert.ok(d.examples.length > 0, `${d.name} has no examples`);
  }
});

test('examples with a `; =>` result evaluate to it', () => {
  const wrong: string[] = [];
  for (const d of specialFormDocs) {
    for (const example of d.examples) {
      const at = example.lastIndexOf('; =>');
      if (at < 0) continue;
      const expected = example.slice(at + 4).trim();
      // Each example runs on its own, after the definitions the page's other examples assume.
      const fresh = new Interpreter({ stdout: () => {}, stderr: () => {} });
      fresh.evalString('(defmacro unless2 (test . body) `(if ,test nil (begin ,@body)))');
      let got: string;
      try {
        got = printValue(fresh.evalString(example.slice(0, at)));
      } catch (e) {
        got = `error: ${(e as Error).message}`;
      }
      if (got !== expected) wrong.push(`${d.name}: ${example.slice(0, at).trim()}\n  expected ${expected}, got ${got}`);
    }
  }
  assert.deepEqual(wrong, []);
});
