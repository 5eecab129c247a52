'use strict';
// Plain JavaScript twin of nqueens.sema: placed columns kept as an immutable
// cons list ({ head, tail } cells, null for the empty list) like the Sema version.
function safe(col, dist, placed) {
  for (; placed !== null; placed = placed.tail, dist++) {
    if (placed.head === col) return false;
    if (Math.abs(placed.head - col) === dist) return false;
  }
  return true;
}

function countQueens(n) {
  function place(k, placed) {
    if (k === 0) return 1;
    let total = 0;
    for (let col = 1; col <= n; col++) {
      if (safe(col, 1, placed)) total += place(k - 1, { head: col, tail: placed });
    }
    return total;
  }
  return place(n, null);
}

function main() {
  return `${countQueens(10)}\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
