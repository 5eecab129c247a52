// The language server's launch description and initialization options, as plain data so they
// can be tested without VS Code; language-client.ts turns them into vscode-languageclient options.
import type { SemaInitializationOptions } from './protocol';
import type { SemaSettings } from './config';

/** Port the "Attach to Server" launch configuration attaches to. */
export const SERVER_DEBUG_PORT = 6009;

export interface ServerLaunch {
  module: string;
  /** Extra node flags when the extension itself runs under the debugger. */
  debugExecArgv: string[];
  env: Record<string, string>;
}

export function serverLaunch(serverModule: string, env: Record<string, string>): ServerLaunch {
  return { module: serverModule, debugExecArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`], env };
}

export function initializationOptions(trusted: boolean, settings: SemaSettings): SemaInitializationOptions {
  return { trusted, evalTimeoutMs: settings.evalTimeoutMs, maxProblems: settings.maxProblems };
}

/** Documents the server handles: Sema files on disk and unsaved ones. */
export const documentSelector = [
  { scheme: 'file', language: 'sema' },
  { scheme: 'untitled', language: 'sema' },
];
