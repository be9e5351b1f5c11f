#!/usr/bin/env node
// Type-check cost of generated projects holding 0, 1, 10, 50 and 100 domains (varied
// fields, refs between them): `tsc --noEmit --extendedDiagnostics` on each, instantiations
// per domain against the empty project (budget 20k, DESIGN.md "Type-check cost stays
// linear"), and whether that cost stays flat from 10 to 100 domains.
//
// Usage: npm run build && node bench/typecheck.mjs <node_modules> [sizes=1,10,50,100]
//   <node_modules>: an installed generated project's node_modules (symlinked into each
//   project; typescript 6 from it runs the check).
//   TSGO=<path to tsgo>: also time the native TypeScript 7 compiler on each project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
const tsgo = process.env.TSGO;
const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };
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

function diagnostics(command, args, cwd) {
  const out = execFileSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const figure = (name) => Number(new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]);
  return { instantiations: figure('Instantiations'), check: figure('Check time'), total: figure('Total time') };
}

const tsc = path.join(nodeModules, 'typescript', 'bin', 'tsc');
const rows = [];
for (const domains of [0, ...sizes]) {
  const dir = project(domains);
  const row = { domains, ...diagnostics('node', [tsc, '--noEmit', '--extendedDiagnostics'], dir) };
  if (tsgo) row.tsgo = diagnostics(tsgo, ['--noEmit', '--extendedDiagnostics'], dir).total;
  rows.push(row);
  console.error(`checked ${domains} domains`);
}

const empty = rows[0];
const perDomain = (row) => (row.domains === 0 ? 0 : Math.round((row.instantiations - empty.instantiations) / row.domains));
const header = ['domains', 'instantiations', 'per domain', 'check s', 'total s', ...(tsgo ? ['tsgo total s'] : [])];
const table = rows.map((row) => [
  row.domains,
  row.instantiations,
  perDomain(row),
  row.check.toFixed(2),
  row.total.toFixed(2),
  ...(tsgo ? [row.tsgo.toFixed(2)] : []),
]);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---:').join('|')}|`);
for (const cells of table) console.log(`| ${cells.join(' | ')} |`);

const at = (n) => rows.find((row) => row.domains === n);
if (at(10) && at(100)) {
  const ratio = perDomain(at(100)) / perDomain(at(10));
  console.log(`\nper-domain cost at 100 vs 10 domains: ${ratio.toFixed(3)}x (${ratio <= 1.1 ? 'linear' : 'NOT linear'})`);
}
const worst = Math.max(...rows.map(perDomain));
console.log(`largest per-domain cost: ${worst} instantiations (budget 20000: ${worst <= 20_000 ? 'within' : 'OVER'})`);
rmSync(work, { recursive: true, force: true });
