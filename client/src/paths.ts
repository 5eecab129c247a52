// Where the bundled programs live inside the installed extension (see esbuild.mjs).
import * as path from 'node:path';

export interface BundlePaths {
  /** The language server (LSP over ipc or --stdio). */
  server: string;
  /** The `sema` command line, run for Run File. */
  cli: string;
}

export function bundlePaths(extensionPath: string): BundlePaths {
  return {
    server: path.join(extensionPath, 'dist', 'server.js'),
    cli: path.join(extensionPath, 'dist', 'sema-cli.js'),
  };
}
