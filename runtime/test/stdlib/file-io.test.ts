import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { printValue } from '../../src/reader';
import { NativeFn } from '../../src/eval/values';
import { checkAll, checkError, Session, withTempDir } from './text-harness';



test('write, read, append, lines and bytes', () => {
  withTempDir((d) => {
    const s = new Session();
    s.define('dir', d);
    const run = (src: string) => printValue(s.run(src));
    run('(define f (path/join dir "a.txt"))');
    assert.equal(run('(file/write f "hello\\r\\nworld\\n")'), 'nil');
    assert.equal(run('(file/read f)'), '"hello\\r\\nworld\\n"');
    assert.equal(run('(file/read-lines f)'), '("hello" "world")');
    run('(file/append f "more")');
    assert.equal(run('(file/read-lines f)'), '("hello" "world" "more")');
    assert.equal(run('(file/fold-lines f string-append "")'), '"helloworldmore"');
    run('(file/write-lines f \'("a" "b" 3))');
    assert.equal(run('(file/read f)'), '"a\\nb\\n3"');
    run('(define e (path/join dir "empty.txt")) (file/write e "")');
    assert.equal(run('(file/read-lines e)'), '()');
    run('(define b (path/join dir "b.bin")) (file/write-bytes b (file/read-bytes f))');
    assert.equal(run('(file/read-bytes b)'), '#u8(97 10 98 10 51)');
    assert.equal(run('(file/exists? b)'), '#t');
    assert.equal(run('(file/is-file? b)'), '#t');
    assert.equal(run('(file/is-directory? dir)'), '#t');
    run('(file/copy b (path/join dir "c.bin"))');
    run('(file/rename (path/join dir "c.bin") (path/join dir "d.bin"))');
    run('(file/delete b)');
    assert.equal(run('(file/exists? b)'), '#f');
    run('(file/mkdir (path/join dir "x" "y"))');
    assert.equal(run('(file/is-directory? (path/join dir "x" "y"))'), '#t');
    const info = s.run('(file/info f)');
    assert.match(printValue(info), /^\{:is-dir #f :is-file #t :modified \d+ :size 5\}$/);
  });
});

test('file/for-each-line calls back once per line', () => {
  withTempDir((d) => {
    const s = new Session();
    const seen: string[] = [];
    s.define('f', join(d, 'l.txt'));
    s.define(
      'note',
      new NativeFn('note', (a) => {
        seen.push(a[0] as string);
        return null;
      }),
    );
    s.run('(file/write f "x\\ny\\n") (file/for-each-line f note)');
    assert.deepEqual(seen, ['x', 'y']);
  });
});

test('directories, glob and symlinks', () => {
  withTempDir((d) => {
    mkdirSync(join(d, 'src', 'sub'), { recursive: true });
    for (const f of ['src/main.rs', 'src/lib.rs', 'src/sub/deep.rs', 'src/notes.txt', 'top.txt']) writeFileSync(join(d, f), '');
    symlinkSync(join(d, 'top.txt'), join(d, 'link'));
    const s = new Session();
    s.define('dir', d);
    const rel = (v: unknown) => printValue(v as never).split(d + '/').join('');
    assert.equal(rel(s.run('(file/glob (path/join dir "src/**/*.rs"))')), '("src/lib.rs" "src/main.rs" "src/sub/deep.rs")');
    assert.equal(rel(s.run('(file/glob (path/join dir "*.txt"))')), '("top.txt")');
    assert.equal(rel(s.run('(file/glob (path/join dir "src/[ln]*"))')), '("src/lib.rs" "src/notes.txt")');
    assert.equal(printValue(s.run('(file/is-symlink? (path/join dir "link"))')), '#t');
    assert.equal(printValue(s.run('(file/is-symlink? (path/join dir "top.txt"))')), '#f');
    const list = s.run('(file/list (path/join dir "src"))') as string[];
    assert.deepEqual([...list].sort(), ['lib.rs', 'main.rs', 'notes.txt', 'sub']);
    assert.equal(printValue(s.run('(path/within? dir (path/join dir "src" "x"))')), '#t');
    assert.equal(printValue(s.run('(path/within? (path/join dir "src") (path/join dir "src/../top.txt"))')), '#f');
  });
  checkError('(file/glob "a**b")', 'eval', 'file/glob: invalid pattern');
});

test('path manipulation follows the reference', () => {
  checkAll([
    ['(path/join "src" "main.rs")', '"src/main.rs"'],
    ['(path/join "a" "b" "c.txt")', '"a/b/c.txt"'],
    ['(path/join "a" "/abs")', '"/abs"'],
    ['(path/dir "/a/b/c.txt")', '"/a/b"'],
    ['(path/dir "foo")', '""'],
    ['(path/dir "/foo")', '"/"'],
    ['(path/dirname "a/b/")', '"a"'],
    ['(path/filename "/a/b/c.txt")', '"c.txt"'],
    ['(path/basename "plain.rs")', '"plain.rs"'],
    ['(path/filename "")', '""'],
    ['(path/extension "file.rs")', '"rs"'],
    ['(path/extension "file.tar.gz")', '"gz"'],
    ['(path/extension "Makefile")', '""'],
    ['(path/ext ".hidden")', '""'],
    ['(path/stem "file.rs")', '"file"'],
    ['(path/stem "archive.tar.gz")', '"archive.tar"'],
    ['(path/absolute? "/usr/bin")', '#t'],
    ['(path/absolute? "relative")', '#f'],
    ['(path/relative-to "/a/b" "/a/b/c/d")', '"c/d"'],
    ['(path/relative-to "/a/b" "/a/x")', '"../x"'],
    ['(path/relative-to "/a" "/a")', '"."'],
  ]);
});

test('file errors are io errors naming the path', () => {
  checkError('(file/read "/nonexistent/x.txt")', 'io', 'file/read /nonexistent/x.txt: No such file or directory (os error 2)');
  checkError('(file/delete "/nonexistent/y")', 'io', 'file/delete /nonexistent/y');
  checkError('(path/absolute "/nonexistent/z")', 'io', 'path/absolute /nonexistent/z');
  checkError('(file/write "/tmp/x" 5)', 'type-error', 'expected string, got int');
});

test('fs/watch reports changes without blocking', () => {
  withTempDir((d) => {
    const s = new Session();
    s.define('dir', d);
    s.run('(define w (fs/watch dir))');
    assert.equal(printValue(s.run('(fs/watch-events w)')), '()');
    s.run('(file/write (path/join dir "new.txt") "x") (sleep 300)');
    const events = printValue(s.run('(fs/watch-events w)'));
    assert.ok(events.includes(':kind :create') || events.includes(':kind :modify'), events);
    assert.ok(events.includes(`${d}/new.txt`), events);
    assert.equal(printValue(s.run('(fs/watch-events w)')), '()');
    s.run('(fs/unwatch w)');
    assert.throws(() => s.run('(fs/watch-events w)'), /fs\/watch-events: no such watcher/);
  });
  checkError('(fs/watch "/nonexistent/dir")', 'io', 'fs/watch /nonexistent/dir');
});
