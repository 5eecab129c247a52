import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, checkError, evalText, show } from './harness';
import { Interpreter } from '../../src/eval/interpreter';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sema-kv-'));
const at = (name: string): string => JSON.stringify(path.join(dir, name));
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the file appears on the first write, as pretty-printed JSON with sorted keys', () => {
  const file = path.join(dir, 'a.json');
  check([[`(kv/open "a" ${at('a.json')})`, '"a"']]);
  assert.equal(fs.existsSync(file), false);
  check([
    ['(kv/set "a" "zeta" 1)', '1'],
    ['(kv/set "a" "alpha" {:name "Alice" :tags [1 2.5] :none nil})', '{:name "Alice" :none nil :tags [1 2.5]}'],
  ]);
  assert.equal(fs.readFileSync(file, 'utf8'), '{\n  "alpha": {\n    "name": "Alice",\n    "none": null,\n    "tags": [\n      1,\n      2.5\n    ]\n  },\n  "zeta": 1\n}');
  check([
    ['(kv/get "a" "alpha")', '{:name "Alice" :none nil :tags (1 2.5)}'],
    ['(kv/get "a" "missing")', 'nil'],
    ['(kv/keys "a")', '("alpha" "zeta")'],
    ['(kv/delete "a" "zeta")', '#t'],
    ['(kv/delete "a" "zeta")', '#f'],
    ['(kv/close "a")', 'nil'],
  ]);
});

test('a store reopened from its file keeps its values; NaN is stored as null', () => {
  check([
    [`(kv/open "b" ${at('b.json')})`, '"b"'],
    ['(kv/set "b" "n" (/ 0.0 0.0))', 'NaN'],
    ['(kv/set "b" "count" 41)', '41'],
    ['(kv/close "b")', 'nil'],
    [`(kv/open "b2" ${at('b.json')})`, '"b2"'],
    ['(kv/get "b2" "n")', 'nil'],
    ['(+ 1 (kv/get "b2" "count"))', '42'],
  ]);
  assert.ok(show('(kv/keys "b2")').includes('"count"'));
});

test('closed or unknown stores, bad arguments and malformed files are clear errors', () => {
  checkError('(kv/get "nope" "k")', "kv store 'nope' not open");
  checkError('(kv/set "nope" "k" 1)', "kv store 'nope' not open");
  checkError('(kv/keys 1)', 'expected string, got int');
  checkError('(kv/get "a")', 'kv/get expects 2 args, got 1');
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"a": ');
  checkError(`(kv/open "bad" ${at('bad.json')})`, 'kv/open: malformed JSON in', 'io');
  fs.writeFileSync(path.join(dir, 'list.json'), '[1, 2]');
  checkError(`(kv/open "bad" ${at('list.json')})`, 'invalid type: sequence, expected a map');
  checkError(`(kv/open "bad" ${JSON.stringify(dir)})`, 'kv/open: Is a directory');
  evalText(`(kv/open "nodir" ${at('missing/x.json')})`);
  checkError('(kv/set "nodir" "k" 1)', 'kv/flush: No such file or directory');
  // Closing an unknown store is fine, as in the reference.
  check([['(kv/close "never-opened")', 'nil']]);
});

test('kv/open, kv/set and kv/delete need fs-write; reads do not', () => {
  const sandboxed = new Interpreter({ sandbox: { denied: ['fs-write'] }, stdout: () => {}, stderr: () => {} });
  assert.throws(() => sandboxed.evalString(`(kv/open "s" ${at('s.json')})`), /Permission denied: kv\/open requires 'fs-write' capability/);
  assert.throws(() => sandboxed.evalString('(kv/set "a" "k" 1)'), /kv\/set requires 'fs-write'/);
  assert.throws(() => sandboxed.evalString('(kv/delete "a" "k")'), /kv\/delete requires 'fs-write'/);
  assert.throws(() => sandboxed.evalString('(kv/get "never" "k")'), /kv store 'never' not open/);
  const confined = new Interpreter({ sandbox: { denied: [], allowedPaths: [fs.realpathSync(dir)] }, stdout: () => {}, stderr: () => {} });
  assert.throws(() => confined.evalString('(kv/open "s" "/etc/kv.json")'), /outside allowed directories/);
});
