import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { check, checkJson, copyProject, generatedProject } from './support.js';

let base: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  base = await generatedProject([
    ['category', 'name:string'],
    ['product', 'name:string', 'price:decimal', 'category:ref'],
  ]);
}, 60_000);

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(dir, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

const dropLines = (pattern: RegExp) => (text: string) =>
  text
    .split('\n')
    .filter((line) => !pattern.test(line))
    .join('\n');

describe('layered check on a project without node_modules', { timeout: 30_000 }, () => {
  it('passes a freshly generated project, saying what it could not look at', async () => {
    const result = await check(base);

    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain('ok');
    expect(result.stderr).toContain('database not checked');
    expect(result.stderr).toContain('types not checked');
    expect(await checkJson(base)).toEqual({ exitCode: 0, ok: true, findings: [] });
  });

  it('finds a domain missing from the server container', async () => {
    const dir = await copyProject(base);
    await edit(dir, 'src/server-container.ts', dropLines(/registerProductModule/));

    const result = await checkJson(dir);

    expect(result.exitCode).toBe(2);
    expect(result.findings).toEqual([
      {
        code: 'DOMAIN_NOT_REGISTERED',
        message: 'product is not registered in the server container (src/server-container.ts).',
        hint: expect.stringContaining('layered check --fix') as string,
        file: 'src/server-container.ts',
      },
    ]);
  });

  it('finds a domain not mounted in the bootstrap, even when only its call is gone', async () => {
    const dir = await copyProject(base);
    await edit(dir, 'src/bootstrap.ts', dropLines(/app\.route\('\/', createCategoryRouter/));

    const result = await checkJson(dir);

    expect(result.findings.map((f) => [f.code, f.message])).toEqual([['DOMAIN_NOT_MOUNTED', 'category is not mounted in the bootstrap (src/bootstrap.ts).']]);
  });

  it('finds a domain registered in both host files without a manifest', async () => {
    const dir = await copyProject(base);
    await rm(path.join(dir, '.layered/domains/category.json'));
    // product refs category; keep it out of the way so only the orphan is reported.
    await rm(path.join(dir, '.layered/domains/product.json'));
    await edit(dir, 'src/server-container.ts', dropLines(/registerProductModule/));
    await edit(dir, 'src/bootstrap.ts', dropLines(/createProductRouter/));

    const result = await checkJson(dir);

    expect(result.findings).toEqual([
      {
        code: 'DOMAIN_WITHOUT_MANIFEST',
        message: 'src/server-container.ts registers a domain "category" that has no manifest (.layered/domains/category.json).',
        hint: 'Remove its import and call from src/server-container.ts, or re-create it with `layered new category <fields...> --force`.',
        file: 'src/server-container.ts',
      },
      expect.objectContaining({ code: 'DOMAIN_WITHOUT_MANIFEST', file: 'src/bootstrap.ts' }),
    ]);
  });

  it('does not point at a merge base that a project made before bases does not have', async () => {
    const dir = await copyProject(base);
    await rm(path.join(dir, 'src/product/domain/product.service.ts'));
    await rm(path.join(dir, '.layered/base'), { recursive: true });

    const result = await checkJson(dir);

    expect(result.findings).toEqual([expect.objectContaining({ code: 'GENERATED_FILE_MISSING', hint: 'Restore it from version control.' })]);
  });

  it('finds a generated file that is missing, with where its last generated version is', async () => {
    const dir = await copyProject(base);
    await rm(path.join(dir, 'src/product/domain/product.service.ts'));

    const result = await checkJson(dir);

    expect(result.findings).toEqual([
      {
        code: 'GENERATED_FILE_MISSING',
        message: 'product: src/product/domain/product.service.ts is missing.',
        hint: 'Restore it from version control (its last generated version is .layered/base/src/product/domain/product.service.ts).',
        file: 'src/product/domain/product.service.ts',
      },
    ]);
  });

  it("finds a domain's missing migration", async () => {
    const dir = await copyProject(base);
    const manifest = JSON.parse(await readFile(path.join(dir, '.layered/domains/category.json'), 'utf8')) as { migrations: string[] };
    const [migration = ''] = manifest.migrations;
    await rm(path.join(dir, migration));

    const result = await checkJson(dir);

    expect(result.findings).toEqual([
      {
        code: 'MIGRATION_MISSING',
        message: `category: its migration ${migration} is missing, so its table is never created.`,
        hint: 'Restore it from version control.',
        file: migration,
      },
    ]);
  });

  it('finds an override at a path no built-in template has', async () => {
    const dir = await copyProject(base);
    await mkdir(path.join(dir, '.layered/templates/src'), { recursive: true });
    await writeFile(path.join(dir, '.layered/templates/src/typo.ts.hbs'), '');

    const result = await checkJson(dir);

    expect(result.findings.map((f) => [f.code, f.file])).toEqual([['TEMPLATE_OVERRIDE_UNKNOWN', '.layered/templates/src/typo.ts.hbs']]);
  });

  it('prints one line per finding with its fix, and exits 2', async () => {
    const dir = await copyProject(base);
    await edit(dir, 'src/server-container.ts', dropLines(/registerProductModule/));
    await rm(path.join(dir, 'src/category/main.ts'));

    const result = await check(dir);

    expect(result.exitCode).toBe(2);
    expect(result.stdout.split('\n').filter((line) => /^[A-Z_]+ /.test(line))).toEqual([
      'DOMAIN_NOT_REGISTERED product is not registered in the server container (src/server-container.ts).',
      'GENERATED_FILE_MISSING category: src/category/main.ts is missing.',
    ]);
    expect(result.stdout).toContain('  fix Run `layered check --fix`');
    expect(result.stdout).toContain('2 problems found.');
  });

  it('exits 2 outside a layered project', async () => {
    const result = await runCli(['check', '--cwd', path.dirname(base)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not inside a layered project');
  });
});

describe('layered check --fix', { timeout: 30_000 }, () => {
  it('re-registers every missing domain through the plan, leaving a project that passes', async () => {
    const dir = await copyProject(base);
    const wired = await snapshotTree(dir);
    await edit(dir, 'src/server-container.ts', dropLines(/Product|Category/));
    await edit(dir, 'src/bootstrap.ts', dropLines(/createProductRouter/));

    const fix = await check(dir, ['--fix', '--json']);

    expect(fix.exitCode, fix.stdout).toBe(0);
    expect(JSON.parse(fix.stdout)).toEqual({ ok: true, created: [], modified: ['src/bootstrap.ts', 'src/server-container.ts'], removed: [], errors: [] });
    expect(await snapshotTree(dir)).toEqual(wired);
    expect((await check(dir)).exitCode).toBe(0);
  });

  it('repairs only the registrations and still reports the rest (exit 2)', async () => {
    const dir = await copyProject(base);
    await edit(dir, 'src/bootstrap.ts', dropLines(/createCategoryRouter/));
    await rm(path.join(dir, 'src/product/main.ts'));

    const fix = await check(dir, ['--fix']);

    expect(fix.exitCode).toBe(2);
    expect(fix.stdout).toContain('update src/bootstrap.ts');
    expect(fix.stdout).toContain('GENERATED_FILE_MISSING product: src/product/main.ts is missing.');
    expect(fix.stdout).not.toContain('DOMAIN_NOT_MOUNTED');
    expect(await readFile(path.join(dir, 'src/bootstrap.ts'), 'utf8')).toBe(await readFile(path.join(base, 'src/bootstrap.ts'), 'utf8'));
  });

  it('changes nothing when nothing is missing', async () => {
    const dir = await copyProject(base);
    const before = await snapshotTree(dir);

    const fix = await check(dir, ['--fix', '--json']);

    expect(JSON.parse(fix.stdout)).toEqual({ ok: true, created: [], modified: [], removed: [], errors: [] });
    expect(await snapshotTree(dir)).toEqual(before);
  });
});
