import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { migrationName, now } from '../../src/generate/migration-name.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

let root: string;

beforeEach(async () => {
  root = await tempDir('migrations');
  await mkdir(path.join(root, 'migrations'));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await removeTempDirs();
});

describe('migrationName', () => {
  it('stamps the name with the fixed clock', async () => {
    vi.stubEnv('LAYERED_NOW', '2026-01-02T03:04:05Z');

    expect(await migrationName(root, 'migrations', 'order_item')).toBe('20260102030405_create_order_item');
  });

  it('lands one second after the newest existing migration when the clock is behind it', async () => {
    vi.stubEnv('LAYERED_NOW', '2026-01-02T03:04:05Z');
    await writeFile(path.join(root, 'migrations', '20260102030405_create_category.ts'), '');
    await writeFile(path.join(root, 'migrations', '20251231235959_create_customer.ts'), '');

    expect(await migrationName(root, 'migrations', 'product')).toBe('20260102030406_create_product');
  });

  it('crosses a minute, day and year boundary correctly', async () => {
    vi.stubEnv('LAYERED_NOW', '2020-01-01T00:00:00Z');
    await writeFile(path.join(root, 'migrations', '20261231235959_create_category.ts'), '');

    expect(await migrationName(root, 'migrations', 'product', 'drop')).toBe('20270101000000_drop_product');
  });

  it('ignores files that carry no stamp and a missing directory', async () => {
    vi.stubEnv('LAYERED_NOW', '2026-01-02T03:04:05Z');
    await writeFile(path.join(root, 'migrations', '.gitkeep'), '');

    expect(await migrationName(root, 'migrations', 'tag')).toBe('20260102030405_create_tag');
    expect(await migrationName(root, 'no-such-dir', 'tag')).toBe('20260102030405_create_tag');
  });

  it('refuses a LAYERED_NOW that is not a date, naming the fix', () => {
    vi.stubEnv('LAYERED_NOW', 'yesterday');

    expect(() => now()).toThrowError(/LAYERED_NOW="yesterday" is not a date/);
  });
});
