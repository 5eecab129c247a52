import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentStore } from '../../src/documents';
import { documentLinks, importHover } from '../../src/features/imports';
import { hover } from '../../src/features/hover';
import { rename } from '../../src/features/navigation';
import { testCatalogue } from '../support/fixtures';
import { marked } from '../support/markers';

test('import paths link to the file; hover lists what it defines; missing files say so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sema-imports-'));
  writeFileSync(join(dir, 'util.sema'), '(define (twice x) (* 2 x))\n(define ten 10)\n');
  const uri = pathToFileURL(join(dir, 'main.sema')).href;
  const m = marked('(import "ut|il.sema")\n(load "miss|ing.sema")\n(twice ten)');
  const store = new DocumentStore(testCatalogue);
  store.set(uri, 1, m.text);
  const doc = store.get(uri)!;
  const links = documentLinks(doc, store);
  assert.equal(links.length, 1);
  assert.equal(links[0]!.target, pathToFileURL(join(dir, 'util.sema')).href);
  const h = (hover(doc, store, m.positions[0]!)!.contents as { value: string }).value;
  assert.match(h, /Defines: `twice`, `ten`/);
  assert.match((importHover(doc, store, m.positions[1]!)!.contents as { value: string }).value, /file not found/);
  const other = pathToFileURL(join(dir, 'other.sema')).href;
  store.set(other, 1, '(import "util.sema")\n(twice ten)\n(thrice ten)');
  assert.deepEqual(store.get(other)!.analysis.warnings.map((w) => w.message), ['unbound symbol `thrice` — did you mean `twice`?']);
});

test('renaming an imported definition edits the file that defines it, even when closed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sema-rename-'));
  writeFileSync(join(dir, 'util.sema'), '(define (twice x) (* 2 x))\n(twice 1)\n');
  const uri = pathToFileURL(join(dir, 'main.sema')).href;
  const m = marked('(import "util.sema")\n(tw|ice 3)');
  const store = new DocumentStore(testCatalogue);
  store.set(uri, 1, m.text);
  const edit = rename(store.get(uri)!, store, m.positions[0]!, 'double');
  const util = pathToFileURL(join(dir, 'util.sema')).href;
  assert.equal(edit.changes![uri]!.length, 1);
  assert.equal(edit.changes![util]!.length, 2, JSON.stringify(edit));
});
