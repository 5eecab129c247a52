// Compile-time scopes and run-time frames. Locals are resolved once, at compile time, to
// (depth, index) pairs; globals to a Cell that holds their current value.

import type { Value } from './values';

/** A run-time activation: slots for one lambda call or one `let`, plus the enclosing frame. */
export class Frame {
  constructor(
    readonly v: Value[],
    readonly up: Frame | null,
  ) {}
}

/** A global variable. `value` is undefined while unbound. */
export class Cell {
  value: Value | undefined = undefined;
  constructor(readonly name: string) {}
}

export interface LocalRef {
  readonly depth: number;
  readonly index: number;
  /** True for slots created by an internal `define`: they may be read before being set. */
  readonly late: boolean;
}

/** The names a lambda or `let` binds, in slot order. Internal defines append to it. */
export class Scope {
  readonly names: string[] = [];
  /** How many lookups found a name here (the codegen tier checks whether code touched a scope). */
  hits = 0;
  private readonly lateNames = new Set<string>();

  constructor(readonly parent: Scope | null) {}

  add(name: string, late = false): number {
    const existing = this.names.lastIndexOf(name);
    if (existing >= 0 && late) return existing;
    this.names.push(name);
    if (late) this.lateNames.add(name);
    return this.names.length - 1;
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  lookup(name: string): LocalRef | undefined {
    let depth = 0;
    for (let s: Scope | null = this; s !== null; s = s.parent, depth++) {
      const index = s.names.lastIndexOf(name);
      if (index >= 0) {
        s.hits++;
        return { depth, index, late: s.lateNames.has(name) };
      }
    }
    return undefined;
  }

  /** Every name visible here, innermost first (for "did you mean" hints). */
  visibleNames(): string[] {
    const out: string[] = [];
    for (let s: Scope | null = this; s !== null; s = s.parent) out.push(...s.names);
    return out;
  }
}
