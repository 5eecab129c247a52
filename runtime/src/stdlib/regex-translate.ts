// Translates Rust `regex` syntax into an equivalent JavaScript RegExp (always with the
// `u` flag). Rust's `\d`, `\w`, `\s` are Unicode-aware, so they become property classes;
// `(?P<name>...)` becomes `(?<name>...)`; leading inline flags become RegExp flags.
// Constructs Rust rejects (look-around, backreferences) are rejected here too.

import { SemaError } from '../eval/errors';

const HINT = 'Sema uses Rust regex syntax (no lookahead/lookbehind). See https://docs.rs/regex';

export function regexError(reason: string): SemaError {
  return new SemaError(`invalid regex pattern: regex parse error: ${reason}`, 'eval', {}, HINT);
}

const WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';
const CLASS_ESCAPES: Record<string, string> = { d: '\\p{Nd}', D: '\\P{Nd}', s: '\\p{White_Space}', S: '\\P{White_Space}', w: WORD };
const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};
const SYNTAX = '^$\\.*+?()[]{}|/';
const SIMPLE_ESCAPES: Record<string, string> = { n: '\\n', t: '\\t', r: '\\r', f: '\\f', v: '\\v', a: '\\x07' };

function property(name: string, negated: boolean): string {
  const p = negated ? 'P' : 'p';
  for (const candidate of [name, `Script=${name}`]) {
    try {
      new RegExp(`\\${p}{${candidate}}`, 'u');
      return `\\${p}{${candidate}}`;
    } catch {
      // not this spelling; try the next
    }
  }
  throw regexError(`Unicode property not found: ${name}`);
}

export interface Translated {
  readonly source: string;
  readonly flags: string;
}

export function translateRegex(pattern: string): Translated {
  const cs = Array.from(pattern);
  let i = 0;
  const flags = new Set<string>();
  const lead = /^\(\?([imsxU]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1]!) {
      if (f === 'U') throw regexError('the swap-greed flag (?U) is not supported');
      flags.add(f);
    }
    i = Array.from(lead[0]).length;
  }
  const verbose = flags.has('x');
  let out = '';
  let inClass = false;
  let classStart = false;

  const escape = (): void => {
    const e = cs[++i];
    if (e === undefined) throw regexError('incomplete escape sequence, reached end of pattern prematurely');
    if (/[1-9]/.test(e)) throw regexError('backreferences are not supported');
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e in CLASS_ESCAPES) out += inClass ? CLASS_ESCAPES[e] : e === 'w' ? `[${WORD}]` : CLASS_ESCAPES[e];
    else if (e === 'W') out += inClass ? '\\W' : `[^${WORD}]`;
    else if (e === 'A' && !inClass) out += '(?<![\\s\\S])';
    else if (e === 'z' && !inClass) out += '(?![\\s\\S])';
    else if ((e === 'b' || e === 'B') && !inClass) out += '\\' + e;
    else if (e === 'p' || e === 'P') {
      let name: string;
      if (cs[i + 1] === '{') {
        const close = cs.indexOf('}', i + 2);
        if (close < 0) throw regexError('unclosed Unicode class');
        name = cs.slice(i + 2, close).join('');
        i = close;
      } else {
        name = cs[++i] ?? '';
      }
      const neg = name.startsWith('^');
      out += property(neg ? name.slice(1) : name, (e === 'P') !== neg);
    } else if (e === 'x') {
      if (cs[i + 1] === '{') {
        const close = cs.indexOf('}', i + 2);
        if (close < 0) throw regexError('unclosed hexadecimal escape');
        out += `\\u{${cs.slice(i + 2, close).join('')}}`;
        i = close;
      } else {
        out += '\\x' + (cs[i + 1] ?? '') + (cs[i + 2] ?? '');
        i += 2;
      }
    } else if (SYNTAX.includes(e) || (inClass && e === '-')) out += '\\' + e;
    else if (/[A-Za-z0-9]/.test(e)) throw regexError(`unrecognized escape sequence \\${e}`);
    else out += e;
  };

  for (; i < cs.length; i++) {
    const c = cs[i]!;
    if (c === '\\') {
      escape();
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === ']' && !classStart) {
        inClass = false;
        out += ']';
      } else if (c === '[' && cs[i + 1] === ':') {
        const close = cs.indexOf(']', i);
        const body = close < 0 ? '' : cs.slice(i + 2, close - 1).join('');
        const set = close > 0 && cs[close - 1] === ':' ? POSIX[body] : undefined;
        if (set === undefined) throw regexError(`unsupported class [:${body}:]`);
        out += set;
        i = close;
      } else if (c === '[') throw regexError('nested character classes are not supported');
      else if ((c === '&' || c === '-' || c === '~') && cs[i + 1] === c) throw regexError('character class set operations are not supported');
      else out += c === ']' ? '\\]' : c;
      classStart = false;
      continue;
    }
    if (verbose && /\s/.test(c)) continue;
    if (verbose && c === '#') {
      while (i < cs.length && cs[i] !== '\n') i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = true;
      out += '[';
      if (cs[i + 1] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    if (c === '(' && cs[i + 1] === '?') {
      const rest = cs.slice(i + 2, i + 4).join('');
      if (rest.startsWith('=') || rest.startsWith('!') || rest === '<=' || rest === '<!') {
        throw regexError('look-around, including look-ahead and look-behind, is not supported');
      }
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      if (rest.startsWith('<') || rest.startsWith(':')) {
        out += '(?' + rest[0];
        i += 2;
        continue;
      }
      throw regexError('inline flags are only supported at the start of the pattern, as (?flags)');
    }
    if (c === '.' && !flags.has('s')) {
      out += '[^\\n]';
      continue;
    }
    out += c;
  }
  if (inClass) throw regexError('unclosed character class');
  let jsFlags = 'u';
  if (flags.has('i')) jsFlags += 'i';
  if (flags.has('m')) jsFlags += 'm';
  if (flags.has('s')) jsFlags += 's';
  return { source: out, flags: jsFlags };
}
