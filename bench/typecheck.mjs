#!/usr/bin/env node
// Compile-check cost of generated projects holding 0, 1, 10, 50 and 100 domains (varied
// fields, refs between them).
//
// The main figure is what `npm run typecheck` costs a project: the whole `tsc --noEmit`
// process of the project's own compiler (TypeScript 7, native), median of RUNS, with its CPU
// time over all threads (steadier than wall time when other jobs share the machine, so the
// linearity check reads it). Beside it, TypeScript 6's whole process and its type
// instantiations (`--extendedDiagnostics`), which do not depend on the machine's load: they
// stay the deterministic type-cost budget (20k per domain over the empty project, DESIGN.md
// "Type-check cost stays linear"). TypeScript 7 counts instantiations per checker thread,
// about twice TypeScript 6's for the same program, so its count is not comparable.
// `--checkers 1` is timed too: TypeScript 7 starts four checkers whatever the machine, and on
// two cores they cost more than they save (the default stays the figure: it is what the
// project's script runs).
// Both compilers must accept every project (a non-zero exit stops the bench).
//
// Usage: npm run build && npm install --prefix bench
//        node bench/typecheck.mjs <node_modules> [sizes=1,10,50,100]
//   <node_modules>: an installed generated project's node_modules (symlinked into each
//   project; its typescript 7 is the compiler timed).
//   TypeScript 6 comes from bench/node_modules (bench/package.json).
//   RUNS (default 3): TypeScript 7 runs per project; TypeScript 6 runs once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(repo, 'bin', 'layered.js');
const nodeModules = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(path.join(nodeModules, 'typescript'))) {
  console.error('Usage: node bench/typecheck.mjs <installed project node_modules> [sizes=1,10,50,100]');
  process.exit(1);
}
const sizes = (process.argv[3] ?? '1,10,50,100').split(',').map(Number);
const runs = Number(process.env.RUNS ?? 3);
const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };

/** The `tsc` script and version of the `typescript` package in `dir`. */
function compiler(dir, major) {
  const manifest = path.join(dir, 'typescript', 'package.json');
  const version = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : 'none';
  if (!version.startsWith(`${major}.`)) {
    console.error(`${path.dirname(manifest)} holds typescript ${version}, not ${major}.x${major === 6 ? ' (npm install --prefix bench)' : ' (install a project made by today\'s layered init)'}`);
    process.exit(1);
  }
  return { tsc: path.join(dir, 'typescript', 'bin', 'tsc'), version };
}
const ts7 = compiler(nodeModules, 7);
const ts6 = compiler(path.join(repo, 'bench', 'node_modules'), 6);
const work = mkdtempSync(path.join(tmpdir(), 'layered-bench-tc-'));

/** Five shapes in turn, covering every field type; later domains ref earlier ones. */
function domainArgs(i) {
  switch (i % 5) {
    case 0:
      return [`product${i}`, 'name:string:max=120', 'price:decimal', 'stock:int:default=0', 'sku:string:unique', 'description:text:optional'];
    case 1:
      return [`category${i}`, 'name:string:unique', `parent:ref=category${i}:optional`];
    case 2:
      return [`item${i}`, 'title:string', 'views:bigint:default=0', 'weight:float:optional', 'active:boolean:default=true', 'releasedOn:date:optional', 'soldAt:datetime:optional', 'code:uuid:unique', 'attributes:json:optional', 'status:enum:values=draft,published:default=draft', `owner:ref=product${i - 2}`];
    case 3:
      return [`order${i}`, 'reference:string:unique', 'placedOn:date:default=now', 'total:decimal:default=0'];
    default:
      return [`order-line${i}`, `order:ref=order${i - 1}`, 'quantity:int:default=1', 'note:text:optional'];
  }
}

function project(domains) {
  const dir = path.join(work, `p${domains}`);
  execFileSync('node', [cli, 'init', dir, '--no-install', '--no-git'], { env, stdio: 'ignore' });
  symlinkSync(nodeModules, path.join(dir, 'node_modules'));
  for (let i = 0; i < domains; i += 1) {
    execFileSync('node', [cli, 'new', ...domainArgs(i), '--cwd', dir], { env, stdio: 'ignore' });
  }
  return dir;
}

