// The tool-use loop (deftool + :tools), agents and conversations against the fake
// Anthropic API: tool schemas, handler arguments, tool results and errors fed back.

import { strict as assert } from 'node:assert';
import { beforeEach, describe, it } from 'node:test';
import { SemaError } from '../../src/eval/errors';
import { SemaMap, type Value } from '../../src/eval/values';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';
import { call, kw, lambda, makeCtx, map } from '../support/fake-ctx';
import { makeAgent, makeTool, promptOf } from '../support/fake-ctx';

type Block = { type: string; tool_use_id?: string; content?: string; is_error?: boolean; name?: string };
type Msg = { role: string; content: Block[] };

describe('tools, agents and conversations', () => {
  let fake: FakeApi;
  const ctx = makeCtx();
  const c = (name: string, ...args: Value[]): Value => call(ctx, name, ...args);
  const calls: Value[][] = [];
  let lookupCapital: Value;

  useFakeApi('anthropic', (f) => (fake = f));
  beforeEach(async () => {
    c('llm/configure', kw('anthropic'), map('api-key', 'k', 'base-url', fake.url, 'max-retries', 0));
    calls.length = 0;
    lookupCapital = makeTool(
      'lookup-capital',
      'Look up the capital of a country',
      map('country', map('type', kw('string'), 'description', 'Country name'), 'style', map('type', kw('string'), 'optional', true)),
      lambda(['country', 'style'], (country, style) => {
        calls.push([country, style]);
        if (country === 'Atlantis') throw new SemaError('no such country: Atlantis', 'user');
        return country === 'Norway' ? 'Oslo' : 'Unknown';
      }),
    );
  });

  it('deftool values print and can be inspected', () => {
    assert.equal(printValue(lookupCapital), '<tool lookup-capital>');
    assert.equal(c('tool/name', lookupCapital), 'lookup-capital');
    assert.equal(c('tool/description', lookupCapital), 'Look up the capital of a country');
    assert.ok(c('tool/parameters', lookupCapital) instanceof SemaMap);
    assert.equal(c('tool?', lookupCapital), true);
    assert.match(errorOf(() => makeTool('t', 42, map(), lambda([], () => null))).message, /description must be a string/);
    assert.match(errorOf(() => makeTool('t', 'd', map('x', 1), lambda([], () => null))).message, /parameter :x must be described by a map/);
  });

  it('runs the tool loop: schema sent, handler called by parameter name, result sent back', async () => {
    await fake.enqueue(
      { kind: 'tool', text: 'Let me check.', calls: [{ id: 'tu_1', name: 'lookup-capital', input: { country: 'Norway' } }] },
      { kind: 'text', text: 'The capital of Norway is Oslo.' },
    );
    const answer = c('llm/chat', [c('message', kw('user'), 'What is the capital of Norway?')], map('tools', [lookupCapital], 'max-tokens', 100));
    assert.equal(answer, 'The capital of Norway is Oslo.');
    assert.deepEqual(calls, [['Norway', null]]);
    const [first, second] = await fake.requests();
    assert.deepEqual(first!.body['tools'], [
      {
        name: 'lookup-capital',
        description: 'Look up the capital of a country',
        input_schema: {
          type: 'object',
          properties: { country: { type: 'string', description: 'Country name' }, style: { type: 'string' } },
          required: ['country'],
        },
      },
    ]);
    const msgs = second!.body['messages'] as Msg[];
    assert.deepEqual(msgs.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.deepEqual(msgs[1]!.content.map((b) => b.type), ['text', 'tool_use']);
    assert.deepEqual(msgs[2]!.content, [{ type: 'tool_result', tool_use_id: 'tu_1', content: 'Oslo', is_error: false }]);
  });

  it('sends thinking blocks back unchanged on the next turn (plain and streamed)', async () => {
    const thinking = { thinking: 'The user wants a capital.', signature: 'sig-abc==' };
    const turn = { kind: 'tool', thinking, calls: [{ id: 'tu_9', name: 'lookup-capital', input: { country: 'Norway' } }] } as const;
    await fake.enqueue(turn, { kind: 'text', text: 'Oslo.' }, turn, { kind: 'text', chunks: ['Os', 'lo.'] });
    assert.equal(c('llm/chat', [c('message', kw('user'), 'Capital?')], map('tools', [lookupCapital])), 'Oslo.');
    assert.equal(c('llm/stream', 'Capital?', lambda(['x'], () => null), map('tools', [lookupCapital])), 'Oslo.');
    const reqs = await fake.requests();
    for (const i of [1, 3]) {
      const assistant = (reqs[i]!.body['messages'] as Msg[])[1]!;
      assert.deepEqual(assistant.content[0], { type: 'thinking', thinking: 'The user wants a capital.', signature: 'sig-abc==' });
      assert.equal(assistant.content[1]!.type, 'tool_use');
    }
  });

  it('feeds handler errors, unknown tools and bad arguments back to the model', async () => {
    await fake.enqueue(
      {
        kind: 'tool',
        calls: [
          { id: 'a', name: 'lookup-capital', input: { country: 'Atlantis' } },
          { id: 'b', name: 'teleport', input: {} },
          { id: 'c', name: 'lookup-capital', input: { country: 7 } },
        ],
      },
      { kind: 'text', text: 'Sorry.' },
    );
    assert.equal(c('llm/complete', 'Capital of Atlantis?', map('tools', [lookupCapital])), 'Sorry.');
    const results = ((await fake.last()).body['messages'] as Msg[])[2]!.content;
    assert.deepEqual(results.map((r) => [r.tool_use_id, r.is_error]), [['a', true], ['b', true], ['c', true]]);
    assert.match(results[0]!.content!, /no such country: Atlantis/);
    assert.match(results[1]!.content!, /no tool named "teleport"/);
    assert.match(results[2]!.content!, /argument "country" should be string, got 7/);
  });

  it('stops after :max-tool-rounds with a clear error', async () => {
    const again = { kind: 'tool', calls: [{ id: 'x', name: 'lookup-capital', input: { country: 'Norway' } }] } as const;
    await fake.enqueue(again, again, again);
    const e = errorOf(() => c('llm/chat', [c('message', kw('user'), 'loop')], map('tools', [lookupCapital], 'max-tool-rounds', 2)));
    assert.equal(e.type, 'llm/tool-loop');
    assert.match(e.message, /still calling tools after 2 rounds \(:max-tool-rounds 2\)/);
  });

  it(':tool-mode :none shows the tools but never runs them', async () => {
    await fake.enqueue({ kind: 'tool', text: 'I would call a tool.', calls: [{ id: 'x', name: 'lookup-capital', input: { country: 'Norway' } }] });
    assert.equal(c('llm/chat', [c('message', kw('user'), 'q')], map('tools', [lookupCapital], 'tool-mode', kw('none'))), 'I would call a tool.');
    assert.deepEqual(calls, []);
  });

  it('defagent + agent/run with tools, inspectors and per-run options', async () => {
    const bot = makeAgent('weather-bot', map('system', 'You are a weather assistant.', 'tools', [lookupCapital], 'model', 'claude-haiku-4-5-20251001', 'max-turns', 3));
    assert.equal(printValue(bot), '<agent weather-bot>');
    assert.equal(c('agent/name', bot), 'weather-bot');
    assert.equal(c('agent/system', bot), 'You are a weather assistant.');
    assert.deepEqual(c('agent/tools', bot), [lookupCapital]);
    assert.equal(c('agent/model', bot), 'claude-haiku-4-5-20251001');
    assert.equal(c('agent/max-turns', bot), 3);
    assert.equal(c('agent?', bot), true);
    assert.match(errorOf(() => makeAgent('b', map('colour', 'red'))).message, /unknown option :colour; allowed: :system, :tools, :model, :max-turns/);

    await fake.enqueue(
      { kind: 'tool', calls: [{ id: 't', name: 'lookup-capital', input: { country: 'Norway' } }] },
      { kind: 'text', text: 'Oslo it is.' },
    );
    assert.equal(c('agent/run', bot, 'Capital of Norway?'), 'Oslo it is.');
    const sent = (await fake.requests())[0]!.body;
    assert.equal(sent['system'], 'You are a weather assistant.');
    assert.equal(sent['model'], 'claude-haiku-4-5-20251001');

    const events: string[] = [];
    await fake.enqueue(
      { kind: 'tool', calls: [{ id: 't', name: 'lookup-capital', input: { country: 'Norway' } }] },
      { kind: 'text', text: 'Still Oslo.' },
    );
    const prior = [c('message', kw('user'), 'Hi'), c('message', kw('assistant'), 'Hello')];
    const result = c('agent/run', bot, 'Again?', map('messages', prior, 'on-tool-call', lambda(['e'], (e) => {
      events.push(printValue(e).replace(/:duration-ms \d+/, ':duration-ms N'));
      return null;
    })));
    assert.equal(printValue(result).startsWith('{:messages (<message user "Hi"> <message assistant "Hello"> <message user "Again?"> <message assistant "Still Oslo.">) :response "Still Oslo."}'), true);
    assert.deepEqual(events, [
      '{:args {:country "Norway"} :event "start" :tool "lookup-capital"}',
      '{:args {:country "Norway"} :duration-ms N :error #f :event "end" :result "Oslo" :tool "lookup-capital"}',
    ]);
  });

  it('agent/run checks its options, naming its own keys too', () => {
    const bot = makeAgent('b', map());
    assert.match(errorOf(() => c('agent/run', bot, 'hi', map('on-tool-cal', 1))).message, /unknown option :on-tool-cal \(did you mean :on-tool-call\?\); allowed options: .*:timeout, :conversation-id, :session-id, :user-id, :messages, :on-tool-call$/);
    assert.match(errorOf(() => c('agent/run', bot, 'hi', map('messages', 'x'))).message, /expected list of messages/);
  });

  it('agent/run stops at :max-turns', async () => {
    const bot = makeAgent('looper', map('tools', [lookupCapital], 'max-turns', 1));
    await fake.enqueue({ kind: 'tool', calls: [{ id: 't', name: 'lookup-capital', input: { country: 'Norway' } }] });
    assert.match(errorOf(() => c('agent/run', bot, 'go')).message, /agent\/run: .*after 1 rounds \(:max-turns 1\)/);
  });

  it('conversations keep history immutably and send it on each say', async () => {
    await fake.enqueue({ kind: 'text', text: 'Noted.' }, { kind: 'text', text: 'The secret number is 7.' }, { kind: 'text', text: 'Branch reply' });
    let conv = c('conversation/new', map('model', 'claude-haiku-4-5-20251001'));
    conv = c('conversation/set-system', conv, 'You are concise.');
    const c1 = c('conversation/say', conv, 'Remember: the secret number is 7');
    const c2 = c('conversation/say', c1, 'What is the secret number?', map('max-tokens', 50));
    assert.equal(printValue(c2), '<conversation 5 messages>');
    assert.equal(c('conversation/last-reply', c2), 'The secret number is 7.');
    assert.equal(c('conversation/model', c2), 'claude-haiku-4-5-20251001');
    assert.equal(c('conversation/system', c2), 'You are concise.');
    const body = (await fake.last()).body;
    assert.equal(body['system'], 'You are concise.');
    assert.equal(body['max_tokens'], 50);
    assert.equal(body['model'], 'claude-haiku-4-5-20251001');
    assert.deepEqual((body['messages'] as Msg[]).map((m) => m.role), ['user', 'assistant', 'user']);
    assert.equal(printValue(c1), '<conversation 3 messages>', 'the earlier value is unchanged');

    const fork = c('conversation/fork', c2);
    const branch = c('conversation/say-as', fork, promptOf([['system', ['Argue against.']]]), 'Rebut.');
    assert.equal((await fake.last()).body['system'], 'Argue against.');
    assert.equal(c('conversation/system', branch), 'You are concise.', 'say-as does not store its system');
    assert.equal(printValue(c2), '<conversation 5 messages>');

    const users = c('conversation/filter', c2, lambda(['m'], (m) => c('message/role', m) === kw('user')));
    assert.equal(printValue(users), '<conversation 2 messages>');
    assert.deepEqual(c('conversation/map', users, lambda(['m'], (m) => c('message/content', m))), [
      'Remember: the secret number is 7',
      'What is the secret number?',
    ]);
    const manual = c('conversation/add-message', c('conversation/new'), kw('user'), 'hello there');
    assert.equal(c('conversation/token-count', manual), 3);
    assert.equal(c('conversation/cost', manual), null);
    assert.equal(c('conversation?', manual), true);
    assert.equal(c('conversation/system', c('conversation/new')), null);
  });
});
