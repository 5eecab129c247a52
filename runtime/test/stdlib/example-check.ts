// Checks catalogue examples that show a result: the whole example (it may define things
// on earlier lines) runs in a fresh interpreter and its last value must print as shown.

import assert from 'node:assert/strict';
import { printValue } from '../../src/reader';
import type { BuiltinDoc } from '../../src/docs/types';
import { Session } from './text-harness';

export function checkExamples(docs: readonly BuiltinDoc[]): void {
  let checked = 0;
  for (const doc of docs) {
    for (const example of doc.examples) {
      const m = /^([\s\S]*?)\s*; => (.*)$/.exec(example);
      if (!m) continue;
      assert.equal(printValue(new Session().run(m[1]!)), m[2]!.trim(), `${doc.name}: ${example}`);
      checked++;
    }
  }
  assert.ok(checked > docs.length / 2, `only ${checked} examples show a result`);
}
