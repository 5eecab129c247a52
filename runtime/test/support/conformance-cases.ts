// Splits a conformance `.sema` file into cases: each top-level form with the expectations
// written in the comments after it. The format (after mal's `;=>` and Crafting Interpreters'
// `// expect:`):
//
//   (+ 1 2)             a form, then any of these comment lines up to the next form:
//   ;=> 3               the value as the REPL prints it (write form)
//   ;out> hi            one line of what the form printed (repeat for more lines)
//   ;!! car             evaluation fails and the error message contains this text
//
// An annotation may also trail the form on its last line: `(+ 1 2) ;=> 3`. A form with no
// annotation is setup: it is evaluated and must not fail. Ordinary comments are ignored.

import { read, LineIndex } from '../../src/reader';

export interface Expectation {
  /** Expected printed value, or undefined when the value is not checked. */
  readonly value?: string;
  /** Expected stdout lines (joined with newlines; one trailing newline of output is ignored). */
  readonly out?: readonly string[];
  /** Expected error message fragment ('' = any error). */
  readonly error?: string;
}

export interface ConformanceCase {
  /** 1-based line of the form's first character. */
  readonly line: number;
  /** The form's source text. */
  readonly source: string;
  /** Text that evaluates just this form while keeping its original line and column. */
  readonly padded: string;
  readonly expect: Expectation;
}

export interface ParsedFile {
  readonly cases: ConformanceCase[];
  /** Problems with the file itself (unreadable forms, misplaced annotations). */
  readonly problems: string[];
}

const ANNOTATION = /^;(=>|out>|!!)(?: ?)(.*)$/;

export function parseConformanceFile(text: string, fileName: string): ParsedFile {
  const { formSpans, diagnostics, tree } = read(text);
  const lines = new LineIndex(text);
  const problems = diagnostics.map((d) => `${fileName}:${lines.lineCol(d.span.start).line}: reader: ${d.message}`);
  const startLines = formSpans.map((s) => lines.lineCol(s.start).line);

  type Draft = { value?: string; out?: string[]; error?: string };
  const drafts: Draft[] = formSpans.map(() => ({}));
  let owner = -1;
  for (const comment of tree.comments) {
    if (comment.kind !== 'line') continue;
    const m = ANNOTATION.exec(text.slice(comment.span.start, comment.span.end).trimEnd());
    if (!m) continue;
    const lineNo = lines.lineCol(comment.span.start).line;
    // The owner is the last form that ends before the comment (comments come in text order).
    while (owner + 1 < formSpans.length && formSpans[owner + 1]!.end <= comment.span.start) owner++;
    if (owner < 0) {
      problems.push(`${fileName}:${lineNo}: annotation before any form`);
      continue;
    }
    const d = drafts[owner]!;
    const [, kind, body] = m as unknown as [string, string, string];
    if (kind === '=>') {
      if (d.value !== undefined) problems.push(`${fileName}:${lineNo}: second ;=> for one form`);
      d.value = body;
    } else if (kind === 'out>') (d.out ??= []).push(body);
    else d.error = body;
  }

  const cases = formSpans.map((span, i): ConformanceCase => {
    const prefix = text.slice(0, span.start).replace(/[^\n]/g, ' ');
    const d = drafts[i]!;
    if (d.error !== undefined && d.value !== undefined) {
      problems.push(`${fileName}:${startLines[i]}: both ;=> and ;!! on one form`);
    }
    return {
      line: startLines[i]!,
      source: text.slice(span.start, span.end),
      padded: prefix + text.slice(span.start, span.end),
      expect: d,
    };
  });
  return { cases, problems };
}

/** `known-failures.txt`: `file.sema:LINE reason` per line; lines starting with `#` are comments. */
export function parseKnownFailures(text: string): Map<string, string> {
  const known = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+\.sema:\d+)\s+(.+)$/.exec(line);
    if (!m) throw new Error(`known-failures.txt: bad line: ${raw}`);
    known.set(m[1]!, m[2]!);
  }
  return known;
}
