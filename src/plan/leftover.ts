/**
 * What a failed rollback left behind, one entry per path, in the order to fix them by hand.
 * `path` is project-relative; `from` is absolute (a backup beside the file, or a rescue copy
 * under the OS temp directory).
 */
export type Leftover =
  | { kind: 'remove-file'; path: string; cause: string }
  | { kind: 'remove-dir'; path: string; cause: string }
  | { kind: 'recreate-dir'; path: string; cause: string }
  | { kind: 'restore-file'; path: string; from: string; cause: string }
  | { kind: 'lost'; path: string; cause: string; original: Uint8Array };

const quote = (path: string): string => `'${path.replaceAll("'", `'\\''`)}'`;

/**
 * One line a user can act on, with the shell command that finishes the restore.
 *
 * @example
 * describeLeftover({ kind: 'remove-file', path: 'src/a.ts', cause: 'EIO: i/o error' });
 * // "src/a.ts: created by this run and not removed (EIO: i/o error); delete it: rm 'src/a.ts'"
 */
export function describeLeftover(leftover: Leftover): string {
  const { path, cause } = leftover;
  switch (leftover.kind) {
    case 'remove-file':
      return `${path}: created by this run and not removed (${cause}); delete it: rm ${quote(path)}`;
    case 'remove-dir':
      return `${path}/: directory created by this run and not removed (${cause}); delete it: rmdir ${quote(path)}`;
    case 'recreate-dir':
      return `${path}/: directory removed by this run and not recreated (${cause}); recreate it: mkdir ${quote(path)}`;
    case 'restore-file':
      return `${path}: not restored (${cause}); its original is saved, put it back: mv ${quote(leftover.from)} ${quote(path)}`;
    case 'lost':
      return `${path}: not restored, and its original could not be saved anywhere (${cause}); recover it from version control`;
  }
}
