// The thread that owns the `proc/*` child processes (see proc-host.ts). The evaluator
// blocks its own thread, so child output events could never reach it there: this thread
// receives them and forwards them on its port, waking the evaluator through `signal`.

import { spawn, type ChildProcessWithoutNullStreams as ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { executable } from './executable';
import { workerData, type MessagePort } from 'node:worker_threads';

export type ProcCommand =
  | { spawn: number; argv: string[]; cwd?: string; env: Record<string, string>; pty?: { rows: number; cols: number } }
  | { write: number; text: string }
  | { closeStdin: number }
  | { kill: number };

export type ProcMessage =
  | { reply: number; error?: string; pid?: number }
  | { data: number; stream: 'out' | 'err'; bytes: Uint8Array }
  | { eof: number; stream: 'out' | 'err' }
  | { exit: number; code: number };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const children = new Map<number, ChildProcess>();

function send(m: ProcMessage): void {
  port.postMessage(m);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** The operating system's wording for the common failures, as the reference reports them. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory (os error 2)',
  EACCES: 'Permission denied (os error 13)',
  ENOTDIR: 'Not a directory (os error 20)',
  EPIPE: 'Broken pipe (os error 32)',
};

function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && ERRNO_TEXT[code] !== undefined) return ERRNO_TEXT[code];
  return e instanceof Error ? e.message : String(e);
}

/**
 * On Linux each child is started through util-linux `setpriv --pdeathsig KILL`, so the
 * kernel kills it when this thread ends, however it ends (a terminated evaluation, a
 * process.exit elsewhere): exit hooks alone do not run then. Elsewhere children are
 * started directly and only the exit hooks guard against orphans.
 */
const setpriv = process.platform === 'linux' ? executable('setpriv', { PATH: process.env.PATH ?? '/usr/bin:/bin' }, undefined) : undefined;

const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

/**
 * A pseudo-terminal without native code: util-linux `script` runs the command on a pty
 * it creates (-q quiet, -f flush at once, -e its exit code, -c the command; the typescript
 * goes to /dev/null). Its pipes carry the terminal's traffic; `stty` sets the window size.
 */
function scriptArgv(argv: readonly string[], size: { rows: number; cols: number }): string[] {
  const command = `stty rows ${size.rows} cols ${size.cols} 2>/dev/null; exec ${argv.map(quote).join(' ')}`;
  return [script!, '-qfec', command, '/dev/null'];
}

/** `script` for pty/spawn (Linux util-linux), or undefined when this system has none. */
const script = process.platform === 'linux' ? executable('script', { PATH: process.env.PATH ?? '/usr/bin:/bin' }, undefined) : undefined;

function start(c: Extract<ProcCommand, { spawn: number }>): void {
  const id = c.spawn;
  let [file, ...rest] = c.argv;
  const launched = setpriv !== undefined || c.pty !== undefined;
  // A launcher would report a missing program only as its own failure: check first.
  if (launched && c.cwd !== undefined && !statSync(c.cwd, { throwIfNoEntry: false })?.isDirectory()) {
    return send({ reply: id, error: ERRNO_TEXT.ENOENT! });
  }
  if (launched && executable(file!, c.env, c.cwd) === undefined) return send({ reply: id, error: ERRNO_TEXT.ENOENT! });
  if (c.pty !== undefined && script === undefined) return send({ reply: id, error: 'not supported on this system (it needs util-linux `script`)' });
  if (c.pty !== undefined) [file, ...rest] = scriptArgv(c.argv, c.pty);
  const child: ChildProcess =
    setpriv === undefined
      ? spawn(file!, rest, { cwd: c.cwd, env: c.env, stdio: 'pipe' })
      : spawn(setpriv, ['--pdeathsig', 'KILL', '--', file!, ...rest], { cwd: c.cwd, env: c.env, stdio: 'pipe' });
  let started = false;
  child.once('spawn', () => {
    started = true;
    children.set(id, child);
    send({ reply: id, pid: child.pid! });
  });
  child.once('error', (e) => {
    if (!started) send({ reply: id, error: reason(e) });
  });
  // Writes to a child that has gone fail through their callbacks; this keeps the stream quiet.
  child.stdin.on('error', () => undefined);
  for (const [stream, pipe] of [['out', child.stdout], ['err', child.stderr]] as const) {
    pipe.on('data', (b: Buffer) => send({ data: id, stream, bytes: new Uint8Array(b) }));
    pipe.on('end', () => send({ eof: id, stream }));
    pipe.on('error', () => send({ eof: id, stream }));
  }
  child.once('exit', (code) => {
    children.delete(id);
    // A child ended by a signal has no exit code: -1, as the reference reports it.
    if (started) send({ exit: id, code: code ?? -1 });
  });
}

port.on('message', (c: ProcCommand) => {
  if ('spawn' in c) return start(c);
  if ('kill' in c) {
    children.get(c.kill)?.kill('SIGKILL');
    return;
  }
  const child = children.get('write' in c ? c.write : c.closeStdin);
  if ('closeStdin' in c) {
    child?.stdin?.end();
    return;
  }
  if (child === undefined || child.stdin.destroyed) {
    send({ reply: c.write, error: ERRNO_TEXT.EPIPE! });
    return;
  }
  child.stdin.write(c.text, (e) => send(e ? { reply: c.write, error: reason(e) } : { reply: c.write }));
});

// The children must not outlive this thread: kill whatever is still running.
process.on('exit', () => {
  for (const child of children.values()) child.kill('SIGKILL');
});
