// Cursor markers in test text: every `|` is removed and its offset recorded, so tests
// never count columns by hand.

import { PositionMap } from '../../src/convert';
import type { Position } from 'vscode-languageserver-protocol';

export interface Marked {
  readonly text: string;
  readonly offsets: number[];
  readonly positions: Position[];
}

export function marked(source: string): Marked {
  const offsets: number[] = [];
  let text = '';
  for (const ch of source) {
    if (ch === '|') offsets.push(text.length);
    else text += ch;
  }
  const map = new PositionMap(text);
  return { text, offsets, positions: offsets.map((o) => map.position(o)) };
}
