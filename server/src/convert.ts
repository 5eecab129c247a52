// The only place that turns reader spans (UTF-16 offsets) into LSP ranges and back.
// LSP's default position encoding is UTF-16 code units, the same unit as our offsets,
// so conversion is a line lookup, never a re-encoding.

import { LineIndex, type Span } from '@sema/runtime/reader';
import type { Position, Range } from 'vscode-languageserver-protocol';

export class PositionMap {
  readonly index: LineIndex;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }

  position(offset: number): Position {
    const lc = this.index.lineCol(offset);
    return { line: lc.line - 1, character: lc.col - 1 };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** Position -> offset; a character past the line's end means the end (before its line break). */
  offset(pos: Position): number {
    const off = this.index.offset(pos.line + 1, pos.character + 1);
    if (pos.line + 1 >= this.index.lineCount) return off;
    let end = this.index.lineStart(pos.line + 2);
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return Math.min(off, end);
  }

  span(range: Range): Span {
    return { start: this.offset(range.start), end: this.offset(range.end) };
  }

  lineStart(line0: number): number {
    return this.index.lineStart(line0 + 1);
  }

  get lineCount(): number {
    return this.index.lineCount;
  }
}
