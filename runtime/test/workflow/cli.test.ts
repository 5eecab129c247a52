// `sema workflow run` and `sema workflow check` as a user runs them: a real process, the
// fake Anthropic API for the model.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeApi } from '../support/fake-host';

const SEMA = resolve(__dirname, '../../../bin/sema.js');

describe('sema workflow', () => {
  let fake: FakeApi;
  let dir: string;
  before(async () => {
    fake = await FakeApi.start('anthropic');
    dir = mkdtempSync(join(tmpdir(), 'sema-wf-cli-'));
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  // Asynchronous, so the fake server (on this process's event loop via its worker) keeps answering.
  const sema = (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((done) => {
      const child = spawn(process.execPath, [SEMA, ...args], {
        cwd: dir,
        env: { ...process.env, ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: fake.url, SEMA_WORKFLOW_FIXED_TS: '0', ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });

  it('run writes a run directory, binds *workflow-args*, and resume skips finished steps', async () => {
    await fake.reset();
    const wf = file('flow.sema', `(defworkflow flow "d" {:phases ["Ask"]}
  (phase "Ask")
  (define answer (step (str "About " (:topic *workflow-args*)) {:name "asker"}))
  {:status :success :answer answer})\n`);
    await fake.enqueue({ kind: 'text', text: 'Rust is a language' });
    const first = await sema(['workflow', 'run', wf, '--args', '{"topic":"rust"}', '--run-dir', 'runs'], { SEMA_WORKFLOW_RUN_ID: 'wf_cli_1' });
    assert.equal(first.code, 0, first.stderr);
    const runDir = join(dir, 'runs', 'wf_cli_1');
    assert.deepEqual(JSON.parse(readFileSync(join(runDir, 'result.json'), 'utf8')), { answer: 'Rust is a language', status: 'success' });
    const started = JSON.parse(readFileSync(join(runDir, 'events.jsonl'), 'utf8').split('\n')[0]!);
    assert.equal(started.args_json, '{"topic":"rust"}');
    const sent = (await fake.last()).body['messages'] as { content: unknown }[];
    assert.match(JSON.stringify(sent), /About rust/);

    const again = await sema(['workflow', 'run', wf, '--args', '{"topic":"rust"}', '--run-dir', 'runs', '--resume', 'wf_cli_1']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await fake.requests()).length, 1, 'the resumed run asked the model nothing');
    assert.ok(existsSync(join(runDir, 'events.resume-1.jsonl')));
    assert.deepEqual(readdirSync(runDir).sort(), ['events.jsonl', 'events.resume-1.jsonl', 'memo', 'metadata.json', 'result.json']);
  });

  it('a failed envelope exits 1 and says why', async () => {
    const wf = file('over.sema', '(defworkflow over "d" {:budget {:tokens 1}} (step "a") (step "b") {:status :success})\n');
    await fake.reset();
    await fake.enqueue({ kind: 'text', text: 'x', usage: { input: 5, output: 5 } });
    const r = await sema(['workflow', 'run', wf, '--run-dir', 'runs']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^workflow failed: \{:reason "budget exceeded" :status :failed\}/);
  });

  it(':permissions tighten the sandbox of the run', async () => {
    const wf = file('perm.sema', '(defworkflow p "d" {:permissions "no-fs-write"} (file/write "out.txt" "x") {:status :success})\n');
    const r = await sema(['workflow', 'run', wf, '--run-dir', 'runs']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Permission denied: file\/write requires 'fs-write' capability/);
    assert.equal(existsSync(join(dir, 'out.txt')), false);
    const bad = file('badperm.sema', '(defworkflow p "d" {:permissions "no-flying"} {:status :success})\n');
    assert.match((await sema(['workflow', 'run', bad])).stderr, /invalid defworkflow :permissions "no-flying": unknown capability: flying/);
  });

  it('bad invocations are clear errors', async () => {
    const wf = file('ok.sema', '(defworkflow ok "d" {} {:status :success})\n');
    assert.match((await sema(['workflow', 'run', wf, '--view'])).stderr, /--view is not supported/);
    assert.match((await sema(['workflow', 'view'])).stderr, /sema workflow view is not supported/);
    assert.match((await sema(['workflow', 'run', wf, '--args', '{nope'])).stderr, /--args is not valid JSON/);
    assert.match((await sema(['workflow', 'run', wf, '--resume', '../x'])).stderr, /bare directory name/);
    assert.match((await sema(['workflow', 'run', wf, '--resume', 'missing'])).stderr, /no prior run to resume at/);
    assert.match((await sema(['workflow', 'run', join(dir, 'nope.sema')])).stderr, /cannot read file .*nope\.sema: no such file/);
    assert.match((await sema(['workflow'])).stderr, /needs a subcommand/);
  });

  it('check reports findings without running anything', async () => {
    await fake.reset();
    const bad = file('bad.sema', '(defworkflow d "d" {:phases ["P"]}\n  (phase "P" (step "never"))\n  {:status :ok})\n');
    const r = await sema(['workflow', 'check', bad]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /bad\.sema:2:3: error\[E-PHASE-ARITY\]: phase takes exactly 1 argument \(its label\), got 2/);
    assert.equal((await fake.requests()).length, 0);
    const warn = file('warn.sema', '(defworkflow d "d" {} 1)\n');
    assert.equal((await sema(['workflow', 'check', warn])).code, 0);
    assert.equal((await sema(['workflow', 'check', warn, '--strict'])).code, 1);
    const json = JSON.parse((await sema(['workflow', 'check', warn, '--json'])).stdout);
    assert.equal(json.warnings, 1);
    assert.equal(json.diagnostics[0].code, 'W-NO-STATUS');
    assert.equal((await sema(['workflow', 'check', join(dir, 'none.sema')])).code, 2);
  });
});
