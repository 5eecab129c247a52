// Builtins the eval-host tests install through SEMA_EVAL_EXTRA_MODULES, so they do not
// depend on the standard library: printing to stdout/stderr and a busy wait.

interface Ctx {
  interp: { writeOut(s: string): void; writeErr(s: string): void };
}

export const modules = [
  {
    name: 'eval-test',
    builtins: [
      { name: 'test/out', min: 1, max: 1, impl: (a: unknown[], ctx: Ctx) => (ctx.interp.writeOut(String(a[0])), null) },
      { name: 'test/err', min: 1, max: 1, impl: (a: unknown[], ctx: Ctx) => (ctx.interp.writeErr(String(a[0])), null) },
      {
        name: 'test/sleep',
        min: 1,
        max: 1,
        impl: (a: unknown[]) => {
          const until = Date.now() + Number(a[0]);
          while (Date.now() < until);
          return null;
        },
      },
    ],
  },
];
