// Re-records the example cassettes in test-workspace/llm/: runs each example with its
// `{:mode :replay}` switched to `:record` against the fake Anthropic server and its
// scripted answers, then stores the example's output in expected/<name>.out.
//   node runtime/out/test/support/record-examples.js

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Interpreter } from '../../src/eval/interpreter';
import { resetLlmSession, shutdownBridge } from '../../src/llm/index';
import { installExampleShim } from './example-shim';
import { exampleReplies } from './example-replies';
import { FakeApi } from './fake-host';

export const examplesDir = join(__dirname, '..', '..', '..', '..', 'test-workspace', 'llm');

/** Runs one example file; returns its stdout (errors are printed like the CLI's first line). */
export function runExample(file: string, source: string): string {
  const out: string[] = [];
  const interp = new Interpreter({ stdout: (s) => out.push(s), stderr: (s) => out.push(s) });
  installExampleShim(interp);
  try {
    interp.evalString(source, file);
  } catch (e) {
    out.push(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  return out.join('');
}

async function main(): Promise<void> {
  const fake = await FakeApi.start('anthropic');
  mkdirSync(join(examplesDir, 'expected'), { recursive: true });
  try {
    for (const name of readdirSync(examplesDir).filter((f) => f.endsWith('.sema')).sort()) {
      const base = name.replace(/\.sema$/, '');
      const file = join(examplesDir, name);
      const replies = exampleReplies[base];
      resetLlmSession();
      if (replies) {
        await fake.reset();
        await fake.enqueue(...replies);
        rmSync(join(examplesDir, 'cassettes', `${base}.jsonl`), { force: true });
        process.env['ANTHROPIC_API_KEY'] = 'recording-key';
        process.env['ANTHROPIC_BASE_URL'] = fake.url;
        const recording = readFileSync(file, 'utf8').replaceAll('{:mode :replay}', '{:mode :record}');
        runExample(file, recording);
      }
      delete process.env['ANTHROPIC_API_KEY'];
      delete process.env['ANTHROPIC_BASE_URL'];
      resetLlmSession();
      const output = runExample(file, readFileSync(file, 'utf8'));
      writeFileSync(join(examplesDir, 'expected', `${base}.out`), output);
      process.stdout.write(`--- ${name}\n${output}`);
    }
  } finally {
    await fake.close();
    await shutdownBridge();
  }
}

if (require.main === module) void main();
