import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

let dir: string;
const env = { LAYERED_NOW: '2026-01-01T00:00:00Z' };
const cli = (args: string[], extra: Record<string, string> = {}) => runCli([...args, '--cwd', dir], { env: { ...env, ...extra } });

beforeEach(async () => {
  dir = path.join(await tempDir('new'), 'shop');
  expect((await runCli(['init', dir, '--no-install'])).exitCode).toBe(0);
});
afterEach(removeTempDirs);

describe('layered new', () => {
  it('--dry-run prints created paths and the host-file diffs, writes nothing, exits 0', async () => {
    const before = await snapshotTree(dir);

    const result = await cli(['new', 'order-item', 'quantity:int', '--dry-run']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('CREATE src/order-item/domain/order-item.entity.ts');
    expect(result.stdout).toContain('CREATE migrations/20260101000000_create_order_item.ts');
    expect(result.stdout).toContain("+import { registerOrderItemModule } from './order-item/infrastructure/order-item.module.js';");
    expect(result.stdout).toContain("+  app.route('/', createOrderItemRouter(container));");
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('--json prints exactly one object listing what it created and modified', async () => {
    const result = await cli(['new', 'tag', 'label:string', '--json']);

    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout) as { ok: boolean; created: string[]; modified: string[]; removed: string[]; errors: unknown[] };
    expect(output.ok).toBe(true);
    expect(output.modified).toEqual(['src/bootstrap.ts', 'src/server-container.ts']);
    expect(output.created).toContain('.layered/domains/tag.json');
    expect(output.created).toContain('src/tag/interface/tag.router.ts');
    expect(output.removed).toEqual([]);
    expect(output.errors).toEqual([]);
  });

  it('--json reports a refusal as one object with the error, and the exit code', async () => {
    const result = await cli(['new', 'tag', 'label:money', '--json']);

    expect(result.exitCode).toBe(1);
    const output = JSON.parse(result.stdout) as { ok: boolean; errors: Array<{ code: string; message: string; hint: string }> };
    expect(output.ok).toBe(false);
    expect(output.errors[0]?.message).toContain('money');
    expect(output.errors[0]?.hint).toBeTruthy();
  });

  it('--json without fields refuses instead of prompting', async () => {
    const result = await cli(['new', 'tag', '--json']);

    expect(result.exitCode).toBe(1);
    expect((JSON.parse(result.stdout) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('FIELDS_REQUIRED');
  });

  it('without a TTY and without fields, fails at once showing the flag syntax', async () => {
    const result = await cli(['new', 'tag']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('name:type');
  });

  it('refuses a domain name given twice and differently (argument and spec file)', async () => {
    const spec = path.join(dir, 'tag.yaml');
    await writeFile(spec, 'name: tag\nfields:\n  - { name: label, type: string }\n');

    const result = await cli(['new', 'label', '--spec', spec]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('"label" on the command line but "tag"');
  });

  it('--force on an existing domain applies the spec like change --spec: hand edits kept, a new ALTER migration', async () => {
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    const service = path.join(dir, 'src', 'tag', 'domain', 'tag.service.ts');
    await writeFile(service, `${await readFile(service, 'utf8')}// edited by hand\n`);
    const created = await readFile(path.join(dir, 'migrations', '20260101000000_create_tag.ts'), 'utf8');

    const result = await cli(['new', 'tag', 'label:string', 'weight:int:optional', '--force'], { LAYERED_NOW: '2026-06-01T00:00:00Z' });

    expect(result.exitCode, result.stderr).toBe(0);
    expect(await readFile(service, 'utf8')).toContain('edited by hand');
    expect(await readdir(path.join(dir, 'migrations'))).toEqual(['.gitkeep', '20260101000000_create_tag.ts', '20260601000000_alter_tag.ts']);
    expect(await readFile(path.join(dir, 'migrations', '20260101000000_create_tag.ts'), 'utf8')).toBe(created);
    expect(await readFile(path.join(dir, 'migrations', '20260601000000_alter_tag.ts'), 'utf8')).toContain(".addColumn('weight', 'integer')");
    expect(await readFile(path.join(dir, 'src', 'tag', 'domain', 'tag.entity.ts'), 'utf8')).toContain('weight: number | null');
    const manifest = JSON.parse(await readFile(path.join(dir, '.layered', 'domains', 'tag.json'), 'utf8')) as { spec: { fields: unknown[] }; migrations: string[] };
    expect(manifest.spec.fields).toHaveLength(2);
    expect(manifest.migrations).toEqual(['migrations/20260101000000_create_tag.ts', 'migrations/20260601000000_alter_tag.ts']);
    const container = await readFile(path.join(dir, 'src', 'server-container.ts'), 'utf8');
    expect(container.match(/registerTagModule\(container\)/g)).toHaveLength(1);
  });

  it('refuses to run outside a project with exit 2', async () => {
    const result = await runCli(['new', 'tag', 'label:string', '--cwd', tmpdir()]);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not inside a layered project');
  });

  it('refuses a host file in an unexpected shape, naming it and the lines to add, and writes nothing', async () => {
    await writeFile(path.join(dir, 'src', 'bootstrap.ts'), 'export const nothing = 1;\n');
    const before = await snapshotTree(dir);

    const result = await cli(['new', 'tag', 'label:string']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('src/bootstrap.ts');
    expect(result.stderr).toContain("app.route('/', createTagRouter(container));");
    expect(await snapshotTree(dir)).toEqual(before);
  });
});

describe('layered list and destroy', () => {
  it('lists domains as the command lines that made them', async () => {
    expect((await cli(['new', 'tag', 'label:string:max=40', 'weight:int:optional'])).exitCode).toBe(0);

    const result = await cli(['list']);

    expect(result.stdout.trim()).toBe('tag label:string:max=40 weight:int:optional');
  });

  it('refuses to destroy a domain whose generated files were edited, naming them, unless --force', async () => {
    const before = await snapshotTree(dir);
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    const service = path.join(dir, 'src', 'tag', 'domain', 'tag.service.ts');
    await writeFile(service, `${await readFile(service, 'utf8')}// mine\n`);

    const refused = await cli(['destroy', 'tag']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('src/tag/domain/tag.service.ts');

    const forced = await cli(['destroy', 'tag', '--force']);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses to destroy a domain the project does not have, listing the ones it has', async () => {
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);

    const result = await cli(['destroy', 'product']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Its domains are: tag.');
  });
});
