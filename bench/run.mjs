// Runs every workload on our interpreter, plain JavaScript and the reference's wasm
// build, checks that the three print the same thing, and prints the median times and
// the ratios the issue sets as targets. Usage:
//   node bench/run.mjs [--runs N] [--cpu] [workload ...]
// --cpu reports process CPU time instead of wall time (steadier on a busy machine).
// Needs `npx tsc -b` (for runtime/out) and `npm install --prefix bench` (for the wasm).
import { Worker } from 'node:worker_threads';
import { workloads } from './implementations.mjs';
import { referenceVersion } from './wasm-ref.mjs';

const TIMEOUT_MS = 120_000;
const MIN_SPEEDUP_OVER_WASM = 10;
const MAX_SLOWDOWN_VS_JS = 5;
const JS_TARGET_WORKLOADS = new Set(['fib', 'tak']);

function parseArgs(argv) {
  let runs = 5;
  let cpu = false;
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--cpu') cpu = true;
    else names.push(argv[i]);
  }
  const unknown = names.filter((n) => !workloads.includes(n));
  if (unknown.length || !(runs >= 1)) {
    console.error(`usage: node bench/run.mjs [--runs N] [--cpu] [${workloads.join('|')} ...]`);
    process.exit(2);
  }
  return { runs, cpu, names: names.length ? names : workloads };
}

/** Measures in a fresh worker so a hung or crashing implementation cannot stop the rest. */
function measureInWorker(impl, workload, runs) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./measure.mjs', import.meta.url), { workerData: { impl, workload, runs } });
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ output: '', error: `no result after ${TIMEOUT_MS / 1000} s`, times: [], cpuTimes: [] });
    }, TIMEOUT_MS);
    worker.once('message', (result) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      resolve({ output: '', error: `worker died: ${err.message}`, times: [], cpuTimes: [] });
    });
  });
}

function median(times) {
  if (times.length === 0) return NaN;
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const ms = (t) => (Number.isFinite(t) ? t.toFixed(1) : '-');
const ratio = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '-');
const oneLine = (s) => (s.length > 160 ? `${s.slice(0, 160)}...` : s).replace(/\n/g, '\\n');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

const { runs, cpu, names } = parseArgs(process.argv.slice(2));
console.log(`Sema benchmarks: median ${cpu ? 'CPU' : 'wall'} time of up to ${runs} runs after one warm-up run, in ms`);
console.log(`reference: @sema-lang/sema-wasm ${referenceVersion()} (SemaInterpreter.eval), node ${process.version}\n`);

const rows = [['workload', 'ours', 'plain JS', 'ref wasm', 'wasm/ours', 'ours/JS', 'targets']];
const problems = [];
let mismatches = 0;
for (const name of names) {
  const results = {};
  for (const impl of ['ours', 'js', 'wasm']) {
    results[impl] = await measureInWorker(impl, name, runs);
    if (results[impl].error) problems.push(`${name}: ${impl} failed: ${results[impl].error}`);
  }
  const expected = results.wasm.error ? results.js.output : results.wasm.output;
  const wrong = new Set();
  for (const impl of ['ours', 'js']) {
    const r = results[impl];
    if (!r.error && r.output !== expected) {
      mismatches++;
      wrong.add(impl);
      problems.push(`${name}: ${impl} printed ${JSON.stringify(oneLine(r.output))}, reference printed ${JSON.stringify(oneLine(expected))}`);
    }
  }
  const [ours, js, wasm] = ['ours', 'js', 'wasm'].map((i) => median(cpu ? results[i].cpuTimes : results[i].times));
  const speedup = wasm / ours;
  const slowdown = ours / js;
  const verdicts = [];
  if (wrong.size) {
    verdicts.push(`WRONG OUTPUT (${[...wrong].join(', ')})`);
  } else if (Number.isFinite(ours)) {
    verdicts.push(speedup >= MIN_SPEEDUP_OVER_WASM ? 'wasm ok' : `wasm MISSED (<${MIN_SPEEDUP_OVER_WASM}x)`);
    if (JS_TARGET_WORKLOADS.has(name)) verdicts.push(slowdown <= MAX_SLOWDOWN_VS_JS ? 'JS ok' : `JS MISSED (>${MAX_SLOWDOWN_VS_JS}x)`);
  } else {
    verdicts.push('not measured');
  }
  rows.push([name, ms(ours), ms(js), ms(wasm), ratio(speedup), ratio(slowdown), verdicts.join(', ')]);
}

console.log(table(rows));
console.log(`\nwasm/ours = how many times faster ours is than the reference (target >= ${MIN_SPEEDUP_OVER_WASM}x on every workload)`);
console.log(`ours/JS   = how many times slower ours is than plain JS (target <= ${MAX_SLOWDOWN_VS_JS}x on fib and tak)`);
if (problems.length) console.log(`\n${problems.join('\n')}`);
process.exitCode = mismatches ? 1 : 0;
