import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * A fresh `layered-<name>-*` directory under the OS temp folder. The test file removes every
 * one it made with `afterAll(removeTempDirs)` (or `afterEach`), which runs when a test fails too.
 *
 * @example const work = await tempDir('init'); // /tmp/layered-init-Ab12Cd
 */
export async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `layered-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory `tempDir` made in this test file so far. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}
