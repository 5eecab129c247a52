// The catalogue and the module stay in step; option docs come from the schema; the
// option schema and docs load without pulling in the Anthropic SDK.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { llmDocs } from '../../src/docs/llm';
import { Interpreter } from '../../src/eval/interpreter';
import { llmModule, llmSpecialForms, LLM_OPTIONS, resetLlmSession } from '../../src/llm/index';
import { printValue } from '../../src/reader/printer';

describe('llm catalogue', () => {
  it('documents every public builtin and special form, and nothing else', () => {
    const documented = new Set(llmDocs.flatMap((d) => [d.name, ...(d.aliases ?? [])]));
    const publicNames = llmModule.builtins.map((b) => b.name).filter((n) => !n.startsWith('__'));
    for (const n of publicNames) assert.ok(documented.has(n), `${n} has no catalogue entry`);
    for (const n of llmSpecialForms) assert.ok(documented.has(n), `${n} has no catalogue entry`);
    const known = new Set<string>([...publicNames, ...llmSpecialForms]);
    for (const d of llmDocs) assert.ok(known.has(d.name), `${d.name} is documented but not defined`);
  });

  it('lists the schema options on every call that takes them', () => {
    for (const name of ['llm/complete', 'llm/stream', 'llm/chat', 'llm/send', 'conversation/say']) {
      const doc = llmDocs.find((d) => d.name === name)!;
      assert.deepEqual(doc.options?.map((o) => o.name), LLM_OPTIONS.map((o) => o.name));
    }
    const maxTokens = llmDocs[0]!.options!.find((o) => o.name === 'max-tokens')!;
    assert.equal(maxTokens.default, '4096');
    assert.deepEqual(llmDocs.find((d) => d.name === 'llm/stream')!.params, ['prompt']);
  });

  it('examples that show a result evaluate to it', () => {
    process.env['ANTHROPIC_API_KEY'] = 'sk-docs';
    resetLlmSession();
    const interp = new Interpreter({ stdout: () => {} });
    interp.evalString(`
      (define p (prompt (system "s") (user "u")))
      (define template (prompt (system "You are a {{role}} for {{language}}.") (user "{{query}} {{role}}")))
      (deftool lookup-capital "Look up the capital of a country" {:country {:type :string}} (lambda (country) "Oslo"))
      (deftool get-weather "Get weather for a city" {:city {:type :string}} (lambda (city) "sunny"))
      (defagent weather-bot {:system "You are a weather assistant." :tools [get-weather] :model "claude-haiku-4-5-20251001" :max-turns 3})`);
    let checked = 0;
    for (const doc of llmDocs) {
      for (const example of doc.examples) {
        const m = /^(.*?)\s*; => (.*)$/.exec(example);
        if (!m) continue;
        assert.equal(printValue(interp.evalString(m[1]!)), m[2]!.trim(), `${doc.name}: ${example}`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `only ${checked} examples checked`);
    delete process.env['ANTHROPIC_API_KEY'];
    resetLlmSession();
  });

  it('loading the option schema and docs does not load the SDK', () => {
    const out = join(__dirname, '..', '..', 'src');
    const script =
      `require(${JSON.stringify(join(out, 'docs', 'llm.js'))});` +
      `require(${JSON.stringify(join(out, 'llm', 'index.js'))});` +
      `const loaded = Object.keys(require.cache).filter((k) => k.includes('@anthropic-ai'));` +
      `process.stdout.write(String(loaded.length));`;
    assert.equal(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }), '0');
  });
});
