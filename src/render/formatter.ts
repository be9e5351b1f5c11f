import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { formatFiles } from './format.js';

export interface FormatRequest {
  root: string;
  files: Array<{ path: string; content: string }>;
}

export type FormatResponse = { files: string[] } | { error: { message: string; stack: string | undefined } };

/** Formats files with the project's prettier config: `formatFiles`, run on another thread. */
export interface Formatter {
  format<T extends { path: string; content: string }>(root: string, files: T[]): Promise<T[]>;
}

/**
 * Starts prettier on a worker thread at once. Loading prettier and formatting a domain's files
 * cold costs ~0.25 s; on its own thread that overlaps with the main thread's work (loading
 * TypeScript for the host-file edits, rendering) instead of following it. The worker does not
 * keep the process alive, so a command that fails early exits without waiting for it; after one
 * `format` it is stopped.
 *
 * Run from source (the unit tests) there is no compiled worker, and formatting happens inline.
 */
export function startFormatter(): Formatter {
  const script = new URL('./format-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return { format: formatFiles };
  const worker = new Worker(script);
  const response = new Promise<FormatResponse>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The formatting thread stopped (exit code ${code}) before it answered.`)));
  });
  // A failure before anyone asks is reported by `format`, not as an unhandled rejection.
  response.catch(() => undefined);
  // After the listeners: adding a 'message' listener refs the worker again.
  worker.unref();
  return {
    async format(root, files) {
      worker.ref();
      const request: FormatRequest = { root, files: files.map(({ path, content }) => ({ path, content })) };
      worker.postMessage(request);
      const result = await response.finally(() => void worker.terminate());
      if ('error' in result) throw Object.assign(new Error(result.error.message), { stack: result.error.stack });
      return files.map((file, index) => ({ ...file, content: result.files[index] ?? file.content }));
    },
  };
}
