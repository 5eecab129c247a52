// `secret/*`, `pii/detect`, `redact/spans` and `hash/digest` (secret.md): find likely
// secrets and personal data in text and replace them with «redacted:<type>» markers.
// Positions are UTF-8 byte offsets, as the reference reports them, so they can be
// handed back to `redact/spans` unchanged.

import { createHash } from 'node:crypto';
import { kw, SemaMap, type Value } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, typeErr } from './text-args';

// The reference's patterns use Unicode classes (Rust regex): \d is any decimal digit, \s
// any White_Space character and \b a boundary between Unicode word characters.
const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
const B = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const D = '\\p{Nd}';
const S = '\\p{White_Space}';
const re = (source: string, flags = ''): RegExp => new RegExp(source, 'gu' + flags);

/**
 * A pattern whose match must start at a `start` match and whose outcome is the same from
 * any start inside one run of `run` characters. JavaScript's backtracking engine would
 * retry every start of a long run that leads nowhere (quadratic time, where the
 * reference's automaton is linear); after one failure the rest of the run is skipped.
 */
interface RunPattern {
  readonly match: RegExp;
  readonly start: RegExp;
  readonly run: RegExp;
}

type Pattern = RegExp | RunPattern;

const runPattern = (match: string, start: string, run: string): RunPattern => ({
  match: new RegExp(match, 'yu'),
  start: new RegExp(start, 'gu'),
  run: new RegExp(`${run}+`, 'yu'),
});

/** `[start, end)` (UTF-16 offsets) of each match, left to right, as a global regex finds them. */
function* matches(text: string, pattern: Pattern): Generator<[number, number, RegExpExecArray]> {
  if (pattern instanceof RegExp) {
    for (const m of text.matchAll(pattern)) yield [m.index, m.index + m[0].length, m];
    return;
  }
  let from = 0;
  while (from < text.length) {
    pattern.start.lastIndex = from;
    const candidate = pattern.start.exec(text);
    if (candidate === null) return;
    const at = candidate.index;
    pattern.match.lastIndex = at;
    const m = pattern.match.exec(text);
    if (m !== null) {
      yield [at, at + m[0].length, m];
      from = at + Math.max(1, m[0].length);
      continue;
    }
    pattern.run.lastIndex = at;
    from = at + Math.max(1, pattern.run.exec(text)?.[0].length ?? 1);
  }
}

const TOKEN_CHAR = '[A-Za-z0-9_-]';
/** Secret patterns in priority order: an earlier kind claims a span before later ones see it. */
const SECRET_PATTERNS: [string, Pattern][] = [
  ['aws-access-key', re('AKIA[0-9A-Z]{16}')],
  ['private-key', re('-----BEGIN [A-Z ]*PRIVATE KEY-----')],
  ['jwt', runPattern(`eyJ${TOKEN_CHAR}+\\.${TOKEN_CHAR}+\\.${TOKEN_CHAR}+`, 'eyJ', TOKEN_CHAR)],
  ['slack-token', re('xox[baprs]-[A-Za-z0-9-]+')],
  ['github-token', re('gh[pousr]_[A-Za-z0-9]{36,}')],
];
/** `name = value` assignments; the value (group 2) must look random to count. */
const ASSIGNMENT = re(`(api[_-]?key|secret|token|password)[${S}]*[:=][${S}]*['"]?([A-Za-z0-9_\\-]{16,})`, 'i');
const LONG_TOKEN = re('[A-Za-z0-9+/=_\\-]{32,}');
/** Bits per character above which a token is taken for random. */
const ENTROPY_THRESHOLD = 3.5;

const EMAIL_LOCAL = '[A-Za-z0-9._%+\\-]';
const PII_PATTERNS: [string, Pattern][] = [
  ['email', runPattern(`${EMAIL_LOCAL}+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}`, EMAIL_LOCAL, EMAIL_LOCAL)],
  ['ipv4', re(`${B}(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])${B}`)],
  ['phone', re(`(?:\\+?1[${S}.\\-]?)?\\(?${D}{3}\\)?[${S}.\\-]?${D}{3}[${S}.\\-]?${D}{4}`)],
];

interface Finding {
  readonly kind: string;
  /** UTF-16 offsets into the text (converted to bytes only for output). */
  readonly start: number;
  readonly end: number;
}

