// llm/complete, llm/stream, llm/chat, llm/send and the options map, driven through the
// natives against the fake Anthropic server (real SDK), inspecting the request bodies.

import { strict as assert } from 'node:assert';
import { beforeEach, describe, it } from 'node:test';
import { SemaError } from '../../src/eval/errors';
import { Bytevector, Float, Vector, type Value } from '../../src/eval/values';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';
import { call, kw, lambda, makeCtx, map, TestInterp } from '../support/fake-ctx';
import { promptOf } from '../support/fake-ctx';

describe('LLM calls against the fake Anthropic API', () => {
  let fake: FakeApi;
  let interp: TestInterp;
  let ctx: ReturnType<typeof makeCtx>;
  const c = (name: string, ...args: Value[]): Value => call(ctx, name, ...args);

  useFakeApi('anthropic', (f) => (fake = f));
  beforeEach(async () => {
    interp = new TestInterp();
    ctx = makeCtx(interp);
  });

  const configure = (): void => {
    c('llm/configure', kw('anthropic'), map('api-key', 'sk-test', 'base-url', fake.url, 'max-retries', 0));
  };

  it('fails without a provider with an error naming ANTHROPIC_API_KEY', () => {
    const e = errorOf(() => c('llm/complete', 'hi'));
    assert.equal(e.type, 'llm/config');
    assert.match(e.message, /ANTHROPIC_API_KEY/);
  });

  it('configures itself from ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL', async () => {
    process.env['ANTHROPIC_API_KEY'] = 'sk-env';
    process.env['ANTHROPIC_BASE_URL'] = fake.url;
    await fake.enqueue({ kind: 'text', text: 'from env' });
    assert.equal(c('llm/complete', 'hi'), 'from env');
    assert.equal((await fake.last()).headers['authorization'], 'Bearer sk-env');
    assert.deepEqual(c('llm/list-providers'), [kw('anthropic')]);
  });

  it('llm/complete sends the prompt with defaults and the options', async () => {
    configure();
    await fake.enqueue({ kind: 'text', text: 'Hello!' }, { kind: 'text', text: 'Monads are...' });
    assert.equal(c('llm/complete', 'Say hello'), 'Hello!');
    let body = (await fake.last()).body;
    assert.equal(body['model'], 'claude-sonnet-4-6');
    assert.equal(body['max_tokens'], 4096);
    assert.equal(body['system'], undefined);
    assert.equal(body['temperature'], undefined);
    assert.deepEqual(body['messages'], [{ role: 'user', content: [{ type: 'text', text: 'Say hello' }] }]);
    c('llm/complete', 'Explain monads', map('model', 'claude-haiku-4-5-20251001', 'max-tokens', 200, 'temperature', new Float(0.3), 'system', 'You are a Haskell expert.'));
    body = (await fake.last()).body;
    assert.equal(body['model'], 'claude-haiku-4-5-20251001');
    assert.equal(body['max_tokens'], 200);
    assert.equal(body['temperature'], 0.3);
    assert.equal(body['system'], 'You are a Haskell expert.');
  });

  it('validates options before sending anything', async () => {
    configure();
    const before = (await fake.requests()).length;
    let e = errorOf(() => c('llm/complete', 'x', map('max-token', 5)));
    assert.equal(e.type, 'llm/invalid-option');
    assert.match(e.message, /unknown option :max-token \(did you mean :max-tokens\?\); allowed options: :model, :max-tokens, :temperature, :system, :reasoning-effort, :tools/);
    e = errorOf(() => c('llm/complete', 'x', map('max-tokens', '100')));
    assert.equal(e.message, 'llm/complete: option :max-tokens must be a positive integer, got "100"');
    e = errorOf(() => c('llm/chat', [c('message', kw('user'), 'x')], map('temperature', new Float(1.5))));
    assert.equal(e.message, 'llm/chat: option :temperature must be a number from 0.0 to 1.0, got 1.5');
    e = errorOf(() => c('llm/stream', 'x', map('model', 42)));
    assert.match(e.message, /option :model must be a non-empty string, got 42/);
    e = errorOf(() => c('llm/complete', 'x', map('tools', ['not a tool'])));
    assert.match(e.message, /option :tools must be a list or vector of tools/);
    e = errorOf(() => c('llm/complete', 'x', map('tags', ['a'])));
    assert.match(e.message, /option :tags is not supported here; allowed options: :model/);
    e = errorOf(() => c('llm/complete', 'x', map('reasoning-effort', kw('extreme'))));
    assert.match(e.message, /option :reasoning-effort must be one of :none, :minimal, :low, :medium, :high, :xhigh, got :extreme/);
    e = errorOf(() => c('llm/complete', 'x', 'not a map'));
    assert.match(e.message, /expected an options map/);
    assert.equal((await fake.requests()).length, before, 'no request was sent');
  });

  it(':reasoning-effort becomes output_config.effort, or disables thinking with :none', async () => {
    configure();
    await fake.enqueue({ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' }, { kind: 'text', text: 'c' });
    c('llm/complete', 'x', map('reasoning-effort', kw('high')));
    assert.deepEqual((await fake.last()).body['output_config'], { effort: 'high' });
    c('llm/complete', 'x', map('reasoning-effort', 'minimal'));
    assert.deepEqual((await fake.last()).body['output_config'], { effort: 'low' });
    c('llm/complete', 'x', map('reasoning-effort', kw('none')));
    const body = (await fake.last()).body;
    assert.deepEqual(body['thinking'], { type: 'disabled' });
    assert.equal(body['output_config'], undefined);
  });

  it('llm/chat lifts system messages to the top-level system parameter', async () => {
    configure();
    await fake.enqueue({ kind: 'text', text: 'Lisp is a language.' });
    const msgs = [
      c('message', kw('system'), 'You are a helpful assistant.'),
      c('message', kw('user'), 'What is Lisp?'),
      c('message', kw('assistant'), 'A language.'),
      c('message', kw('user'), 'One sentence.'),
    ];
    assert.equal(c('llm/chat', new Vector(msgs), map('max-tokens', 100)), 'Lisp is a language.');
    const body = (await fake.last()).body;
    assert.equal(body['system'], 'You are a helpful assistant.');
    assert.deepEqual((body['messages'] as { role: string }[]).map((m) => m.role), ['user', 'assistant', 'user']);
  });

  it('llm/chat sends image and PDF messages as content blocks', async () => {
    configure();
    await fake.enqueue({ kind: 'text', text: 'A cat.' });
    const png = new Bytevector(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]));
    const pdf = new Bytevector(Uint8Array.from(Buffer.from('%PDF-1.4 x')));
    c('llm/chat', [c('message/with-image', kw('user'), 'Describe.', png), c('message/with-image', kw('user'), 'Summarise.', pdf)]);
    const [first, second] = (await fake.last()).body['messages'] as { content: { type: string; source?: { media_type: string } }[] }[];
    assert.deepEqual(first!.content.map((b) => b.type), ['image', 'text']);
    assert.equal(first!.content[0]!.source!.media_type, 'image/png');
    assert.deepEqual(second!.content.map((b) => b.type), ['document', 'text']);
    assert.equal(second!.content[0]!.source!.media_type, 'application/pdf');
  });

  it('llm/send sends a prompt value', async () => {
    configure();
    await fake.enqueue({ kind: 'text', text: 'Looks fine.' });
    const p = promptOf([['system', ['You are a code reviewer.']], ['user', ['Review this.']]]);
    assert.equal(c('llm/send', p, map('max-tokens', 200)), 'Looks fine.');
    const body = (await fake.last()).body;
    assert.equal(body['system'], 'You are a code reviewer.');
    assert.equal(body['max_tokens'], 200);
  });

  it('llm/stream prints each chunk as it arrives and returns the whole text', async () => {
    configure();
    await fake.enqueue({ kind: 'text', chunks: ['Once ', 'upon ', 'a time.'], delayMs: 20 });
    assert.equal(c('llm/stream', 'Tell me a story', map('max-tokens', 200)), 'Once upon a time.');
    assert.deepEqual(interp.writes, ['Once ', 'upon ', 'a time.', '\n']);
    assert.equal((await fake.last()).body['stream'], true);
  });

  it('llm/stream also takes a prompt value or a list of messages', async () => {
    configure();
    await fake.enqueue({ kind: 'text', chunks: ['x'] }, { kind: 'text', chunks: ['y'] });
    assert.equal(c('llm/stream', promptOf([['system', ['Be brief.']], ['user', ['Hi']]])), 'x');
    assert.equal((await fake.last()).body['system'], 'Be brief.');
    assert.equal(c('llm/stream', [c('message', kw('user'), 'Hi')], lambda(['c'], () => null)), 'y');
  });

  it('llm/stream calls a callback per chunk', async () => {
    configure();
    await fake.enqueue({ kind: 'text', chunks: ['a', 'b'] });
    const seen: Value[] = [];
    const result = c('llm/stream', 'x', lambda(['chunk'], (chunk) => (seen.push(chunk), null)), map('max-tokens', 10));
    assert.equal(result, 'ab');
    assert.deepEqual(seen, ['a', 'b']);
    assert.deepEqual(interp.writes, []);
    assert.match(errorOf(() => c('llm/stream', 'x', 42)).message, /expected a callback function or an options map/);
    assert.match(errorOf(() => c('llm/stream', 42)).message, /expected string, prompt or list of messages/);
  });

  it('a stream callback may itself call the model; no chunk of either call is lost', async () => {
    configure();
    // The inner answer takes longer than the outer chunks: they arrive while it waits.
    await fake.enqueue({ kind: 'text', chunks: ['a', 'b', 'c'], delayMs: 30 }, { kind: 'text', text: 'inner answer', delayMs: 300 });
    const seen: Value[] = [];
    const result = c('llm/stream', 'outer', lambda(['chunk'], (chunk) => {
      seen.push(chunk);
      if (chunk === 'a') seen.push(c('llm/complete', 'inner'));
      return null;
    }));
    assert.equal(result, 'abc');
    assert.deepEqual(seen, ['a', 'inner answer', 'b', 'c']);
  });

  it('llm/batch and llm/pmap send their requests concurrently and keep the order', async () => {
    configure();
    const answer = { kind: 'text', echo: true, barrier: 3 } as const;
    await fake.enqueue(answer, answer, answer);
    assert.deepEqual(c('llm/batch', ['one', 'two', 'three'], map('max-tokens', 20)), ['echo: one', 'echo: two', 'echo: three']);
    const bodies = (await fake.requests()).map((r) => r.body);
    assert.ok(bodies.every((b) => b['max_tokens'] === 20));
    await fake.enqueue(answer, answer, answer);
    const define = lambda(['w'], (w) => `Define: ${String(w)}`);
    assert.deepEqual(c('llm/pmap', define, new Vector(['a', 'b', 'c']), map('system', 'Be brief.')), ['echo: Define: a', 'echo: Define: b', 'echo: Define: c']);
    assert.equal((await fake.last()).body['system'], 'Be brief.');
    assert.match(errorOf(() => c('llm/batch', ['x'], map('tools', []))).message, /:tools is not supported here/);
  });

  it('a failing batch request aborts the others with one clear error', async () => {
    configure();
    await fake.enqueue({ kind: 'hang' }, { kind: 'error', status: 401, message: 'bad key' });
    const e = errorOf(() => c('llm/batch', ['a', 'b']));
    assert.equal(e.type, 'llm/auth');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await fake.requests())[0]!.clientClosed, true, 'the hanging request was aborted');
  });

  it('a failing stream callback stops the call with its own error', async () => {
    configure();
    await fake.enqueue({ kind: 'text', chunks: ['a', 'b', 'c'], delayMs: 50 });
    const e = errorOf(() =>
      c('llm/stream', 'x', lambda(['chunk'], () => {
        throw new SemaError('boom in callback', 'user');
      })),
    );
    assert.equal(e.message, 'boom in callback');
  });

  it('HTTP faults become catchable Sema errors with an :llm/... type', async () => {
    configure();
    await fake.enqueue({ kind: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' });
    let e = errorOf(() => c('llm/complete', 'x'));
    assert.equal(e.type, 'llm/auth');
    assert.equal(e.message, 'llm/complete: Anthropic rejected the API key (HTTP 401): invalid x-api-key');
    await fake.enqueue({ kind: 'error', status: 429, errorType: 'rate_limit_error', message: 'Too many requests' });
    e = errorOf(() => c('llm/chat', [c('message', kw('user'), 'x')]));
    assert.equal(e.type, 'llm/rate-limit');
    assert.equal(e.fields['status'], 429);
    await fake.enqueue({ kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' });
    assert.equal(errorOf(() => c('llm/complete', 'x')).type, 'llm/overloaded');
    await fake.enqueue({ kind: 'error', status: 500, message: 'oops' });
    assert.equal(errorOf(() => c('llm/complete', 'x')).type, 'llm/server');
  });

  it('a stream cut mid-way keeps the printed text and raises :llm/stream-interrupted', async () => {
    configure();
    await fake.enqueue({ kind: 'text', chunks: ['kept ', 'lost'], cutAfter: 1 });
    const e = errorOf(() => c('llm/stream', 'x'));
    assert.equal(e.type, 'llm/stream-interrupted');
    assert.deepEqual(interp.writes, ['kept ']);
  });

  it('a stalled stream ends with :llm/timeout after the :timeout idle limit', async () => {
    configure();
    await fake.enqueue({ kind: 'text', chunks: ['start', 'never'], stallAfter: 1 });
    const e = errorOf(() => c('llm/stream', 'x', map('timeout', 300)));
    assert.equal(e.type, 'llm/timeout');
    assert.deepEqual(interp.writes, ['start']);
  });

  it('a server that never answers a plain call ends with :llm/timeout', async () => {
    configure();
    await fake.enqueue({ kind: 'hang' });
    const e = errorOf(() => c('llm/complete', 'x', map('timeout', 300)));
    assert.equal(e.type, 'llm/timeout');
    assert.match(e.message, /Anthropic sent nothing for 0.3s; gave up \(idle timeout\)/);
  });

  it('a refused :temperature is reported as :llm/unsupported-option, not an opaque 400', async () => {
    configure();
    await fake.setOptions({ rejectTemperature: true });
    try {
      const e = errorOf(() => c('llm/complete', 'x', map('temperature', new Float(0.5))));
      assert.equal(e.type, 'llm/unsupported-option');
      assert.match(e.message, /refused :temperature .*Remove :temperature/);
    } finally {
      await fake.setOptions({});
    }
  });

  it('tracks the last call and the session usage', async () => {
    configure();
    assert.equal(c('llm/last-usage'), null);
    await fake.enqueue({ kind: 'text', text: 'a', usage: { input: 100, output: 20 } }, { kind: 'text', text: 'b', usage: { input: 50, output: 10 } });
    c('llm/complete', 'x', map('model', 'claude-haiku-4-5'));
    c('llm/complete', 'y', map('model', 'unpriced-model'));
    assert.equal(
      printValue(c('llm/last-usage')),
      '{:cache-creation-tokens 0 :cache-read-tokens 0 :completion-tokens 10 :cost-usd nil :model "unpriced-model" :prompt-tokens 50 :total-tokens 60}',
    );
    assert.equal(
      printValue(c('llm/session-usage')),
      '{:cache-creation-tokens 0 :cache-read-tokens 0 :completion-tokens 30 :cost-usd 0.0002 :prompt-tokens 150 :total-tokens 180}',
    );
    c('llm/reset-usage');
    assert.match(printValue(c('llm/session-usage')), /:total-tokens 0/);
  });

  it('switches between configured providers', async () => {
    configure();
    const openai = await FakeApi.start('openai');
    try {
      c('llm/configure', kw('local'), map('base-url', `${openai.url}/v1`, 'default-model', 'my-model'));
      assert.equal(printValue(c('llm/current-provider')), '{:model "my-model" :name :local}');
      await openai.enqueue({ kind: 'text', text: 'from local' });
      assert.equal(c('llm/complete', 'hi', map('system', 'Be short.')), 'from local');
      const body = (await openai.last()).body;
      assert.equal(body['model'], 'my-model');
      assert.deepEqual(body['messages'], [{ role: 'system', content: 'Be short.' }, { role: 'user', content: 'hi' }]);
      c('llm/set-default', kw('anthropic'));
      await fake.enqueue({ kind: 'text', text: 'from anthropic' });
      assert.equal(c('llm/complete', 'hi'), 'from anthropic');
      assert.deepEqual(c('llm/providers'), [kw('anthropic'), kw('local')]);
      assert.match(errorOf(() => c('llm/set-default', kw('nope'))).message, /provider :nope is not configured \(configured: :anthropic, :local\)/);
      assert.match(errorOf(() => c('llm/configure', kw('mystery'), map())).message, /not a known provider; give \{:base-url/);
    } finally {
      await openai.close();
    }
  });
});
