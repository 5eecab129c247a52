import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, checkError } from './harness';
import { Interpreter } from '../../src/eval/interpreter';
import { writeZip } from '../../src/stdlib/zip-format';
import { writeTar } from '../../src/stdlib/tar-format';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sema-archive-'));
const at = (...parts: string[]): string => path.join(dir, ...parts);
const q = (...parts: string[]): string => JSON.stringify(at(...parts));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(at('a.txt'), 'alpha\n');
fs.mkdirSync(at('sub'));
fs.writeFileSync(at('sub', 'b.txt'), 'beta');

const file = (name: string, data: string) => ({ name, data: Buffer.from(data), mtime: new Date(), mode: 0o644 });
const tarFile = (name: string, data: string) => ({ ...file(name, data), directory: false });

/** A tar header block of any type (to build links and other entries writeTar never makes). */
function tarHeader(name: string, type: string, size: number, link = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write(type, 156);
  h.write(link, 157);
  h.write('ustar\x0000', 257, 'latin1');
  h.fill(' ', 148, 156);
  const sum = h.reduce((s, b) => s + b, 0);
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

test('gzip round-trips strings and bytevectors and rejects garbage', () => {
  check([
    ['(bytevector->string (gzip/decompress (gzip/compress "hello")))', '"hello"'],
    ['(gzip/decompress (gzip/compress #u8(0 1 255)))', '#u8(0 1 255)'],
    ['(bytevector-u8-ref (gzip/compress "x") 0)', '31'],
    ['(gzip/decompress (gzip/compress ""))', '#u8()'],
  ]);
  checkError('(gzip/decompress "not gzip")', 'gzip/decompress: invalid gzip header');
  checkError('(gzip/decompress (bytevector 31 139 8 0 0 0 0 0 0 3 1 2))', 'gzip/decompress:');
  checkError('(gzip/compress 42)', 'expected bytevector or string, got int');
});

test('zip/create, zip/list and zip/extract round-trip files', () => {
  check([
    [`(zip/create ${q('out.zip')} (list ${q('a.txt')} ${q('sub', 'b.txt')}))`, '2'],
    [`(zip/list ${q('out.zip')})`, '("a.txt" "b.txt")'],
    [`(zip/extract ${q('out.zip')} ${q('x1')})`, '2'],
  ]);
  assert.equal(fs.readFileSync(at('x1', 'a.txt'), 'utf8'), 'alpha\n');
  assert.equal(fs.readFileSync(at('x1', 'b.txt'), 'utf8'), 'beta');
});

test('zip/create refuses duplicate names, missing files and bad arguments', () => {
  fs.mkdirSync(at('other'));
  fs.writeFileSync(at('other', 'a.txt'), 'again');
  checkError(`(zip/create ${q('dup.zip')} (list ${q('a.txt')} ${q('other', 'a.txt')}))`, 'zip/create: duplicate entry name "a.txt"');
  checkError(`(zip/create ${q('m.zip')} (list ${q('missing.txt')}))`, 'No such file or directory', 'io');
  checkError(`(zip/create ${q('d.zip')} (list ${q('sub')}))`, 'Is a directory');
  checkError(`(zip/create ${q('v.zip')} (vector ${q('a.txt')}))`, 'expected list, got vector');
  checkError(`(zip/create ${q('p.zip')} (list "/"))`, 'zip/create: bad file path /');
  assert.equal(fs.existsSync(at('m.zip')), false);
});

test('zip/extract skips entries that would escape and refuses duplicate targets', () => {
  fs.writeFileSync(at('slip.zip'), writeZip([file('../evil.txt', 'x'), file('/abs.txt', 'y'), file('ok/./fine.txt', 'z'), file('dir/', '')]));
  check([
    [`(zip/list ${q('slip.zip')})`, '("../evil.txt" "/abs.txt" "ok/./fine.txt" "dir/")'],
    [`(zip/extract ${q('slip.zip')} ${q('x2')})`, '2'],
  ]);
  assert.equal(fs.existsSync(at('evil.txt')), false);
  assert.equal(fs.readFileSync(at('x2', 'ok', 'fine.txt'), 'utf8'), 'z');
  assert.ok(fs.statSync(at('x2', 'dir')).isDirectory());
  fs.writeFileSync(at('dup.zip'), writeZip([file('ok/fine.txt', 'a'), file('ok//fine.txt', 'b')]));
  checkError(`(zip/extract ${q('dup.zip')} ${q('x3')})`, 'zip/extract: duplicate entry target ok/fine.txt — refusing to overwrite');
});

test('zip/extract does not write through symlinks that leave the destination', () => {
  fs.mkdirSync(at('x4'));
  fs.mkdirSync(at('outside'));
  fs.symlinkSync(at('outside'), at('x4', 'link'));
  fs.writeFileSync(at('link.zip'), writeZip([file('link/pwned.txt', 'x')]));
  checkError(`(zip/extract ${q('link.zip')} ${q('x4')})`, 'would be written outside the destination');
  assert.deepEqual(fs.readdirSync(at('outside')), []);
  fs.symlinkSync(at('outside', 'target.txt'), at('x4', 'file-link'));
  fs.writeFileSync(at('link2.zip'), writeZip([file('file-link', 'x')]));
  checkError(`(zip/extract ${q('link2.zip')} ${q('x4')})`, 'would be written through the symlink');
  assert.deepEqual(fs.readdirSync(at('outside')), []);
});

test('corrupt, truncated and lying zip archives are clear errors', () => {
  const good = writeZip([file('a.txt', 'hello hello hello hello')]);
  fs.writeFileSync(at('junk.zip'), 'this is not a zip file at all');
  checkError(`(zip/list ${q('junk.zip')})`, 'invalid Zip archive: Could not find central directory end');
  fs.writeFileSync(at('empty.zip'), '');
  checkError(`(zip/list ${q('empty.zip')})`, 'invalid Zip archive');
  fs.writeFileSync(at('cut.zip'), good.subarray(0, good.length - 30));
  checkError(`(zip/extract ${q('cut.zip')} ${q('x5')})`, 'invalid Zip archive');
  // Flip a data byte: inflating fails or the checksum no longer matches.
  const flipped = Buffer.from(good);
  flipped[40] = flipped[40]! ^ 0xff;
  fs.writeFileSync(at('flip.zip'), flipped);
  checkError(`(zip/extract ${q('flip.zip')} ${q('x5')})`, 'zip/extract');
  // A directory that promises fewer bytes than the data inflates to (a zip bomb's trick).
  const lying = Buffer.from(good);
  const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  lying.writeUInt32LE(3, central + 24);
  fs.writeFileSync(at('lying.zip'), lying);
  checkError(`(zip/extract ${q('lying.zip')} ${q('x5')})`, 'inflates to more than its declared size');
  // A declared size past the limit is refused before anything is inflated.
  lying.writeUInt32LE(0xfffffff0, central + 24);
  fs.writeFileSync(at('huge.zip'), lying);
  checkError(`(zip/extract ${q('huge.zip')} ${q('x5')})`, 'is more than the limit');
  checkError(`(zip/list ${q('nope.zip')})`, 'zip/list', 'io');
});

test('tar/create and tar/extract round-trip plain and gzipped archives', () => {
  check([
    [`(tar/create ${q('out.tar')} (list ${q('a.txt')} ${q('sub', 'b.txt')}))`, '2'],
    [`(tar/extract ${q('out.tar')} ${q('t1')})`, '2'],
    [`(tar/create ${q('out.tgz')} (list ${q('a.txt')} ${q('sub')}))`, '2'],
    [`(tar/extract ${q('out.tgz')} ${q('t2')})`, '2'],
  ]);
  assert.equal(fs.readFileSync(at('t1', 'b.txt'), 'utf8'), 'beta');
  assert.equal(fs.readFileSync(at('t2', 'a.txt'), 'utf8'), 'alpha\n');
  assert.ok(fs.statSync(at('t2', 'sub')).isDirectory());
  assert.equal(fs.readFileSync(at('out.tgz'))[0], 0x1f);
  // A long name goes through a GNU long-name entry and comes back whole.
  const long = 'n'.repeat(150) + '.txt';
  fs.writeFileSync(at(long), 'long');
  check([[`(tar/create ${q('long.tar')} (list ${q(long)}))`, '1'], [`(tar/extract ${q('long.tar')} ${q('t3')})`, '1']]);
  assert.equal(fs.readFileSync(at('t3', long), 'utf8'), 'long');
});

test('tar/extract skips links and escaping names, and rejects corrupt archives', () => {
  const body = Buffer.concat([
    writeTar([tarFile('../evil.txt', 'x'), tarFile('/abs.txt', 'y'), tarFile('fine.txt', 'ok')]).subarray(0, 3 * 1024),
    tarHeader('link', '2', 0, '/etc/passwd'),
    tarHeader('hard', '1', 0, '../../x'),
    Buffer.alloc(1024),
  ]);
  fs.writeFileSync(at('hostile.tar'), body);
  check([[`(tar/extract ${q('hostile.tar')} ${q('t4')})`, '1']]);
  assert.deepEqual(fs.readdirSync(at('t4')), ['fine.txt']);
  assert.equal(fs.existsSync(at('evil.txt')), false);
  const bad = Buffer.from(body);
  bad[0] = 0x41;
  fs.writeFileSync(at('bad.tar'), bad);
  checkError(`(tar/extract ${q('bad.tar')} ${q('t5')})`, 'archive header checksum mismatch');
  fs.writeFileSync(at('cut.tar'), writeTar([tarFile('a.txt', 'x'.repeat(2000))]).subarray(0, 1024));
  checkError(`(tar/extract ${q('cut.tar')} ${q('t5')})`, 'unexpected EOF');
  fs.writeFileSync(at('bad.tgz'), 'not gzip');
  checkError(`(tar/extract ${q('bad.tgz')} ${q('t5')})`, 'invalid gzip header');
  fs.writeFileSync(at('dup.tar'), writeTar([tarFile('a.txt', '1'), tarFile('./a.txt', '2')]));
  checkError(`(tar/extract ${q('dup.tar')} ${q('t6')})`, 'tar/extract: duplicate entry target a.txt');
});

test('archive builtins need the capabilities the sandbox table gives them', () => {
  const run = (denied: ('fs-read' | 'fs-write')[], src: string): string => {
    try {
      return String(new Interpreter({ sandbox: { denied }, stdout: () => {}, stderr: () => {} }).evalString(src));
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.equal(run(['fs-write'], `(zip/extract ${q('out.zip')} ${q('x9')})`), "Permission denied: zip/extract requires 'fs-write' capability");
  assert.equal(run(['fs-write'], `(tar/create ${q('y.tar')} '())`), "Permission denied: tar/create requires 'fs-write' capability");
  assert.equal(run(['fs-read'], `(zip/list ${q('out.zip')})`), "Permission denied: zip/list requires 'fs-read' capability");
  assert.equal(run(['fs-write'], '(bytevector-length (gzip/decompress (gzip/compress "abc")))'), '3');
  const allowed = new Interpreter({ sandbox: { denied: [], allowedPaths: [fs.realpathSync(at('sub'))] }, stdout: () => {}, stderr: () => {} });
  assert.throws(() => allowed.evalString(`(zip/create ${q('sub', 'z.zip')} (list ${q('a.txt')}))`), /outside allowed directories/);
});
