// The three things being compared, behind one interface. `prepare(name)` loads what
// every run shares and returns `setup`; `setup()` does the per-run untimed work
// (a fresh interpreter, so no run sees another's definitions) and returns `run`;
// `run()` is the timed part and returns { output, error }.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { loadReference, newReferenceInterpreter, evalReference } from './wasm-ref.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const programsDir = join(here, 'programs');
/** Our compiled runtime; SEMA_RUNTIME points elsewhere, e.g. at another checkout's build. */
export const runtimeEntry = process.env.SEMA_RUNTIME ?? join(here, '..', 'runtime', 'out', 'src', 'index.js');

/** Workloads in the order the issue lists them. */
export const workloads = ['fib', 'tak', 'nqueens', 'deriv', 'closures', 'fold', 'maps', 'strings'];

export function semaSource(name) {
  return readFileSync(join(programsDir, `${name}.sema`), 'utf8');
}

/** Our interpreter, in-process, from the compiled runtime package. */
function loadOurs() {
  if (!existsSync(runtimeEntry)) {
    throw new Error(`runtime not built: ${runtimeEntry} is missing (run \`npx tsc -b\` at the repository root)`);
  }
  const runtime = require(runtimeEntry);
  if (typeof runtime.Interpreter !== 'function') {
    throw new Error('runtime/out/src/index.js does not export Interpreter yet');
  }
  return runtime;
}

export const implementations = {
  ours: {
    label: 'ours',
    async prepare(name, source = semaSource(name)) {
      const runtime = loadOurs();
      const file = `${name}.sema`;
      return () => {
        let out = '';
        const interp = new runtime.Interpreter({ stdout: (s) => (out += s), stderr: () => {} });
        return () => {
          try {
            interp.evalString(source, file);
            return { output: out, error: null };
          } catch (err) {
            return { output: out, error: describeOurError(runtime, err, file, source) };
          }
        };
      };
    },
  },
  js: {
    label: 'plain JS',
    async prepare(name) {
      const main = require(join(programsDir, `${name}.js`));
      return () => () => {
        try {
          return { output: main(), error: null };
        } catch (err) {
          return { output: '', error: String(err) };
        }
      };
    },
  },
  wasm: {
    label: 'reference wasm',
    async prepare(name, source = semaSource(name)) {
      await loadReference();
      return () => {
        const interp = newReferenceInterpreter();
        return () => {
          try {
            return evalReference(interp, source);
          } finally {
            interp.free();
          }
        };
      };
    },
  },
};

function describeOurError(runtime, err, file, source) {
  if (err && err.name === 'SemaError' && typeof runtime.formatError === 'function') {
    return runtime.formatError(err, source);
  }
  // Not a SemaError: a bug in our interpreter (or a JS RangeError from deep recursion).
  return `internal error: ${err && err.stack ? err.stack.split('\n').slice(0, 4).join(' | ') : String(err)}`;
}
