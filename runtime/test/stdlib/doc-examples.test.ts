import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show } from './harness';
import { listDocs } from '../../src/docs/lists';
import { mapDocs } from '../../src/docs/maps';
import { mathDocs } from '../../src/docs/math';
import { predicateDocs, vectorDocs } from '../../src/docs/predicates';
import type { BuiltinDoc } from '../../src/docs/types';

/** Runs every catalogue example written as `expr  ; => result` (random ones excepted). */
function checkExamples(docs: readonly BuiltinDoc[]): void {
  for (const doc of docs) {
    for (const example of doc.examples) {
      const m = /^(.*?)\s*; => (.*)$/.exec(example);
      if (!m || m[2]!.includes('(varies)')) continue;
      assert.equal(show(m[1]!), m[2]!.trim(), `${doc.name}: ${example}`);
    }
  }
}

test('math catalogue examples evaluate to what they show', () => checkExamples(mathDocs));
test('list catalogue examples evaluate to what they show', () => checkExamples(listDocs));
test('map catalogue examples evaluate to what they show', () => checkExamples(mapDocs));
test('predicate and vector catalogue examples evaluate to what they show', () => {
  checkExamples(predicateDocs);
  checkExamples(vectorDocs);
});
