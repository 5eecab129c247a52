import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PositionMap } from '../../src/convert';
import { definition } from '../../src/features/navigation';
import { open } from '../support/fixtures';

test('positions count UTF-16 code units, as LSP does', () => {
  const map = new PositionMap('"😀é" x\r\ny');
  assert.deepEqual(map.position(6), { line: 0, character: 6 });
  assert.deepEqual(map.position(9), { line: 1, character: 0 });
  assert.equal(map.offset({ line: 1, character: 0 }), 9);
  assert.equal(map.offset({ line: 0, character: 99 }), 7, 'clamped to the line');
  assert.equal(map.offset({ line: 9, character: 0 }), 10, 'clamped to the text');
});

test('features agree with the editor after astral characters', () => {
  const { doc, store, m } = open('(define |x "😀😀") (+ |x 1)');
  assert.deepEqual(definition(doc, store, m.positions[1]!)!.range.start, m.positions[0]);
  assert.equal(m.positions[1]!.character, 21);
});
