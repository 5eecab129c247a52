// `regex/*` builtins over Rust-syntax patterns (translated by regex-translate.ts).
// Match iteration, splitting and `$name` replacement follow the Rust crate's rules.

import { kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, utf8Length } from './text-args';
import { regexError, translateRegex } from './regex-translate';

const cache = new Map<string, RegExp>();

/** The pattern compiled with the `g` flag (callers reset lastIndex). */
export function compileRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const { source, flags } = translateRegex(pattern);
    try {
      re = new RegExp(source, flags + 'g');
    } catch (e) {
      const msg = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(e);
      throw regexError(msg.toLowerCase());
    }
    if (cache.size > 256) cache.clear();
    cache.set(pattern, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Successive non-overlapping matches. An empty match right where the previous match
 * ended is skipped, as the Rust crate does (`a*` on "baaac" matches at 0, 1-4 and 5).
 */
export function* matches(re: RegExp, text: string, limit = Infinity): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let lastEnd = -1;
  let count = 0;
  while (count < limit && re.lastIndex <= text.length) {
    const m = re.exec(text);
    if (m === null) return;
    const end = m.index + m[0].length;
    if (m[0] === '') {
      re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
      if (m.index === lastEnd) continue;
    }
    lastEnd = end;
    count++;
    yield m;
  }
}

/** Expands `$1`, `$name`, `${name}` and `$$` in a replacement, as Rust's `Captures::expand`. */
export function expandReplacement(template: string, m: RegExpExecArray): string {
  const group = (name: string): string => {
    if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
    return m.groups?.[name] ?? '';
  };
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '{') {
      const close = template.indexOf('}', i + 2);
      if (close < 0) out += '$';
      else {
        out += group(template.slice(i + 2, close));
        i = close;
      }
    } else {
      const name = /^[_0-9A-Za-z]+/.exec(template.slice(i + 1))?.[0];
      if (name === undefined) out += '$';
      else {
        out += group(name);
        i += name.length;
      }
    }
  }
  return out;
}

function replace(name: string, limit: number): BuiltinSpec {
  return fn(name, 3, 3, (args) => {
    const re = compileRegex(str(name, args, 0));
    const rep = str(name, args, 1);
    const text = str(name, args, 2);
    let out = '';
    let last = 0;
    for (const m of matches(re, text, limit)) {
      out += text.slice(last, m.index) + expandReplacement(rep, m);
      last = m.index + m[0].length;
    }
    return out + text.slice(last);
  });
}

function pair(name: string, body: (re: RegExp, text: string) => Value): BuiltinSpec {
  return fn(name, 2, 2, (args) => body(compileRegex(str(name, args, 0)), str(name, args, 1)));
}

const builtins: BuiltinSpec[] = [
  pair('regex/match?', (re, text) => re.exec(text) !== null),
  pair('regex/match', (re, text) => {
    const m = re.exec(text);
    if (m === null) return null;
    const start = utf8Length(text.slice(0, m.index));
    return mapFromPairs([
      kw('match'), m[0],
      kw('groups'), m.slice(1).map((g) => g ?? null),
      kw('start'), start,
      kw('end'), start + utf8Length(m[0]),
    ]);
  }),
  pair('regex/find-all', (re, text) => Array.from(matches(re, text), (m) => m[0])),
  replace('regex/replace', 1),
  replace('regex/replace-all', Infinity),
  pair('regex/split', (re, text) => {
    const parts: string[] = [];
    let last = 0;
    for (const m of matches(re, text)) {
      parts.push(text.slice(last, m.index));
      last = m.index + m[0].length;
    }
    parts.push(text.slice(last));
    return parts;
  }),
];

export const regexModule: StdlibModule = { name: 'regex', builtins };
