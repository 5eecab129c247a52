'use strict';
// Plain JavaScript twin of fib.sema: same algorithm, same printed result.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function main() {
  return `${fib(31)}\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
