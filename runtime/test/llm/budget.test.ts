// Budgets: cost and token limits, session-wide and scoped, for plain calls and streams.

import { strict as assert } from 'node:assert';
import { beforeEach, describe, it } from 'node:test';
import { Float, type Value } from '../../src/eval/values';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';
import { call, kw, lambda, makeCtx, map } from '../support/fake-ctx';

describe('budgets', () => {
  let fake: FakeApi;
  let ctx: ReturnType<typeof makeCtx>;
  const c = (name: string, ...args: Value[]): Value => call(ctx, name, ...args);
  // $1 per million input and output tokens: 1000 tokens cost $0.001.
  const thousandTokens = { kind: 'text', text: 'ok', usage: { input: 600, output: 400 } } as const;

  useFakeApi('anthropic', (f) => (fake = f));
  beforeEach(async () => {
    ctx = makeCtx();
    c('llm/configure', kw('anthropic'), map('api-key', 'k', 'base-url', fake.url, 'max-retries', 0, 'default-model', 'priced'));
    c('llm/set-pricing', 'priced', new Float(1.0), new Float(1.0));
  });

  it('a cost budget fails the call that crosses it and refuses the next', async () => {
    assert.equal(c('llm/budget-remaining'), null);
    c('llm/set-budget', new Float(0.0015));
    await fake.enqueue(thousandTokens, thousandTokens);
    c('llm/complete', 'one');
    assert.equal(printValue(c('llm/budget-remaining')), '{:limit 0.0015 :remaining 0.0005 :spent 0.001}');
    let e = errorOf(() => c('llm/complete', 'two'));
    assert.equal(e.type, 'llm/budget');
    assert.equal(e.message, 'llm/complete: budget exceeded: spent $0.0020 of $0.0015 limit');
    e = errorOf(() => c('llm/complete', 'three'));
    assert.match(e.message, /already spent$/);
    assert.equal((await fake.requests()).length, 2, 'the third call was never sent');
    c('llm/clear-budget');
    await fake.enqueue(thousandTokens);
    assert.equal(c('llm/complete', 'four'), 'ok');
  });

  it('llm/with-budget scopes a token budget and restores the outer one', async () => {
    c('llm/set-budget', new Float(5));
    await fake.enqueue(thousandTokens, thousandTokens);
    const e = errorOf(() =>
      c('llm/with-budget', map('max-tokens', 1500), lambda([], () => {
        c('llm/complete', 'a');
        assert.match(printValue(c('llm/budget-remaining')), /:token-limit 1500 :tokens-remaining 500 :tokens-spent 1000/);
        return c('llm/complete', 'b');
      })),
    );
    assert.equal(e.message, 'llm/complete: token budget exceeded: used 2000 of 1500 tokens');
    assert.match(printValue(c('llm/budget-remaining')), /^\{:limit 5\.0 :remaining 5\.0 :spent 0\.0\}$/);
    assert.match(errorOf(() => c('llm/with-budget', map(), lambda([], () => null))).message, /requires at least :max-cost-usd or :max-tokens/);
    assert.match(errorOf(() => c('llm/with-budget', map('max-cost', 1), lambda([], () => null))).message, /unknown option :max-cost/);
  });

  it('streams count but are only gated with :on-stream :pre-gate', async () => {
    const stream = { kind: 'text', chunks: ['s'], usage: { input: 600, output: 400 } } as const;
    await fake.enqueue(stream, stream, stream);
    const result = c('llm/with-budget', map('max-tokens', 500), lambda([], () => {
      c('llm/stream', 'a', lambda(['x'], () => null));
      return c('llm/stream', 'b', lambda(['x'], () => null));
    }));
    assert.equal(result, 's', 'streams are not stopped by default');
    const e = errorOf(() =>
      c('llm/with-budget', map('max-tokens', 500, 'on-stream', kw('pre-gate')), lambda([], () => {
        c('llm/stream', 'a', lambda(['x'], () => null));
        return c('llm/stream', 'b', lambda(['x'], () => null));
      })),
    );
    assert.match(e.message, /token budget exceeded: 1000 of 500 tokens already used \(stream not opened\)/);
  });

  it('warns once when a cost budget meets a model without a price', async () => {
    const errs: string[] = [];
    const interp = { writeOut: () => {}, writeErr: (t: string) => errs.push(t), currentFile: undefined, interrupted: () => false };
    ctx = makeCtx(interp);
    c('llm/set-budget', new Float(1));
    await fake.enqueue({ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' });
    c('llm/complete', 'x', map('model', 'mystery'));
    c('llm/complete', 'y', map('model', 'mystery'));
    assert.deepEqual(errs, ["Warning: pricing unknown for model 'mystery'; budget enforcement is best-effort (see llm/set-pricing)\n"]);
  });
});
