// Terminal styling and screen control (the reference's terminal page): SGR-wrapped
// strings (`term/bold`, `term/style`, `term/rgb`), stripping escape sequences, and
// control sequences written to the program's stdout through the interpreter, so they
// reach a pipe or the editor's output panel exactly as they would a terminal.

import { SemaError } from '../eval/errors';
import { Keyword, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { integer, str, typeErr } from './text-args';
import { spinnerBuiltins } from './spinners';
import { ttyBuiltins } from './tty';

/** SGR codes by style name: the `term/<name>` functions and `term/style` keywords. */
const SGR: ReadonlyMap<string, string> = new Map([
  ['bold', '1'],
  ['dim', '2'],
  ['italic', '3'],
  ['underline', '4'],
  ['inverse', '7'],
  ['strikethrough', '9'],
  ['black', '30'],
  ['red', '31'],
  ['green', '32'],
  ['yellow', '33'],
  ['blue', '34'],
  ['magenta', '35'],
  ['cyan', '36'],
  ['white', '37'],
  ['gray', '90'],
]);

/** `text` in the given SGR codes, reset afterwards so the style does not bleed. */
const sgr = (text: string, codes: string): string => `\x1b[${codes}m${text}\x1b[0m`;

/**
 * `s` without ANSI escape sequences: CSI (`ESC [` ... final byte 0x40-0x7E), OSC
 * (`ESC ]` ... BEL or `ESC \`), and any other escape with the one character after it.
 */
export function stripAnsi(s: string): string {
  let out = '';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '\x1b') {
      out += chars[i]!;
      continue;
    }
    const kind = chars[++i];
    if (kind === '[') {
      while (++i < chars.length) {
        const c = chars[i]!.codePointAt(0)!;
        if (c >= 0x40 && c <= 0x7e) break;
      }
    } else if (kind === ']') {
      while (++i < chars.length) {
        if (chars[i] === '\x07') break;
        if (chars[i] === '\x1b') {
          if (chars[i + 1] === '\\') i++;
          break;
        }
      }
    }
  }
  return out;
}

function styleFn(name: string, code: string): BuiltinSpec {
  return fn(`term/${name}`, 1, 1, (args) => sgr(str(`term/${name}`, args, 0), code));
}

/** Writes a control sequence to the program's stdout. */
function emit(ctx: CallContext, seq: string): null {
  ctx.interp.writeOut(seq);
  return null;
}

/** A zero-argument builtin that writes a fixed control sequence. */
const control = (name: string, seq: string): BuiltinSpec => fn(name, 0, 0, (_args, ctx) => emit(ctx, seq));

/** A 1-based screen coordinate; smaller values mean the first row or column. */
function coord(name: string, args: readonly Value[], i: number): number {
  return Math.max(1, integer(name, args, i));
}

const styleBuiltins: BuiltinSpec[] = [
  ...[...SGR].map(([name, code]) => styleFn(name, code)),
  fn('term/style', 1, -1, (args) => {
    const text = str('term/style', args, 0);
    const codes = args.slice(1).map((v) => {
      if (!(v instanceof Keyword)) throw typeErr('term/style', 'keyword', v);
      const code = SGR.get(v.name);
      if (code === undefined) throw new SemaError(`term/style: unknown style keyword :${v.name}`, 'eval');
      return code;
    });
    return codes.length === 0 ? text : sgr(text, codes.join(';'));
  }),
  fn('term/strip', 1, 1, (args) => stripAnsi(str('term/strip', args, 0))),
  fn('term/rgb', 4, 4, (args) => {
    const text = str('term/rgb', args, 0);
    const [r, g, b] = [1, 2, 3].map((i) => integer('term/rgb', args, i));
    return `\x1b[38;2;${r};${g};${b}m${text}\x1b[0m`;
  }),
];

const screenBuiltins: BuiltinSpec[] = [
  control('term/enter-alt-screen', '\x1b[?1049h'),
  control('term/leave-alt-screen', '\x1b[?1049l'),
  control('term/clear', '\x1b[2J\x1b[H'),
  control('term/clear-line', '\x1b[2K'),
  control('term/clear-below', '\x1b[0J'),
  control('term/cursor-home', '\x1b[H'),
  control('term/hide-cursor', '\x1b[?25l'),
  control('term/show-cursor', '\x1b[?25h'),
  control('term/save-cursor', '\x1b7'),
  control('term/restore-cursor', '\x1b8'),
  // Button events, drag motion and SGR coordinates; io/read-key decodes the reports.
  control('term/enable-mouse', '\x1b[?1000h\x1b[?1002h\x1b[?1006h'),
  control('term/disable-mouse', '\x1b[?1000l\x1b[?1002l\x1b[?1006l'),
  // Kitty keyboard flags 1 (disambiguate) + 16 (associated text); popped on disable.
  control('term/enable-kitty-keys!', '\x1b[>17u'),
  control('term/disable-kitty-keys!', '\x1b[<u'),
  control('term/bell', '\x07'),
  fn('term/move-to', 2, 2, (args, ctx) => emit(ctx, `\x1b[${coord('term/move-to', args, 0)};${coord('term/move-to', args, 1)}H`)),
  fn('term/write-at', 3, 3, (args, ctx) => {
    const [row, col] = [coord('term/write-at', args, 0), coord('term/write-at', args, 1)];
    return emit(ctx, `\x1b[${row};${col}H${str('term/write-at', args, 2)}`);
  }),
  // OSC 0 sets the icon name and the window title; BEL ends it.
  fn('term/set-title', 1, 1, (args, ctx) => emit(ctx, `\x1b]0;${str('term/set-title', args, 0)}\x07`)),
  // Output goes to the host as it is written, so there is nothing to flush.
  fn('term/flush', 0, 0, () => null),
];

export const terminalModule: StdlibModule = {
  name: 'terminal',
  builtins: [...styleBuiltins, ...screenBuiltins, ...spinnerBuiltins, ...ttyBuiltins],
};
