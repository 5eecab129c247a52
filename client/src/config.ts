// Settings and the environment every run and evaluation gets (API key, default model, max tokens).

export interface SemaSettings {
  defaultModel: string;
  maxTokens: number | null;
  inlineMaxLength: number;
  evalTimeoutMs: number;
  maxProblems: number;
}

export const defaultSettings: SemaSettings = {
  defaultModel: '',
  maxTokens: null,
  inlineMaxLength: 120,
  evalTimeoutMs: 30000,
  maxProblems: 1000,
};

/** Reads settings through `get` (a WorkspaceConfiguration's get in the extension). */
export function readSettings(get: <T>(key: string) => T | undefined): SemaSettings {
  const int = (v: unknown, min: number): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : null);
  const model = get<string>('llm.defaultModel');
  return {
    defaultModel: typeof model === 'string' ? model.trim() : '',
    maxTokens: int(get<number | null>('llm.maxTokens'), 1),
    inlineMaxLength: int(get<number>('inlineResults.maxLength'), 10) ?? defaultSettings.inlineMaxLength,
    evalTimeoutMs: int(get<number>('evaluation.timeoutMs'), 100) ?? defaultSettings.evalTimeoutMs,
    maxProblems: int(get<number>('maxNumberOfProblems'), 1) ?? defaultSettings.maxProblems,
  };
}

/**
 * The environment of a `sema` process (run, language server, evaluator): the parent's, plus the
 * stored API key (which wins over an inherited ANTHROPIC_API_KEY) and the LLM defaults.
 */
export function semaEnv(base: NodeJS.ProcessEnv, settings: SemaSettings, apiKey: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  if (apiKey) env.ANTHROPIC_API_KEY = apiKey;
  if (settings.defaultModel) env.SEMA_DEFAULT_MODEL = settings.defaultModel;
  else delete env.SEMA_DEFAULT_MODEL;
  if (settings.maxTokens !== null) env.SEMA_DEFAULT_MAX_TOKENS = String(settings.maxTokens);
  else delete env.SEMA_DEFAULT_MAX_TOKENS;
  return env;
}

/** The same, for running a bundled script with the editor's own executable as plain Node. */
export function nodeScriptEnv(base: NodeJS.ProcessEnv, settings: SemaSettings, apiKey: string | undefined): Record<string, string> {
  return { ...semaEnv(base, settings, apiKey), ELECTRON_RUN_AS_NODE: '1' };
}

/** Replaces every occurrence of the key in `text`, so that it never reaches a log or the output panel. */
export function redactKey(text: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= 8 ? text.split(apiKey).join('[redacted API key]') : text;
}

/** Which setting changes need the language server restarted (its environment or init options change). */
export function affectsServer(changed: (section: string) => boolean): boolean {
  return ['sema.llm', 'sema.evaluation.timeoutMs', 'sema.maxNumberOfProblems'].some(changed);
}
