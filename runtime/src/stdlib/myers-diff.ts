// The line edit script behind `diff/unified`: Myers' O(ND) algorithm in its linear-space
// form (trim common prefix and suffix, find the middle snake, recurse on both halves),
// then a compaction pass that slides insertions along runs of equal lines so that edits
// next to each other join up. Where several shortest scripts exist, searching in this
// order picks the one the reference (the Rust `similar` crate, 2.x) prints. Past a fixed
// amount of search work a region is given up as wholly replaced (what the reference does
// when its deadline passes), so huge unrelated inputs cannot stall the interpreter.

export type Tag = 'equal' | 'delete' | 'insert';

/**
 * One edit operation. `oldLen`/`newLen` are the lines it covers on each side (an equal
 * run covers the same number on both, a deletion none of the new, an insertion none of
 * the old); the index on the uncovered side is only where it sits.
 */
export interface Op {
  tag: Tag;
  oldIndex: number;
  oldLen: number;
  newIndex: number;
  newLen: number;
}

const op = (tag: Tag, oldIndex: number, oldLen: number, newIndex: number, newLen: number): Op => ({ tag, oldIndex, oldLen, newIndex, newLen });

/** Diagonal arrays indexed by k in [-max, max]. */
class Diagonals {
  private readonly v: Int32Array;
  constructor(private readonly max: number) {
    this.v = new Int32Array(2 * max + 3);
  }
  get(k: number): number {
    return this.v[k + this.max + 1]!;
  }
  set(k: number, x: number): void {
    this.v[k + this.max + 1] = x;
  }
}

const maxD = (n: number, m: number): number => Math.floor((n + m + 1) / 2) + 1;

/** Diagonal steps the whole diff may take before giving up on minimality. */
const SEARCH_BUDGET = 100_000_000;

class Differ {
  readonly ops: Op[] = [];
  private readonly vf: Diagonals;
  private readonly vb: Diagonals;
  private budget = SEARCH_BUDGET;

  constructor(
    private readonly a: readonly string[],
    private readonly b: readonly string[],
  ) {
    this.vf = new Diagonals(maxD(a.length, b.length));
    this.vb = new Diagonals(maxD(a.length, b.length));
  }

  /** Equal lines at the start of old [a0, a1) and new [b0, b1). */
  prefix(a0: number, a1: number, b0: number, b1: number): number {
    let n = 0;
    while (a0 + n < a1 && b0 + n < b1 && this.a[a0 + n] === this.b[b0 + n]) n++;
    return n;
  }

  /** Equal lines at the end of old [a0, a1) and new [b0, b1). */
  suffix(a0: number, a1: number, b0: number, b1: number): number {
    let n = 0;
    while (a1 - n > a0 && b1 - n > b0 && this.a[a1 - n - 1] === this.b[b1 - n - 1]) n++;
    return n;
  }

  /** Diffs old lines [a0, a1) against new lines [b0, b1). */
  conquer(a0: number, a1: number, b0: number, b1: number): void {
    const pre = this.prefix(a0, a1, b0, b1);
    if (pre > 0) this.ops.push(op('equal', a0, pre, b0, pre));
    a0 += pre;
    b0 += pre;
    const suf = this.suffix(a0, a1, b0, b1);
    a1 -= suf;
    b1 -= suf;
    if (a0 < a1 && b0 === b1) this.ops.push(op('delete', a0, a1 - a0, b0, 0));
    else if (a0 === a1 && b0 < b1) this.ops.push(op('insert', a0, 0, b0, b1 - b0));
    else if (a0 < a1) {
      const snake = this.middleSnake(a0, a1, b0, b1);
      if (snake !== undefined) {
        this.conquer(a0, snake[0], b0, snake[1]);
        this.conquer(snake[0], a1, snake[1], b1);
      } else {
        this.ops.push(op('delete', a0, a1 - a0, b0, 0), op('insert', a0, 0, b0, b1 - b0));
      }
    }
    if (suf > 0) this.ops.push(op('equal', a1, suf, b1, suf));
  }

