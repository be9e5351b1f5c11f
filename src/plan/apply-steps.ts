import { randomBytes } from 'node:crypto';
import path from 'node:path';

import type { Backup, Prepared } from './apply-prepare.js';
import { StepFailed } from './apply-error.js';
import { describeCause, errnoCode } from './errno.js';
import type { ApplyFs } from './fs.js';
import type { Journal } from './journal.js';
import type { Leftover } from './leftover.js';
import { resolveInRoot } from './paths.js';

/** Everything the steps share: the project, the seam, the undo journal and the signal poll. */
export interface StepContext {
  root: string;
  fs: ApplyFs;
  journal: Journal;
  checkpoint: () => void;
  /** Where an original goes when it cannot be put back; absolute. */
  rescueDir: string;
}

/**
 * Performs a prepared plan. Every step registers its undo before the next signal checkpoint,
 * so whatever stops the run (an error or a signal), the journal can take back exactly what was
 * done. Order: directories, temp files, renames into place, deletes set aside, then the commit
 * (backups unlinked, emptied directories removed). A failure in the commit still rolls back:
 * the originals are in memory, so "all or nothing" holds to the last call.
 */
export async function executePlan(ctx: StepContext, plan: Prepared): Promise<void> {
  const steps = new Steps(ctx);
  for (const dir of plan.newDirs) await steps.makeDir(dir);
  const temps = [];
  for (const write of plan.writes) temps.push(await steps.writeTemp(write.path, write.bytes, write.backup));
  for (const temp of temps) await steps.moveIntoPlace(temp);
  const asides = [];
  for (const del of plan.deletes) asides.push(await steps.setAside(del.path, del.backup));
  for (const aside of asides) await steps.commitDelete(aside);
  for (const dir of plan.prunable) await steps.pruneDir(dir.path, dir.mode);
}

interface Temp {
  path: string;
  file: string;
  backup: Backup | undefined;
  /** Renamed into place: from then on the file's own undo takes over. */
  consumed: boolean;
}

interface Aside {
  path: string;
  backupPath: string;
  backup: Backup;
  unlinked: boolean;
}

class Steps {
  readonly #ctx: StepContext;
  readonly #token = randomBytes(4).toString('hex');
  #counter = 0;

  constructor(ctx: StepContext) {
    this.#ctx = ctx;
  }

  async makeDir(dir: string): Promise<void> {
    await this.#do(dir, 'create directory', () => this.#ctx.fs.mkdir(this.#abs(dir)));
    this.#undo(() => this.#ctx.fs.rmdir(this.#abs(dir)), (cause) => [{ kind: 'remove-dir', path: dir, cause }]);
  }

  /** Its undo is registered before the write: a failed write can leave half a file. */
  async writeTemp(file: string, bytes: Buffer, backup: Backup | undefined): Promise<Temp> {
    const temp: Temp = { path: this.#tempFor(file, 'tmp'), file, backup, consumed: false };
    this.#ctx.journal.push({
      run: () => (temp.consumed ? Promise.resolve() : this.#removeIfPresent(temp.path)),
      leftover: async (error) => [{ kind: 'remove-file', path: temp.path, cause: describeCause(error) }],
    });
    await this.#do(file, 'write', () => this.#ctx.fs.writeFile(this.#abs(temp.path), bytes));
    this.#ctx.checkpoint();
    // A modified file keeps its permissions (an executable script stays executable).
    if (backup) {
      await this.#do(file, 'set permissions on', () => this.#ctx.fs.chmod(this.#abs(temp.path), backup.mode));
      this.#ctx.checkpoint();
    }
    return temp;
  }

  async moveIntoPlace(temp: Temp): Promise<void> {
    const { file, backup } = temp;
    await this.#do(file, 'move into place', () => this.#ctx.fs.rename(this.#abs(temp.path), this.#abs(file)));
    temp.consumed = true;
    if (backup) this.#undo(() => this.#restore(file, backup), (cause, error) => this.#rescue(file, backup, cause, error));
    else this.#undo(() => this.#ctx.fs.unlink(this.#abs(file)), (cause) => [{ kind: 'remove-file', path: file, cause }]);
  }

