// The `sema` command: run a file, evaluate an expression, `sema eval` for tools, or a REPL.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HELP, parseArgs, type Command, type RunOptions } from './args';
import { EvalSession } from './session';
import { startRepl } from './repl';
import { loadFiles } from './load-files';
import type { EvalReply } from './protocol';
import { workflowCheck, workflowRun } from './workflow-command';

const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.1.0';
  }
})();

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

/** A session for `opts`: its environment settings apply to the evaluation thread made here. */
function newSession(args: string[], opts: RunOptions): EvalSession {
  Object.assign(process.env, opts.env);
  return new EvalSession({ args, sandbox: opts.sandbox, onStdout: (s) => process.stdout.write(s), onStderr: (s) => process.stderr.write(s) });
}

/** Ctrl+C: first press interrupts the evaluation, a second one (or a stuck thread) exits. */
function handleSigint(session: EvalSession): void {
  let pressed = 0;
  process.on('SIGINT', () => {
    pressed++;
    session.interrupt();
    if (pressed > 1) process.exit(130);
    setTimeout(() => {
      process.stderr.write('\nInterrupted\n');
      process.exit(130);
    }, 300).unref();
  });
}

function reportFailure(r: EvalReply): void {
  if (r.error) process.stderr.write(r.error.report + '\n');
}

/** The process status after `r`: the program's `(exit code)`, else 0 or 1. */
function statusOf(r: EvalReply): number {
  return r.exitCode ?? (r.ok ? 0 : 1);
}

async function run(cmd: Command): Promise<number> {
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`sema ${VERSION}\n`);
      return 0;
    case 'error':
      process.stderr.write(`Error: ${cmd.message}\n`);
      return 2;
    case 'workflow-check':
      return workflowCheck(cmd, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    case 'workflow-run':
      return workflowRun(
        cmd,
        (opts) => {
          const session = newSession([], opts);
          handleSigint(session);
          return session;
        },
        (s) => process.stderr.write(s),
      );
    case 'repl':
      return startRepl(cmd.loads, cmd.quiet, VERSION, newSession([], cmd.opts));
    case 'run': {
      const path = resolve(cmd.file);
      let code: string;
      try {
        code = readFileSync(path, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
        process.stderr.write(`Error: cannot read file ${cmd.file}: ${reason}\n`);
        return 1;
      }
      const session = newSession(cmd.scriptArgs, cmd.opts);
      handleSigint(session);
      if (!(await loadFiles(session, cmd.loads, true))) return 1;
      const r = await session.eval(code, path, 'never');
      if (!r.ok) reportFailure(r);
      if (cmd.interactive && r.exitCode === undefined) return startRepl([], true, VERSION, session);
      await session.close();
      return statusOf(r);
    }
    case 'expr': {
      const session = newSession([], cmd.opts);
      handleSigint(session);
      if (!(await loadFiles(session, cmd.loads, true))) return 1;
      const r = await session.eval(cmd.code, undefined, cmd.alwaysPrint ? 'always' : 'non-nil');
      if (!r.ok) reportFailure(r);
      if (cmd.interactive && r.exitCode === undefined) return startRepl([], true, VERSION, session);
      await session.close();
      return statusOf(r);
    }
    case 'eval': {
      const code = cmd.stdin ? readStdin() : cmd.code!;
      const session = newSession([], cmd.opts);
      handleSigint(session);
      const path = cmd.path === undefined ? undefined : resolve(cmd.path);
      const r = await session.eval(code, path, cmd.json ? 'never' : 'non-nil', cmd.json, cmd.timeoutMs);
      await session.close();
      if (cmd.json) {
        const error = r.error ? { message: r.error.message, ...(r.error.hint ? { hint: r.error.hint } : {}), line: r.error.line ?? null, col: r.error.col ?? null } : null;
        process.stdout.write(JSON.stringify({ ok: r.ok, value: r.value, stdout: r.stdout, stderr: r.stderr, error, elapsedMs: r.elapsedMs }) + '\n');
        return statusOf(r);
      }
      if (!r.ok) reportFailure(r);
      return statusOf(r);
    }
  }
}

run(parseArgs(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.SEMA_DEBUG === '1' && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  },
);
