import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliVersion } from '../../src/package-info.js';
import { versionDriftNotice } from '../../src/version-drift.js';
import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

describe('versionDriftNotice', () => {
  it('says nothing when the running CLI is the newest that wrote the project', () => {
    expect(versionDriftNotice('0.2.0', new Set(['0.1.0', '0.2.0']))).toBeUndefined();
  });

  it('says when the running CLI is newer, or older, in one line', () => {
    const newer = versionDriftNotice('0.2.0', new Set(['0.1.0']));
    const older = versionDriftNotice('0.1.0', new Set(['0.1.0', '0.3.0']));

    expect(newer).toContain('layered 0.2.0 is running; this project was last written by layered 0.1.0');
    expect(older).toContain('older than the 0.3.0 that last wrote this project');
    for (const notice of [newer, older]) expect(notice).not.toContain('\n');
  });

  it('orders versions as semver does, and ignores one that is not a version', () => {
    expect(versionDriftNotice('0.10.0', new Set(['0.9.0', '0.10.0']))).toBeUndefined();
    expect(versionDriftNotice('1.0.0-rc.10', new Set(['1.0.0-rc.9', '1.0.0-rc.10']))).toBeUndefined();
    expect(versionDriftNotice('1.0.0-rc.9', new Set(['1.0.0-rc.10']))).toContain('older than the 1.0.0-rc.10');
    expect(versionDriftNotice('0.2.0', new Set(['0.2.0', 'edited-by-hand']))).toBeUndefined();
  });
});

describe('a command in a project written by another version', () => {
  let dir: string;
  const setVersion = async (file: string, version: string) => {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/"cliVersion": "[^"]+"/, `"cliVersion": "${version}"`));
  };

  beforeAll(async () => {
    dir = path.join(await tempDir('drift'), 'shop');
    expect((await runCli(['init', dir, '--no-install', '--no-git'])).exitCode).toBe(0);
    expect((await runCli(['new', 'tag', 'label:string', '--cwd', dir])).exitCode).toBe(0);
  });

  it('says nothing when every manifest records the running version', async () => {
    const result = await runCli(['list', '--cwd', dir]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('prints one line on stderr, keeps --json output one object and the exit code', async () => {
    await setVersion(path.join(dir, '.layered', 'domains', 'tag.json'), '99.0.0');

    const result = await runCli(['list', '--json', '--cwd', dir]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      `note  layered ${cliVersion()} is running, older than the 99.0.0 that last wrote this project (.layered/): update it, or run the project's own with npx layered.`,
    ]);
    expect(JSON.parse(result.stdout)).toEqual({ domains: [expect.objectContaining({ name: 'tag' })] });
  });

  it('tells a newer CLI that the project was written by an older one', async () => {
    await setVersion(path.join(dir, '.layered', 'domains', 'tag.json'), '0.0.1');
    await setVersion(path.join(dir, '.layered', 'project.json'), '0.0.1');

    const result = await runCli(['check', '--cwd', dir]);

    expect(result.stderr).toContain(`note  layered ${cliVersion()} is running; this project was last written by layered 0.0.1`);
  });
});
