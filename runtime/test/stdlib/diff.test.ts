import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, checkError, evalText } from './harness';
import { Interpreter } from '../../src/eval/interpreter';
import { unifiedDiff } from '../../src/stdlib/unified-diff';
import { applyHunks, parseHunks } from '../../src/stdlib/patch-text';

const q = JSON.stringify;

test('diff/unified prints hunks with the reference\'s headers, ranges and context', () => {
  assert.equal(unifiedDiff('a\nb\nc\n', 'a\nc\nd\n', 3), '--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n');
  assert.equal(unifiedDiff('', 'a', 3), '--- old\n+++ new\n@@ -0,0 +1 @@\n+a\n\\ No newline at end of file\n');
  assert.equal(unifiedDiff('a\n', '', 3), '--- old\n+++ new\n@@ -1 +0,0 @@\n-a\n');
  assert.equal(unifiedDiff('same\n', 'same\n', 3), '');
  // Far-apart changes make separate hunks; context 0 keeps only the changed lines.
  const old = Array.from({ length: 12 }, (_, i) => `l${i}\n`).join('');
  const changed = old.replace('l1\n', 'L1\n').replace('l10\n', 'L10\n');
  assert.equal(unifiedDiff(old, changed, 1), '--- old\n+++ new\n@@ -1,3 +1,3 @@\n l0\n-l1\n+L1\n l2\n@@ -10,3 +10,3 @@\n l9\n-l10\n+L10\n l11\n');
  assert.equal(unifiedDiff(old, changed, 0), '--- old\n+++ new\n@@ -2 +2 @@\n-l1\n+L1\n@@ -11 +11 @@\n-l10\n+L10\n');
  // A line's terminator is part of it: CRLF and a missing final newline are changes.
  assert.equal(unifiedDiff('a\r\nb', 'a\nb', 3), '--- old\n+++ new\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n\\ No newline at end of file\n');
});

test('among equally short edit scripts the reference\'s is chosen (Myers, then compaction)', () => {
  assert.equal(unifiedDiff('c\nx\r\na\nc\nz', 'c\na\na\nx\nz', 0), '--- old\n+++ new\n@@ -2 +1,0 @@\n-x\r\n@@ -4 +3,2 @@\n-c\n+a\n+x\n');
  assert.equal(unifiedDiff('a\na\nc\nx\r\nc\n}\nx\nc\r\nz', 'c\nx\nx\na\nz', 2),
    '--- old\n+++ new\n@@ -1,9 +1,5 @@\n-a\n-a\n c\n-x\r\n-c\n-}\n x\n-c\r\n+x\n+a\n z\n\\ No newline at end of file\n');
});

test('diff/unified then diff/apply gives the new text back', () => {
  const pairs: [string, string][] = [
    ['a\nb\nc\n', 'a\nc\nd\n'], ['line1\nline2\n', 'line1\ninserted\nline2\n'], ['x\ny\nz\n', 'x\nz\n'],
    ['a\nb\nc', 'a\nB\nc'], ['1\n2\n3\n4\n5\n6\n7\n8\n9\n', '1\n2\nX\n4\n5\n6\n7\nY\n9\n10\n'],
  ];
  for (const [a, b] of pairs) check([[`(diff/apply ${q(a)} (diff/unified ${q(a)} ${q(b)}))`, q(b)]]);
  // As in the reference, text that had no final newline (here: none at all) gets none.
  check([['(diff/apply "" (diff/unified "" "new\\n"))', '"new"']]);
});

test('diff/apply tolerates a few lines of drift and refuses context it cannot find', () => {
  const patch = '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n';
  assert.equal(applyHunks('x\na\nb\nc\n', parseHunks(patch), 'diff/apply'), 'x\na\nB\nc\n');
  assert.throws(() => applyHunks('1\n2\n3\n4\na\nb\nc\n', parseHunks(patch), 'diff/apply'), /hunk does not apply \(context mismatch near old line 1\)/);
  checkError(`(diff/apply "a\\nX\\nc\\n" ${q(patch)})`, 'diff/apply: hunk does not apply (context mismatch near old line 1)');
});

