import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { cliVersion } from '../../src/package-info.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

afterAll(removeTempDirs);

/** The fenced `sh` blocks of a README section, in order. */
function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe("README's set-up block", () => {
  it('comes first: set up, then the main job, then the tests', async () => {
    const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
    const blocks = shellBlocks(readme, 'Set up, run, test');

    expect(readme.indexOf('```')).toBe(readme.indexOf('```sh\nnpm ci'));
    expect(blocks).toEqual([expect.stringContaining('npm link'), expect.stringContaining('layered init'), 'npm test\n']);
  });

  // A clone of the committed tree (what a new user gets), the block run as written, and npm's
  // global prefix pointed at a temp folder so that `npm link` does not touch this machine's.
  it('works verbatim in a fresh clone and ends with `layered` on the PATH', async () => {
    const work = await tempDir('readme');
    const clone = path.join(work, 'clone');
    await execa('git', ['clone', '--quiet', repo, clone]);
    const setUp = shellBlocks(await readFile(path.join(clone, 'README.md'), 'utf8'), 'Set up, run, test')[0]!;
    const prefix = path.join(work, 'prefix');
    const env = { NO_COLOR: '1', npm_config_prefix: prefix, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env['PATH']}` };

    const result = await execa('/bin/bash', ['-euo', 'pipefail', '-c', setUp], { cwd: clone, env, reject: false, all: true, stdin: 'ignore' });
    expect(result.exitCode, result.all).toBe(0);

    const elsewhere = await tempDir('readme-user');
    const version = await execa('layered', ['--version'], { cwd: elsewhere, env });
    expect(version.stdout.trim()).toBe(cliVersion());
    const init = await execa('layered', ['init', 'shop', '--no-install', '--no-git'], { cwd: elsewhere, env, reject: false, all: true });
    expect(init.exitCode, init.all).toBe(0);
  });
});
