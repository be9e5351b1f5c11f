#!/usr/bin/env node
import { createRequire } from 'node:module';

// Caches V8's compiled code of CommonJS dependencies (ts-morph's TypeScript, prettier's
// plugins) between runs: it halves the cost of loading them. Node 22 has this built in.
createRequire(import.meta.url)('v8-compile-cache');

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
