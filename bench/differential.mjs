// Differential test: evaluates every case of differential-cases.json (collected from
// the docs' `; =>` examples by collect-cases.mjs) with our interpreter and with the
// reference's wasm build, and prints the cases where they disagree.
//   node bench/differential.mjs [--all] [--errors] [filter]
// --all also lists the matching cases; --errors also reports cases where both fail
// but with different messages; `filter` keeps cases whose page or expression contains it.
// A tool for finding behaviour differences, not a test: exit status is 0 either way.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runtimeEntry } from './implementations.mjs';
import { loadReference, newReferenceInterpreter, evalReference } from './wasm-ref.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const showAll = args.includes('--all');
const showErrors = args.includes('--errors');
const filter = args.find((a) => !a.startsWith('--'));

if (!existsSync(runtimeEntry)) {
  console.error(`runtime not built: ${runtimeEntry} is missing (run \`npx tsc -b\` at the repository root)`);
  process.exit(2);
}
const runtime = require(runtimeEntry);
const { printValue } = require(runtimeEntry.replace(/index\.js$/, 'reader/index.js'));
await loadReference();

const cases = JSON.parse(readFileSync(new URL('./differential-cases.json', import.meta.url), 'utf8')).filter(
  (c) => !filter || c.where.includes(filter) || c.expr.includes(filter),
);

/** First line of an error message, without the reference's `at ...` trace lines. */
const firstLine = (msg) => String(msg).split('\n')[0].trim();

function runReference(c) {
  const interp = newReferenceInterpreter();
  try {
    // Setup forms run one by one and their failures are ignored: some doc definitions
    // are syntax templates or need things we skip. A case compares only its expression.
    for (const form of c.setup) evalReference(interp, form);
    const r = evalReference(interp, c.expr);
    return r.error ? { error: firstLine(r.error), output: r.output } : { value: r.value ?? 'nil', output: r.output };
  } finally {
    interp.free();
  }
}

function runOurs(c) {
  let output = '';
  const interp = new runtime.Interpreter({ stdout: (s) => (output += s), stderr: () => {} });
  const attempt = (text) => {
    try {
      return { value: interp.evalString(text, 'case.sema') };
    } catch (err) {
      const internal = !(err && err.name === 'SemaError');
      return { error: `${internal ? 'INTERNAL ' : ''}${firstLine(err && err.message)}` };
    }
  };
  const setupErrors = [];
  for (const form of c.setup) {
    const s = attempt(form);
    if (s.error) setupErrors.push(`${form.split('\n')[0]} -> ${s.error}`);
  }
  output = '';
  const r = attempt(c.expr);
  if (r.error) return { error: r.error, output, setupErrors };
  try {
    return { value: printValue(r.value), output, setupErrors };
  } catch (err) {
    return { error: `INTERNAL printValue: ${firstLine(err.message)}`, output, setupErrors };
  }
}

const show = (r) => (r.error !== undefined ? `error: ${r.error}` : r.value);
let matches = 0;
let bothFail = 0;
const mismatches = [];
for (const c of cases) {
  const ref = runReference(c);
  const ours = runOurs(c);
  let same;
  if (ref.error !== undefined && ours.error !== undefined) {
    bothFail++;
    same = !showErrors || ref.error === ours.error;
  } else {
    same = ref.error === undefined && ours.error === undefined && ref.value === ours.value;
  }
  if (same) matches++;
  else mismatches.push({ c, ref, ours });
  if (same && showAll) console.log(`ok    ${c.where}  ${c.expr.replace(/\s+/g, ' ')}  =>  ${show(ours)}`);
}

for (const { c, ref, ours } of mismatches) {
  console.log(`\n${c.where}  ${c.expr.replace(/\s+/g, ' ')}`);
  console.log(`  docs:      ${c.doc}`);
  console.log(`  reference: ${show(ref)}`);
  console.log(`  ours:      ${show(ours)}`);
  for (const e of ours.setupErrors ?? []) console.log(`  (our setup failed: ${e})`);
}
console.log(
  `\n${cases.length} cases: ${matches} agree (${bothFail} where both fail), ${mismatches.length} differ`,
);
