import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

let dir: string;
const env = { LAYERED_NOW: '2026-01-01T00:00:00Z' };
const cli = (args: string[]) => runCli([...args, '--cwd', dir], { env });

beforeEach(async () => {
  dir = path.join(await tempDir('add'), 'shop');
  expect((await runCli(['init', dir, '--no-install'])).exitCode).toBe(0);
});
afterEach(removeTempDirs);

/** Runs `args`, expecting a refusal with `exitCode` whose message holds `text`, and no byte changed. */
async function expectRefusal(args: string[], exitCode: number, text: string): Promise<void> {
  const before = await snapshotTree(dir);
  const result = await cli(args);
  expect(result.exitCode, result.stderr).toBe(exitCode);
  expect(result.stderr).toContain(text);
  expect(await snapshotTree(dir)).toEqual(before);
}

describe('layered add', () => {
  it('refuses a feature it does not know, naming the ones it has', async () => {
    await expectRefusal(['add', 'cron'], 1, 'Features: jobs');
  });

  it('jobs --dry-run lists the files and the host edits, and writes nothing', async () => {
    const before = await snapshotTree(dir);
    const result = await cli(['add', 'jobs', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('CREATE migrations/20260101000000_create_outbox.ts');
    expect(result.stdout).toContain('CREATE src/worker.ts');
    expect(result.stdout).toContain("+import { registerJobs } from './_core/jobs/jobs.module.js';");
    expect(result.stdout).toContain('+  registerJobs(container);');
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('jobs --json prints one object; a second run refuses with exit 2', async () => {
    const result = await cli(['add', 'jobs', '--json']);
    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout) as { ok: boolean; modified: string[] };
    expect(output.ok).toBe(true);
    expect(output.modified).toEqual(['.layered/project.json', 'package.json', 'src/server-container.ts']);

    await expectRefusal(['add', 'jobs'], 2, 'has jobs already');
  });

  it('refuses a server container in another shape, showing the lines to add by hand', async () => {
    const file = path.join(dir, 'src/server-container.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace('const container = createCoreContainer(settings);', 'const c = createCoreContainer(settings);\n  const container = c;'));
    await expectRefusal(['add', 'jobs'], 2, "import { registerJobs } from './_core/jobs/jobs.module.js';");
  });

  it('refuses when package.json already has a script it needs', async () => {
    const file = path.join(dir, 'package.json');
    const pkg = JSON.parse(await readFile(file, 'utf8')) as { scripts: Record<string, string> };
    pkg.scripts['worker'] = 'node my-worker.js';
    await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
    await expectRefusal(['add', 'jobs'], 2, 'already has the script worker');
  });

  it('refuses when a domain already has a consumer file of its own', async () => {
    expect((await cli(['new', 'tag', 'label:string'])).exitCode).toBe(0);
    await writeFile(path.join(dir, 'src/tag/interface/tag.consumer.ts'), '// mine\n');
    await expectRefusal(['add', 'jobs'], 2, 'src/tag/interface/tag.consumer.ts');
  });
});
