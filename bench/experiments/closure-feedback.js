'use strict';
// Why a compile-to-closures evaluator stalls at ~10x plain JS on call-heavy code, and
// what generating JS source buys. fib(31) three ways:
//   1. a minimal compile-to-closures evaluator (Frame per call, type-checked integer
//      fast paths, a depth counter), run after other code has used the same closure
//      factories, as happens in a real interpreter where every `if`, call site and
//      primitive of every program shares one function literal per node kind. V8's
//      feedback for those literals goes megamorphic, so nothing inlines;
//   2. the same evaluator with clean feedback (what a tiny benchmark alone would show);
//   3. a function generated as JS source with `new Function`, one per Sema lambda, with
//      the same semantics (global read through a cell, integer checks, safe-integer
//      overflow fallback). Each generated function gets its own feedback.
// Run: node bench/experiments/closure-feedback.js [polluted|clean]
class Frame {
  constructor(v, up) {
    this.v = v;
    this.up = up;
  }
}
class Closure {
  constructor(body, env, nreq) {
    this.body = body;
    this.env = env;
    this.nreq = nreq;
  }
}
let depth = 0;
function invoke(fn, args) {
  if (fn instanceof Closure && args.length === fn.nreq) {
    if (++depth > 10000) throw new Error('stack depth exceeded');
    const r = fn.body(new Frame(args, fn.env));
    depth--;
    return r;
  }
  throw new Error('not a closure');
}
function slow() {
  throw new Error('slow path not needed here');
}
const local0 = (f) => f.v[0];
const konst = (k) => () => k;
const global = (cell) => () => cell.value;
function prim(op, a, b) {
  switch (op) {
    case '<':
      return (f) => {
        const l = a(f), r = b(f);
        return typeof l === 'number' && typeof r === 'number' ? l < r : slow();
      };
    case '+':
      return (f) => {
        const l = a(f), r = b(f);
        if (typeof l === 'number' && typeof r === 'number') {
          const s = l + r;
          if (Number.isSafeInteger(s)) return s;
        }
        return slow();
      };
    default:
      return (f) => {
        const l = a(f), r = b(f);
        if (typeof l === 'number' && typeof r === 'number') {
          const s = l - r;
          if (Number.isSafeInteger(s)) return s;
        }
        return slow();
      };
  }
}
const call1 = (fnCode, a0) => (f) => invoke(fnCode(f), [a0(f)]);
const iff = (t, a, b) => (f) => {
  const v = t(f);
  return v !== null && v !== false ? a(f) : b(f);
};

// (define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
const fibCell = { value: null };
const fibBody = iff(
  prim('<', local0, konst(2)),
  local0,
  prim('+', call1(global(fibCell), prim('-', local0, konst(1))), call1(global(fibCell), prim('-', local0, konst(2)))),
);
fibCell.value = new Closure(fibBody, null, 1);

function polluteFeedback() {
  const others = [];
  for (let i = 0; i < 50; i++) {
    const cell = { value: null };
    const ops = ['<', '+', '-'];
    const body = iff(
      prim(ops[i % 3], local0, konst(i % 5)),
      prim(ops[(i + 1) % 3], local0, konst(i)),
      iff(prim('<', konst(i), local0), call1(global(cell), prim('-', local0, konst(1))), local0),
    );
    cell.value = new Closure(body, null, 1);
    others.push(cell.value);
  }
  for (let r = 0; r < 200; r++) for (const c of others) invoke(c, [r % 7]);
}

const generated = new Function(
  'cell',
  'slow',
  `return function fib(n) {
     if (!(typeof n === 'number' ? n < 2 : slow())) {
       const a = cell.value.fast(n - 1), b = cell.value.fast(n - 2), s = a + b;
       return typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(s) ? s : slow();
     }
     return n;
   };`,
);
const genCell = { value: null };
genCell.value = { fast: generated(genCell, slow) };

function fibJs(n) {
  return n < 2 ? n : fibJs(n - 1) + fibJs(n - 2);
}

if (process.argv[2] !== 'clean') polluteFeedback();
const time = (f) => {
  const t = performance.now();
  f();
  return (performance.now() - t).toFixed(0).padStart(4);
};
for (let k = 0; k < 3; k++) {
  console.log(
    `closures (${process.argv[2] === 'clean' ? 'clean' : 'polluted'} feedback) ${time(() => invoke(fibCell.value, [31]))} ms,` +
      ` generated source ${time(() => genCell.value.fast(31))} ms, plain JS ${time(() => fibJs(31))} ms`,
  );
}
