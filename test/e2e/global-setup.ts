import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TestProject } from 'vitest/node';

import { runCli, type CliResult } from '../helpers/run-cli.js';
import { listTemplates } from '../../src/render/template-tree.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs the real `layered init` (with npm install) once per test run: better-sqlite3 compiles
 * from source here (~90 s), so every end-to-end test shares this one installed project. Locally
 * the result is kept under .cache/ and reused while the project templates are unchanged.
 */
export default async function setup(project: TestProject): Promise<void> {
  const key = await templatesHash();
  const root = path.join(repo, '.cache', 'e2e', key);
  const dir = path.join(root, 'shop');
  const resultFile = path.join(root, 'init-result.json');

  let result: CliResult;
  if (await exists(resultFile)) {
    result = JSON.parse(await readFile(resultFile, 'utf8')) as CliResult;
  } else {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    result = await runCli(['init', 'shop'], { cwd: root });
    if (result.exitCode === 0) await writeFile(resultFile, JSON.stringify(result));
  }
  project.provide('installedProject', { dir, ...result });
}

async function templatesHash(): Promise<string> {
  const hash = createHash('sha256');
  const root = path.join(repo, 'templates', 'project');
  for (const file of await listTemplates(root)) {
    hash.update(file).update(await readFile(path.join(root, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    installedProject: CliResult & { dir: string };
  }
}
