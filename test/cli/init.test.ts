import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { cliVersion } from '../../src/package-info.js';
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
    const result = await runCli(['init', 'shop', '--db', 'mongodb', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('sqlite, mysql, postgres');
    expect(await readdir(work)).toEqual([]);
  });

  it('writes a MySQL DATABASE_URL named after the project with --db mysql', async () => {
    const result = await runCli(['init', 'my-shop', '--db', 'mysql', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(0);
    const env = await import('node:fs/promises').then((fs) => fs.readFile(path.join(work, 'my-shop', '.env'), 'utf8'));
    expect(env).toContain('DATABASE_URL=mysql://root@127.0.0.1:3306/my_shop');
  });

  it('writes a PostgreSQL DATABASE_URL named after the project with --db postgres', async () => {
    const result = await runCli(['init', 'my-shop', '--db', 'postgres', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(0);
    const env = await import('node:fs/promises').then((fs) => fs.readFile(path.join(work, 'my-shop', '.env'), 'utf8'));
    expect(env).toContain('DATABASE_URL=postgres://postgres@127.0.0.1:5432/my_shop');
  });
});

describe('layered init and git', () => {
  const git = async (cwd: string, ...args: string[]) => (await execa('git', args, { cwd, reject: false })).stdout.trim();

  it('makes a repository with one commit holding the whole project, outside any repository', async () => {
    // CI machines may have no git identity configured; that case has its own test below.
    const identity = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work, env: identity });

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Made a git repository with a first commit.');
    const shop = path.join(work, 'shop');
    expect(await git(shop, 'log', '--format=%s')).toBe(`Initial commit from layered ${cliVersion()}`);
    expect(await git(shop, 'status', '--porcelain')).toBe('');
    expect(await git(shop, 'ls-files')).toContain('.layered/project.json');
  });

  it('--no-git makes no repository', async () => {
    const result = await runCli(['init', 'shop', '--no-install', '--no-git'], { cwd: work });

    expect(result.exitCode).toBe(0);
    expect(await readdir(path.join(work, 'shop'))).not.toContain('.git');
  });

  it('does not nest a repository inside an existing one', async () => {
    await execa('git', ['init', '--quiet'], { cwd: work });

    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work });

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('no second repository made');
    expect(await readdir(path.join(work, 'shop'))).not.toContain('.git');
  });

  it('goes on when git cannot commit (no user.name or email), saying so', async () => {
    const env = {
      HOME: work,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(work, 'no-gitconfig'),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'user.useConfigOnly',
      GIT_CONFIG_VALUE_0: 'true',
    };
    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work, env });

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/git commit failed \(.+\): the repository is there without a first commit/);
    expect(await readdir(path.join(work, 'shop'))).toContain('.git');
    expect(await readdir(path.join(work, 'shop'))).toContain('package.json');
  });

  it('goes on without git on the PATH, saying so', async () => {
    const bin = path.join(work, 'bin');
    await mkdir(bin);
    await symlink(process.execPath, path.join(bin, 'node'));

    const result = await runCli(['init', 'shop', '--no-install'], { cwd: work, env: { PATH: bin } });

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('git not found: skipped git init');
    expect(await readdir(path.join(work, 'shop'))).not.toContain('.git');
  });

  it('lists --no-git in its help, with an example', async () => {
    const result = await runCli(['init', '--help']);

    expect(result.stdout).toContain('--no-git');
    expect(result.stdout).toContain('$ layered init shop --no-git');
  });
});
