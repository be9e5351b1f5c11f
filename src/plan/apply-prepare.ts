import { ExitCode, LayeredError } from '../errors.js';
import { StepFailed } from './apply-error.js';
import type { Change } from './change.js';
import { errnoCode } from './errno.js';
import type { ApplyFs } from './fs.js';
import { normalizeProjectPath, parentDirs, resolveInRoot } from './paths.js';

/** A file's bytes and mode before apply touched it; kept in memory (see apply.ts for why). */
export interface Backup {
  bytes: Buffer;
  mode: number;
}

export interface PlannedWrite {
  path: string;
  kind: 'create' | 'modify';
  bytes: Buffer;
  backup?: Backup;
}

export interface PlannedDelete {
  path: string;
  backup: Backup;
}

/** Everything apply will do, worked out before the first byte is written. */
export interface Prepared {
  writes: PlannedWrite[];
  deletes: PlannedDelete[];
  /** Directories to create, outermost first. */
  newDirs: string[];
  /** Directories that deletes may leave empty, deepest first, with their modes. */
  prunable: { path: string; mode: number }[];
}

/**
 * Reads the project without changing it: backs up every file to modify or delete, checks that
 * the plan still matches the disk (nothing created meanwhile, nothing edited since planning),
 * and finds the directories to create. Throws LayeredError; nothing needs undoing here.
 */
export async function prepare(root: string, changes: readonly Change[], fs: ApplyFs, checkpoint: () => void): Promise<Prepared> {
  const prepared: Prepared = { writes: [], deletes: [], newDirs: [], prunable: [] };
  const seen = new Set<string>();
  const dirs = new Map<string, 'exists' | 'new'>();
  const lstat = async (path: string) => {
    try {
      return await fs.lstat(resolveInRoot(root, path));
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return undefined;
      throw new StepFailed(path, 'inspect', error);
    } finally {
      checkpoint();
    }
  };

  for (const change of changes) {
    const path = normalizeProjectPath(change.path);
    if (seen.has(path)) {
      throw new LayeredError('PLAN_DUPLICATE_PATH', `The plan changes ${path} twice.`, { exitCode: ExitCode.Internal, file: path });
    }
    seen.add(path);

    if (change.kind === 'create') {
      if (await lstat(path)) throw stale(path, 'was created since the plan was made');
      for (const dir of parentDirs(path)) {
        if (dirs.has(dir)) continue;
        const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : undefined;
        if (parent !== undefined && dirs.get(parent) === 'new') {
          dirs.set(dir, 'new');
          continue;
        }
        const stats = await lstat(dir);
        if (stats && !stats.isDirectory()) throw stale(path, `cannot be created: ${dir} is not a directory`);
        dirs.set(dir, stats ? 'exists' : 'new');
      }
      prepared.writes.push({ path, kind: 'create', bytes: Buffer.from(change.content, 'utf8') });
      continue;
    }

    const stats = await lstat(path);
    if (!stats) throw stale(path, 'was removed since the plan was made');
    if (!stats.isFile()) throw stale(path, 'is not a regular file (a symlink or directory)');
    const bytes = await fs.readFile(resolveInRoot(root, path)).catch((error: unknown) => {
      throw new StepFailed(path, 'read', error);
    });
    checkpoint();
    if (change.original !== undefined && !bytes.equals(Buffer.from(change.original, 'utf8'))) {
      throw stale(path, 'was edited since the plan was made');
    }
    const backup = { bytes, mode: stats.mode & 0o7777 };
    if (change.kind === 'modify') prepared.writes.push({ path, kind: 'modify', bytes: Buffer.from(change.content, 'utf8'), backup });
    else prepared.deletes.push({ path, backup });
  }

  prepared.newDirs = [...dirs].filter(([, state]) => state === 'new').map(([dir]) => dir).sort(byDepthThenName);
  prepared.prunable = await prunableDirs(prepared, lstat);
  return prepared;
}

// A directory keeps its place when the plan writes anything inside it; the others are tried
// (rmdir refuses non-empty ones, which is how files apply does not know about are kept).
async function prunableDirs(
  prepared: Prepared,
  lstat: (path: string) => Promise<{ mode: number } | undefined>,
): Promise<{ path: string; mode: number }[]> {
  const kept = new Set(prepared.writes.flatMap((write) => parentDirs(write.path)));
  const candidates = new Set(prepared.deletes.flatMap((del) => parentDirs(del.path)).filter((dir) => !kept.has(dir)));
  const result: { path: string; mode: number }[] = [];
  for (const dir of [...candidates].sort(byDepthThenName).reverse()) {
    const stats = await lstat(dir);
    if (stats) result.push({ path: dir, mode: stats.mode & 0o7777 });
  }
  return result;
}

function byDepthThenName(a: string, b: string): number {
  const depth = a.split('/').length - b.split('/').length;
  return depth !== 0 ? depth : a < b ? -1 : a > b ? 1 : 0;
}

function stale(path: string, why: string): LayeredError {
  return new LayeredError('PLAN_STALE', `${path} ${why}. Nothing was changed.`, {
    hint: 'Re-run the command so it plans against the files as they are now.',
    exitCode: ExitCode.Conflict,
    file: path,
  });
}
