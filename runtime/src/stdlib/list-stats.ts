// Aggregates, statistics, set operations and random picks over lists:
// list/sum, list/min, list/avg, list/mode, list/unique, list/diff, frequencies, ...
// "Same element" means `equal?`, tested through the canonical map key.

import { compareValues, mapGet, mapKey, valuesEqual } from '../eval/equality';
import { Float, SemaHashMap, SemaMap, type Value } from '../eval/values';
import { addInt } from './arithmetic';
import { fn, type StdlibModule } from './registry';
import { badType, evalFail, seqItems } from './support';

function nonEmpty(v: Value, name: string): readonly Value[] {
  const items = seqItems(v, name);
  if (items.length === 0) throw evalFail(`${name}: empty list`);
  return items;
}

function toNumber(v: Value, name: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof Float) return v.value;
  throw badType(name, 'number', v);
}

function less(a: Value, b: Value, name: string): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return toNumber(a, name) < toNumber(b, name);
}

function keySet(items: readonly Value[]): Set<string> {
  const set = new Set<string>();
  for (const x of items) set.add(mapKey(x));
  return set;
}

/** Counts per distinct element, in first-seen order. */
function countEach(items: readonly Value[]): Map<string, [Value, number]> {
  const counts = new Map<string, [Value, number]>();
  for (const x of items) {
    const k = mapKey(x);
    const entry = counts.get(k);
    if (entry === undefined) counts.set(k, [x, 1]);
    else entry[1]++;
  }
  return counts;
}

export const listStatsModule: StdlibModule = {
  name: 'list-stats',
  builtins: [
    fn('list/sum', 1, 1, ([v]) => {
      let intSum = 0;
      let floatSum = 0;
      let hasFloat = false;
      for (const x of seqItems(v!, 'list/sum')) {
        if (typeof x === 'number') {
          if (!hasFloat) intSum = addInt(intSum, x);
          floatSum += x;
        } else if (x instanceof Float) {
          hasFloat = true;
          floatSum += x.value;
        } else {
          throw badType('list/sum', 'number', x);
        }
      }
      return hasFloat ? new Float(floatSum) : intSum;
    }),
    fn('list/min', 1, 1, ([v]) => {
      const items = nonEmpty(v!, 'list/min');
      let best = items[0]!;
      for (let i = 1; i < items.length; i++) if (less(items[i]!, best, 'list/min')) best = items[i]!;
      return best;
    }),
    fn('list/max', 1, 1, ([v]) => {
      const items = nonEmpty(v!, 'list/max');
      let best = items[0]!;
      for (let i = 1; i < items.length; i++) if (less(best, items[i]!, 'list/max')) best = items[i]!;
      return best;
    }),
    fn('list/avg', 1, 1, ([v]) => {
      const items = nonEmpty(v!, 'list/avg');
      let sum = 0;
      for (const x of items) sum += toNumber(x, 'list/avg');
      return new Float(sum / items.length);
    }),
    fn('list/median', 1, 1, ([v]) => {
      const nums = nonEmpty(v!, 'list/median').map((x) => toNumber(x, 'list/median'));
      nums.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const mid = Math.floor(nums.length / 2);
      return new Float(nums.length % 2 === 0 ? (nums[mid - 1]! + nums[mid]!) / 2 : nums[mid]!);
    }),
    fn('list/mode', 1, 1, ([v]) => {
      const counts = [...countEach(nonEmpty(v!, 'list/mode')).values()];
      const top = Math.max(...counts.map((c) => c[1]));
      const modes = counts.filter((c) => c[1] === top).map((c) => c[0]);
      modes.sort(compareValues);
      return modes.length === 1 ? modes[0]! : modes;
    }),
    fn('frequencies', 1, 1, ([v]) => {
      const table = new Map<string, [Value, Value]>();
      for (const [k, [x, n]] of countEach(seqItems(v!, 'frequencies'))) table.set(k, [x, n]);
      return new SemaMap(table);
    }),
    fn('list/unique', 1, 1, ([v]) => {
      const seen = new Set<string>();
      const out: Value[] = [];
      for (const x of seqItems(v!, 'list/unique')) {
        const k = mapKey(x);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(x);
        }
      }
      return out;
    }),
    fn('list/dedupe', 1, 1, ([v]) => {
      const out: Value[] = [];
      for (const x of seqItems(v!, 'list/dedupe')) {
        if (out.length === 0 || !valuesEqual(out[out.length - 1]!, x)) out.push(x);
      }
      return out;
    }),
    fn('list/duplicates', 1, 1, ([v]) => {
      const dupes = [...countEach(seqItems(v!, 'list/duplicates')).values()].filter((c) => c[1] > 1).map((c) => c[0]);
      return dupes.sort(compareValues);
    }),
    fn('list/diff', 2, 2, ([a, b]) => {
      const xs = seqItems(a!, 'list/diff');
      const drop = keySet(seqItems(b!, 'list/diff'));
      return xs.filter((x) => !drop.has(mapKey(x)));
    }),
    fn('list/intersect', 2, 2, ([a, b]) => {
      const xs = seqItems(a!, 'list/intersect');
      const keep = keySet(seqItems(b!, 'list/intersect'));
      return xs.filter((x) => keep.has(mapKey(x)));
    }),
    fn('list/pluck', 2, 2, ([key, v]) => {
      return seqItems(v!, 'list/pluck').map((item) =>
        item instanceof SemaMap || item instanceof SemaHashMap ? (mapGet(item, key!) ?? null) : null,
      );
    }),
    fn('list/shuffle', 1, 1, ([v]) => {
      const out = seqItems(v!, 'list/shuffle').slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }),
    fn('list/pick', 1, 1, ([v]) => {
      const items = nonEmpty(v!, 'list/pick');
      return items[Math.floor(Math.random() * items.length)]!;
    }),
  ],
};
