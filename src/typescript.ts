import { createRequire } from 'node:module';

import type { ts as TypeScript } from 'ts-morph';

const require = createRequire(import.meta.url);
let api: typeof TypeScript | undefined;

/**
 * ts-morph's bundled TypeScript compiler API, loaded on first use. It is loaded with `require`,
 * not `import()`: importing a CommonJS module from ESM makes Node scan all 9 MB of it for named
 * exports (~0.13 s), and `require` lets v8-compile-cache reuse its compiled code between runs.
 */
export function typescript(): typeof TypeScript {
  api ??= (require('ts-morph') as typeof import('ts-morph')).ts;
  return api;
}