test('garbage patches are errors, not silent no-ops', () => {
  checkError('(diff/apply "a\\n" "not a patch at all")', 'diff/apply: no hunks found in patch');
  checkError('(diff/apply "a\\n" "@@ -x +y @@\\n-a\\n")', 'diff/apply: malformed hunk header: "@@ -x +y @@"');
  checkError('(diff/apply "a\\nb\\n" "@@ -1 +1 @@\\n-a\\n+A\\n@@ bogus\\n-b\\n")', 'malformed hunk header');
  check([['(diff/apply "a\\n" "")', '"a\\n"']]);
  checkError('(diff/apply 1 "")', 'expected string, got int');
  checkError('(diff/unified "a" "b" -1)', 'diff/unified: context must be >= 0');
  checkError('(diff/unified "a" "b" 1.5)', 'expected int, got float');
});

test('diff/stat, diff/hunks and diff/parse read patches the way the reference does', () => {
  const patch = '--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n';
  check([
    [`(diff/stat ${q(patch)})`, '{:added 1 :hunks 1 :removed 1}'],
    [`(diff/hunks ${q(patch)})`, '({:header "@@ -1,3 +1,3 @@" :lines (" a" "-b" "+B" " c") :new-count 3 :new-start 1 :old-count 3 :old-start 1})'],
    // File headers inside a hunk count as content lines, as in the reference.
    ['(diff/stat "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n@@ -1 +1 @@\\n---\\n+++\\n")', '{:added 1 :hunks 1 :removed 1}'],
    ['(diff/hunks "@@ -1 +1 @@ fn main\\r\\n-a\\r\\n+b\\r\\n")', '({:header "@@ -1 +1 @@" :lines ("-a" "+b") :new-count 1 :new-start 1 :old-count 1 :old-start 1})'],
    ['(diff/hunks "@@ -1,-2 +3 @@\\n a\\n")', '()'],
    ['(diff/parse "garbage")', '{:files ()}'],
    ['(map :old-path (:files (diff/parse "--- a/x\\t2020-01-01\\n+++ b/x\\n@@ -1 +1 @@\\n-a\\n+b\\n--- a/y\\n+++ b/y\\n@@ -2 +2 @@\\n-c\\n+d\\n")))', '("a/x" "a/y")'],
    ['(diff/parse "+++ only\\n@@ -1 +1 @@\\n-a\\n")', '{:files ({:hunks ({:header "@@ -1 +1 @@" :lines ("-a") :new-count 1 :new-start 1 :old-count 1 :old-start 1}) :new-path "only" :old-path nil})}'],
  ]);
});

test('patch/apply-file patches a file in place and leaves it alone when a hunk fails', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sema-diff-'));
  try {
    const file = path.join(dir, 'main.txt');
    fs.writeFileSync(file, 'a\nb\nc\n');
    evalText(`(define p (diff/unified "a\\nb\\nc\\n" "a\\nB\\nc\\n"))`);
    check([[`(patch/apply-file ${q(file)} p)`, '1']]);
    assert.equal(fs.readFileSync(file, 'utf8'), 'a\nB\nc\n');
    checkError(`(patch/apply-file ${q(file)} p)`, 'hunk does not apply');
    assert.equal(fs.readFileSync(file, 'utf8'), 'a\nB\nc\n');
    checkError(`(patch/apply-file ${q(path.join(dir, 'missing'))} p)`, 'No such file or directory', 'io');
    checkError(`(patch/apply-file ${q(file)} "junk")`, 'patch/apply-file: no hunks found');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('large unrelated inputs stay fast: past the search budget a region counts as replaced', () => {
  for (const n of [3000, 60000]) {
    const a = Array.from({ length: n }, (_, i) => `a${i}\n`).join('');
    const b = Array.from({ length: n }, (_, i) => (i === n / 2 ? 'same\n' : `b${i}\n`)).join('');
    // Without the budget the 60000-line case searches for minutes.
    const patch = unifiedDiff(a, b, 3);
    assert.equal(applyHunks(a, parseHunks(patch), 'diff/apply'), b);
  }
});

test('patch/apply-file needs fs-write; the pure diff functions do not', () => {
  const sandboxed = new Interpreter({ sandbox: { denied: ['fs-write'] }, stdout: () => {}, stderr: () => {} });
  assert.throws(() => sandboxed.evalString('(patch/apply-file "x.txt" "")'), /Permission denied: patch\/apply-file requires 'fs-write' capability/);
  assert.equal(sandboxed.evalString('(diff/apply "a\\n" (diff/unified "a\\n" "b\\n"))'), 'b\n');
});