  /** Where the middle snake of the two (non-empty) ranges starts; undefined once over budget. */
  private middleSnake(a0: number, a1: number, b0: number, b1: number): [number, number] | undefined {
    const { vf, vb } = this;
    const n = a1 - a0;
    const m = b1 - b0;
    const delta = n - m;
    const odd = (delta & 1) === 1;
    vf.set(1, 0);
    vb.set(1, 0);
    for (let d = 0; d <= maxD(n, m); d++) {
      this.budget -= 2 * d + 1;
      if (this.budget < 0) return undefined;
      for (let k = d; k >= -d; k -= 2) {
        let x = k === -d || (k !== d && vf.get(k - 1) < vf.get(k + 1)) ? vf.get(k + 1) : vf.get(k - 1) + 1;
        const y = x - k;
        const x0 = x;
        if (x < n && y >= 0 && y < m) x += this.prefix(a0 + x, a1, b0 + y, b1);
        vf.set(k, x);
        if (odd && Math.abs(k - delta) <= d - 1 && vf.get(k) + vb.get(-(k - delta)) >= n) return [x0 + a0, y + b0];
      }
      for (let k = d; k >= -d; k -= 2) {
        let x = k === -d || (k !== d && vb.get(k - 1) < vb.get(k + 1)) ? vb.get(k + 1) : vb.get(k - 1) + 1;
        let y = x - k;
        if (x < n && y >= 0 && y < m) {
          const run = this.suffix(a0, a0 + n - x, b0, b0 + m - y);
          x += run;
          y += run;
        }
        vb.set(k, x);
        if (!odd && Math.abs(k - delta) <= d && vb.get(k) + vf.get(-(k - delta)) >= n) return [n - x + a0, m - y + b0];
      }
    }
    throw new Error('myers diff: no middle snake');
  }
}

// Index adjustments of the compaction pass. Like the reference's they move both indices
// of an operation, even the one on its uncovered side.
const shiftLeft = (o: Op, s: number): void => void ((o.oldIndex -= s), (o.newIndex -= s));
const shiftRight = (o: Op, s: number): void => void ((o.oldIndex += s), (o.newIndex += s));
const covered = (o: Op): number => (o.tag === 'insert' ? o.newLen : o.oldLen);
function resize(o: Op, by: number): void {
  if (o.tag !== 'insert') o.oldLen += by;
  if (o.tag !== 'delete') o.newLen += by;
}
const isEmpty = (o: Op): boolean => o.oldLen === 0 && o.newLen === 0;

/** Moves the insertion or deletion at `i` up while it can; returns where it ended. */
function shiftUp(ops: Op[], d: Differ, i: number): number {
  while (i > 0) {
    const prev = ops[i - 1]!;
    const cur = ops[i]!;
    if (prev.tag === 'equal') {
      // Only an insertion can slide: a deletion covers no new lines to compare.
      const s = cur.tag === 'insert' ? d.suffix(prev.oldIndex, prev.oldIndex + prev.oldLen, cur.newIndex, cur.newIndex + cur.newLen) : 0;
      if (s > 0) {
        const next = ops[i + 1];
        if (next?.tag === 'equal') {
          shiftLeft(next, s);
          resize(next, s);
        } else {
          ops.splice(i + 1, 0, op('equal', prev.oldIndex + prev.oldLen - s, s, cur.newIndex + cur.newLen - s, s));
        }
        shiftLeft(cur, s);
        resize(prev, -s);
      } else if (!isEmpty(prev)) break;
      if (isEmpty(prev)) {
        ops.splice(i - 1, 1);
        i--;
      }
    } else if (prev.tag !== cur.tag) {
      ops[i - 1] = cur;
      ops[i] = prev;
      i--;
    } else {
      resize(prev, covered(cur));
      ops.splice(i, 1);
      i--;
    }
  }
  return i;
}

/** Moves the insertion or deletion at `i` down while it can; returns where it ended. */
function shiftDown(ops: Op[], d: Differ, i: number): number {
  while (i + 1 < ops.length) {
    const next = ops[i + 1]!;
    const cur = ops[i]!;
    if (next.tag === 'equal') {
      const p = cur.tag === 'insert' ? d.prefix(next.oldIndex, next.oldIndex + next.oldLen, cur.newIndex, cur.newIndex + cur.newLen) : 0;
      if (p > 0) {
        const prev = ops[i - 1];
        if (prev?.tag === 'equal') resize(prev, p);
        else {
          ops.splice(i, 0, op('equal', next.oldIndex, p, cur.newIndex, p));
          i++;
        }
        shiftRight(cur, p);
        shiftRight(next, p);
        resize(next, -p);
      } else if (!isEmpty(next)) break;
      if (isEmpty(next)) ops.splice(i + 1, 1);
    } else if (next.tag !== cur.tag) {
      ops[i + 1] = cur;
      ops[i] = next;
      i++;
    } else {
      resize(cur, covered(next));
      ops.splice(i + 1, 1);
    }
  }
  return i;
}

/** Slides every deletion, then every insertion, up and then down to join neighbouring edits. */
function compact(ops: Op[], d: Differ): void {
  for (const tag of ['delete', 'insert'] as const) {
    for (let i = 0; i < ops.length; i++) {
      if (ops[i]!.tag !== tag) continue;
      i = shiftUp(ops, d, i);
      i = shiftDown(ops, d, i);
    }
  }
}

/** The compacted edit script turning lines `a` into lines `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const differ = new Differ(a, b);
  differ.conquer(0, a.length, 0, b.length);
  compact(differ.ops, differ);
  return differ.ops;
}
