import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer } from '../helpers/server.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { freshProject } from './project.js';

afterAll(removeTempDirs);

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = path.join(here, '..', '..');

/**
 * openapi-typescript and openapi-fetch, as a client team installs them (test/e2e/openapi-client/).
 * Outside CI the install is kept under .cache/, keyed by its lockfile.
 */
async function installClientTools(): Promise<string> {
  const source = path.join(here, 'openapi-client');
  const lock = await readFile(path.join(source, 'package-lock.json'));
  const key = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const dir = process.env['CI']
    ? await tempDir('openapi-client')
    : path.join(repo, '.cache', 'e2e', `openapi-client-${key}`);
  const installed = await stat(path.join(dir, 'node_modules', '.bin', 'openapi-typescript')).then(
    () => true,
    () => false,
  );
  if (!installed) {
    await mkdir(dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) {
      await copyFile(path.join(source, file), path.join(dir, file));
    }
    await execa('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  }
  return dir;
}

/** Calls a client team writes: filters, a sort, a cursor walk and a reverse route, fully typed. */
const client = (baseUrl: string) => `import createClient from 'openapi-fetch';

import type { paths } from './api.js';

const client = createClient<paths>({ baseUrl: '${baseUrl}' });

const seen: number[] = [];
let after: string | undefined;
do {
  const { data, error } = await client.GET('/api/v1/products', {
    params: { query: { 'price.gte': '10', 'name.contains': 'chair', sort: '-price', limit: '2', after } },
  });
  if (error || !data) throw new Error(JSON.stringify(error));
  seen.push(...data.data.map((product) => product.id));
  after = 'nextCursor' in data.meta ? (data.meta.nextCursor ?? undefined) : undefined;
} while (after);

const under = await client.GET('/api/v1/categories/{id}/products', {
  params: { path: { id: '1' }, query: { 'stock.lt': '2', 'releasedOn.isNull': 'true' } },
});
const missing = await client.GET('/api/v1/categories/{id}/products', { params: { path: { id: '999999' } } });

// @ts-expect-error: the list has no such filter, and the generated types know it
void client.GET('/api/v1/products', { params: { query: { 'name.gt': 'a' } } });

console.log(JSON.stringify({ seen, under: under.data?.data.length, missing: missing.response.status }));
`;

describe('a typed client generated from /api/openapi.json', () => {
  let project: Awaited<ReturnType<typeof freshProject>>;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    project = await freshProject();
    for (const spec of [
      ['category', 'name:string:max=80:unique'],
      ['product', 'name:string:max=120', 'price:decimal:index', 'stock:int:default=0', 'releasedOn:date:optional', 'category:ref'],
    ]) {
      const result = await project.cli(['new', ...spec]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    const databaseUrl = `sqlite:${path.join(project.dir, 'client.db')}`;
    for (const script of ['migrate', 'build']) {
      const result = await project.npm(['run', script], { DATABASE_URL: databaseUrl });
      expect(result.exitCode, result.all).toBe(0);
    }
    server = await startServer(project.dir, { DATABASE_URL: databaseUrl, NODE_ENV: 'production' });
  });

  afterAll(async () => {
    if (server) await server.stop();
  });

  it('type-checks calls with filters and cursors, refuses an unknown filter, and walks the list', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/v1/categories', { name: 'Seating' })).status).toBe(201);
    const prices = ['5.00', '12.50', '30.00', '18.00', '30.00', '99.99'];
    for (const [i, price] of prices.entries()) {
      const name = i === 3 ? 'Table' : `Chair ${i}`;
      expect((await post('/api/v1/products', { name, price, stock: i, categoryId: 1 })).status).toBe(201);
    }

    const tools = await installClientTools();
    const work = await tempDir('openapi-client-use');
    const document = await (await fetch(`${server.baseUrl}/api/openapi.json`)).text();
    await writeFile(path.join(work, 'openapi.json'), document);
    await writeFile(path.join(work, 'package.json'), '{ "type": "module" }');
    await writeFile(path.join(work, 'client.ts'), client(server.baseUrl));
    await execa(path.join(tools, 'node_modules', '.bin', 'openapi-typescript'), ['openapi.json', '-o', 'api.ts'], { cwd: work });
    await symlink(path.join(tools, 'node_modules'), path.join(work, 'node_modules'), 'dir');

    const tsc = path.join(tools, 'node_modules', '.bin', 'tsc');
    const options = ['--strict', '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
    const check = await execa(tsc, [...options, '--outDir', 'out', 'client.ts'], { cwd: work, reject: false, all: true });
    expect(check.exitCode, check.all).toBe(0);

    const run = await execa('node', ['out/client.js'], { cwd: work });
    const result = JSON.parse(run.stdout) as { seen: number[]; under: number; missing: number };
    // Chairs priced 10 or more, dearest first, ties by id descending: every one once.
    expect(result.seen).toEqual([6, 5, 3, 2]);
    expect(result.under).toBe(2);
    expect(result.missing).toBe(404);

    const broken = client(server.baseUrl).replace("'stock.lt': '2'", "'stock.lt': 2");
    await writeFile(path.join(work, 'client.ts'), broken);
    const refused = await execa(tsc, [...options, '--noEmit', 'client.ts'], { cwd: work, reject: false, all: true });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.all).toMatch(/client\.ts.*not assignable to type 'string'/s);
  });
});
