// Robustness: random text and truncated real files through the analysis and every
// feature at random positions. Nothing may throw, and formatting stays idempotent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver-protocol';
import { parse, type SyntaxNode } from '@sema/runtime/reader';
import { open, testCatalogue } from '../support/fixtures';
import { runtimeCatalogueView, type Catalogue } from '../../src/catalogue';
import { diagnostics } from '../../src/features/diagnostics';
import { completion } from '../../src/features/completion';
import { hover } from '../../src/features/hover';
import { signatureHelp } from '../../src/features/signature-help';
import { definition, documentHighlight, prepareRename, references, rename, RenameError } from '../../src/features/navigation';
import { documentSymbols } from '../../src/features/symbols';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from '../../src/features/call-hierarchy';
import { codeLenses, foldingRanges, selectionRanges } from '../../src/features/structure';
import { semanticTokens } from '../../src/features/semantic-tokens';
import { formatDocument, formatRange, formatText } from '../../src/features/formatting';

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['(', ')', '[', ']', '{', '}', ' ', '\n', '"', '\\', ';', '#|', '|#', '#(', "'", '`', ',', ',@', ':kw', 'define', 'defun', 'let', 'lambda', 'fn', 'match', 'if', 'cond', 'x', 'y', 'llm/complete', '{:max-tokens', ':temperature', '1', '2.5', '#t', '#\\a', '#\\]', '#\\)', '#\\(', 'f"{x}"', 'define-record-type', 'deftool', 'import', '"a.sema"', 'é', '😀', '\r\n', '#;', '%', '&', '.', 'message', ':robot', 'let*', 'do', 'try', 'catch', 'as->', 'when-let'];

function randomText(r: () => number): string {
  const n = Math.floor(r() * 80);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

function realFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.sema')) out.push(readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(join(__dirname, '../../../../test-workspace'));
  walk(join(__dirname, '../../../../runtime/test'));
  return out;
}

function exercise(text: string, r: () => number, catalogue?: Catalogue): void {
  const { doc, store } = open(text, {}, catalogue);
  diagnostics(doc, doc.uri);
  documentSymbols(doc);
  foldingRanges(doc);
  semanticTokens(doc);
  codeLenses(doc);
  formatDocument(doc);
  const lines = doc.pos.lineCount;
  const positions: Position[] = [];
  for (let i = 0; i < 6; i++) positions.push({ line: Math.floor(r() * (lines + 1)), character: Math.floor(r() * 40) });
  positions.push({ line: 0, character: 0 }, doc.pos.position(text.length));
  selectionRanges(doc, positions);
  for (const p of positions) {
    completion(doc, store, p);
    hover(doc, store, p);
    signatureHelp(doc, store, p);
    definition(doc, store, p);
    references(doc, store, p, true);
    documentHighlight(doc, p);
    prepareRename(doc, p);
    for (const item of prepareCallHierarchy(doc, store, p) ?? []) {
      incomingCalls(item, store);
      outgoingCalls(item, store);
    }
    try {
      rename(doc, store, p, 'renamed');
    } catch (e) {
      if (!(e instanceof RenameError)) throw e;
    }
    formatRange(doc, { start: positions[0]!, end: p });
  }
  const once = formatText(text);
  if (once !== undefined) assert.equal(formatText(once), once, `format not idempotent on ${JSON.stringify(text)}`);
}

test('random text never makes a feature throw', () => {
  const r = rng(4);
  for (let i = 0; i < 1000; i++) {
    const text = randomText(r);
    try {
      exercise(text, r);
    } catch (e) {
      assert.fail(`input ${JSON.stringify(text)}: ${e instanceof Error ? e.stack : e}`);
    }
  }
});

test('truncated and spliced real files never make a feature throw', () => {
  const files = realFiles();
  assert.ok(files.length > 0);
  const r = rng(11);
  for (let i = 0; i < 300; i++) {
    const f = files[Math.floor(r() * files.length)]!;
    const cut = Math.floor(r() * (f.length + 1));
    const variants = [f.slice(0, cut), f.slice(cut), f.slice(0, cut) + f.slice(Math.min(f.length, cut + Math.floor(r() * 20)))];
    for (const text of variants) {
      try {
        // The runtime's own catalogue: real signatures, options and special-form docs.
        exercise(text, r, i % 2 === 0 ? runtimeCatalogueView() : testCatalogue);
      } catch (e) {
        assert.fail(`input ${JSON.stringify(text.slice(0, 200))}...: ${e instanceof Error ? e.stack : e}`);
      }
    }
  }
});

/** Random well-formed programs: nested collections, atoms, comments and odd spacing. */
function program(r: () => number): string {
  const atoms = ['x', 'define', 'let', 'if', 'lambda', 'foo-bar', ':kw', '1', '2.5', '"s"', '"multi\nline  "', '#t', "'q", '#\\a', 'defun', 'cond', 'with-x', 'f"{x} y"'];
  const ws = () => {
    const k = r();
    return k < 0.55 ? ' ' : k < 0.75 ? '\n' : k < 0.82 ? '   ' : k < 0.88 ? ' ; note\n' : k < 0.92 ? '\n\n\n' : k < 0.96 ? '\t' : ' #| b\n c |# ';
  };
  const gen = (d: number): string => {
    if (d > 5 || r() < 0.12) return atoms[Math.floor(r() * atoms.length)]!;
    const [o, c] = ([['(', ')'], ['[', ']'], ['{', '}'], ['(', ')'], ['#(', ')']] as const)[Math.floor(r() * 5)]!;
    const n = Math.floor(r() * 7);
    let s = o + (r() < 0.2 ? ws() : '');
    for (let i = 0; i < n; i++) s += (i ? ws() : '') + gen(d + 1);
    if (o === '{' && n % 2) s += ' 0';
    return s + (r() < 0.2 ? ws() : '') + c;
  };
  let text = '';
  for (let i = 0, k = 1 + Math.floor(r() * 4); i < k; i++) text += gen(0) + ws();
  return text;
}

/** The forms as the reader sees them: kinds and atom texts in order (no spans, no spacing). */
function shape(text: string): string {
  const out: string[] = [];
  const walk = (n: SyntaxNode) => {
    out.push(n.children.length === 0 ? `${n.kind}:${n.text}` : `${n.kind}(`);
    n.children.forEach(walk);
    if (n.children.length > 0) out.push(')');
  };
  parse(text).nodes.forEach(walk);
  return out.join(' ');
}

test('formatting well-formed programs is idempotent and never changes what the code reads as', () => {
  const r = rng(23);
  for (let i = 0; i < 400; i++) {
    const text = program(r);
    const once = formatText(text);
    assert.ok(once !== undefined, `does not parse: ${JSON.stringify(text)}`);
    assert.equal(formatText(once), once, `not idempotent: ${JSON.stringify(text)}`);
    assert.equal(shape(once), shape(text), `meaning changed: ${JSON.stringify(text)}`);
  }
});
