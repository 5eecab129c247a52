// Cassettes: record against the fake API, then replay offline with no provider at all,
// including stream chunk boundaries and each turn of a tool loop.

import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Value } from '../../src/eval/values';
import { printValue } from '../../src/reader/printer';
import { resetLlmSession } from '../../src/llm/index';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';
import { call, kw, lambda, makeCtx, map, TestInterp } from '../support/fake-ctx';
import { makeTool } from '../support/fake-ctx';

describe('cassettes', () => {
  let fake: FakeApi;
  let dir: string;
  let interp: TestInterp;
  let ctx: ReturnType<typeof makeCtx>;
  const c = (name: string, ...args: Value[]): Value => call(ctx, name, ...args);
  const thunk = (body: () => Value): Value => lambda([], body);

  useFakeApi('anthropic', (f) => (fake = f));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sema-cassette-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    interp = new TestInterp();
    interp.currentFile = join(dir, 'main.sema');
    ctx = makeCtx(interp);
  });

  const online = (): void => {
    c('llm/configure', kw('anthropic'), map('api-key', 'k', 'base-url', fake.url, 'max-retries', 0));
  };

  it('records in :auto, then replays offline with the same results and usage', async () => {
    online();
    await fake.enqueue({ kind: 'text', text: 'Hello', usage: { input: 12, output: 1 } }, { kind: 'text', chunks: ['Hi', ' there'] });
    const run = (): Value[] => [
      c('llm/complete', 'Say hello in one word.', map('max-tokens', 10)),
      c('llm/stream', 'Greet me.'),
    ];
    const recorded = c('llm/with-cassette', 'tapes/greeting.jsonl', map('mode', kw('auto')), thunk(() => run()));
    assert.deepEqual(recorded, ['Hello', 'Hi there']);
    const tape = readFileSync(join(dir, 'tapes/greeting.jsonl'), 'utf8');
    const lines = tape.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => [l['v'], l['kind'], l['text']]), [[1, 'complete', 'Hello'], [1, 'stream', 'Hi there']]);
    assert.deepEqual(lines[1]!['chunks'], ['Hi', ' there']);
    assert.equal(tape.includes('Say hello'), false, 'prompt text is not written');
    assert.equal(tape.includes('"k"'), false);

    resetLlmSession(); // no provider from here on
    interp.writes.length = 0;
    const replayed = c('llm/with-cassette', 'tapes/greeting.jsonl', map('mode', kw('replay')), thunk(() => run()));
    assert.deepEqual(replayed, ['Hello', 'Hi there']);
    assert.deepEqual(interp.writes, ['Hi', ' there', '\n'], 'chunk boundaries preserved');
    assert.equal((await fake.requests()).length, 2, 'replay made no request');
    const usage = c('llm/session-usage');
    assert.match(printValue(usage), /:prompt-tokens 22/);
  });

  it('a call not on the tape is a hard error in :replay', () => {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const e = errorOf(() => c('llm/with-cassette', 'empty.jsonl', map('mode', kw('replay')), thunk(() => c('llm/complete', 'new question'))));
    assert.equal(e.type, 'llm/cassette-miss');
    assert.match(e.message, /cassette miss in :replay mode/);
    assert.match(errorOf(() => c('llm/with-cassette', 'missing.jsonl', map('mode', kw('replay')), thunk(() => null))).message, /not found in :replay mode/);
    assert.match(errorOf(() => c('llm/with-cassette', 'x.jsonl', map('mode', kw('rewind')), thunk(() => null))).message, /:mode must be :auto, :record or :replay/);
  });

  it('records each turn of a tool loop; handlers still run on replay', async () => {
    online();
    const seen: Value[] = [];
    const tool = makeTool('capital', 'Capital of a country', map('country', map('type', kw('string'))), lambda(['country'], (x) => (seen.push(x), 'Oslo')));
    await fake.enqueue(
      // With a thinking block: replay must reproduce it, or the second turn would not match.
      { kind: 'tool', thinking: { thinking: 'hmm', signature: 's1' }, calls: [{ id: 'tu', name: 'capital', input: { country: 'Norway' } }] },
      { kind: 'text', text: 'Oslo.' },
    );
    const ask = (): Value => c('llm/chat', [c('message', kw('user'), 'Capital of Norway?')], map('tools', [tool]));
    assert.equal(c('llm/with-cassette', 'agent.jsonl', thunk(ask)), 'Oslo.');
    resetLlmSession();
    assert.equal(c('llm/with-cassette', 'agent.jsonl', map('mode', kw('replay')), thunk(ask)), 'Oslo.');
    assert.deepEqual(seen, ['Norway', 'Norway']);
    assert.equal(readFileSync(join(dir, 'agent.jsonl'), 'utf8').trim().split('\n').length, 2);
  });

  it('records and replays llm/batch answers one by one', async () => {
    online();
    await fake.enqueue({ kind: 'text', echo: true }, { kind: 'text', echo: true });
    const ask = thunk(() => c('llm/batch', ['x', 'y']));
    assert.deepEqual(c('llm/with-cassette', 'batch.jsonl', ask), ['echo: x', 'echo: y']);
    resetLlmSession();
    assert.deepEqual(c('llm/with-cassette', 'batch.jsonl', map('mode', kw('replay')), ask), ['echo: x', 'echo: y']);
    assert.equal((await fake.requests()).length, 2);
  });

  it(':record calls the model even when the call is on the tape', async () => {
    online();
    await fake.enqueue({ kind: 'text', text: 'first' }, { kind: 'text', text: 'second' });
    const ask = thunk(() => c('llm/complete', 'q'));
    assert.equal(c('llm/with-cassette', 'rec.jsonl', ask), 'first');
    assert.equal(c('llm/with-cassette', 'rec.jsonl', map('mode', kw('record')), ask), 'second');
    assert.equal(c('llm/with-cassette', 'rec.jsonl', ask), 'second');
    assert.equal((await fake.requests()).length, 2);
  });

  it('llm/cassette-load, -save and -eject', async () => {
    online();
    await fake.enqueue({ kind: 'text', text: 'kept' });
    c('llm/cassette-load', 'manual.jsonl');
    assert.equal(c('llm/complete', 'q'), 'kept');
    assert.equal(c('llm/cassette-save'), true);
    assert.equal(c('llm/cassette-eject'), true);
    assert.equal(c('llm/cassette-eject'), false);
    assert.match(readFileSync(join(dir, 'manual.jsonl'), 'utf8'), /"text":"kept"/);
  });
});
