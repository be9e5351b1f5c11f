#!/usr/bin/env node
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';

// A command runs for a fraction of a second, on at most two busy threads: V8's optimising
// compilers (TurboFan, and Maglev on newer Nodes) would spend more CPU compiling than their
// code saves before exit. Baseline code only makes `layered new` ~10 % faster
// (bench/generation.mjs). Child processes (npm, tsc, the project's drivers) are not affected.
setFlagsFromString('--max-opt=1');

// Caches V8's compiled code of CommonJS dependencies (ts-morph's TypeScript, prettier's
// plugins) between runs: it halves the cost of loading them. Node 22 has this built in.
createRequire(import.meta.url)('v8-compile-cache');

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
