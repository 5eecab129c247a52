// llm/stream evaluated from the editor: each chunk from the (fake, 127.0.0.1) Anthropic API
// reaches the client as a sema/evalOutput notification before the next one is even sent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer } from '../support/lsp-harness';
import { EvaluateRequest, EvalOutputNotification } from '../../src/protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';

/** The runtime's fake Messages API (runtime/test/support/fake-host.ts), compiled by tsc -b. */
interface FakeApi {
  url: string;
  enqueue(...replies: unknown[]): Promise<void>;
  release(): void;
  close(): Promise<void>;
}
const { FakeApi } = require(join(__dirname, '../../../../runtime/out/test/support/fake-host.js')) as {
  FakeApi: { start(dialect: 'anthropic'): Promise<FakeApi> };
};

test('llm/stream chunks are streamed to the client one by one', async () => {
  const fake = await FakeApi.start('anthropic');
  const env = { ...process.env, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url };
  const h = await startServer({ evalTimeoutMs: 20_000 }, null, env);
  try {
    const chunks = ['Once ', 'upon ', 'a time.'];
    // Each chunk after the first is sent only when the test releases it: proof of delivery
    // chunk by chunk without measuring time.
    await fake.enqueue({ kind: 'text', chunks, gated: true });
    const uri = 'untitled:stream';
    await h.open(uri, '(llm/stream "Tell me a story" {:max-tokens 50})');
    let seen = '';
    let released = 0;
    h.connection.onNotification(EvalOutputNotification, (p) => {
      if (p.evalId !== 's1' || p.stream !== 'stdout') return;
      seen += p.text;
      while (released < chunks.length - 1 && seen.includes(chunks.slice(0, released + 1).join(''))) {
        released++;
        fake.release();
      }
    });
    const r = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 0, character: 1 }, evalId: 's1' });
    assert.equal(r.status, 'ok', JSON.stringify(r));
    assert.equal(r.value, '"Once upon a time."');
    assert.ok(seen.startsWith('Once upon a time.'), JSON.stringify(seen));
    assert.equal(released, chunks.length - 1);
  } finally {
    await h.stop();
    await fake.close();
  }
});

test('cancelling an evaluation stuck in an LLM request answers promptly and keeps the session', async () => {
  const fake = await FakeApi.start('anthropic');
  const env = { ...process.env, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url };
  const h = await startServer({ evalTimeoutMs: 20_000 }, null, env);
  try {
    await fake.enqueue({ kind: 'hang' });
    const uri = 'untitled:hang';
    await h.open(uri, '(define kept 7)\n(llm/complete "hi")\nkept');
    await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 0, character: 1 } });
    const cts = new CancellationTokenSource();
    const t0 = Date.now();
    const pending = h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 1, character: 1 } }, cts.token);
    setTimeout(() => cts.cancel(), 300);
    const r = await pending;
    assert.equal(r.status, 'cancelled');
    assert.ok(Date.now() - t0 < 5000);
    const after = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 2, character: 1 } });
    // The interrupt reached the LLM wait: the session (and `kept`) survived.
    assert.equal(after.value, '7');
    assert.notEqual(after.sessionReset, true);
  } finally {
    await h.stop();
    await fake.close();
  }
});
