import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SERVERS } from '../helpers/servers.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { borrowInstalledDependencies } from './project.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const committed = path.join(repo, 'examples', 'shop');

describe('examples/shop', () => {
  let work: string;

  beforeAll(async () => {
    work = await tempDir('examples');
  });
  afterAll(removeTempDirs);

  it('is exactly what `npm run examples` generates today (no drift from the templates)', async () => {
    const regenerated = path.join(work, 'shop');
    await execa('node', [path.join(repo, 'scripts', 'examples.mjs'), regenerated]);

    // `.env` holds local settings: the project's own .gitignore keeps it out of the commit.
    const ignored = ['node_modules', '.env'];
    expect(await snapshotTree(regenerated, ignored)).toEqual(await snapshotTree(committed, ignored));
  });

  describe('as a project', () => {
    let dir: string;
    const npm = async (args: string[], env: Record<string, string> = {}) => {
      const result = await execa('npm', args, { cwd: dir, env: { NO_COLOR: '1', ...env }, reject: false, all: true });
      return { exitCode: result.exitCode, all: result.all ?? '' };
    };

    beforeAll(async () => {
      dir = path.join(work, 'copy');
      await cp(committed, dir, { recursive: true });
      await borrowInstalledDependencies(dir);
    });

    it('type-checks', async () => {
      const result = await npm(['run', 'typecheck']);
      expect(result.exitCode, result.all).toBe(0);
    });

    it('passes its tests on SQLite', async () => {
      const result = await npm(['test']);
      expect(result.exitCode, result.all).toBe(0);
    });

    it.each(SERVERS)('passes its tests on %s', async (_name, createScratchDatabase) => {
      const database = await createScratchDatabase('layered_e2e_examples');
      try {
        const result = await npm(['test'], { TEST_DATABASE_URL: database.url });
        expect(result.exitCode, result.all).toBe(0);
      } finally {
        await database.drop();
      }
    });
  });
});
