import { ExitCode, LayeredError } from '../errors.js';

/**
 * Why a planned create cannot happen as asked. `exists` and `planned-twice` can be overridden
 * (`--force`); the other two never can, because no write could make them true.
 */
export type ConflictReason = 'exists' | 'planned-twice' | 'is-directory' | 'parent-is-file';

export interface Conflict {
  path: string;
  reason: ConflictReason;
  /** The parent that is a file, for `parent-is-file`. */
  blocker?: string;
}

const explain: Record<ConflictReason, (conflict: Conflict) => string> = {
  exists: (c) => `${c.path} already exists`,
  'planned-twice': (c) => `${c.path} is created twice by this plan`,
  'is-directory': (c) => `${c.path} is a directory`,
  'parent-is-file': (c) => `${c.path} cannot be created: ${c.blocker ?? 'a parent'} is a file`,
};

/** One line per conflict, e.g. `src/product/product.ts already exists`. */
export function describeConflict(conflict: Conflict): string {
  return explain[conflict.reason](conflict);
}

/**
 * The error a command throws when its plan has conflicts (exit 2), naming every path.
 *
 * @example
 * if (tree.conflicts().length > 0) throw conflictError(tree.conflicts());
 */
export function conflictError(conflicts: readonly Conflict[]): LayeredError {
  const [first] = conflicts;
  const lines = conflicts.map((c) => `  ${describeConflict(c)}`).join('\n');
  const forceable = conflicts.every((c) => c.reason === 'exists' || c.reason === 'planned-twice');
  return new LayeredError(
    'FILE_EXISTS',
    conflicts.length === 1 && first ? `${describeConflict(first)}.` : `${conflicts.length} files conflict with the project:\n${lines}`,
    {
      hint: forceable
        ? 'Nothing was written. Remove or rename those files, or re-run with --force to overwrite them.'
        : 'Nothing was written. Move the blocking files or directories out of the way and re-run.',
      exitCode: ExitCode.Conflict,
      ...(first ? { file: first.path } : {}),
    },
  );
}
