import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { failedBeforeWriting, failedWhileWriting, Interrupted } from './apply-error.js';
import { prepare, type Prepared } from './apply-prepare.js';
import { executePlan } from './apply-steps.js';
import type { Change } from './change.js';
import { nodeFs, type ApplyFs } from './fs.js';
import { Journal } from './journal.js';
import { deferSignals } from './signals.js';

export { ApplyError } from './apply-error.js';
export type { Leftover } from './leftover.js';

export interface ApplyOptions {
  /** The file system seam; `node:fs/promises` unless a test injects failures. */
  fs?: ApplyFs;
  /** Where originals are copied when a rollback cannot put them back (default: a new folder under the OS temp dir). */
  rescueDir?: string;
}

/** Project-relative paths, sorted, as `--json` reports them. */
export interface ApplySummary {
  created: string[];
  modified: string[];
  removed: string[];
}

/**
 * Writes a plan all-or-nothing. Each file is written to a temp file beside it and renamed into
 * place; deletes are renamed aside and unlinked last. If any step fails, or SIGINT/SIGTERM
 * arrives (deferred while this runs), everything done so far is undone and an `ApplyError`
 * says so: exit 4 for a file system refusal (ENOSPC, EACCES, EIO...), 130 for a signal, 3 for
 * a bug. Should the undo itself fail, the error's `leftovers` (and message) list each path
 * still wrong and the command that fixes it.
 *
 * Before writing, it checks the plan against the disk: a file to create that now exists, or a
 * file to modify/delete whose bytes are not `original`, stops it with exit 2 (PLAN_STALE).
 *
 * Originals are backed up in memory, not under `.layered/tmp/`: generated and registered files
 * are small; a backup that needs no write cannot fail with the very ENOSPC/EACCES/EIO that
 * triggered the rollback; and a failed run leaves no backup folder in the project. The cost:
 * SIGKILL or a power cut between two renames loses the originals of modified files (deleted
 * ones survive as `.<name>.layered-*.bak` beside them) — version control covers that case.
 *
 * @example
 * await applyChanges('/work/shop', tree.changes());
 * // { created: ['src/product/product.ts'], modified: ['src/server/container.ts'], removed: [] }
 */
export async function applyChanges(root: string, changes: readonly Change[], options: ApplyOptions = {}): Promise<ApplySummary> {
  const fs = options.fs ?? nodeFs;
  const guard = deferSignals();
  const checkpoint = (): void => {
    if (guard.received) throw new Interrupted(guard.received);
  };
  try {
    const plan = await prepare(root, changes, fs, checkpoint).catch((error: unknown) => {
      throw failedBeforeWriting(error);
    });
    const journal = new Journal();
    const rescueDir = options.rescueDir ?? path.join(tmpdir(), `layered-rescue-${randomBytes(4).toString('hex')}`);
    try {
      await executePlan({ root, fs, journal, checkpoint, rescueDir }, plan);
    } catch (error) {
      throw failedWhileWriting(error, await journal.rollback(), root);
    }
    return summarize(plan);
  } finally {
    // Synchronously after the last checkpoint: a signal is either seen above or gets Node's default.
    guard.release();
  }
}

function summarize(plan: Prepared): ApplySummary {
  const paths = (kind: 'create' | 'modify') => plan.writes.filter((write) => write.kind === kind).map((write) => write.path).sort();
  return { created: paths('create'), modified: paths('modify'), removed: plan.deletes.map((del) => del.path).sort() };
}
