#!/usr/bin/env node
// What `layered add jobs` costs and carries, on one machine in one run:
// 1. HTTP writes with jobs on ÷ jobs off: two builds of the same one-domain app, one with
//    `layered add jobs` (each POST also writes its event to the outbox, in one transaction),
//    loaded alternately with autocannon POSTs (target >= 0.85).
// 2. Outbox relay throughput, end to end: EVENTS rows are created through the bulk route
//    while no worker runs, then `npm run worker`'s build is started and timed until BullMQ has
//    completed every event (relay to Redis, then the consumer's handler), in events/s.
//
// Usage: npm run build && npm install --prefix bench
//        node bench/jobs.mjs <node_modules> [sqlite|mysql ...]
//   <node_modules>: an installed generated project's node_modules holding bullmq and ioredis
//   (.cache/e2e/deps-*/node_modules after an end-to-end run).
//   REDIS_URL (default redis://127.0.0.1:6379; keys under a prefix of this run, removed after),
//   MYSQL_URL (dropped and created again; default mysql://root@127.0.0.1:3306/layered_bench_jobs),
//   CONNECTIONS (50), DURATION seconds (10), ROUNDS (3), EVENTS (20000).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = path.join(here, '..', 'bin', 'layered.js');
const nodeModules = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(path.join(nodeModules, 'bullmq'))) {
  console.error('Usage: node bench/jobs.mjs <installed project node_modules with bullmq> [sqlite|mysql ...]');
  process.exit(1);
}
const databases = process.argv.length > 3 ? process.argv.slice(3) : ['sqlite', 'mysql'];
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/layered_bench_jobs';
const connections = Number(process.env.CONNECTIONS ?? 50);
const duration = Number(process.env.DURATION ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const eventCount = Number(process.env.EVENTS ?? 20_000);
const autocannon = createRequire(path.join(here, 'package.json'))('autocannon');

const work = mkdtempSync(path.join(tmpdir(), 'layered-bench-jobs-'));
const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };
const spec = ['product', 'name:string:max=120', 'price:decimal', 'stock:int:default=0', 'sku:string:unique', 'description:text:optional'];

