#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A command runs for a fraction of a second, on at most two busy threads: V8's optimising
// compilers (TurboFan, and Maglev on newer Nodes) would spend more CPU compiling than their
// code saves before exit. Baseline code only makes `layered new` ~10 % faster
// (bench/generation.mjs). Child processes (npm, tsc, the project's drivers) are not affected.
setFlagsFromString('--max-opt=1');

// Caches V8's compiled code of CommonJS dependencies (ts-morph's TypeScript, prettier's
// plugins) between runs: it halves the cost of loading them. Node 22 has this built in.
// v8-compile-cache names its blob after `require.main`, which an ES module entry does not
// have, and then after the working directory: one ~9 MB blob per directory `layered` ever
// ran in. Lending it a main module named after this install (path and version) for the
// moment it loads keeps one blob per installed CLI.
const launcher = fileURLToPath(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const mainModule = process.mainModule;
process.mainModule = { filename: `${launcher}@${version}` };
try {
  createRequire(import.meta.url)('v8-compile-cache');
} finally {
  process.mainModule = mainModule;
}

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
