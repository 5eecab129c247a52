// Shared setup of the LLM tests: one fake API server per suite, a clean provider state
// before each test, and a helper that expects a Sema error.

import { strict as assert } from 'node:assert';
import { after, before, beforeEach } from 'node:test';
import { SemaError } from '../../src/eval/errors';
import { resetLlmSession, shutdownBridge } from '../../src/llm/index';
import type { ChildProcess } from 'node:child_process';
import { FakeApi } from './fake-host';

/** Provider variables a test may set; cleared before every test so none leaks into the next. */
const PROVIDER_ENV = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'ANTHROPIC_BASE_URL'];

/**
 * Starts a fake `kind` API for the enclosing suite (handed to `started`), resets it, the
 * provider environment and the LLM session before each test, and stops it after the suite.
 * Call it first in the `describe` so its beforeEach runs before the suite's own.
 */
export function useFakeApi(kind: 'anthropic' | 'openai', started: (fake: FakeApi) => void): void {
  let fake: FakeApi | undefined;
  before(async () => {
    fake = await FakeApi.start(kind);
    started(fake);
  });
  after(async () => {
    await fake?.close();
    await shutdownBridge();
  });
  beforeEach(async () => {
    await fake!.reset();
    for (const name of PROVIDER_ENV) delete process.env[name];
    resetLlmSession();
  });
}

/** The SemaError `fn` throws; fails the test when it returns normally. */
export function errorOf(fn: () => unknown): SemaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SemaError) return e;
    throw e;
  }
  assert.fail('expected a Sema error');
}

/**
 * Lets a gated fake stream send its next chunk only once the previous ones have reached the
 * child's stdout (which proves chunks arrive one by one); resolves with the exit code and
 * everything the child printed.
 */
export function releaseAsPrinted(proc: ChildProcess, fake: FakeApi, chunks: readonly string[]): Promise<{ code: number | null; out: string }> {
  let out = '';
  let shown = 0;
  proc.stdout!.setEncoding('utf8').on('data', (text: string) => {
    out += text;
    while (shown < chunks.length && out.includes(chunks.slice(0, shown + 1).join(''))) {
      shown++;
      fake.release();
    }
  });
  return new Promise((resolve) => proc.on('close', (code) => resolve({ code, out })));
}
