// The `--sandbox` and `--allowed-paths` restrictions (cli.md "Sandbox"). A sandbox denies
// capabilities; the builtins that need a denied capability stay defined but fail with a
// permission-denied error when called, and with allowed paths every file builtin checks
// its path arguments (canonicalized, so `../` cannot leave the allowed directories).

import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { SemaError } from './errors';
import { NativeFn, type Value } from './values';

export const CAPABILITIES = ['fs-read', 'fs-write', 'shell', 'network', 'env-read', 'env-write', 'process', 'llm', 'serial'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** `--sandbox=strict`: everything but reading files and the environment. */
const STRICT: readonly Capability[] = ['shell', 'fs-write', 'network', 'env-write', 'process', 'llm', 'serial'];

/** What a sandbox denies; plain data so it can cross to the evaluation thread. */
export interface SandboxSpec {
  readonly denied: readonly Capability[];
  /** Canonical directories file builtins may touch; absent = anywhere. */
  readonly allowedPaths?: readonly string[];
}

/** The denied capabilities of a `--sandbox` value, or an error message. */
export function parseSandboxMode(text: string): Capability[] | { error: string } {
  const mode = text.trim();
  if (mode === 'strict') return [...STRICT];
  if (mode === 'all') return [...CAPABILITIES];
  const denied = new Set<Capability>();
  for (const raw of mode.split(',')) {
    const part = raw.trim();
    if (part === '' || part === 'none' || part === 'no-none') continue;
    const name = part.startsWith('no-') ? part.slice(3) : part;
    if (name === 'strict') STRICT.forEach((c) => denied.add(c));
    else if (name === 'all') CAPABILITIES.forEach((c) => denied.add(c));
    else if ((CAPABILITIES as readonly string[]).includes(name)) denied.add(name as Capability);
    else return { error: `unknown capability: ${name} (known: ${CAPABILITIES.join(', ')}, strict, all, none)` };
  }
  return [...denied];
}

/** The directories of an `--allowed-paths` value, canonicalized against `cwd`. */
export function parseAllowedPaths(text: string, cwd = process.cwd()): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => canonical(resolve(cwd, s)));
}

/** The path with symlinks resolved as far as it exists; `..` and `.` resolved lexically beyond. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return join(canonical(parent), basename(path));
  }
}

/**
 * The builtins each capability gates (cli.md's table, plus the LLM calls that table leaves
 * out: a sandbox without `llm` should make no model request at all; and the archive,
 * patch and git builtins, which the reference gates as their pages say), and which
 * arguments are paths (or lists of paths) that `--allowed-paths` checks.
 */
const GATED: Record<string, { caps: readonly Capability[]; paths?: readonly number[] }> = {};
const gate = (caps: Capability[], names: string[], paths?: number[]): void => {
  for (const n of names) GATED[n] = paths ? { caps, paths } : { caps };
};
gate(['fs-read'], ['file/read', 'file/read-bytes', 'file/read-lines', 'file/for-each-line', 'file/fold-lines', 'file/exists?', 'file/list',
  'file/info', 'file/is-file?', 'file/is-directory?', 'file/is-symlink?', 'path/absolute', 'stream/open-input', 'sema/check-file',
  'fs/watch', 'zip/list', 'pdf/extract-text', 'pdf/extract-text-pages', 'pdf/page-count', 'pdf/metadata'], [0]);
gate(['fs-read'], ['file/glob']);
gate(['fs-write'], ['file/write', 'file/write-bytes', 'file/write-lines', 'file/append', 'file/delete', 'file/mkdir', 'stream/open-output'], [0]);
gate(['fs-write'], ['file/rename', 'file/copy'], [0, 1]);
gate(['fs-write'], ['kv/open'], [1]);
gate(['fs-write'], ['kv/set', 'kv/delete']);
gate(['fs-write'], ['patch/apply-file'], [0]);
gate(['fs-write'], ['zip/create', 'zip/extract', 'tar/create', 'tar/extract'], [0, 1]);
gate(['network'], ['http/get', 'http/post', 'http/put', 'http/delete', 'http/request', 'http/serve']);
gate(['fs-read'], ['http/file'], [0]);
gate(['env-read'], ['env', 'sys/env', 'getenv', 'sys/env-all', 'sys/cwd', 'sys/home-dir', 'sys/user', 'sys/temp-dir']);
gate(['env-write'], ['sys/set-env', 'setenv']);
gate(['process'], ['exit', 'sys/pid', 'sys/args', 'sys/which']);
gate(['process'], ['git/root', 'git/current-branch', 'git/status', 'git/changed-files', 'git/diff', 'git/diff-files', 'git/recent-files',
  'git/ignore-matches?']);
