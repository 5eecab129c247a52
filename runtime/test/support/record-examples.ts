// Re-records the example cassettes in test-workspace/llm/: runs each example through
// the `sema` CLI with its `{:mode :replay}` switched to `:record`, against the fake
// Anthropic server and its scripted answers; then replays it with no provider and
// stores the output in expected/<name>.out.
//   node runtime/out/test/support/record-examples.js

import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleReplies } from './example-replies';
import { FakeApi } from './fake-host';

export const examplesDir = join(__dirname, '..', '..', '..', '..', 'test-workspace', 'llm');
const semaBin = join(__dirname, '..', '..', '..', 'bin', 'sema.js');

/** Runs `sema file` with only the given LLM variables set; resolves with stdout + stderr. */
export function runExample(file: string, llmEnv: Record<string, string> = {}): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...llmEnv };
  for (const k of ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'OPENAI_API_KEY', 'SEMA_LLM_CASSETTE']) {
    if (!(k in llmEnv)) delete env[k];
  }
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [semaBin, file], { env });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    proc.stderr.setEncoding('utf8').on('data', (s: string) => (out += s));
    proc.on('close', () => resolve(out));
  });
}

async function main(): Promise<void> {
  const fake = await FakeApi.start('anthropic');
  mkdirSync(join(examplesDir, 'expected'), { recursive: true });
  try {
    for (const name of readdirSync(examplesDir).filter((f) => f.endsWith('.sema')).sort()) {
      const base = name.replace(/\.sema$/, '');
      const file = join(examplesDir, name);
      const replies = exampleReplies[base];
      if (replies) {
        await fake.reset();
        await fake.enqueue(...replies);
        rmSync(join(examplesDir, 'cassettes', `${base}.jsonl`), { force: true });
        // Same folder, so the tape lands where the example looks for it.
        const recording = join(examplesDir, `.${base}.recording.sema`);
        writeFileSync(recording, readFileSync(file, 'utf8').replaceAll('{:mode :replay}', '{:mode :record}'));
        try {
          await runExample(recording, { ANTHROPIC_API_KEY: 'recording-key', ANTHROPIC_BASE_URL: fake.url });
        } finally {
          rmSync(recording, { force: true });
        }
      }
      const output = await runExample(file);
      writeFileSync(join(examplesDir, 'expected', `${base}.out`), output);
      process.stdout.write(`--- ${name}\n${output}`);
    }
  } finally {
    await fake.close();
  }
}

if (require.main === module) void main();
