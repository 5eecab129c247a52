// The committed grammar JSON must be what syntaxes/build-grammar.mjs generates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { grammarPath, syntaxesDir } from './support/textmate';

test('sema.tmLanguage.json is up to date with build-grammar.mjs (run `node syntaxes/build-grammar.mjs`)', async () => {
  const mod = (await import(pathToFileURL(join(syntaxesDir, 'build-grammar.mjs')).href)) as { grammarText(): string };
  assert.equal(readFileSync(grammarPath, 'utf8'), mod.grammarText());
});
