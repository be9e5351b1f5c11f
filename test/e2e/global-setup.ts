import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import type { TestProject } from 'vitest/node';

import { AUTH_DEPENDENCIES } from '../../src/features/auth/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface InstalledProject extends CliResult {
  dir: string;
  /** False when a local run reused dependencies installed by an earlier run (never on CI). */
  installed: boolean;
}

/**
 * Runs the real `layered init` (with npm install) once per test run: better-sqlite3 compiles
 * from source here (~90 s), so every end-to-end test shares this one installed project.
 * Outside CI the installed node_modules is kept under .cache/ (keyed by the template's
 * package.json) and later runs init with --no-install and link it, so a template edit costs
 * seconds, not minutes. CI always starts clean and installs for real.
 */
export default async function setup(project: TestProject): Promise<void> {
  const root = path.join(repo, '.cache', 'e2e');
  const dir = path.join(root, 'shop');
  const deps = path.join(root, `deps-${await dependenciesHash()}`, 'node_modules');
  await rm(dir, { recursive: true, force: true });
  await mkdir(root, { recursive: true });

  const reuse = !process.env['CI'] && (await exists(deps));
  const result = await runCli(['init', 'shop', ...(reuse ? ['--no-install'] : [])], { cwd: root });
  if (result.exitCode === 0 && !reuse) await installFeatureDependencies(dir);
  if (result.exitCode === 0 && !process.env['CI']) {
    if (!reuse) {
      await mkdir(path.dirname(deps), { recursive: true });
      await rename(path.join(dir, 'node_modules'), deps);
    }
    await symlink(deps, path.join(dir, 'node_modules'), 'dir');
  }
  const installed: InstalledProject = { dir, installed: !reuse, ...result };
  project.provide('installedProject', installed);
}

/** What `layered add jobs` puts in package.json. */
const JOBS_PACKAGE = path.join(repo, 'templates', 'features', 'jobs', 'package.json');

/** What `layered add auth` and `layered add jobs` add to a project's dependencies. */
async function featureDependencies(): Promise<Record<string, string>> {
  const { dependencies = {} } = JSON.parse(await readFile(JOBS_PACKAGE, 'utf8')) as { dependencies?: Record<string, string> };
  return { ...AUTH_DEPENDENCIES, ...dependencies };
}

async function dependenciesHash(): Promise<string> {
  const manifest = await readFile(path.join(repo, 'templates', 'project', 'package.json.hbs'));
  return createHash('sha256').update(manifest).update(JSON.stringify(await featureDependencies())).digest('hex').slice(0, 12);
}

/**
 * The shared node_modules also holds what `layered add auth` and `layered add jobs` add to a
 * project, so end-to-end files can add the features to their fresh projects without installing again.
 */
async function installFeatureDependencies(dir: string): Promise<void> {
  const specs = Object.entries(await featureDependencies()).map(([name, range]) => `${name}@${range}`);
  await execa('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...specs], { cwd: dir });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    installedProject: InstalledProject;
  }
}
