// The language server must never load the LLM SDK: only the eval worker (its own process)
// imports the interpreter. Checked on the sources and on what loading the features pulls in.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = join(__dirname, '../../../src');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) sources(join(dir, e.name), out);
    else if (e.name.endsWith('.ts')) out.push(join(dir, e.name));
  }
  return out;
}

test('server sources import only the reader and the docs from the runtime (the evaluation worker excepted)', () => {
  for (const file of sources(src)) {
    const rel = relative(src, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from '([^']+)'/g)) {
      const spec = m[1]!;
      assert.ok(!spec.includes('@anthropic-ai'), `${rel} imports ${spec}`);
      if (rel === join('eval-host', 'worker.ts') || rel === join('eval-host', 'evaluator.ts')) continue;
      if (spec.startsWith('@sema/runtime')) assert.ok(['@sema/runtime/reader', '@sema/runtime/docs'].includes(spec), `${rel} imports ${spec}`);
    }
  }
});

test('loading every server module but main and the worker pulls in no SDK and no interpreter', () => {
  const out = join(__dirname, '../../src');
  for (const file of sources(src)) {
    const rel = relative(src, file).replace(/\.ts$/, '.js');
    if (rel === 'main.js' || rel === join('eval-host', 'worker.js') || rel === join('eval-host', 'evaluator.js')) continue;
    require(join(out, rel));
  }
  const loaded = Object.keys(require.cache);
  assert.ok(!loaded.some((p) => p.includes('@anthropic-ai')), 'SDK loaded');
  assert.ok(!loaded.some((p) => /runtime[\\/]out[\\/]src[\\/]eval[\\/]interpreter/.test(p)), 'interpreter loaded');
});

test('protocol.ts, which clients import, depends on nothing but the LSP protocol package', () => {
  const text = readFileSync(join(src, 'protocol.ts'), 'utf8');
  const specs = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
  assert.ok(specs.length > 0);
  for (const s of specs) assert.ok(s === 'vscode-languageserver-protocol' || s === 'vscode-jsonrpc', `protocol.ts imports ${s}`);
  assert.ok(!/require\(/.test(text));
});
