import { realpath, symlink } from 'node:fs/promises';
import path from 'node:path';

import { execa } from 'execa';
import { inject } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * A fresh `layered init --no-install` project in a temp dir that borrows the node_modules the
 * global setup installed once, so each end-to-end file gets its own tree without reinstalling.
 * The calling file removes it with `afterAll(removeTempDirs)`.
 */
export async function freshProject(name = 'shop'): Promise<{ dir: string; cli: (args: string[], env?: Record<string, string>) => ReturnType<typeof runCli>; npm: (args: string[], env?: Record<string, string>) => Promise<{ exitCode: number; all: string }> }> {
  const parent = await tempDir('e2e');
  const init = await runCli(['init', name, '--no-install'], { cwd: parent });
  if (init.exitCode !== 0) throw new Error(`init failed: ${init.stderr}`);
  const dir = path.join(parent, name);
  await borrowInstalledDependencies(dir);
  return {
    dir,
    cli: (args, env = {}) => runCli([...args, '--cwd', dir], { env: { LAYERED_NOW: '2026-01-01T00:00:00Z', ...env } }),
    npm: async (args, env = {}) => {
      const result = await execa('npm', args, { cwd: dir, env: { NO_COLOR: '1', ...env }, reject: false, all: true });
      return { exitCode: result.exitCode ?? -1, all: result.all ?? '' };
    },
  };
}

/** Links the node_modules the global setup installed into `dir`, a project made with --no-install. */
export async function borrowInstalledDependencies(dir: string): Promise<void> {
  await symlink(await realpath(path.join(inject('installedProject').dir, 'node_modules')), path.join(dir, 'node_modules'), 'dir');
}
