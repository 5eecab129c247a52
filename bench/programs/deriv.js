'use strict';
// Plain JavaScript twin of deriv.sema: expressions are arrays, symbols are
// strings, and the result is printed in Sema's list syntax.
function deriv(a) {
  if (!Array.isArray(a) || a.length === 0) return a === 'x' ? 1 : 0;
  const [op, ...args] = a;
  switch (op) {
    case '+': return ['+', ...args.map(deriv)];
    case '-': return ['-', ...args.map(deriv)];
    case '*': return ['*', a, ['+', ...args.map((f) => ['/', deriv(f), f])]];
    case '/': {
      const [u, v] = args;
      return ['-', ['/', deriv(u), v], ['/', u, ['*', v, v, deriv(v)]]];
    }
    default: throw new Error('no derivation method');
  }
}

function show(v) {
  return Array.isArray(v) ? `(${v.map(show).join(' ')})` : String(v);
}

const expr = ['+', ['*', 3, 'x', 'x'], ['*', 'a', 'x', 'x'], ['*', 'b', 'x'], 5];

function run(n) {
  let result = [];
  for (let i = 0; i < n; i++) result = deriv(expr);
  return result;
}

function main() {
  return `${show(run(100000))}\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
