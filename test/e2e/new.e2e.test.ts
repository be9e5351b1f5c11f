import path from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SCRATCH, SERVERS } from '../helpers/servers.js';
import { startServer } from '../helpers/server.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { freshProject } from './project.js';
import { runSql } from './support/rows.js';

afterAll(removeTempDirs);

/** Every field type, a ref chain, a self-ref, a multi-word name, SQL-reserved names, an irregular plural. */
const DOMAINS: string[][] = [
  ['category', 'name:string:max=80:unique', 'parent:ref=category:optional'],
  ['customer', 'email:string:unique', 'name:string', 'vip:boolean:default=false'],
  [
    'product',
    'name:string:max=120',
    'description:text:optional',
    'price:decimal',
    'stock:int:default=0',
    'weight:float:optional',
    'views:bigint:default=0',
    'active:boolean:default=true',
    'releasedOn:date:optional',
    'lastSoldAt:datetime:optional',
    'sku:uuid:unique',
    'attributes:json:optional',
    'status:enum:values=draft,published:default=draft',
    'category:ref',
  ],
  ['order', 'buyer:ref=customer', 'status:enum:values=open,paid,shipped:default=open', 'placedAt:datetime:default=now'],
  ['order-item', 'order:ref', 'product:ref', 'quantity:int', 'unitPrice:decimal'],
  ['person', 'name:string', 'group:string:optional'],
];

type Project = Awaited<ReturnType<typeof freshProject>>;

