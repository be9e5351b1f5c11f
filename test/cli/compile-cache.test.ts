import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** The cache folder's files and their total size. */
async function cacheState(dir: string): Promise<{ names: string[]; bytes: number }> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort();
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(dir, name))).size));
  return { names, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

describe('the compile cache', () => {
  it('holds one set of blobs per installed CLI, whatever directory it runs in', async () => {
    const cache = await tempDir('compile-cache');
    const env = { V8_COMPILE_CACHE_CACHE_DIR: cache };
    const states: Array<{ names: string[]; bytes: number }> = [];
    for (let run = 0; run < 4; run += 1) {
      const result = await runCli(['--help'], { cwd: await tempDir(`compile-cache-cwd${run}`), env });
      expect(result.exitCode).toBe(0);
      states.push(await cacheState(cache));
    }

    const [first, ...later] = states;
    expect(first!.names).toHaveLength(2); // <launcher>@<version>.BLOB and .MAP
    expect(first!.names[0]).toContain('@0.');
    for (const state of later) {
      expect(state.names).toEqual(first!.names);
      // V8 may re-produce a module's cached data a few bytes apart; a blob per directory would double it.
      expect(state.bytes).toBeLessThan(first!.bytes * 1.05);
    }
  });
});
