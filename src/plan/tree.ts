import { readFileSync, statSync } from 'node:fs';

import { ExitCode, LayeredError } from '../errors.js';
import { byPath, type Change } from './change.js';
import { conflictError, type Conflict } from './conflicts.js';
import { describeCause, exitCodeFor } from './errno.js';
import { normalizeProjectPath, parentDirs, resolveInRoot } from './paths.js';

/**
 * What `create` does when the file is already there (on disk, or created earlier in the plan):
 * - `conflict` (default): record a conflict and keep planning, so `--dry-run` and the error
 *   list every conflict at once instead of stopping at the first;
 * - `overwrite` (`--force`): the create becomes a modify of the existing file;
 * - `throw`: throw the conflict error at once.
 */
export type OverwritePolicy = 'conflict' | 'overwrite' | 'throw';

export interface TreeOptions {
  overwrite?: OverwritePolicy;
}

type DiskEntry = { type: 'file'; content: string } | { type: 'directory' } | { type: 'missing' };
type Pending = { kind: 'create'; content: string } | { kind: 'modify'; content: string; original: string } | { kind: 'delete'; original: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A virtual tree over a project root, after Nx's `Tree`: every generator step reads and writes
 * here, nothing touches the disk until `applyChanges(tree.root, tree.changes())`.
 * Reads see pending changes first, then the disk. Paths are project-relative POSIX; content is
 * UTF-8 text kept byte-exact (no newline or BOM changes).
 *
 * @example
 * const tree = new Tree('/work/shop');
 * tree.create('src/product/product.ts', 'export type Product = { id: string };\n');
 * tree.modify('src/server/container.ts', addRegistration(tree.read('src/server/container.ts')!));
 * if (tree.conflicts().length > 0) throw conflictError(tree.conflicts());
 * await applyChanges(tree.root, tree.changes());
 */
export class Tree {
  readonly root: string;
  readonly #overwrite: OverwritePolicy;
  readonly #pending = new Map<string, Pending>();
  readonly #conflicts = new Map<string, Conflict>();
  // The disk is read once per path, so `original` is what the plan was computed against.
  readonly #disk = new Map<string, DiskEntry>();

  constructor(root: string, options: TreeOptions = {}) {
    this.root = root;
    this.#overwrite = options.overwrite ?? 'conflict';
  }

  /** The file's content after pending changes, or null when there is no such file. */
  read(path: string): string | null {
    const p = normalizeProjectPath(path);
    const pending = this.#pending.get(p);
    if (pending) return pending.kind === 'delete' ? null : pending.content;
    const disk = this.#readDisk(p);
    return disk.type === 'file' ? disk.content : null;
  }

  /** Whether a file (not a directory) is at `path` after pending changes. */
  exists(path: string): boolean {
    return this.read(path) !== null;
  }

  /**
   * Plans a new file. When something is already at `path`, the overwrite policy decides:
   * by default a conflict is recorded (see `conflicts()`) and the file is left as it is.
   */
  create(path: string, content: string): void {
    const p = normalizeProjectPath(path);
    const conflict = this.#createConflict(p);
    if (conflict) {
      const forceable = conflict.reason === 'exists' || conflict.reason === 'planned-twice';
      if (this.#overwrite === 'throw') throw conflictError([conflict]);
      if (this.#overwrite === 'conflict' || !forceable) {
        this.#conflicts.set(p, conflict);
        return;
      }
    }
    this.#write(p, content);
  }

  /** Plans new content for an existing file; throws (a planner bug, exit 3) if there is none. */
  modify(path: string, content: string): void {
    const p = normalizeProjectPath(path);
    if (!this.exists(p)) {
      throw new LayeredError('PLAN_MODIFY_MISSING', `Cannot modify ${p}: there is no such file.`, {
        hint: 'Check tree.exists() before modifying a file the project may not have.',
        exitCode: ExitCode.Internal,
        file: p,
      });
    }
    this.#write(p, content);
  }

  /** Plans the removal of a file; deleting a file that is not there does nothing. */
  delete(path: string): void {
    const p = normalizeProjectPath(path);
    const disk = this.#readDisk(p);
    if (disk.type === 'directory') {
      throw new LayeredError('PLAN_DELETE_DIRECTORY', `Cannot delete ${p}: it is a directory.`, {
        hint: 'Delete the files inside it; apply removes directories they leave empty.',
        exitCode: ExitCode.Internal,
        file: p,
      });
    }
    if (disk.type === 'file') this.#pending.set(p, { kind: 'delete', original: disk.content });
    else this.#pending.delete(p);
  }

  /** Every pending change, sorted by path. A modify back to the original content is not listed. */
  changes(): Change[] {
    return [...this.#pending].map(([path, pending]) => ({ path, ...pending })).sort(byPath);
  }

  /** Every create that could not be planned, sorted by path. */
  conflicts(): Conflict[] {
    return [...this.#conflicts.values()].sort(byPath);
  }

  // Creates and modifies meet here: the change kind follows from the disk, not from the call,
  // so delete-then-create is a modify, and writing back the original bytes is no change at all.
  #write(p: string, content: string): void {
    const disk = this.#readDisk(p);
    if (disk.type !== 'file') this.#pending.set(p, { kind: 'create', content });
    else if (disk.content === content) this.#pending.delete(p);
    else this.#pending.set(p, { kind: 'modify', content, original: disk.content });
  }

  #createConflict(p: string): Conflict | undefined {
    if (this.exists(p)) return { path: p, reason: this.#readDisk(p).type === 'file' ? 'exists' : 'planned-twice' };
    const plannedInside = [...this.#pending].some(([other, pending]) => pending.kind !== 'delete' && other.startsWith(`${p}/`));
    if (this.#readDisk(p).type === 'directory' || plannedInside) return { path: p, reason: 'is-directory' };
    // A parent file planned for deletion still blocks: apply does not turn a file into a folder.
    const blocker = parentDirs(p).find((dir) => this.exists(dir) || this.#readDisk(dir).type === 'file');
    return blocker === undefined ? undefined : { path: p, reason: 'parent-is-file', blocker };
  }

  #readDisk(p: string): DiskEntry {
    let entry = this.#disk.get(p);
    if (!entry) {
      entry = this.#statDisk(p);
      this.#disk.set(p, entry);
    }
    return entry;
  }

  #statDisk(p: string): DiskEntry {
    const absolute = resolveInRoot(this.root, p);
    try {
      const stats = statSync(absolute, { throwIfNoEntry: false });
      if (!stats) return { type: 'missing' };
      if (stats.isDirectory()) return { type: 'directory' };
      return { type: 'file', content: utf8.decode(readFileSync(absolute)) };
    } catch (error) {
      // A parent that is a file (ENOTDIR) means this path cannot exist either.
      if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') return { type: 'missing' };
      if (error instanceof TypeError) {
        throw new LayeredError('PLAN_NOT_UTF8', `${p} is not UTF-8 text, so layered cannot edit it safely.`, {
          hint: 'Convert the file to UTF-8 and re-run.',
          exitCode: ExitCode.Conflict,
          file: p,
        });
      }
      throw new LayeredError('PLAN_READ_FAILED', `Could not read ${p} (${describeCause(error)}).`, {
        exitCode: exitCodeFor(error),
        file: p,
        cause: error,
      });
    }
  }
}