/** Shannon entropy of the string's characters, in bits per character. */
export function entropy(s: string): number {
  const chars = Array.from(s);
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Adds a finding unless it overlaps one already claimed. */
function claim(found: Finding[], kind: string, start: number, end: number): void {
  if (!found.some((f) => start < f.end && f.start < end)) found.push({ kind, start, end });
}

function byStart(found: Finding[]): Finding[] {
  return found.sort((a, b) => a.start - b.start);
}

function detectSecrets(text: string): Finding[] {
  const found: Finding[] = [];
  for (const [kind, pattern] of SECRET_PATTERNS) {
    for (const [start, end] of matches(text, pattern)) claim(found, kind, start, end);
  }
  for (const [start, end, m] of matches(text, ASSIGNMENT)) {
    if (entropy(m[2]!) >= ENTROPY_THRESHOLD) claim(found, 'api-key', start, end);
  }
  for (const [start, end, m] of matches(text, LONG_TOKEN)) {
    if (entropy(m[0]) >= ENTROPY_THRESHOLD) claim(found, 'high-entropy', start, end);
  }
  return byStart(found);
}

function detectPii(text: string): Finding[] {
  const found: Finding[] = [];
  for (const [kind, pattern] of PII_PATTERNS) {
    for (const [start, end] of matches(text, pattern)) claim(found, kind, start, end);
  }
  return byStart(found);
}

const bytesBefore = (text: string, index: number): number => Buffer.byteLength(text.slice(0, index));

function findingValue(text: string, f: Finding): Value {
  return mapFromPairs([
    kw('type'), f.kind,
    kw('match'), text.slice(f.start, f.end),
    kw('start'), bytesBefore(text, f.start),
    kw('end'), bytesBefore(text, f.end),
  ]);
}

const marker = (label: string | undefined): string => (label === undefined ? '«redacted»' : `«redacted:${label}»`);

/** `text` with each [start, end) (UTF-16 offsets, sorted, disjoint) replaced by its marker. */
function replaceSpans(text: string, spans: readonly { start: number; end: number; label: string | undefined }[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + marker(s.label);
    at = s.end;
  }
  return out + text.slice(at);
}

/** Caller-supplied spans: UTF-8 byte offsets clamped to the text; bad entries are skipped. */
function spansOf(text: string, spans: readonly Value[]): { start: number; end: number; label: string | undefined }[] {
  const bytes = Buffer.from(text, 'utf8');
  const isBoundary = (i: number): boolean => i === bytes.length || (bytes[i]! & 0xc0) !== 0x80;
  const utf16At = (i: number): number => bytes.subarray(0, i).toString('utf8').length;
  const edits: { start: number; end: number; label: string | undefined }[] = [];
  for (const span of spans) {
    if (!(span instanceof SemaMap)) continue;
    const start = mapGet(span, kw('start'));
    const end = mapGet(span, kw('end'));
    if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end < 0) continue;
    const s = Math.min(start, bytes.length);
    const e = Math.min(end, bytes.length);
    if (s >= e || !isBoundary(s) || !isBoundary(e)) continue;
    const label = mapGet(span, kw('label'));
    edits.push({ start: s, end: e, label: typeof label === 'string' ? label : undefined });
  }
  edits.sort((a, b) => a.start - b.start);
  // Overlapping spans: the first (by start) wins, later ones that overlap it are dropped.
  const accepted: typeof edits = [];
  let lastEnd = 0;
  for (const e of edits) {
    if (e.start < lastEnd) continue;
    lastEnd = e.end;
    accepted.push({ ...e, start: utf16At(e.start), end: utf16At(e.end) });
  }
  return accepted;
}

const builtins: BuiltinSpec[] = [
  fn('secret/detect', 1, 1, (args) => {
    const text = str('secret/detect', args, 0);
    return detectSecrets(text).map((f) => findingValue(text, f));
  }),
  fn('secret/redact', 1, 1, (args) => {
    const text = str('secret/redact', args, 0);
    return replaceSpans(text, detectSecrets(text).map((f) => ({ ...f, label: f.kind })));
  }),
  fn('pii/detect', 1, 1, (args) => {
    const text = str('pii/detect', args, 0);
    return detectPii(text).map((f) => findingValue(text, f));
  }),
  fn('redact/spans', 2, 2, (args) => {
    const text = str('redact/spans', args, 0);
    const spans = args[1] ?? null;
    if (!Array.isArray(spans)) throw typeErr('redact/spans', 'list', spans);
    return replaceSpans(text, spansOf(text, spans));
  }),
  fn('hash/digest', 1, 1, (args) => createHash('sha256').update(str('hash/digest', args, 0), 'utf8').digest('hex')),
];

export const secretModule: StdlibModule = { name: 'secret', builtins };
