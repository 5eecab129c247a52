// A handful of builtins so evaluator tests don't depend on the full standard library.

import { fn, type StdlibModule } from '../../src/stdlib/registry';
import type { Value } from '../../src/eval/values';

const nums = (a: Value[]): number[] => a as number[];

export const miniStdlib: StdlibModule = {
  name: 'mini',
  builtins: [
    fn('+', 0, -1, (a) => nums(a).reduce((x, y) => x + y, 0)),
    fn('-', 1, -1, (a) => (a.length === 1 ? -nums(a)[0]! : nums(a).slice(1).reduce((x, y) => x - y, nums(a)[0]!))),
    fn('*', 0, -1, (a) => nums(a).reduce((x, y) => x * y, 1)),
    fn('<', 2, 2, (a) => nums(a)[0]! < nums(a)[1]!),
    fn('>', 2, 2, (a) => nums(a)[0]! > nums(a)[1]!),
    fn('=', 2, 2, (a) => a[0] === a[1]),
    fn('list', 0, -1, (a) => a),
    fn('car', 1, 1, (a) => (a[0] as Value[])[0]!),
    fn('cdr', 1, 1, (a) => (a[0] as Value[]).slice(1)),
    fn('null?', 1, 1, (a) => Array.isArray(a[0]) && a[0].length === 0),
    fn('out', 1, 1, (a, ctx) => {
      ctx.interp.writeOut(String(a[0]));
      return null;
    }),
  ],
};
