import type { Leftover } from './leftover.js';

/** How to take back one completed step, and what to report when that fails. */
export interface Undo {
  run(): Promise<void>;
  leftover(error: unknown): Promise<Leftover[]>;
}

/**
 * The steps apply has done, newest last. Rolling back runs every undo in reverse order and
 * keeps going past failures, so one stuck file does not leave the others unrestored.
 */
export class Journal {
  readonly #undos: Undo[] = [];

  push(undo: Undo): void {
    this.#undos.push(undo);
  }

  /** Undoes everything; returns what could not be undone (empty when the project is restored). */
  async rollback(): Promise<Leftover[]> {
    const leftovers: Leftover[] = [];
    for (const undo of this.#undos.reverse()) {
      try {
        await undo.run();
      } catch (error) {
        leftovers.push(...(await undo.leftover(error)));
      }
    }
    this.#undos.length = 0;
    return leftovers;
  }
}
