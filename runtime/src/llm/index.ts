// The LLM stdlib module. Its special forms (`prompt`, `deftool`, `defagent`) live in
// special-forms.ts and are installed with the evaluator's own.

import { fn, type BuiltinSpec, type StdlibModule } from '../stdlib/registry';
import { adminBuiltins } from './builtins-admin';
import { callBuiltins } from './builtins-calls';
import { conversationBuiltins } from './builtins-conversations';
import { promptBuiltins } from './builtins-prompts';
import { resilienceBuiltins } from './builtins-resilience';
import { taskBuiltins } from './builtins-tasks';
import { vectorBuiltins } from './builtins-vectors';
import { resetEmbeddings } from './embedding-providers';
import { embeddingBuiltins } from './embeddings';
import { rerankBuiltins } from './rerank';
import { resetVectorStores, vectorStoreBuiltins } from './vector-store';
import { toolBuiltins } from './builtins-tools';
import { clearCassettes } from './call';
import { providers } from './providers';
import { budget } from './budget';
import { responseCache } from './response-cache';
import { routing } from './routing';
import { usage } from './usage';

export { LLM_OPTIONS, parseOptions, type ExtraOption, type LlmOptions, type OptionSet, type OptionSpec } from './options';
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
  ...taskBuiltins,
  ...resilienceBuiltins,
  ...embeddingBuiltins,
  ...rerankBuiltins,
  ...vectorBuiltins,
  ...vectorStoreBuiltins,
];
builtins.push(
  alias('llm/providers', 'llm/list-providers', builtins),
  alias('llm/default-provider', 'llm/current-provider', builtins),
);

export const llmModule: StdlibModule = { name: 'llm', builtins };

/** The special forms special-forms.ts installs (for the catalogue and its test). */
export const llmSpecialForms = ['prompt', 'deftool', 'defagent'] as const;

/** Forgets providers, usage and the active cassette (tests; a fresh editor session). */
export function resetLlmSession(): void {
  providers.reset();
  usage.reset();
  budget.reset();
  responseCache.reset();
  routing.reset();
  resetEmbeddings();
  resetVectorStores();
  clearCassettes();
}
