import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogue, lookupDoc } from '../../src/docs';
import { allModules } from '../../src/stdlib';
import { coreModule } from '../../src/stdlib/core';

const registered = [coreModule, ...allModules].flatMap((m) => m.builtins.map((b) => b.name));

test('every registered builtin has a catalogue entry', () => {
  const missing = registered.filter((name) => lookupDoc(name) === undefined);
  assert.deepEqual(missing, []);
});

test('every function in the catalogue is a registered builtin', () => {
  const names = new Set(registered);
  const extra = catalogue()
    .filter((d) => d.kind === 'function')
    .flatMap((d) => [d.name, ...(d.aliases ?? [])])
    .filter((n) => !names.has(n));
  assert.deepEqual(extra, []);
});

test('every global constant has a constant entry, and every constant entry is a global constant', () => {
  const constants = [coreModule, ...allModules].flatMap((m) => (m.constants ?? []).map((c) => c.name)).sort();
  const documented = catalogue()
    .filter((d) => d.kind === 'constant')
    .map((d) => d.name)
    .sort();
  assert.deepEqual(documented, constants);
});

test('each builtin is registered once', () => {
  const seen = new Set<string>();
  const dupes = registered.filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
  assert.deepEqual(dupes, []);
});

test('catalogue entries are complete', () => {
  for (const d of catalogue()) {
    assert.ok(d.signatures.length > 0, `${d.name} has no signature`);
    assert.ok(d.summary.trim().length > 0, `${d.name} has no summary`);
  }
});
