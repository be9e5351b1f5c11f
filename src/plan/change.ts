/**
 * One planned file change, as the tree records it and `applyChanges` writes it.
 * `original` is the file's content when it was planned: it feeds the diff, and `applyChanges`
 * refuses to write when the file on disk no longer matches it (edited since the plan).
 *
 * @example
 * const change: Change = { kind: 'modify', path: 'src/server/container.ts', content: next, original: before };
 */
export type Change =
  | { kind: 'create'; path: string; content: string }
  | { kind: 'modify'; path: string; content: string; original?: string }
  | { kind: 'delete'; path: string; original?: string };

export type ChangeKind = Change['kind'];

/** Sorts by path in code-unit order, which is stable across locales (unlike localeCompare). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
