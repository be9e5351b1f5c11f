import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { copyProject, generatedProject, NOW } from '../check/support.js';

const SERVICE = 'src/{{fileName}}/domain/{{fileName}}.service.ts.hbs';
const DOMAIN = ['product', 'name:string', 'price:decimal'];

let empty: string;
let builtIns: string[];

const cli = (dir: string, args: string[]) => runCli([...args, '--cwd', dir], { env: NOW });

async function writeOverride(dir: string, template: string, content: string): Promise<void> {
  const file = path.join(dir, '.layered/templates', template);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

/** What two snapshots disagree on, as sorted paths. */
function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]).sort();
}

const outsideLayered = (snapshot: Record<string, string>) => Object.fromEntries(Object.entries(snapshot).filter(([key]) => !key.startsWith('.layered')));

afterAll(removeTempDirs);

beforeAll(async () => {
  empty = await generatedProject([]);
  const list = await cli(empty, ['templates', 'list', '--json']);
  builtIns = (JSON.parse(list.stdout) as { templates: Array<{ path: string }> }).templates.map((t) => t.path);
}, 60_000);

describe('layered templates list / eject', { timeout: 30_000 }, () => {
  it('lists every built-in domain template, none overridden', async () => {
    const result = await cli(empty, ['templates', 'list', '--json']);

    const { templates } = JSON.parse(result.stdout) as { templates: Array<{ path: string; overridden: boolean }> };
    expect(templates.map((t) => t.path)).toContain(SERVICE);
    expect(templates.every((t) => !t.overridden)).toBe(true);
  });

  it('ejects one template through the plan, and lists it as overridden', async () => {
    const dir = await copyProject(empty);

    const eject = await cli(dir, ['templates', 'eject', SERVICE, '--json']);
    const list = await cli(dir, ['templates', 'list']);

    expect(eject.exitCode, eject.stderr).toBe(0);
    expect(JSON.parse(eject.stdout)).toEqual({ ok: true, created: [`.layered/templates/${SERVICE}`], modified: [], removed: [], errors: [] });
    expect(await readFile(path.join(dir, '.layered/templates', SERVICE), 'utf8')).toBe(
      await readFile(path.join(import.meta.dirname, '../../templates/domain', SERVICE), 'utf8'),
    );
    expect(list.stdout).toContain(`override ${SERVICE}`);
    expect(list.stdout).toContain('built-in src/{{fileName}}/domain/{{fileName}}.entity.ts.hbs');
  });

  it('refuses to overwrite an existing override (exit 2) unless --force', async () => {
    const dir = await copyProject(empty);
    await writeOverride(dir, SERVICE, '// ours\n');
    const before = await snapshotTree(dir);

    const refused = await cli(dir, ['templates', 'eject', 'src/{{fileName}}/domain']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`.layered/templates/${SERVICE}`);
    expect(await snapshotTree(dir)).toEqual(before);

    const forced = await cli(dir, ['templates', 'eject', 'src/{{fileName}}/domain', '--force']);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(await readFile(path.join(dir, '.layered/templates', SERVICE), 'utf8')).not.toBe('// ours\n');
  });

  it('refuses a path that is not a template with exit 1', async () => {
    const result = await cli(empty, ['templates', 'eject', 'src/nothing.ts']);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('There is no domain template "src/nothing.ts"');
  });
});

describe('layered new with project overrides', { timeout: 30_000 }, () => {
  it('an override changes exactly the file it renders, and the manifest records it', async () => {
    const plain = await copyProject(empty);
    const custom = await copyProject(empty);
    const source = await readFile(path.join(import.meta.dirname, '../../templates/domain', SERVICE), 'utf8');
    await writeOverride(custom, SERVICE, `/** Our house rules apply to every service. */\n${source}`);

    expect((await cli(plain, ['new', ...DOMAIN])).exitCode).toBe(0);
    const created = await cli(custom, ['new', ...DOMAIN]);
    expect(created.exitCode, created.stderr).toBe(0);

    expect(differences(await snapshotTree(plain), await snapshotTree(custom))).toEqual([
      '.layered/base/src/product/domain/product.service.ts',
      '.layered/domains/product.json',
      '.layered/templates',
      '.layered/templates/src',
      '.layered/templates/src/{{fileName}}',
      '.layered/templates/src/{{fileName}}/domain',
      `.layered/templates/${SERVICE}`,
      'src/product/domain/product.service.ts',
    ]);
    expect(await readFile(path.join(custom, 'src/product/domain/product.service.ts'), 'utf8')).toMatch(/^\/\*\* Our house rules/);
    const manifest = JSON.parse(await readFile(path.join(custom, '.layered/domains/product.json'), 'utf8')) as {
      files: Array<{ path: string; origin: { kind: string } }>;
    };
    const origins = Object.fromEntries(manifest.files.map((file) => [file.path, file.origin]));
    expect(origins['src/product/domain/product.service.ts']).toEqual({ kind: 'override', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
    expect(origins['src/product/domain/product.entity.ts']).toEqual({ kind: 'built-in', cliVersion: expect.any(String) as string, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
  });

  it('refuses an override that does not render, naming it and its line, and writes nothing', async () => {
    const dir = await copyProject(empty);
    await writeOverride(dir, SERVICE, 'export class {{className}}Service {}\n\n{{#each fields}}\n');
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['new', ...DOMAIN]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`.layered/templates/${SERVICE} (line 4) failed to render`);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses an override that renders TypeScript that does not parse, with the line, and writes nothing', async () => {
    const dir = await copyProject(empty);
    await writeOverride(dir, SERVICE, 'export class {{className}}Service {\n  oops(: void {}\n}\n');
    const before = await snapshotTree(dir);

    const result = await cli(dir, ['new', ...DOMAIN]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`Override .layered/templates/${SERVICE} renders src/product/domain/product.service.ts, which is not valid TypeScript: line 2:`);
    expect(result.stderr).toContain('2 |   oops(: void {}');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('eject every template, then new, gives byte-identical output to the built-ins', async () => {
    const plain = await copyProject(empty);
    const ejected = await copyProject(empty);
    const eject = await cli(ejected, ['templates', 'eject']);
    expect(eject.exitCode, eject.stderr).toBe(0);
    expect(eject.stdout.trim().split('\n')).toHaveLength(builtIns.length);

    expect((await cli(plain, ['new', ...DOMAIN])).exitCode).toBe(0);
    expect((await cli(ejected, ['new', ...DOMAIN])).exitCode).toBe(0);

    expect(outsideLayered(await snapshotTree(ejected))).toEqual(outsideLayered(await snapshotTree(plain)));
  });
});