  /** Deletes are renames aside until the commit, so undoing one before then is a rename back. */
  async setAside(file: string, backup: Backup): Promise<Aside> {
    const aside: Aside = { path: file, backupPath: this.#tempFor(file, 'bak'), backup, unlinked: false };
    await this.#do(file, 'set aside', () => this.#ctx.fs.rename(this.#abs(file), this.#abs(aside.backupPath)));
    this.#undo(
      () => (aside.unlinked ? this.#restore(file, backup) : this.#ctx.fs.rename(this.#abs(aside.backupPath), this.#abs(file))),
      (cause, error) =>
        aside.unlinked
          ? this.#rescue(file, backup, cause, error)
          : Promise.resolve([{ kind: 'restore-file', path: file, from: this.#abs(aside.backupPath), cause }]),
    );
    return aside;
  }

  async commitDelete(aside: Aside): Promise<void> {
    await this.#do(aside.path, 'delete', () => this.#ctx.fs.unlink(this.#abs(aside.backupPath)));
    aside.unlinked = true;
    this.#ctx.checkpoint();
  }

  async pruneDir(dir: string, mode: number): Promise<void> {
    try {
      await this.#ctx.fs.rmdir(this.#abs(dir));
    } catch (error) {
      // Not empty: it holds files the plan does not know about, so it stays.
      if (errnoCode(error) === 'ENOTEMPTY' || errnoCode(error) === 'EEXIST') return this.#ctx.checkpoint();
      throw new StepFailed(dir, 'remove directory', error);
    }
    this.#undo(
      async () => {
        await this.#ctx.fs.mkdir(this.#abs(dir));
        await this.#ctx.fs.chmod(this.#abs(dir), mode);
      },
      (cause) => [{ kind: 'recreate-dir', path: dir, cause }],
    );
  }

  async #do(file: string, action: string, op: () => Promise<void>): Promise<void> {
    try {
      await op();
    } catch (error) {
      throw new StepFailed(file, action, error);
    }
  }

  // Registers the undo of the step just done, then honours a pending signal.
  #undo(run: () => Promise<void>, leftover: (cause: string, error: unknown) => Leftover[] | Promise<Leftover[]>): void {
    this.#ctx.journal.push({ run, leftover: async (error) => leftover(describeCause(error), error) });
    this.#ctx.checkpoint();
  }

  // Rewrites an original from memory through a temp file, so the file is never half-restored.
  async #restore(file: string, backup: Backup): Promise<void> {
    const temp = this.#tempFor(file, 'tmp');
    try {
      await this.#ctx.fs.writeFile(this.#abs(temp), backup.bytes);
      await this.#ctx.fs.chmod(this.#abs(temp), backup.mode);
      await this.#ctx.fs.rename(this.#abs(temp), this.#abs(file));
    } catch (error) {
      throw new RestoreFailed(error, await this.#removeIfPresent(temp).then(() => undefined, () => temp));
    }
  }

  // When an original cannot go back in place, a copy outside the project is the next best thing.
  async #rescue(file: string, backup: Backup, cause: string, error: unknown): Promise<Leftover[]> {
    const stray: Leftover[] =
      error instanceof RestoreFailed && error.strayTemp ? [{ kind: 'remove-file', path: error.strayTemp, cause: 'left by the failed restore' }] : [];
    const copy = path.join(this.#ctx.rescueDir, ...file.split('/'));
    try {
      await this.#ctx.fs.mkdir(path.dirname(copy), { recursive: true });
      await this.#ctx.fs.writeFile(copy, backup.bytes);
      await this.#ctx.fs.chmod(copy, backup.mode);
      return [...stray, { kind: 'restore-file', path: file, from: copy, cause }];
    } catch (rescueError) {
      return [...stray, { kind: 'lost', path: file, cause: `${cause}; saving a copy failed: ${describeCause(rescueError)}`, original: backup.bytes }];
    }
  }

  async #removeIfPresent(file: string): Promise<void> {
    try {
      await this.#ctx.fs.unlink(this.#abs(file));
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
  }

  // Beside the target, so the final rename stays on one file system (and so is atomic).
  #tempFor(file: string, suffix: 'tmp' | 'bak'): string {
    const dir = path.posix.dirname(file);
    const name = `.${path.posix.basename(file).slice(0, 100)}.layered-${this.#token}-${++this.#counter}.${suffix}`;
    return dir === '.' ? name : `${dir}/${name}`;
  }

  #abs(file: string): string {
    return resolveInRoot(this.#ctx.root, file);
  }
}

class RestoreFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly strayTemp: string | undefined,
  ) {
    super(describeCause(cause), { cause });
  }
}
