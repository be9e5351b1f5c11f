import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** Every file in the cache folder with its size: what a run added or grew shows up here. */
async function listing(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.sort().map(async (name) => `${name} ${(await stat(path.join(dir, name))).size}`));
}

describe('the compile cache', () => {
  it('holds one set of blobs per installed CLI, whatever directory it runs in', async () => {
    const cache = await tempDir('compile-cache');
    const env = { V8_COMPILE_CACHE_CACHE_DIR: cache };
    const listings: string[][] = [];
    for (let run = 0; run < 4; run += 1) {
      const result = await runCli(['--help'], { cwd: await tempDir(`compile-cache-cwd${run}`), env });
      expect(result.exitCode).toBe(0);
      listings.push(await listing(cache));
    }

    expect(listings[0]).toHaveLength(2); // <install>@<version>.BLOB and .MAP
    expect(listings[0]?.join('\n')).toContain('@0.');
    for (const later of listings.slice(1)) expect(later).toEqual(listings[0]);
  });
});
