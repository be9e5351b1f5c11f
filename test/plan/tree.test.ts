import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { ExitCode, LayeredError } from '../../src/errors.js';
import { conflictError } from '../../src/plan/conflicts.js';
import { normalizeProjectPath } from '../../src/plan/paths.js';
import { Tree } from '../../src/plan/tree.js';
import { makeProject, removeProjects, snapshot } from './support/project.js';

afterEach(removeProjects);

const project = () =>
  makeProject({
    'src/server/container.ts': 'export function registerModules(): void {}\n',
    'src/app.ts': 'app\n',
  });

describe('Tree', () => {
  it('reads through pending changes to the disk', async () => {
    const tree = new Tree(await project());
    expect(tree.read('src/app.ts')).toBe('app\n');
    expect(tree.read('src/missing.ts')).toBeNull();

    tree.create('src/product/product.ts', 'product\n');
    tree.modify('src/app.ts', 'app v2\n');
    tree.delete('src/server/container.ts');

    expect(tree.read('src/product/product.ts')).toBe('product\n');
    expect(tree.read('src/app.ts')).toBe('app v2\n');
    expect(tree.read('src/server/container.ts')).toBeNull();
    expect(tree.exists('src/server/container.ts')).toBe(false);
    expect(tree.exists('src/product/product.ts')).toBe(true);
    expect(tree.exists('src')).toBe(false); // files only; directories are implicit
  });

  it('lists changes sorted by path, keeping the original bytes for modifies and deletes', async () => {
    const tree = new Tree(await project());
    tree.create('z.ts', 'z\n');
    tree.modify('src/app.ts', 'app v2\n');
    tree.create('a/b.ts', 'b\n');
    tree.delete('src/server/container.ts');

    expect(tree.changes()).toEqual([
      { kind: 'create', path: 'a/b.ts', content: 'b\n' },
      { kind: 'modify', path: 'src/app.ts', content: 'app v2\n', original: 'app\n' },
      { kind: 'delete', path: 'src/server/container.ts', original: 'export function registerModules(): void {}\n' },
      { kind: 'create', path: 'z.ts', content: 'z\n' },
    ]);
    expect(tree.conflicts()).toEqual([]);
  });

  it('never touches the disk', async () => {
    const root = await project();
    const before = await snapshot(root);
    const tree = new Tree(root);
    tree.create('src/product/product.ts', 'x');
    tree.modify('src/app.ts', 'y');
    tree.delete('src/server/container.ts');
    expect(await snapshot(root)).toEqual(before);
  });

  it('keeps content exact: CRLF, BOM, no trailing newline, non-ASCII', async () => {
    const root = await makeProject({ 'win.txt': '\uFEFFline\r\nzwei \u00fc\r\n' });
    const tree = new Tree(root);
    expect(tree.read('win.txt')).toBe('\uFEFFline\r\nzwei \u00fc\r\n');
    tree.modify('win.txt', '\uFEFFline\r\nzwei \u00fc\r\nend');
    expect(tree.changes()[0]).toMatchObject({ original: '\uFEFFline\r\nzwei \u00fc\r\n', content: '\uFEFFline\r\nzwei \u00fc\r\nend' });
  });

  it('refuses to read a file that is not UTF-8 rather than corrupt it', async () => {
    const root = await makeProject({ 'latin1.txt': { content: Buffer.from([0x63, 0x61, 0x66, 0xe9]), mode: 0o644 } });
    const tree = new Tree(root);
    expect(() => tree.read('latin1.txt')).toThrow(expect.objectContaining({ code: 'PLAN_NOT_UTF8', file: 'latin1.txt' }));
  });

  describe('create', () => {
    it('records a conflict (not an error) for a file that exists on disk, and keeps the file', async () => {
      const tree = new Tree(await project());
      tree.create('src/app.ts', 'new\n');
      tree.create('src/other.ts', 'other\n');
      expect(tree.conflicts()).toEqual([{ path: 'src/app.ts', reason: 'exists' }]);
      expect(tree.read('src/app.ts')).toBe('app\n');
      expect(tree.changes()).toEqual([{ kind: 'create', path: 'src/other.ts', content: 'other\n' }]);
    });

    it('records a file created twice in one plan', async () => {
      const tree = new Tree(await project());
      tree.create('src/a.ts', '1');
      tree.create('src/a.ts', '2');
      expect(tree.conflicts()).toEqual([{ path: 'src/a.ts', reason: 'planned-twice' }]);
      expect(tree.read('src/a.ts')).toBe('1');
    });

    it('turns into a modify under the overwrite policy (--force)', async () => {
      const tree = new Tree(await project(), { overwrite: 'overwrite' });
      tree.create('src/app.ts', 'new\n');
      expect(tree.conflicts()).toEqual([]);
      expect(tree.changes()).toEqual([{ kind: 'modify', path: 'src/app.ts', content: 'new\n', original: 'app\n' }]);
    });

    it('throws at once under the throw policy, with exit 2', async () => {
      const tree = new Tree(await project(), { overwrite: 'throw' });
      expect(() => tree.create('src/app.ts', 'new\n')).toThrow(
        expect.objectContaining({ code: 'FILE_EXISTS', exitCode: ExitCode.Conflict, file: 'src/app.ts' }),
      );
    });

    it('records paths blocked by a directory or by a file parent, even under overwrite', async () => {
      const tree = new Tree(await project(), { overwrite: 'overwrite' });
      tree.create('src/server', 'x');
      tree.create('src/app.ts/inner.ts', 'x');
      tree.create('new/file.ts', 'x');
      tree.create('new', 'x');
      tree.delete('src/app.ts');
      tree.create('src/app.ts/again.ts', 'x');
      expect(tree.conflicts()).toEqual([
        { path: 'new', reason: 'is-directory' },
        { path: 'src/app.ts/again.ts', reason: 'parent-is-file', blocker: 'src/app.ts' },
        { path: 'src/app.ts/inner.ts', reason: 'parent-is-file', blocker: 'src/app.ts' },
        { path: 'src/server', reason: 'is-directory' },
      ]);
    });

    it('after a delete of the same file is a modify (or nothing, when the content is the same)', async () => {
      const tree = new Tree(await project());
      tree.delete('src/app.ts');
      tree.create('src/app.ts', 'again\n');
      expect(tree.changes()).toEqual([{ kind: 'modify', path: 'src/app.ts', content: 'again\n', original: 'app\n' }]);
      tree.delete('src/app.ts');
      tree.create('src/app.ts', 'app\n');
      expect(tree.changes()).toEqual([]);
    });
  });

  describe('modify', () => {
    it('of a planned file keeps it a create', async () => {
      const tree = new Tree(await project());
      tree.create('src/a.ts', '1');
      tree.modify('src/a.ts', '2');
      expect(tree.changes()).toEqual([{ kind: 'create', path: 'src/a.ts', content: '2' }]);
    });

    it('back to the original content is no change (registration stays idempotent)', async () => {
      const tree = new Tree(await project());
      tree.modify('src/app.ts', 'changed\n');
      tree.modify('src/app.ts', 'app\n');
      expect(tree.changes()).toEqual([]);
    });

    it('of a missing or deleted file is a bug in the caller (exit 3)', async () => {
      const tree = new Tree(await project());
      expect(() => tree.modify('src/missing.ts', 'x')).toThrow(expect.objectContaining({ code: 'PLAN_MODIFY_MISSING', exitCode: ExitCode.Internal }));
      tree.delete('src/app.ts');
      expect(() => tree.modify('src/app.ts', 'x')).toThrow(expect.objectContaining({ code: 'PLAN_MODIFY_MISSING' }));
    });
  });

  describe('delete', () => {
    it('of a planned create forgets it; of a missing file does nothing', async () => {
      const tree = new Tree(await project());
      tree.create('src/a.ts', '1');
      tree.delete('src/a.ts');
      tree.delete('src/never.ts');
      expect(tree.changes()).toEqual([]);
    });

    it('of a modified file keeps the disk original', async () => {
      const tree = new Tree(await project());
      tree.modify('src/app.ts', 'changed\n');
      tree.delete('src/app.ts');
      expect(tree.changes()).toEqual([{ kind: 'delete', path: 'src/app.ts', original: 'app\n' }]);
    });

    it('of a directory is refused', async () => {
      const tree = new Tree(await project());
      expect(() => tree.delete('src/server')).toThrow(expect.objectContaining({ code: 'PLAN_DELETE_DIRECTORY' }));
    });
  });

  describe('paths', () => {
    it.each(['../outside.ts', 'src/../../x', 'a/../b', '/etc/passwd', 'C:/x', 'src\\x.ts', '', '.', 'src/', 'a\0b'])('refuses %j', async (bad) => {
      const tree = new Tree(await project());
      for (const call of [() => tree.create(bad, 'x'), () => tree.read(bad), () => tree.modify(bad, 'x'), () => tree.delete(bad)]) {
        expect(call).toThrow(LayeredError);
        expect(call).toThrow(expect.objectContaining({ code: 'PLAN_PATH_ESCAPES_ROOT', exitCode: ExitCode.Internal }));
      }
    });

    it('normalises harmless spellings', async () => {
      const tree = new Tree(await project());
      tree.create('./src//product/./p.ts', 'p');
      expect(tree.changes()).toEqual([{ kind: 'create', path: 'src/product/p.ts', content: 'p' }]);
      expect(tree.read('src/product/p.ts')).toBe('p');
    });

    it('never yields a path outside the root (property)', () => {
      const segment = fc.constantFrom('a', 'b', '.', '..', '', 'c.ts', '...');
      fc.assert(
        fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), (segments, absolute) => {
          const input = `${absolute ? '/' : ''}${segments.join('/')}`;
          let normalized: string;
          try {
            normalized = normalizeProjectPath(input);
          } catch (error) {
            return error instanceof LayeredError;
          }
          return !normalized.startsWith('/') && !normalized.split('/').includes('..') && normalized !== '.' && normalized.length > 0;
        }),
      );
    });
  });

  it('conflictError names every conflict and suggests --force only when it would help', async () => {
    const error = conflictError([
      { path: 'src/a.ts', reason: 'exists' },
      { path: 'src/b.ts', reason: 'exists' },
    ]);
    expect(error).toMatchObject({ code: 'FILE_EXISTS', exitCode: ExitCode.Conflict, file: 'src/a.ts' });
    expect(error.message).toBe('2 files conflict with the project:\n  src/a.ts already exists\n  src/b.ts already exists');
    expect(error.hint).toContain('--force');
    expect(conflictError([{ path: 'x', reason: 'is-directory' }]).hint).not.toContain('--force');
  });
});
