// `pty/*`: like proc/*, but the child runs on a pseudo-terminal, so programs that probe
// isatty behave as in a terminal. Node has no pty API, so on Linux the child runs under
// util-linux `script`, which owns the pty; its output (stdout and stderr merged, with
// control sequences) is read with pty/read.

import { evalError, ioError } from '../eval/errors';
import { SemaHashMap, SemaMap, kw, type CallContext, type Value } from '../eval/values';
import { mapGet } from '../eval/equality';
import { executable } from './executable';
import * as host from './proc-host';
import { argvOf, closeHandle, handle, live, spawnOptions, waitFor } from './proc';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, typeErr } from './text-args';

const UNSUPPORTED = 'not supported on this system (it needs util-linux `script` on Linux)';

/** A window dimension of the options (clamped to 1..65535 as the reference does), else `fallback`. */
function dimension(opts: Value | undefined, key: string, fallback: number): number {
  if (!(opts instanceof SemaMap || opts instanceof SemaHashMap)) return fallback;
  const v = mapGet(opts, kw(key));
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number') throw typeErr(`pty/spawn :${key}`, 'integer', v);
  return Math.min(Math.max(v, 1), 65535);
}

function spawn(args: Value[], ctx: CallContext): Value {
  const argv = argvOf('pty/spawn', args[0]!);
  const options = spawnOptions('pty/spawn', args[1]);
  if (process.platform !== 'linux' || executable('script', options.env, undefined) === undefined) throw evalError(`pty/spawn: ${UNSUPPORTED}`);
  const pty = { rows: dimension(args[1], 'rows', 24), cols: dimension(args[1], 'cols', 80) };
  const r = host.spawnChild({ argv, ...options, pty }, () => ctx.interp.interrupted());
  if (typeof r !== 'number') throw evalError(`pty/spawn ${argv[0]}: ${r.error}`);
  return r;
}

function write(args: Value[], ctx: CallContext): Value {
  handle('pty/write', args, true);
  const text = str('pty/write', args, 1);
  const [id] = live('pty/write', args, true);
  const error = host.writeStdin(id, text, () => ctx.interp.interrupted());
  if (error !== undefined) throw ioError(`pty/write: ${error}`);
  return null;
}

function resize(args: Value[]): Value {
  handle('pty/resize', args, true);
  for (const i of [1, 2]) if (typeof args[i] !== 'number') throw typeErr('pty/resize', 'integer', args[i]!);
  live('pty/resize', args, true);
  // `script` gives no way to change its pty's size from outside, so SIGWINCH cannot be delivered.
  throw evalError('pty/resize: not supported on this system (the pty belongs to util-linux `script`, whose window size is fixed at pty/spawn: use :rows and :cols there)');
}

const builtins: BuiltinSpec[] = [
  fn('pty/spawn', 1, 2, spawn),
  fn('pty/read', 1, 1, (args) => {
    const [, c] = live('pty/read', args, true);
    return c.out.drain() + c.err.drain();
  }),
  fn('pty/write', 2, 2, write),
  fn('pty/resize', 3, 3, resize),
  fn('pty/wait', 1, 1, (args, ctx) => waitFor(live('pty/wait', args, true)[1], ctx)),
  fn('pty/exit-code', 1, 1, (args) => live('pty/exit-code', args, true)[1].exitCode),
  fn('pty/running?', 1, 1, (args) => live('pty/running?', args, true)[1].exitCode === null),
  fn('pty/kill', 1, 1, (args) => {
    host.kill(live('pty/kill', args, true)[0]);
    return null;
  }),
  fn('pty/close', 1, 1, (args) => {
    closeHandle(handle('pty/close', args, true), true);
    return null;
  }),
];

export const ptyModule: StdlibModule = { name: 'pty', builtins };
