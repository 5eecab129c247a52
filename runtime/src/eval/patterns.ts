// Destructuring (let/define/lambda: strict, errors on shape mismatch) and `match`
// patterns (soft: a mismatch is `false`). Both compile a pattern once into a function.

import { evalError, SemaError, typeError } from './errors';
import { mapGet, valuesEqual } from './equality';
import { Keyword, SemaHashMap, SemaMap, Sym, Vector, typeName, type Value } from './values';
import type { Frame } from './scope';

export type Setter = (f: Frame, v: Value) => void;
export type Binder = (f: Frame, v: Value) => void;
export type Matcher = (f: Frame, v: Value) => boolean;

const AMP = Sym.of('&');
const UNDERSCORE = Sym.of('_');
const QUOTE = Sym.of('quote');
const KEYS = Keyword.of('keys');

/** True when `p` is more than a plain symbol (needs destructuring). */
export function isPattern(p: Value): boolean {
  return p instanceof Vector || p instanceof SemaMap;
}

function keysList(keys: Value, who: string): Sym[] {
  const items = keys instanceof Vector ? keys.items : Array.isArray(keys) ? keys : undefined;
  if (!items) throw evalError(`${who}: :keys must be followed by a vector or list of symbols`);
  return items.map((k) => {
    if (!(k instanceof Sym)) throw evalError(`${who}: :keys entries must be symbols`);
    return k;
  });
}

/** The variable names a destructuring or match pattern binds, in order. */
export function patternNames(p: Value, forMatch = false): string[] {
  const out: string[] = [];
  const walk = (q: Value): void => {
    if (q instanceof Sym) {
      if (q !== UNDERSCORE && q !== AMP) out.push(q.name);
    } else if (q instanceof Vector) q.items.forEach(walk);
    else if (q instanceof SemaMap) {
      for (const [k, v] of q.table.values()) {
        if (k === KEYS) out.push(...keysList(v, forMatch ? 'match' : 'destructure').map((s) => s.name));
        else walk(v);
      }
    }
  };
  walk(p);
  return out;
}

function seqItems(v: Value): readonly Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  return undefined;
}

function splitAmp(elems: readonly Value[], who: string): { fixed: readonly Value[]; rest: Value | undefined } {
  const pos = elems.indexOf(AMP);
  if (pos < 0) return { fixed: elems, rest: undefined };
  if (pos + 1 >= elems.length) throw evalError(`${who}: \`&\` must be followed by a rest pattern`);
  if (pos + 2 < elems.length) throw evalError(`${who}: only one pattern allowed after \`&\``);
  return { fixed: elems.slice(0, pos), rest: elems[pos + 1]! };
}

/** Compiles a strict destructuring pattern; `setter(name)` stores one bound variable. */
export function compileDestructure(p: Value, setter: (name: string) => Setter): Binder {
  if (p instanceof Sym) {
    if (p === UNDERSCORE) return () => {};
    return setter(p.name);
  }
  if (p instanceof Vector) {
    const { fixed, rest } = splitAmp(p.items, 'destructure');
    const parts = fixed.map((q) => compileDestructure(q, setter));
    const restBinder = rest === undefined ? undefined : compileDestructure(rest, setter);
    const n = fixed.length;
    return (f, v) => {
      const items = seqItems(v);
      if (!items) throw typeError('destructure', 'list or vector', typeName(v));
      if (restBinder) {
        if (items.length < n)
          throw evalError(`destructure: expected at least ${n} elements before \`&\`, got ${items.length}`);
      } else if (items.length !== n) {
        throw evalError(`destructure: expected ${n} elements, got ${items.length}`);
      }
      for (let i = 0; i < n; i++) parts[i]!(f, items[i]!);
      if (restBinder) restBinder(f, items.slice(n));
    };
  }
  if (p instanceof SemaMap) {
    const steps: ((f: Frame, m: SemaMap | SemaHashMap) => void)[] = [];
    for (const [k, q] of p.table.values()) {
      if (k === KEYS) {
        for (const s of keysList(q, 'destructure')) {
          const set = setter(s.name);
          const key = Keyword.of(s.name);
          steps.push((f, m) => set(f, mapGet(m, key) ?? null));
        }
      } else {
        const sub = compileDestructure(q, setter);
        steps.push((f, m) => sub(f, mapGet(m, k) ?? null));
      }
    }
    return (f, v) => {
      if (!(v instanceof SemaMap || v instanceof SemaHashMap)) throw typeError('destructure', 'map or hashmap', typeName(v));
      for (const step of steps) step(f, v);
    };
  }
  throw new SemaError(
    `destructure: invalid pattern, expected symbol, vector, or map, got ${typeName(p)}`,
    'eval',
    {},
    'use [a b c] for sequential destructuring or {:keys [a b]} for map destructuring',
  );
}

/** Compiles a `match` pattern: symbols bind, `_` matches anything, other atoms match by equality. */
export function compileMatch(p: Value, setter: (name: string) => Setter): Matcher {
  if (p instanceof Sym) {
    if (p === UNDERSCORE) return () => true;
    const set = setter(p.name);
    return (f, v) => {
      set(f, v);
      return true;
    };
  }
  if (p instanceof Vector) {
    const { fixed, rest } = splitAmp(p.items, 'match');
    const parts = fixed.map((q) => compileMatch(q, setter));
    const restMatcher = rest === undefined ? undefined : compileMatch(rest, setter);
    const n = fixed.length;
    return (f, v) => {
      const items = seqItems(v);
      if (!items) return false;
      if (restMatcher ? items.length < n : items.length !== n) return false;
      for (let i = 0; i < n; i++) if (!parts[i]!(f, items[i]!)) return false;
      return restMatcher ? restMatcher(f, items.slice(n)) : true;
    };
  }
  if (p instanceof SemaMap) {
    const steps: ((f: Frame, m: SemaMap | SemaHashMap) => boolean)[] = [];
    for (const [k, q] of p.table.values()) {
      if (k === KEYS) {
        for (const s of keysList(q, 'match')) {
          const set = setter(s.name);
          const key = Keyword.of(s.name);
          steps.push((f, m) => {
            set(f, mapGet(m, key) ?? null);
            return true;
          });
        }
      } else {
        const sub = compileMatch(q, setter);
        steps.push((f, m) => {
          const got = mapGet(m, k);
          return got !== undefined && sub(f, got);
        });
      }
    }
    return (f, v) => {
      if (!(v instanceof SemaMap || v instanceof SemaHashMap)) return false;
      for (const step of steps) if (!step(f, v)) return false;
      return true;
    };
  }
  if (Array.isArray(p) && p.length === 2 && p[0] === QUOTE) {
    const lit = p[1]!;
    return (_f, v) => valuesEqual(lit, v);
  }
  return (_f, v) => valuesEqual(p, v);
}
