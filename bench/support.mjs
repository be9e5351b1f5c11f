// What the HTTP benchmarks share: a generated app built in a temp dir, scratch databases,
// servers on loopback, and autocannon runs reduced to req/s and p99.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = path.join(here, '..', 'bin', 'layered.js');
const autocannon = createRequire(path.join(here, 'package.json'))('autocannon');

/** `layered init <initArgs>` + `layered new <spec>` in a temp dir, on `nodeModules`, built with tsc. */
export function generatedApp(nodeModules, spec, name, initArgs = []) {
  const work = mkdtempSync(path.join(tmpdir(), `layered-bench-${name}-`));
  const dir = path.join(work, 'app');
  const env = { ...process.env, LAYERED_NOW: '2026-01-01T00:00:00Z', NO_COLOR: '1' };
  execFileSync('node', [cli, 'init', dir, '--no-install', '--no-git', ...initArgs], { env, stdio: 'ignore' });
  symlinkSync(nodeModules, path.join(dir, 'node_modules'));
  execFileSync('node', [cli, 'new', ...spec, '--cwd', dir], { env, stdio: 'ignore' });
  execFileSync('node', [path.join(nodeModules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  return { work, dir, require: createRequire(path.join(dir, 'package.json')) };
}

/** Drops and creates the database `url` names, on MySQL/MariaDB or PostgreSQL. */
export async function resetDatabase(app, url) {
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  if (parsed.protocol === 'mysql:') {
    const mysql = app.require('mysql2/promise');
    const connection = await mysql.createConnection({ uri: `${parsed.protocol}//${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@${parsed.host}/` });
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\``);
    await connection.end();
    return;
  }
  const pg = app.require('pg');
  // Any other database on the server will do to drop and create this one from.
  const client = new pg.Client({ connectionString: Object.assign(new URL(parsed), { pathname: '/postgres' }).toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

export function migrate(app, databaseUrl) {
  execFileSync('node', ['dist/src/_core/infrastructure/migrate.js', 'up'], { cwd: app.dir, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
}

/** `node <args>` in the app's folder, serving on `port` in production mode, logging off. */
export function start(app, args, port, databaseUrl, env = {}) {
  return spawn('node', args, {
    cwd: app.dir,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function waitFor(port, pathname) {
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(`http://127.0.0.1:${port}${pathname}`);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`Nothing listens on ${port}`);
}

/**
 * One autocannon run; any non-2xx answer or error fails it, so a fast failure never counts,
 * unless `failures` is set: then they are counted and reported (a route shown for comparison).
 */
export function load(port, requests, { connections, seconds, label, failures = false }) {
  return new Promise((done, fail) => {
    autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests }, (error, result) => {
      const failed = result ? result.non2xx + result.errors : 0;
      if (error) fail(error);
      else if (failed > 0 && !failures) fail(new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      else done({ rps: result.requests.average, p99: result.latency.p99, failed });
    });
  });
}

/** The run with the median req/s, so a figure and its p99 come from the same run. */
export function medianRun(runs) {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
}
