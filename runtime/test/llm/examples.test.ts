// Every LLM example in test-workspace/llm/ runs offline from its cassette (no provider
// configured at all) and prints exactly its recorded output.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { resetLlmSession, shutdownBridge } from '../../src/llm/index';
import { examplesDir, runExample } from '../support/record-examples';

describe('test-workspace/llm examples replay offline', () => {
  after(() => shutdownBridge());
  const names = readdirSync(examplesDir).filter((f) => f.endsWith('.sema')).sort();

  it('has examples', () => assert.ok(names.length >= 10));

  for (const name of names) {
    it(name, () => {
      delete process.env['ANTHROPIC_API_KEY'];
      delete process.env['OPENAI_API_KEY'];
      resetLlmSession();
      const file = join(examplesDir, name);
      const output = runExample(file, readFileSync(file, 'utf8'));
      const expected = readFileSync(join(examplesDir, 'expected', name.replace(/\.sema$/, '.out')), 'utf8');
      assert.equal(output, expected);
      assert.doesNotMatch(output, /^Error:/m);
    });
  }
});
