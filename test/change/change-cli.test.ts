import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { copyProject, generatedProject, NOW } from '../check/support.js';
import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

afterAll(removeTempDirs);

const PRODUCT = ['product', 'name:string:max=120', 'price:decimal', 'description:text:optional', 'category:ref:optional'];
const SERVICE = 'src/product/domain/product.service.ts';
const REPOSITORY = 'src/product/infrastructure/product.kysely-repository.ts';
const ROUTER = 'src/product/interface/product.router.ts';
const HTTP_TEST = 'test/product/product.http.test.ts';
const LATER = { LAYERED_NOW: '2026-02-01T00:00:00Z' };

let base: string;
let beforeNew: Record<string, string>;

const cli = (dir: string, args: string[], env: Record<string, string> = LATER) => runCli([...args, '--cwd', dir], { env });
const read = (dir: string, file: string) => readFile(path.join(dir, file), 'utf8');

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const before = await read(dir, file);
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  await writeFile(path.join(dir, file), after);
}

/** The hand edits a team makes on its first day: a method, a query, a route and a test. */
async function handEdits(dir: string): Promise<void> {
  await edit(dir, SERVICE, (text) => text.replace(/\n}\n\nexport const PRODUCT_SERVICE/, '\n\n  /** House rule: prices are shown with a currency. */\n  label(product: { name: string }): string {\n    return `${product.name} (EUR)`;\n  }\n}\n\nexport const PRODUCT_SERVICE'));
  await edit(dir, REPOSITORY, (text) => text.replace(/\n}\n$/, '\n\n  /** Hand-written query. */\n  async cheapest(): Promise<number> {\n    return 0;\n  }\n}\n'));
  await edit(dir, ROUTER, (text) => text.replace('  return router;\n', "  router.get('/api/v1/products-cheapest', (c) => c.json({ data: 0 }));\n\n  return router;\n"));
  await edit(dir, HTTP_TEST, (text) => text.replace(/\n}\);\n$/, "\n\n  it('is ours, not generated', () => {\n    expect(1).toBe(1);\n  });\n});\n"));
}

beforeAll(async () => {
  base = await generatedProject([['category', 'name:string:max=80:unique']]);
  beforeNew = await snapshotTree(base);
  const result = await runCli(['new', ...PRODUCT, '--cwd', base], { env: NOW });
  if (result.exitCode !== 0) throw new Error(result.stderr);
}, 60_000);

