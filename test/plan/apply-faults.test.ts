import { afterAll, describe, expect, it } from 'vitest';

import { ExitCode, LayeredError } from '../../src/errors.js';
import { ApplyError, applyChanges } from '../../src/plan/apply.js';
import type { ApplyFsOperation } from '../../src/plan/fs.js';
import { fixtureFiles, fixturePlan } from './support/fixture.js';
import { faultyFs, operations } from './support/faulty-fs.js';
import { makeProject, makeScratch, removeProjects, snapshot } from './support/project.js';

const codes = ['ENOSPC', 'EACCES', 'EIO'] as const;

// Measured on a real, successful apply of the fixture plan: the matrix fails each of these calls.
async function measureSuccessfulRun(): Promise<{ calls: Record<ApplyFsOperation, number>; after: string[] }> {
  const root = await makeProject(fixtureFiles);
  const counting = faultyFs([]);
  await applyChanges(root, fixturePlan, { fs: counting.fs });
  return { calls: { ...counting.calls }, after: await snapshot(root) };
}
const { calls: callsOnSuccess, after: expectedAfterSuccess } = await measureSuccessfulRun();
afterAll(removeProjects);

const cases = operations.flatMap((op) =>
  codes.flatMap((code) => Array.from({ length: callsOnSuccess[op] }, (_, index) => ({ op, code, nth: index + 1 }))),
);

describe('a failure at any call of any operation leaves the project byte-identical', () => {
  it('covers every operation apply uses (93 fault cases)', () => {
    expect(cases).toHaveLength(93);
    expect(callsOnSuccess).toEqual({ lstat: 10, readFile: 3, writeFile: 5, chmod: 2, rename: 6, mkdir: 3, rmdir: 1, unlink: 1 });
  });

  it.each(cases)('$op call $nth fails with $code', async ({ op, code, nth }) => {
    const root = await makeProject(fixtureFiles);
    const rescueDir = await makeScratch();
    const before = await snapshot(root);
    const faulty = faultyFs([{ op, nth, code }]);

    const error = await applyChanges(root, fixturePlan, { fs: faulty.fs, rescueDir }).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(faulty.fired).toHaveLength(1);
    expect(error).toBeInstanceOf(ApplyError);
    const applyError = error as ApplyError;
    expect(applyError.leftovers).toEqual([]);
    expect(applyError.code).toBe('APPLY_FAILED');
    expect(applyError.exitCode).toBe(ExitCode.ExternalStep);
    expect(applyError.message).toMatch(new RegExp(`^Could not [a-z ]+ ${applyError.file} \\(${code}: injected failure\\); `));
    expect(applyError.message).toMatch(/(the project was restored|nothing was changed)\.$/);
    expect([...fixturePlan.map((change) => change.path), 'src', 'src/product', 'src/product/domain', 'test', 'src/legacy']).toContain(applyError.file);
    expect(await snapshot(root)).toEqual(before);
    expect(await snapshot(rescueDir)).toEqual([]);
  });

  it('still applies cleanly after a failed attempt', async () => {
    const root = await makeProject(fixtureFiles);
    await expect(applyChanges(root, fixturePlan, { fs: faultyFs([{ op: 'rename', nth: 4, code: 'EIO' }]).fs })).rejects.toBeInstanceOf(LayeredError);
    await applyChanges(root, fixturePlan);
    expect(await snapshot(root)).toEqual(expectedAfterSuccess);
  });
});
