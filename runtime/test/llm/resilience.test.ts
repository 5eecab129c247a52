// The response cache (memory and ~/.sema/cache/llm under a scratch HOME), fallback
// chains across two fake APIs (Anthropic and OpenAI-compatible), rate limiting and
// pricing status, through the interpreter.

import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { SemaError } from '../../src/eval/errors';
import { Interpreter } from '../../src/eval/interpreter';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { resetLlmSession } from '../../src/llm/index';
import { errorOf, useFakeApi } from '../support/llm-fixture';

describe('LLM resilience: cache, fallback, rate limit', () => {
  let fake: FakeApi;
  let backup: FakeApi;
  let interp: Interpreter;
  let errors: string[];
  let home: string;
  const savedHome = process.env['HOME'];
  const run = (src: string): string => printValue(interp.evalString(src));
  const failure = (src: string): SemaError => errorOf(() => interp.evalString(src));
  const cacheFiles = (): string[] => {
    const dir = join(home, '.sema', 'cache', 'llm');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  useFakeApi('anthropic', (f) => (fake = f));
  before(async () => {
    backup = await FakeApi.start('openai');
  });
  after(async () => {
    await backup.close();
    if (savedHome === undefined) delete process.env['HOME'];
    else process.env['HOME'] = savedHome;
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  beforeEach(async () => {
    await backup.reset();
    home = mkdtempSync(join(tmpdir(), 'sema-home-'));
    process.env['HOME'] = home;
    errors = [];
    interp = new Interpreter({ stdout: () => {}, stderr: (s) => errors.push(s) });
    run(`(llm/configure :anthropic {:api-key "sk-test" :base-url "${fake.url}" :max-retries 0})`);
  });

  it('serves a repeated call from the cache with zero usage, and stores it on disk', async () => {
    await fake.enqueue({ kind: 'text', text: '4', usage: { input: 12, output: 3 } });
    const stats = run(`(llm/with-cache (lambda ()
      (llm/complete "what is 2+2?")
      (llm/complete "what is 2+2?")
      (llm/cache-stats)))`);
    assert.equal(stats, '{:hits 1 :misses 1 :size 1}');
    assert.equal((await fake.requests()).length, 1);
    assert.equal(run('(:total-tokens (llm/last-usage))'), '0');
    assert.equal(run('(:total-tokens (llm/session-usage))'), '15');
    const key = run('(llm/cache-key "what is 2+2?")').replace(/"/g, '');
    assert.deepEqual(cacheFiles(), [`${key}.json`]);
    const entry = JSON.parse(readFileSync(join(home, '.sema', 'cache', 'llm', `${key}.json`), 'utf8'));
    assert.equal(entry.content, '4');
    assert.equal(entry.prompt_tokens, 12);
    // Outside the scope nothing is cached: this goes to the model.
    await fake.enqueue({ kind: 'text', text: 'live' });
    assert.equal(run('(llm/complete "what is 2+2?")'), '"live"');
  });

  it('a later session reads the disk entry; an expired one is asked again', async () => {
    await fake.enqueue({ kind: 'text', text: 'first' });
    run('(llm/with-cache (lambda () (llm/complete "hi")))');
    resetLlmSession();
    run(`(llm/configure :anthropic {:api-key "sk-test" :base-url "${fake.url}" :max-retries 0})`);
    assert.equal(run('(llm/with-cache (lambda () (llm/complete "hi")))'), '"first"');
    assert.equal((await fake.requests()).length, 1);
    const [file] = cacheFiles();
    const path = join(home, '.sema', 'cache', 'llm', file!);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), cached_at: 1 }));
    resetLlmSession();
    run(`(llm/configure :anthropic {:api-key "sk-test" :base-url "${fake.url}" :max-retries 0})`);
    await fake.enqueue({ kind: 'text', text: 'fresh' });
    assert.equal(run('(llm/with-cache {:ttl 60} (lambda () (llm/complete "hi")))'), '"fresh"');
  });

  it('keys on model, temperature and system, not on max-tokens; streams are never cached', async () => {
    await fake.enqueue({ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' }, { kind: 'text', text: 'c' }, { kind: 'text', text: 'd' });
    const answers = run(`(llm/with-cache (lambda ()
      (list (llm/complete "q" {:max-tokens 10})
            (llm/complete "q" {:max-tokens 20})
            (llm/complete "q" {:temperature 0.5})
            (llm/complete "q" {:system "be brief"})
            (llm/stream "q" (fn (c) c)))))`);
    assert.equal(answers, '("a" "a" "b" "c" "d")');
    assert.notEqual(run('(llm/cache-key "q" {:temperature 0.5})'), run('(llm/cache-key "q")'));
    assert.equal(run('(llm/cache-key "hello" {:model "gpt-4" :temperature 0.5})'), '"a0eecc6691dc69bf045fa9c5f8b4a1d2037f1cc3875a60ee9b24fa4638916263"');
    assert.match(failure('(llm/cache-key "q" {:max-tokens 5})').message, /option :max-tokens is not supported here; allowed options: :model, :temperature, :system$/);
  });

  it('llm/cache-clear empties memory and the folder; cassettes bypass the cache', async () => {
    await fake.enqueue({ kind: 'text', text: 'x' });
    run('(llm/with-cache (lambda () (llm/complete "one")))');
    assert.equal(cacheFiles().length, 1);
    assert.equal(run('(llm/cache-clear)'), '1');
    assert.deepEqual(cacheFiles(), []);
    assert.equal(run('(llm/cache-stats)'), '{:hits 0 :misses 0 :size 0}');
    const tape = join(home, 'tape.jsonl');
    await fake.enqueue({ kind: 'text', text: 'taped' });
    run(`(llm/with-cache (lambda () (llm/with-cassette ${JSON.stringify(tape)} (lambda () (llm/complete "two")))))`);
    assert.equal(run('(llm/cache-stats)'), '{:hits 0 :misses 0 :size 0}');
    assert.match(failure('(llm/with-cache {:tll 5} (lambda () 1))').message, /unknown option :tll \(did you mean :ttl\?\); allowed options: :ttl$/);
  });

  it('falls back to the next provider, with that provider\'s model, and notes the failure', async () => {
    run(`(llm/configure :backup {:base-url "${backup.url}/v1" :default-model "backup-model" :max-retries 0})`);
    run('(llm/set-default :anthropic)');
    await fake.enqueue({ kind: 'error', status: 500, message: 'Internal error' });
    await backup.enqueue({ kind: 'text', text: 'from backup' });
    assert.equal(run('(llm/with-fallback [:anthropic :backup] (lambda () (llm/complete "Hello")))'), '"from backup"');
    assert.equal((await backup.last()).body['model'], 'backup-model');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^Provider 'anthropic' failed: llm\/complete: .*HTTP 500.*, trying next\.\.\.\n$/);
    // Pair and map entries pin a model per provider; it wins over the call's :model.
    await fake.enqueue({ kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' });
    await backup.enqueue({ kind: 'text', text: 'ok' });
    run('(llm/with-fallback [[:anthropic "claude-opus-4-8"] {:provider :backup :model "gpt-x"}] (lambda () (llm/complete "Hi" {:model "pinned"})))');
    assert.equal((await fake.last()).body['model'], 'claude-opus-4-8');
    assert.equal((await backup.last()).body['model'], 'gpt-x');
  });

  it('raises the last failure when every provider fails, catchable', async () => {
    run(`(llm/configure :backup {:base-url "${backup.url}/v1" :max-retries 0})`);
    await fake.enqueue({ kind: 'error', status: 500, message: 'Internal error' });
    await backup.enqueue({ kind: 'error', status: 401, message: 'bad key' });
    const e = failure('(llm/with-fallback [:anthropic :backup] (lambda () (llm/complete "x")))');
    assert.equal(e.type, 'llm/auth');
    assert.equal(run('(try (llm/with-fallback [:nowhere] (lambda () (llm/complete "x"))) (catch e (:type e)))'), ':llm/config');
    assert.match(errors.at(-1)!, /fallback provider :nowhere is not configured \(configured: :anthropic, :backup\)/);
    assert.match(failure('(llm/with-fallback [{:provider :a :modle "m"}] (lambda () 1))').message, /chain entry 1: unknown key :modle; allowed keys: :provider, :model/);
    assert.match(failure('(llm/with-fallback [42] (lambda () 1))').message, /chain entry 1 must be a provider keyword/);
  });

  it('a stream falls over only before its first chunk', async () => {
    run(`(llm/configure :backup {:base-url "${backup.url}/v1" :max-retries 0})`);
    await fake.enqueue({ kind: 'error', status: 500, message: 'Internal error' });
    await backup.enqueue({ kind: 'text', chunks: ['b1', 'b2'] });
    assert.equal(run('(llm/with-fallback [:anthropic :backup] (lambda () (llm/stream "x" (fn (c) c))))'), '"b1b2"');
    await fake.enqueue({ kind: 'text', chunks: ['a1', 'a2'], cutAfter: 1 });
    const e = failure('(llm/with-fallback [:anthropic :backup] (lambda () (llm/stream "x" (fn (c) c))))');
    assert.equal(e.type, 'llm/stream-interrupted');
    assert.equal((await backup.requests()).length, 1);
  });

  it('llm/with-rate-limit spaces requests; llm/extract asks OpenAI for a JSON object', async () => {
    run(`(llm/configure :backup {:base-url "${backup.url}/v1" :max-retries 0})`);
    await backup.enqueue({ kind: 'text', text: '{"a": "1"}' }, { kind: 'text', text: '{"a": "2"}' });
    const started = Date.now();
    run('(llm/with-rate-limit 10 (lambda () (llm/extract {:a {:type :string}} "x") (llm/extract {:a {:type :string}} "y")))');
    assert.ok(Date.now() - started >= 90, 'the second request waited for its slot');
    assert.deepEqual((await backup.last()).body['response_format'], { type: 'json_object' });
    assert.match(failure('(llm/with-rate-limit "fast" (lambda () 1))').message, /expected positive number \(requests per second\), got string/);
  });

  it('llm/pricing-status names the built-in price list', () => {
    assert.match(run('(llm/pricing-status)'), /^\{:source "embedded" :updated-at "\d{4}-\d{2}-\d{2}"\}$/);
  });
});

