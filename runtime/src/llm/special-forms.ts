// The LLM layer's special forms: `prompt` (whose `(system ...)`, `(user ...)` and
// `(assistant ...)` entries are not function calls), `deftool` and `defagent` (which
// bind a name). Installed by the evaluator's special-form table.

import { defineSpecialForm, type Code, type Compiler } from '../eval/compiler';
import { SemaError } from '../eval/errors';
import type { Span } from '../reader/span';
import { definitionSetter } from '../eval/special-forms/core';
import { Sym, type Value } from '../eval/values';
import { promptEntries } from './builtins-prompts';
import { makeAgent, makeTool } from './builtins-tools';
import { PromptValue } from './values';

/** Runs `build`, pinning any error it raises on the form's source location. */
function located<T>(c: Compiler, span: Span | undefined, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof SemaError && span) e.at({ file: c.file, span });
    throw e;
  }
}

const ROLE_HEADS = new Set(['system', 'user', 'assistant']);

export function installLlmSpecialForms(): void {
  defineSpecialForm('prompt', (c, form, scope, _tail, span) => {
    const entries: ((f: Parameters<Code>[0]) => Value)[] = form.slice(1).map((entry, i) => {
      const entrySpan = c.childSpan(form, i + 1, span);
      const head = Array.isArray(entry) ? entry[0] : undefined;
      if (Array.isArray(entry) && head instanceof Sym && ROLE_HEADS.has(head.name) && !scope?.lookup(head.name)) {
        const parts = entry.slice(1).map((p, j) => c.compile(p, scope, false, c.childSpan(entry, j + 1, entrySpan)));
        const role = head.name;
        return (f) => [role, parts.map((p) => p(f))];
      }
      return c.compile(entry, scope, false, entrySpan);
    });
    return (f) => located(c, span, () => new PromptValue(promptEntries(entries.map((e) => e(f)))));
  });

  defineSpecialForm('deftool', (c, form, scope, _tail, span) => {
    if (form.length !== 5 || !(form[1] instanceof Sym)) {
      throw c.error('deftool: expected (deftool name "description" {params} handler)', span);
    }
    const name = form[1].name;
    const set = definitionSetter(c, scope)(name);
    const [desc, params, handler] = [2, 3, 4].map((i) => c.compile(form[i]!, scope, false, c.childSpan(form, i, span))) as [Code, Code, Code];
    return (f) => {
      const tool = located(c, span, () => makeTool(name, desc(f), params(f), handler(f)));
      set(f, tool);
      return tool;
    };
  });

  defineSpecialForm('defagent', (c, form, scope, _tail, span) => {
    if (form.length !== 3 || !(form[1] instanceof Sym)) {
      throw c.error('defagent: expected (defagent name {:system "..." :tools [...] :model "..." :max-turns n})', span);
    }
    const name = form[1].name;
    const set = definitionSetter(c, scope)(name);
    const opts = c.compile(form[2]!, scope, false, c.childSpan(form, 2, span));
    return (f) => {
      const agent = located(c, span, () => makeAgent(name, opts(f)));
      set(f, agent);
      return agent;
    };
  });
}
