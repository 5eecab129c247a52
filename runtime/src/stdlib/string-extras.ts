// String helpers for slicing around needles, prefixes/suffixes, targeted replacement and
// identifier case conversion (snake, kebab, camel, Pascal, headline).

import { fn, type BuiltinSpec } from './registry';
import { int, scalars, str } from './text-args';

function needleFn(name: string, pick: (s: string, needle: string) => string): BuiltinSpec {
  return fn(name, 2, 2, (args) => pick(str(name, args, 0), str(name, args, 1)));
}

function replaceAt(name: string, last: boolean): BuiltinSpec {
  return fn(name, 3, 3, (args) => {
    const s = str(name, args, 0);
    const from = str(name, args, 1);
    const to = str(name, args, 2);
    const i = last ? s.lastIndexOf(from) : s.indexOf(from);
    return i < 0 ? s : s.slice(0, i) + to + s.slice(i + from.length);
  });
}

const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;

/**
 * Splits an identifier into words: `_`, `-`, space and `.` separate words, and so do
 * lower-to-upper transitions; an upper-case run followed by a lower-case letter gives
 * its last capital to the next word (`HTMLParser` -> `HTML`, `Parser`).
 */
export function identifierWords(s: string): string[] {
  const words: string[] = [];
  let cur: string[] = [];
  let prevUpper = false;
  let prevSep = true;
  const flush = () => {
    if (cur.length > 0) words.push(cur.join(''));
    cur = [];
  };
  for (const ch of s) {
    if (ch === '_' || ch === '-' || ch === ' ' || ch === '.') {
      flush();
      prevUpper = false;
      prevSep = true;
    } else if (UPPER.test(ch)) {
      if (cur.length > 0 && (!prevUpper || prevSep)) flush();
      cur.push(ch);
      prevUpper = true;
      prevSep = false;
    } else if (LOWER.test(ch) && prevUpper && cur.length > 1) {
      const lastUpper = cur.pop()!;
      flush();
      cur.push(lastUpper, ch);
      prevUpper = false;
      prevSep = false;
    } else {
      cur.push(ch);
      prevUpper = false;
      prevSep = false;
    }
  }
  flush();
  return words;
}

/** First scalar upper-cased, the rest lower-cased. */
function titleWord(w: string): string {
  const cs = scalars(w);
  if (cs.length === 0) return '';
  return cs[0]!.toUpperCase() + cs.slice(1).join('').toLowerCase();
}

function caseFn(name: string, render: (words: string[]) => string): BuiltinSpec {
  return fn(name, 1, 1, (args) => render(identifierWords(str(name, args, 0))));
}

export const stringExtras: BuiltinSpec[] = [
  needleFn('string/after', (s, n) => {
    const i = s.indexOf(n);
    return i < 0 ? s : s.slice(i + n.length);
  }),
  needleFn('string/after-last', (s, n) => {
    const i = s.lastIndexOf(n);
    return i < 0 ? s : s.slice(i + n.length);
  }),
  needleFn('string/before', (s, n) => {
    const i = s.indexOf(n);
    return i < 0 ? s : s.slice(0, i);
  }),
  needleFn('string/before-last', (s, n) => {
    const i = s.lastIndexOf(n);
    return i < 0 ? s : s.slice(0, i);
  }),
  fn('string/between', 3, 3, (args) => {
    const s = str('string/between', args, 0);
    const left = str('string/between', args, 1);
    const right = str('string/between', args, 2);
    const l = s.indexOf(left);
    if (l < 0) return '';
    const after = s.slice(l + left.length);
    const r = after.indexOf(right);
    return r < 0 ? after : after.slice(0, r);
  }),
  fn('string/take', 2, 2, (args) => {
    const cs = scalars(str('string/take', args, 0));
    const n = int('string/take', args, 1);
    if (n >= 0) return cs.slice(0, Math.min(n, cs.length)).join('');
    const take = Math.min(-n, cs.length);
    return cs.slice(cs.length - take).join('');
  }),
  needleFn('string/chop-start', (s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  needleFn('string/chop-end', (s, p) => (s.endsWith(p) ? s.slice(0, s.length - p.length) : s)),
  needleFn('string/ensure-start', (s, p) => (s.startsWith(p) ? s : p + s)),
  needleFn('string/ensure-end', (s, p) => (s.endsWith(p) ? s : s + p)),
  fn('string/wrap', 2, 3, (args) => {
    const s = str('string/wrap', args, 0);
    const left = str('string/wrap', args, 1);
    const right = args.length === 3 ? str('string/wrap', args, 2) : left;
    return left + s + right;
  }),
  fn('string/unwrap', 2, 3, (args) => {
    const s = str('string/unwrap', args, 0);
    const left = str('string/unwrap', args, 1);
    const right = args.length === 3 ? str('string/unwrap', args, 2) : left;
    if (s.startsWith(left) && s.endsWith(right) && s.length >= left.length + right.length) {
      return s.slice(left.length, s.length - right.length);
    }
    return s;
  }),
  replaceAt('string/replace-first', false),
  replaceAt('string/replace-last', true),
  fn('string/remove', 2, 2, (args) => {
    const s = str('string/remove', args, 0);
    const needle = str('string/remove', args, 1);
    return needle === '' ? s : s.split(needle).join('');
  }),
  caseFn('string/snake-case', (ws) => ws.map((w) => w.toLowerCase()).join('_')),
  caseFn('string/kebab-case', (ws) => ws.map((w) => w.toLowerCase()).join('-')),
  caseFn('string/camel-case', (ws) => ws.map((w, i) => (i === 0 ? w.toLowerCase() : titleWord(w))).join('')),
  caseFn('string/pascal-case', (ws) => ws.map(titleWord).join('')),
  caseFn('string/headline', (ws) => ws.map(titleWord).join(' ')),
  fn('string/words', 1, 1, (args) => identifierWords(str('string/words', args, 0))),
];
