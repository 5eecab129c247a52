// The providers (real Anthropic SDK, OpenAI-compatible fetch) driven through the
// synchronous bridge against the fake servers: requests on the wire, streaming chunk by
// chunk, cancellation, idle timeout, cut streams and HTTP faults.

import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ProviderError, type LlmFailure, type LlmRequest, type ProviderConfig } from '../../src/llm/provider';
import { Bridge, callSync, shutdownBridge } from '../../src/llm/sync-bridge';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FakeApi } from '../support/fake-host';

const request: LlmRequest = {
  model: 'claude-test',
  maxTokens: 64,
  system: 'Be brief.',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
};

function failureOf(fn: () => unknown): LlmFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProviderError) return err.failure;
    throw err;
  }
  assert.fail('expected a provider failure');
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

for (const dialect of ['anthropic', 'openai'] as const) {
  describe(`sync bridge + ${dialect} provider`, () => {
    let fake: FakeApi;
    let config: ProviderConfig;
    before(async () => {
      fake = await FakeApi.start(dialect);
      config = {
        name: dialect,
        kind: dialect,
        apiKey: 'test-key',
        baseUrl: dialect === 'openai' ? `${fake.url}/v1` : fake.url,
        defaultModel: 'm',
        maxRetries: 2,
        idleTimeoutMs: 400,
        requestTimeoutMs: 5000,
      };
    });
    after(async () => {
      await fake.close();
      await shutdownBridge();
    });

    it('completes and sends model, max tokens, system and messages', async () => {
      await fake.enqueue({ kind: 'text', text: 'Hello there', usage: { input: 12, output: 3 } });
      const res = callSync(config, request, undefined);
      assert.equal(res.text, 'Hello there');
      assert.deepEqual(res.usage, { inputTokens: 12, outputTokens: 3, cacheReadTokens: 0, cacheCreationTokens: 0 });
      const sent = await fake.last();
      assert.equal(sent.body['model'], 'claude-test');
      assert.equal(sent.body['max_tokens'], 64);
      if (dialect === 'anthropic') {
        assert.equal(sent.body['system'], 'Be brief.');
        assert.equal(sent.headers['authorization'], 'Bearer test-key');
        assert.deepEqual(sent.body['messages'], [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
      } else {
        assert.equal(sent.headers['authorization'], 'Bearer test-key');
        assert.deepEqual(sent.body['messages'], [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ]);
      }
    });

    it('delivers stream chunks one by one, before the response ends', async () => {
      // The server sends each chunk only after this callback has seen the one before.
      await fake.enqueue({ kind: 'text', chunks: ['one ', 'two ', 'three'], gated: true });
      const seen: string[] = [];
      const res = callSync({ ...config, idleTimeoutMs: 10_000 }, request, (text) => {
        seen.push(text);
        fake.release();
      });
      assert.deepEqual(seen, ['one ', 'two ', 'three']);
      assert.equal(res.text, 'one two three');
      assert.equal((await fake.last()).body['stream'], true);
    });

    it('sends image and document blocks', async () => {
      await fake.enqueue({ kind: 'text', text: 'seen' });
      callSync(
        config,
        {
          ...request,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Look' },
                { type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=' },
                { type: 'document', mediaType: 'application/pdf', data: 'JVBERi0=' },
              ],
            },
          ],
        },
        undefined,
      );
      const content = JSON.stringify((await fake.last()).body['messages']);
      if (dialect === 'anthropic') {
        assert.match(content, /"type":"image","source":\{"type":"base64","media_type":"image\/png","data":"iVBORw0KGgo="\}/);
        assert.match(content, /"type":"document","source":\{"type":"base64","media_type":"application\/pdf"/);
      } else {
        assert.match(content, /"image_url":\{"url":"data:image\/png;base64,iVBORw0KGgo="\}/);
        assert.match(content, /"file_data":"data:application\/pdf;base64,JVBERi0="/);
      }
    });

    it('returns tool calls from JSON and streamed answers', async () => {
      const calls = [{ id: 'tu_1', name: 'lookup', input: { country: 'Norway' } }];
      await fake.enqueue({ kind: 'tool', calls }, { kind: 'tool', calls });
      const withTools: LlmRequest = {
        ...request,
        tools: [{ name: 'lookup', description: 'd', inputSchema: { type: 'object', properties: {}, required: [] } }],
      };
      assert.deepEqual(callSync(config, withTools, undefined).toolCalls, calls);
      assert.deepEqual(callSync(config, withTools, () => {}).toolCalls, calls);
    });

    it('cancels when the interrupt flag is set, and the server sees the hang-up', async () => {
      await fake.enqueue({ kind: 'text', chunks: ['first', 'never'], stallAfter: 1 });
      const interrupt = new Int32Array(new SharedArrayBuffer(4));
      const seen: string[] = [];
      const f = failureOf(() =>
        callSync({ ...config, idleTimeoutMs: 10_000 }, request, (t) => {
          seen.push(t);
          Atomics.store(interrupt, 0, 1);
        }, { isCancelled: () => Atomics.load(interrupt, 0) !== 0 }),
      );
      assert.equal(f.category, 'cancelled');
      assert.deepEqual(seen, ['first']);
      await sleep(100);
      const last = await fake.last();
      assert.equal(last.clientClosed, true);
    });

    it('notices an interrupt set by another thread while blocked, within a wait slice', async () => {
      await fake.enqueue({ kind: 'text', chunks: ['first', 'never'], stallAfter: 1 });
      const interrupt = new Int32Array(new SharedArrayBuffer(4));
      // Stands in for a host thread (editor Cancel) flipping the flag 200 ms later.
      new Worker(
        "const { workerData } = require('node:worker_threads'); setTimeout(() => Atomics.store(workerData, 0, 1), 200);",
        { eval: true, workerData: interrupt },
      ).unref();
      const started = Date.now();
      const f = failureOf(() => callSync({ ...config, idleTimeoutMs: 10_000 }, request, () => {}, { isCancelled: () => Atomics.load(interrupt, 0) !== 0 }));
      assert.equal(f.category, 'cancelled');
      assert.ok(Date.now() - started < 8000, 'cancelled long before the idle timeout');
      await sleep(100);
      assert.equal((await fake.last()).clientClosed, true);
    });

    it('gives up on a stalled stream with an idle timeout', async () => {
      await fake.enqueue({ kind: 'text', chunks: ['part', 'rest'], stallAfter: 1 });
      const seen: string[] = [];
      const f = failureOf(() => callSync(config, request, (t) => seen.push(t)));
      assert.equal(f.category, 'timeout');
      assert.match(f.message, /stopped sending/);
      assert.deepEqual(seen, ['part']);
    });

    it('reports a stream cut mid-way', async () => {
      await fake.enqueue({ kind: 'text', chunks: ['half', 'other half'], cutAfter: 1 });
      const f = failureOf(() => callSync(config, request, () => {}));
      assert.equal(f.category, 'stream-interrupted');
    });

    it('maps 401 to an auth error without the JSON body', async () => {
      await fake.enqueue({ kind: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' });
      const f = failureOf(() => callSync(config, request, undefined));
      assert.equal(f.category, 'auth');
      assert.match(f.message, /HTTP 401\): invalid x-api-key$/);
      assert.doesNotMatch(f.message, /[{}]/);
    });

    it('retries 429 and reports a rate-limit error when retries run out', async () => {
      const err = { kind: 'error', status: 429, message: 'slow down', headers: { 'retry-after-ms': '5' } } as const;
      const before = (await fake.requests()).length;
      await fake.enqueue(err, err, err);
      const f = failureOf(() => callSync(config, request, undefined));
      assert.equal(f.category, 'rate-limit');
      assert.equal((await fake.requests()).length - before, 3, 'one try + two retries');
    });

    it('retries a 529 and succeeds when the server recovers', async () => {
      await fake.enqueue(
        { kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded', headers: { 'retry-after-ms': '5' } },
        { kind: 'text', text: 'recovered' },
      );
      assert.equal(callSync(config, request, undefined).text, 'recovered');
    });

    it('maps persistent 529 to overloaded and 5xx HTML pages to a short server error', async () => {
      const e529 = { kind: 'error', status: 529, message: 'Overloaded', headers: { 'retry-after-ms': '5' } } as const;
      await fake.enqueue(e529, e529, e529);
      assert.equal(failureOf(() => callSync(config, request, undefined)).category, 'overloaded');
      const page = { kind: 'error', status: 502, message: '', rawBody: '<html>bad gateway</html>', headers: { 'retry-after-ms': '5' } } as const;
      await fake.enqueue(page, page, page);
      const f = failureOf(() => callSync(config, request, undefined));
      assert.equal(f.category, 'server');
      assert.equal(f.message.includes('<html>'), false);
    });

    it('turns a refused :temperature into a clear unsupported-option error', async () => {
      await fake.setOptions({ rejectTemperature: true });
      try {
        const f = failureOf(() => callSync(config, { ...request, temperature: 0.2 }, undefined));
        assert.equal(f.category, 'unsupported-option');
        assert.match(f.message, /:temperature/);
      } finally {
        await fake.setOptions({});
      }
      await fake.enqueue({ kind: 'text', text: 'warm' });
      callSync(config, { ...request, temperature: 0.7 }, undefined);
      assert.equal((await fake.last()).body['temperature'], 0.7);
    });

    it('reports an unreachable server as a network error', () => {
      const f = failureOf(() =>
        callSync({ ...config, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 }, request, undefined),
      );
      assert.equal(f.category, 'network');
      assert.match(f.message, /could not reach .* \(bad port\)$/);
    });
  });
}

describe('sync bridge: startup', () => {
  it('a missing worker file is a clear error at once', () => {
    const f = failureOf(() => new Bridge(join(__dirname, 'no-such-worker.js'), 300));
    assert.equal(f.category, 'config');
    assert.match(f.message, /the LLM worker is missing: .*no-such-worker\.js/);
  });

  it('a worker that never starts is a clear error, not a hang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sema-bridge-'));
    const silent = join(dir, 'silent-worker.js');
    // Loads fine but never says `ready`.
    writeFileSync(silent, 'setInterval(() => {}, 1000);\n');
    const bridge = new Bridge(silent, 300);
    try {
      const config: ProviderConfig = { name: 'anthropic', kind: 'anthropic', apiKey: 'k', baseUrl: undefined, defaultModel: 'm', maxRetries: 0, idleTimeoutMs: 1000, requestTimeoutMs: 1000 };
      const f = failureOf(() => bridge.call(config, request, undefined, {}));
      assert.equal(f.category, 'config');
      assert.match(f.message, /the LLM worker did not start .*silent-worker\.js/);
    } finally {
      await bridge.terminate();
    }
  });
});

describe('sync bridge: anthropic stream errors', () => {
  it('maps an SSE overloaded event mid-stream to an overloaded error', async () => {
    const fake = await FakeApi.start('anthropic');
    try {
      await fake.enqueue({ kind: 'text', chunks: ['partial'], sseErrorType: 'overloaded_error' });
      const seen: string[] = [];
      const f = failureOf(() =>
        callSync(
          { name: 'anthropic', kind: 'anthropic', apiKey: 'k', baseUrl: fake.url, defaultModel: 'm', maxRetries: 0, idleTimeoutMs: 2000, requestTimeoutMs: 2000 },
          request,
          (t) => seen.push(t),
        ),
      );
      assert.equal(f.category, 'overloaded');
      assert.deepEqual(seen, ['partial']);
    } finally {
      await fake.close();
      await shutdownBridge();
    }
  });
});
