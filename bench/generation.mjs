#!/usr/bin/env node
// Whole-process time of `layered new` adding one domain to projects that already hold
// 1, 10, 50 and 100 domains, of `layered change` on one of their domains, of `layered sync`
// over 100 domains (nothing to do, and after one template changed), and of
// `layered init --no-install --no-git`; medians of several runs, printed beside bare
// `node -e 0` measured in the same run (the floor no CLI can beat).
// Usage: npm run build && node bench/generation.mjs [runs=7]
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(repo, 'bin', 'layered.js');
const runs = Number(process.argv[2] ?? 7);
const sizes = [1, 10, 50, 100];
const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };
const work = mkdtempSync(path.join(tmpdir(), 'layered-bench-gen-'));

const layered = (args, cwd = work) => execFileSync('node', [cli, ...args], { cwd, env, stdio: 'ignore' });

function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medianOf(prepare, measure) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const state = prepare(i);
    times.push(timed(() => measure(state)));
  }
  return median(times);
}

const domainFields = (i) => [`item${i}`, 'name:string:max=80', 'price:decimal', 'stock:int:default=0', 'active:boolean'];

const node = medianOf(() => undefined, () => execFileSync('node', ['-e', '0']));
const init = medianOf(
  (i) => path.join(work, `init-${i}`),
  (dir) => layered(['init', dir, '--no-install', '--no-git']),
);

const rows = [['layered init --no-install --no-git', init]];
const changes = [];
const copyOf = (base, label) => (i) => {
  const copy = path.join(work, `run-${label}-${i}`);
  cpSync(base, copy, { recursive: true });
  return copy;
};
for (const size of sizes) {
  const base = path.join(work, `base-${size}`);
  layered(['init', base, '--no-install', '--no-git']);
  for (let i = 0; i < size; i += 1) layered(['new', ...domainFields(i), '--cwd', base]);
  const ms = medianOf(
    (i) => {
      const copy = path.join(work, `run-${size}-${i}`);
      cpSync(base, copy, { recursive: true });
      return copy;
    },
    (copy) => layered(['new', 'extra', 'name:string', 'price:decimal', 'category:ref=item0', '--cwd', copy]),
  );
  rows.push([`layered new, project with ${size} domain${size === 1 ? '' : 's'}`, ms]);
  const change = medianOf(copyOf(base, `change-${size}`), (copy) => layered(['change', 'item0', 'add', 'weight:float:optional', 'rename', 'name=title', '--cwd', copy]));
  changes.push([`layered change (add + rename), project with ${size} domain${size === 1 ? '' : 's'}`, change]);
  if (size === 100) {
    rows.push([`layered sync, ${size} domains, nothing to do`, medianOf(copyOf(base, 'sync-noop'), (copy) => layered(['sync', '--cwd', copy]))]);
    const template = 'src/{{fileName}}/domain/{{fileName}}.service.ts.hbs';
    layered(['templates', 'eject', template, '--cwd', base]);
    appendFileSync(path.join(base, '.layered/templates', template), '\n// house rule\n');
    rows.push([`layered sync, ${size} domains, one template changed`, medianOf(copyOf(base, 'sync-one'), (copy) => layered(['sync', '--cwd', copy]))]);
  }
}
rows.push(...changes);
rmSync(work, { recursive: true, force: true });

console.log(`node ${process.version}, ${runs} runs each, median wall time\n`);
console.log(`| command | ms | × bare node (${node.toFixed(0)} ms) |`);
console.log('|---|---:|---:|');
for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(0)} | ${(ms / node).toFixed(1)} |`);
