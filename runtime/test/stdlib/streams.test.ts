import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printValue } from '../../src/reader';
import { setStdinSource } from '../../src/stdlib/stdin';
import { streamDocs } from '../../src/docs/streams';
import { Session, withTempDir } from './text-harness';
import { checkExamples } from './example-check';

/** A session with `path` bound to a file holding `content`. */
function fileSession(dir: string, content: string | Uint8Array): { s: Session; run: (src: string) => string } {
  const path = join(dir, 'data.txt');
  writeFileSync(path, content);
  const s = new Session();
  s.define('path', path);
  return { s, run: (src) => printValue(s.run(src)) };
}

function stdinFrom(...chunks: string[]): void {
  const queue = chunks.map((c) => Buffer.from(c));
  setStdinSource((buf) => {
    const c = queue.shift() ?? Buffer.alloc(0);
    buf.set(c);
    return c.length;
  });
}

test('catalogue examples evaluate to what they show', () => checkExamples(streamDocs));

test('a file larger than the read buffer reads whole, by count, by line and all at once', () => {
  withTempDir((dir) => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const { run } = fileSession(dir, lines.join('\r\n') + '\n');
    assert.equal(run('(bytevector-length (with-stream (s (stream/open-input path)) (stream/read-all s)))'), String(readFileSync(join(dir, 'data.txt')).length));
    // A count that crosses the 8 KiB buffer still returns that many bytes.
    assert.equal(run('(with-stream (s (stream/open-input path)) (stream/read s 5) (bytevector-length (stream/read s 10000)))'), '10000');
    const count = '(with-stream (s (stream/open-input path)) (let loop ((l (stream/read-line s)) (n 0) (last nil)) (if (nil? l) (list n last) (loop (stream/read-line s) (+ n 1) l))))';
    assert.equal(run(count), '(3000 "line 2999")');
  });
});

test('available? on a file follows its read buffer, as in the reference', () => {
  withTempDir((dir) => {
    const { run } = fileSession(dir, 'ab');
    run('(define s (stream/open-input path))');
    assert.equal(run('(stream/available? s)'), '#f');
    assert.equal(run('(stream/read-byte s)'), '97');
    assert.equal(run('(stream/available? s)'), '#t');
    assert.equal(run('(stream/read-byte s)'), '98');
    assert.equal(run('(stream/available? s)'), '#f');
    assert.equal(run('(stream/read-byte s)'), 'nil');
    run('(stream/close s)');
  });
});

test('open-output truncates, writes bytes as given and releases the file on close', () => {
  withTempDir((dir) => {
    const { run } = fileSession(dir, 'old contents that are longer');
    const fds = (): number => readdirSync('/proc/self/fd').length;
    const before = fds();
    run('(define out (stream/open-output path))');
    assert.equal(fds(), before + 1);
    assert.equal(run('(stream/write out (bytevector 0 255 10))'), '3');
    run('(stream/write-byte out 65)');
    assert.equal(run('(stream/flush out)'), 'nil');
    assert.deepEqual([...readFileSync(join(dir, 'data.txt'))], [0, 255, 10, 65]);
    run('(stream/close out)');
    assert.equal(fds(), before);
    assert.equal(run('(list (stream/readable? out) (stream/writable? out))'), '(#f #f)');
  });
});

test('opening a missing file or a directory fails with the OS reason', () => {
  withTempDir((dir) => {
    const { s } = fileSession(dir, '');
    s.define('dir', dir);
    assert.throws(() => s.run('(stream/open-input (path/join dir "nope"))'), /^SemaError: stream\/open-input: .*nope: No such file or directory \(os error 2\)$/);
    assert.throws(() => s.run('(stream/open-output (path/join dir "no/such/dir"))'), /^SemaError: stream\/open-output: .*No such file or directory/);
    assert.throws(() => s.run('(stream/read-all (stream/open-input dir))'), /^SemaError: stream\/read: I\/O error: Is a directory/);
  });
});

test('*stdout* and *stderr* write through the interpreter, undecodable bytes as U+FFFD', () => {
  const s = new Session();
  s.run('(stream/write-string *stdout* "héllo ") (stream/write-byte *stdout* 195) (stream/write-byte *stdout* 169)');
  s.run('(stream/write *stderr* (bytevector 119 58 32 255))');
  assert.equal(s.out, 'héllo \uFFFD\uFFFD');
  assert.equal(s.err, 'w: \uFFFD');
});

test('each interpreter has its own standard streams', () => {
  const a = new Session();
  const b = new Session();
  a.run('(stream/close *stdout*)');
  assert.throws(() => a.run('(stream/write-string *stdout* "x")'), /stream\/write: stream is closed/);
  b.run('(stream/write-string *stdout* "still open")');
  assert.equal(b.out, 'still open');
});

test('*stdin* reads bytes and lines, sharing its buffer with io/read-line', () => {
  stdinFrom('ab\r\nline two\nrest', '');
  const s = new Session();
  const run = (src: string): string => printValue(s.run(src));
  assert.equal(run('(stream/read-byte *stdin*)'), '97');
  assert.equal(run('(stream/read-line *stdin*)'), '"b"');
  assert.equal(run('(io/read-line)'), '"line two"');
  assert.equal(run('(utf8->string (stream/read-all *stdin*))'), '"rest"');
  assert.equal(run('(stream/read-line *stdin*)'), 'nil');
  assert.equal(run('(stream/available? *stdin*)'), '#f');
});

test('reads that ask for more than there is allocate only what there is', () => {
  const s = new Session();
  assert.equal(printValue(s.run('(stream/read (stream/from-string "abc") 1000000000000)')), '#u8(97 98 99)');
});

test('with-stream expands to a guarded body and rejects a malformed binding', () => {
  const s = new Session();
  assert.equal(printValue(s.run('(with-stream (s (stream/byte-buffer)) (stream/write-string s "a") (stream/write-string s "bc") (stream/to-string s))')), '"abc"');
  assert.throws(() => s.run('(with-stream s 1)'), /with-stream: expected a binding \(name expr\)/);
  // A value without stream/close support fails at the close, after the body ran.
  assert.throws(() => s.run('(with-stream (x 5) (display "ran"))'), /stream\/close: expected stream, got int/);
  assert.equal(s.out, 'ran');
});
