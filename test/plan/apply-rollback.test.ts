import { rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ExitCode } from '../../src/errors.js';
import { ApplyError, applyChanges, type Leftover } from '../../src/plan/apply.js';
import { describeLeftover } from '../../src/plan/leftover.js';
import { fixtureFiles, fixturePlan } from './support/fixture.js';
import { faultyFs, type Fault } from './support/faulty-fs.js';
import { makeProject, makeScratch, removeProjects, snapshot } from './support/project.js';

afterEach(removeProjects);

async function failingApply(faults: Fault[]) {
  const root = await makeProject(fixtureFiles);
  const rescueDir = await makeScratch();
  const before = await snapshot(root);
  const error = await applyChanges(root, fixturePlan, { fs: faultyFs(faults).fs, rescueDir }).then(
    () => expect.fail('apply should have failed'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApplyError);
  return { root, rescueDir, before, error: error as ApplyError };
}

/** Does what each leftover line tells the user to do, in order. */
async function finishByHand(root: string, leftovers: readonly Leftover[]): Promise<void> {
  for (const leftover of leftovers) {
    const target = path.join(root, leftover.path);
    if (leftover.kind === 'remove-file') await rm(target, { force: true });
    else if (leftover.kind === 'remove-dir') await rmdir(target);
    else if (leftover.kind === 'restore-file') await rename(leftover.from, target);
    else throw new Error(`cannot finish ${leftover.kind} by hand`);
  }
}

const kinds = (leftovers: readonly Leftover[]) => leftovers.map((l) => `${l.kind} ${l.path.replace(/\.layered-[0-9a-f]+-\d+\./, '.layered-*.')}`);

describe('when the rollback fails too', () => {
  it('saves originals it cannot put back, says where, and the steps it gives restore the project', async () => {
    // The 5th rename (moving test/product.test.ts into place) fails, and so does every later
    // rename: the two modified files cannot be renamed back.
    const { root, rescueDir, before, error } = await failingApply([{ op: 'rename', nth: 5, code: 'EIO', persist: true }]);

    expect(error.code).toBe('APPLY_ROLLBACK_FAILED');
    expect(error.exitCode).toBe(ExitCode.ExternalStep);
    expect(error.file).toBe('test/product.test.ts');
    expect(kinds(error.leftovers)).toEqual(['restore-file src/server/container.ts', 'restore-file scripts/run.sh']);
    for (const leftover of error.leftovers) expect(leftover).toMatchObject({ from: expect.stringContaining(rescueDir) });
    expect(error.message).toContain('Could not move into place test/product.test.ts (EIO: injected failure), and restoring the project failed too.');
    expect(error.message).toContain(`mv '${path.join(rescueDir, 'src/server/container.ts')}' 'src/server/container.ts'`);
    expect(error.hint).toContain(root);

    await finishByHand(root, error.leftovers);
    expect(await snapshot(root)).toEqual(before);
  });

  it('lists every kind of leftover in an order that works when nothing can be undone', async () => {
    // Deleting the backup fails (commit), then no rename or unlink works: nothing comes back.
    const { root, before, error } = await failingApply([
      { op: 'unlink', nth: 1, code: 'EACCES', persist: true },
      { op: 'rename', nth: 7, code: 'EACCES', persist: true },
    ]);

    expect(error.file).toBe('src/legacy/old.ts');
    expect(error.leftovers[0]).toMatchObject({ kind: 'restore-file', from: expect.stringMatching(/src\/legacy\/\.old\.ts\.layered-[0-9a-f]+-\d+\.bak$/) });
    expect(kinds(error.leftovers)).toEqual([
      'restore-file src/legacy/old.ts',
      'remove-file test/product.test.ts',
      'remove-file src/server/.container.ts.layered-*.tmp',
      'restore-file src/server/container.ts',
      'remove-file src/product/product.module.ts',
      'remove-file src/product/domain/product.ts',
      'remove-file scripts/.run.sh.layered-*.tmp',
      'restore-file scripts/run.sh',
      'remove-dir src/product/domain',
      'remove-dir src/product',
      'remove-dir test',
    ]);
    for (const leftover of error.leftovers) expect(error.message).toContain(describeLeftover(leftover));

    await finishByHand(root, error.leftovers);
    expect(await snapshot(root)).toEqual(before);
  });

  it('hands back the original bytes when they cannot be saved anywhere', async () => {
    // Renames fail from the 5th on, writes from the 6th on: no restore, no rescue copy.
    const { error } = await failingApply([
      { op: 'rename', nth: 5, code: 'EIO', persist: true },
      { op: 'writeFile', nth: 6, code: 'ENOSPC', persist: true },
    ]);
    expect(error.leftovers.map((l) => [l.kind, l.path])).toEqual([
      ['lost', 'src/server/container.ts'],
      ['lost', 'scripts/run.sh'],
    ]);
    const lost = error.leftovers[0];
    expect(lost?.kind === 'lost' && Buffer.from(lost.original).toString()).toBe(fixturePlan[4]?.kind === 'modify' && fixturePlan[4].original);
    expect(error.message).toContain('src/server/container.ts: not restored, and its original could not be saved anywhere');
    expect(error.message).toContain('saving a copy failed: ENOSPC');
  });
});
