// Every `; =>` example in the text/I-O catalogue entries evaluates to what it claims.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue } from '../../src/docs';
import { printValue } from '../../src/reader';
import { Session } from './text-harness';

const MODULES = new Set(['strings', 'file-io', 'http-json', 'regex', 'bytevectors', 'datetime', 'system', 'text-processing', 'csv', 'toml', 'reflect', 'diff', 'secret', 'archive', 'web-server']);
/** Examples whose result depends on the machine, the clock or files that do not exist here. */
const MACHINE_DEPENDENT = new Set(['time/now', 'time/now-ms', 'env', 'sys/args', 'sys/platform', 'sys/temp-dir', 'file/info', 'file/read-bytes', 'file/read-lines', 'io/eof?', 'http/get',
  'zip/create', 'zip/list', 'zip/extract', 'tar/create', 'tar/extract']);

test('catalogue examples give the results they show', () => {
  const s = new Session();
  let checked = 0;
  for (const doc of catalogue()) {
    if (!MODULES.has(doc.module) || MACHINE_DEPENDENT.has(doc.name)) continue;
    for (const ex of doc.examples) {
      const at = ex.indexOf('; =>');
      if (at < 0) continue;
      const src = ex.slice(0, at).trim();
      const want = ex.slice(at + 4).trim();
      assert.equal(printValue(s.run(src)), want, `${doc.name}: ${src}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} examples checked`);
});
