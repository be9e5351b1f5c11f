import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

let work: string;

beforeEach(async () => {
  work = await tempDir('init');
});
afterEach(removeTempDirs);

describe('layered init', () => {
  it('writes the project tree and .layered/project.json without installing', async () => {
    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(0);
    const files = await readdir(path.join(work, 'shop'), { recursive: true });
    expect(files).toContain(path.join('.layered', 'project.json'));
    expect(files).toContain('.gitignore');
    expect(files).toContain(path.join('src', 'server-container.ts'));
    expect(files).not.toContain('node_modules');
    expect(result.stderr).toContain('npm install');
  });

  it('accepts a directory that holds only .git', async () => {
    await mkdir(path.join(work, 'shop', '.git'), { recursive: true });

    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(0);
  });

  it('refuses a non-empty directory with exit 2 and touches nothing', async () => {
    await mkdir(path.join(work, 'shop'));
    await writeFile(path.join(work, 'shop', 'notes.txt'), 'mine');
    const before = await snapshotTree(work);

    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('shop is not empty (it holds notes.txt)');
    expect(result.stderr).toContain('new or empty directory');
    expect(await snapshotTree(work)).toEqual(before);
  });

  it('refuses a path that is a file with exit 2', async () => {
    await writeFile(path.join(work, 'shop'), 'mine');

    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('not a directory');
  });

  it.each([
    ['My Shop', 'layered init my-shop'],
    ['Shop', 'layered init shop'],
    ['_shop', 'starting with a letter or digit'],
  ])('refuses the directory name %j with exit 1 and writes nothing', async (name, hint) => {
    const result = await runCli(['init', name, '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('cannot be a project name');
    expect(result.stderr).toContain(hint);
    expect(await readdir(work)).toEqual([]);
  });

  it('refuses a package manager other than npm with exit 1', async () => {
    const result = await runCli(['init', 'shop', '--package-manager', 'pnpm', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('"pnpm" is not supported');
    expect(await readdir(work)).toEqual([]);
  });

  it('refuses an unknown --db with exit 1 and names the choices', async () => {
    const result = await runCli(['init', 'shop', '--db', 'postgres', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('sqlite, mysql');
    expect(await readdir(work)).toEqual([]);
  });

  it('writes a MySQL DATABASE_URL named after the project with --db mysql', async () => {
    const result = await runCli(['init', 'my-shop', '--db', 'mysql', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(0);
    const env = await import('node:fs/promises').then((fs) => fs.readFile(path.join(work, 'my-shop', '.env'), 'utf8'));
    expect(env).toContain('DATABASE_URL=mysql://root@127.0.0.1:3306/my_shop');
  });
});
