// `proc/*`: child processes driven through a live handle (an integer). Output is
// buffered as it arrives and polled with proc/read-stdout / proc/read-stderr; the
// children themselves live on a helper thread (proc-host.ts, proc-worker.ts).

import { mapGet } from '../eval/equality';
import { evalError, ioError } from '../eval/errors';
import { Keyword, SemaHashMap, SemaMap, Vector, kw, type CallContext, type Value } from '../eval/values';
import { registerEventSource } from './event';
import * as host from './proc-host';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, typeErr } from './text-args';

export function handle(name: string, args: readonly Value[], pty = false): number {
  const v = args[0] ?? null;
  if (typeof v !== 'number') throw typeErr(name, `integer (${pty ? 'pty' : 'proc'} handle)`, v);
  return v;
}

/** The live child behind the handle in `args[0]`, of the kind (proc or pty) `name` drives. */
export function live(name: string, args: readonly Value[], pty = false): [number, host.Child] {
  const id = handle(name, args, pty);
  const c = host.child(id);
  if (c === undefined || c.pty !== pty) throw evalError(`${name}: no such handle ${id}`);
  return [id, c];
}

/** The argv list or vector as strings; shared with pty/spawn. */
export function argvOf(name: string, v: Value): string[] {
  const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
  if (items === undefined) throw typeErr(name, 'list of strings (argv)', v);
  if (items.length === 0) throw evalError(`${name}: argv must be non-empty`);
  return items.map((a) => {
    if (typeof a !== 'string') throw typeErr(name, 'string', a);
    return a;
  });
}

/** `:cwd` and `:env` of an options map; `:env` adds to (and overrides) the inherited environment. */
export function spawnOptions(name: string, opts: Value | undefined): { cwd?: string; env: Record<string, string> } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (opts === undefined || opts === null) return { env };
  if (!(opts instanceof SemaMap || opts instanceof SemaHashMap)) throw typeErr(name, 'map (options)', opts);
  const cwd = mapGet(opts, kw('cwd'));
  if (cwd !== undefined && cwd !== null && typeof cwd !== 'string') throw typeErr(`${name} :cwd`, 'string', cwd);
  const extra = mapGet(opts, kw('env'));
  if (extra !== undefined && extra !== null) {
    if (!(extra instanceof SemaMap || extra instanceof SemaHashMap)) throw typeErr(`${name} :env`, 'map', extra);
    for (const [k, v] of extra.entries()) {
      const key = typeof k === 'string' ? k : k instanceof Keyword ? k.name : undefined;
      if (key === undefined) throw typeErr(`${name} :env`, 'string key', k);
      if (typeof v !== 'string') throw typeErr(`${name} :env`, 'string value', v);
      env[key] = v;
    }
  }
  return typeof cwd === 'string' ? { cwd, env } : { env };
}

function spawn(args: Value[], ctx: CallContext): Value {
  const argv = argvOf('proc/spawn', args[0]!);
  const r = host.spawnChild({ argv, ...spawnOptions('proc/spawn', args[1]) }, () => ctx.interp.interrupted());
  if (typeof r !== 'number') throw evalError(`proc/spawn ${argv[0]}: ${r.error}`);
  return r;
}

function writeStdin(args: Value[], ctx: CallContext): Value {
  handle('proc/write-stdin', args);
  const text = str('proc/write-stdin', args, 1);
  const [id, c] = live('proc/write-stdin', args);
  if (!c.stdinOpen) throw evalError('proc/write-stdin: stdin already closed');
  const error = host.writeStdin(id, text, () => ctx.interp.interrupted());
  if (error !== undefined) throw ioError(`proc/write-stdin: ${error}`);
  return null;
}

/** Kills and forgets a child of the given kind; other handles (or none) are left alone. */
export function closeHandle(id: number, pty: boolean): void {
  if (host.child(id)?.pty === pty) host.close(id);
}

/** Waits for the child to end with all its output buffered; its exit code. */
export function waitFor(c: host.Child, ctx: CallContext): Value {
  host.waitUntil(() => c.finished, () => ctx.interp.interrupted());
  return c.exitCode;
}

const builtins: BuiltinSpec[] = [
  fn('proc/spawn', 1, 2, spawn),
  fn('proc/read-stdout', 1, 1, (args) => live('proc/read-stdout', args)[1].out.drain()),
  fn('proc/read-stderr', 1, 1, (args) => live('proc/read-stderr', args)[1].err.drain()),
  fn('proc/write-stdin', 2, 2, writeStdin),
  fn('proc/close-stdin', 1, 1, (args) => {
    const [id, c] = live('proc/close-stdin', args);
    if (c.stdinOpen) host.closeStdin(id);
    c.stdinOpen = false;
    return null;
  }),
  fn('proc/wait', 1, 1, (args, ctx) => waitFor(live('proc/wait', args)[1], ctx)),
  fn('proc/exit-code', 1, 1, (args) => live('proc/exit-code', args)[1].exitCode),
  fn('proc/running?', 1, 1, (args) => live('proc/running?', args)[1].exitCode === null),
  fn('proc/kill', 1, 1, (args) => {
    host.kill(live('proc/kill', args)[0]);
    return null;
  }),
  fn('proc/close', 1, 1, (args) => {
    closeHandle(handle('proc/close', args), false);
    return null;
  }),
];

// `{:type :proc :handle h}` in event/select: ready once the child has output or has exited.
registerEventSource('proc', (source) => {
  const h = mapGet(source, kw('handle'));
  const c = typeof h === 'number' ? host.child(h) : undefined;
  if (c === undefined) return undefined;
  const output = c.out.text !== '' || c.err.text !== '';
  const exited = c.exitCode !== null;
  return output || exited ? [kw('output?'), output, kw('exited?'), exited] : undefined;
});

export const procModule: StdlibModule = { name: 'proc', builtins };
