// Summarises a V8 .cpuprofile (from `node --cpu-prof`) as the functions with the most
// self time and the most total time, each with file:line, so hot spots can be read
// without opening DevTools.
//   node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync, existsSync } from 'node:fs';
import { relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMap } from 'node:module';

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

// Compiled files (runtime/out/**.js) are reported at their TypeScript source line
// through the .js.map tsc writes next to them.
const sourceMaps = new Map();
function sourceMapFor(file) {
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    sourceMaps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  }
  return sourceMaps.get(file);
}

function where(frame) {
  const url = frame.url || '(native)';
  if (!url.startsWith('file://')) return frame.lineNumber >= 0 ? `${url}:${frame.lineNumber + 1}` : url;
  const file = fileURLToPath(url);
  const entry = frame.lineNumber >= 0 ? sourceMapFor(file)?.findEntry(frame.lineNumber, frame.columnNumber) : undefined;
  if (entry && entry.originalSource) {
    const original = resolve(dirname(file), entry.originalSource.replace(/^file:\/\//, ''));
    return `${relative(process.cwd(), original)}:${entry.originalLine + 1}`;
  }
  return `${relative(process.cwd(), file)}:${frame.lineNumber + 1}`;
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
