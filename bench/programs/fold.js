'use strict';
// Plain JavaScript twin of fold.sema (arrays and Array.prototype.reduce).
function main() {
  const xs = Array.from({ length: 1000000 }, (_, i) => i);
  const total = xs.reduce((acc, x) => acc + 2 * x, 0);
  const oddSquares = xs
    .map((x) => x + 1)
    .filter((x) => x % 2 !== 0)
    .reduce((acc, x) => acc + ((x * x) % 1000), 0);
  const longest = xs.reduce((best, x) => (x % 9973 > best ? x % 9973 : best), 0);
  const plainSum = xs.reduce((a, b) => a + b);
  return `(${[total, oddSquares, longest, plainSum].join(' ')})\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
