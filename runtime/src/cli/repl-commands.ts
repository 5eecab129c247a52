// The REPL's `,` commands (cli.md "REPL Commands") and its conveniences — `*1 *2 *3 *e`
// history variables and the warning when a definition replaces a builtin. They run in the
// evaluation thread, next to the interpreter they inspect.

import { performance } from 'node:perf_hooks';
import type { Interpreter } from '../eval/interpreter';
import { Closure } from '../eval/compiler';
import { NativeFn, RecordValue, Sym, Keyword, typeName, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { read } from '../reader';
import { lookupDoc } from '../docs';
import { specialForms } from '../eval/compiler';

/** What a command printed: to stdout, and to stderr (timings, "not found"). */
export interface CommandOutput {
  out: string;
  err: string;
}

/** Names that exist before the user types anything: `,env` leaves them out. */
export function startupNames(interp: Interpreter): Set<string> {
  return new Set(interp.globalNames());
}

/** The code a `,type`/`,time` line evaluates (error reports point into it). */
export function commandCode(line: string): string {
  return line.trim().replace(/^,\S+\s*/, '');
}

/** Runs a `,` command line; undefined when `line` is not one this thread handles. */
export function replCommand(interp: Interpreter, line: string, startup: ReadonlySet<string>): CommandOutput | undefined {
  const trimmed = line.trim();
  const [cmd, ...rest] = trimmed.split(/\s+/);
  const arg = trimmed.slice(cmd!.length).trim();
  switch (cmd) {
    case ',env':
      return { out: env(interp, startup), err: '' };
    case ',builtins':
      return { out: builtins(interp), err: '' };
    case ',type':
    case ',time':
    case ',doc':
      if (rest.length === 0) return { out: `Usage: ${cmd} <expr>\n`, err: '' };
      if (cmd === ',doc') return doc(interp, arg);
      if (cmd === ',type') {
        const v = interp.evalString(arg);
        return { out: `${printValue(v instanceof RecordValue ? Keyword.of(v.type.name) : Keyword.of(typeName(v)))}\n`, err: '' };
      }
      return time(interp, arg);
  }
  return undefined;
}

function env(interp: Interpreter, startup: ReadonlySet<string>): string {
  const names = interp
    .globalNames()
    .filter((n) => !startup.has(n) && !n.startsWith('*') && !(interp.lookup(n) instanceof NativeFn))
    .sort();
  if (names.length === 0) return '(no user-defined bindings)\n';
  return names.map((n) => `  ${n} = ${printValue(interp.lookup(n)!)}\n`).join('');
}

function builtins(interp: Interpreter): string {
  const names = interp
    .globalNames()
    // `__`-prefixed natives are the evaluator's own helpers (macro expansions call them).
    .filter((n) => interp.lookup(n) instanceof NativeFn && !n.startsWith('__'))
    .sort();
  if (names.length === 0) return '(no builtin functions)\n';
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const cols = Math.max(1, Math.floor(80 / width));
  let out = '';
  for (let i = 0; i < names.length; i += cols) out += names.slice(i, i + cols).map((n) => n.padEnd(width)).join('') + '\n';
  return `${out}\n${names.length} builtin functions\n`;
}

function doc(interp: Interpreter, name: string): CommandOutput {
  const v = interp.lookup(name);
  const entry = lookupDoc(name);
  if (v instanceof Closure) {
    const { required, optional, rest } = v.params;
    const params = [...required, ...(optional.length ? ['&optional', ...optional] : []), ...(rest ? ['.', rest] : [])];
    return { out: `  ${name} : lambda (${params.join(' ')})\n${v.doc ? `  ${v.doc}\n` : ''}`, err: '' };
  }
  if (entry && (v === undefined || v instanceof NativeFn)) {
    const kind = entry.kind === 'function' ? 'native-fn' : entry.kind.replace('-', ' ');
    return { out: `  ${name} : ${kind}\n${entry.signatures.map((s) => `  ${s}\n`).join('')}  ${entry.summary}\n`, err: '' };
  }
  if (v instanceof NativeFn) return { out: `  ${name} : native-fn\n`, err: '' };
  if (v !== undefined) return { out: `  ${name} : ${typeName(v)} = ${printValue(v)}\n`, err: '' };
  if (specialForms.has(name)) return { out: `  ${name} : special form\n`, err: '' };
  return { out: '', err: `  not found: ${name}\n` };
}

function time(interp: Interpreter, code: string): CommandOutput {
  const start = performance.now();
  let out = '';
  try {
    const v = interp.evalString(code);
    if (v !== null) out = printValue(v) + '\n';
  } catch (e) {
    (e as { elapsed?: string }).elapsed = elapsed(performance.now() - start);
    throw e;
  }
  return { out, err: `elapsed: ${elapsed(performance.now() - start)}\n` };
}

/** A duration as the reference prints one: `812.345µs`, `58.424ms`, `1.204s`. */
export function elapsed(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(3)}µs`;
  if (ms < 1000) return `${ms.toFixed(3)}ms`;
  return `${(ms / 1000).toFixed(3)}s`;
}

/** After a successful REPL evaluation: `*1` is the value, the older ones shift down. */
export function rememberResult(interp: Interpreter, v: Value): void {
  interp.define('*3', interp.lookup('*2') ?? null);
  interp.define('*2', interp.lookup('*1') ?? null);
  interp.define('*1', v);
}

/** After a failed REPL evaluation: `*e` is the error message. */
export function rememberError(interp: Interpreter, message: string): void {
  interp.define('*e', message);
}

const DEFINERS = new Set(['define', 'def', 'defun', 'defn', 'defmacro']);

/** "warning: redefining builtin 'map'" for each top-level definition of a builtin's name in `code`. */
export function shadowWarnings(interp: Interpreter, code: string): string {
  let out = '';
  for (const form of read(code).forms) {
    if (!Array.isArray(form) || !(form[0] instanceof Sym) || !DEFINERS.has(form[0].name)) continue;
    const target = Array.isArray(form[1]) ? form[1][0] : form[1];
    if (target instanceof Sym && interp.lookup(target.name) instanceof NativeFn) out += `  warning: redefining builtin '${target.name}'\n`;
  }
  return out;
}
