// The LLM layer through the real interpreter and the `sema` CLI: special forms, the
// tool loop with Sema lambdas, errors caught by try/catch, streaming to stdout, Ctrl+C.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Interpreter } from '../../src/eval/interpreter';
import { resetLlmSession, shutdownBridge } from '../../src/llm/index';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { releaseAsPrinted } from '../support/llm-fixture';
import { miniStdlib } from '../support/mini-stdlib';

const semaBin = join(__dirname, '..', '..', '..', 'bin', 'sema.js');

describe('LLM through the interpreter', () => {
  let fake: FakeApi;
  let out: string[];
  let interp: Interpreter;
  const run = (src: string): string => printValue(interp.evalString(src));

  before(async () => {
    fake = await FakeApi.start('anthropic');
  });
  after(async () => {
    await fake.close();
    await shutdownBridge();
  });
  beforeEach(async () => {
    await fake.reset();
    resetLlmSession();
    process.env['ANTHROPIC_API_KEY'] = 'sk-test';
    process.env['ANTHROPIC_BASE_URL'] = fake.url;
    out = [];
    interp = new Interpreter({ modules: [miniStdlib], stdout: (s) => out.push(s) });
  });

  it('runs the deftool example: the model calls the Sema handler and gets its result', async () => {
    await fake.enqueue(
      { kind: 'tool', calls: [{ id: 'tu_1', name: 'lookup-capital', input: { country: 'Norway' } }] },
      { kind: 'text', text: 'Oslo is the capital of Norway.' },
    );
    const answer = run(`
      (deftool lookup-capital
        "Look up the capital of a country"
        {:country {:type :string :description "Country name"}}
        (lambda (country)
          (cond
            ((= country "Norway") "Oslo")
            ((= country "France") "Paris")
            (else "Unknown"))))
      (llm/chat
        (list (message :user "What is the capital of Norway?"))
        {:tools (list lookup-capital) :max-tokens 100})`);
    assert.equal(answer, '"Oslo is the capital of Norway."');
    const second = (await fake.requests())[1]!.body['messages'] as { content: { type: string; content?: string }[] }[];
    assert.equal(second[2]!.content[0]!.content, 'Oslo');
    assert.equal(run('lookup-capital'), '<tool lookup-capital>');
  });

  it('builds prompts with the special form and sends them', async () => {
    await fake.enqueue({ kind: 'text', text: 'Looks good.' });
    const answer = run(`
      (define template (prompt (system "You are a {{role}}.") (user "Review: " "{{code}}")))
      (define ready (prompt/fill template {:role "reviewer" :code "(+ 1 2)"}))
      (llm/send ready {:max-tokens 300})`);
    assert.equal(answer, '"Looks good."');
    const body = (await fake.last()).body;
    assert.equal(body['system'], 'You are a reviewer.');
    assert.deepEqual(body['messages'], [{ role: 'user', content: [{ type: 'text', text: 'Review: (+ 1 2)' }] }]);
  });

  it('an API failure is caught by try/catch with its :type', async () => {
    await fake.enqueue({ kind: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' });
    const caught = run(`(try (llm/complete "hi") (catch e (list (:type e) (:message e))))`);
    assert.equal(caught, '(:llm/auth "llm/complete: Anthropic rejected the API key (HTTP 401): invalid x-api-key")');
  });

  it('llm/stream writes chunks to the interpreter output one by one', async () => {
    await fake.enqueue({ kind: 'text', chunks: ['Hel', 'lo'] });
    assert.equal(run('(llm/stream "Say hello")'), '"Hello"');
    assert.deepEqual(out, ['Hel', 'lo', '\n']);
  });
});

describe('providers written in Sema', () => {
  beforeEach(() => {
    delete process.env['ANTHROPIC_API_KEY'];
    resetLlmSession();
  });
  const fresh = (): Interpreter => new Interpreter({ stdout: () => {} });

  it('the echo and mock examples work, streams get one chunk', () => {
    const interp = fresh();
    const run = (src: string): string => printValue(interp.evalString(src));
    assert.equal(
      run(`(llm/define-provider :echo
             {:complete (fn (req) (string-append "Echo: " (:content (last (:messages req)))))
              :default-model "echo-v1"})`),
      ':echo',
    );
    assert.equal(run('(llm/complete "hello")'), '"Echo: hello"');
    assert.equal(run('(llm/current-provider)'), '{:model "echo-v1" :name :echo}');
    assert.equal(run('(define seen (list)) (llm/stream "hi" (fn (c) (set! seen (cons c seen)))) seen'), '("Echo: hi")');
    run(`(define responses (list "First response" "Second response"))
         (define call-count 0)
         (llm/define-provider :mock
           {:complete (fn (req)
              (let ((i call-count)) (set! call-count (+ i 1)) (nth responses (mod i (length responses)))))
            :default-model "mock-v1"})`);
    assert.equal(run('(list (llm/complete "anything") (llm/complete "anything") (llm/complete "anything"))'), '("First response" "Second response" "First response")');
    assert.equal(run('(llm/set-default :echo) (llm/complete "back")'), '"Echo: back"');
  });

  it('sees the request fields and can drive the tool loop with :tool-calls', () => {
    const interp = fresh();
    const run = (src: string): string => printValue(interp.evalString(src));
    run(`(define requests (list))
         (llm/define-provider :scripted
           {:complete (fn (req)
              (set! requests (append requests (list req)))
              (if (= (length (:messages req)) 1)
                  {:content "" :tool-calls (list {:id "c1" :name "double" :arguments {:n 21}}) :usage {:prompt-tokens 5 :completion-tokens 2}}
                  {:content (string-append "Result: " (:content (last (:messages req)))) :model "scripted-1"}))})
         (deftool double "Double a number" {:n {:type :integer}} (fn (n) (* n 2)))`);
    assert.equal(run('(llm/chat (list (message :system "Be exact.") (message :user "Double 21")) {:tools [double] :max-tokens 50 :temperature 0.5})'), '"Result: 42"');
    assert.equal(run('(:system (first requests))'), '"Be exact."');
    assert.equal(run('(:max-tokens (first requests))'), '50');
    assert.equal(run('(:temperature (first requests))'), '0.5');
    assert.equal(run('(:name (first (:tools (first requests))))'), '"double"');
    assert.equal(run('(map (fn (m) (:role m)) (:messages (nth requests 1)))'), '("user" "assistant" "tool")');
    assert.equal(run('(:model (llm/last-usage))'), '"scripted-1"');
    assert.equal(run('(:prompt-tokens (llm/session-usage))'), '5');
  });

  it('reports bad definitions and bad answers clearly', () => {
    const interp = fresh();
    assert.throws(() => interp.evalString('(llm/define-provider :x {:default-model "m"})'), /llm\/define-provider: requires a :complete function/);
    interp.evalString('(llm/define-provider :bad {:complete (fn (req) 42)})');
    assert.throws(() => interp.evalString('(llm/complete "x")'), /llm\/complete: provider :bad returned int; expected a string or a response map/);
  });
});

describe('LLM through the sema CLI', () => {
  let fake: FakeApi;
  let dir: string;
  before(async () => {
    fake = await FakeApi.start('anthropic');
    dir = mkdtempSync(join(tmpdir(), 'sema-llm-cli-'));
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sema FILE: llm/stream chunks reach stdout one by one, before the response ends', async () => {
    // Each chunk is sent only once the previous one has reached this process's stdout pipe.
    const chunks = ['Once ', 'upon ', 'a time.'];
    await fake.enqueue({ kind: 'text', chunks, gated: true });
    const file = join(dir, 'stream.sema');
    writeFileSync(file, '(llm/stream "Tell me a story")\n');
    const proc = spawn(process.execPath, [semaBin, file], {
      env: { ...process.env, ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: fake.url },
    });
    const { code, out } = await releaseAsPrinted(proc, fake, chunks);
    assert.equal(code, 0);
    assert.equal(out, 'Once upon a time.\n');
  });

  it('SEMA_LLM_CASSETTE replays a whole run with no key and no code change', async () => {
    const tape = join(__dirname, '..', '..', '..', '..', 'test-workspace', 'llm', 'cassettes', 'complete.jsonl');
    const env: NodeJS.ProcessEnv = { ...process.env, SEMA_LLM_CASSETTE: tape, SEMA_LLM_CASSETTE_MODE: 'replay' };
    delete env['ANTHROPIC_API_KEY'];
    const proc = spawn(process.execPath, [semaBin, '-p', '(llm/complete "Say hello in 5 words" {:max-tokens 50})'], { env });
    let stdout = '';
    proc.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    const code = await new Promise((resolve) => proc.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(stdout, '"Hello there, nice to meet you!"\n');
  });

  it('Ctrl+C during a stream aborts the request; printed text stays; "Interrupted"', async () => {
    await fake.enqueue({ kind: 'text', chunks: ['Once upon ', 'never'], stallAfter: 1 });
    const file = join(dir, 'story.sema');
    writeFileSync(file, '(llm/stream "Tell me a story" {:max-tokens 200})\n');
    const proc = spawn(process.execPath, [semaBin, file], {
      env: { ...process.env, ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: fake.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    await new Promise<void>((resolve) =>
      proc.stdout.setEncoding('utf8').on('data', (s: string) => {
        stdout += s;
        if (stdout.includes('Once upon')) resolve();
      }),
    );
    const sentAt = Date.now();
    proc.kill('SIGINT');
    await new Promise((resolve) => proc.on('close', resolve));
    assert.ok(Date.now() - sentAt < 10_000, 'stopped promptly, not at the 60 s idle timeout');
    assert.equal(stdout.startsWith('Once upon '), true);
    assert.match(stderr, /Interrupted/);
    assert.doesNotMatch(stderr, /at .*\.js:\d+/, 'no JS stack trace');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await fake.last()).clientClosed, true, 'the HTTP request was aborted');
  });
});
