// Every builtin in the runtime's catalogue (runtime/src/docs) is highlighted as one: a new builtin
// that the grammar does not know fails here (add it, or its module prefix, to build-grammar.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import { loadGrammar, syntaxesDir } from './support/textmate';

interface Entry { name: string; kind: string; aliases?: string[] }
// Loaded by path at run time (the runtime is built by the same `tsc -b`), so the grammar package
// needs no compile-time dependency on the runtime.
const docs = require(path.join(syntaxesDir, '..', 'runtime', 'out', 'src', 'docs', 'index.js')) as { catalogue(): readonly Entry[] };

test('every catalogue name is scoped as a builtin or special form (llm/* distinctly)', async () => {
  const { grammar } = await loadGrammar();
  const entries = docs.catalogue();
  assert.ok(entries.length > 50, `only ${entries.length} catalogue entries`);
  const wrong: string[] = [];
  for (const entry of entries) {
    // Constants (pi, e, *stdout*, ...) are coloured by the language server's semantic tokens
    // where they resolve to the builtin: `e` is too common a local name (catch e) for the
    // grammar to colour it everywhere.
    if (entry.kind === 'constant') continue;
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      const { tokens } = grammar.tokenizeLine(`(${name} x)`, vsctm.INITIAL);
      const scopes = tokens.find((t) => t.startIndex === 1)?.scopes.join(' ') ?? '';
      const ok = name.startsWith('llm/') ? scopes.includes('support.type.llm.sema')
        : /support\.function\.sema|keyword\.control|constant\.language/.test(scopes);
      if (!ok) wrong.push(`${name} (${entry.kind}): ${scopes}`);
    }
  }
  assert.deepEqual(wrong, []);
});
