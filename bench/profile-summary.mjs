// Summarises a V8 .cpuprofile (from `node --cpu-prof`) as the functions with the most
// self time and the most total time, each with file:line, so hot spots can be read
// without opening DevTools.
//   node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, topArg = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

// Sample counts per node, turned into milliseconds with the mean sampling interval.
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const totalMs = (profile.endTime - profile.startTime) / 1000;
const msPerSample = totalMs / profile.samples.length;

function where(frame) {
  let url = frame.url || '(native)';
  if (url.startsWith('file://')) url = relative(process.cwd(), fileURLToPath(url));
  return frame.lineNumber >= 0 ? `${url}:${frame.lineNumber + 1}` : url;
}
const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame)}`;

const self = new Map();
for (const [id, count] of hits) {
  const k = keyOf(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + count);
}

// Total time: every sample counts once for each distinct function on its stack.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map();
for (const [id, count] of hits) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = keyOf(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + count);
  }
}

function print(title, m) {
  console.log(`\n${title}`);
  for (const [k, count] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const ms = count * msPerSample;
    console.log(`${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  }
}
console.log(`${file}: ${totalMs.toFixed(0)} ms, ${profile.samples.length} samples`);
print('self time', self);
print('total time', total);
