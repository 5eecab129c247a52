// File builtins (`file/*`) and path builtins (`path/*`). Failures are `io` errors that
// name the function and the path, with the OS reason worded as the reference words it.

import * as fs from 'node:fs';
import { ioError } from '../eval/errors';
import { Bytevector, kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { aliases, bytes, seq, str, textOf } from './text-args';
import { splitLines } from './strings';
import { glob } from './glob';
import { fsWatchBuiltins } from './fs-watch';
import { extensionOf, fileNameOf, isWithin, joinPaths, parentOf, relativeTo, stemOf } from './paths';

const OS_MESSAGES: Record<string, [string, number]> = {
  ENOENT: ['No such file or directory', 2],
  EACCES: ['Permission denied', 13],
  EPERM: ['Operation not permitted', 1],
  EEXIST: ['File exists', 17],
  ENOTDIR: ['Not a directory', 20],
  EISDIR: ['Is a directory', 21],
  ENOTEMPTY: ['Directory not empty', 39],
  EXDEV: ['Invalid cross-device link', 18],
  ELOOP: ['Too many levels of symbolic links', 40],
  ENAMETOOLONG: ['File name too long', 36],
  ENOSPC: ['No space left on device', 28],
  EROFS: ['Read-only file system', 30],
  EADDRINUSE: ['Address already in use', 98],
  EADDRNOTAVAIL: ['Cannot assign requested address', 99],
};

/** The OS error as Rust's io::Error prints it, e.g. "No such file or directory (os error 2)". */
export function osReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known = code === undefined ? undefined : OS_MESSAGES[code];
  if (known !== undefined) return `${known[0]} (os error ${known[1]})`;
  return e instanceof Error ? e.message : String(e);
}

/** Runs `body`, turning filesystem exceptions into `io` SemaErrors prefixed with `what`. */
export function io<T>(what: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw ioError(`${what}: ${osReason(e)}`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readText(name: string, path: string): string {
  const data = io(`${name} ${path}`, () => fs.readFileSync(path));
  try {
    return utf8.decode(data);
  } catch {
    throw ioError(`${name} ${path}: stream did not contain valid UTF-8`);
  }
}

function statOr<T>(path: string, follow: boolean, pick: (s: fs.Stats) => T, fallback: T): T {
  try {
    return pick(follow ? fs.statSync(path) : fs.lstatSync(path));
  } catch {
    return fallback;
  }
}

function pathFn(name: string, pick: (p: string) => Value): BuiltinSpec {
  return fn(name, 1, 1, (args) => pick(str(name, args, 0)));
}

/** Calls `f` on each line of `path` (newline and a trailing `\r` removed). */
function eachLine(name: string, path: string, f: (line: string) => void): void {
  for (const line of splitLines(readText(name, path))) f(line);
}

const fileBuiltins: BuiltinSpec[] = [
  pathFn('file/read', (p) => readText('file/read', p)),
  fn('file/write', 2, 2, (args) => {
    const path = str('file/write', args, 0);
    const content = str('file/write', args, 1);
    io(`file/write ${path}`, () => fs.writeFileSync(path, content));
    return null;
  }),
  fn('file/append', 2, 2, (args) => {
    const path = str('file/append', args, 0);
    const content = str('file/append', args, 1);
    io(`file/append ${path}`, () => fs.appendFileSync(path, content));
    return null;
  }),
  pathFn('file/read-bytes', (p) => new Bytevector(new Uint8Array(io(`file/read-bytes ${p}`, () => fs.readFileSync(p))))),
  fn('file/write-bytes', 2, 2, (args) => {
    const path = str('file/write-bytes', args, 0);
    const data = bytes('file/write-bytes', args, 1);
    io(`file/write-bytes ${path}`, () => fs.writeFileSync(path, data));
    return null;
  }),
  pathFn('file/read-lines', (p) => splitLines(readText('file/read-lines', p))),
  fn('file/write-lines', 2, 2, (args) => {
    const path = str('file/write-lines', args, 0);
    const content = seq('file/write-lines', args, 1).map(textOf).join('\n');
    io(`file/write-lines ${path}`, () => fs.writeFileSync(path, content));
    return null;
  }),
  fn('file/for-each-line', 2, 2, (args, ctx) => {
    const f = args[1] ?? null;
    eachLine('file/for-each-line', str('file/for-each-line', args, 0), (line) => void ctx.apply1(f, line));
    return null;
  }),
  fn('file/fold-lines', 3, 3, (args, ctx) => {
    const f = args[1] ?? null;
    let acc: Value = args[2] ?? null;
    eachLine('file/fold-lines', str('file/fold-lines', args, 0), (line) => {
      acc = ctx.apply2(f, acc, line);
    });
    return acc;
  }),
  pathFn('file/delete', (p) => {
    io(`file/delete ${p}`, () => fs.unlinkSync(p));
    return null;
  }),
  fn('file/rename', 2, 2, (args) => {
    const from = str('file/rename', args, 0);
    const to = str('file/rename', args, 1);
    io(`file/rename ${from} -> ${to}`, () => fs.renameSync(from, to));
    return null;
  }),
  fn('file/copy', 2, 2, (args) => {
    const from = str('file/copy', args, 0);
    const to = str('file/copy', args, 1);
    io(`file/copy ${from} -> ${to}`, () => fs.copyFileSync(from, to));
    return null;
  }),
  pathFn('file/exists?', (p) => fs.existsSync(p)),
  pathFn('file/is-file?', (p) => statOr(p, true, (s) => s.isFile(), false)),
  pathFn('file/is-directory?', (p) => statOr(p, true, (s) => s.isDirectory(), false)),
  pathFn('file/is-symlink?', (p) => statOr(p, false, (s) => s.isSymbolicLink(), false)),
  pathFn('file/list', (p) => io(`file/list ${p}`, () => fs.readdirSync(p))),
  pathFn('file/mkdir', (p) => {
    io(`file/mkdir ${p}`, () => fs.mkdirSync(p, { recursive: true }));
    return null;
  }),
  pathFn('file/info', (p) => {
    const s = io(`file/info ${p}`, () => fs.statSync(p));
    return mapFromPairs([kw('size'), s.size, kw('is-dir'), s.isDirectory(), kw('is-file'), s.isFile(), kw('modified'), Math.floor(s.mtimeMs)]);
  }),
  pathFn('file/glob', (p) => glob(p)),
];

const pathBuiltins: BuiltinSpec[] = [
  fn('path/join', 1, -1, (args) => joinPaths(args.map((_, i) => str('path/join', args, i)))),
  ...aliases(pathFn('path/dir', parentOf), 'path/dirname'),
  ...aliases(pathFn('path/filename', fileNameOf), 'path/basename'),
  ...aliases(pathFn('path/extension', extensionOf), 'path/ext'),
  pathFn('path/stem', stemOf),
  pathFn('path/absolute', (p) => io(`path/absolute ${p}`, () => fs.realpathSync(p))),
  pathFn('path/canonicalize', (p) => io(`path/canonicalize ${p}`, () => fs.realpathSync(p))),
  pathFn('path/absolute?', (p) => p.startsWith('/')),
  fn('path/relative-to', 2, 2, (args) => relativeTo(str('path/relative-to', args, 0), str('path/relative-to', args, 1))),
  fn('path/within?', 2, 2, (args) => isWithin(str('path/within?', args, 0), str('path/within?', args, 1))),
];

export const fileIoModule: StdlibModule = { name: 'file-io', builtins: [...fileBuiltins, ...pathBuiltins, ...fsWatchBuiltins] };
