// The workflow runtime against the fake Anthropic API: the journal a run writes, resume
// skipping completed steps, budget caps, failing steps, and the `{:status ...}` envelope.

import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Interpreter } from '../../src/eval/interpreter';
import { printValue } from '../../src/reader/printer';
import { FakeApi } from '../support/fake-host';
import { errorOf, useFakeApi } from '../support/llm-fixture';

const SEAMS = ['SEMA_WORKFLOW_RUN_DIR', 'SEMA_WORKFLOW_RUN_ID', 'SEMA_WORKFLOW_FIXED_TS', 'SEMA_WORKFLOW_RESUME', 'SEMA_WORKFLOW_ARGS_JSON', 'SEMA_WORKFLOW_CODE_VERSION'];

type Event = Record<string, unknown> & { event: string };

describe('workflow runs', () => {
  let fake: FakeApi;
  let interp: Interpreter;
  let root: string;
  const run = (src: string): string => printValue(interp.evalString(src));
  const events = (id: string, file = 'events.jsonl'): Event[] =>
    readFileSync(join(root, id, file), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Event);
  const reply = (text: string, input = 10, output = 5) => ({ kind: 'text', text, usage: { input, output } }) as const;

  useFakeApi('anthropic', (f) => (fake = f));
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'sema-wf-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    process.env['SEMA_WORKFLOW_RUN_DIR'] = root;
    process.env['SEMA_WORKFLOW_FIXED_TS'] = '0';
    interp = new Interpreter({ stdout: () => {}, stderr: () => {} });
    run(`(llm/configure :anthropic {:api-key "k" :base-url "${fake.url}" :max-retries 0 :default-model "priced"})`);
    run('(llm/set-pricing "priced" 1.0 1.0)');
  });
  afterEach(() => {
    for (const s of SEAMS) delete process.env[s];
  });

  it('journals phases, steps, checkpoints and budget events in order', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'journal';
    process.env['SEMA_WORKFLOW_ARGS_JSON'] = '{"topic":"rust"}';
    await fake.enqueue(reply('two files'));
    const v = run(`(defworkflow audit "Audit." {:phases ["Scan" "Report"] :budget {:tokens 1000}}
      (phase "Scan")
      (define files (checkpoint :files (list "a.php" "b.php")))
      (phase "Report")
      (define summary (step "Summarize." {:name "reporter"}))
      {:status :success :n (count (checkpoint :files)) :summary summary})`);
    assert.equal(v, '{:n 2 :status :success :summary "two files"}');
    const evs = events('journal');
    assert.deepEqual(evs.map((e) => e.event), ['run.started', 'phase.started', 'checkpoint', 'phase.ended', 'phase.started', 'agent.started', 'agent.result', 'budget', 'phase.ended', 'run.ended']);
    assert.deepEqual(evs.map((e) => e['seq']), [...evs.keys()]);
    assert.deepEqual(evs[0], { event: 'run.started', seq: 0, ts: '0', workflow: 'audit', run_id: 'journal', args_json: '{"topic":"rust"}', phases: ['Scan', 'Report'] });
    assert.equal(evs[2]!['key'], 'files');
    assert.equal(evs[2]!['phase_seq'], 1);
    assert.equal(evs[2]!['value'], '("a.php" "b.php")');
    assert.match(String(evs[2]!['content_key']), /^[0-9a-f]{16}_0$/);
    assert.deepEqual(evs[5], { event: 'agent.started', seq: 5, ts: '0', agent_id: 'reporter_1', agent_name: 'reporter', prompt: 'Summarize.' });
    assert.deepEqual(evs[6], { event: 'agent.result', seq: 6, ts: '0', agent_id: 'reporter_1', status: 'ok', output: '"two files"', dur_ms: 0, model: 'priced' });
    assert.deepEqual(evs[7], { event: 'budget', seq: 7, ts: '0', agent_id: 'reporter_1', phase_seq: 4, input_tokens: 10, output_tokens: 5, cost_usd: 0.000015, budget_limit: 1000 });
    assert.deepEqual(evs[9], { event: 'run.ended', seq: 9, ts: '0', status: 'success', dur_ms: 0 });
    const result = JSON.parse(readFileSync(join(root, 'journal', 'result.json'), 'utf8'));
    assert.deepEqual(result, { n: 2, status: 'success', summary: 'two files' });
    const meta = JSON.parse(readFileSync(join(root, 'journal', 'metadata.json'), 'utf8'));
    assert.equal(meta.workflow, 'audit');
    assert.deepEqual(meta.meta.phases, ['Scan', 'Report']);
    assert.equal(readdirSync(join(root, 'journal', 'memo')).length, 2, 'one memo per leaf');
  });

  it('wraps a plain last value and closes the last phase', () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'plain';
    assert.equal(run('(defworkflow w "d" {} (phase "Only") (+ 1 2))'), '{:status :success :value 3}');
    assert.deepEqual(events('plain').map((e) => e.event), ['run.started', 'phase.started', 'phase.ended', 'run.ended']);
  });

  it('resume replays memoized steps without calling the model; a deleted memo re-runs', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'resume';
    const src = `(defworkflow r "d" {}
      (phase "A")
      (define xs (checkpoint :xs (begin (set! side (+ side 1)) (list 1 2))))
      (define a (step "first" {:name "s"}))
      (define b (step "second" {:name "s"}))
      {:status :success :a a :b b :side side})`;
    run('(define side 0)');
    await fake.enqueue(reply('A1'), reply('B1'));
    assert.equal(run(src), '{:a "A1" :b "B1" :side 1 :status :success}');
    assert.equal((await fake.requests()).length, 2);

    process.env['SEMA_WORKFLOW_RESUME'] = '1';
    assert.equal(run(src), '{:a "A1" :b "B1" :side 1 :status :success}', 'everything replayed, the checkpoint not re-evaluated');
    assert.equal((await fake.requests()).length, 2, 'no new request');
    assert.deepEqual(events('resume', 'events.resume-1.jsonl').map((e) => e.event), ['run.started', 'phase.started', 'phase.ended', 'run.ended']);

    // Delete the second step's memo: only that step runs again.
    const memo = join(root, 'resume', 'memo');
    const second = readdirSync(memo).find((f) => readFileSync(join(memo, f), 'utf8').includes('B1'))!;
    unlinkSync(join(memo, second));
    await fake.enqueue(reply('B2'));
    assert.equal(run(src), '{:a "A1" :b "B2" :side 1 :status :success}');
    assert.equal((await fake.requests()).length, 3);
    const seg = events('resume', 'events.resume-2.jsonl');
    assert.deepEqual(seg.filter((e) => e.event === 'agent.started').map((e) => e['prompt']), ['second']);
    assert.equal(seg[0]!['seq'], 0, 'each segment numbers from 0');
  });

  it('changed args change the keys: nothing replays', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'args';
    const src = '(defworkflow r "d" {} (step "q"))';
    await fake.enqueue(reply('one'), reply('two'));
    process.env['SEMA_WORKFLOW_ARGS_JSON'] = '{"n":1}';
    assert.equal(run(src), '{:status :success :value "one"}');
    process.env['SEMA_WORKFLOW_RESUME'] = '1';
    process.env['SEMA_WORKFLOW_ARGS_JSON'] = '{"n":2}';
    assert.equal(run(src), '{:status :success :value "two"}');
  });

  it('a token budget fails the run and refuses the next step', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'budget';
    await fake.enqueue(reply('big', 5000, 200), reply('never'));
    const v = run(`(defworkflow audit "cap" {:phases ["Scan" "Report"] :budget {:tokens 5000}}
      (phase "Scan")
      (def a (step "Find files." {}))
      (phase "Report")
      (def b (step "Summarize." {}))
      {:status :success :a a :b b})`);
    assert.equal(v, '{:reason "budget exceeded" :status :failed}');
    assert.equal((await fake.requests()).length, 1, 'the second step was never sent');
    const evs = events('budget');
    assert.equal(evs.filter((e) => e.event === 'agent.started').length, 1);
    const b = evs.find((e) => e.event === 'budget')!;
    assert.equal(b['input_tokens'], 5000);
    assert.equal(b['budget_limit'], 5000);
    assert.deepEqual(evs.at(-1), { event: 'run.ended', seq: evs.length - 1, ts: '0', status: 'failed', reason: 'budget exceeded', dur_ms: 0 });
    assert.equal(evs.at(-2)!['status'], 'failed', 'the open phase ends failed');
  });

  it('a usd budget counts priced calls', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'usd';
    await fake.enqueue(reply('x', 600, 400), reply('y'));
    assert.equal(run('(defworkflow u "d" {:budget {:usd 0.0005}} (step "a") (step "b") {:status :success})'), '{:reason "budget exceeded" :status :failed}');
    assert.equal((await fake.requests()).length, 1);
  });

  it('a failing step is journaled and fails the run with the error', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'fail';
    await fake.enqueue({ kind: 'error', status: 400, message: 'bad prompt' });
    const v = run('(defworkflow f "d" {} (phase "P") (step "boom" {:name "w"}) {:status :success})');
    assert.match(v, /^\{:error "LLM error: llm\/complete: .*bad prompt.*" :status :failed\}$/);
    const evs = events('fail');
    const result = evs.find((e) => e.event === 'agent.result')!;
    assert.equal(result['status'], 'failed');
    assert.match(String(result['output']), /^error: LLM error: .*bad prompt/);
    assert.deepEqual(evs.slice(-2).map((e) => [e.event, e['status'], e['reason']]), [
      ['phase.ended', 'failed', undefined],
      ['run.ended', 'failed', 'workflow body returned an error'],
    ]);
    assert.equal(existsSync(join(root, 'fail', 'memo')), false, 'a failed step is not memoized');
  });

  it('a step that throws inside parallel leaves nil in its slot', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'par';
    await fake.enqueue(reply('one'), { kind: 'error', status: 400, message: 'no' }, reply('three'));
    const v = run(`(defworkflow p "d" {}
      (parallel (list (fn () (step "1")) (fn () (step "2")) (fn () (step "3")))))`);
    assert.equal(v, '{:status :success :value ("one" nil "three")}');
    const ids = events('par').filter((e) => e.event === 'agent.result').map((e) => [e['agent_id'], e['status']]);
    assert.deepEqual(ids, [['step_1', 'ok'], ['step_2', 'failed'], ['step_3', 'ok']]);
  });

  it('a :schema step extracts typed data; :tools journals each tool call', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'typed';
    await fake.enqueue(
      { kind: 'text', text: '{"title": "Rust"}' },
      { kind: 'tool', calls: [{ id: 't1', name: 'lookup', input: { q: 'x' } }] },
      { kind: 'text', text: 'found it' },
    );
    const v = run(`(deftool lookup "Looks up." {:q {:type :string}} (lambda (q) (str "result for " q)))
      (defworkflow t "d" {}
        (define a (step "Title?" {:name "scout" :schema {:title {:type :string}}}))
        (define b (step "Find" {:name "coder" :tools [lookup]}))
        {:status :success :a a :b b})`);
    assert.equal(v, '{:a {:title "Rust"} :b "found it" :status :success}');
    const calls = events('typed').filter((e) => e.event === 'agent.tool_call');
    assert.deepEqual(calls.map((e) => [e['agent_id'], e['tool_name'], e['args_json']]), [['coder_1', 'lookup', '{:q "x"}']]);
  });

  it('an :agent step runs the defagent under its own name and journals its tool calls', async () => {
    process.env['SEMA_WORKFLOW_RUN_ID'] = 'agent';
    await fake.enqueue(
      { kind: 'tool', calls: [{ id: 't1', name: 'lookup', input: { q: 'rust' } }] },
      { kind: 'text', text: '{"verdict": "ok"}' },
    );
    const v = run(`(deftool lookup "Looks up." {:q {:type :string}} (lambda (q) (str "about " q)))
      (defagent reviewer {:system "You review." :tools [lookup] :max-turns 3})
      (defworkflow a "d" {} (step "Review this" {:agent reviewer :schema {:verdict {:type :string}}}))`);
    assert.equal(v, '{:status :success :value {:verdict "ok"}}');
    const evs = events('agent');
    assert.equal(evs.find((e) => e.event === 'agent.started')!['agent_name'], 'reviewer');
    assert.deepEqual(evs.filter((e) => e.event === 'agent.tool_call').map((e) => [e['agent_id'], e['tool_name']]), [['reviewer_1', 'lookup']]);
    assert.equal((await fake.requests())[0]!.body['system'], 'You review.');
  });

  it('errors outside a run and for misused markers', () => {
    assert.match(errorOf(() => interp.evalString('(checkpoint :k 1)')).message, /checkpoint outside a workflow\/run/);
    assert.match(errorOf(() => interp.evalString('(phase "x")')).message, /workflow\/phase outside a workflow\/run/);
    const arity = errorOf(() => interp.evalString('(phase "x" 1)'));
    assert.match(arity.message, /phase expects 1 args, got 2/);
    assert.match(arity.hint ?? '', /marker/);
    assert.match(errorOf(() => interp.evalString('(checkpoint :a 1 2)')).message, /checkpoint takes 1 or 2 arguments/);
    assert.match(errorOf(() => interp.evalString('(defworkflow w "d")')).message, /defworkflow: expected a name/);
    assert.match(errorOf(() => interp.evalString('(parallel (list) 0)')).message, /concurrency must be a positive integer/);
  });

  it('a step outside a workflow just calls the model', async () => {
    await fake.enqueue(reply('plain'));
    assert.equal(run('(step "hi")'), '"plain"');
  });
});
