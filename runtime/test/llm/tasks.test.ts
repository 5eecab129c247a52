// llm/extract (validation, re-asking), llm/classify, llm/extract-from-image,
// llm/summarize and llm/compare through the interpreter against the fake Anthropic API,
// inspecting what each sends.

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SemaError } from '../../src/eval/errors';
import { Interpreter } from '../../src/eval/interpreter';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];

describe('LLM tasks: extract, classify, summarize, compare', () => {
  let fake: FakeApi;
  let interp: Interpreter;
  let dir: string;
  const run = (src: string): string => printValue(interp.evalString(src));
  const failure = (src: string): SemaError => errorOf(() => interp.evalString(src));
  const body = async (i = -1): Promise<Record<string, unknown>> => (await fake.requests()).at(i)!.body;

  useFakeApi('anthropic', (f) => (fake = f));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sema-tasks-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    interp = new Interpreter({ stdout: () => {}, stderr: () => {} });
    run(`(llm/configure :anthropic {:api-key "sk-test" :base-url "${fake.url}" :max-retries 0})`);
  });

  it('llm/extract sends the schema as the instruction and returns a keyword map', async () => {
    await fake.enqueue({ kind: 'text', text: '{"vendor": "Blue Bottle", "amount": 4.5, "date": "2025-01-15"}' });
    const result = run(`(llm/extract {:vendor {:type :string} :amount {:type :number} :date {:type :string}}
                          "I bought coffee for $4.50 at Blue Bottle on Jan 15, 2025" {:model "claude-haiku-4-5-20251001"})`);
    assert.equal(result, '{:amount 4.5 :date "2025-01-15" :vendor "Blue Bottle"}');
    const sent = await body();
    assert.equal(sent['model'], 'claude-haiku-4-5-20251001');
    assert.equal(
      sent['system'],
      'Extract structured data from the text. Respond with ONLY a JSON object matching this schema:\n' +
        '{\n  "amount": <number>,\n  "date": <string>,\n  "vendor": <string>\n}\nDo not include any other text.',
    );
    assert.deepEqual(sent['messages'], [{ role: 'user', content: [{ type: 'text', text: 'I bought coffee for $4.50 at Blue Bottle on Jan 15, 2025' }] }]);
  });

  it('accepts a fenced reply, optional fields and bare type hints', async () => {
    await fake.enqueue({ kind: 'text', text: '```json\n{"name": "Ada Lovelace", "age": "unknown"}\n```' });
    assert.equal(run('(llm/extract {:name {:type :string} :nickname {:type :string :optional #t} :age :number} "Her name is Ada Lovelace.")'),
      '{:age "unknown" :name "Ada Lovelace"}');
    assert.match(String((await body())['system']), /"age": <number>/);
  });

  it('asks again with the problems, then succeeds', async () => {
    await fake.enqueue({ kind: 'text', text: '{"age": -5}' }, { kind: 'text', text: '{"age": 30}' });
    assert.equal(run('(llm/extract {:age {:type :number :validate (fn (n) (>= n 0)) :message "age must be between 0 and 150"}} "She is 30.")'), '{:age 30}');
    const second = String((await body(1))['system']);
    assert.match(second, /^Your previous response did not match the required schema\./);
    assert.match(second, /Previous response:\n```json\n\{"age": -5\}\n```/);
    assert.match(second, /Validation errors:\nkey age: age must be between 0 and 150/);
    assert.equal((await fake.requests()).length, 2);
  });

  it('gives up after :retries with a catchable :llm/extraction error', async () => {
    await fake.enqueue({ kind: 'text', text: '{"name": 7}' }, { kind: 'text', text: '{"other": 1}' });
    const e = failure('(llm/extract {:name {:type :string} :n {:type :number :validate positive?}} "x" {:retries 1 :reask? #f})');
    assert.equal(e.type, 'llm/extraction');
    assert.equal(e.message, 'llm/extract: extraction validation failed after 2 attempt(s): missing key: n; missing key: name');
    assert.match(String((await body(1))['system']), /Your previous response had validation errors: missing key: n; key name: expected string, got int\. Please fix\.$/);
    await fake.enqueue({ kind: 'text', text: '{"n": -1}' });
    assert.equal(failure('(llm/extract {:n {:type :number :validate positive?}} "x" {:retries 0})').message,
      'llm/extract: extraction validation failed after 1 attempt(s): key n: custom validation failed for value -1');
    await fake.enqueue({ kind: 'text', text: '{"n": "x"}' });
    assert.equal(run(`(try (llm/extract {:n {:type :number}} "x" {:retries 0}) (catch e (:type e)))`), ':llm/extraction');
  });

  it(':validate #f returns whatever JSON came back; a non-JSON reply is :llm/invalid-response', async () => {
    await fake.enqueue({ kind: 'text', text: '[1, 2]' }, { kind: 'text', text: 'Sorry, I cannot help.' });
    assert.equal(run('(llm/extract {:a {:type :string}} "x" {:validate #f})'), '(1 2)');
    const e = failure('(llm/extract {:a {:type :string}} "x")');
    assert.equal(e.type, 'llm/invalid-response');
    assert.match(e.message, /^llm\/extract: failed to parse LLM JSON response: .*\nResponse was: Sorry, I cannot help\.$/);
  });

  it('checks the schema and options before sending anything', async () => {
    assert.match(failure('(llm/extract [:a] "x")').message, /llm\/extract: expected schema map/);
    assert.match(failure('(llm/extract {:a {:type :string :validate 3}} "x")').message, /field :a: :validate must be a function, got int/);
    assert.match(failure('(llm/extract {:a {:type :string}} "x" {:retries -1})').message, /option :retries must be a non-negative integer, got -1/);
    assert.match(failure('(llm/extract {:a {:type :string}} "x" {:system "y"})').message,
      /option :system is not supported here; allowed options: :model, :max-tokens, :temperature, :reasoning-effort, :timeout, :validate, :retries, :reask\?/);
    assert.match(failure('(llm/classify (list :a) "x" {:retries 2})').message, /llm\/classify: unknown option :retries/);
    assert.equal((await fake.requests()).length, 0);
  });

  it('llm/classify returns the matching keyword, or the answer as a string', async () => {
    await fake.enqueue({ kind: 'text', text: ' positive\n' }, { kind: 'text', text: 'ham' });
    assert.equal(run('(llm/classify (list :positive :negative :neutral) "This product is amazing!")'), ':positive');
    assert.equal((await body())['system'],
      'Classify the following text into exactly one of these categories: positive, negative, neutral\nRespond with ONLY the category name, nothing else.');
    assert.equal(run('(llm/classify ["spam" "ham"] "Lunch at noon?")'), '"ham"');
    assert.match(failure('(llm/classify () "x")').message, /expected non-empty list or vector of labels/);
  });

  it('llm/extract-from-image sends the image first, from bytes or a file', async () => {
    await fake.enqueue({ kind: 'text', text: '{"text": "Sema"}' }, { kind: 'text', text: '{"text": "file"}' });
    assert.equal(run(`(llm/extract-from-image {:text :string} (bytevector ${PNG.join(' ')}))`), '{:text "Sema"}');
    const [msg] = (await body())['messages'] as { content: { type: string; source?: { media_type: string; data: string }; text?: string }[] }[];
    assert.equal(msg!.content[0]!.type, 'image');
    assert.equal(msg!.content[0]!.source!.media_type, 'image/png');
    assert.equal(msg!.content[0]!.source!.data, Buffer.from(PNG).toString('base64'));
    assert.equal(msg!.content[1]!.text, 'Extract the requested data from this image. Respond in JSON.');
    assert.match(String((await body())['system']), /^Extract structured data from the image\./);
    const file = join(dir, 'logo.png');
    writeFileSync(file, Buffer.from(PNG));
    assert.equal(run(`(llm/extract-from-image {:text :string} ${JSON.stringify(file)})`), '{:text "file"}');
    assert.equal(failure('(llm/extract-from-image {:a :string} (bytevector 1 2 3))').type, 'llm/unsupported-media');
    const missing = failure(`(llm/extract-from-image {:a :string} ${JSON.stringify(join(dir, 'nope.png'))})`);
    assert.match(missing.message, /llm\/extract-from-image: .*nope\.png: /);
    assert.match(failure('(llm/extract-from-image {:a :string} 42)').message, /expected string path or bytevector, got int/);
  });

  it('llm/summarize and llm/compare send their instructions', async () => {
    await fake.enqueue({ kind: 'text', text: '- short' });
    assert.equal(run('(llm/summarize "Long text" {:style :bullet-points :max-length 20 :max-tokens 200})'), '"- short"');
    let sent = await body();
    assert.equal(sent['system'], 'Summarize the following text. Use bullet points. Keep the summary under 20 words.');
    assert.equal(sent['max_tokens'], 200);
    await fake.enqueue({ kind: 'text', text: '{"similarity": 0.8, "differences": ["tense"], "summary": "close"}' });
    assert.equal(run('(llm/compare "The cat sat." "A cat was sitting.")'), '{:differences ("tense") :similarity 0.8 :summary "close"}');
    sent = await body();
    assert.match(String(sent['system']), /^Compare the following two texts\. Respond with ONLY a JSON object/);
    assert.deepEqual(sent['messages'], [{ role: 'user', content: [{ type: 'text', text: 'Text A:\nThe cat sat.\n\nText B:\nA cat was sitting.' }] }]);
    await fake.enqueue({ kind: 'text', text: 'They are similar.' });
    assert.match(failure('(llm/compare "a" "b")').message, /^llm\/compare: failed to parse comparison JSON: /);
  });

  it('HTTP faults surface as the usual :llm/... errors', async () => {
    await fake.enqueue({ kind: 'error', status: 529, errorType: 'overloaded_error', message: 'Overloaded' });
    const e = failure('(llm/summarize "x")');
    assert.equal(e.type, 'llm/overloaded');
    assert.doesNotMatch(e.message, /\{|at .*\.js/);
  });
});
