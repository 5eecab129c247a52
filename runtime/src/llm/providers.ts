// The session's configured providers and which one is the default. Anthropic and
// OpenAI are configured from the environment on first use; `llm/configure` adds or
// replaces one at run time (any other name is an OpenAI-compatible endpoint).

import { SemaError } from '../eval/errors';
import type { Value } from '../eval/values';
import type { ProviderConfig, ProviderKind } from './provider';

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
/** Like the SDK's default: a long non-streamed answer can legitimately take minutes. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 600_000;
const DEFAULT_RETRIES = 2;

export const DEFAULT_MODELS: Record<string, string> = {
  anthropic: 'claude-sonnet-4-6',
  openai: 'gpt-5.5',
  ollama: 'gemma4',
};

/** Local servers that speak the OpenAI API, with their usual base URL. */
const LOCAL_BASES: Record<string, string> = {
  ollama: 'http://localhost:11434/v1',
  lmstudio: 'http://localhost:1234/v1',
};

export interface ConfigureOptions {
  apiKey?: string;
  baseUrl?: string;
  host?: string;
  defaultModel?: string;
  maxRetries?: number;
  timeoutMs?: number;
}

class ProviderTable {
  readonly configs = new Map<string, ProviderConfig>();
  /** `:complete` functions of providers defined in Sema. */
  readonly lispHandlers = new Map<string, Value>();
  defaultName: string | undefined;
  private envLoaded = false;

  /** Reads ANTHROPIC_* / OPENAI_* once, the first time providers are looked at. */
  loadEnv(env: NodeJS.ProcessEnv = process.env): void {
    if (this.envLoaded) return;
    this.envLoaded = true;
    // `sema --no-llm`: no provider from the environment (llm/configure still works).
    if (env['SEMA_NO_LLM'] === '1') return;
    // SEMA_DEFAULT_MODEL is what the editor passes from its `sema.llm.defaultModel` setting.
    const chatModel = env['SEMA_CHAT_MODEL'] || env['SEMA_DEFAULT_MODEL'] || undefined;
    if (env['ANTHROPIC_API_KEY'] && !this.configs.has('anthropic')) {
      this.configs.set('anthropic', build('anthropic', 'anthropic', {
        apiKey: env['ANTHROPIC_API_KEY'],
        baseUrl: env['ANTHROPIC_BASE_URL'] || undefined,
        defaultModel: chatModel,
      }));
    }
    if (env['OPENAI_API_KEY'] && !this.configs.has('openai')) {
      this.configs.set('openai', build('openai', 'openai', {
        apiKey: env['OPENAI_API_KEY'],
        baseUrl: env['OPENAI_BASE_URL'] || undefined,
        defaultModel: chatModel,
      }));
    }
    const preferred = env['SEMA_CHAT_PROVIDER'];
    if (this.defaultName === undefined) {
      if (preferred && this.configs.has(preferred)) this.defaultName = preferred;
      else this.defaultName = [...this.configs.keys()][0];
    }
  }

  configure(name: string, opts: ConfigureOptions, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
    this.loadEnv(env);
    let config: ProviderConfig;
    if (name === 'anthropic') {
      const apiKey = opts.apiKey ?? env['ANTHROPIC_API_KEY'];
      if (!apiKey) {
        throw new SemaError(
          'llm/configure: no API key for :anthropic; pass {:api-key "..."} or set ANTHROPIC_API_KEY',
          'llm/config',
        );
      }
      config = build(name, 'anthropic', { ...opts, apiKey, baseUrl: opts.baseUrl ?? (env['ANTHROPIC_BASE_URL'] || undefined) });
    } else {
      let baseUrl = opts.baseUrl;
      if (baseUrl === undefined && opts.host !== undefined) baseUrl = opts.host.replace(/\/+$/, '') + '/v1';
      if (baseUrl === undefined && name === 'ollama' && env['OLLAMA_HOST']) baseUrl = env['OLLAMA_HOST'].replace(/\/+$/, '') + '/v1';
      baseUrl ??= LOCAL_BASES[name];
      const apiKey = opts.apiKey ?? (name === 'openai' ? env['OPENAI_API_KEY'] : undefined);
      if (name === 'openai' && !apiKey) {
        throw new SemaError('llm/configure: no API key for :openai; pass {:api-key "..."} or set OPENAI_API_KEY', 'llm/config');
      }
      if (baseUrl === undefined && name !== 'openai') {
        throw new SemaError(
          `llm/configure: :${name} is not a known provider; give {:base-url "https://.../v1"} for an OpenAI-compatible endpoint`,
          'llm/config',
        );
      }
      config = build(name, 'openai', { ...opts, apiKey, baseUrl });
    }
    this.configs.set(name, config);
    this.defaultName = name;
    return config;
  }

  defineLisp(name: string, complete: Value, defaultModel: string): void {
    this.loadEnv();
    this.lispHandlers.set(name, complete);
    this.configs.set(name, build(name, 'lisp', { defaultModel }));
    this.defaultName = name;
  }

  /** Re-reads the environment (adds what it configures; keeps what is configured). */
  autoConfigure(env: NodeJS.ProcessEnv = process.env): string | undefined {
    this.envLoaded = false;
    this.loadEnv(env);
    return this.defaultName;
  }

  current(): ProviderConfig | undefined {
    this.loadEnv();
    return this.defaultName === undefined ? undefined : this.configs.get(this.defaultName);
  }

  /** The default provider, or the error every LLM call gives without one. */
  require(fn: string): ProviderConfig {
    const config = this.current();
    if (config === undefined) {
      throw new SemaError(
        `${fn}: no LLM provider configured. Set ANTHROPIC_API_KEY (and optionally ANTHROPIC_BASE_URL), ` +
          'or call (llm/configure :anthropic {:api-key "..."})',
        'llm/config',
      );
    }
    return config;
  }

  /** A provider by name (a link of a fallback chain); not configured is an `:llm/config` error. */
  configured(fn: string, name: string): ProviderConfig {
    this.loadEnv();
    const config = this.configs.get(name);
    if (config === undefined) {
      const known = [...this.configs.keys()].map((n) => ':' + n).join(', ') || 'none';
      throw new SemaError(`${fn}: fallback provider :${name} is not configured (configured: ${known})`, 'llm/config');
    }
    return config;
  }

  setDefault(name: string): void {
    this.loadEnv();
    if (!this.configs.has(name)) {
      const known = [...this.configs.keys()].map((n) => ':' + n).join(', ') || 'none';
      throw new SemaError(`llm/set-default: provider :${name} is not configured (configured: ${known})`, 'llm/config');
    }
    this.defaultName = name;
  }

  names(): string[] {
    this.loadEnv();
    return [...this.configs.keys()];
  }

  reset(): void {
    this.configs.clear();
    this.lispHandlers.clear();
    this.defaultName = undefined;
    this.envLoaded = false;
  }
}

function build(name: string, kind: ProviderKind, opts: ConfigureOptions): ProviderConfig {
  return {
    name,
    kind,
    apiKey: opts.apiKey,
    baseUrl: opts.baseUrl,
    defaultModel: opts.defaultModel ?? DEFAULT_MODELS[name] ?? (kind === 'anthropic' ? DEFAULT_MODELS['anthropic']! : 'default'),
    maxRetries: opts.maxRetries ?? DEFAULT_RETRIES,
    idleTimeoutMs: opts.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    requestTimeoutMs: opts.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
}

export const providers = new ProviderTable();
