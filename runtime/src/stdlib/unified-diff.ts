// The unified-diff text of `diff/unified`: lines split keeping their terminators, the
// edit script merged into replacements, grouped into hunks with `context` lines around
// each change, printed under `--- old` / `+++ new` headers.

import { diffLines, type Op } from './myers-diff';

/** An edit after merging: equal lines, or old `[oldIndex, +oldLen)` replaced by new `[newIndex, +newLen)`. */
interface Run {
  equal: boolean;
  oldIndex: number;
  oldLen: number;
  newIndex: number;
  newLen: number;
}

/** Splits text into lines that keep their terminator (`\n`, `\r\n` or a lone `\r`). */
export function splitKeepingEnds(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    else if (c !== '\n' && c !== '\r') continue;
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Joins each stretch of deletions and insertions into one change and each stretch of
 * equal operations into one run (keeping the first one's position, as the reference does).
 */
function mergeRuns(ops: readonly Op[]): Run[] {
  const runs: Run[] = [];
  let del: Op | undefined;
  let ins: Op | undefined;
  const flush = (): void => {
    if (del === undefined && ins === undefined) return;
    runs.push({
      equal: false,
      oldIndex: del?.oldIndex ?? ins!.oldIndex,
      oldLen: del?.oldLen ?? 0,
      newIndex: ins?.newIndex ?? del!.newIndex,
      newLen: ins?.newLen ?? 0,
    });
    del = ins = undefined;
  };
  for (const o of ops) {
    if (o.tag === 'equal') {
      flush();
      const last = runs[runs.length - 1];
      if (last?.equal) {
        last.oldLen += o.oldLen;
        last.newLen += o.oldLen;
      } else runs.push({ equal: true, oldIndex: o.oldIndex, oldLen: o.oldLen, newIndex: o.newIndex, newLen: o.oldLen });
    } else if (o.tag === 'delete') {
      del = del === undefined ? { ...o } : { ...del, oldLen: del.oldLen + o.oldLen };
    } else {
      ins = ins === undefined ? { ...o } : { ...ins, newLen: ins.newLen + o.newLen };
    }
  }
  flush();
  return runs;
}

const withLen = (oldIndex: number, newIndex: number, len: number): Run => ({ equal: true, oldIndex, newIndex, oldLen: len, newLen: len });

/** The runs split into hunks, each change with up to `context` equal lines on either side. */
function groupRuns(runs: Run[], context: number): Run[][] {
  if (runs.length === 0) return [];
  const first = runs[0]!;
  if (first.equal) {
    const cut = Math.max(0, first.oldLen - context);
    runs[0] = withLen(first.oldIndex + cut, first.newIndex + cut, first.oldLen - cut);
  }
  const last = runs[runs.length - 1]!;
  if (last.equal) runs[runs.length - 1] = withLen(last.oldIndex, last.newIndex, Math.min(last.oldLen, context));
  const groups: Run[][] = [];
  let group: Run[] = [];
  for (const r of runs) {
    if (r.equal && r.oldLen > 2 * context) {
      group.push(withLen(r.oldIndex, r.newIndex, context));
      groups.push(group);
      const skip = r.oldLen - context;
      group = [withLen(r.oldIndex + skip, r.newIndex + skip, r.oldLen - skip)];
      continue;
    }
    group.push(r);
  }
  if (!(group.length === 0 || (group.length === 1 && group[0]!.equal))) groups.push(group);
  return groups;
}

/** `start,count` of a hunk header range, in the unified format's conventions. */
function range(start: number, end: number): string {
  const len = Math.max(0, end - start);
  if (len === 1) return String(start + 1);
  return `${len === 0 ? start : start + 1},${len}`;
}

const NO_NEWLINE = '\\ No newline at end of file\n';

/** The unified diff from `oldText` to `newText` (`""` when they are equal). */
export function unifiedDiff(oldText: string, newText: string, context: number): string {
  const a = splitKeepingEnds(oldText);
  const b = splitKeepingEnds(newText);
  const out: string[] = [];
  const line = (mark: string, text: string): void => {
    out.push(mark, text);
    if (!text.endsWith('\n') && !text.endsWith('\r')) out.push('\n', NO_NEWLINE);
  };
  for (const group of groupRuns(mergeRuns(diffLines(a, b)), context)) {
    if (out.length === 0) out.push('--- old\n+++ new\n');
    const head = group[0]!;
    const tail = group[group.length - 1]!;
    out.push(`@@ -${range(head.oldIndex, tail.oldIndex + tail.oldLen)} +${range(head.newIndex, tail.newIndex + tail.newLen)} @@\n`);
    for (const r of group) {
      if (r.equal) {
        for (let i = r.oldIndex; i < r.oldIndex + r.oldLen; i++) line(' ', a[i]!);
        continue;
      }
      for (let i = r.oldIndex; i < r.oldIndex + r.oldLen; i++) line('-', a[i]!);
      for (let i = r.newIndex; i < r.newIndex + r.newLen; i++) line('+', b[i]!);
    }
  }
  return out.join('');
}
