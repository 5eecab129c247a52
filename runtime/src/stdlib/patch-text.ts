// Reading unified diffs back (hunks, file sections, added/removed counts) and applying
// their hunks to text. Parsing is as lenient as the reference's: lines that are not part
// of a hunk are skipped. Applying is strict: a hunk whose context cannot be found within
// a few lines of where it says it goes is an error, never a guess.

import { evalError } from '../eval/errors';

export interface Hunk {
  /** The `@@ -a,b +c,d @@` part of the header line, without any trailing section name. */
  readonly header: string;
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  /** Body lines with their marker (` `, `+`, `-` or `\`). */
  readonly lines: string[];
}

export interface FileSection {
  oldPath: string | null;
  newPath: string | null;
  readonly hunks: Hunk[];
}

/**
 * The patch's lines as Rust's `str::lines` gives them: `\n` or `\r\n` ends a line, and
 * a `\r` not followed by `\n` stays part of the line.
 */
export function patchLines(patch: string): string[] {
  const lines = patch.split('\n');
  const last = lines.pop()!;
  const out = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (last !== '') out.push(last);
  return out;
}

const BODY_MARKERS = ' +-\\';
export const isBodyLine = (line: string): boolean => line !== '' && BODY_MARKERS.includes(line[0]!);

/** `start` or `start,count` (a missing count means 1); undefined when malformed. */
function parseRange(text: string): [number, number] | undefined {
  const m = /^\+?(\d{1,15})(?:,\+?(\d{1,15}))?$/.exec(text);
  if (m === null) return undefined;
  return [Number(m[1]), m[2] === undefined ? 1 : Number(m[2])];
}

/** A hunk (with no lines yet) from an `@@ -l,s +l,s @@ ...` line; undefined when malformed. */
export function parseHunkHeader(line: string): Hunk | undefined {
  if (!line.startsWith('@@ ')) return undefined;
  const close = line.indexOf(' @@', 3);
  if (close < 0) return undefined;
  const [oldPart, newPart] = line.slice(3, close).split(' ');
  if (!oldPart?.startsWith('-') || !newPart?.startsWith('+')) return undefined;
  const oldRange = parseRange(oldPart.slice(1));
  const newRange = parseRange(newPart.slice(1));
  if (oldRange === undefined || newRange === undefined) return undefined;
  return {
    header: line.slice(0, line.indexOf(' @@') + 3),
    oldStart: oldRange[0],
    oldCount: oldRange[1],
    newStart: newRange[0],
    newCount: newRange[1],
    lines: [],
  };
}

/**
 * The hunks of a patch in order, file headers and other preamble skipped. With `strict`
 * (for applying), a line that starts like a hunk header but is not one is an error:
 * skipping it would glue its body onto the previous hunk.
 */
export function parseHunks(patch: string, strict?: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of patchLines(patch)) {
    if (line.startsWith('@@')) {
      const hunk = parseHunkHeader(line);
      if (hunk !== undefined) hunks.push(hunk);
      else if (strict !== undefined) throw evalError(`${strict}: malformed hunk header: ${JSON.stringify(line)}`);
    } else if (isBodyLine(line)) {
      hunks[hunks.length - 1]?.lines.push(line);
    }
  }
  return hunks;
}

/** The patch split into file sections: each `--- ` line opens one, hunks attach to the last. */
export function parseFiles(patch: string): FileSection[] {
  const files: FileSection[] = [];
  const path = (rest: string): string => rest.split('\t')[0]!;
  for (const line of patchLines(patch)) {
    if (line.startsWith('--- ')) {
      files.push({ oldPath: path(line.slice(4)), newPath: null, hunks: [] });
    } else if (line.startsWith('+++ ')) {
      const last = files[files.length - 1];
      if (last !== undefined) last.newPath = path(line.slice(4));
      else files.push({ oldPath: null, newPath: path(line.slice(4)), hunks: [] });
    } else if (line.startsWith('@@')) {
      const hunk = parseHunkHeader(line);
      if (hunk === undefined) continue;
      if (files.length === 0) files.push({ oldPath: null, newPath: null, hunks: [] });
      files[files.length - 1]!.hunks.push(hunk);
    } else if (isBodyLine(line)) {
      const hunks = files[files.length - 1]?.hunks;
      hunks?.[hunks.length - 1]?.lines.push(line);
    }
  }
  return files;
}

/** Counts of added and removed lines and hunks; `---`/`+++` count as lines only inside a hunk. */
export function diffStat(patch: string): { added: number; removed: number; hunks: number } {
  let added = 0;
  let removed = 0;
  let hunks = 0;
  let inHunk = false;
  for (const line of patchLines(patch)) {
    if (line.startsWith('diff ')) inHunk = false;
    else if (line.startsWith('@@')) {
      hunks++;
      inHunk = true;
    } else if (inHunk && line.startsWith('+')) added++;
    else if (inHunk && line.startsWith('-')) removed++;
  }
  return { added, removed, hunks };
}

/** How far (in lines) a hunk may have drifted from the position its header gives. */
const MAX_DRIFT = 3;

/** `content` with the hunks applied in order; `fn` names the builtin in errors. */
export function applyHunks(content: string, hunks: readonly Hunk[], fn: string): string {
  const trailingNewline = content.endsWith('\n');
  let lines = content === '' ? [] : content.split('\n');
  if (trailingNewline) lines.pop();
  let offset = 0;
  for (const h of hunks) {
    const expected: string[] = [];
    const replacement: string[] = [];
    for (const raw of h.lines) {
      const rest = raw.slice(1);
      if (raw[0] === ' ' || raw[0] === '-') expected.push(rest);
      if (raw[0] === ' ' || raw[0] === '+') replacement.push(rest);
    }
    // A pure insertion goes after line old_start; anything else starts at it.
    const nominal = h.oldCount === 0 ? h.oldStart + offset : h.oldStart - 1 + offset;
    const matchesAt = (at: number): boolean =>
      at >= 0 && at + expected.length <= lines.length && expected.every((e, i) => lines[at + i] === e);
    let at: number;
    if (expected.length === 0) {
      at = Math.min(Math.max(nominal, 0), lines.length);
    } else {
      const found = [0, ...Array.from({ length: MAX_DRIFT }, (_, i) => [-(i + 1), i + 1]).flat()]
        .map((delta) => nominal + delta)
        .find(matchesAt);
      if (found === undefined) throw evalError(`${fn}: hunk does not apply (context mismatch near old line ${h.oldStart})`);
      at = found;
      // Later hunks' positions are in the original's numbering: carry the drift over.
      offset += at - nominal;
    }
    // splice(...replacement) would overflow the call stack for a huge hunk: rebuild then.
    if (replacement.length < 10_000) lines.splice(at, expected.length, ...replacement);
    else lines = [...lines.slice(0, at), ...replacement, ...lines.slice(at + expected.length)];
    offset += h.newCount - h.oldCount;
  }
  const result = lines.join('\n');
  return trailingNewline && result !== '' ? result + '\n' : result;
}
