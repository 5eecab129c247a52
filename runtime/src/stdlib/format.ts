// `format` (Scheme-style `~a`/`~s` directives) and `str`/`string-append`, which the
// reader's f-strings expand to: strings join raw, every other value in its printed form.

import { fn, type BuiltinSpec } from './registry';
import { aliases, str, textOf } from './text-args';
import { printValue } from '../reader/printer';
import type { Value } from '../eval/values';

/**
 * `~a` display form, `~s` write form, `~%` newline, `~~` tilde. Unknown directives
 * are copied as written; a directive with no argument left prints nothing.
 */
export function formatDirectives(fmt: string, values: readonly Value[]): string {
  let out = '';
  let next = 0;
  const chars = Array.from(fmt);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== '~') {
      out += c;
      continue;
    }
    const d = chars[++i];
    switch (d) {
      case 'a':
      case 'A':
        if (next < values.length) out += textOf(values[next++]!);
        break;
      case 's':
      case 'S':
        if (next < values.length) out += printValue(values[next++]!);
        break;
      case '%':
        out += '\n';
        break;
      case '~':
        out += '~';
        break;
      case undefined:
        out += '~';
        break;
      default:
        out += '~' + d;
    }
  }
  return out;
}

export const formatBuiltins: BuiltinSpec[] = [
  ...aliases(
    fn('string-append', 0, -1, (args) => args.map(textOf).join('')),
    'string/append',
    'str',
  ),
  fn('format', 1, -1, (args) => formatDirectives(str('format', args, 0), args.slice(1))),
];
