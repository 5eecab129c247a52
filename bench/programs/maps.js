'use strict';
// Plain JavaScript twin of maps.sema, using a mutable Map (what a JS
// programmer would write; the Sema version is persistent).
function build(n) {
  const m = new Map();
  for (let i = 0; i < n; i++) m.set((i * 7919) % n, i);
  return m;
}

function sumLookups(m, n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += m.get(i);
  return sum;
}

function tally(words) {
  const counts = new Map();
  for (const w of words) counts.set(w, 1 + (counts.get(w) ?? 0));
  return counts;
}

function main() {
  const n = 14000;
  const m = build(n);
  const counts = tally(Array.from({ length: n }, (_, i) => (i * i) % 101));
  return `(${[m.size, sumLookups(m, n), counts.size, counts.get(0), counts.get(1)].join(' ')})\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
