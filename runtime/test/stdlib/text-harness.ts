// Test harness for the text/I-O stdlib modules: runs Sema snippets through the real
// interpreter and captures what they print.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printValue } from '../../src/reader';
import { SemaError } from '../../src/eval/errors';
import { Interpreter } from '../../src/eval/interpreter';
import { setStdinSource } from '../../src/stdlib/stdin';
import type { Value } from '../../src/eval/values';

export class Session {
  out = '';
  err = '';
  readonly interp: Interpreter;

  constructor(args: string[] = []) {
    this.interp = new Interpreter({
      stdout: (s) => (this.out += s),
      stderr: (s) => (this.err += s),
      args,
    });
  }

  define(name: string, v: Value): void {
    this.interp.define(name, v);
  }

  run(src: string): Value {
    return this.interp.evalString(src);
  }
}

/** Asserts that each `[source, printed result]` pair evaluates as written (one session). */
export function checkAll(cases: readonly (readonly [string, string])[]): void {
  const s = new Session();
  for (const [src, want] of cases) assert.equal(printValue(s.run(src)), want, src);
}

/** Asserts that `src` fails with a SemaError of `type` whose message contains `part`. */
export function checkError(src: string, type: string, part: string): void {
  const s = new Session();
  assert.throws(
    () => s.run(src),
    (e: unknown) => e instanceof SemaError && e.type === type && e.message.includes(part),
    `${src} should fail with ${type}: ${part}`,
  );
}

/** Runs `body` with a fresh temporary directory, removed afterwards. */
export function withTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'sema-test-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Makes stdin deliver `chunks` one read at a time, then end. */
export function stdinFrom(...chunks: Buffer[]): void {
  setStdinSource((buf) => {
    const c = chunks.shift() ?? Buffer.alloc(0);
    buf.set(c);
    return c.length;
  });
}
