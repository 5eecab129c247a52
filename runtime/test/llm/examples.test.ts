// Every LLM example in test-workspace/llm/ runs through the `sema` CLI offline from its
// cassette (no provider configured at all) and prints exactly its recorded output.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { examplesDir, runExample } from '../support/record-examples';

describe('test-workspace/llm examples replay offline', () => {
  const names = readdirSync(examplesDir).filter((f) => f.endsWith('.sema')).sort();

  it('has examples', () => assert.ok(names.length >= 10));

  for (const name of names) {
    it(name, async () => {
      const output = await runExample(join(examplesDir, name));
      const expected = readFileSync(join(examplesDir, 'expected', name.replace(/\.sema$/, '.out')), 'utf8');
      assert.equal(output, expected);
      assert.doesNotMatch(output, /^Error:/m);
    });
  }
});
