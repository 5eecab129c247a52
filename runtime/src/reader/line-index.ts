// Converts offsets to 1-based line / column (UTF-16 code units) and back.

export interface LineCol {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units (what LSP and VS Code use). */
  readonly col: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset -> 1-based line/col. Offsets past the end clamp to the end. */
  lineCol(offset: number): LineCol {
    const off = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: off - this.starts[lo]! + 1 };
  }

  /** 1-based line/col -> offset, clamped to the text. */
  offset(line: number, col: number): number {
    if (line < 1) return 0;
    if (line > this.starts.length) return this.text.length;
    const start = this.starts[line - 1]!;
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    return Math.min(start + Math.max(0, col - 1), next);
  }

  /** Offset where 1-based `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }
}
