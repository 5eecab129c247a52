// Child process for the stdout tests: configures Anthropic at the fake server given on
// the command line and runs (llm/stream "...") with output going straight to stdout.

import { call, kw, makeCtx, map, TestInterp } from './fake-ctx';
import { SemaError } from '../../src/eval/errors';

const [baseUrl, timeout] = process.argv.slice(2);
const interp = new TestInterp();
interp.toStdout = true;
const ctx = makeCtx(interp);
call(ctx, 'llm/configure', kw('anthropic'), map('api-key', 'k', 'base-url', baseUrl!, 'max-retries', 0));
try {
  call(ctx, 'llm/stream', 'Tell me a story', map('timeout', Number(timeout ?? 60000)));
  process.stdout.write('\n[done]\n');
} catch (e) {
  process.stderr.write(e instanceof SemaError ? `${e.type}: ${e.message}\n` : `unexpected: ${String(e)}\n`);
  process.exit(1);
}
