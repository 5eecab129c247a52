// Text-processing builtins for LLM pipelines: chunking, sentence splitting, cleaning,
// `{{key}}` prompt templates and documents (text plus metadata maps).

import { evalError } from '../eval/errors';
import { Keyword, SemaMap, kw, type Value } from '../eval/values';
import { mapAssoc, mapFromPairs, mapGet } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { scalars, str, textOf, typeErr, utf8Length } from './text-args';
import { splitWhitespace, trim, trimStart } from './strings';

const SEPARATORS = ['\n\n', '\n', '. ', '! ', '? ', '; ', ', ', ' '];

function intOption(opts: Value | undefined, key: string): number | undefined {
  if (!(opts instanceof SemaMap)) return undefined;
  const v = mapGet(opts, kw(key));
  return typeof v === 'number' ? v : undefined;
}

function chunkOptions(opts: Value | undefined): { size: number; overlap: number } {
  const size = Math.max(1, intOption(opts, 'size') ?? 1000);
  const overlap = Math.max(0, intOption(opts, 'overlap') ?? 200);
  return { size, overlap: overlap >= size ? 0 : overlap };
}

/** Splits on the coarsest separator present, merging pieces up to `max` UTF-8 bytes. */
export function recursiveChunk(text: string, max: number, overlap: number): string[] {
  if (utf8Length(text) <= max) return [text];
  for (const sep of SEPARATORS) {
    const parts = text.split(sep);
    if (parts.length > 1) return mergeSplits(parts, sep, max, overlap);
  }
  return hardChunk(text, max, overlap);
}

function mergeSplits(parts: string[], sep: string, max: number, overlap: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const part of parts) {
    const joined = current === '' ? part : current + sep + part;
    if (utf8Length(joined) <= max) {
      current = joined;
      continue;
    }
    if (current !== '') chunks.push(current);
    if (utf8Length(part) > max) {
      chunks.push(...recursiveChunk(part, max, overlap));
      current = '';
    } else current = part;
  }
  if (current !== '') chunks.push(current);
  if (overlap === 0 || chunks.length < 2) return chunks;
  // Each chunk after the first starts with the last `overlap` characters of the one before.
  return chunks.map((c, i) => (i === 0 ? c : scalars(chunks[i - 1]!).slice(-overlap).join('') + c));
}

function hardChunk(text: string, max: number, overlap: number): string[] {
  const cs = scalars(text);
  const step = overlap < max ? max - overlap : max;
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += step) out.push(cs.slice(i, i + max).join(''));
  return out;
}

function splitSentences(text: string): string[] {
  const cs = scalars(text);
  const out: string[] = [];
  let cur = '';
  cs.forEach((c, i) => {
    cur += c;
    const next = cs[i + 1];
    if ((c === '.' || c === '!' || c === '?') && (next === undefined || /^\p{White_Space}$/u.test(next))) {
      if (trim(cur) !== '') out.push(trim(cur));
      cur = '';
    }
  });
  if (trim(cur) !== '') out.push(trim(cur));
  return out;
}

function stripHtml(text: string): string {
  let out = '';
  let inTag = false;
  for (const c of text) {
    if (c === '<') inTag = true;
    else if (c === '>') inTag = false;
    else if (!inTag) out += c;
  }
  const entities: [string, string][] = [['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&#39;', "'"], ['&apos;', "'"], ['&nbsp;', ' ']];
  for (const [from, to] of entities) out = out.split(from).join(to);
  return out;
}

function trimIndent(text: string): string {
  if (text === '') return '';
  const lines = text.split('\n');
  const indents = lines.filter((l) => trim(l) !== '').map((l) => l.length - trimStart(l).length);
  const min = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => (l.length >= min ? l.slice(min) : trimStart(l))).join('\n');
}

/** Replaces `{{key}}` with the map's `:key` value; unknown keys stay as written. */
export function renderTemplate(template: string, vars: SemaMap): string {
  return template.replace(/\{\{([\s\S]*?)\}\}/g, (whole, name: string) => {
    const v = mapGet(vars, Keyword.of(name));
    return v === undefined ? whole : textOf(v);
  });
}

function mapArg(name: string, args: readonly Value[], i: number, what = 'map'): SemaMap {
  const v = args[i] ?? null;
  if (!(v instanceof SemaMap)) throw typeErr(name, what, v);
  return v;
}

