import { stat } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ExitCode } from '../../src/errors.js';
import { applyChanges } from '../../src/plan/apply.js';
import { Tree } from '../../src/plan/tree.js';
import { fixtureFiles, fixturePlan } from './support/fixture.js';
import { makeProject, readText, removeProjects, snapshot } from './support/project.js';

afterEach(removeProjects);

describe('applyChanges', () => {
  it('writes the whole plan and reports it', async () => {
    const root = await makeProject(fixtureFiles);
    const summary = await applyChanges(root, fixturePlan);

    expect(summary).toEqual({
      created: ['src/product/domain/product.ts', 'src/product/product.module.ts', 'test/product.test.ts'],
      modified: ['scripts/run.sh', 'src/server/container.ts'],
      removed: ['src/legacy/old.ts'],
    });
    const files = (await snapshot(root)).map((line) => line.split(' ')[0]);
    expect(files).toEqual([
      'README.md',
      'package.json',
      'scripts/',
      'scripts/run.sh',
      'src/',
      // src/legacy/ held only the deleted file, so it went with it
      'src/product/',
      'src/product/domain/',
      'src/product/domain/product.ts',
      'src/product/product.module.ts',
      'src/server/',
      'src/server/container.ts',
      'test/',
      'test/product.test.ts',
    ]);
    for (const change of fixturePlan) {
      if (change.kind !== 'delete') expect(await readText(root, change.path)).toBe(change.content);
    }
    expect((await stat(path.join(root, 'scripts/run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('writes what a Tree planned, byte for byte', async () => {
    const root = await makeProject({ 'a.txt': 'a\r\n' });
    const tree = new Tree(root);
    tree.modify('a.txt', '\uFEFFa\r\nb');
    tree.create('deep/er/still/x.txt', 'ü');
    await applyChanges(tree.root, tree.changes());
    expect(await readText(root, 'a.txt')).toBe('\uFEFFa\r\nb');
    expect(await readText(root, 'deep/er/still/x.txt')).toBe('ü');
  });

  it('keeps a folder that still holds other files after a delete', async () => {
    const root = await makeProject({ 'src/a.ts': 'a', 'src/b.ts': 'b' });
    await applyChanges(root, [{ kind: 'delete', path: 'src/a.ts' }]);
    expect(await snapshot(root)).toEqual([expect.stringMatching(/^src\/ /), expect.stringMatching(/^src\/b\.ts /)]);
  });

  it('does nothing for an empty plan', async () => {
    const root = await makeProject({ 'a.txt': 'a' });
    expect(await applyChanges(root, [])).toEqual({ created: [], modified: [], removed: [] });
  });

  describe('refuses a stale plan before writing anything (exit 2)', () => {
    const cases: [string, Record<string, string>, Parameters<typeof applyChanges>[1], RegExp][] = [
      ['a file to create now exists', { 'a.ts': 'a' }, [{ kind: 'create', path: 'a.ts', content: 'b' }], /a\.ts was created since the plan was made/],
      ['a parent to create is a file', { a: 'a' }, [{ kind: 'create', path: 'a/b.ts', content: 'b' }], /a\/b\.ts cannot be created: a is not a directory/],
      ['a file to modify was edited', { 'a.ts': 'edited' }, [{ kind: 'modify', path: 'a.ts', content: 'b', original: 'a' }], /a\.ts was edited since/],
      ['a file to modify is gone', {}, [{ kind: 'modify', path: 'a.ts', content: 'b', original: 'a' }], /a\.ts was removed since/],
      ['a file to delete was edited', { 'a.ts': 'edited' }, [{ kind: 'delete', path: 'a.ts', original: 'a' }], /a\.ts was edited since/],
      ['a file to modify is a directory', { 'a.ts/x': 'x' }, [{ kind: 'modify', path: 'a.ts', content: 'b' }], /not a regular file/],
    ];
    it.each(cases)('%s', async (_, files, changes, message) => {
      const root = await makeProject({ 'keep.txt': 'k', ...files });
      const before = await snapshot(root);
      const plan = [{ kind: 'create' as const, path: 'aaa/first.ts', content: 'first' }, ...changes];
      await expect(applyChanges(root, plan)).rejects.toMatchObject({ code: 'PLAN_STALE', exitCode: ExitCode.Conflict, message });
      expect(await snapshot(root)).toEqual(before);
    });
  });

  it('refuses escaping and duplicate paths as bugs (exit 3)', async () => {
    const root = await makeProject();
    await expect(applyChanges(root, [{ kind: 'create', path: '../x', content: '' }])).rejects.toMatchObject({ code: 'PLAN_PATH_ESCAPES_ROOT', exitCode: 3 });
    await expect(
      applyChanges(root, [
        { kind: 'create', path: 'x', content: '' },
        { kind: 'create', path: './x', content: '' },
      ]),
    ).rejects.toMatchObject({ code: 'PLAN_DUPLICATE_PATH', exitCode: 3 });
    expect(await snapshot(root)).toEqual([]);
  });
});
