import { cp } from 'node:fs/promises';
import path from 'node:path';

import { runCli, type CliResult } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

export const NOW = { LAYERED_NOW: '2026-01-01T00:00:00Z' };

/**
 * A freshly `init --no-install`-ed project with domains added by the built CLI itself, so the
 * fixture never drifts from what `layered new` writes. Build it once, then `copyProject` it.
 * Both live in temp dirs that the calling test file removes with `afterAll(removeTempDirs)`.
 */
export async function generatedProject(domains: string[][]): Promise<string> {
  const parent = await tempDir('check-base');
  const init = await runCli(['init', 'shop', '--no-install'], { cwd: parent });
  if (init.exitCode !== 0) throw new Error(`init failed: ${init.stderr}`);
  const dir = path.join(parent, 'shop');
  for (const args of domains) {
    const result = await runCli(['new', ...args, '--cwd', dir], { env: NOW });
    if (result.exitCode !== 0) throw new Error(`new ${args.join(' ')} failed: ${result.stderr}`);
  }
  return dir;
}

export async function copyProject(base: string): Promise<string> {
  const dir = path.join(await tempDir('check'), 'shop');
  await cp(base, dir, { recursive: true });
  return dir;
}

export interface CheckJson {
  ok: boolean;
  findings: Array<{ code: string; message: string; hint: string; file?: string }>;
}

export function check(dir: string, args: string[] = []): Promise<CliResult> {
  return runCli(['check', ...args, '--cwd', dir]);
}

export async function checkJson(dir: string): Promise<CheckJson & { exitCode: number }> {
  const result = await check(dir, ['--json']);
  return { exitCode: result.exitCode, ...(JSON.parse(result.stdout) as CheckJson) };
}
