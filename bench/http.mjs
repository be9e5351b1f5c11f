#!/usr/bin/env node
// HTTP throughput of a generated app against the hand-written floor in bench/baseline/, in
// the same run, on the same database and machine, request logging off in both
// (LOG_LEVEL=silent). For GET by id, GET a page, GET a filtered cursor slice and POST: req/s and p99 latency of each
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
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

import { generatedApp, load, medianRun, migrate, resetDatabase, start, waitFor } from './support.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
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
const auth = process.env.AUTH === '1';
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-48-bytes!!';
let authorization = {};

const spec = ['product', 'name:string:max=120', 'price:decimal', 'stock:int:default=0', 'sku:string:unique', 'description:text:optional'];
const app = generatedApp(nodeModules, spec, 'http', auth ? ['--auth'] : []);
copyFileSync(path.join(here, 'baseline', 'server.mjs'), path.join(app.dir, 'baseline.mjs'));

/** A filtered list, one cursor slice: what a client of a large table asks most. */
const FILTERED = '/api/v1/products?name.contains=CHAIR&stock.gte=0&limit=20';
const GENERATED = 3101;
const BASELINE = 3102;
const product = (sku) => ({ name: 'Bench chair', price: '19.9', sku, description: null });

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
    [FILTERED.replace('limit=20', 'limit=5')],
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

let serial = 0;
function loadRoute(port, route, seconds = duration) {
  const requests =
    route === 'POST'
      ? [{ method: 'POST', path: '/api/v1/products', headers: { 'content-type': 'application/json', ...authorization }, setupRequest: (request) => ({ ...request, body: JSON.stringify(product(`load-${port}-${(serial += 1)}`)) }) }]
      : [{ method: 'GET', path: { 'GET by id': '/api/v1/products/42', 'GET page': '/api/v1/products?page=3&pageSize=20', 'GET filtered': FILTERED }[route], headers: authorization }];
  return load(port, requests, { connections, seconds, label: `${route} on ${port}` });
}

const rows = [];
for (const database of databases) {
  const databaseUrl = { sqlite: `sqlite:${path.join(app.work, 'bench.db')}`, mysql: mysqlUrl, postgres: postgresUrl }[database];
  if (database !== 'sqlite') await resetDatabase(app, databaseUrl);
  migrate(app, databaseUrl);
  const secret = auth ? { JWT_SECRET } : {};
  const servers = [start(app, ['dist/src/main.js'], GENERATED, databaseUrl, secret), start(app, ['baseline.mjs', String(BASELINE)], BASELINE, databaseUrl, secret)];
  try {
    await Promise.all([waitFor(GENERATED, '/api/v1/products/1'), waitFor(BASELINE, '/api/v1/products/1')]);
    if (auth) authorization = { authorization: `Bearer ${await logIn()}` };
    for (let i = 0; i < 100; i += 1) await call(GENERATED, '/api/v1/products', post(product(`seed-${i}`)));
    await assertSameAnswers();
    for (const route of ['GET by id', 'GET page', 'GET filtered', 'POST']) {
      // Warm both up (JIT, pools) before measuring.
      for (const port of [GENERATED, BASELINE]) await loadRoute(port, route, 2);
      // Alternate the two, so that a slow spell of the shared machine hits both alike.
      const runs = { generated: [], baseline: [] };
      for (let round = 0; round < rounds; round += 1) {
        runs.generated.push(await loadRoute(GENERATED, route));
        runs.baseline.push(await loadRoute(BASELINE, route));
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
rmSync(app.work, { recursive: true, force: true });
