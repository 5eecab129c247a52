// The LLM stdlib module and what the evaluator must add for it.
//
// Special forms the evaluator expands into calls of the natives below:
//   (prompt e ...)                      => (__llm-prompt (list E ...)) where each entry E is
//        for (system x ...) / (user x ...) / (assistant x ...): (list "system" (list x ...))
//        (role name and the *evaluated* parts; parts are joined with `display`), and for
//        any other form: its value (a message or a prompt).
//   (deftool name "desc" {params} handler)  => (define name (__llm-deftool "name" "desc" {params} handler))
//   (defagent name {opts})                  => (define name (__llm-defagent "name" {opts}))

import { fn, type BuiltinSpec, type StdlibModule } from '../stdlib/registry';
import { adminBuiltins } from './builtins-admin';
import { callBuiltins } from './builtins-calls';
import { conversationBuiltins } from './builtins-conversations';
import { promptBuiltins } from './builtins-prompts';
import { toolBuiltins } from './builtins-tools';
import { setCassette } from './call';
import { providers } from './providers';
import { usage } from './usage';

export { LLM_OPTIONS, parseOptions, type LlmOptions, type OptionSpec } from './options';
export type { LlmHostHooks } from './call';
export { shutdownBridge, BRIDGE_WORKER_FILE } from './sync-bridge';

function alias(name: string, of: string, specs: readonly BuiltinSpec[]): BuiltinSpec {
  const target = specs.find((s) => s.name === of);
  if (target === undefined) throw new Error(`alias target ${of} missing`);
  return fn(name, target.min, target.max, target.impl);
}

const builtins: BuiltinSpec[] = [
  ...promptBuiltins,
  ...callBuiltins,
  ...conversationBuiltins,
  ...toolBuiltins,
  ...adminBuiltins,
];
builtins.push(
  alias('llm/providers', 'llm/list-providers', builtins),
  alias('llm/default-provider', 'llm/current-provider', builtins),
);

export const llmModule: StdlibModule = { name: 'llm', builtins };

/** Names the evaluator treats as special forms for this module (see the header). */
export const llmSpecialForms = ['prompt', 'deftool', 'defagent'] as const;

/** Forgets providers, usage and the active cassette (tests; a fresh editor session). */
export function resetLlmSession(): void {
  providers.reset();
  usage.reset();
  setCassette(undefined);
}
