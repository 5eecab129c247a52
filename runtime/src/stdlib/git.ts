// `git/*` (git.md): read-only questions to the `git` binary in the working directory. It
// runs without a shell, with arguments passed as an array, and with `core.quotepath`
// off so paths come back as real UTF-8; status is read NUL-delimited so renames and
// names with spaces parse unambiguously.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { SemaError, evalError, ioError } from '../eval/errors';
import { kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { int, str } from './text-args';
import { osReason } from './file-io';

/** Diffs of big repositories are large, but a runaway answer should not exhaust memory. */
const MAX_OUTPUT = 256 * 1024 * 1024;

function run(args: readonly string[]): SpawnSyncReturns<Buffer> {
  const r = spawnSync('git', args, { maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  if (r.error !== undefined) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOBUFS') throw evalError(`git ${args.join(' ')}: output is larger than ${MAX_OUTPUT} bytes`);
    throw ioError(`git: failed to run \`git\` (is it installed and on PATH?): ${osReason(r.error)}`);
  }
  return r;
}

/** Stdout of `git -c core.quotepath=false ARGS`; a failure reports git's own message. */
function git(args: readonly string[]): string {
  const r = run(['-c', 'core.quotepath=false', ...args]);
  if (r.status !== 0) throw new SemaError(`git ${args.join(' ')}: ${r.stderr.toString('utf8').trim()}`, 'eval', {}, hintFor(r.stderr));
  return r.stdout.toString('utf8');
}

function hintFor(stderr: Buffer): string | undefined {
  return /not a git repository/.test(stderr.toString('utf8')) ? 'git/* functions work inside a git repository: change to one first' : undefined;
}

/** Non-empty lines, `\r\n` or `\n` ended. */
const lines = (text: string): string[] => text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');

/** `[XY code, path]` per entry of `git status --porcelain=v1 -z`. */
function statusEntries(): [string, string][] {
  const fields = git(['status', '--porcelain=v1', '-z']).split('\0');
  const entries: [string, string][] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 3) continue;
    const code = field.slice(0, 2);
    entries.push([code, field.slice(3)]);
    // A rename or copy is followed by a field holding the old path.
    if (/[RC]/.test(code)) i++;
  }
  return entries;
}

const builtins: BuiltinSpec[] = [
  fn('git/root', 0, 0, () => git(['rev-parse', '--show-toplevel']).trim()),
  fn('git/current-branch', 0, 0, () => git(['rev-parse', '--abbrev-ref', 'HEAD']).trim()),
  fn('git/status', 0, 0, () =>
    statusEntries().map(([code, path]) => {
      const untracked = code === '??';
      return mapFromPairs([kw('path'), path, kw('status'), code, kw('staged'), !untracked && code[0] !== ' ', kw('untracked'), untracked]);
    }),
  ),
  fn('git/changed-files', 0, 0, () => statusEntries().map(([, path]) => path).filter((p) => p !== '')),
  fn('git/diff', 0, 1, (args) => git(args.length === 0 ? ['diff'] : ['diff', '--', str('git/diff', args, 0)])),
  fn('git/diff-files', 0, 0, () => lines(git(['diff', '--name-only']))),
  fn('git/recent-files', 0, 1, (args) => {
    const n = args.length === 0 ? 20 : int('git/recent-files', args, 0);
    return [...new Set(lines(git(['log', '--name-only', '--pretty=format:', '-n', String(n)])))];
  }),
  fn('git/ignore-matches?', 1, 1, (args): Value => {
    const path = str('git/ignore-matches?', args, 0);
    // `--` so a path starting with `-` is not read as an option.
    const r = run(['check-ignore', '-q', '--', path]);
    if (r.status === 0) return true;
    if (r.status === 1) return false;
    const code = r.status === null ? 'signal' : String(r.status);
    throw new SemaError(`git check-ignore ${path}: exit ${code}: ${r.stderr.toString('utf8').trim()}`, 'eval', {}, hintFor(r.stderr));
  }),
];

export const gitModule: StdlibModule = { name: 'git', builtins };
