import { access, mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliVersion } from '../../src/package-info.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { borrowInstalledDependencies } from './project.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

afterAll(removeTempDirs);

/** A shell command run as a user types it: PATH and npm's global prefix as given, no colour. */
async function sh(command: string, cwd: string, env: Record<string, string>) {
  const result = await execa('/bin/bash', ['-euo', 'pipefail', '-c', command], { cwd, env: { NO_COLOR: '1', ...env }, reject: false, all: true, stdin: 'ignore' });
  return { exitCode: result.exitCode ?? -1, all: result.all ?? '' };
}

/**
 * What users get is the npm tarball, not this checkout: `npm pack` (the build is done by
 * `npm test`), installed globally into a temp prefix and run from directories that have
 * nothing to do with this repository.
 */
describe('the npm package, installed as users install it', () => {
  let work: string;
  let tarball: string;
  let prefix: string;
  /** The environment of a user who ran `npm install -g <tarball>`. */
  let user: Record<string, string>;

  beforeAll(async () => {
    work = await tempDir('package');
    const packed = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repo });
    tarball = path.join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
    prefix = path.join(work, 'prefix');
    user = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env['PATH']}`, npm_config_prefix: prefix };
  });

  it('holds the launcher, the build, the templates and their precompiled form, and nothing of the checkout', async () => {
    const files = (await execa('tar', ['-tzf', tarball])).stdout.split('\n').map((file) => file.replace(/^package\//, ''));

    for (const needed of ['bin/layered.js', 'dist/cli.js', 'dist/precompiled-templates.js', 'templates/project/package.json.hbs', 'templates/domain/migrations/{{migrationName}}.ts.hbs', 'package.json', 'README.md']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => /^(src|test|fixtures|examples|bench|scripts|docs|\.ci)\//.test(file) || file.endsWith('.map'))).toEqual([]);
    // Only `npm publish` stamps a package as installable by version (scripts/release-stamp.mjs).
    expect(files).not.toContain('release.json');
  });

  it('installs globally with no build tools (no compiler, make or python on the PATH)', async () => {
    const bare = path.join(work, 'bare-bin');
    await mkdir(bare);
    await symlink(process.execPath, path.join(bare, 'node'));
    await symlink(await realpath((await execa('bash', ['-c', 'command -v npm'])).stdout.trim()), path.join(bare, 'npm'));

    const result = await sh(`npm install --global --no-audit --no-fund --prefer-offline ${tarball}`, work, { PATH: bare, npm_config_prefix: prefix });

    expect(result.exitCode, result.all).toBe(0);
    expect((await sh('layered --version', work, user)).all.trim()).toBe(cliVersion());
  });

  it('runs init --no-install, new and check from a directory unrelated to this repository', async () => {
    const elsewhere = await tempDir('package-user');

    const init = await sh('layered init shop --no-install', elsewhere, user);
    expect(init.exitCode, init.all).toBe(0);
    const shop = path.join(elsewhere, 'shop');
    // The project's dependencies, as the shared end-to-end project installed them.
    await borrowInstalledDependencies(shop);

    const added = await sh('layered new category name:string:max=80:unique', shop, user);
    expect(added.exitCode, added.all).toBe(0);
    const check = await sh('layered check', shop, user);
    expect(check.exitCode, check.all).toBe(0);
    expect(init.all + added.all + check.all).not.toContain('note  layered');
  });

  it("runs the command for adding a domain from the generated project's README, in the installed project", async () => {
    const elsewhere = await tempDir('package-readme');
    expect((await sh('layered init shop --no-install', elsewhere, user)).exitCode).toBe(0);
    const shop = path.join(elsewhere, 'shop');
    await borrowInstalledDependencies(shop);
    const readme = await readFile(path.join(shop, 'README.md'), 'utf8');
    const block = /## Adding a domain\n+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const command = block.split('\n').find((line) => line.startsWith('npx layered new'));
    expect(command).toBeDefined();

    const result = await sh(command!, shop, user);

    expect(result.exitCode, result.all).toBe(0);
    await access(path.join(shop, 'src', 'product', 'domain', 'product.entity.ts'));
  });

  it('installs as a project devDependency, which npx runs without any global install', async () => {
    const team = await tempDir('package-team');
    await writeFile(path.join(team, 'package.json'), '{ "name": "team", "private": true }\n');
    const local = { PATH: process.env['PATH'] ?? '', npm_config_prefix: path.join(team, 'no-global-prefix') };

    const install = await sh(`npm install --save-dev --no-audit --no-fund --prefer-offline ${tarball}`, team, local);
    expect(install.exitCode, install.all).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(team, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies['layered']).toMatch(/^file:/);

    const version = await sh('npx layered --version', team, local);
    expect(version.all.trim()).toBe(cliVersion());
    const init = await sh('npx layered init api --no-install --no-git', team, local);
    expect(init.exitCode, init.all).toBe(0);
  });
});
