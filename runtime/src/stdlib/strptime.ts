// chrono-compatible parsing of a naive date-time (`NaiveDateTime::parse_from_str`):
// the input must give a full date and at least hour and minute; the result is read as UTC.

import { MONTHS, WEEKDAYS, midnight } from './strftime';

/** A parse failure with chrono's wording. */
export class ParseFailure extends Error {}

const INVALID = 'input contains invalid characters';
const TOO_SHORT = 'premature end of input';
const TOO_LONG = 'trailing input';
const OUT_OF_RANGE = 'input is out of range';
const IMPOSSIBLE = 'no possible date and time matching input';
const NOT_ENOUGH = 'input is not enough for unique date and time';
const BAD_FORMAT = 'bad or unsupported format string';

interface Fields {
  year?: number;
  yy?: number;
  month?: number;
  day?: number;
  yday?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  weekday?: number;
  timestamp?: number;
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** Seconds since the epoch (whole seconds, UTC) for `input` read with `fmt`. */
export function strptime(input: string, fmt: string): number {
  const f: Fields = {};
  let p = 0;
  const expandFmt = fmt
    .replace(/%[DxFRTXrcv+]/g, (m) => ({ '%D': '%m/%d/%y', '%x': '%m/%d/%y', '%F': '%Y-%m-%d', '%R': '%H:%M', '%T': '%H:%M:%S', '%X': '%H:%M:%S', '%r': '%I:%M:%S %p', '%c': '%a %b %e %H:%M:%S %Y', '%v': '%e-%b-%Y', '%+': '%Y-%m-%dT%H:%M:%S%.f%:z' })[m]!);
  const number = (maxDigits: number, signed = false): number => {
    while (isSpace(input[p])) p++;
    let sign = 1;
    if (signed && (input[p] === '-' || input[p] === '+')) {
      if (input[p] === '-') sign = -1;
      p++;
    }
    const start = p;
    while (p < input.length && p - start < maxDigits && input[p]! >= '0' && input[p]! <= '9') p++;
    if (p === start) throw new ParseFailure(p >= input.length ? TOO_SHORT : INVALID);
    return sign * Number(input.slice(start, p));
  };
  const name = (names: readonly string[]): number => {
    const rest = input.slice(p).toLowerCase();
    for (let i = 0; i < names.length; i++) {
      const full = names[i]!.toLowerCase();
      if (rest.startsWith(full)) {
        p += full.length;
        return i;
      }
      if (rest.startsWith(full.slice(0, 3))) {
        p += 3;
        return i;
      }
    }
    throw new ParseFailure(p >= input.length ? TOO_SHORT : INVALID);
  };
  const set = (key: keyof Fields, v: number | boolean, lo?: number, hi?: number): void => {
    if (typeof v === 'number' && lo !== undefined && hi !== undefined && (v < lo || v > hi)) throw new ParseFailure(OUT_OF_RANGE);
    if (f[key] !== undefined && f[key] !== v) throw new ParseFailure(IMPOSSIBLE);
    (f as Record<string, number | boolean>)[key] = v;
  };
  for (let i = 0; i < expandFmt.length; i++) {
    const c = expandFmt[i]!;
    if (isSpace(c)) {
      while (isSpace(input[p])) p++;
      continue;
    }
    if (c !== '%') {
      if (p >= input.length) throw new ParseFailure(TOO_SHORT);
      if (input[p] !== c) throw new ParseFailure(INVALID);
      p++;
      continue;
    }
    let spec = expandFmt[++i];
    if (spec === '-' || spec === '_' || spec === '0') spec = expandFmt[++i];
    switch (spec) {
      case 'Y': set('year', number(Infinity, true)); break;
      case 'y': set('yy', number(2), 0, 99); break;
      case 'm': set('month', number(2), 1, 12); break;
      case 'b': case 'h': case 'B': set('month', name(MONTHS) + 1); break;
      case 'd': case 'e': set('day', number(2), 1, 31); break;
      case 'j': set('yday', number(3), 1, 366); break;
      case 'a': case 'A': set('weekday', name(WEEKDAYS)); break;
      case 'u': set('weekday', number(1) % 7, 0, 6); break;
      case 'w': set('weekday', number(1), 0, 6); break;
      case 'H': case 'k': set('hour', number(2), 0, 23); break;
      case 'I': case 'l': set('hour12', number(2), 1, 12); break;
      case 'p': case 'P': set('pm', name(['AM', 'PM']) === 1); break;
      case 'M': set('minute', number(2), 0, 59); break;
      case 'S': set('second', number(2), 0, 60); break;
      case 'f': number(9); break;
      case 's': set('timestamp', number(Infinity, true)); break;
      case 'Z': while (p < input.length && /[A-Za-z]/.test(input[p]!)) p++; break;
      case 'z': case ':': {
        if (spec === ':') i++;
        while (isSpace(input[p])) p++;
        if (input[p] === 'Z') p++;
        else {
          if (input[p] !== '+' && input[p] !== '-') throw new ParseFailure(p >= input.length ? TOO_SHORT : INVALID);
          p++;
          number(2);
          if (input[p] === ':') p++;
          number(2);
        }
        break;
      }
      case '.': {
        let j = i + 1;
        while (/[369]/.test(expandFmt[j] ?? '')) j++;
        if (expandFmt[j] !== 'f') throw new ParseFailure(BAD_FORMAT);
        i = j;
        if (input[p] === '.') {
          p++;
          number(9);
        }
        break;
      }
      case '%': if (input[p++] !== '%') throw new ParseFailure(p > input.length ? TOO_SHORT : INVALID); break;
      case 't': case 'n': while (isSpace(input[p])) p++; break;
      default: throw new ParseFailure(BAD_FORMAT);
    }
  }
  if (p < input.length) throw new ParseFailure(TOO_LONG);
  return assemble(f);
}

function assemble(f: Fields): number {
  if (f.timestamp !== undefined) return f.timestamp;
  let year = f.year;
  if (year === undefined && f.yy !== undefined) year = f.yy < 70 ? 2000 + f.yy : 1900 + f.yy;
  let hour = f.hour;
  if (hour === undefined && f.hour12 !== undefined && f.pm !== undefined) hour = (f.hour12 % 12) + (f.pm ? 12 : 0);
  if (year === undefined || hour === undefined || f.minute === undefined) throw new ParseFailure(NOT_ENOUGH);
  if (hour !== undefined && f.hour12 !== undefined && f.pm !== undefined && hour !== (f.hour12 % 12) + (f.pm ? 12 : 0)) throw new ParseFailure(IMPOSSIBLE);
  let dayMs: number;
  if (f.month !== undefined && f.day !== undefined) {
    dayMs = midnight(year, f.month - 1, f.day);
    if (new Date(dayMs).getUTCDate() !== f.day) throw new ParseFailure(OUT_OF_RANGE);
  } else if (f.yday !== undefined) {
    dayMs = midnight(year, 0, f.yday);
    if (new Date(dayMs).getUTCFullYear() !== year) throw new ParseFailure(OUT_OF_RANGE);
  } else throw new ParseFailure(NOT_ENOUGH);
  if (f.weekday !== undefined && new Date(dayMs).getUTCDay() !== f.weekday) throw new ParseFailure(IMPOSSIBLE);
  return dayMs / 1000 + hour * 3600 + f.minute * 60 + Math.min(f.second ?? 0, 59) + (f.second === 60 ? 1 : 0);
}