function document(text: string, metadata: SemaMap): SemaMap {
  return mapFromPairs([kw('text'), text, kw('metadata'), metadata]);
}

const builtins: BuiltinSpec[] = [
  fn('text/chunk', 1, 2, (args) => {
    const text = str('text/chunk', args, 0);
    if (text === '') return [];
    const { size, overlap } = chunkOptions(args[1]);
    return recursiveChunk(text, size, overlap);
  }),
  fn('text/chunk-by-separator', 2, 2, (args) => {
    const text = str('text/chunk-by-separator', args, 0);
    const sep = str('text/chunk-by-separator', args, 1);
    return text === '' ? [] : text.split(sep).filter((s) => s !== '');
  }),
  fn('text/split-sentences', 1, 1, (args) => splitSentences(str('text/split-sentences', args, 0))),
  fn('text/clean-whitespace', 1, 1, (args) => splitWhitespace(str('text/clean-whitespace', args, 0)).join(' ')),
  fn('text/strip-html', 1, 1, (args) => stripHtml(str('text/strip-html', args, 0))),
  fn('text/truncate', 2, 3, (args) => {
    const text = str('text/truncate', args, 0);
    const max = args[1] ?? null;
    if (typeof max !== 'number') throw typeErr('text/truncate', 'integer', max);
    const suffix = typeof args[2] === 'string' ? args[2] : '...';
    const cs = scalars(text);
    if (cs.length <= max) return text;
    const suffixLen = scalars(suffix).length;
    if (max <= suffixLen) return suffix;
    return cs.slice(0, max - suffixLen).join('') + suffix;
  }),
  fn('text/word-count', 1, 1, (args) => splitWhitespace(str('text/word-count', args, 0)).length),
  fn('text/trim-indent', 1, 1, (args) => trimIndent(str('text/trim-indent', args, 0))),
  fn('text/excerpt', 2, 3, (args) => {
    const text = str('text/excerpt', args, 0);
    const query = str('text/excerpt', args, 1);
    const radius = Math.max(0, intOption(args[2], 'radius') ?? 100);
    const omissionOpt = args[2] instanceof SemaMap ? mapGet(args[2], kw('omission')) : undefined;
    const omission = typeof omissionOpt === 'string' ? omissionOpt : '...';
    const at = text.toLowerCase().indexOf(query.toLowerCase());
    if (at < 0) return null;
    const cs = scalars(text);
    const idx = scalars(text.slice(0, at)).length;
    const start = Math.max(0, idx - radius);
    const end = Math.min(cs.length, idx + scalars(query).length + radius);
    return (start > 0 ? omission : '') + cs.slice(start, end).join('') + (end < cs.length ? omission : '');
  }),
  fn('text/normalize-newlines', 1, 1, (args) => str('text/normalize-newlines', args, 0).replace(/\r\n?/g, '\n')),
  fn('prompt/template', 1, 1, (args) => str('prompt/template', args, 0)),
  fn('prompt/render', 2, 2, (args) => renderTemplate(str('prompt/render', args, 0), mapArg('prompt/render', args, 1))),
  fn('document/create', 2, 2, (args) => document(str('document/create', args, 0), mapArg('document/create', args, 1))),
  fn('document/text', 1, 1, (args) => {
    const v = mapGet(mapArg('document/text', args, 0, 'map (document)'), kw('text'));
    if (v === undefined) throw evalError('not a document: missing :text');
    return v;
  }),
  fn('document/metadata', 1, 1, (args) => {
    const v = mapGet(mapArg('document/metadata', args, 0, 'map (document)'), kw('metadata'));
    if (v === undefined) throw evalError('not a document: missing :metadata');
    return v;
  }),
  fn('document/chunk', 1, 2, (args) => {
    const doc = mapArg('document/chunk', args, 0, 'map (document)');
    const text = mapGet(doc, kw('text'));
    if (typeof text !== 'string') throw evalError('document/chunk: document missing :text');
    const meta = mapGet(doc, kw('metadata'));
    const base = meta instanceof SemaMap ? meta : mapFromPairs([]);
    const { size, overlap } = chunkOptions(args[1]);
    const chunks = recursiveChunk(text, size, overlap);
    return chunks.map((c, i) => document(c, mapAssoc(mapAssoc(base, kw('chunk-index'), i), kw('total-chunks'), chunks.length)));
  }),
];

export const textModule: StdlibModule = { name: 'text', builtins };
