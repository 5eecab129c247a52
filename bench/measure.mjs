// Times one implementation on one workload. Runs inside a worker thread started by
// run.mjs (so each measurement gets a fresh V8 isolate and a runaway run can be killed),
// or directly from the command line for profiling:
//   node --cpu-prof bench/measure.mjs ours fib 3
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { implementations } from './implementations.mjs';

/** Timed runs stop early once they have used this much time (at least one always runs). */
const BUDGET_MS = 20_000;

/**
 * One untimed run (warm-up, and its output is what run.mjs compares), then up to `runs`
 * timed runs. Returns { output, error, times, cpuTimes } in milliseconds: wall time, and
 * the process's CPU time (user + system, so it includes GC helper threads), which is the
 * steadier number on a machine other jobs are also using.
 */
export async function measure(implName, workload, runs) {
  const impl = implementations[implName];
  if (!impl) throw new Error(`unknown implementation ${implName}`);
  let setup;
  try {
    setup = await impl.prepare(workload);
  } catch (err) {
    return { output: '', error: err.message, times: [], cpuTimes: [] };
  }
  const first = setup()();
  if (first.error) return { ...first, times: [], cpuTimes: [] };
  const times = [];
  const cpuTimes = [];
  let spent = 0;
  while (times.length < runs && (times.length === 0 || spent + times[times.length - 1] <= BUDGET_MS)) {
    const run = setup();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = run();
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    if (result.error) return { ...result, times, cpuTimes };
    times.push(elapsed);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    spent += elapsed;
  }
  return { output: first.output, error: null, times, cpuTimes };
}

if (!isMainThread && workerData) {
  const { impl, workload, runs } = workerData;
  measure(impl, workload, runs).then(
    (result) => parentPort.postMessage(result),
    (err) => parentPort.postMessage({ output: '', error: String(err), times: [] }),
  );
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [impl = 'ours', workload = 'fib', runs = '3'] = process.argv.slice(2);
  const result = await measure(impl, workload, Number(runs));
  process.stdout.write(result.output);
  if (result.error) console.error(`${impl} ${workload}: error: ${result.error}`);
  else {
    console.log(`${impl} ${workload}: wall ${result.times.map((t) => t.toFixed(1)).join(' ')} ms`);
    console.log(`${impl} ${workload}: cpu  ${result.cpuTimes.map((t) => t.toFixed(1)).join(' ')} ms`);
  }
}