describe('layered new on a fresh project', () => {
  let project: Project;
  let pristine: Record<string, string>;

  beforeAll(async () => {
    project = await freshProject();
    pristine = await snapshotTree(project.dir);
  });

  it('refuses a ref to a domain the project does not have, with exit 1 and nothing written', async () => {
    const result = await project.cli(['new', 'widget', 'label:string', 'owner:ref=nobody']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('nobody');
    expect(await snapshotTree(project.dir)).toEqual(pristine);
  });

  it('adds every domain, each wired into both host files', async () => {
    for (const [name, ...fields] of DOMAINS) {
      const result = await project.cli(['new', name as string, ...fields]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    const list = await project.cli(['list', '--json']);
    const domains = (JSON.parse(list.stdout) as { domains: Array<{ name: string }> }).domains.map((d) => d.name);
    expect(domains).toEqual(['category', 'customer', 'order', 'order-item', 'person', 'product']);
  });

  it('exits 2 and changes nothing when a domain is added twice', async () => {
    const before = await snapshotTree(project.dir);
    const result = await project.cli(['new', ...(DOMAINS[0] as string[])]);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('already has a domain "category"');
    expect(await snapshotTree(project.dir)).toEqual(before);
  });

  it('type-checks under strict', async () => {
    const result = await project.npm(['run', 'typecheck']);
    expect(result.exitCode, result.all).toBe(0);
  });

  it("passes the project's own tests on SQLite", async () => {
    const result = await project.npm(['test']);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(/Tests\s+\d+ passed/);
  });

  it.each(SERVERS)("passes the project's own tests on the machine %s", async (_name, createScratchDatabase) => {
    const database = await createScratchDatabase('layered_e2e_new');
    try {
      const result = await project.npm(['test'], { TEST_DATABASE_URL: database.url });
      expect(result.exitCode, result.all).toBe(0);
    } finally {
      await database.drop();
    }
  });

  describe.each(SERVERS)('served over HTTP on %s', (_name, createScratchDatabase) => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let database: Awaited<ReturnType<typeof createScratchDatabase>>;
    const json = { 'content-type': 'application/json' };

    beforeAll(async () => {
      database = await createScratchDatabase('layered_e2e_http');
      const migrate = await project.npm(['run', 'migrate'], { DATABASE_URL: database.url });
      expect(migrate.exitCode, migrate.all).toBe(0);
      const build = await project.npm(['run', 'build']);
      expect(build.exitCode, build.all).toBe(0);
      server = await startServer(project.dir, { DATABASE_URL: database.url, NODE_ENV: 'production' });
    });

    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
      await database?.drop();
    });

    async function call(method: string, url: string, body?: unknown) {
      const response = await fetch(`${server.baseUrl}${url}`, { method, headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
    }

    it('walks every endpoint of a domain with every field type', async () => {
      const category = await call('POST', '/api/v1/categories', { name: 'Tools' });
      expect(category.status).toBe(201);
      const categoryId = category.body?.data.id as number;

      const created = await call('POST', '/api/v1/products', {
        name: 'Hammer', price: '12.50', sku: '6F9619FF-8B86-4011-B42D-00C04FC964FF', categoryId,
        releasedOn: '2026-02-03', lastSoldAt: '2026-02-03T04:05:06.789Z', attributes: { colour: 'red', sizes: [1, 2] }, views: '9007199254740993',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body?.data.id as number;
      expect(created.headers.get('location')).toBe(`/api/v1/products/${id}`);
      expect(created.body?.data).toMatchObject({
        name: 'Hammer', price: '12.50', stock: 0, active: true, status: 'draft', views: '9007199254740993', sku: '6f9619ff-8b86-4011-b42d-00c04fc964ff',
        releasedOn: '2026-02-03', lastSoldAt: '2026-02-03T04:05:06.789Z', attributes: { colour: 'red', sizes: [1, 2] }, categoryId,
      });

      const bulk = await call('POST', '/api/v1/products/bulk', [
        { name: 'Saw', price: 20, sku: '00000000-0000-4000-8000-000000000001', categoryId },
        { name: 'Drill', price: '99.99', sku: '00000000-0000-4000-8000-000000000002', categoryId },
      ]);
      expect(bulk.status).toBe(201);
      const [saw, drill] = bulk.body?.data as Array<{ id: number }>;

      const page = await call('GET', '/api/v1/products?page=1&pageSize=2');
      expect(page.status).toBe(200);
      expect(page.body?.meta).toMatchObject({ page: 1, pageSize: 2, total: 3, totalPages: 2 });
      expect((page.body?.data as Array<{ id: number }>).map((p) => p.id)).toEqual([id, saw?.id]);

      const byIds = await call('GET', `/api/v1/products?ids=${drill?.id},999999,${id}`);
      expect((byIds.body?.data as Array<{ id: number }>).map((p) => p.id)).toEqual([drill?.id, id]);
      expect(byIds.body?.meta.missing).toEqual([999999]);

      const patched = await call('PATCH', `/api/v1/products/${id}`, { stock: 7 });
      expect(patched.body?.data).toMatchObject({ stock: 7, name: 'Hammer', releasedOn: '2026-02-03' });

      const replaced = await call('PUT', `/api/v1/products/${id}`, { name: 'Hammer 2', price: '13.00', sku: created.body?.data.sku, categoryId });
      expect(replaced.status).toBe(200);
      expect(replaced.body?.data).toMatchObject({ name: 'Hammer 2', price: '13.00', releasedOn: null, attributes: null });

      expect((await call('GET', `/api/v1/products/${id}`)).body?.data.name).toBe('Hammer 2');
      expect((await call('DELETE', `/api/v1/products/${id}`)).status).toBe(204);
      const gone = await call('GET', `/api/v1/products/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.headers.get('content-type')).toContain('application/problem+json');
      expect(gone.body).toMatchObject({ status: 404, code: 'PRODUCT_NOT_FOUND' });
    });

    it('answers bad input with 422 problem bodies that point at the field', async () => {
      const wrongType = await call('POST', '/api/v1/customers', { email: 'a@example.com', name: 42 });
      expect(wrongType.status).toBe(422);
      expect(wrongType.body?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/name' })]));

      const unknown = await call('POST', '/api/v1/customers', { email: 'b@example.com', name: 'B', nickname: 'x' });
      expect(unknown.status).toBe(422);
      expect(JSON.stringify(unknown.body)).toContain('nickname');

      const missingRef = await call('POST', '/api/v1/orders', { buyerId: 999999 });
      expect(missingRef.status).toBe(422);
      expect(missingRef.body?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/buyerId' })]));
    });

    it('answers a unique clash with 409 and a delete of a referenced row with 409 IN_USE', async () => {
      const first = await call('POST', '/api/v1/customers', { email: 'dup@example.com', name: 'One' });
      expect(first.status).toBe(201);
      const clash = await call('POST', '/api/v1/customers', { email: 'dup@example.com', name: 'Two' });
      expect(clash.status).toBe(409);
      expect(clash.body?.code).toBe('CUSTOMER_CONFLICT');

      const order = await call('POST', '/api/v1/orders', { buyerId: first.body?.data.id });
      expect(order.status).toBe(201);
      expect(order.body?.data.status).toBe('open');
      const inUse = await call('DELETE', `/api/v1/customers/${first.body?.data.id}`);
      expect(inUse.status).toBe(409);
      expect(inUse.body?.code).toBe('CUSTOMER_IN_USE');
    });

    it('routes the irregular plural and the multi-word name', async () => {
      expect((await call('GET', '/api/v1/people')).status).toBe(200);
      expect((await call('GET', '/api/v1/order-items')).status).toBe(200);
    });
  });
});

describe('layered destroy', () => {
  it('returns the project to byte-identical files, domain by domain in reverse', async () => {
    const project = await freshProject();
    const pristine = await snapshotTree(project.dir);
    for (const [name, ...fields] of DOMAINS) expect((await project.cli(['new', name as string, ...fields])).exitCode).toBe(0);

    const refused = await project.cli(['destroy', 'category']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('product.category');

    for (const [name] of [...DOMAINS].reverse()) {
      const result = await project.cli(['destroy', name as string]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    expect(await snapshotTree(project.dir)).toEqual(pristine);
  });

  it('keeps an applied migration and writes one that drops the table', async () => {
    const project = await freshProject();
    expect((await project.cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    const db = `sqlite:${path.join(project.dir, 'dev.db')}`;
    expect((await project.npm(['run', 'migrate'], { DATABASE_URL: db })).exitCode).toBe(0);

    const result = await project.cli(['destroy', 'tag'], { LAYERED_NOW: '2026-01-02T00:00:00Z' });

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Kept migrations/20260101000000_create_tag.ts');
    expect(result.stdout).toContain('migrations/20260102000000_drop_tag.ts');
    const migrate = await project.npm(['run', 'migrate'], { DATABASE_URL: db });
    expect(migrate.exitCode, migrate.all).toBe(0);
    const tables = await execa('node', ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path.join(project.dir, 'dev.db'))});console.log(d.prepare("select name from sqlite_master where type='table' and name='tag'").all().length)`], { cwd: project.dir });
    expect(tables.stdout.trim()).toBe('0');
  });

  it('asks PostgreSQL whether the migration ran: kept once applied, deleted while not', async () => {
    const database = await SCRATCH.postgres('layered_e2e_destroy');
    try {
      const project = await freshProject();
      const env = { DATABASE_URL: database.url };
      expect((await project.cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
      expect((await project.cli(['new', 'note', 'body:text'])).exitCode).toBe(0);
      expect((await project.npm(['run', 'migrate'], env)).exitCode).toBe(0);
      await runSql(project.dir, database.url, "delete from kysely_migration where name like '%create_note'");
      await runSql(project.dir, database.url, 'drop table note');

      const check = await project.cli(['check', '--json'], env);
      expect(JSON.parse(check.stdout)).toMatchObject({ findings: [expect.objectContaining({ code: 'TABLE_MISSING', message: expect.stringContaining('"note"') })] });

      const note = await project.cli(['destroy', 'note'], { ...env, LAYERED_NOW: '2026-01-02T00:00:00Z' });
      expect(note.exitCode, note.stderr).toBe(0);
      expect(note.stdout).not.toContain('Kept');
      const tag = await project.cli(['destroy', 'tag'], { ...env, LAYERED_NOW: '2026-01-03T00:00:00Z' });
      expect(tag.exitCode, tag.stderr).toBe(0);
      expect(tag.stdout).toContain('Kept migrations/20260101000000_create_tag.ts');
      const migrate = await project.npm(['run', 'migrate'], env);
      expect(migrate.exitCode, migrate.all).toBe(0);
      expect(await runSql(project.dir, database.url, "select to_regclass('tag') as name")).toEqual([{ name: null }]);
    } finally {
      await database.drop();
    }
  });
});

describe('a failed apply', () => {
  it('leaves the project byte-for-byte unchanged when a host file cannot be replaced', async () => {
    const project = await freshProject();
    const before = await snapshotTree(project.dir);
    const host = path.join(project.dir, 'src', 'bootstrap.ts');
    await execa('chattr', ['+i', host]);
    try {
      const result = await project.cli(['new', 'tag', 'label:string']);
      expect(result.exitCode).toBe(4);
      expect(result.stderr).toContain('src/bootstrap.ts');
    } finally {
      await execa('chattr', ['-i', host]);
    }
    expect(await snapshotTree(project.dir)).toEqual(before);
  });
});
