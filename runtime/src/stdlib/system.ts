// System builtins: environment variables, process and machine facts, `shell` and `exit`.
// Names and results follow the reference (Rust's OS/arch names, `{:stdout :stderr :exit-code}`).

import { spawnSync } from 'node:child_process';
import { accessSync, constants, readlinkSync, statSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { isatty } from 'node:tty';
import { SemaError, ioError } from '../eval/errors';
import { Float, kw, type InterpreterLike, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, typeErr } from './text-args';
import { osReason } from './file-io';

/**
 * Thrown by `(exit code)`: whoever runs the interpreter (CLI, editor host) ends the
 * program with `code`. It is a SemaError (type `exit`) so it unwinds like one; `try`
 * should let it through, since the reference's `exit` cannot be caught.
 */
export class ExitRequest extends SemaError {
  constructor(readonly code: number) {
    super(`exit with code ${code}`, 'exit', { code });
    this.name = 'ExitRequest';
  }
}

const OS_NAMES: Record<string, string> = { darwin: 'macos', win32: 'windows', sunos: 'solaris' };
const ARCH_NAMES: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', ia32: 'x86', ppc64: 'powerpc64', ppc: 'powerpc', mips: 'mips', mipsel: 'mips' };

function envVar(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined ? undefined : v;
}

function homeDir(): string | undefined {
  return envVar('HOME') ?? envVar('USERPROFILE');
}

/** Script arguments as the reference reports them: program name, script, then the rest. */
function scriptArgs(interp: InterpreterLike): string[] {
  const extra = (interp as { args?: unknown }).args;
  const rest = Array.isArray(extra) ? extra.filter((a): a is string => typeof a === 'string') : [];
  return ['sema', ...(interp.currentFile === undefined ? [] : [interp.currentFile]), ...rest];
}

function which(name: string): string | null {
  for (const dir of (envVar('PATH') ?? '').split(':')) {
    const candidate = (dir === '' ? '.' : dir) + '/' + name;
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return null;
}

function nullary(name: string, body: () => Value): BuiltinSpec {
  return fn(name, 0, 0, body);
}

const builtins: BuiltinSpec[] = [
  fn('env', 1, 1, (args) => envVar(str('env', args, 0)) ?? null),
  nullary('sys/env-all', () => mapFromPairs(Object.entries(process.env).flatMap(([k, v]) => [kw(k), v ?? '']))),
  fn('sys/set-env', 2, 2, (args) => {
    process.env[str('sys/set-env', args, 0)] = str('sys/set-env', args, 1);
    return null;
  }),
  fn('sys/args', 0, 0, (_args, ctx) => scriptArgs(ctx.interp)),
  nullary('sys/cwd', () => process.cwd()),
  nullary('sys/platform', () => ({ darwin: 'macos', linux: 'linux', win32: 'windows' })[process.platform as string] ?? 'unknown'),
  nullary('sys/os', () => OS_NAMES[process.platform] ?? process.platform),
  nullary('sys/arch', () => ARCH_NAMES[process.arch] ?? process.arch),
  nullary('sys/pid', () => process.pid),
  nullary('sys/tty', () => {
    if (!isatty(0)) return null;
    try {
      return readlinkSync('/proc/self/fd/0');
    } catch {
      return null;
    }
  }),
  fn('sys/which', 1, 1, (args) => which(str('sys/which', args, 0))),
  nullary('sys/elapsed', () => Math.round(process.uptime() * 1e9)),
  nullary('sys/interactive?', () => isatty(0)),
  nullary('sys/hostname', () => hostname()),
  nullary('sys/user', () => envVar('USER') ?? envVar('USERNAME') ?? accountName()),
  nullary('sys/home-dir', () => homeDir() ?? null),
  nullary('sys/temp-dir', () => envVar('TMPDIR') ?? tmpdir()),
  nullary('sys/sema-home', () => envVar('SEMA_HOME') ?? (homeDir() === undefined ? '.sema' : homeDir() + '/.sema')),
  nullary('sys/config-dir', () => {
    const home = homeDir() ?? '';
    if (process.platform === 'darwin') return home + '/Library/Application Support';
    return envVar('XDG_CONFIG_HOME') ?? home + '/.config';
  }),
  nullary('sys/term-size', () => {
    for (const stream of [process.stdout, process.stderr]) {
      if (stream.isTTY && stream.rows > 0 && stream.columns > 0) return mapFromPairs([kw('rows'), stream.rows, kw('cols'), stream.columns]);
    }
    return null;
  }),
  fn('shell', 1, -1, (args) => {
    const cmd = str('shell', args, 0);
    const rest = args.slice(1).map((_, i) => str('shell', args, i + 1));
    const [program, argv] = rest.length === 0 ? ['sh', ['-c', cmd]] : [cmd, rest];
    const r = spawnSync(program, argv, { maxBuffer: 1 << 30 });
    if (r.error !== undefined) throw ioError(`shell: ${osReason(r.error)}`);
    return mapFromPairs([
      kw('stdout'), r.stdout.toString('utf8'),
      kw('stderr'), r.stderr.toString('utf8'),
      kw('exit-code'), r.status ?? -1,
    ]);
  }),
  fn('exit', 0, 1, (args) => {
    const v = args[0] ?? 0;
    let code: number;
    if (typeof v === 'number') code = v;
    else if (v instanceof Float) code = Math.trunc(v.value);
    else throw typeErr('exit', 'integer', v);
    throw new ExitRequest(code | 0);
  }),
];

/** The login name from the system's account database, when no USER/USERNAME is set. */
function accountName(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

export const systemModule: StdlibModule = { name: 'system', builtins };
