import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import pc from 'picocolors';

import { byPath, type Change } from './change.js';
import { describeConflict, type Conflict } from './conflicts.js';

export interface RenderOptions {
  /** Colour the output; defaults to picocolors' detection (off for NO_COLOR, pipes, CI logs). */
  color?: boolean;
  /** Conflicts to list after the changes (a dry run exits as the real run would). */
  conflicts?: readonly Conflict[];
}

/** The `--json` shape of a plan (the command adds `ok` and `errors`). */
export interface PlanJson {
  created: string[];
  modified: string[];
  removed: string[];
}

/**
 * Renders a plan for `--dry-run`, after Nx's `printChanges`: created paths, then modified
 * paths each followed by a unified diff (`a/` and `b/` prefixes, 3 lines of context), then
 * deleted paths, each group sorted by path.
 *
 * @example
 * renderPlan(tree.changes(), { color: false });
 * // CREATE src/product/product.ts (52 bytes)
 * // UPDATE src/server/container.ts
 * // --- a/src/server/container.ts
 * // +++ b/src/server/container.ts
 * // @@ -1,2 +1,3 @@
 * // ...
 * // DELETE src/old.ts
 */
export function renderPlan(changes: readonly Change[], options: RenderOptions = {}): string {
  const c = pc.createColors(options.color ?? pc.isColorSupported);
  const sorted = [...changes].sort(byPath);
  const lines: string[] = [];
  for (const change of sorted) {
    if (change.kind === 'create') lines.push(`${c.green('CREATE')} ${change.path} (${Buffer.byteLength(change.content)} bytes)`);
  }
  for (const change of sorted) {
    if (change.kind !== 'modify') continue;
    lines.push(`${c.yellow('UPDATE')} ${change.path}`);
    lines.push(...unifiedDiff(change.path, change.original ?? '', change.content).map((line) => colorLine(c, line)));
  }
  for (const change of sorted) {
    if (change.kind === 'delete') lines.push(`${c.red('DELETE')} ${change.path}`);
  }
  for (const conflict of options.conflicts ?? []) lines.push(`${c.red(c.bold('CONFLICT'))} ${describeConflict(conflict)}`);
  if (lines.length === 0) lines.push(c.dim('No changes.'));
  return `${lines.join('\n')}\n`;
}

/**
 * The paths of a plan by kind, sorted.
 *
 * @example
 * planToJson(tree.changes()); // { created: ['src/a.ts'], modified: [], removed: [] }
 */
export function planToJson(changes: readonly Change[]): PlanJson {
  const paths = (kind: Change['kind']) => changes.filter((change) => change.kind === kind).map((change) => change.path).sort();
  return { created: paths('create'), modified: paths('modify'), removed: paths('delete') };
}

/** The unified diff lines of one file, without the trailing empty line. */
export function unifiedDiff(path: string, before: string, after: string): string[] {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return patch.replace(/\n$/, '').split('\n');
}

function colorLine(c: ReturnType<typeof pc.createColors>, line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
  if (line.startsWith('@@')) return c.cyan(line);
  if (line.startsWith('+')) return c.green(line);
  if (line.startsWith('-')) return c.red(line);
  return line;
}
