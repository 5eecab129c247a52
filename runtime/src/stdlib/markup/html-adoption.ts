// HTML5's adoption agency algorithm: what a formatting end tag (`</b>`, `</a>`, ...) does
// when block elements were opened inside its element. The formatting element is closed
// where it stands and cloned around the blocks' content, so `<b>1<div>2</b>3` keeps 2 bold.

import type { HNode } from './html-elements';

/** The tree builder state the algorithm works on. */
export interface AdoptionState {
  readonly stack: HNode[];
  /** Active formatting elements; null marks a boundary (table cell and similar). */
  readonly active: (HNode | null)[];
  readonly special: ReadonlySet<string>;
  /** Whether `el` is open with no scope boundary above it. */
  inScope(el: HNode): boolean;
  /** A detached copy of `el` (name and attributes). */
  clone(el: HNode): HNode;
  /** Puts `child` into `parent` where the tree builder would (fostering out of tables). */
  place(parent: HNode, child: HNode): void;
  /** Pops the stack so that `index` is the first popped entry. */
  popTo(index: number): void;
}

function detach(n: HNode): void {
  if (!n.parent) return;
  const siblings = n.parent.children;
  siblings.splice(siblings.indexOf(n), 1);
  n.parent = null;
}

function append(parent: HNode, child: HNode): void {
  detach(child);
  child.parent = parent;
  parent.children.push(child);
}

/** Runs the algorithm for the end tag `name`; false means "treat it as any other end tag". */
export function adoptionAgency(st: AdoptionState, name: string): boolean {
  for (let outer = 0; outer < 8; outer++) {
    let fIdx = -1;
    for (let i = st.active.length - 1; i >= 0; i--) {
      const e = st.active[i];
      if (e === null || e === undefined) break;
      if (e.name === name) { fIdx = i; break; }
    }
    if (fIdx < 0) return outer > 0;
    const formatting = st.active[fIdx]!;
    const sIdx = st.stack.indexOf(formatting);
    if (sIdx < 0) { st.active.splice(fIdx, 1); return true; }
    if (!st.inScope(formatting)) return true;
    let furthest: HNode | undefined;
    for (let i = sIdx + 1; i < st.stack.length; i++) if (st.special.has(st.stack[i]!.name)) { furthest = st.stack[i]!; break; }
    if (!furthest) {
      st.popTo(sIdx);
      st.active.splice(st.active.indexOf(formatting), 1);
      return true;
    }
    const common = st.stack[sIdx - 1]!;
    let bookmark = fIdx;
    let lastNode = furthest;
    let idx = st.stack.indexOf(furthest);
    for (let inner = 1; ; inner++) {
      idx--;
      const n = st.stack[idx]!;
      if (n === formatting) break;
      let aIdx = st.active.indexOf(n);
      if (inner > 3 && aIdx >= 0) {
        st.active.splice(aIdx, 1);
        if (aIdx < bookmark) bookmark--;
        aIdx = -1;
      }
      if (aIdx < 0) {
        st.stack.splice(idx, 1);
        continue;
      }
      const copy = st.clone(n);
      st.active[aIdx] = copy;
      st.stack[idx] = copy;
      if (lastNode === furthest) bookmark = aIdx + 1;
      append(copy, lastNode);
      lastNode = copy;
    }
    detach(lastNode);
    st.place(common, lastNode);
    const copy = st.clone(formatting);
    for (const c of [...furthest.children]) append(copy, c);
    append(furthest, copy);
    const oldA = st.active.indexOf(formatting);
    st.active.splice(oldA, 1);
    if (oldA < bookmark) bookmark--;
    st.active.splice(Math.min(bookmark, st.active.length), 0, copy);
    st.stack.splice(st.stack.indexOf(formatting), 1);
    st.stack.splice(st.stack.indexOf(furthest) + 1, 0, copy);
  }
  return true;
}
