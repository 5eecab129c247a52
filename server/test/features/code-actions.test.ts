import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../src/features/code-actions';
import { diagnostics } from '../../src/features/diagnostics';
import { open, TEST_URI } from '../support/fixtures';

test('"did you mean" diagnostics come with a quick fix', () => {
  const { doc } = open('(printn 1)\n(llm/complete "x" {:temprature 0.1})\n(zzzzzz)');
  const diags = diagnostics(doc, TEST_URI);
  const actions = codeActions({ textDocument: { uri: TEST_URI }, range: diags[0]!.range, context: { diagnostics: diags } });
  assert.deepEqual(
    actions.map((a) => [a.title, a.edit!.changes![TEST_URI]![0]!.newText]),
    [
      ['Change to `println`', 'println'],
      ['Change to `:temperature`', ':temperature'],
    ],
  );
  assert.deepEqual(actions[0]!.edit!.changes![TEST_URI]![0]!.range, diags[0]!.range);
});