describe('layered change', { timeout: 30_000 }, () => {
  it('adds a field: a new ALTER migration, every file re-rendered, and the hand edits kept', async () => {
    const dir = await copyProject(base);
    await handEdits(dir);
    const edited = { service: await read(dir, SERVICE), created: await read(dir, 'migrations/20260101000001_create_product.ts') };

    const result = await cli(dir, ['change', 'product', 'add', 'stock:int:default=0']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('create migrations/20260201000000_alter_product.ts');
    expect(result.stdout).toContain('npm run migrate');
    const migration = await read(dir, 'migrations/20260201000000_alter_product.ts');
    expect(migration).toContain(".addColumn('stock', 'integer', (col) => col.notNull().defaultTo(0))");
    expect(migration).toContain("await dropColumn(db, 'product', 'stock');");
    expect(migration).toContain('stock: sql`0`');
    expect(await read(dir, 'migrations/20260101000001_create_product.ts')).toBe(edited.created);
    expect(await read(dir, 'src/product/domain/product.entity.ts')).toContain('stock: number;');
    expect(await read(dir, 'src/product/interface/product.dto.ts')).toContain('stock:');
    expect(await read(dir, SERVICE)).toBe(edited.service);
    expect(await read(dir, REPOSITORY)).toContain('async cheapest()');
    expect(await read(dir, REPOSITORY)).toContain('stock: changes.stock');
    expect(await read(dir, ROUTER)).toContain("router.get('/api/v1/products-cheapest'");
    expect(await read(dir, HTTP_TEST)).toContain("it('is ours, not generated'");
    const manifest = JSON.parse(await read(dir, '.layered/domains/product.json')) as { migrations: string[]; spec: { fields: Array<{ name: string }> } };
    expect(manifest.migrations).toEqual(['migrations/20260101000001_create_product.ts', 'migrations/20260201000000_alter_product.ts']);
    expect(manifest.spec.fields.map((field) => field.name)).toEqual(['name', 'price', 'description', 'category', 'stock']);
    // The base is the new render, so the next change merges from it.
    expect(await read(dir, `.layered/base/${REPOSITORY}`)).not.toContain('cheapest');
    expect(await read(dir, `.layered/base/${REPOSITORY}`)).toContain('stock: changes.stock');
  });

  it('renames and alters in one run, and says which API fields change', async () => {
    const dir = await copyProject(base);

    const result = await cli(dir, ['change', 'product', 'rename', 'name=title', 'alter', 'description:text', 'alter', 'price:decimal:optional'], LATER);

    // description optional → required without a default is refused whatever the flags.
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('description becomes required without a default');

    const ok = await cli(dir, ['change', 'product', 'rename', 'name=title', 'alter', 'price:decimal:optional']);
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('The API changes for clients: name is now title.');
    const migration = await read(dir, 'migrations/20260201000000_alter_product.ts');
    expect(migration).toContain("renameColumn('name', 'title')");
    expect(migration).toContain("renameColumn('title', 'name')");
    expect(migration).toContain("await alterColumn(db, 'product', 'price', decimalType(db, 18, 2), { notNull: false });");
    expect(migration).toContain("title: 'name'");
    expect(migration).toContain('/** `layered change product`: renames name to title, makes price optional. */');
    expect(await read(dir, 'src/product/domain/product.entity.ts')).toContain('title: string;');
    expect(await read(dir, 'src/product/domain/product.entity.ts')).toContain('price: string | null;');
  });

  it('--dry-run prints the migration and every diff, writes nothing, and exits 0', async () => {
    const dir = await copyProject(base);
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['change', 'product', 'add', 'stock:int:default=0', '--dry-run']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('CREATE migrations/20260201000000_alter_product.ts');
    expect(result.stdout).toContain('+  stock: number;');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('--json prints one object listing what it wrote', async () => {
    const dir = await copyProject(base);

    const result = await cli(dir, ['change', 'product', 'add', 'stock:int:optional', '--json']);

    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as { ok: boolean; created: string[]; modified: string[] };
    expect(output.ok).toBe(true);
    expect(output.created).toContain('migrations/20260201000000_alter_product.ts');
    expect(output.modified).toContain('src/product/domain/product.entity.ts');
  });

  it('--spec gives the desired state; renamedFrom keeps a field and its values', async () => {
    const dir = await copyProject(base);
    const spec = path.join(dir, 'product.yaml');
    await writeFile(spec, 'fields:\n  - { name: title, type: string, max: 200, renamedFrom: name }\n  - { name: price, type: decimal }\n  - { name: description, type: text, optional: true }\n  - { name: category, type: ref, optional: true }\n');

    const result = await cli(dir, ['change', 'product', '--spec', spec]);

    expect(result.exitCode, result.stderr).toBe(0);
    const migration = await read(dir, 'migrations/20260201000000_alter_product.ts');
    expect(migration).toContain("renameColumn('name', 'title')");
    expect(migration).toContain("await alterColumn(db, 'product', 'title', 'varchar(200)', { notNull: true });");
  });

  it('--spec naming another domain is refused with exit 1, and changes nothing', async () => {
    const dir = await copyProject(base);
    const spec = path.join(dir, 'category.yaml');
    await writeFile(spec, 'name: category\nfields:\n  - { name: name, type: string }\n');
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['change', 'product', '--spec', spec]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('"product" on the command line but "category"');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('says "no change" and writes nothing when the spec is the same', async () => {
    const dir = await copyProject(base);
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['change', 'product', 'alter', 'price:decimal']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('No change');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses an overlapping hand edit with the file and lines, and writes nothing', async () => {
    const dir = await copyProject(base);
    await edit(dir, 'src/product/infrastructure/product.table.ts', (text) => text.replace('  categoryId: number | null;\n', '  categoryId: number | null;\n  // keep in step with the warehouse\n'));
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['change', 'product', 'add', 'stock:int:default=0']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/src\/product\/infrastructure\/product\.table\.ts: lines? \d+/);
    expect(result.stderr).toContain('--conflicts markers');
    expect(await snapshotTree(dir)).toEqual(before);

    const dry = await cli(dir, ['change', 'product', 'add', 'stock:int:default=0', '--dry-run']);
    expect(dry.exitCode).toBe(2);
    expect(dry.stdout).toContain('product.table.ts');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('--conflicts markers writes both versions, and check fails until they are resolved', async () => {
    const dir = await copyProject(base);
    const table = 'src/product/infrastructure/product.table.ts';
    await edit(dir, table, (text) => text.replace('  categoryId: number | null;\n', '  categoryId: number | null;\n  // keep in step with the warehouse\n'));

    const result = await cli(dir, ['change', 'product', 'add', 'stock:int:default=0', '--conflicts', 'markers']);

    expect(result.exitCode).toBe(2);
    const merged = await read(dir, table);
    expect(merged).toContain('<<<<<<< yours');
    expect(merged).toContain('// keep in step with the warehouse');
    expect(merged).toContain('>>>>>>> layered');
    const check = JSON.parse((await runCli(['check', '--json', '--cwd', dir])).stdout) as { findings: Array<{ code: string; file?: string }> };
    expect(check.findings).toContainEqual(expect.objectContaining({ code: 'MERGE_CONFLICT_MARKERS', file: table }));
    const blocked = await cli(dir, ['change', 'product', 'add', 'weight:float:optional']);
    expect(blocked.exitCode).toBe(2);
    expect(blocked.stderr).toContain('still has conflict markers');

    await writeFile(path.join(dir, table), merged.replace(/<<<<<<< yours\n[\s\S]*?=======\n/, '').replace('>>>>>>> layered\n', ''));
    const after = JSON.parse((await runCli(['check', '--json', '--cwd', dir])).stdout) as { findings: Array<{ code: string }> };
    expect(after.findings.map((finding) => finding.code)).not.toContain('MERGE_CONFLICT_MARKERS');
  });

  it.each([
    [['product', 'drop', 'weight'], 1, 'has no field "weight"'],
    [['product', 'rename', 'name=price'], 1, 'already has a field "price"'],
    [['product', 'add', 'constructor:string:optional'], 1, 'reserved'],
    [['product', 'add', 'name:string:optional'], 1, 'already has a field "name"'],
    [['product', 'add', 'stock:int'], 2, 'required and has no default'],
    [['product', 'add', 'owner:ref=category'], 2, 'required ref'],
    [['product', 'drop', 'description'], 2, '--allow-data-loss'],
    [['product', 'alter', 'name:string:max=20'], 2, 'max shrinks from 120 to 20'],
    [['product', 'alter', 'description:text'], 2, 'required without a default'],
    [['product', 'alter', 'category:ref=product:optional'], 2, 'cannot change its target'],
    [['product', 'frobnicate', 'x'], 1, 'not a change action'],
    [['product', 'add'], 1, 'needs an operand'],
    [['product', 'add', 'tag:ref=tag:optional'], 1, 'tag'],
    [['widget', 'add', 'x:int:optional'], 1, 'no domain "widget"'],
  ])('refuses %j with exit %i, naming the problem, and changes nothing', async (args, code, message) => {
    const dir = await copyProject(base);
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['change', ...args]);

    expect(result.exitCode, result.stderr).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('hint');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('--allow-data-loss lets a drop through, and its down restores the column', async () => {
    const dir = await copyProject(base);

    const result = await cli(dir, ['change', 'product', 'drop', 'description', '--allow-data-loss']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('description is no longer in requests or responses');
    const migration = await read(dir, 'migrations/20260201000000_alter_product.ts');
    expect(migration).toContain("await dropColumn(db, 'product', 'description');");
    expect(migration).toContain("await db.schema.alterTable('product').addColumn('description', textType(db)).execute();");
  });

  it('merges in a project made before merge bases existed (format 1 manifests, no .layered/base)', async () => {
    const dir = await copyProject(base);
    await rm(path.join(dir, '.layered/base'), { recursive: true });
    const file = path.join(dir, '.layered/domains/product.json');
    const { migrations, ...manifest } = JSON.parse(await read(dir, '.layered/domains/product.json')) as { migrations: string[]; files: Array<{ origin?: unknown }> };
    await writeFile(file, JSON.stringify({ ...manifest, formatVersion: 1, migration: migrations[0], files: manifest.files.map(({ origin: _origin, ...rest }) => rest) }, null, 2));
    await handEdits(dir);

    const result = await cli(dir, ['change', 'product', 'add', 'stock:int:default=0']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(await read(dir, REPOSITORY)).toContain('async cheapest()');
    expect(await read(dir, REPOSITORY)).toContain('stock: changes.stock');
    expect(await read(dir, SERVICE)).toContain('House rule');
    const upgraded = JSON.parse(await read(dir, '.layered/domains/product.json')) as { formatVersion: number; migrations: string[] };
    expect(upgraded.formatVersion).toBe(2);
    expect(upgraded.migrations).toHaveLength(2);
    expect(await read(dir, `.layered/base/${REPOSITORY}`)).toContain('stock: changes.stock');
  });

  it('destroy after changes returns the project to its state before new', async () => {
    const dir = await copyProject(base);
    expect((await cli(dir, ['change', 'product', 'add', 'stock:int:default=0'])).exitCode).toBe(0);
    expect((await cli(dir, ['change', 'product', 'rename', 'name=title'], { LAYERED_NOW: '2026-03-01T00:00:00Z' })).exitCode).toBe(0);

    const result = await cli(dir, ['destroy', 'product']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(await snapshotTree(dir)).toEqual(beforeNew);
  });

  it('destroy of a changed domain whose migrations ran writes a drop migration that replays them all', async () => {
    const dir = await copyProject(base);
    expect((await cli(dir, ['change', 'product', 'add', 'stock:int:default=0'])).exitCode).toBe(0);
    // No database can be asked (an unreachable DATABASE_URL): the migrations are kept.
    await writeFile(path.join(dir, '.env'), 'DATABASE_URL=mysql://nobody@127.0.0.1:1/none\n');

    const result = await cli(dir, ['destroy', 'product'], { LAYERED_NOW: '2026-03-01T00:00:00Z' });

    expect(result.exitCode, result.stderr).toBe(0);
    const drop = await read(dir, 'migrations/20260301000000_drop_product.ts');
    expect(drop).toContain("import { up as createProductTable } from './20260101000001_create_product.js';");
    expect(drop).toContain("import { up as alterProductTable1 } from './20260201000000_alter_product.js';");
    expect(drop.indexOf('await createProductTable(db);')).toBeLessThan(drop.indexOf('await alterProductTable1(db);'));
    expect(await readdir(path.join(dir, '.layered/base/src'))).toEqual(['category']);
  });
});

describe('layered sync', { timeout: 30_000 }, () => {
  it('does nothing, byte for byte, when no template changed', async () => {
    const dir = await copyProject(base);
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['sync']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Nothing to sync');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('applies an edited override to every domain it produced, keeping their hand edits', async () => {
    const dir = await copyProject(base);
    await handEdits(dir);
    const template = 'src/{{fileName}}/domain/{{fileName}}.service.ts.hbs';
    expect((await cli(dir, ['templates', 'eject', template])).exitCode).toBe(0);
    await edit(dir, `.layered/templates/${template}`, (text) => `/** Reviewed by the platform team. */\n${text}`);
    const drift = JSON.parse((await runCli(['check', '--json', '--cwd', dir])).stdout) as { findings: Array<{ code: string; message: string }> };
    expect(drift.findings.filter((finding) => finding.code === 'TEMPLATES_CHANGED').map((finding) => finding.message.split(':')[0])).toEqual(['category', 'product']);

    const result = await cli(dir, ['sync']);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(await read(dir, 'src/category/domain/category.service.ts')).toMatch(/^\/\*\* Reviewed by the platform team/);
    const service = await read(dir, SERVICE);
    expect(service).toMatch(/^\/\*\* Reviewed by the platform team/);
    expect(service).toContain('House rule: prices are shown with a currency.');
    expect(result.stdout).toContain('update src/product/domain/product.service.ts');
    expect(result.stdout).not.toContain('product.entity.ts');
    const after = JSON.parse((await runCli(['check', '--json', '--cwd', dir])).stdout) as { findings: Array<{ code: string }> };
    expect(after.findings.map((finding) => finding.code)).not.toContain('TEMPLATES_CHANGED');

    const again = await snapshotTree(dir);
    expect((await cli(dir, ['sync'])).stdout).toContain('Nothing to sync');
    expect(await snapshotTree(dir)).toEqual(again);
  });

  it('refuses an unknown domain with exit 1', async () => {
    const result = await cli(base, ['sync', 'widget']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('no domain "widget"');
  });
});
