// Raw-mode keyboard input: `io/tty-raw!` / `io/tty-restore!` switch the terminal on
// stdin between raw and cooked mode, `io/read-key` and `io/read-key-timeout` read one
// keypress (from a terminal or a pipe alike) and decode it with key-decoder.ts.
//
// Programs run in a worker thread, where process.stdin is no terminal stream and has no
// setRawMode, so the terminal's settings are saved and set with stty(1) on fd 0: the
// same tcgetattr/tcsetattr the reference calls, from any thread.

import { execFileSync } from 'node:child_process';
import { isatty } from 'node:tty';
import { SemaError } from '../eval/errors';
import { fn, type BuiltinSpec } from './registry';
import { decodeKey, type ByteSource } from './key-decoder';
import { readByte, stdinReady } from './stdin';
import { integer } from './text-args';

/** The terminal settings (`stty -g`) before each `io/tty-raw!`, by the token it returned. */
const saved = new Map<number, string>();
let nextToken = 0;

const stdinBytes: ByteSource = { read: readByte, ready: stdinReady };

/** Runs stty on the terminal that is stdin; its output, trimmed. Throws with stty's message. */
function stty(args: string[]): string {
  try {
    return execFileSync('stty', args, { stdio: ['inherit', 'pipe', 'pipe'], encoding: 'utf8' }).trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error((err.stderr ?? '').trim() || err.message);
  }
}

/** What cfmakeraw() sets: no line editing, echo, signals or output processing; bytes one at a time. */
const RAW = ['raw', '-echo', '-echonl', '-iexten', 'cs8', '-parenb', 'min', '1', 'time', '0'];

export const ttyBuiltins: BuiltinSpec[] = [
  fn('io/tty-raw!', 0, 0, () => {
    if (!isatty(0)) return null;
    let settings: string;
    try {
      settings = stty(['-g']);
    } catch {
      return null;
    }
    try {
      stty(RAW);
    } catch (e) {
      throw new SemaError(`io/tty-raw!: cannot switch the terminal to raw mode: ${(e as Error).message}`, 'eval');
    }
    const token = nextToken++;
    saved.set(token, settings);
    return token;
  }),
  fn('io/tty-restore!', 1, 1, (args, ctx) => {
    const token = integer('io/tty-restore!', args, 0);
    const settings = saved.get(token);
    if (settings === undefined) return null;
    saved.delete(token);
    try {
      stty([settings]);
    } catch (e) {
      // Like the reference: a failed restore is reported but does not stop the program.
      ctx.interp.writeErr(`io/tty-restore!: cannot restore the terminal mode: ${(e as Error).message}\n`);
    }
    return null;
  }),
  fn('io/read-key', 0, 0, () => decodeKey(stdinBytes)),
  fn('io/read-key-timeout', 1, 1, (args) => {
    const ms = integer('io/read-key-timeout', args, 0);
    // A negative wait is no wait at all (the reference's select() rejects it).
    if (ms < 0 || !stdinReady(ms)) return null;
    return decodeKey(stdinBytes);
  }),
];
