// `workflow/check`: the static checker as a builtin, returning diagnostics as maps.

import { mapFromPairs } from '../eval/equality';
import { Keyword, type Value } from '../eval/values';
import { prettyPrint } from '../stdlib/pretty';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import { checkSource } from './check';

const k = (name: string): Keyword => Keyword.of(name);

export const checkBuiltins: BuiltinSpec[] = [
  fn('workflow/check', 1, 1, ([src]) => {
    // A quoted form is checked as its printed source.
    const text = typeof src === 'string' ? src : prettyPrint(src ?? null, 100);
    return checkSource(text).map((d): Value =>
      mapFromPairs([
        k('severity'), k(d.severity),
        k('code'), d.code,
        k('message'), d.message,
        k('line'), d.line ?? null,
        k('col'), d.col ?? null,
        k('hint'), d.hint ?? null,
      ]),
    );
  }),
];
