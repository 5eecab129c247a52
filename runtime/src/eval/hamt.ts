// A persistent hash array mapped trie keyed by canonical map-key strings. Maps use it so
// that `assoc`/`dissoc` copy only the path to one entry (O(log n)) instead of the whole
// table, which keeps building a map with assoc in a loop linear rather than quadratic.

const BITS = 5;
const MASK = 31;

/** One entry; `seq` orders entries by first insertion (hashmaps iterate that way). */
export class Leaf<E> {
  constructor(
    readonly key: string,
    readonly hash: number,
    readonly entry: E,
    readonly seq: number,
  ) {}
}

class Branch<E> {
  constructor(
    readonly bitmap: number,
    readonly slots: readonly Slot<E>[],
  ) {}
}

/** Entries whose 32-bit hashes are equal. */
class Collision<E> {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf<E>[],
  ) {}
}

export type Slot<E> = Leaf<E> | Branch<E> | Collision<E>;

/** FNV-1a over the UTF-16 code units. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function lookup<E>(root: Slot<E> | null, key: string, hash: number): Leaf<E> | undefined {
  let node: Slot<E> | undefined | null = root;
  let shift = 0;
  while (node) {
    if (node instanceof Branch) {
      const bit = 1 << ((hash >>> shift) & MASK);
      if ((node.bitmap & bit) === 0) return undefined;
      node = node.slots[popcount(node.bitmap & (bit - 1))];
      shift += BITS;
    } else if (node instanceof Leaf) {
      return node.key === key ? node : undefined;
    } else {
      return node.hash === hash ? node.leaves.find((l) => l.key === key) : undefined;
    }
  }
  return undefined;
}

/** A node holding `a` and `b`, whose hashes differ, split at `shift` and below. */
function split<E>(a: Leaf<E> | Collision<E>, b: Leaf<E>, shift: number): Branch<E> {
  const ia = (a.hash >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) return new Branch(1 << ia, [split(a, b, shift + BITS)]);
  return new Branch((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a]);
}

/** Inserts or replaces `leaf` (a replaced entry keeps its `seq`); `added` says which. */
export function insert<E>(node: Slot<E> | null, leaf: Leaf<E>, shift: number, out: { added: boolean }): Slot<E> {
  if (node === null) {
    out.added = true;
    return leaf;
  }
  if (node instanceof Leaf) {
    if (node.key === leaf.key) return new Leaf(leaf.key, leaf.hash, leaf.entry, node.seq);
    out.added = true;
    if (node.hash === leaf.hash) return new Collision(leaf.hash, [node, leaf]);
    return split(node, leaf, shift);
  }
  if (node instanceof Collision) {
    if (node.hash !== leaf.hash) {
      out.added = true;
      return split(node, leaf, shift);
    }
    const i = node.leaves.findIndex((l) => l.key === leaf.key);
    if (i < 0) {
      out.added = true;
      return new Collision(node.hash, [...node.leaves, leaf]);
    }
    const leaves = node.leaves.slice();
    leaves[i] = new Leaf(leaf.key, leaf.hash, leaf.entry, node.leaves[i]!.seq);
    return new Collision(node.hash, leaves);
  }
  const bit = 1 << ((leaf.hash >>> shift) & MASK);
  const idx = popcount(node.bitmap & (bit - 1));
  const slots = node.slots.slice();
  if ((node.bitmap & bit) === 0) {
    out.added = true;
    slots.splice(idx, 0, leaf);
    return new Branch(node.bitmap | bit, slots);
  }
  slots[idx] = insert(slots[idx]!, leaf, shift + BITS, out);
  return new Branch(node.bitmap, slots);
}

/** `node` without `key` (the same node when the key is absent). */
export function remove<E>(node: Slot<E> | null, key: string, hash: number, shift: number): Slot<E> | null {
  if (node === null) return null;
  if (node instanceof Leaf) return node.key === key ? null : node;
  if (node instanceof Collision) {
    if (node.hash !== hash) return node;
    const leaves = node.leaves.filter((l) => l.key !== key);
    if (leaves.length === node.leaves.length) return node;
    return leaves.length === 1 ? leaves[0]! : new Collision(hash, leaves);
  }
  const bit = 1 << ((hash >>> shift) & MASK);
  if ((node.bitmap & bit) === 0) return node;
  const idx = popcount(node.bitmap & (bit - 1));
  const child = node.slots[idx]!;
  const next = remove(child, key, hash, shift + BITS);
  if (next === child) return node;
  const slots = node.slots.slice();
  if (next !== null) {
    slots[idx] = next;
    return new Branch(node.bitmap, slots);
  }
  if (slots.length === 1) return null;
  slots.splice(idx, 1);
  return new Branch(node.bitmap & ~bit, slots);
}

export function forEachLeaf<E>(node: Slot<E> | null, f: (leaf: Leaf<E>) => void): void {
  if (node === null) return;
  if (node instanceof Leaf) f(node);
  else if (node instanceof Collision) node.leaves.forEach(f);
  else for (const s of node.slots) forEachLeaf(s, f);
}