/** CPU seconds used so far by this process's finished children and theirs (Linux; else NaN). */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in USER_HZ (100)
  } catch {
    return Number.NaN;
  }
}

/** Wall-clock and CPU seconds of one whole compiler process, start to exit, and what it printed. */
function timed(tsc, args, cwd) {
  const [start, cpu] = [process.hrtime.bigint(), childrenCpu()];
  const out = execFileSync('node', [tsc, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: childrenCpu() - cpu, out };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [];
for (const domains of [0, ...sizes]) {
  const dir = project(domains);
  const [native, oneChecker] = [[], []];
  for (let run = 0; run < runs; run += 1) {
    native.push(timed(ts7.tsc, ['--noEmit'], dir));
    oneChecker.push(timed(ts7.tsc, ['--noEmit', '--checkers', '1'], dir));
  }
  const classic = timed(ts6.tsc, ['--noEmit', '--extendedDiagnostics'], dir);
  const instantiations = Number(/^Instantiations:\s+(\d+)/m.exec(classic.out)?.[1]);
  const row = { domains, native: median(native.map((run) => run.seconds)), nativeCpu: median(native.map((run) => run.cpu)), oneChecker: median(oneChecker.map((run) => run.seconds)), classic: classic.seconds, instantiations };
  rows.push(row);
  console.error(`checked ${domains} domains: TypeScript 7 ${row.native.toFixed(2)} s (${row.nativeCpu.toFixed(2)} s CPU; one checker ${row.oneChecker.toFixed(2)} s), TypeScript 6 ${row.classic.toFixed(2)} s`);
}

const empty = rows[0];
const perDomain = (row) => (row.domains === 0 ? 0 : Math.round((row.instantiations - empty.instantiations) / row.domains));
const cpuPerDomain = (row) => (row.nativeCpu - empty.nativeCpu) / row.domains;
console.log(`TypeScript ${ts7.version} (median of ${runs} runs) and TypeScript ${ts6.version} (one run): whole process, seconds\n`);
const header = ['domains', 'TS 7 s', 'TS 7 CPU s', 'TS 7 --checkers 1 s', 'TS 6 s', 'TS 6 ÷ TS 7', 'TS 6 instantiations', 'per domain'];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---:').join('|')}|`);
for (const row of rows) {
  const cells = [row.domains, row.native.toFixed(2), row.nativeCpu.toFixed(2), row.oneChecker.toFixed(2), row.classic.toFixed(2), (row.classic / row.native).toFixed(1), row.instantiations, perDomain(row)];
  console.log(`| ${cells.join(' | ')} |`);
}

const at = (n) => rows.find((row) => row.domains === n);
if (at(100)) console.log(`\nTypeScript 7 at 100 domains: ${at(100).native.toFixed(2)} s (goal 10 s: ${at(100).native <= 10 ? 'met' : 'NOT met'})`);
if (at(10) && at(100)) {
  const ratio = perDomain(at(100)) / perDomain(at(10));
  console.log(`instantiations per domain at 100 vs 10 domains: ${ratio.toFixed(3)}x (${ratio <= 1.1 ? 'linear' : 'NOT linear'})`);
}
for (const n of [10, 50]) {
  if (!at(n) || !at(100)) continue;
  const ratio = cpuPerDomain(at(100)) / cpuPerDomain(at(n));
  console.log(`TypeScript 7 CPU seconds per domain at 100 vs ${n} domains: ${ratio.toFixed(2)}x (${ratio <= 1.2 ? 'linear' : 'NOT linear'})`);
}
const worst = Math.max(...rows.map(perDomain));
console.log(`largest per-domain cost: ${worst} instantiations (budget 20000: ${worst <= 20_000 ? 'within' : 'OVER'})`);
rmSync(work, { recursive: true, force: true });
