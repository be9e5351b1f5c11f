import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { formatFiles } from './format.js';

export interface FormatRequest {
  id: number;
  root: string;
  files: Array<{ path: string; content: string }>;
}

export type FormatResponse = { id: number } & ({ files: string[] } | { error: { message: string; stack: string | undefined } });

/** Formats files with the project's prettier config: `formatFiles`, run on another thread. */
export interface Formatter {
  format<T extends { path: string; content: string }>(root: string, files: T[]): Promise<T[]>;
}

interface Waiting {
  resolve: (response: FormatResponse) => void;
  reject: (error: Error) => void;
}

/**
 * Starts prettier on a worker thread at once. Loading prettier and formatting a domain's files
 * cold costs ~0.25 s; on its own thread that overlaps with the main thread's work (loading
 * TypeScript for the host-file edits, rendering) instead of following it. The worker keeps the
 * process alive only while a `format` waits for it, so a command that fails early exits at once.
 *
 * Run from source (the unit tests) there is no compiled worker, and formatting happens inline.
 */
export function startFormatter(): Formatter {
  const script = new URL('./format-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return { format: formatFiles };
  const worker = new Worker(script);
  const waiting = new Map<number, Waiting>();
  const failAll = (error: Error): void => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (response: FormatResponse) => {
    waiting.get(response.id)?.resolve(response);
    waiting.delete(response.id);
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The formatting thread stopped (exit code ${code}) before it answered.`)));
  // After the listeners: adding a 'message' listener refs the worker again.
  worker.unref();
  let nextId = 0;
  return {
    async format(root, files) {
      const id = nextId++;
      const answered = new Promise<FormatResponse>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.ref();
      const request: FormatRequest = { id, root, files: files.map(({ path, content }) => ({ path, content })) };
      worker.postMessage(request);
      const result = await answered;
      if ('error' in result) throw Object.assign(new Error(result.error.message), { stack: result.error.stack });
      return files.map((file, index) => ({ ...file, content: result.files[index] ?? file.content }));
    },
  };
}
