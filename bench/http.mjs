#!/usr/bin/env node
// HTTP throughput of a generated app against the hand-written floor in bench/baseline/, in
// the same run, on the same database and machine, request logging off in both
// (LOG_LEVEL=silent). For GET by id, GET a page and POST: req/s and p99 latency of each
// under autocannon (loopback, bounded), and generated ÷ baseline (target >= 0.85).
//
// Usage: npm run build && npm install --prefix bench
//        node bench/http.mjs <node_modules> [sqlite|mysql|postgres ...]
//   <node_modules>: an installed generated project's node_modules (symlinked).
//   MYSQL_URL, POSTGRES_URL: the databases the mysql and postgres runs own; each is dropped and
//   created again (default mysql://root@127.0.0.1:3306/layered_bench_http and
//   postgres://postgres@127.0.0.1:5432/layered_bench_http).
//   CONNECTIONS (default 50), DURATION seconds (default 10), ROUNDS (default 3): each route is
//   loaded ROUNDS times on each server, alternating, and the median run of each is reported.
//   AUTH=1: the project has `layered add auth`, the domain is `--access user`, every request
//   carries a bearer token, and the floor verifies the same JWT.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = path.join(here, '..', 'bin', 'layered.js');
const nodeModules = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(path.join(nodeModules, 'hono'))) {
  console.error('Usage: node bench/http.mjs <installed project node_modules> [sqlite|mysql|postgres ...]');
  process.exit(1);
}
const databases = process.argv.length > 3 ? process.argv.slice(3) : ['sqlite', 'mysql', 'postgres'];
const mysqlUrl = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/layered_bench_http';
const postgresUrl = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/layered_bench_http';
const connections = Number(process.env.CONNECTIONS ?? 50);
const duration = Number(process.env.DURATION ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const autocannon = createRequire(path.join(here, 'package.json'))('autocannon');
const auth = process.env.AUTH === '1';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-48-bytes!!';
let authorization = {};

const work = mkdtempSync(path.join(tmpdir(), 'layered-bench-http-'));
const dir = path.join(work, 'app');
const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };
execFileSync('node', [cli, 'init', dir, '--no-install', '--no-git', ...(auth ? ['--auth'] : [])], { env, stdio: 'ignore' });
symlinkSync(nodeModules, path.join(dir, 'node_modules'));
const spec = ['product', 'name:string:max=120', 'price:decimal', 'stock:int:default=0', 'sku:string:unique', 'description:text:optional'];
execFileSync('node', [cli, 'new', ...spec, '--cwd', dir], { env, stdio: 'ignore' });
execFileSync('node', [path.join(nodeModules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
copyFileSync(path.join(here, 'baseline', 'server.mjs'), path.join(dir, 'baseline.mjs'));

const GENERATED = 3101;
const BASELINE = 3102;
const product = (sku) => ({ name: 'Bench chair', price: '19.9', sku, description: null });

async function resetMysql() {
  const mysql = createRequire(path.join(dir, 'package.json'))('mysql2/promise');
  const url = new URL(mysqlUrl);
  const name = url.pathname.slice(1);
  const connection = await mysql.createConnection({ uri: `${url.protocol}//${url.username}${url.password ? `:${url.password}` : ''}@${url.host}/` });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\``);
  await connection.end();
}

async function resetPostgres() {
  const pg = createRequire(path.join(dir, 'package.json'))('pg');
  const url = new URL(postgresUrl);
  const name = url.pathname.slice(1);
  // Any other database on the server will do to drop and create this one from.
  const client = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

function start(args, port, databaseUrl) {
  const child = spawn('node', args, {
    cwd: dir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      ...(auth && { JWT_SECRET }),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitFor(port) {
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/v1/products/1`);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`Nothing listens on ${port}`);
}

async function call(port, pathname, init = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, { ...init, headers: { ...init.headers, ...authorization } });
  return { status: response.status, body: await response.json() };
}
const post = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Both servers must answer alike, or the comparison means nothing. */
async function assertSameAnswers() {
  const checks = [
    ['/api/v1/products/1'],
    ['/api/v1/products?page=2&pageSize=5'],
    ['/api/v1/products/999999'],
    ['/api/v1/products?pageSize=0'],
    ['/api/v1/products', post({ name: 1, price: 'cheap', extra: true })],
  ];
  for (const [pathname, init] of checks) {
    const [generated, baseline] = [await call(GENERATED, pathname, init), await call(BASELINE, pathname, init)];
    for (const answer of [generated, baseline]) delete answer.body.traceId;
    if (!isDeepStrictEqual(generated, baseline)) {
      throw new Error(`Different answers to ${pathname}:\n${JSON.stringify(generated)}\n${JSON.stringify(baseline)}`);
    }
  }
}

/** Registers a user on the generated app and returns its access token (a fresh one per database). */
async function logIn() {
  const credentials = { email: `bench${Date.now()}@example.com`, password: 'correct horse battery staple' };
  await fetch(`http://127.0.0.1:${GENERATED}/api/v1/auth/register`, post(credentials));
  const { body } = await call(GENERATED, '/api/v1/auth/login', post(credentials));
  return body.data.accessToken;
}

/** The run with the median req/s, so a figure and its p99 come from the same run. */
function medianRun(runs) {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}

let serial = 0;
function load(port, route, seconds = duration) {
  const url = `http://127.0.0.1:${port}`;
  const requests =
    route === 'POST'
      ? [{ method: 'POST', path: '/api/v1/products', headers: { 'content-type': 'application/json', ...authorization }, setupRequest: (request) => ({ ...request, body: JSON.stringify(product(`load-${port}-${(serial += 1)}`)) }) }]
      : [{ method: 'GET', path: route === 'GET by id' ? '/api/v1/products/42' : '/api/v1/products?page=3&pageSize=20', headers: authorization }];
  return new Promise((done, fail) => {
    autocannon({ url, connections, duration: seconds, requests }, (error, result) => {
      if (error) fail(error);
      else if (result.non2xx > 0 || result.errors > 0) fail(new Error(`${route} on ${port}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      else done({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}

const rows = [];
for (const database of databases) {
  const databaseUrl = { sqlite: `sqlite:${path.join(work, 'bench.db')}`, mysql: mysqlUrl, postgres: postgresUrl }[database];
  if (database === 'mysql') await resetMysql();
  if (database === 'postgres') await resetPostgres();
  execFileSync('node', ['dist/src/_core/infrastructure/migrate.js', 'up'], { cwd: dir, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
  const servers = [start(['dist/src/main.js'], GENERATED, databaseUrl), start(['baseline.mjs', String(BASELINE)], BASELINE, databaseUrl)];
  try {
    await Promise.all([waitFor(GENERATED), waitFor(BASELINE)]);
    if (auth) authorization = { authorization: `Bearer ${await logIn()}` };
    for (let i = 0; i < 100; i += 1) await call(GENERATED, '/api/v1/products', post(product(`seed-${i}`)));
    await assertSameAnswers();
    for (const route of ['GET by id', 'GET page', 'POST']) {
      // Warm both up (JIT, pools) before measuring.
      for (const port of [GENERATED, BASELINE]) await load(port, route, 2);
      // Alternate the two, so that a slow spell of the shared machine hits both alike.
      const runs = { generated: [], baseline: [] };
      for (let round = 0; round < rounds; round += 1) {
        runs.generated.push(await load(GENERATED, route));
        runs.baseline.push(await load(BASELINE, route));
      }
      const [generated, baseline] = [medianRun(runs.generated), medianRun(runs.baseline)];
      rows.push({ database, route, generated, baseline });
      console.error(`${database} ${route}: ${(generated.rps / baseline.rps).toFixed(2)}x`);
    }
  } finally {
    for (const server of servers) server.kill('SIGTERM');
  }
}

console.log(`autocannon -c ${connections} -d ${duration}, median of ${rounds} alternating runs, loopback, Node ${process.version}${auth ? ', bearer token on every request' : ''}\n`);
console.log('| database | route | generated req/s | generated p99 ms | baseline req/s | baseline p99 ms | ratio |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const { database, route, generated, baseline } of rows) {
  const ratio = generated.rps / baseline.rps;
  console.log(`| ${database} | ${route} | ${Math.round(generated.rps)} | ${generated.p99} | ${Math.round(baseline.rps)} | ${baseline.p99} | ${ratio.toFixed(2)}${ratio < 0.85 ? ' (below 0.85)' : ''} |`);
}
rmSync(work, { recursive: true, force: true });
