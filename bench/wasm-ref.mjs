// Loads the reference interpreter's published wasm build (@sema-lang/sema-wasm) in node.
// The package is an ES module built for browsers: its default init fetches the .wasm by URL,
// which node's fetch cannot do for file: URLs, so we read the bytes and use initSync instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let mod;

/** Initialises the wasm module once and returns its exports, or throws if it is not installed. */
export async function loadReference() {
  if (mod) return mod;
  const entry = require.resolve('@sema-lang/sema-wasm');
  mod = await import(entry);
  mod.initSync({ module: readFileSync(new URL('sema_wasm_bg.wasm', `file://${entry}`)) });
  return mod;
}

/** The installed version of the reference package, for the report header. */
export function referenceVersion() {
  return require('@sema-lang/sema-wasm/package.json').version;
}

/** A fresh reference interpreter with the full standard library; call `.free()` when done. */
export function newReferenceInterpreter() {
  return new mod.SemaInterpreter();
}

/**
 * Evaluates `code` in `interp` (its default entry point, the bytecode VM).
 * Returns { value, output, error }: value is the printed last value (or null),
 * output the text printed by the program, error the reference's message (or null).
 * The reference hands output back as a list of lines, so it is rejoined with
 * newlines; a final line printed without one gains one.
 */
export function evalReference(interp, code) {
  const r = interp.eval(code);
  const output = r.output.map((line) => line + '\n').join('');
  return { value: r.value ?? null, output, error: r.error ?? null };
}