function makeApp(name, jobs) {
  const dir = path.join(work, name);
  execFileSync('node', [cli, 'init', dir, '--no-install', '--no-git'], { env, stdio: 'ignore' });
  symlinkSync(nodeModules, path.join(dir, 'node_modules'));
  if (jobs) execFileSync('node', [cli, 'add', 'jobs', '--cwd', dir], { env, stdio: 'ignore' });
  execFileSync('node', [cli, 'new', ...spec, '--cwd', dir], { env, stdio: 'ignore' });
  execFileSync('node', [path.join(nodeModules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  return dir;
}
const apps = { off: makeApp('jobs-off', false), on: makeApp('jobs-on', true) };
const PORTS = { off: 3201, on: 3202 };
const prefix = `bench-${randomBytes(4).toString('hex')}`;

async function resetMysql(url) {
  const mysql = createRequire(path.join(apps.on, 'package.json'))('mysql2/promise');
  const parsed = new URL(url);
  const connection = await mysql.createConnection({ uri: `${parsed.protocol}//${parsed.username}@${parsed.host}/` });
  await connection.query(`DROP DATABASE IF EXISTS \`${parsed.pathname.slice(1)}\``);
  await connection.query(`CREATE DATABASE \`${parsed.pathname.slice(1)}\``);
  await connection.end();
}

function serverEnv(databaseUrl, port) {
  return { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'silent', REDIS_URL: redisUrl, JOBS_PREFIX: prefix };
}

async function waitFor(port) {
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Nothing listens on ${port}`);
}

let serial = 0;
function load(port, seconds = duration) {
  const requests = [{ method: 'POST', path: '/api/v1/products', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: 'Bench chair', price: '19.9', sku: `load-${port}-${(serial += 1)}`, description: null }) }) }];
  return new Promise((done, fail) => {
    autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests }, (error, result) => {
      if (error) fail(error);
      else if (result.non2xx > 0 || result.errors > 0) fail(new Error(`POST on ${port}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      else done({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}
const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];

function redisCli(...args) {
  const url = new URL(redisUrl);
  return execFileSync('redis-cli', ['-h', url.hostname, '-p', url.port || '6379', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
}

async function relayThroughput(databaseUrl) {
  const port = PORTS.on;
  const api = spawn('node', ['dist/src/main.js'], { cwd: apps.on, env: serverEnv(databaseUrl, port), stdio: 'inherit' });
  try {
    await waitFor(port);
    for (let made = 0; made < eventCount; made += 100) {
      const body = Array.from({ length: 100 }, (_, i) => ({ name: 'Relayed', price: '1', sku: `relay-${made + i}`, description: null }));
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/products/bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`bulk create answered ${response.status}: ${await response.text()}`);
    }
  } finally {
    api.kill('SIGTERM');
  }
  const completed = `${prefix}:events:completed`;
  const before = Number(redisCli('zcard', completed));
  const started = performance.now();
  const worker = spawn('node', ['dist/src/worker.js'], { cwd: apps.on, env: serverEnv(databaseUrl, 0), stdio: 'inherit' });
  try {
    while (Number(redisCli('zcard', completed)) - before < eventCount) await new Promise((done) => setTimeout(done, 50));
    return eventCount / ((performance.now() - started) / 1000);
  } finally {
    worker.kill('SIGTERM');
  }
}

const rows = [];
try {
  for (const database of databases) {
    const databaseUrl = { sqlite: (app) => `sqlite:${path.join(work, `${app}.db`)}`, mysql: () => mysqlUrl }[database];
    if (database === 'mysql') await resetMysql(mysqlUrl);
    // On MySQL both apps share one database: the jobs app's migrations make the plain one's table too.
    for (const app of database === 'mysql' ? ['on'] : ['off', 'on']) {
      execFileSync('node', ['dist/src/_core/infrastructure/migrate.js', 'up'], { cwd: apps[app], env: serverEnv(databaseUrl(app), 0), stdio: 'ignore' });
    }
    const servers = ['off', 'on'].map((app) => spawn('node', ['dist/src/main.js'], { cwd: apps[app], env: serverEnv(databaseUrl(app), PORTS[app]), stdio: 'inherit' }));
    try {
      await Promise.all([waitFor(PORTS.off), waitFor(PORTS.on)]);
      for (const app of ['off', 'on']) await load(PORTS[app], 2);
      const runs = { off: [], on: [] };
      for (let round = 0; round < rounds; round += 1) {
        runs.off.push(await load(PORTS.off));
        runs.on.push(await load(PORTS.on));
      }
      rows.push({ database, off: median(runs.off), on: median(runs.on) });
    } finally {
      for (const server of servers) server.kill('SIGTERM');
    }
    await new Promise((done) => setTimeout(done, 1_000));
    rows.at(-1).relay = await relayThroughput(databaseUrl('on'));
    console.error(`${database}: writes ${(rows.at(-1).on.rps / rows.at(-1).off.rps).toFixed(2)}x, relay ${Math.round(rows.at(-1).relay)} events/s`);
  }
} finally {
  const keys = redisCli('--scan', '--pattern', `${prefix}:*`).split('\n').filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) redisCli('del', ...keys.slice(i, i + 500));
  rmSync(work, { recursive: true, force: true });
}

console.log(`POST: autocannon -c ${connections} -d ${duration}, median of ${rounds} alternating runs; relay: ${eventCount} events, worker start to last completion; Node ${process.version}\n`);
console.log('| database | POST req/s jobs off | p99 ms | POST req/s jobs on | p99 ms | on ÷ off | relay events/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const { database, off, on, relay } of rows) {
  const ratio = on.rps / off.rps;
  console.log(`| ${database} | ${Math.round(off.rps)} | ${off.p99} | ${Math.round(on.rps)} | ${on.p99} | ${ratio.toFixed(2)}${ratio < 0.85 ? ' (below 0.85)' : ''} | ${Math.round(relay)} |`);
}
