import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Caches that tools keep in the temp folder on purpose, across runs. */
const TOOL_CACHES = /^(tsx-\d+|v8-compile-cache(-\d+)?|node-compile-cache)$/;

/**
 * Global setup of every vitest project: the run gets a temp folder of its own (TMPDIR, which
 * the workers, the CLI and the generated projects' own tests inherit), and the teardown fails
 * the run when a test left anything in it. A private folder, not a before/after listing of
 * /tmp, so that other suites running on the machine at the same time cannot blame this one.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // Both projects list this setup; the first one to run owns the folder.
  if (process.env['LAYERED_TEST_TMPDIR']) return undefined;
  const outer = tmpdir();
  const dir = await mkdtemp(path.join(outer, 'layered-test-run-'));
  const saved = { TMPDIR: process.env['TMPDIR'], V8_COMPILE_CACHE_CACHE_DIR: process.env['V8_COMPILE_CACHE_CACHE_DIR'] };
  process.env['LAYERED_TEST_TMPDIR'] = dir;
  process.env['TMPDIR'] = dir;
  // The CLI's compile cache stays where it lives between runs (v8-compile-cache's default),
  // so the suite does not start every run cold.
  process.env['V8_COMPILE_CACHE_CACHE_DIR'] ??= path.join(outer, `v8-compile-cache-${process.getuid?.() ?? ''}`, process.arch, process.versions.v8);

  return async () => {
    const left = (await readdir(dir)).filter((entry) => !TOOL_CACHES.test(entry));
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    delete process.env['LAYERED_TEST_TMPDIR'];
    if (left.length > 0) {
      // vitest reports an error thrown here but still exits 0, so the code is set as well.
      process.exitCode = 1;
      throw new Error(
        `The tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temp folder: ${left.sort().join(', ')}.\n` +
          'A test that makes a temp directory removes it, also when it fails (test/helpers/temp-dir.ts).',
      );
    }
  };
}
