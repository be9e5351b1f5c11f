#!/usr/bin/env node
// Lists at a million rows (DESIGN.md section 5): req/s of a cursor first page, a deep cursor
// page, an indexed filter and a deep offset page, each against GET by id on the same server,
// database and run. Goal: each cursor route >= 0.5x GET by id; the offset page (a COUNT(*) and
// an OFFSET per request) is shown for comparison.
//
// Usage: npm run build && npm install --prefix bench
//        node bench/lists.mjs <node_modules> [sqlite|mysql|postgres ...]
//   <node_modules>: an installed generated project's node_modules (symlinked).
//   ROWS (default 1000000), CONNECTIONS (default 50), DURATION seconds (default 10), ROUNDS
//   (default 3, the median run reported). MYSQL_URL and POSTGRES_URL name databases this run
//   drops and creates (default .../layered_bench_lists).
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

import { generatedApp, load, medianRun, migrate, resetDatabase, start, waitFor } from './support.mjs';

const nodeModules = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(path.join(nodeModules, 'hono'))) {
  console.error('Usage: node bench/lists.mjs <installed project node_modules> [sqlite|mysql|postgres ...]');
  process.exit(1);
}
const databases = process.argv.length > 3 ? process.argv.slice(3) : ['sqlite', 'mysql'];
const rowCount = Number(process.env.ROWS ?? 1_000_000);
const connections = Number(process.env.CONNECTIONS ?? 50);
const duration = Number(process.env.DURATION ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const urls = {
  mysql: process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/layered_bench_lists',
  postgres: process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/layered_bench_lists',
};

const spec = ['product', 'name:string:max=120', 'price:decimal', 'stock:int:index', 'sku:string:max=40:unique'];
const app = generatedApp(nodeModules, spec, 'lists');
const PORT = 3111;

/**
 * `rowCount` products in one statement per database (no HTTP: a million POSTs would take longer
 * than the measurement): stock cycles through 0..999, so `stock=` matches 0.1% of the rows.
 */
const SEED = {
  sqlite: `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${rowCount})
    insert into product (name, price, stock, sku, created_at, updated_at)
    select 'Product ' || i, printf('%.2f', (i % 10000) / 100.0), i % 1000, 'sku-' || i,
      '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000' from n`,
  mysql: `insert into product (name, price, stock, sku, created_at, updated_at)
    select concat('Product ', seq), (seq % 10000) / 100, seq % 1000, concat('sku-', seq),
      '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000' from seq_1_to_${rowCount}`,
  postgres: `insert into product (name, price, stock, sku, created_at, updated_at)
    select 'Product ' || i, (i % 10000) / 100.0, i % 1000, 'sku-' || i,
      '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000' from generate_series(1, ${rowCount}) i`,
};

async function seed(database, databaseUrl) {
  if (database === 'sqlite') {
    const Database = app.require('better-sqlite3');
    const db = new Database(databaseUrl.slice('sqlite:'.length));
    db.exec(SEED.sqlite);
    db.close();
    return;
  }
  if (database === 'mysql') {
    const connection = await app.require('mysql2/promise').createConnection({ uri: databaseUrl });
    await connection.query(SEED.mysql);
    await connection.end();
    return;
  }
  const client = new (app.require('pg').Client)({ connectionString: databaseUrl });
  await client.connect();
  await client.query(SEED.postgres);
  await client.query('analyze product');
  await client.end();
}

/**
 * The routes measured. The deep cursor is the one a client holds after walking 90% of the
 * table; walking there would take minutes, so the app's own encoder makes it.
 */
async function routes() {
  const near = Math.floor(rowCount * 0.9);
  const { encodeCursor } = await import(path.join(app.dir, 'dist/src/_core/application/cursor.js'));
  const inIdOrder = { filters: [], sort: [{ field: 'id', kind: 'id', descending: false, nullable: false }] };
  const deep = encodeCursor(inIdOrder, { id: near });
  return {
    'GET by id': `/api/v1/products/${near}`,
    'cursor, first page': '/api/v1/products?limit=20',
    'cursor, deep page': `/api/v1/products?limit=20&after=${encodeURIComponent(deep)}`,
    'indexed filter': '/api/v1/products?stock=420&limit=20',
    'indexed filter, sorted': '/api/v1/products?stock.gte=990&sort=-stock&limit=20',
    'offset, deep page': `/api/v1/products?page=${Math.floor(near / 20)}&pageSize=20`,
  };
}

const rows = [];
for (const database of databases) {
  const databaseUrl = database === 'sqlite' ? `sqlite:${path.join(app.work, 'lists.db')}` : urls[database];
  if (database !== 'sqlite') await resetDatabase(app, databaseUrl);
  migrate(app, databaseUrl);
  const seeding = Date.now();
  await seed(database, databaseUrl);
  console.error(`${database}: ${rowCount} rows in ${((Date.now() - seeding) / 1000).toFixed(0)} s`);
  const server = start(app, ['dist/src/main.js'], PORT, databaseUrl);
  try {
    await waitFor(PORT, '/api/v1/products/1');
    const measured = {};
    for (const [route, pathname] of Object.entries(await routes())) {
      const requests = [{ method: 'GET', path: pathname }];
      // The deep offset page is shown for comparison: under load some of its requests exceed
      // the query timeout (503), which is the point of cursors.
      const options = { connections, label: `${database} ${route}`, failures: route.startsWith('offset') };
      await load(PORT, requests, { ...options, seconds: 2 });
      const runs = [];
      for (let round = 0; round < rounds; round += 1) runs.push(await load(PORT, requests, { ...options, seconds: duration }));
      measured[route] = medianRun(runs);
      console.error(`${database} ${route}: ${Math.round(measured[route].rps)} req/s`);
    }
    for (const [route, run] of Object.entries(measured)) rows.push({ database, route, run, byId: measured['GET by id'] });
  } finally {
    server.kill('SIGTERM');
  }
}

console.log(`${rowCount} rows; autocannon -c ${connections} -d ${duration}, median of ${rounds} runs, loopback, Node ${process.version}\n`);
console.log('| database | route | req/s | p99 ms | ÷ GET by id | failed |');
console.log('|---|---|---:|---:|---:|---:|');
for (const { database, route, run, byId } of rows) {
  const ratio = run.rps / byId.rps;
  const goal = route.startsWith('cursor') || route.startsWith('indexed') ? (ratio < 0.5 ? ' (below 0.5)' : '') : '';
  console.log(`| ${database} | ${route} | ${Math.round(run.rps)} | ${run.p99} | ${ratio.toFixed(2)}${goal} | ${run.failed} |`);
}
rmSync(app.work, { recursive: true, force: true });
