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

  /** Position -> offset, clamped to the line and the text. */
  offset(pos: Position): number {
    return this.index.offset(pos.line + 1, pos.character + 1);
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
