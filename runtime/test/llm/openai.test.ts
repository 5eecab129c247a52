// The OpenAI-compatible provider through the natives: chat with system messages,
// streaming, and the tool loop in OpenAI's wire shape (tool_calls / role "tool").

import { strict as assert } from 'node:assert';
import { beforeEach, describe, it } from 'node:test';
import type { Value } from '../../src/eval/values';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { useFakeApi } from '../support/llm-fixture';
import { call, kw, lambda, makeCtx, makeTool, map, TestInterp } from '../support/fake-ctx';

describe('OpenAI-compatible provider', () => {
  let fake: FakeApi;
  let interp: TestInterp;
  let ctx: ReturnType<typeof makeCtx>;
  const c = (name: string, ...args: Value[]): Value => call(ctx, name, ...args);

  useFakeApi('openai', (f) => (fake = f));
  beforeEach(async () => {
    interp = new TestInterp();
    ctx = makeCtx(interp);
  });

  it('configures :openai from OPENAI_API_KEY / OPENAI_BASE_URL and chats', async () => {
    process.env['OPENAI_API_KEY'] = 'sk-oa';
    process.env['OPENAI_BASE_URL'] = `${fake.url}/v1`;
    try {
      await fake.enqueue({ kind: 'text', text: 'Hi from OpenAI' });
      assert.equal(c('llm/chat', [c('message', kw('system'), 'Be kind.'), c('message', kw('user'), 'Hi')], map('temperature', 0, 'reasoning-effort', kw('medium'))), 'Hi from OpenAI');
      const req = await fake.last();
      assert.equal(req.path, '/v1/chat/completions');
      assert.equal(req.headers['authorization'], 'Bearer sk-oa');
      assert.equal(req.body['model'], 'gpt-5.5');
      assert.equal(req.body['temperature'], 0);
      assert.equal(req.body['reasoning_effort'], 'medium');
      assert.deepEqual(req.body['messages'], [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'Hi' }]);
    } finally {
      delete process.env['OPENAI_BASE_URL'];
    }
  });

  it('streams from an Ollama-style endpoint without a key', async () => {
    c('llm/configure', kw('ollama'), map('host', fake.url, 'default-model', 'llama3'));
    await fake.enqueue({ kind: 'text', chunks: ['Hel', 'lo'], usage: { input: 4, output: 2 } });
    assert.equal(c('llm/stream', 'Say hello'), 'Hello');
    assert.deepEqual(interp.writes, ['Hel', 'lo', '\n']);
    const req = await fake.last();
    assert.equal(req.headers['authorization'], undefined);
    assert.equal(req.body['model'], 'llama3');
    assert.deepEqual(req.body['stream_options'], { include_usage: true });
    assert.match(printValue(c('llm/last-usage')), /:prompt-tokens 4/);
  });

  it('runs the tool loop in the OpenAI wire format', async () => {
    c('llm/configure', kw('local'), map('base-url', `${fake.url}/v1`, 'max-retries', 0));
    const tool = makeTool('add', 'Add two numbers', map('a', map('type', kw('integer')), 'b', map('type', kw('integer'))), lambda(['b', 'a'], (b, a) => (a as number) - (b as number)));
    await fake.enqueue({ kind: 'tool', calls: [{ id: 'call_1', name: 'add', input: { a: 10, b: 3 } }] }, { kind: 'text', text: '7' });
    assert.equal(c('llm/complete', 'What is 10 minus 3?', map('tools', [tool])), '7');
    const [first, second] = await fake.requests();
    assert.deepEqual(first!.body['tools'], [
      {
        type: 'function',
        function: {
          name: 'add',
          description: 'Add two numbers',
          parameters: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'integer' } }, required: ['a', 'b'] },
        },
      },
    ]);
    assert.deepEqual((second!.body['messages'] as unknown[]).slice(1), [
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'add', arguments: '{"a":10,"b":3}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '7' },
    ]);
  });

  it('a stalled stream and a silent server both end with :llm/timeout', async () => {
    c('llm/configure', kw('local'), map('base-url', `${fake.url}/v1`, 'max-retries', 0));
    await fake.enqueue({ kind: 'text', chunks: ['part', 'rest'], stallAfter: 1 }, { kind: 'hang' });
    assert.throws(() => c('llm/stream', 'x', map('timeout', 300)), (e: { type?: string; message?: string }) => {
      assert.equal(e.type, 'llm/timeout');
      assert.match(e.message!, /stopped sending in the middle of the stream/);
      return true;
    });
    assert.deepEqual(interp.writes, ['part']);
    assert.throws(() => c('llm/complete', 'x', map('timeout', 300)), (e: { type?: string }) => e.type === 'llm/timeout');
  });

  it('maps HTTP faults to the same :llm/... types', async () => {
    c('llm/configure', kw('local'), map('base-url', `${fake.url}/v1`, 'max-retries', 0));
    await fake.enqueue({ kind: 'error', status: 401, message: 'Incorrect API key provided' });
    assert.throws(() => c('llm/complete', 'x'), (e: { type?: string; message?: string }) => {
      assert.equal(e.type, 'llm/auth');
      assert.equal(e.message, 'llm/complete: provider local rejected the API key (HTTP 401): Incorrect API key provided');
      return true;
    });
  });
});