gate(['shell', 'process'], ['shell', 'sys/shell']);
gate(['process'], ['proc/spawn', 'proc/read-stdout', 'proc/read-stderr', 'proc/write-stdin', 'proc/close-stdin', 'proc/wait', 'proc/exit-code',
  'proc/running?', 'proc/kill', 'proc/close']);
gate(['process'], ['pty/spawn', 'pty/read', 'pty/write', 'pty/resize', 'pty/wait', 'pty/exit-code', 'pty/running?', 'pty/kill', 'pty/close']);
gate(['llm'], ['llm/complete', 'llm/chat', 'llm/send', 'llm/stream', 'llm/extract', 'llm/classify', 'llm/extract-from-image', 'llm/batch',
  'llm/pmap', 'llm/summarize', 'llm/compare', 'llm/embed', 'llm/rerank', 'agent/run', 'conversation/say', 'conversation/say-as']);
gate(['fs-read'], ['vector-store/open'], [1]);
gate(['fs-write'], ['vector-store/save'], [1]);
gate(['serial'], ['serial/list', 'serial/open', 'serial/close', 'serial/write', 'serial/read-line', 'serial/send']);

export class Sandbox {
  private readonly denied: ReadonlySet<Capability>;
  private readonly allowed: readonly string[] | undefined;

  constructor(spec: SandboxSpec) {
    this.denied = new Set(spec.denied);
    this.allowed = spec.allowedPaths;
  }

  get restricted(): boolean {
    return this.denied.size > 0 || this.allowed !== undefined;
  }

  /** Fails unless `fn` may use capability `cap`. */
  check(cap: Capability, fn: string): void {
    if (!this.denied.has(cap)) return;
    throw new SemaError(`Permission denied: ${fn} requires '${cap}' capability`, 'permission-denied', { function: fn, capability: cap });
  }

  /** Fails when allowed paths are set and `path` (relative to the working directory) is outside them. */
  checkPath(path: string, fn: string): void {
    if (this.allowed === undefined) return;
    const full = canonical(isAbsolute(path) ? path : resolve(path));
    if (this.allowed.some((dir) => full === dir || full.startsWith(dir.endsWith(sep) ? dir : dir + sep))) return;
    throw new SemaError(`Permission denied: ${fn} — path '${full}' is outside allowed directories`, 'permission-denied', { function: fn, path: full });
  }

  /** `load`/`import` of a file: reading it needs fs-read and an allowed path. */
  checkFileRead(fn: string, path: string): void {
    this.check('fs-read', fn);
    this.checkPath(path, fn);
  }

  /** The builtin as this sandbox allows it: unchanged, or checking before it runs. */
  guard(fn: NativeFn): NativeFn {
    const rule = GATED[fn.name];
    if (rule === undefined) return fn;
    const { caps, paths } = rule;
    if (!caps.some((c) => this.denied.has(c)) && (paths === undefined || this.allowed === undefined)) return fn;
    const impl = fn.impl;
    return new NativeFn(fn.name, (args, ctx) => {
      for (const c of caps) this.check(c, fn.name);
      for (const i of paths ?? []) {
        const p: Value | undefined = args[i];
        if (typeof p === 'string') this.checkPath(p, fn.name);
        // A list of paths (the files zip/create and tar/create pack).
        else if (Array.isArray(p)) for (const q of p) if (typeof q === 'string') this.checkPath(q, fn.name);
      }
      return impl(args, ctx);
    });
  }
}
