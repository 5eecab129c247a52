// Server settings from `initializationOptions`, with their defaults.

import type { SemaInitializationOptions } from './protocol';

export interface Settings {
  trusted: boolean;
  evalTimeoutMs: number;
  maxProblems: number;
}

export function settingsFrom(init: unknown): Settings {
  const o = (typeof init === 'object' && init !== null ? init : {}) as SemaInitializationOptions;
  return {
    trusted: o.trusted !== false,
    evalTimeoutMs: typeof o.evalTimeoutMs === 'number' && o.evalTimeoutMs > 0 ? o.evalTimeoutMs : 30_000,
    maxProblems: typeof o.maxProblems === 'number' && o.maxProblems > 0 ? o.maxProblems : 1000,
  };
}
