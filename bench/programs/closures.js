'use strict';
// Plain JavaScript twin of closures.sema.
const makeAdder = (n) => (x) => x + n;
const compose = (f, g) => (x) => f(g(x));
function makeCounter() {
  let count = 0;
  return (step) => {
    count += step;
    return count;
  };
}

function run(n) {
  const counter = makeCounter();
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const f = compose(makeAdder(i), makeAdder(1));
    counter(i % 2 === 0 ? 1 : 2);
    acc = f(acc) % 1000003;
  }
  return [acc, counter(0)];
}

function main() {
  return `(${run(500000).join(' ')})\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
